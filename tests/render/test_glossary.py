"""macros.render.glossary: first uses marked in a page's HTML, never where a link would be
wrong; the list of the page's words; and the glossary() macro on the fixture views."""

from __future__ import annotations

from dataclasses import replace

import pytest
from bs4 import BeautifulSoup, Tag

from macros.derive.glossary import glossary_view, term_matcher
from macros.derive.site import SiteViews
from macros.render import macros
from macros.render.glossary import mark_page, mark_terms
from macros.validate.model.glossary import GlossaryFile, GlossaryTerm
from macros.words import load_words
from tests.render.test_macros import on

WORDS = load_words("en-GB")
MATCHER = term_matcher([("pa", "PA"), ("plan", "pathway plan"), ("sp", "Staying Put")])


def marked(html: str) -> list[str]:
    """The ids of the terms marked in ``html``, in order."""
    return mark_terms(html, MATCHER)[1]


@pytest.mark.parametrize(
    "html",
    [
        "<h1>Your PA</h1>",
        "<h3 id='x'>pathway plan</h3>",
        '<a href="#">Your PA</a>',
        "<p><a href='x'><em>pathway plan</em></a></p>",
        "<code>PA</code>",
        "<pre><code>PA\npathway plan</code></pre>",
        "<button>PA</button>",
        "<label for=x>PA</label>",
        "<details><summary>PA</summary></details>",
        "<abbr title='x'>PA</abbr>",
        '<span class="clo-visually-hidden">PA</span>',
        '<span class="md-visually-hidden">PA</span>',
        "<p hidden>PA</p>",
        '<div aria-hidden="true"><p>PA</p></div>',
        '<script>var a = "<p>PA</p>";</script>',
        "<style>/* PA */</style>",
        "<svg><text>PA</text></svg>",
        '<p title="PA" data-x="pathway plan">Nothing here</p>',
        '<img alt="Staying Put">',
        "<!-- PA -->",
    ],
)
def test_terms_are_never_marked_in_headings_links_code_hidden_text_or_attributes(
    html: str,
) -> None:
    result, ids = mark_terms(html, MATCHER)
    assert ids == []
    assert result == html


def test_a_term_in_a_heading_or_link_is_marked_at_its_next_use_in_prose() -> None:
    html = '<h2>Your PA</h2><p>See <a href="x">your PA</a> or call your PA today.</p>'
    result, ids = mark_terms(html, MATCHER)
    assert ids == ["pa"]
    soup = BeautifulSoup(result, "html.parser")
    link = soup.select_one("a.clo-term")
    assert isinstance(link, Tag)
    assert link.parent is not None and link.parent.name == "p"
    assert link.previous_sibling == " or call your "
    assert soup.h2 is not None and soup.h2.get_text() == "Your PA"


def test_only_the_first_use_on_the_page_is_marked() -> None:
    html = "<p>Your PA and your PA.</p><ul><li>Your PA, Staying Put</li></ul>"
    result, ids = mark_terms(html, MATCHER)
    assert ids == ["pa", "sp"]
    assert result.count('class="clo-term"') == 2
    assert result.count(">PA</a>") == 1


def test_nested_skipped_elements_end_where_they_end() -> None:
    html = (
        '<span class="clo-visually-hidden">PA <span>x</span> PA</span> then PA'
        "<h2>a <em>b</em> PA</h2>pathway plan"
    )
    result, ids = mark_terms(html, MATCHER)
    assert ids == ["pa", "plan"]
    assert result.startswith(
        '<span class="clo-visually-hidden">PA <span>x</span> PA</span> then <a'
    )


def test_text_with_entities_keeps_its_meaning_and_markup_stays_text() -> None:
    html = "<p>Tom &amp; Jerry&#39;s PA &lt;script&gt; here</p>"
    result, ids = mark_terms(html, MATCHER)
    assert ids == ["pa"]
    soup = BeautifulSoup(result, "html.parser")
    assert soup.get_text() == "Tom & Jerry's PA <script> here"
    assert soup.find("script") is None


def test_a_term_inside_emphasis_is_marked_inside_it() -> None:
    result, _ = mark_terms("<p><strong>Staying Put</strong> means</p>", MATCHER)
    assert result.startswith('<p><strong><a class="clo-term" href="#clo-term-sp"')


def test_unmarked_html_is_returned_exactly() -> None:
    html = '<div class="x"><p title="a > b">Nothing &amp; nobody</p><br/><img src=x></div>'
    assert mark_terms(html, MATCHER) == (html, [])


VIEW = glossary_view(
    GlossaryFile(
        terms=[
            GlossaryTerm(id="pa", term="PA", definition="Your personal adviser."),
            GlossaryTerm(
                id="hostile", term="odd <b>", definition='<script>alert("x")</script> & more'
            ),
        ]
    ),
    "words/",
)


def test_the_page_ends_with_its_words_each_linked_both_ways() -> None:
    html = mark_page("<p>Ask your PA.</p>", VIEW, WORDS, "offer/money/")
    soup = BeautifulSoup(html, "html.parser")
    use = soup.select_one("a.clo-term")
    assert isinstance(use, Tag)
    assert use["href"] == "#clo-term-pa" and use["id"] == "clo-use-pa"
    description = soup.find(id=use["aria-describedby"])
    assert isinstance(description, Tag)
    assert description.get_text() == "Your personal adviser."
    term = soup.find(id="clo-term-pa")
    assert isinstance(term, Tag) and term.name == "dt" and term.get_text() == "PA"
    back = soup.select_one(".clo-terms__back")
    assert isinstance(back, Tag) and back["href"] == "#clo-use-pa"
    assert back.get_text() == WORDS("glossary.back", term="PA")
    heading = soup.select_one(".clo-terms h2")
    assert isinstance(heading, Tag) and heading.get_text() == WORDS("glossary.on_this_page")
    everything = soup.find("a", string=WORDS("glossary.all"))
    assert isinstance(everything, Tag) and everything["href"] == "../../words/"


def test_hostile_definitions_are_text() -> None:
    html = mark_page("<p>An odd <b> PA</p><p>odd &lt;b&gt;</p>", VIEW, WORDS, "x/")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("script") is None
    definition = soup.find(id="clo-def-hostile")
    assert isinstance(definition, Tag)
    assert definition.get_text() == '<script>alert("x")</script> & more'


def test_without_a_glossary_page_the_list_does_not_link_to_one() -> None:
    html = mark_page("<p>Your PA</p>", replace(VIEW, page=None), WORDS, "x/")
    assert WORDS("glossary.all") not in html


def test_the_glossary_macro_lists_every_term_a_to_z_with_its_address(views: SiteViews) -> None:
    assert views.glossary is not None
    soup = BeautifulSoup(str(macros.glossary(on(views, "glossary/"))), "html.parser")
    terms = [dt.get_text() for dt in soup.select("dl.clo-glossary > dt")]
    assert terms == sorted(terms, key=str.casefold)
    assert len(terms) == len(views.glossary.terms)
    adviser = soup.find(id="term-personal-adviser")
    assert isinstance(adviser, Tag) and adviser.name == "dt"
    also = adviser.find_next_sibling("dd")
    assert isinstance(also, Tag)
    assert WORDS("glossary.also", forms="PA") in also.get_text()
    assert soup.find("script") is None and soup.find("b") is None
    hostile = soup.find(id="term-hostile-words")
    assert isinstance(hostile, Tag)
    definition = hostile.find_next_sibling("dd")
    assert isinstance(definition, Tag) and "<script>" in definition.get_text()


def test_the_glossary_macro_needs_the_glossary_file(views: SiteViews) -> None:
    with pytest.raises(ValueError, match=r"data/glossary\.yml"):
        macros.glossary(on(replace(views, glossary=None)))
