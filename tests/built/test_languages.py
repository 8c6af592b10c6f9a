"""Every language of the built fixture site (issue 19): the fixture lists Arabic under
``languages:``, translates two entries of its Money section (``always-overdue``) and its
page, keeps one translation made from an older English, and leaves one entry and every
other page untranslated."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from macros.derive.urls import search_index_folder
from macros.pipeline import CACHE_FOLDER
from macros.publish.pdf_ahead import spare_processors
from macros.validate.rules.translations import fingerprint
from macros.words import load_words
from tests.conftest import (
    FIXTURE_SITE,
    BuildResult,
    built_pages,
    copy_fixture_site,
    run_build,
    soup_of,
)

ARABIC = load_words("ar")
# always-overdue.ar.yml's, in no other file; Markdown, so it is converted (and cached)
ARABIC_SUMMARY = "منحة بقيمة **2,000 جنيه** لشراء ما تحتاجه لمنزلك الأول."
SITE_URL = "https://example.org/care-leavers/"


def english_pages(site_dir: Path) -> list[Path]:
    return [
        page
        for page in built_pages(site_dir)
        if not page.relative_to(site_dir).as_posix().startswith("ar/")
    ]


def url_of(site_dir: Path, page: Path) -> str:
    return page.relative_to(site_dir).as_posix().removesuffix("index.html")


def entry(soup: BeautifulSoup, entry_id: str) -> Tag:
    found = soup.select_one(f"article#{entry_id}, article[aria-labelledby='{entry_id}']")
    assert isinstance(found, Tag), entry_id
    return found


@pytest.fixture(scope="module")
def money(site_dir: Path) -> BeautifulSoup:
    return soup_of(site_dir / "ar" / "offer" / "money" / "index.html")


def test_every_page_is_built_in_arabic_too(site_dir: Path) -> None:
    missing = [
        url_of(site_dir, page)
        for page in english_pages(site_dir)
        if not (site_dir / "ar" / page.relative_to(site_dir)).is_file()
    ]
    assert missing == []
    assert len(english_pages(site_dir)) > 10


def test_arabic_pages_are_right_to_left_and_english_ones_left_to_right(site_dir: Path) -> None:
    for page in built_pages(site_dir):
        html = soup_of(page).html
        assert html is not None
        arabic = page.relative_to(site_dir).as_posix().startswith("ar/")
        expected = ("ar", "rtl") if arabic else ("en-GB", "ltr")
        assert (html["lang"], html["dir"]) == expected, page
    body = soup_of(site_dir / "ar" / "index.html").body
    assert body is not None and body["dir"] == "rtl"  # Material mirrors its layout


def test_the_money_page_lists_the_current_translations(money: BeautifulSoup) -> None:
    title = entry(money, "setting-up-home").select_one("h2")
    assert title is not None and title.get_text().startswith("منحة تأسيس المنزل")
    # Plain text from a translation is escaped like any other.
    assert "<script>" in title.get_text() and money.find("script", string="alert(1)") is None
    assert not title.has_attr("lang")
    assert entry(money, "money-at-16").select_one("h2").get_text() == "مال للعيش في سن 16 و17"
    h1 = money.select_one(".md-content h1")
    assert h1 is not None and h1.get_text() == "المال"
    intro = money.select_one(".clo-section__intro")
    assert intro is not None and "المال الذي يمكنك" in intro.get_text()


def test_an_untranslated_entry_is_the_english_marked_with_a_notice(money: BeautifulSoup) -> None:
    card = entry(money, "money-advice")
    title = card.select_one("h2")
    assert title is not None and title.get_text() == "Money advice, whatever your age"
    assert (title["lang"], title["dir"]) == ("en-GB", "ltr")
    summary = card.select_one(".clo-entry__summary")
    assert summary is not None and summary["lang"] == "en-GB"
    notice = card.select_one(".clo-entry__language")
    assert notice is not None and notice.get_text() == ARABIC("translation.missing")
    assert not notice.has_attr("lang")  # the notice is in the page's language


def test_a_translation_of_an_older_english_shows_the_english_with_the_date(
    money: BeautifulSoup,
) -> None:
    card = entry(money, "college-bursary")
    assert card.select_one("h2").get_text() == "Bursary for your course"
    assert "منحة دراسية قديمة" not in card.get_text()
    notice = card.select_one(".clo-entry__language")
    # The section was last checked on 15 January 2020.
    assert notice is not None and notice.get_text() == ARABIC(
        "translation.changed", date=ARABIC.date(__import__("datetime").date(2020, 1, 15))
    )


def test_amounts_and_phone_numbers_come_from_the_english(money: BeautifulSoup) -> None:
    card = entry(money, "setting-up-home")
    amounts = [li.get_text() for li in card.select(".clo-amount")]
    # The English data's current amount (£2,500), whatever the translated summary says.
    assert any("2,500" in text for text in amounts), amounts
    phones = [a["href"] for a in card.select('a[href^="tel:"]')]
    assert phones == ["tel:+441632960011"]


def test_translated_pages_are_never_published_at_their_own_address(site_dir: Path) -> None:
    assert not (site_dir / "offer" / "money.ar").exists()
    assert not (site_dir / "ar" / "offer" / "money.ar").exists()
    english = soup_of(site_dir / "offer" / "money" / "index.html")
    assert english.select_one(".md-content h1").get_text() == "Money"


def test_an_untranslated_page_is_the_english_under_a_notice(site_dir: Path) -> None:
    soup = soup_of(site_dir / "ar" / "offer" / "health" / "index.html")
    notice = soup.select_one(".md-content .clo-notice--language")
    assert notice is not None and notice.get_text(strip=True) == ARABIC("translation.page_missing")
    prose = notice.find_next_sibling("div")
    assert isinstance(prose, Tag) and (prose["lang"], prose["dir"]) == ("en-GB", "ltr")
    # Its blocks (the section's cards) are in the page's language, marked so.
    block = prose.select_one("div[lang=ar]")
    assert block is not None and block["dir"] == "rtl"
    assert block.select_one(".clo-entry") is not None
    # The page's notice says so once: its cards, in English too, carry no notice of
    # their own, and are still marked English.
    assert len(soup.select(".md-content .clo-notice--language")) == 1
    assert not soup.select(".md-content .clo-entry__language")
    titles = block.select(".clo-entry__title")
    assert titles and all(title.get("lang") == "en-GB" for title in titles)


def test_a_page_of_macros_alone_is_in_the_readers_language(site_dir: Path) -> None:
    # finder/where.md is its front matter and one macro: nothing in it is English prose.
    soup = soup_of(site_dir / "ar" / "finder" / "where" / "index.html")
    assert soup.select_one(".clo-notice--language") is None
    assert soup.select_one(".clo-in-language") is None
    # Its front matter's title, found under names:, is the tab's title too.
    assert soup.title is not None
    assert soup.title.get_text().startswith(ARABIC("finder.where_question") + " - ")
    untranslated = soup_of(site_dir / "ar" / "finder" / "situations" / "index.html")
    assert untranslated.title is not None
    assert untranslated.title.get_text().startswith("Do any of these apply to you? - ")


def test_every_page_links_to_itself_in_each_language(site_dir: Path) -> None:
    for page in built_pages(site_dir):
        url = url_of(site_dir, page)
        if (
            url.endswith(("404.html", "offline.html"))
            or soup_of(page).select_one(".md-header") is None
        ):
            continue  # pages of the theme alone, and the one-page offer: a document to print
        soup = soup_of(page)
        links = {
            a["hreflang"]: urljoin(SITE_URL + url, a["href"])
            for a in soup.select(".clo-languages a[hreflang]")
        }
        current = soup.select_one(".clo-languages [aria-current]")
        assert current is not None, url
        own = url.removeprefix("ar/")
        if url.startswith("ar/"):
            assert links == {"en-GB": SITE_URL + own}, url
            assert current.get_text() == "العربية"
        else:
            assert links == {"ar": SITE_URL + "ar/" + own}, url
            assert current.get_text() == "English"


def test_hreflang_alternates_name_every_language(site_dir: Path) -> None:
    for page in built_pages(site_dir):
        url = url_of(site_dir, page)
        if (
            url.endswith(("404.html", "offline.html"))
            or soup_of(page).select_one(".md-header") is None
        ):
            continue  # pages of the theme alone, and the one-page offer: a document to print
        own = url.removeprefix("ar/")
        alternates = {
            link["hreflang"]: link["href"]
            for link in soup_of(page).select("head link[rel=alternate][hreflang]")
        }
        assert alternates == {
            "en-GB": SITE_URL + own,
            "ar": SITE_URL + "ar/" + own,
            "x-default": SITE_URL + own,
        }, url


def test_a_sample_translation_says_it_is_not_yet_checked(site_dir: Path) -> None:
    sample = soup_of(site_dir / "ar" / "index.html").select_one(".clo-languages__sample")
    assert sample is not None and sample.get_text() == ARABIC("language.sample")
    assert soup_of(site_dir / "index.html").select_one(".clo-languages__sample") is None


def test_each_language_has_its_own_search_index(site_dir: Path) -> None:
    def titles(folder: Path) -> set[str]:
        pages = json.loads((folder / "titles.json").read_text(encoding="utf-8"))["p"]
        return {heading for _, title, headings in pages for heading in [title, *headings]}

    arabic = titles(site_dir / "ar" / search_index_folder("ar"))
    english = titles(site_dir / search_index_folder("en-GB"))
    assert "مال للعيش في سن 16 و17" in arabic
    assert "Money to live on at 16 and 17" in english
    # A front-matter title under names: is found in its language, as the tab shows it.
    assert ARABIC("finder.where_question") in arabic and "Where do you live?" not in arabic
    assert not any(re.search("[\u0600-\u06ff]", title) for title in english)


def test_the_exports_are_written_once_for_the_whole_site(site_dir: Path) -> None:
    assert (site_dir / "open-referral" / "services.json").is_file()
    assert (site_dir / "review.json").is_file()
    # Only the two files the reviewers' page links to, as copies; never a second feed.
    arabic = sorted(
        p.relative_to(site_dir / "ar").as_posix()
        for p in (site_dir / "ar" / "open-referral").rglob("*")
        if p.is_file()
    )
    assert arabic == ["open-referral/services.json"]
    own = (site_dir / "review.json").read_bytes()
    assert (site_dir / "ar" / "review.json").read_bytes() == own
    review = json.loads((site_dir / "review.json").read_text(encoding="utf-8"))
    stale = [item for item in review["items"] if item["kind"] == "translation"]
    assert [(item["id"], item["status"]) for item in stale] == [("ar/college-bursary", "overdue")]


def test_the_easy_read_page_has_a_picture_for_each_idea(site_dir: Path) -> None:
    soup = soup_of(site_dir / "offer" / "money-easy-read" / "index.html")
    current = soup.select_one("section[aria-labelledby=setting-up-home]")
    assert current is not None
    lines = current.select(".clo-easy-read__line")
    assert len(lines) == 3
    assert lines[0].get_text(strip=True) == "You are moving into your first home."
    for line in lines:
        picture = line.select_one("img")
        assert picture is not None and picture["alt"] == ""
        target = (site_dir / "offer" / "money-easy-read" / picture["src"]).resolve()
        assert target.is_file() and target.suffix == ".svg"
    # Plain text, never markup.
    assert "<b>Up to</b>" in current.get_text()
    stale = soup.select_one("section[aria-labelledby=money-at-16]")
    assert stale is not None and not stale.select(".clo-easy-read__line")
    notice = stale.select_one(".clo-notice")
    assert notice is not None and "15 January 2020" in notice.get_text()
    money = soup_of(site_dir / "offer" / "money" / "index.html")
    link = money.select_one(".clo-section__easy-read a")
    assert link is not None and link["href"] == "../money-easy-read/"


def test_english_on_an_arabic_easy_read_page_is_marked_english(site_dir: Path) -> None:
    # Easy Read lines are written in English only: on the Arabic page they are marked
    # so, or a screen reader reads them as Arabic and "rent." shows as ".rent".
    def part(entry_id: str, selector: str) -> Tag:
        found = arabic.select_one(f"section[aria-labelledby={entry_id}] {selector}")
        assert isinstance(found, Tag), (entry_id, selector)
        return found

    arabic = soup_of(site_dir / "ar" / "offer" / "money-easy-read" / "index.html")
    lines = part("setting-up-home", ".clo-easy-read__lines")
    assert (lines.get("lang"), lines.get("dir")) == ("en-GB", "ltr")
    assert part("setting-up-home", "h2").get("lang") != "en-GB"  # translated title
    # Not translated: its title and usual words are the English, marked.
    assert (part("money-advice", "h2").get("lang"), part("money-advice", "h2").get("dir")) == (
        "en-GB",
        "ltr",
    )
    assert part("money-advice", ".clo-easy-read__usual").get("lang") == "en-GB"
    # Translated, with no current Easy Read: the usual words, in Arabic, not marked.
    assert part("money-at-16", ".clo-easy-read__usual").get("lang") is None
    english = soup_of(site_dir / "offer" / "money-easy-read" / "index.html")
    assert english.select(".clo-easy-read [lang], .clo-easy-read [dir]") == []


def test_the_arabic_pages_are_built_beside_the_english_ones(built_site: BuildResult) -> None:
    # With a spare processor, the Arabic build starts as soon as the English build has
    # emptied its folder, not once the English pages are written (the English offline
    # line is logged at the end of its build); with none, one after the other.
    lines = built_site.output.splitlines()
    beside = "INFO    -  Building the pages in العربية (ar), side by side"
    after = "INFO    -  Building the pages in العربية (ar)"
    offline = next(n for n, line in enumerate(lines) if line.startswith("INFO    -  Offline:"))
    if spare_processors() == 0:
        assert beside not in lines and lines.index(after) > offline
        return
    assert after not in lines and lines.index(beside) < offline
    assert lines.count(beside) == 1


def test_english_in_arabic_finder_results_and_printed_offer_is_marked_english(
    site_dir: Path,
) -> None:
    # As on the section page: what is shown in English is marked English, so a screen
    # reader does not read it with Arabic rules. "money-advice" is not translated;
    # "setting-up-home" is, and so is the title of its section (always-overdue).
    def marked(tag: Tag | None) -> tuple[object, object]:
        assert isinstance(tag, Tag)
        return tag.get("lang"), tag.get("dir")

    def result(entry_id: str) -> Tag:
        for page in sorted((site_dir / "ar" / "finder").glob("*/index.html")):
            link = soup_of(page).select_one(f".clo-result__title a[href$='#{entry_id}']")
            found = link.find_parent("li") if isinstance(link, Tag) else None
            if isinstance(found, Tag):
                return found
        raise AssertionError(f"{entry_id} is in no results page")

    untranslated = result("money-advice")
    assert not untranslated.has_attr("lang")
    for part in (".clo-result__title", ".clo-result__summary"):
        assert marked(untranslated.select_one(part)) == ("en-GB", "ltr"), part
    assert result("setting-up-home").select("[lang], [dir]") == []
    page = untranslated.find_parent("article") or untranslated.find_parent("body")
    assert isinstance(page, Tag)
    # On the heading, not only its link: an English title lines up on the left, as the
    # English results under it do.
    titles = [marked(t) for t in page.select(".clo-finder-section__title")]
    assert ("en-GB", "ltr") in titles and (None, None) in titles
    # The page's contents list each title in its heading's language (WCAG 3.1.2).
    whole = untranslated.find_parent("html")
    assert isinstance(whole, Tag)
    for heading in page.select(".clo-finder-section__title"):
        link = whole.select_one(f'nav.md-nav--secondary a[href="#{heading["id"]}"]')
        assert isinstance(link, Tag), heading["id"]
        languages = [marked(tag) for tag in link.select("[lang]")]
        assert languages == ([marked(heading)] if heading.has_attr("lang") else []), link

    printed = soup_of(site_dir / "ar" / "offer" / "whole-offer" / "index.html")
    heading = printed.select_one("h3[id$=--money-advice]")
    assert marked(heading) == ("en-GB", "ltr")
    summary = heading.find_next_sibling("div") if heading is not None else None
    assert marked(summary) == ("en-GB", "ltr")
    assert marked(printed.select_one("h3[id$=--setting-up-home]")) == (None, None)

    english = soup_of(next((site_dir / "finder").glob("*/index.html")))
    assert english.select(".clo-finder-section [lang], .clo-finder-section [dir]") == []


# A third language, added by data alone.


def with_vietnamese(tmp_path: Path) -> Path:
    """A copy of the fixture site with a third language in its data."""
    site = copy_fixture_site(tmp_path / "project")
    settings = site / "data" / "site.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace(
            "    name: العربية\n", "    name: العربية\n  - code: vi\n    name: Tiếng Việt\n"
        ),
        encoding="utf-8",
    )
    return site


def test_a_language_is_added_by_data_alone(tmp_path: Path) -> None:
    site = with_vietnamese(tmp_path)
    (site / "data" / "offer" / "always-overdue.vi.yml").write_text(
        yaml.safe_dump(
            {
                "entries": {
                    "money-advice": {
                        "made_from": "8922f23baaf9",
                        "title": "Tư vấn về tiền bạc, ở mọi lứa tuổi",
                        "summary": "Tư vấn **miễn phí** về tiền, nợ và trợ cấp.",
                    }
                }
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    result = run_build(site, tmp_path / "site")
    assert result.returncode == 0, result.output
    built = tmp_path / "site"
    vietnamese = soup_of(built / "vi" / "offer" / "money" / "index.html")
    assert vietnamese.html is not None and vietnamese.html["lang"] == "vi"
    assert vietnamese.html["dir"] == "ltr"
    assert entry(vietnamese, "money-advice").select_one("h2").get_text() == (
        "Tư vấn về tiền bạc, ở mọi lứa tuổi"
    )
    assert entry(vietnamese, "setting-up-home").select_one("h2")["lang"] == "en-GB"
    switcher = [a["hreflang"] for a in soup_of(built / "index.html").select(".clo-languages a")]
    assert switcher == ["ar", "vi"]
    assert (built / "ar" / "offer" / "money" / "index.html").is_file()
    if spare_processors() > 0:  # two other languages: built at the same time
        assert "INFO    -  Building the pages in العربية (ar), Tiếng Việt (vi), side by side" in (
            result.output.splitlines()
        )
    # What each language converted from Markdown is kept for the next build, even from
    # a process of its own: the Vietnamese summary, and an Arabic one.
    [cache] = (site / CACHE_FOLDER).glob("markdown-*.json")
    kept = cache.read_text(encoding="utf-8")
    assert "Tư vấn **miễn phí** về tiền, nợ và trợ cấp." in kept
    assert ARABIC_SUMMARY in kept


def test_a_language_that_fails_beside_another_fails_the_build_in_one_line(
    tmp_path: Path,
) -> None:
    site = with_vietnamese(tmp_path)
    built = tmp_path / "site"
    assert run_build(site, built).returncode == 0
    last_good = (built / "index.html").read_bytes()
    # A Vietnamese page, current with its English, with a link to nowhere: only the
    # Vietnamese build sees it, and strict mode fails it.
    english = (site / "docs" / "accessibility.md").read_text(encoding="utf-8")
    (site / "docs" / "accessibility.vi.md").write_text(
        f"---\nmade_from: {fingerprint(english)}\n---\n# Trợ năng\n\nXem [trang](nowhere.md).\n",
        encoding="utf-8",
    )
    (site / "docs" / "index.md").write_text("# Changed\n", encoding="utf-8")
    result = run_build(site, built)
    assert result.returncode == 1
    lines = result.output.splitlines()
    assert [line for line in lines if line.startswith("WARNING")] == [
        "WARNING -  Doc file 'accessibility.md' contains a link 'nowhere.md', but the target "
        "is not found among documentation files."
    ]
    assert lines.count("Aborted with 1 warnings in strict mode!") == 1
    assert "Traceback" not in result.output
    assert (built / "index.html").read_bytes() == last_good  # nothing half-published
    assert not list(tmp_path.glob("site.partial*"))


def test_the_fixture_lists_one_other_language() -> None:
    settings = yaml.safe_load((FIXTURE_SITE / "data" / "site.yml").read_text(encoding="utf-8"))
    assert [language["code"] for language in settings["languages"]] == ["ar"]


def test_english_data_on_the_arabic_care_leaver_check_is_marked_english(site_dir: Path) -> None:
    # data/care_leavers.yml is in English only: its categories' names and meanings are
    # read as English on the Arabic page, the questions and answers around them are Arabic.
    arabic = soup_of(site_dir / "ar" / "am-i-a-care-leaver" / "index.html")
    names = arabic.select(".clo-check__name, .clo-check__rules strong")
    assert len(names) > 2
    for name in names:
        # "Not a care leaver in law" is the catalogue's words, in the page's language.
        arabic_words = name.get_text() == ARABIC("check.no_category")
        expected = ("en-GB", "ltr") if not arabic_words else ("ar", "rtl")
        assert (name.get("lang"), name.get("dir")) == expected, name
    for outcome in arabic.select(".clo-check__outcome"):
        meaning = outcome.select_one(".clo-check__name + div")
        assert isinstance(meaning, Tag) and meaning.get("lang") == "en-GB"
    assert all(part.get("lang") != "en-GB" for part in arabic.select(".clo-check__question"))
    english = soup_of(site_dir / "am-i-a-care-leaver" / "index.html")
    assert english.select(".clo-check [lang]") == []


def english_marks(tag: Tag | None) -> tuple[object, object]:
    assert isinstance(tag, Tag)
    return tag.get("lang"), tag.get("dir")


def test_short_english_texts_in_arabic_sentences_are_marked_english(site_dir: Path) -> None:
    # A note of an amount or a phone, how to get into a place: short texts that names:
    # does not translate stay English inside Arabic words, and are marked so (WCAG 3.1.2).
    def spans(page: str, words: str) -> list[Tag]:
        soup = soup_of(site_dir / page / "index.html")
        return [span for span in soup.select("span[lang]") if span.get_text() == words]

    for page, words in (
        ("offer/money", "Set by the government for the next college year."),
        ("offer/health", "evenings and weekends"),
        ("need-help-now", "Step-free entrance."),
    ):
        found = spans(f"ar/{page}", words)
        assert found and {english_marks(span) for span in found} == {("en-GB", "ltr")}, words
        assert spans(page, words) == [], words
    hostile = soup_of(site_dir / "ar" / "offer" / "hostile" / "index.html")
    assert [tag for tag in hostile.select("article script") if "alert" in tag.get_text()] == []
    assert hostile.select("article b") == []
    notes = [span.get_text() for span in hostile.select("span[lang=en-GB]")]
    assert '<script>alert("note")</script>' in notes and "<b>note</b>" in notes


def test_the_arabic_menu_header_and_contents_mark_what_is_still_english(site_dir: Path) -> None:
    health = soup_of(site_dir / "ar" / "offer" / "health" / "index.html")  # not translated
    menu = health.select_one("nav.md-nav--primary")
    assert isinstance(menu, Tag)
    titles = {
        " ".join(span.get_text().split()): english_marks(span)
        for span in menu.select("a.md-nav__link .md-ellipsis")
    }
    assert titles["Health"] == ("en-GB", "ltr")
    assert titles["الرئيسية"] == (None, None)  # "Home", translated under names:
    # The money page is translated (money.ar.md): its title is in Arabic, not marked.
    assert "Money" not in titles
    assert [marks for title, marks in titles.items() if "المال" in title] == [(None, None)]
    topic = health.select_one("[data-md-component=header-topic] .md-ellipsis")
    assert english_marks(topic) == ("en-GB", "ltr")
    translated = soup_of(site_dir / "ar" / "offer" / "money" / "index.html")
    topic = translated.select_one("[data-md-component=header-topic] .md-ellipsis")
    assert english_marks(topic) == (None, None)
    # The contents: the English page's headings are listed as English, the list of
    # words at the end (the catalogue's, in Arabic) as Arabic, as their headings are.
    contents = health.select("nav.md-nav--secondary a.md-nav__link")
    assert contents
    for link in contents:
        heading = health.select_one(f'article [id="{str(link["href"]).lstrip("#")}"]')
        assert isinstance(heading, Tag), link
        marked = link.select_one("[lang]")
        arabic = heading.get("lang") == "ar"
        assert english_marks(marked) == (("ar", "rtl") if arabic else ("en-GB", "ltr")), link
    words_heading = health.select_one("#clo-terms")
    assert english_marks(words_heading) == ("ar", "rtl")
    english = soup_of(site_dir / "offer" / "health" / "index.html")
    assert english.select(".md-sidebar [lang], .md-header [lang]") == []


def test_english_data_on_arabic_help_arrangements_and_changes_is_marked_english(
    site_dir: Path,
) -> None:
    help_now = soup_of(site_dir / "ar" / "need-help-now" / "index.html")
    names = help_now.select(".clo-help-list__name")
    assert names and {english_marks(name) for name in names} == {("en-GB", "ltr")}
    arrangements = soup_of(site_dir / "ar" / "offer" / "moving-on" / "index.html")
    parts = arrangements.select("section.clo-arrangement")
    assert parts and {english_marks(part) for part in parts} == {("en-GB", "ltr")}
    changes = soup_of(site_dir / "ar" / "changes" / "index.html").select("li.clo-change")
    marked = [change for change in changes if change.select_one("span[lang=en-GB]")]
    # The money section's title is translated: its change is all Arabic.
    assert marked and len(marked) < len(changes)
    for change in changes:
        english = " ".join(span.get_text() for span in change.select("span[lang=en-GB]"))
        # English words in a row (a title), not a single word such as "script" in the
        # hostile fixture's translated title.
        latin = re.findall(r"[A-Za-z]{3,}(?: [A-Za-z]{2,})+", change.get_text())
        assert all(words in english for words in latin), change
    for page in ("need-help-now", "offer/moving-on", "changes"):
        assert soup_of(site_dir / page / "index.html").select("article [lang]") == [], page


def test_the_strategys_english_data_on_arabic_pages_is_marked_english(site_dir: Path) -> None:
    # principles.yml, action_plan.yml and gallery.yml have no translation: their words
    # are marked as English on the Arabic pages; the catalogue's words around them are not.
    principles = soup_of(site_dir / "ar" / "strategy" / "principles" / "index.html")
    plan = soup_of(site_dir / "ar" / "strategy" / "action-plan" / "index.html")
    gallery = soup_of(site_dir / "ar" / "gallery" / "index.html")
    parts = principles.select(".clo-principle__duty, .clo-principle__title > span:not([class])")
    parts += plan.select(".clo-action__title, .clo-action__facts dd")
    parts += gallery.select(".clo-piece__title, .clo-piece__text, .clo-piece__image")
    # figures.yml likewise: the placements' labels, the comparison and the source.
    figures = soup_of(site_dir / "ar" / "strategy" / "figures" / "index.html")
    tables = figures.select(".clo-chart-table")
    parts += tables[0].select("tbody th") + tables[1].select("tfoot th")
    parts += figures.select(".clo-chart-source > span")
    assert len(parts) > 10 and {english_marks(part) for part in parts} == {("en-GB", "ltr")}
    catalogue = principles.select(".clo-principle__number") + plan.select(".clo-action__facts dt")
    catalogue += gallery.select(".clo-piece__kind") + figures.select(".clo-chart-table thead th")
    # A district's name is a place's name, as the places' names are elsewhere.
    catalogue += tables[1].select("tbody th")
    assert catalogue and all(part.get("lang") != "en-GB" for part in catalogue)
    for page in ("strategy/principles", "strategy/action-plan", "gallery", "strategy/figures"):
        assert soup_of(site_dir / page / "index.html").select("article [lang]") == [], page


def test_owners_other_spellings_credits_and_notes_on_arabic_pages_are_marked_english(
    site_dir: Path,
) -> None:
    # A section's owner (unless names: translates it), the glossary's other spellings, a
    # piece's credit and an opening time's note sit inside Arabic sentences: each is
    # marked on its own (WCAG 3.1.2).
    def marked(page: str, selector: str) -> list[Tag]:
        return soup_of(site_dir / page / "index.html").select(selector + " span[lang]")

    owner = marked("ar/offer/health", ".clo-section__owner")
    assert [(span.get_text(), english_marks(span)) for span in owner] == [
        ("Leaving Care Service health lead", ("en-GB", "ltr"))
    ]
    translated = soup_of(site_dir / "ar" / "offer" / "housing" / "index.html")
    assert "فريق الإسكان" in translated.select_one(".clo-section__owner").get_text()  # type: ignore[union-attr]
    assert marked("ar/offer/housing", ".clo-section__owner") == []
    hostile = marked("ar/offer/hostile", ".clo-section__owner")
    assert [span.get_text() for span in hostile] == ['Owner "><svg onload=alert(1)>']
    also = marked("ar/glossary", ".clo-glossary__also")
    assert "PA" in [span.get_text() for span in also]
    credits = marked("ar/gallery", ".clo-piece__credit")
    assert "a young person in care" in [span.get_text() for span in credits]
    # An opening time's note: the times are the catalogue's Arabic, the note the data's.
    notes = marked("ar/offer/health", ".clo-times")
    assert [span.get_text() for span in notes] == ["phone line only"]
    for spans in (also, credits, notes):
        assert {english_marks(span) for span in spans} == {("en-GB", "ltr")}
    reviews = soup_of(site_dir / "ar" / "reviews" / "index.html")
    owners = {
        dd.get_text(): english_marks(dd) for dd in reviews.select(".clo-review-row__facts dd")
    }
    assert owners["Leaving Care Service manager"] == ("en-GB", "ltr")
    assert owners["فريق الإسكان"] != ("en-GB", "ltr")
    for page in ("offer/health", "glossary", "gallery", "reviews"):
        assert soup_of(site_dir / page / "index.html").select("main [lang=en-GB]") == [], page
