"""macros.validate.pages: every page checked before building, each problem on its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.pipeline import page_names
from macros.validate import pages
from macros.validate.pages import (
    MacroCall,
    PagesChecked,
    check_pages,
    check_pages_cached,
    split_front_matter,
)
from macros.validate.site_data import SiteData
from tests.conftest import FIXTURE_SITE

EVERY_SECTION = "\n\n".join(
    f'{{{{ offer_section("{section}") }}}}'
    for section in ("always-overdue", "always-current", "due-soon", "hostile")
)
RAW_HINT = "To show {{ or {% as text, wrap it in {% raw %}...{% endraw %} (see README)"
OWN_LINE = "must be on a line of its own, not inside a list, table, link or code"


def write_docs(folder: Path, written: dict[str, str], sections: bool = True) -> Path:
    """A docs folder with these pages; by default one more page shows every section."""
    docs = folder / "docs"
    pages_to_write = {"offer/all.md": EVERY_SECTION, **written} if sections else written
    for name, text in pages_to_write.items():
        path = docs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return docs


def check(
    tmp_path: Path, written: dict[str, str], data: SiteData | None, sections: bool = True
) -> PagesChecked:
    return check_pages(write_docs(tmp_path, written, sections), page_names(), data)


def problems(
    tmp_path: Path, written: dict[str, str], data: SiteData | None, sections: bool = True
) -> list[str]:
    return [str(problem) for problem in check(tmp_path, written, data, sections).problems]


def test_the_fixture_site_pages_are_clean_and_every_call_is_found(data: SiteData) -> None:
    checked = check_pages(FIXTURE_SITE / "docs", page_names(), data)
    assert checked.problems == []
    assert MacroCall("gallery_piece", ("keys", 3), "index.md", 15) in checked.calls
    assert MacroCall("offer_section", ("due-soon",), "offer/housing.md", 3) in checked.calls
    assert MacroCall("date", (None,), "accessibility.md", 7) in checked.calls
    every_macro = set(page_names().macros)
    assert {call.name for call in checked.calls} == every_macro


# --- Names ---------------------------------------------------------------------------------


def test_an_unknown_name_suggests_the_nearest(tmp_path: Path, data: SiteData) -> None:
    page = "---\ntitle: A\n---\n# Hello\n\nFrom {{ councl.name }}.\n"
    assert problems(tmp_path, {"index.md": page}, data) == [
        "docs/index.md:6: councl: unknown variable or macro; did you mean 'council'?"
    ]


def test_an_unknown_name_with_no_near_name_lists_the_usable_names(
    tmp_path: Path, data: SiteData
) -> None:
    (problem,) = problems(tmp_path, {"index.md": "{{ crisis_lines() }}\n"}, data)
    assert problem.startswith(
        "docs/index.md:1: crisis_lines: unknown variable or macro; the names pages can use are: "
        "accessibility, action_plan, "
    )
    for name in page_names().macros:
        assert name in problem


def test_names_a_page_sets_itself_and_mkdocs_macros_names_are_known(
    tmp_path: Path, data: SiteData
) -> None:
    page = "{% set who = council.name %}{{ who }} {{ page.title }} {{ config.site_name }}\n"
    assert problems(tmp_path, {"index.md": page}, data) == []


def test_a_page_with_render_macros_false_is_not_checked(tmp_path: Path, data: SiteData) -> None:
    page = "---\nrender_macros: false\n---\nShows {{ nonsense( }} as it is.\n"
    assert problems(tmp_path, {"raw.md": page}, data) == []
    calls = check(tmp_path, {"raw.md": page}, data).calls
    assert calls and all(call.page != "raw.md" for call in calls)


# --- Syntax --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("From {{ council.name }.", f"'{{{{' is not closed with '}}}}'. {RAW_HINT}"),
        ("From {{ council.name here.", f"'{{{{' is not closed with '}}}}'. {RAW_HINT}"),
        (
            "{% if council.name %}From us.",
            "{% if %} is never closed; add {% endif %} where it should end",
        ),
        (
            "{% for x in principles %}{{ x }}",
            "{% for %} is never closed; add {% endfor %} where it should end",
        ),
    ],
)
def test_syntax_errors_are_located_after_the_front_matter(
    tmp_path: Path, data: SiteData, line: str, message: str
) -> None:
    page = f"---\ndescription: x\n---\n\n# Title\n\n{line}\n\nMore text.\n"
    assert problems(tmp_path, {"index.md": page}, data) == [f"docs/index.md:7: {message}"]


def test_every_page_is_checked_not_just_the_first_with_a_problem(
    tmp_path: Path, data: SiteData
) -> None:
    written = {"a.md": "{{ councl }}\n", "b/c.md": "\n{{ x }\n"}
    assert [line.split(":")[0:2] for line in problems(tmp_path, written, data)] == [
        ["docs/a.md", "1"],
        ["docs/b/c.md", "2"],
    ]


# --- Arguments -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'figure("places-sold")',
            "no figure 'places-sold' in data/figures.yml; did you mean 'places-bought'?",
        ),
        ('figure("totl")', "no figure 'totl' in data/figures.yml; did you mean 'total'?"),
        ('gallery_piece("key")', "no piece 'key' in data/gallery.yml; did you mean 'keys'?"),
        (
            'gallery_piece("zebra")',
            "no piece 'zebra' in data/gallery.yml; known: first-flat, green-circle, house-and-sun, keys, not-yet-agreed, taken-down",
        ),
        ('gallery_piece("keys", 1)', "the heading level must be 2 to 6; got 1"),
        ('gallery_piece("keys", 7)', "the heading level must be 2 to 6; got 7"),
        ('gallery_piece("keys", "3")', "the heading level must be 2 to 6; got '3'"),
        (
            'date("yesterday")',
            "needs a date from the data, such as accessibility.statement_reviewed_on, not typed text; got 'yesterday'",
        ),
        (
            "date(20260101)",
            "needs a date from the data, such as accessibility.statement_reviewed_on, not typed text; got 20260101",
        ),
    ],
)
def test_arguments_are_checked_against_the_data(
    tmp_path: Path, data: SiteData, call: str, message: str
) -> None:
    name = call.split("(")[0]
    page = (
        f"# Page\n\nText {{{{ {call} }}}} text.\n"
        if name in ("figure", "date")
        else (f"# Page\n\n{{{{ {call} }}}}\n")
    )
    assert problems(tmp_path, {"page.md": page}, data) == [f"docs/page.md:3: {name}: {message}"]


@pytest.mark.parametrize(
    "call",
    [
        'figure("total")',
        'figure("places-bought")',
        'figure("foster-carers.percent")',
        'figure("foster-carers+childrens-homes")',
        'figure("foster-carers+childrens-homes.percent")',
        'gallery_piece("keys", 2)',
        'gallery_piece("keys", 6)',
        "gallery_piece(piece_id)",
        "date(accessibility.last_tested_on)",
    ],
)
def test_good_arguments_and_expressions_pass(tmp_path: Path, data: SiteData, call: str) -> None:
    page = f"{{% set piece_id = 'keys' %}}\n{{{{ {call} }}}}\n"
    assert problems(tmp_path, {"page.md": page}, data) == []


def test_arguments_are_not_checked_without_data(tmp_path: Path) -> None:
    """When the data has problems they are reported, not every call that names it."""
    page = '{{ figure("nope") }}\n\n{{ offer_section("nowhere") }}\n'
    assert problems(tmp_path, {"page.md": page}, None, sections=False) == []


# --- Block macros on a line of their own ---------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "- {{ contact_card() }}",
        "1. {{ contact_card() }}",
        "| {{ contact_card() }} |",
        "    {{ contact_card() }}",
        "See [{{ contact_card() }}](x.md)",
        "{{ contact_card() }} {{ help_contacts() }}",
    ],
)
def test_a_block_macro_must_stand_on_its_own_line(
    tmp_path: Path, data: SiteData, line: str
) -> None:
    page = f"# Help\n\n{line}\n"
    reported = problems(tmp_path, {"help.md": page}, data)
    assert f"docs/help.md:3: contact_card: {OWN_LINE}" in reported


def test_inline_macros_may_go_anywhere_and_blocks_alone_pass(
    tmp_path: Path, data: SiteData
) -> None:
    page = (
        "# Help\n\n- Call on {{ date(accessibility.last_tested_on) }}\n"
        '| {{ figure("total") }} |\n\n{{ contact_card() }}\n\n  {{ help_contacts() }}  \n'
    )
    assert problems(tmp_path, {"help.md": page}, data) == []


# --- Offer sections and pages --------------------------------------------------------------


def test_a_section_shown_on_two_pages(tmp_path: Path, data: SiteData) -> None:
    written = {"zz/again.md": '# Again\n\n{{ offer_section("due-soon") }}\n'}
    assert problems(tmp_path, written, data) == [
        "data/offer/due-soon.yml:1: this section is shown on more than one page "
        "(docs/offer/all.md:5, docs/zz/again.md:3); show it on one page so that each entry "
        "has one address"
    ]


def test_a_section_shown_on_no_page(tmp_path: Path, data: SiteData) -> None:
    written = {"offer/all.md": EVERY_SECTION.replace('{{ offer_section("hostile") }}', "")}
    assert problems(tmp_path, written, data) == [
        "data/offer/hostile.yml:1: this section is not shown on any page; add a page such as "
        'docs/offer/hostile.md containing {{ offer_section("hostile") }} and list it under '
        "nav: in mkdocs.yml"
    ]


def test_an_unknown_section_suggests_one_and_is_not_also_called_unshown(
    tmp_path: Path, data: SiteData
) -> None:
    shown = EVERY_SECTION.replace('"hostile"', '"hostil"')
    assert problems(tmp_path, {"offer/all.md": shown}, data) == [
        "docs/offer/all.md:7: offer_section: no section 'hostil' in data/offer/; "
        "did you mean 'hostile'?"
    ]
    no_guess = EVERY_SECTION.replace('"hostile"', '"leisure-and-fun"')
    assert problems(tmp_path, {"offer/all.md": no_guess}, data) == [
        "docs/offer/all.md:7: offer_section: no section 'leisure-and-fun' in data/offer/; "
        "known: always-overdue, always-current, due-soon, hostile",
        "data/offer/hostile.yml:1: this section is not shown on any page; add a page such as "
        'docs/offer/hostile.md containing {{ offer_section("hostile") }} and list it under '
        "nav: in mkdocs.yml",
    ]


# --- Front matter --------------------------------------------------------------------------


def test_front_matter_is_split_off_and_counted() -> None:
    assert split_front_matter("---\ntitle: A\nx: [1]\n---\n# A\n") == (
        {"title": "A", "x": [1]},
        "# A\n",
        4,
    )
    assert split_front_matter("# No front matter\n") == ({}, "# No front matter\n", 0)
    assert split_front_matter("---\n: [\n---\nbody\n") == ({}, "body\n", 3)


# --- The cached check ----------------------------------------------------------------------


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One item per time the pages are really checked."""
    counted: list[int] = []
    real = pages.check_pages

    def counting(*args: object, **kwargs: object) -> PagesChecked:
        counted.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pages, "check_pages", counting)
    return counted


def test_a_clean_check_is_reused_until_a_page_changes(
    tmp_path: Path, data: SiteData, runs: list[int]
) -> None:
    docs = write_docs(tmp_path, {"index.md": "# Home\n\n{{ contact_card() }}\n"})
    cache = tmp_path / ".cache"
    first = check_pages_cached(docs, page_names(), data, cache)
    assert first.problems == [] and len(runs) == 1
    assert len(list(cache.glob("pages-ok-*.json"))) == 1

    again = check_pages_cached(docs, page_names(), data, cache)
    assert len(runs) == 1, "an unchanged set of pages is not parsed again"
    assert again.calls == first.calls

    (docs / "index.md").write_text("# Home\n\n{{ councl }}\n", encoding="utf-8")
    changed = check_pages_cached(docs, page_names(), data, cache)
    assert len(runs) == 2
    assert [str(problem) for problem in changed.problems] == [
        "docs/index.md:3: councl: unknown variable or macro; did you mean 'council'?"
    ]
    check_pages_cached(docs, page_names(), data, cache)
    assert len(runs) == 3, "a check with problems is never kept"


def test_a_new_page_or_other_data_ids_invalidate_the_cached_check(
    tmp_path: Path, data: SiteData, runs: list[int]
) -> None:
    docs = write_docs(tmp_path, {"index.md": "# Home\n"})
    cache = tmp_path / ".cache"
    check_pages_cached(docs, page_names(), data, cache)
    (docs / "new.md").write_text("# New\n", encoding="utf-8")
    check_pages_cached(docs, page_names(), data, cache)
    assert len(runs) == 2
    check_pages_cached(docs, page_names(), None, cache)
    assert len(runs) == 3
    assert len(list(cache.glob("pages-ok-*.json"))) == 1, "only the latest clean check is kept"


# --- Pages hold prose ---------------------------------------------------------------------


def test_html_in_a_page_is_a_problem_on_its_line(tmp_path: Path, data: SiteData) -> None:
    page = (
        "---\ntitle: A\n---\n# Hello\n\nPlain words.\n\n"
        'See <a href="../review.json">the list</a> and <span onclick="x">this</span>.\n'
    )
    found = problems(tmp_path, {"index.md": page}, data)
    assert [problem.split(": ", 2)[:2] for problem in found] == [
        ["docs/index.md:8", "<a>"],
        ["docs/index.md:8", "<span>"],
    ]
    assert "write Markdown (a link is [text](address))" in found[0]


@pytest.mark.parametrize(
    "prose",
    [
        "Write to <team@example.org> or see <https://www.example.org/>.",
        "In code: `<a href>` and ``<b>``.",
        "```html\n<div>shown as code</div>\n```",
        "<!-- a note for editors -->",
        "Ages 16 < 18 and 25 > 21.",
    ],
)
def test_autolinks_code_comments_and_comparisons_are_prose(
    tmp_path: Path, data: SiteData, prose: str
) -> None:
    assert problems(tmp_path, {"index.md": f"# Hello\n\n{prose}\n"}, data) == []


def test_a_loop_in_a_page_is_a_problem(tmp_path: Path, data: SiteData) -> None:
    page = "# Hello\n\n{% for section in [1, 2] %}\n- {{ section }}\n{% endfor %}\n"
    (problem,) = problems(tmp_path, {"index.md": page}, data)
    assert problem.startswith("docs/index.md:3: for: a loop in a page")
