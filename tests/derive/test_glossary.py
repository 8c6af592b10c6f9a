"""The glossary's matching rules (macros/derive/glossary.py): whole words, capitals, plurals,
the longest form first, each term's first use, translations and unused terms."""

from __future__ import annotations

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
    view = glossary_view(GlossaryFile(terms=TERMS), None, welsh)
    assert view.by_id["plan"].term == "cynllun llwybr"
    assert view.by_id["plan"].language is None
    assert view.by_id["pa"].language == "en"
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
