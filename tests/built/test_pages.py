"""The fixture site builds strictly and every page is complete, titled and navigable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rjsmin
import yaml

from macros.derive.site import SiteViews
from macros.validate.pages import english_page
from tests.conftest import (
    FIXTURE_SITE,
    ROOT,
    BuildResult,
    built_pages,
    html_path,
    nav_pages,
    soup_of,
)

CONFIG = FIXTURE_SITE / "mkdocs.yml"
PAGES = nav_pages(CONFIG)
PAGE_IDS = [path for _, path in PAGES]
MACRO_ERROR_MARKERS = ("Macro Rendering Error", "Traceback", "jinja2.exceptions", "UndefinedError")


def council() -> dict[str, str]:
    """The council as the fixture site's data/site.yml writes it."""
    settings = yaml.safe_load((FIXTURE_SITE / "data" / "site.yml").read_text(encoding="utf-8"))
    return dict(settings["council"])


def test_strict_build_has_no_warnings(built_site: BuildResult) -> None:
    assert built_site.returncode == 0, built_site.output
    warnings = re.findall(r"^WARNING.*$", built_site.output, flags=re.MULTILINE)
    assert warnings == [], built_site.output


def test_nav_and_not_in_nav_list_every_page() -> None:
    # A page left out of both would be built but reached from nowhere.
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    listed = set(PAGE_IDS) | {line.strip("/ ") for line in config["not_in_nav"].splitlines()}
    docs = FIXTURE_SITE / "docs"
    pages = {path.relative_to(docs).as_posix() for path in docs.rglob("*.md")}
    pages = {page for page in pages if english_page(page) is None}  # not translations
    assert pages == listed
    assert len(PAGES) >= 10


@pytest.mark.parametrize(("title", "markdown_path"), PAGES, ids=PAGE_IDS)
def test_page_is_built_with_title_and_heading(
    site_dir: Path, title: str, markdown_path: str
) -> None:
    page = html_path(site_dir, markdown_path)
    assert page.is_file(), f"{markdown_path} was not built"
    soup = soup_of(page)
    assert soup.title is not None
    assert council()["short_name"] in soup.title.get_text(), "site name comes from data/site.yml"
    headings = soup.select("article h1")
    assert len(headings) == 1, f"{markdown_path} should have exactly one h1"
    assert headings[0].get_text(strip=True)
    if title:
        assert title in soup.title.get_text() or markdown_path == "index.md"


@pytest.mark.parametrize(("title", "markdown_path"), PAGES, ids=PAGE_IDS)
def test_page_has_lang_description_and_no_template_leftovers(
    site_dir: Path, title: str, markdown_path: str
) -> None:
    html = html_path(site_dir, markdown_path).read_text(encoding="utf-8")
    soup = soup_of(html_path(site_dir, markdown_path))
    assert soup.html is not None and soup.html.get("lang") == "en-GB"
    descriptions = soup.find_all("meta", attrs={"name": "description"})
    assert len(descriptions) == 1
    assert len(str(descriptions[0].get("content", ""))) >= 50, markdown_path
    article = soup.select_one("article")
    assert article is not None
    text = article.get_text()
    # The hostile section shows data that looks like Jinja as text, on purpose.
    if markdown_path != "offer/hostile.md":
        assert "{{" not in text and "{%" not in text, f"unrendered Jinja in {markdown_path}"
    for marker in MACRO_ERROR_MARKERS:
        assert marker not in html, f"{marker!r} in {markdown_path}"


def menu_targets(page: Path) -> set[Path]:
    """The pages the main menu of ``page`` links to."""
    nav = soup_of(page).select_one("nav.md-nav--primary")
    assert nav is not None, f"no menu in {page}"
    targets = set()
    for link in nav.select("a.md-nav__link[href]"):
        target = (page.parent / str(link["href"]).split("#")[0]).resolve()
        targets.add(target / "index.html" if target.is_dir() else target)
    return targets


@pytest.mark.parametrize(("title", "markdown_path"), PAGES, ids=PAGE_IDS)
def test_the_menu_reaches_every_nav_page_in_two_steps(
    site_dir: Path, title: str, markdown_path: str
) -> None:
    # The menu is pruned (navigation.prune): the top level, where a section is a link to
    # its first page, and the pages of the section the page is in.
    page = html_path(site_dir, markdown_path)
    first = menu_targets(page)
    reachable = set(first)
    for target in first:
        reachable |= menu_targets(target)
    nav = soup_of(page).select_one("nav.md-nav--primary")
    assert nav is not None
    # A section's title is a link, or, in the section of the page itself, its toggle.
    titles = {link.get_text(" ", strip=True) for link in nav.select(".md-nav__link")}
    for _, nav_path in PAGES:
        assert html_path(site_dir, nav_path).resolve() in reachable, f"{nav_path} not reached"
    for item in yaml.safe_load(CONFIG.read_text("utf-8"))["nav"]:
        if not isinstance(item, str):
            top_title = next(iter(item))
            assert top_title in titles, f"{top_title!r} missing from the menu of {markdown_path}"


@pytest.mark.parametrize(("title", "markdown_path"), PAGES, ids=PAGE_IDS)
def test_footer_links_reach_help_search_accessibility_and_reviews(
    site_dir: Path, views: SiteViews, title: str, markdown_path: str
) -> None:
    page = html_path(site_dir, markdown_path)
    soup = soup_of(page)
    links = {a.get_text(strip=True): str(a["href"]) for a in soup.select("nav.clo-footer a")}
    words = views.words
    expected = {
        words("footer.need_help"): "need-help-now.md",
        words("footer.search"): "search.md",
        words("footer.accessibility"): "accessibility.md",
        words("footer.reviews"): "reviews.md",
    }
    assert set(links) == set(expected)
    for text, markdown_target in expected.items():
        target = (page.parent / links[text]).resolve() / "index.html"
        assert target.is_file(), f"footer link {links[text]} from {markdown_path} is broken"
        assert target == html_path(site_dir, markdown_target).resolve(), text


def test_no_request_to_google_fonts_or_other_hosts(site_dir: Path) -> None:
    checked = 0
    for page in site_dir.rglob("*.html"):
        soup = soup_of(page)
        for tag in soup.find_all(["link", "script", "img", "iframe", "source"]):
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            for attribute in ("href", "src", "srcset"):
                source = str(tag.get(attribute) or "")
                assert not re.match(r"^\s*(https?:)?//", source), f"{page}: loads {source}"
            checked += 1
    assert checked > 0


def test_council_words_come_from_data(site_dir: Path) -> None:
    settings = yaml.safe_load((FIXTURE_SITE / "data" / "site.yml").read_text(encoding="utf-8"))
    home = soup_of(site_dir / "index.html")
    home_text = " ".join(home.get_text(" ").split())
    assert settings["strategy"]["title"] in home_text
    assert settings["council"]["name"] in home_text
    for _, markdown_path in PAGES:
        soup = soup_of(html_path(site_dir, markdown_path))
        copyright_line = soup.select_one(".md-copyright")
        assert copyright_line is not None
        assert settings["council"]["name"] in copyright_line.get_text(), markdown_path


def test_each_page_holds_its_css_and_links_no_stylesheet(site_dir: Path) -> None:
    """Each page holds its own critical CSS, with the rules of the notice the service
    worker puts on a saved page shown offline, and links no stylesheet, with or without
    JavaScript (macros/publish/stylesheets.py, overrides/main.html)."""
    checked = 0
    for page in built_pages(site_dir):
        soup = soup_of(page)
        if soup.select_one(".md-header") is None:
            continue  # the one-page offer: a document of its own, its CSS inline, to print
        checked += 1
        assert soup.find_all("link", rel="stylesheet") == [], page
        style = soup.head.find("style")
        assert style is not None and ".md-header" in style.get_text(), page
        assert ".clo-offline{" in style.get_text(), page
        assert "data-clo-critical" not in str(soup.head), page
    assert checked >= 10
    assert not list(site_dir.glob("assets/stylesheets/clo-*.css"))


def test_the_theme_scripts_are_held_minified(site_dir: Path) -> None:
    """The site holds the theme's scripts without their comments and spaces
    (macros/publish/scripts.py), in every language's folder; the theme keeps them readable."""
    sources = sorted((ROOT / "overrides" / "assets").glob("*.js"))
    assert sources
    for source in sources:
        text = source.read_text(encoding="utf-8")
        for folder in (site_dir, site_dir / "ar"):
            held = (folder / "assets" / source.name).read_text(encoding="utf-8")
            assert held == rjsmin.jsmin(text), (folder, source.name)
            assert len(held) < 0.8 * len(text), source.name
