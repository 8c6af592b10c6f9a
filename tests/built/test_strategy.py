"""The strategy as built: principles, cross-references both ways, action plan, figures."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from macros.derive.action_plan import milestone_status
from macros.derive.site import SiteViews
from macros.validate.site_data import SiteData
from tests.conftest import BUILD_DATE, FIXTURE_SITE, soup_of


def page(site_dir: Path, url: str | None) -> BeautifulSoup:
    assert url is not None, "no page shows this"
    return soup_of(site_dir / url.split("#")[0] / "index.html")


def words(text: str) -> str:
    return " ".join(text.split())


def resolve(site_dir: Path, from_url: str, href: str) -> tuple[Path, str]:
    """The built file and #fragment a link on the page at ``from_url`` goes to."""
    path, _, fragment = href.partition("#")
    target = (site_dir / from_url / path).resolve()
    return (target / "index.html" if target.is_dir() else target), fragment


def principle_item(soup: BeautifulSoup, principle_id: str) -> Tag:
    heading = soup.find(id=principle_id)
    assert isinstance(heading, Tag), principle_id
    item = heading.find_parent("li")
    assert item is not None
    return item


def test_the_fixture_pages_show_principles_and_the_plan(views: SiteViews) -> None:
    assert views.places.principles == "strategy/principles/"
    assert views.places.action_plan == "strategy/action-plan/"


def test_each_principle_appears_with_its_outcomes_and_measures(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    soup = page(site_dir, views.places.principles)
    measures = 0
    for principle in data.principles.principles:
        heading = soup.find(id=principle.id)
        assert heading is not None, principle.id
        assert principle.short_name in heading.get_text()
        text = words(principle_item(soup, principle.id).get_text(" "))
        assert words(principle.duty) in text
        for outcome in principle.outcomes:
            assert soup.find(id=outcome.id) is not None
            assert words(outcome.text) in text
            for measure in outcome.measures:
                assert words(measure) in text
                measures += 1
    assert measures > 0


def test_offer_entries_and_principles_link_both_ways(site_dir: Path, views: SiteViews) -> None:
    principles_url = views.places.principles
    assert principles_url is not None
    principles_page = page(site_dir, principles_url)
    checked = 0
    for section in views.sections.values():
        section_page = page(site_dir, section.url)
        for entry in section.entries:
            heading = section_page.find(id=entry.id)
            assert isinstance(heading, Tag)
            card = heading.find_parent("article")
            assert card is not None
            links = [
                str(a["href"]) for a in card.select(f"a[href*='{principles_url.rstrip('/')}']")
            ]
            assert sorted(h.split("#")[1] for h in links) == sorted(p.id for p in entry.principles)
            for href in links:
                target, fragment = resolve(site_dir, section.url, href)
                assert soup_of(target).find(id=fragment) is not None
            for link in entry.principles:
                item = principle_item(principles_page, link.id)
                back = [str(a["href"]) for a in item.select(".clo-principle__links a")]
                assert any(h.endswith(entry.url) for h in back), (
                    f"{link.id} does not list {entry.id}"
                )
                targets = [resolve(site_dir, principles_url, h) for h in back]
                assert resolve(site_dir, "", entry.url) in targets
                checked += 1
    assert checked >= 5


def test_actions_and_principles_link_both_ways(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    assert data.action_plan is not None
    plan_url = views.places.action_plan
    assert plan_url is not None and views.places.principles is not None
    plan_page = page(site_dir, plan_url)
    principles_page = page(site_dir, views.places.principles)
    for action in data.action_plan.actions:
        heading = plan_page.find(id=action.id)
        assert isinstance(heading, Tag), action.id
        section = heading.find_parent("section")
        assert section is not None and section["aria-labelledby"] == f"plan-{action.principle}"
        meaning = section.find("a", href=re.compile(f"#{action.principle}$"))
        assert isinstance(meaning, Tag)
        target, fragment = resolve(site_dir, plan_url, str(meaning["href"]))
        assert target == resolve(site_dir, "", views.places.principles)[0]
        assert fragment == action.principle
        item = principle_item(principles_page, action.principle)
        back = [str(a["href"]) for a in item.select(".clo-principle__links a")]
        assert any(h.endswith(f"action-plan/#{action.id}") for h in back)


def test_action_plan_shows_every_milestone_with_its_status(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    assert data.action_plan is not None
    plan_page = page(site_dir, views.places.action_plan)
    seen = 0
    for action in data.action_plan.actions:
        heading = plan_page.find(id=action.id)
        assert isinstance(heading, Tag)
        card = heading.find_parent("article")
        assert card is not None
        shown = [words(li.get_text(" ")) for li in card.select(".clo-milestone")]
        assert len(shown) == len(action.milestones)
        for milestone, text in zip(action.milestones, shown, strict=True):
            status = views.words(f"plan.{milestone_status(milestone, BUILD_DATE)}")
            assert text.startswith(f"{status} {views.words.date(milestone.due_on)}")
            assert words(milestone.what) in text
            seen += 1
    assert seen > 0
    statuses = {
        milestone_status(m, BUILD_DATE) for a in data.action_plan.actions for m in a.milestones
    }
    assert {"done", "overdue", "planned"} <= statuses, "the fixture shows each status"


def test_charts_carry_the_data_and_text_alternatives(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    assert data.figures is not None
    soup = page(site_dir, "strategy/figures/")
    svgs = soup.select("svg.clo-chart")
    assert len(svgs) == 4, "figure_charts(), then each chart again on its own"
    ids = [str(tag["id"]) for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "a chart shown twice gets new ids"
    for svg in svgs:
        assert svg["role"] == "img"
        title_id, desc_id = str(svg["aria-labelledby"]).split()
        title, desc = soup.find(id=title_id), soup.find(id=desc_id)
        assert isinstance(title, Tag) and title.name == "title" and title.get_text(strip=True)
        assert isinstance(desc, Tag) and desc.name == "desc" and desc.get_text(strip=True)
    text = words(soup.get_text(" "))
    number = views.words.number
    for placement in data.figures.placements.by_type:
        assert number(placement.count) in text
        assert words(placement.label) in text
    for district in data.figures.rates.districts:
        assert district.name in text and number(district.rate_per_10000) in text
    captions = soup.select("table.clo-chart-table caption")
    assert len(captions) == 4
    # The figures written in the page's own sentence come from figure().
    assert f"There were {number(data.figures.placements.total)} children" in text
    assert f"{number(1234)} places were bought" in text


def test_no_figure_is_typed_into_a_page(data: SiteData, views: SiteViews) -> None:
    assert data.figures is not None
    figures = data.figures
    numbers = {p.count for p in figures.placements.by_type} | {figures.placements.total}
    numbers |= {d.children for d in figures.rates.districts}
    numbers |= {d.rate_per_10000 for d in figures.rates.districts}
    numbers |= {figures.rates.comparison_rate} | {o.value for o in figures.other}
    typed = {views.words.number(n) for n in numbers if n >= 20}
    assert {"200", "1,234", "95.5"} <= typed
    markdown_pages = list((FIXTURE_SITE / "docs").rglob("*.md"))
    assert markdown_pages
    for markdown in markdown_pages:
        tokens = set(re.findall(r"(?<![\w.-])\d[\d,.]*(?![\w-])", markdown.read_text("utf-8")))
        assert not tokens & typed, f"{markdown.name} types {tokens & typed}; use figure()"
