"""The built fixture site's glossary: the glossary page, and each page's first uses of
terms (in prose and in offer data) linked to the list of words at its end."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup, Tag

from macros.words import load_words
from tests.conftest import built_pages, soup_of

WORDS = load_words("en-GB")


def content(site_dir: Path, page: str) -> Tag:
    article = soup_of(site_dir / page / "index.html").select_one(".md-content article")
    assert isinstance(article, Tag)
    return article


def marks(article: Tag) -> dict[str, str]:
    """Term id -> the words marked, for every marked use on a page."""
    found = {}
    for link in article.select("a.clo-term"):
        term_id = str(link["href"]).removeprefix("#clo-term-")
        assert term_id not in found, f"{term_id} marked twice"
        found[term_id] = link.get_text()
    return found


def test_prose_marks_each_terms_first_use_outside_headings_links_and_code(site_dir: Path) -> None:
    article = content(site_dir, "words-in-use")
    assert marks(article) == {
        "personal-adviser": "PA",
        "pathway-plan": "pathway plan",
        "staying-put": "Staying Put",
        "former-relevant-child": "former relevant child",
        "relevant-child": "relevant child",
        "hostile-words": "hostile words",
        "prescription": "prescription",
    }
    for tag in ("h1", "h2", "code"):
        assert all(element.find("a") is None for element in article.find_all(tag))
    plan = article.select_one("a.clo-term[href='#clo-term-pathway-plan']")
    assert isinstance(plan, Tag) and plan.parent is not None
    # The first "pathway plan" is a link's text and the second is code: the third is marked.
    assert plan.parent.get_text(" ", strip=True).startswith("Your PA writes your pathway plan")
    assert "Staying put at home" in article.get_text()


def test_terms_in_offer_data_are_marked_but_not_in_an_entrys_heading(site_dir: Path) -> None:
    article = content(site_dir, "offer/health")
    # "personal adviser" comes from the card's words (how to get what has no steps).
    assert marks(article) == {
        "prescription": "prescriptions",
        "personal-adviser": "personal adviser",
    }
    link = article.select_one("a.clo-term[href='#clo-term-prescription']")
    assert isinstance(link, Tag)
    card = link.find_parent("article")
    assert isinstance(card, Tag) and card["aria-labelledby"] == "free-prescriptions"
    heading = card.find(["h2", "h3"])
    assert isinstance(heading, Tag) and heading.find("a") is None


def test_every_mark_links_to_its_meaning_on_the_same_page_and_back(site_dir: Path) -> None:
    pages_with_marks = 0
    for path in built_pages(site_dir):
        soup = soup_of(path)
        uses = soup.select("a.clo-term")
        if not uses:
            assert soup.select_one(".clo-terms") is None
            continue
        pages_with_marks += 1
        listed = [dt["id"] for dt in soup.select(".clo-terms dt")]
        assert listed == [use["href"].removeprefix("#") for use in uses], path
        for use in uses:
            assert soup.find(id=use["aria-describedby"]) is not None
            back = soup.select_one(f'.clo-terms a[href="#{use["id"]}"]')
            assert isinstance(back, Tag), path
        ids = [element["id"] for element in soup.find_all(id=True)]
        assert len(ids) == len(set(ids)), f"{path}: an id is used twice"
    assert pages_with_marks >= 2


def test_the_list_of_words_is_headed_and_links_to_the_glossary_page(site_dir: Path) -> None:
    box = content(site_dir, "words-in-use").select_one(".clo-terms")
    assert isinstance(box, Tag)
    heading = box.find("h2")
    assert isinstance(heading, Tag) and heading.get_text() == WORDS("glossary.on_this_page")
    everything = box.find("a", string=WORDS("glossary.all"))
    assert isinstance(everything, Tag) and everything["href"] == "../glossary/"


def test_the_glossary_page_lists_every_term_and_marks_nothing(site_dir: Path) -> None:
    article = content(site_dir, "glossary")
    terms = article.select("dl.clo-glossary > dt")
    assert len(terms) == 8
    assert [dt.get_text() for dt in terms] == sorted(
        (dt.get_text() for dt in terms), key=str.casefold
    )
    assert article.select("a.clo-term") == [] and article.select_one(".clo-terms") is None
    hostile = article.find(id="term-hostile-words")
    assert isinstance(hostile, Tag)
    definition = hostile.find_next_sibling("dd")
    assert isinstance(definition, Tag)
    assert '<script>alert("definition")</script>' in definition.get_text()
    assert "*stars*" in definition.get_text() and "[tap](javascript:" in definition.get_text()
    assert article.find("script") is None and article.find("b") is None


def test_a_page_can_turn_marking_off(site_dir: Path) -> None:
    # The reviewers' page says glossary: false in its front matter.
    html = (site_dir / "reviews" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select("a.clo-term") == []


def test_english_terms_on_an_arabic_page_are_marked_english(site_dir: Path) -> None:
    # The fixture's glossary is in English only: on an Arabic page its words are read
    # as English (WCAG 3.1.2), and the words around them stay the page's.
    for page, language in (("ar/offer/health", ("en-GB", "ltr")), ("offer/health", (None, None))):
        terms = content(site_dir, page).select_one(".clo-terms__list")
        assert isinstance(terms, Tag), page
        parts = terms.select("dt[id^=clo-term-], span[id^=clo-def-]")
        assert parts and len(parts) % 2 == 0, page  # each term and its meaning
        assert {(part.get("lang"), part.get("dir")) for part in parts} == {language}, page
        assert all(not back.has_attr("lang") for back in terms.select(".clo-terms__back"))
    glossary = soup_of(site_dir / "ar" / "glossary" / "index.html").select_one(".clo-glossary")
    assert isinstance(glossary, Tag)
    assert {term.get("lang") for term in glossary.select("dt")} == {"en-GB"}
    assert not any(dd.has_attr("lang") for dd in glossary.select("dd"))
