"""Nothing executable from data reaches a page: text is escaped or sanitised.

The fixture site has hostile text in every field of the ``hostile`` offer section, in
principle 1, in the action plan, in a figures label and in a poem.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from macros.derive.pictures import SITE_FOLDER
from macros.derive.site import SiteViews
from macros.load.yaml_file import load_yaml
from macros.problems import DataError
from macros.publish.open_referral import FEED_FOLDER
from macros.render.engine import render
from macros.render.macros import FINDER_SCRIPT, SEARCH_SCRIPT
from macros.validate.messages import validate
from macros.validate.model import OfferSection, SiteSettings
from macros.validate.site_data import check_data
from macros.words import load_words
from tests.conftest import BUILD_DATE, FIXTURE_SITE, soup_of
from tests.conftest import built_pages as every_page

EXECUTABLE = {"script", "iframe", "object", "embed", "frame", "frameset", "applet", "base"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcset", "data"}
# What a chart (svg.clo-chart, drawn by our templates) is made of.
CHART_PARTS = {"svg", "title", "desc", "g", "circle", "rect", "text", "line"}


def built_pages(site_dir: Path) -> list[Path]:
    pages = every_page(site_dir)
    assert len(pages) >= 10
    return pages


# The template's own inline scripts in an article: word for word, nothing from data.
OWN_INLINE_SCRIPTS = {
    BeautifulSoup(render(template, load_words("en-GB")), "html.parser").script.get_text()  # type: ignore[union-attr]
    for template in ("overdue-check.html", "finder-answered-check.html")
}


def assert_nothing_executable(site_dir: Path, page: Path) -> None:
    """No markup from data can run: checked over the whole page, and over the article
    (where data is placed) for anything that loads or draws."""
    where = page.relative_to(site_dir).as_posix()
    soup = soup_of(page)
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.lower().startswith("on"), f"{where}: {name}= on <{tag.name}>"
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower() in URL_ATTRIBUTES:
                assert "javascript:" not in text.replace(" ", "").lower(), f"{where}: {name}"
    for script in soup.find_all("script"):
        assert "alert(" not in script.get_text(), f"{where}: data inside a <script>"
    # The whole offer on one page is a document of its own: its data is in <main>.
    article = soup.select_one("article.md-content__inner, main.clo-print")
    assert article is not None, where
    folders = ("", f"{where.split('/', 1)[0]}/")
    for tag in article.find_all(True):
        if tag.name == "script" and tag.get("type") == "application/json":
            # Words for the search and finder scripts, from the catalogue, and the
            # finder's answers' labels: data, never code.
            json.loads(tag.get_text())
            assert "<" not in tag.get_text(), where
            continue
        if tag.name == "script" and tag.get_text() in OWN_INLINE_SCRIPTS:
            # The template's own (after each overdue notice, and after the team's
            # numbers on a finder results page): the same on every page.
            continue
        if tag.name == "script" and tag.get("src") and not tag.get_text().strip():
            # The search and finder pages load the template's own scripts, from this site.
            target = urljoin(f"https://site.test/{where}", str(tag["src"]))
            # Another language's pages load the copies in its folder (ar/assets/...).
            own = {
                f"https://site.test/{folder}{script}"
                for folder in folders
                for script in (SEARCH_SCRIPT, FINDER_SCRIPT)
            }
            assert target in own, f"{where}: {tag['src']}"
            continue
        assert tag.name not in EXECUTABLE, f"{where}: <{tag.name}> in the article"
        chart = tag.find_parent("svg") if tag.name != "svg" else tag
        if tag.name == "svg" or chart is not None:
            assert isinstance(chart, Tag) and "clo-chart" in chart.get("class", []), where
            assert tag.name in CHART_PARTS, f"{where}: <{tag.name}> in a chart"
        if tag.name == "img" and "clo-easy-read__picture" in tag.get("class", []):
            # Easy Read's pictures ship with the template; data only names one of them.
            target = urljoin(f"https://site.test/{where}", str(tag["src"]))
            starts = tuple(f"https://site.test/{prefix}assets/easy-read/" for prefix in folders)
            assert target.startswith(starts) and target.endswith(".svg"), f"{where}: {target}"
            continue
        if tag.name == "img":
            # Only the gallery's own copies, never a picture named by data.
            assert tag.find_parent("picture") is not None, where
            for url in [str(tag["src"])] + [
                item.split()[0] for item in str(tag.get("srcset", "")).split(",") if item
            ]:
                target = urljoin(f"https://site.test/{where}", url)
                # Another language's copies are in its folder (ar/assets/gallery/).
                starts = (f"https://site.test/{prefix}{SITE_FOLDER}" for prefix in folders)
                assert target.startswith(tuple(starts)), f"{where}: {url}"


def test_nothing_executable_on_any_built_page(site_dir: Path) -> None:
    for page in built_pages(site_dir):
        assert_nothing_executable(site_dir, page)


def test_the_feeds_html_files_hold_json_with_no_markup(site_dir: Path) -> None:
    # The Open Referral feed is JSON in files a host serves as HTML (at the API's folder
    # paths): no "<" at all, so a browser opening one finds text, never a tag.
    feed = [page for page in site_dir.rglob("*.html") if page not in every_page(site_dir)]
    assert feed and all(page.is_relative_to(site_dir / FEED_FOLDER) for page in feed)
    for page in feed:
        text = page.read_text(encoding="utf-8")
        assert "<" not in text, page
        assert isinstance(json.loads(text), dict), page


def test_the_check_finds_executable_markup(site_dir: Path, tmp_path: Path) -> None:
    # Guards the test above: the same check fails on pages with markup that could run.
    source = (site_dir / "offer" / "hostile" / "index.html").read_text(encoding="utf-8")
    for bad in (
        "<script>alert(1)</script>",
        '<img src="x.png">',
        '<a href="javascript:alert(1)">x</a>',
        '<p onclick="alert(1)">x</p>',
        "<svg><circle/></svg>",
        '<iframe src="//evil.example"></iframe>',
    ):
        page = tmp_path / "offer" / "hostile" / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(source.replace("</article>", f"{bad}</article>", 1), "utf-8")
        with pytest.raises(AssertionError):
            assert_nothing_executable(tmp_path, page)


def text_of(site_dir: Path, url: str) -> tuple[str, str]:
    """(raw HTML, text) of a built page."""
    path = site_dir / url / "index.html"
    html = path.read_text(encoding="utf-8")
    return html, BeautifulSoup(html, "html.parser").get_text(" ")


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("offer/hostile/", 'Owner "><svg onload=alert(1)>'),
        ("offer/hostile/", "Entry <img src=x onerror=alert(1)> ' onmouseover='alert(1)' x='"),
        ("offer/hostile/", "{{ config.site_name }}"),
        ("offer/hostile/", 'shown as text. "><script>alert("entity")</script>'),
        ("offer/", 'Hostile <script>alert("title")</script>'),
        ("reviews/", 'Hostile <script>alert("title")</script>'),
        ("strategy/principles/", 'young people. <script>alert("principle")</script>'),
        ("strategy/principles/", "Listen to me. <img src=x onerror=alert(1)>"),
        ("strategy/principles/", "[tap here](javascript:alert(1))"),
        ("strategy/action-plan/", 'Improve health checks <script>alert("action")</script>'),
        ("strategy/action-plan/", "Train staff <img src=x onerror=alert(1)>"),
        ("strategy/figures/", 'Foster carers <script>alert("label")</script>'),
        ("gallery/", 'One for the door <script>alert("poem")</script>'),
    ],
)
def test_hostile_text_still_shows_as_text(site_dir: Path, url: str, shown: str) -> None:
    html, text = text_of(site_dir, url)
    assert shown in " ".join(text.split()), f"{shown!r} not shown on {url}"
    assert "&lt;" in html


def test_markup_in_markdown_fields_is_removed_not_run(site_dir: Path) -> None:
    soup = soup_of(site_dir / "offer" / "hostile" / "index.html")
    entry = soup.select_one("article.clo-entry")
    assert entry is not None
    summary = entry.select_one(".clo-entry__summary")
    assert summary is not None and "Summary" in summary.get_text()
    # Conditions and steps are Markdown: a javascript: link keeps its words as plain text.
    items = [item.get_text() for item in entry.select("dd li")]
    assert "Condition tap here" in items and "Step link" in items
    assert not [a for a in entry.select("a") if a.get_text() in {"tap here", "link"}]
    assert not [a for a in entry.select("[href]") if "javascript" in str(a["href"]).lower()]
    html, _ = text_of(site_dir, "offer/hostile/")
    assert "Testborough Care Leaver Offer</p>" not in html, "data is never rendered as Jinja"


def test_page_description_from_hostile_data_stays_in_its_attribute(
    site_dir: Path, views: SiteViews
) -> None:
    soup = soup_of(site_dir / "offer" / "hostile" / "index.html")
    head = soup.head
    assert head is not None
    descriptions = head.find_all("meta", attrs={"name": "description"})
    assert len(descriptions) == 1
    assert descriptions[0]["content"] == views.sections["hostile"].description
    assert "onmouseover" in descriptions[0]["content"]
    stray = [str(text).strip() for text in head.find_all(string=True, recursive=False)]
    assert not any("onmouseover" in text for text in stray)


def hostile_section() -> dict[str, object]:
    loaded = yaml.safe_load((FIXTURE_SITE / "data" / "offer" / "hostile.yml").read_text("utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_javascript_url_is_rejected_in_data(tmp_path: Path) -> None:
    section = hostile_section()
    section["entries"][0]["contact"]["web"] = "javascript:alert(1)"  # type: ignore[index]
    path = tmp_path / "hostile.yml"
    path.write_text(yaml.safe_dump(section), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        validate(load_yaml(path, "data/offer/hostile.yml"), OfferSection)
    assert "entries[1].contact.web: must be a full web address" in caught.value.report()


def test_javascript_url_stops_the_check_at_its_line(fixture_copy: Path) -> None:
    path = fixture_copy / "data" / "offer" / "hostile.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "      email: hostile@example.org\n",
            "      email: hostile@example.org\n      web: javascript:alert(1)\n",
        ),
        encoding="utf-8",
    )
    line = path.read_text(encoding="utf-8").splitlines().index("      web: javascript:alert(1)")
    checked = check_data(fixture_copy, BUILD_DATE)
    assert checked.data is None
    assert [str(problem).split(": must")[0] for problem in checked.problems] == [
        f"data/offer/hostile.yml:{line + 1}: entries[1].contact.web"
    ]


def test_site_data_is_shown_as_written_never_as_markup(site_dir: Path, views: SiteViews) -> None:
    """data/site.yml is plain text: the fixture's holds a Markdown link to javascript:, an
    image from another host, an attribute list, quotes that would end an attribute, and
    HTML. Every page shows each as the characters written (the theme included)."""
    settings = views.settings
    shown = [
        settings.council.name,
        settings.strategy.title,
        settings.boards.corporate_parenting,
        settings.contact.team,
        settings.contact.opening_hours,
        settings.contact.address,
    ]
    assert any("javascript:" in value for value in shown)
    home = soup_of(site_dir / "index.html")
    text = " ".join(home.get_text(" ").split())
    for value in shown:
        assert " ".join(value.split()) in text, value
    assert home.select('a[href^="javascript"], img[src*="evil.example"]') == []
    heading = home.select_one("article h1")
    assert heading is not None and heading.get_text(strip=True) == settings.strategy.title
    assert heading.attrs.keys() <= {"id"}
    title = home.title.get_text() if home.title else ""
    assert f"{settings.council.short_name} Care Leaver Offer" in title
    for page in built_pages(site_dir):
        assert "evil.example" not in " ".join(
            str(tag.get("src", "")) for tag in soup_of(page).find_all(src=True)
        ), page


@pytest.mark.parametrize("character", ["\x00", "\x0b", "\x1b"])
def test_invisible_control_characters_are_refused(tmp_path: Path, character: str) -> None:
    settings = yaml.safe_load((FIXTURE_SITE / "data" / "site.yml").read_text(encoding="utf-8"))
    settings["council"]["name"] = f"Testborough{character}Council"
    path = tmp_path / "site.yml"
    path.write_text(yaml.safe_dump(settings), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        validate(load_yaml(path, "data/site.yml"), SiteSettings)
    assert f"council.name: contains an invisible control character (U+{ord(character):04X})" in (
        caught.value.report()
    )
