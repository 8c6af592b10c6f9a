"""The glossary's matching rules (macros/derive/glossary.py): whole words, capitals, plurals,
the longest form first, each term's first use, translations and unused terms."""

from __future__ import annotations

import re

import pytest

from macros.derive.glossary import (
    first_uses,
    glossary_view,
    matcher_of,
    model_texts,
    term_matcher,
    unused_terms,
)
from macros.validate.model.glossary import GlossaryFile, GlossaryTerm

TERMS = [
    GlossaryTerm(id="pa", term="personal adviser", also=["PA"], definition="Helps you."),
    GlossaryTerm(id="plan", term="pathway plan", definition="Your plan."),
    GlossaryTerm(id="staying-put", term="Staying Put", definition="Staying on."),
    GlossaryTerm(id="relevant", term="relevant child", definition="16 or 17, left care."),
    GlossaryTerm(
        id="former",
        term="former relevant child",
        also=["former relevant children"],
        definition="18 to 25.",
    ),
]
MATCHER = matcher_of(TERMS)


def found(text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.term_id) for m in MATCHER.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ask your personal adviser.", [("personal adviser", "pa")]),
        (
            "Personal Adviser and PERSONAL ADVISER",
            [("Personal Adviser", "pa"), ("PERSONAL ADVISER", "pa")],
        ),
        ("Your PA's number; two PAs.", [("PA's", "pa"), ("PAs", "pa")]),
        ("Your PA\u2019s number", [("PA\u2019s", "pa")]),
        ("pathway\n  plans", [("pathway\n  plans", "plan")]),
        ("pathway\u00a0plan", [("pathway\u00a0plan", "plan")]),
        (
            "Staying Put, then Staying put, staying put and STAYING PUT",
            [("Staying Put", "staying-put")],
        ),
        ("Pa, pa and PAYE, SPA, a pathway-plan, pathway planning, non-relevant child", []),
    ],
)
def test_matching_rules(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_the_longest_form_wins_where_two_could_match() -> None:
    assert found("A former relevant child is not a relevant child.") == [
        ("former relevant child", "former"),
        ("relevant child", "relevant"),
    ]
    assert found("Former relevant children") == [("Former relevant children", "former")]


def test_forms_are_taken_literally_not_as_patterns() -> None:
    matcher = term_matcher([("odd", "a.b (c)")])
    assert [m.term_id for m in matcher.find("a.b (c) and axb (c)")] == ["odd"]


def test_first_uses_keeps_only_the_first_of_each_term_across_texts() -> None:
    seen: set[str] = set()
    first = first_uses("Your PA and your pathway plan; your PA again.", MATCHER, seen)
    second = first_uses("Your personal adviser and a new term: Staying Put.", MATCHER, seen)
    assert [m.term_id for m in first] == ["pa", "plan"]
    assert [m.term_id for m in second] == ["staying-put"]
    assert seen == {"pa", "plan", "staying-put"}


def test_view_sorts_terms_and_keeps_their_words() -> None:
    view = glossary_view(GlossaryFile(terms=TERMS), "words/")
    assert [term.id for term in view.terms] == ["former", "plan", "pa", "relevant", "staying-put"]
    assert view.by_id["pa"].also == ("PA",)
    assert view.page == "words/"
    assert all(term.language is None for term in view.terms)


def test_a_translation_matches_its_own_words_and_lists_untranslated_terms_in_english() -> None:
    welsh = GlossaryFile(
        terms=[GlossaryTerm(id="plan", term="cynllun llwybr", definition="Eich cynllun.")]
    )
    view = glossary_view(GlossaryFile(terms=TERMS), None, welsh, "en-GB")
    assert view.by_id["plan"].term == "cynllun llwybr"
    assert view.by_id["plan"].language is None
    assert view.by_id["pa"].language == "en-GB"
    text = "Eich cynllun llwybr a'ch personal adviser"
    assert [text[m.start : m.end] for m in view.matcher.find(text)] == ["cynllun llwybr"]


def test_unused_terms_are_those_no_text_uses() -> None:
    texts = ["Your PA helps.", "Ask about Staying Put.", "A former relevant child."]
    assert unused_terms(MATCHER, texts) == {"plan", "relevant"}
    assert unused_terms(MATCHER, []) == {"pa", "plan", "staying-put", "relevant", "former"}


def test_model_texts_reads_every_text_of_the_data(data: object) -> None:
    texts = list(model_texts(data, frozenset({"glossary", "sources", "pictures"})))
    assert "Fill in the form at your pharmacy." in texts
    assert not any("Living on with your foster carers" in text for text in texts)


# --- The fast pattern ---------------------------------------------------------------------

FAST_FORMS = [
    ("kinship", "kinship care"),
    ("staying-put", "Staying Put"),
    ("pa", "PA"),
    ("a-level", "A level"),
    ("guardian", "ولي الأمر"),
    ("carer", "người chăm sóc"),
    ("isa", "ISA"),
    ("long-s", "sibling"),
]
FAST_TEXT = (
    "Kinship care, KINSHIP CARE, \u212ainship care (a Kelvin sign), x-kinship care, "
    "kinship\ncare's; Staying Put, staying put; PA PAs PA's PAYE; A level, a level, "
    "Alevel; \u017fibling, SIBLING; ولي الأمر، والولي الأمر; Người chăm sóc, người  chăm "
    "sóc; ISA's ISAs isa"
)


def test_the_fast_pattern_finds_exactly_what_the_plain_pattern_finds() -> None:
    # The matcher's pattern is written to be searched fast; the plain form of the same
    # rules, one alternative per form, must find the same uses everywhere, at the start
    # of a text too (each suffix), with case-insensitive letters beyond a to z.
    from macros.derive.glossary import _form_pattern

    matcher = term_matcher(FAST_FORMS)
    ordered = sorted(
        ((form, term_id) for term_id, form in FAST_FORMS), key=lambda f: (-len(f[0]), f[0])
    )
    plain = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(f"({_form_pattern(form)})" for form, _ in ordered)
        + r")(?:['\u2019]?s)?(?![\w-])"
    )
    found_somewhere = set()
    for start in range(len(FAST_TEXT)):
        text = FAST_TEXT[start:]
        expected = [(m.start(), m.end(), ordered[m.lastindex - 1][1]) for m in plain.finditer(text)]
        assert [(m.start, m.end, m.term_id) for m in matcher.find(text)] == expected, text
        found_somewhere.update(term_id for _, _, term_id in expected)
    assert found_somewhere == {term_id for term_id, _ in FAST_FORMS}


def test_a_run_of_text_is_said_to_hold_a_term_exactly_when_one_is_found_in_it() -> None:
    matcher = term_matcher(FAST_FORMS)
    html = "<p>" + FAST_TEXT.replace(";", "</p>\n<p>") + "</p><p>no term here</p>"
    holding = []
    for start, end in ((m.end(), html.find("<", m.end())) for m in re.finditer(">", html)):
        if end == -1:
            continue
        holds = any(True for _ in matcher.find(html[start:end]))
        assert matcher.has_term(html, start, end) is holds, html[start:end]
        holding.append(holds)
    assert holding.count(True) >= 5 and holding.count(False) >= 2


def test_the_glossary_on_pages_in_another_language_is_marked_as_its_own_language() -> None:
    view = glossary_view(GlossaryFile(terms=TERMS), None, file_language="en-GB")
    assert {term.language for term in view.terms} == {"en-GB"}
