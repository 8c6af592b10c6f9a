"""The "Table of contents" beside each page lists every heading on it (issue 22).

Block macros (an offer section's entries, the overview's sections) are put into the page
after Markdown has listed its headings (``macros/render/html_blocks.py``); their headings
must still reach the table of contents, so that a reader on a wide screen sees, and can
jump to, every entry of a section. Checked on every page of both of the suite's sites.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from macros.render.html_blocks import UNLISTED
from tests.conftest import built_pages, soup_of

HEADINGS = "h2[id], h3[id], h4[id], h5[id], h6[id]"


def unlisted_headings(site_dir: Path) -> list[str]:
    """Headings with an id in a page's content that its table of contents leaves out."""
    missing = []
    for html in built_pages(site_dir):
        soup: BeautifulSoup = soup_of(html)
        content = soup.select_one("article.md-content__inner")
        if content is None:
            continue
        listed = {
            str(link["href"]) for link in soup.select(".md-sidebar--secondary nav a[href^='#']")
        }
        where = html.relative_to(site_dir).as_posix()
        for heading in content.select(HEADINGS):
            if heading.has_attr(UNLISTED):
                continue  # see the test below
            if f"#{heading['id']}" not in listed:
                missing.append(f"{where}: {heading.name} {heading.get_text(' ', strip=True)!r}")
    return missing


def entry_headings_without_ids(site_dir: Path) -> list[str]:
    """Offer entries whose heading could not be listed: no id to link to."""
    found = []
    for html in built_pages(site_dir):
        for entry in soup_of(html).select("article.clo-entry"):
            heading = entry.find(["h2", "h3"])
            if not isinstance(heading, Tag) or not heading.get("id"):
                found.append(
                    f"{html.relative_to(site_dir).as_posix()}: {entry.get('aria-labelledby')}"
                )
    return found


@pytest.fixture(params=["site_dir", "real_offer_site_dir"])
def any_site(request: pytest.FixtureRequest) -> Path:
    built: Path = request.getfixturevalue(request.param)
    return built


def test_the_table_of_contents_lists_every_heading(any_site: Path) -> None:
    missing = unlisted_headings(any_site)
    assert missing == [], f"{len(missing)} headings not in the table of contents:\n" + "\n".join(
        missing
    )


def test_every_offer_entry_can_be_listed(any_site: Path) -> None:
    assert any(soup_of(html).select("article.clo-entry") for html in built_pages(any_site))
    assert entry_headings_without_ids(any_site) == []


def test_the_hidden_steps_of_am_i_a_care_leaver_are_not_listed(site_dir: Path) -> None:
    # Each step's heading has an id (it names the step for screen readers), but the page
    # shows one step at a time: a link to a hidden step's heading would show nothing.
    for page in ("am-i-a-care-leaver", "ar/am-i-a-care-leaver"):
        soup = soup_of(site_dir / page / "index.html")
        steps = soup.select(f"article [{UNLISTED}]")
        assert len(steps) > 5, page
        assert all(step.find_parent(class_="clo-check__step") for step in steps), page
        listed = {str(link["href"]) for link in soup.select(".md-sidebar--secondary nav a")}
        assert not any(f"#{step['id']}" in listed for step in steps), page
    unlisted = [
        html for html in built_pages(site_dir) if soup_of(html).select(f"article [{UNLISTED}]")
    ]
    assert {html.parent.name for html in unlisted} == {"am-i-a-care-leaver"}
