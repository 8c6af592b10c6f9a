"""The strategy as built: principles, cross-references both ways, action plan, figures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.derive.action_plan import STATUS_LABELS, milestone_status
from macros.derive.charts import format_number
from macros.derive.dates import format_date, today
from macros.validate.site_data import SiteData, load_site_data
from tests.conftest import FROZEN_EPOCH, ROOT, soup_of

BUILD_DATE = today({"SOURCE_DATE_EPOCH": FROZEN_EPOCH})


@pytest.fixture(scope="module")
def data() -> SiteData:
    return load_site_data(ROOT)


def page(site_dir: Path, path: str) -> BeautifulSoup:
    return soup_of(site_dir / path / "index.html")


def words(text: str) -> str:
    return " ".join(text.split())


def resolve(site_dir: Path, from_page: str, href: str) -> tuple[Path, str]:
    path, _, fragment = href.partition("#")
    target = (site_dir / from_page / path).resolve()
    return (target / "index.html" if target.is_dir() else target), fragment


def test_each_principle_appears_with_its_outcomes_and_measures(
    site_dir: Path, data: SiteData
) -> None:
    soup = page(site_dir, "strategy/where-we-want-to-be")
    for principle in data.principles.principles:
        heading = soup.find(id=principle.id)
        assert heading is not None, principle.id
        assert principle.short_name in heading.get_text()
        item = heading.find_parent("li")
        assert item is not None
        text = words(item.get_text(" "))
        assert words(principle.duty) in text
        for outcome in principle.outcomes:
            assert soup.find(id=outcome.id) is not None
            assert words(outcome.text) in text
            for measure in outcome.measures:
                assert words(measure) in text


def test_offer_entries_and_principles_link_both_ways(site_dir: Path, data: SiteData) -> None:
    principles_page = page(site_dir, "strategy/where-we-want-to-be")
    checked = 0
    for section_id, section in data.offer.items():
        section_page = page(site_dir, f"offer/{section_id}")
        for entry in section.entries:
            card = section_page.find(id=entry.id).find_parent("article")  # type: ignore[union-attr]
            links = [str(a["href"]) for a in card.select("a[href*='where-we-want-to-be']")]
            assert sorted(h.split("#")[1] for h in links) == sorted(entry.principles)
            for href in links:
                target, fragment = resolve(site_dir, f"offer/{section_id}", href)
                assert soup_of(target).find(id=fragment) is not None
            for principle_id in entry.principles:
                item = principles_page.find(id=principle_id).find_parent("li")  # type: ignore[union-attr]
                back = [str(a["href"]) for a in item.select(".clo-principle__links a")]
                assert any(h.endswith(f"offer/{section_id}/#{entry.id}") for h in back), (
                    f"{principle_id} does not list {entry.id}"
                )
                checked += 1
    assert checked > 0


def test_actions_and_principles_link_both_ways(site_dir: Path, data: SiteData) -> None:
    assert data.action_plan is not None
    plan_page = page(site_dir, "strategy/action-plan")
    principles_page = page(site_dir, "strategy/where-we-want-to-be")
    for action in data.action_plan.actions:
        heading = plan_page.find(id=action.id)
        assert heading is not None, action.id
        section = heading.find_parent("section")
        assert section is not None and section["aria-labelledby"] == f"plan-{action.principle}"
        item = principles_page.find(id=action.principle).find_parent("li")  # type: ignore[union-attr]
        back = [str(a["href"]) for a in item.select(".clo-principle__links a")]
        assert any(h.endswith(f"action-plan/#{action.id}") for h in back)


def test_action_plan_shows_every_milestone_with_its_status(site_dir: Path, data: SiteData) -> None:
    assert data.action_plan is not None
    plan_page = page(site_dir, "strategy/action-plan")
    seen = 0
    for action in data.action_plan.actions:
        card = plan_page.find(id=action.id).find_parent("article")  # type: ignore[union-attr]
        shown = [words(li.get_text(" ")) for li in card.select(".clo-milestone")]
        assert len(shown) == len(action.milestones)
        for milestone, text in zip(action.milestones, shown, strict=True):
            status = STATUS_LABELS[milestone_status(milestone, BUILD_DATE)]
            assert text.startswith(f"{status} {format_date(milestone.due_on)}")
            assert words(milestone.what) in text
            seen += 1
    assert seen > 0
    statuses = {
        milestone_status(m, BUILD_DATE) for a in data.action_plan.actions for m in a.milestones
    }
    assert {"done", "overdue"} <= statuses, "the example shows more than one status"


def test_charts_carry_the_data_and_text_alternatives(site_dir: Path, data: SiteData) -> None:
    assert data.figures is not None
    soup = page(site_dir, "strategy/where-we-are-now")
    svgs = soup.select("svg.clo-chart")
    assert len(svgs) == 2
    for svg in svgs:
        assert svg["role"] == "img"
        title_id, desc_id = str(svg["aria-labelledby"]).split()
        assert soup.find(id=title_id).name == "title"  # type: ignore[union-attr]
        assert soup.find(id=desc_id).name == "desc"  # type: ignore[union-attr]
    text = words(soup.get_text(" "))
    for placement in data.figures.placements.by_type:
        assert format_number(placement.count) in text
        assert placement.label in text
    for district in data.figures.rates.districts:
        assert district.name in text and format_number(district.rate_per_10000) in text
    assert soup.select("table.clo-chart-table caption")


def test_no_figure_is_typed_into_a_page(data: SiteData) -> None:
    assert data.figures is not None
    figures = data.figures
    numbers = {p.count for p in figures.placements.by_type} | {figures.placements.total}
    numbers |= {d.children for d in figures.rates.districts}
    numbers |= {d.rate_per_10000 for d in figures.rates.districts}
    numbers |= {figures.rates.comparison_rate} | {o.value for o in figures.other}
    typed = {format_number(n) for n in numbers if n >= 20}
    for markdown in (ROOT / "docs").rglob("*.md"):
        if markdown.name == "editing-guide.md":  # not published; its examples are not figures
            continue
        tokens = set(re.findall(r"(?<![\w.-])\d[\d,.]*(?![\w-])", markdown.read_text("utf-8")))
        assert not tokens & typed, f"{markdown.name} types {tokens & typed}; use figure()"
