"""The built finder, "Am I a care leaver?" and the first screen of the fixture site.

What each page holds is compared with the views (macros/derive/finder.py and
care_leavers.py); the browser tests (tests/browser_tests/test_finder.py) walk them.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, Tag

from macros.derive.finder import FINDER_AGES
from macros.derive.phones import tel_href
from macros.derive.site import SiteViews
from macros.validate.site_data import SiteData
from tests.conftest import soup_of

BASE = "https://site.test/"


def page(site_dir: Path, url: str) -> BeautifulSoup:
    return soup_of(site_dir / url / "index.html")


def article(soup: BeautifulSoup) -> Tag:
    found = soup.select_one("article.md-content__inner")
    assert found is not None
    return found


def resolve(from_url: str, href: str) -> tuple[str, dict[str, list[str]]]:
    """A link's target as a site URL, and its query."""
    target = urlsplit(urljoin(BASE + from_url, href))
    return target.path.removeprefix("/"), parse_qs(target.query)


def text(tag: Tag | None) -> str:
    assert tag is not None
    return " ".join(tag.get_text(" ").split())


def entry_of(result: Tag) -> str:
    """The id of the entry a result is for: its title links to the entry's card."""
    link = result.select_one(".clo-result__title a")
    assert link is not None
    return urlsplit(str(link["href"])).fragment


# --- Results pages: one per age -----------------------------------------------------------


def test_a_results_page_is_made_for_each_age_and_the_page_itself_is_not_published(
    site_dir: Path, views: SiteViews
) -> None:
    assert views.places.finder_results == "finder/results.md"
    assert not (site_dir / "finder" / "results").exists()
    made = sorted(p.name for p in (site_dir / "finder").iterdir() if p.name.isdigit())
    assert made == [str(age) for age in FINDER_AGES]
    for age in FINDER_AGES:
        soup = page(site_dir, f"finder/{age}")
        title = views.words("finder.results_title", age=age)
        assert soup.title is not None and soup.title.get_text().startswith(title)
        assert [text(h) for h in article(soup).select("h1")] == [title]


@pytest.mark.parametrize("age", FINDER_AGES)
def test_each_age_page_lists_what_applies_at_that_age_with_its_clauses(
    site_dir: Path, views: SiteViews, age: int
) -> None:
    assert views.finder is not None
    url = f"finder/{age}/"
    soup = page(site_dir, url)
    sections = soup.select("[data-clo-finder-section]")
    expected = views.finder.results[age]
    assert [text(s.select_one("h2")) for s in sections] == [g.section.title for g in expected]
    for section, group in zip(sections, expected, strict=True):
        items = section.select(".clo-result")
        assert [entry_of(item) for item in items] == [r.entry.id for r in group.results]
        for item, result in zip(items, group.results, strict=True):
            assert item.get("data-clo-needs", "") == result.browser_needs
            if result.browser_needs:
                assert json.loads(result.browser_needs), "an attribute says something"
            link = item.select_one("h3 a")
            assert link is not None and text(link) == result.entry.title
            assert resolve(url, str(link["href"]))[0] == result.entry.url.split("#")[0]
            assert str(link["href"]).endswith(f"#{result.entry.id}")
    count = sum(len(group.results) for group in expected)
    assert text(soup.select_one("[data-clo-finder-count]")) == views.words(
        "finder.count", count=count
    )
    labels = soup.select_one("#clo-finder-labels")
    assert labels is not None and json.loads(labels.get_text()) == views.finder.labels()


def test_a_result_says_how_much_who_how_and_whom_to_contact(
    site_dir: Path, views: SiteViews
) -> None:
    soup = page(site_dir, "finder/19/")
    words = views.words
    items = {entry_of(item): item for item in soup.select(".clo-result")}
    bursary = items["college-bursary"]
    labels = [text(dt) for dt in bursary.select("dt")]
    assert labels[:2] == [words("entry.who_can_get_it"), words("entry.how_to_get_it")]
    # How to get it: a link to the steps on the entry's card, or whom to ask.
    assert views.finder is not None
    entries = {r.entry.id: r.entry for g in views.finder.results[19] for r in g.results}
    for entry_id, item in items.items():
        how = item.find("dt", string=words("entry.how_to_get_it"))
        assert isinstance(how, Tag), entry_id
        answer = how.find_next_sibling("dd")
        assert isinstance(answer, Tag)
        entry = entries[entry_id]
        if entry.steps:
            links = answer.select("a")
            assert [text(a) for a in links] == [words("finder.see_steps")], entry_id
            assert answer.select("ol, li") == [], "the steps are on the card"
            target, _ = resolve("finder/19/", str(links[0]["href"]))
            assert target == entry.url.split("#")[0]
            card = page(site_dir, target)
            fragment = urlsplit(str(links[0]["href"])).fragment
            assert fragment == entry.steps_id
            heading = card.find(id=fragment)
            assert isinstance(heading, Tag) and text(heading) == words("entry.how_to_get_it")
            steps = heading.find_next_sibling("dd")
            assert isinstance(steps, Tag) and len(steps.select("ol > li")) == len(entry.steps)
        else:
            assert text(answer) == entry.ask_text, entry_id
    assert any(e.steps for e in entries.values()) and any(not e.steps for e in entries.values())
    elsewhere = items["council-tax-elsewhere"]
    area = views.settings.council.area_name
    assert words("where.outside_area", area=area) in text(elsewhere)
    with_amounts = [item for item in items.values() if item.select(".clo-amount")]
    assert with_amounts, "the fixture has amounts"
    with_contact = [item for item in items.values() if words("entry.contact") in text(item)]
    assert all(item.select("a[href^='tel:'], a[href^='mailto:']") for item in with_contact)


def test_the_team_and_the_out_of_hours_number_come_first(site_dir: Path, data: SiteData) -> None:
    contact = data.settings.contact
    soup = page(site_dir, "finder/19/")
    heading = article(soup).select_one("h1")
    assert heading is not None
    box = heading.find_next_sibling()
    assert isinstance(box, Tag) and "clo-finder-contact" in box["class"]
    hrefs = [a["href"] for a in box.select("a")]
    assert tel_href(contact.phone) in hrefs and tel_href(contact.out_of_hours_phone) in hrefs
    # Markup from data is text here too.
    assert contact.opening_hours in text(box) and box.select("img") == []


# --- The questions -----------------------------------------------------------------------


def test_each_age_on_the_first_question_leads_to_its_page_or_the_next_question(
    site_dir: Path, views: SiteViews
) -> None:
    for url in ("finder/", ""):
        soup = page(site_dir, url) if url else soup_of(site_dir / "index.html")
        links = soup.select("a.clo-finder__age")
        assert [text(a) for a in links] == [str(age) for age in FINDER_AGES]
        for link, age in zip(links, FINDER_AGES, strict=True):
            assert resolve(url, str(link["href"])) == (f"finder/{age}/", {})
            assert resolve(url, str(link["data-clo-href"])) == (
                "finder/situations/",
                {"age": [str(age)]},
            )
        group = soup.select_one("ul.clo-finder__ages")
        assert group is not None
        label = soup.select_one(f"#{group['aria-labelledby']}")
        assert text(label) == views.words("finder.age_question")


def test_the_situations_question_is_a_fieldset_of_checkboxes_with_none_of_these(
    site_dir: Path, views: SiteViews
) -> None:
    assert views.finder is not None
    soup = page(site_dir, "finder/situations/")
    form = soup.select_one("form[data-clo-finder-question='situation']")
    assert form is not None and form["method"] == "get"
    assert resolve("finder/situations/", str(form["action"]))[0] == "finder/where/"
    legend = form.select_one("fieldset > legend h1")
    assert text(legend) == views.words("finder.situations_question")
    boxes = form.select("input[type=checkbox][name=situation]")
    values = [c.value for c in views.finder.situations] + ["none"]
    assert [box["value"] for box in boxes] == values
    for box in boxes:
        label = form.select_one(f"label[for='{box['id']}']")
        assert label is not None and text(label)
    summary = soup.select_one("[data-clo-error-summary]")
    message = form.select_one("[data-clo-error-message]")
    assert summary is not None and summary.has_attr("hidden")
    assert message is not None and message.has_attr("hidden")
    assert views.words("finder.situations_error") in text(message)
    link = summary.select_one("a")
    assert link is not None and link["href"] == f"#{boxes[0]['id']}"


def test_the_where_question_sends_each_age_to_its_results_page(
    site_dir: Path, views: SiteViews
) -> None:
    assert views.finder is not None
    soup = page(site_dir, "finder/where/")
    form = soup.select_one("form[data-clo-finder-question='where']")
    assert form is not None
    radios = form.select("input[type=radio][name=where]")
    assert [r["value"] for r in radios] == [c.value for c in views.finder.where]
    assert [c.value for c in views.finder.where] == [
        "northtown",
        "southtown",
        "outside",
        "not-sure",
    ]
    pages = json.loads(str(form["data-clo-finder-results"]))
    assert sorted(pages, key=int) == [str(age) for age in FINDER_AGES]
    for age, href in pages.items():
        assert resolve("finder/where/", href)[0] == f"finder/{age}/"
        assert (site_dir / "finder" / age / "index.html").is_file()


@pytest.mark.parametrize("url", ["finder/situations", "finder/where"])
def test_a_questions_hidden_error_is_not_in_its_contents(site_dir: Path, url: str) -> None:
    # The error summary's title is a heading, shown only when nothing was chosen: the
    # contents beside the question must not say "There is a problem" before then.
    soup = page(site_dir, url)
    error_title = soup.select_one(".clo-error-summary__title")
    assert error_title is not None and error_title.find_parent(hidden=True) is not None
    contents = soup.select_one(".md-nav--secondary")
    assert contents is not None
    assert error_title.get_text(strip=True) not in contents.get_text(" ", strip=True)


def test_a_questions_button_waits_for_its_script(site_dir: Path) -> None:
    """A question's script copies the answers so far into its form after the first
    paint (as every page's scripts start, overrides/main.html): until then its Continue
    button is disabled, so the answers cannot be sent without them."""
    for url in ("finder/situations/", "finder/where/"):
        button = page(site_dir, url).select_one("form[data-clo-finder-question] button")
        assert button is not None and button.get("type") == "submit", url
        assert button.has_attr("disabled"), url


# --- First screen first --------------------------------------------------------------------


def test_the_home_page_starts_the_finder_before_anything_else(site_dir: Path) -> None:
    soup = soup_of(site_dir / "index.html")
    content = article(soup)
    start = content.select_one(".clo-finder-start")
    assert start is not None
    headings = content.select("h1, h2")
    assert headings[0].name == "h1" and start.select_one("h2") is headings[1]


def test_the_header_shows_the_short_name_and_the_title_the_full_one(
    site_dir: Path, views: SiteViews, data: SiteData
) -> None:
    assert data.settings.header_name == "Testborough <b>CL</b>"
    soup = soup_of(site_dir / "offer" / "money" / "index.html")
    topic = soup.select_one(".md-header__topic .md-ellipsis")
    assert text(topic) == data.settings.header_name
    assert topic is not None and topic.select("b") == []
    assert soup.title is not None and soup.title.get_text().endswith(views.theme.site_name)


# --- Am I a care leaver? --------------------------------------------------------------------


def test_every_step_is_on_the_page_and_every_answer_leads_to_one(
    site_dir: Path, views: SiteViews
) -> None:
    check = views.care_leaver_check
    assert check is not None and views.places.care_leaver_check == "am-i-a-care-leaver/"
    soup = page(site_dir, "am-i-a-care-leaver/")
    steps = soup.select(".clo-check__step")
    assert [s["id"] for s in steps] == [step.id for step in check.steps]
    assert "clo-check__step--start" in steps[0]["class"]
    ids = {str(s["id"]) for s in steps}
    for section, step in zip(steps, check.steps, strict=True):
        # Links within the page but the glossary's (a.clo-term, to a word's meaning).
        answers = [a for a in section.select("a:not(.clo-term)") if str(a["href"]).startswith("#")]
        assert {str(a["href"])[1:] for a in answers} <= ids
        if step.question is not None:
            assert text(section.select_one("h2")) == step.question
            assert [text(a) for a in section.select("a.clo-choice")] == [
                answer.label for answer in step.answers
            ]
        else:
            assert [text(h) for h in section.select("h3")] == [o.name for o in step.outcomes]
            caveat = section.select_one(".clo-check__caveat")
            assert caveat is not None and caveat.select_one("a[href^='tel:']")
    rules = soup.select(".clo-check__rules > ol > li")
    assert len(rules) == len(check.categories)
    # Hostile text in the data is text.
    assert "<i>" in text(article(soup)) and article(soup).select("i") == []
