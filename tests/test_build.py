"""The example site builds strictly and every page is complete, titled and navigable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, BuildResult, html_path, nav_pages, soup_of

PAGES = nav_pages()
MACRO_ERROR_MARKERS = ("Macro Rendering Error", "Traceback", "jinja2.exceptions", "UndefinedError")


def test_strict_build_has_no_warnings(built_site: BuildResult) -> None:
    warnings = re.findall(r"^WARNING.*$", built_site.output, flags=re.MULTILINE)
    assert warnings == [], built_site.output


def test_nav_lists_the_strategy_pages() -> None:
    paths = [path for _, path in PAGES]
    for required in (
        "index.md",
        "offer/index.md",
        "strategy/why.md",
        "strategy/who.md",
        "strategy/where-we-are-now.md",
        "strategy/where-we-want-to-be.md",
        "strategy/how-we-will-get-there.md",
        "strategy/delivering-the-plan.md",
        "need-help-now.md",
        "accessibility.md",
    ):
        assert required in paths


@pytest.mark.parametrize(("title", "markdown_path"), PAGES, ids=[path for _, path in PAGES])
def test_page_is_built_with_title_and_heading(
    site_dir: Path, site_settings: dict[str, dict[str, str]], title: str, markdown_path: str
) -> None:
    page = html_path(site_dir, markdown_path)
    assert page.is_file(), f"{markdown_path} was not built"
    soup = soup_of(page)
    short_name = site_settings["council"]["short_name"]
    assert soup.title is not None
    assert short_name in soup.title.get_text(), "site name comes from data/site.yml"
    headings = soup.select("article h1")
    assert len(headings) == 1, f"{markdown_path} should have exactly one h1"
    assert headings[0].get_text(strip=True)


@pytest.mark.parametrize(("title", "markdown_path"), PAGES, ids=[path for _, path in PAGES])
def test_page_has_lang_description_and_no_template_leftovers(
    site_dir: Path, title: str, markdown_path: str
) -> None:
    html = html_path(site_dir, markdown_path).read_text(encoding="utf-8")
    soup = soup_of(html_path(site_dir, markdown_path))
    assert soup.html is not None and soup.html.get("lang") == "en-GB"
    description = soup.find("meta", attrs={"name": "description"})
    assert description is not None and len(str(description.get("content", ""))) >= 50
    text = soup.get_text()
    assert "{{" not in text and "{%" not in text, f"unrendered Jinja in {markdown_path}"
    for marker in MACRO_ERROR_MARKERS:
        assert marker not in html, f"{marker!r} in {markdown_path}"


def menu_targets(site_dir: Path, page: Path) -> set[Path]:
    """The pages the main menu of ``page`` links to."""
    nav = soup_of(page).select_one("nav.md-nav--primary")
    assert nav is not None, f"no menu in {page}"
    targets = set()
    for link in nav.select("a.md-nav__link[href]"):
        target = (page.parent / str(link["href"]).split("#")[0]).resolve()
        targets.add(target / "index.html" if target.is_dir() else target)
    return targets


@pytest.mark.parametrize(("title", "markdown_path"), PAGES, ids=[path for _, path in PAGES])
def test_the_menu_reaches_every_nav_page_in_two_steps(
    site_dir: Path, title: str, markdown_path: str
) -> None:
    # The menu is pruned (navigation.prune): the top level, where a section is a link to
    # its first page, and the pages of the section the page is in.
    page = html_path(site_dir, markdown_path)
    first = menu_targets(site_dir, page)
    reachable = set(first)
    for target in first:
        reachable |= menu_targets(site_dir, target)
    nav = soup_of(page).select_one("nav.md-nav--primary")
    assert nav is not None
    # A section's title is a link, or, in the section of the page itself, its toggle.
    titles = {link.get_text(" ", strip=True) for link in nav.select(".md-nav__link")}
    for _, nav_path in PAGES:
        assert html_path(site_dir, nav_path).resolve() in reachable, f"{nav_path} not reached"
    for item in yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))["nav"]:
        top_title = item if isinstance(item, str) else next(iter(item))
        if not isinstance(item, str):
            assert top_title in titles, f"{top_title!r} missing from the menu of {markdown_path}"


@pytest.mark.parametrize(("title", "markdown_path"), PAGES, ids=[path for _, path in PAGES])
def test_footer_links_reach_help_and_accessibility(
    site_dir: Path, title: str, markdown_path: str
) -> None:
    page = html_path(site_dir, markdown_path)
    soup = soup_of(page)
    links = {a.get_text(strip=True): a["href"] for a in soup.select("nav.clo-footer a")}
    assert set(links) >= {"Need help now?", "Accessibility statement", "Review dates"}
    for href in links.values():
        target = (page.parent / str(href)).resolve() / "index.html"
        assert target.is_file(), f"footer link {href} from {markdown_path} is broken"


def test_no_request_to_google_fonts_or_other_hosts(site_dir: Path) -> None:
    for page in site_dir.rglob("*.html"):
        soup = soup_of(page)
        for tag in soup.find_all(["link", "script", "img", "iframe"]):
            source = str(tag.get("href") or tag.get("src") or "")
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not re.match(r"^(https?:)?//", source), f"{page}: loads {source}"


def test_council_words_come_from_data(
    site_dir: Path, site_settings: dict[str, dict[str, str]]
) -> None:
    home = soup_of(site_dir / "index.html").get_text()
    assert (
        site_settings["council"]["name"]
        in soup_of(site_dir / "accessibility" / "index.html").get_text()
    )
    assert site_settings["strategy"]["title"] in home
