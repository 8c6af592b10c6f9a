"""Check Markdown pages before building: Jinja syntax, names, macro arguments, offer pages.

mkdocs-macros would stop on most of these too, but with a traceback and after the site
folder has been cleaned; checking first gives one located line per problem, the same
from ``check`` as from the build, and leaves the last good build untouched.

The names pages may use and the kind of each macro's arguments come from the registries
(``macros/render/macros.py`` and the page variables of ``macros/derive/site.py``), given
by ``macros/pipeline.py``: this module imports neither.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment, TemplateSyntaxError, meta, nodes

from macros.problems import DataProblem
from macros.validate.rules.figures import figure_name_problem
from macros.validate.site_data import SiteData

# Names mkdocs-macros itself gives every page.
MACROS_PLUGIN_NAMES = frozenset(
    {
        "config",
        "page",
        "environment",
        "plugin",
        "git",
        "extra",
        "macros_info",
        "now",
        "fix_url",
        "context",
        "navigation",
        "files",
        "filters",
        "filters_builtin",
        "macros",
        "pretty",
        "relative_url",
        "raw",
        "range",
        "loop",
        "true",
        "false",
        "none",
    }
)

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.DOTALL)


@dataclass(frozen=True)
class PageNames:
    """What pages may call: the page variables, and each macro with its argument kinds."""

    variables: frozenset[str]
    macros: Mapping[str, tuple[str, ...]]
    """Argument kinds by macro name (see ``ArgKind`` in macros/render/macros.py)."""
    blocks: frozenset[str]
    """Macros that return a block of HTML and must stand on a line of their own."""

    @property
    def known(self) -> frozenset[str]:
        return self.variables | frozenset(self.macros) | MACROS_PLUGIN_NAMES


@dataclass(frozen=True)
class MacroCall:
    """One call of a macro on a page, with the arguments written as plain values."""

    name: str
    args: tuple[str | int | None, ...]
    """Each argument as written (text or a whole number), or None for an expression."""
    page: str
    """The page's path in ``docs/``, e.g. ``offer/money.md``."""
    line: int


@dataclass(frozen=True)
class PagesChecked:
    problems: list[DataProblem]
    calls: tuple[MacroCall, ...]


def split_front_matter(text: str) -> tuple[dict[str, object], str, int]:
    """(meta, body, number of lines taken by the front matter).

    >>> split_front_matter("---\\ntitle: A\\n---\\n# A\\n")
    ({'title': 'A'}, '# A\\n', 3)
    """
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0
    try:
        loaded = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError:
        loaded = {}
    meta_data = loaded if isinstance(loaded, dict) else {}
    return meta_data, text[match.end() :], match.group(0).count("\n")


# Keys MkDocs and the theme read from front matter.
META_KEYS = (
    "description",
    "title",
    "search",
    "render_macros",
    "hide",
    "template",
    "status",
    "glossary",
)
_META_LINE = re.compile(rf"^(?:{'|'.join(META_KEYS)}):\s")


def front_matter_problem(text: str) -> tuple[int, str] | None:
    """(line, message) when a page's front matter would be ignored, or None.

    >>> front_matter_problem("description: Help with money.\\n\\n# Money\\n")
    (1, "looks like front matter, but has no '---' lines around it: put a line with --- above it and below it, or MkDocs ignores it")
    >>> front_matter_problem("---\\n- a list\\n---\\n# Money\\n")[1]
    "front matter must be lines of 'key: value', such as 'description: ...'"
    """
    match = _FRONT_MATTER.match(text)
    if match is None:
        first = next((line for line in text.splitlines() if line.strip()), "")
        if _META_LINE.match(first):
            line = text.splitlines().index(first) + 1
            return line, (
                "looks like front matter, but has no '---' lines around it: put a line "
                "with --- above it and below it, or MkDocs ignores it"
            )
        return None
    try:
        loaded = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        return line, f"the front matter is not valid YAML: {getattr(error, 'problem', error)}"
    if loaded is not None and not isinstance(loaded, dict):
        return 2, "front matter must be lines of 'key: value', such as 'description: ...'"
    return None


def _line_of(body: str, name: str) -> int:
    pattern = re.compile(r"(\{\{|\{%)[^}]*\b" + re.escape(name) + r"\b")
    for number, line in enumerate(body.splitlines(), start=1):
        if pattern.search(line):
            return number
    return 1


def _constant(node: nodes.Node) -> str | int | None:
    if isinstance(node, nodes.Const) and isinstance(node.value, str | int):
        return node.value
    return None


def _calls(tree: nodes.Template, names: PageNames, page: str, offset: int) -> list[MacroCall]:
    calls = []
    for call in tree.find_all(nodes.Call):
        if isinstance(call.node, nodes.Name) and call.node.name in names.macros:
            args = tuple(_constant(arg) for arg in call.args)
            calls.append(MacroCall(call.node.name, args, page, call.lineno + offset))
    return calls


def _page_paths(docs_dir: Path) -> list[Path]:
    return sorted(docs_dir.rglob("*.md"))


def check_pages_cached(
    docs_dir: Path, names: PageNames, data: SiteData | None, cache_dir: Path
) -> PagesChecked:
    """``check_pages``, its result reused when the same pages passed with the same names
    and data ids before.

    The check depends only on the pages (names and text), the names pages may use, the
    ids they may name and this file's code; a fingerprint of all of them names the
    result kept in ``cache_dir`` after a clean check. Reading the pages is cheap; parsing
    them was a twentieth of a build of the example site.
    """
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(repr((sorted(names.variables), sorted(names.macros.items()))).encode())
    digest.update(repr(sorted(names.blocks)).encode() + repr(_ids(data)).encode())
    for path in _page_paths(docs_dir):
        digest.update(b"\2" + path.relative_to(docs_dir).as_posix().encode() + b"\3")
        digest.update(path.read_bytes())
    marker = cache_dir / f"pages-ok-{digest.hexdigest()[:16]}.json"
    try:
        saved = json.loads(marker.read_text(encoding="utf-8"))
        calls = tuple(
            MacroCall(item[0], tuple(item[1]), item[2], item[3]) for item in saved["calls"]
        )
        return PagesChecked([], calls)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        pass
    checked = check_pages(docs_dir, names, data)
    if not checked.problems:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            for old in cache_dir.glob("pages-ok-*"):
                old.unlink(missing_ok=True)
            calls_json = [[c.name, list(c.args), c.page, c.line] for c in checked.calls]
            marker.write_text(json.dumps({"calls": calls_json}), encoding="utf-8")
        except OSError:
            pass  # a read-only checkout still builds, only more slowly
    return checked


def _ids(data: SiteData | None) -> object:
    if data is None:
        return None
    pieces = sorted(piece.id for piece in data.gallery.pieces) if data.gallery else []
    figures = data.figures.model_dump_json() if data.figures else None
    return (sorted(data.offer), pieces, figures)


def check_pages(docs_dir: Path, names: PageNames, data: SiteData | None) -> PagesChecked:
    """Every problem in every page, located by file and line, and every macro call.

    Example: a page with ``{{ councl.name }}`` gives
    ``docs/index.md:7: councl: unknown variable or macro; did you mean 'council'?``
    """
    environment = Environment()
    known = names.known
    problems: list[DataProblem] = []
    calls: list[MacroCall] = []
    languages = [item.code for item in data.settings.languages] if data is not None else None
    for path in _page_paths(docs_dir):
        page = path.relative_to(docs_dir).as_posix()
        shown = f"{docs_dir.name}/{page}"
        text = path.read_text(encoding="utf-8")
        front_problem = front_matter_problem(text)
        if front_problem is not None:
            problems.append(DataProblem(shown, front_problem[0], "", front_problem[1]))
        front, body, offset = split_front_matter(text)
        english = english_page(page)
        if english is not None and languages is not None:
            problems += _translated_page_problems(docs_dir, shown, english, front, languages)
        if front.get("render_macros") is False:
            continue
        try:
            tree = environment.parse(body)
        except TemplateSyntaxError as error:
            line, message = _syntax_message(error, body)
            problems.append(DataProblem(shown, line + offset, "", message))
            continue
        assigned = {node.name for node in tree.find_all(nodes.Name) if node.ctx == "store"}
        for name in sorted(meta.find_undeclared_variables(tree) - known - assigned):
            guess = difflib.get_close_matches(name, sorted(known), n=1)
            usable = sorted(names.variables | set(names.macros))
            hint = (
                f"did you mean '{guess[0]}'?"
                if guess
                else "the names pages can use are: " + ", ".join(usable)
            )
            problems.append(
                DataProblem(
                    shown, _line_of(body, name) + offset, name, f"unknown variable or macro; {hint}"
                )
            )
        problems += [
            DataProblem(shown, line + offset, field, message)
            for line, field, message in prose_problems(body, tree)
        ]
        page_calls = _calls(tree, names, page, offset)
        if english is None:
            calls += page_calls  # a translated page shows what its English page shows
        lines = body.splitlines()
        for call in page_calls:
            if call.name in names.blocks:
                problem = _placement_problem(lines[call.line - offset - 1], call.name)
                if problem:
                    problems.append(DataProblem(shown, call.line, call.name, problem))
            if data is not None:
                problems += _argument_problems(call, names.macros[call.name], data, shown)
    if data is not None:
        problems += _section_pages(calls, list(data.offer), docs_dir.name)
    if data is not None and data.glossary is None:
        problems += [
            DataProblem(
                f"{docs_dir.name}/{call.page}",
                call.line,
                call.name,
                "needs data/glossary.yml, which is missing: add it, or take this macro out",
            )
            for call in calls
            if call.name == "glossary"
        ]
    return PagesChecked(problems, tuple(calls))


HTML_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>])")
"""An HTML element's opening tag; not an autolink (``<https://...>``,
``<team@example.org>``), a comment or a closing tag (its opening tag is the problem)."""
CODE_SPAN = re.compile(r"(`+).*?\1")
FENCE = re.compile(r"^\s*(```|~~~)")


def prose_problems(body: str, tree: nodes.Template) -> list[tuple[int, str, str]]:
    """Raw HTML and Jinja loops in a page, as (line in the body, what, message): pages hold
    prose, and data comes through named macros, so that every council's pages stay
    escaped, accessible and translatable. Code (fenced or in backticks) may show anything.

    >>> from jinja2 import Environment
    >>> page = "# Money\\n\\nSee <a href='x'>this</a>.\\n\\n`<b>` is fine\\n"
    >>> prose_problems(page, Environment().parse(page))[0][:2]
    (3, '<a>')
    >>> loop = "{% for x in offer %}{{ x }}{% endfor %}"
    >>> prose_problems(loop, Environment().parse(loop))[0][:2]
    (1, 'for')
    """
    problems = []
    in_fence = False
    for number, line in enumerate(body.splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for tag in HTML_TAG.finditer(CODE_SPAN.sub("", line)):
            problems.append(
                (
                    number,
                    f"<{tag.group(1)}>",
                    "HTML in a page: write Markdown (a link is [text](address)); "
                    "anything from the data comes through a macro (see the README's macros)",
                )
            )
    for loop in tree.find_all(nodes.For):
        problems.append(
            (
                loop.lineno,
                "for",
                "a loop in a page: lists from the data come through a macro "
                "(see the README's macros), never a loop in the page",
            )
        )
    return problems


_TRANSLATED_PAGE = re.compile(r"^(?P<page>.+)\.(?P<language>[a-z]{2,3}(?:-[A-Z]{2})?)\.md$")


def english_page(page: str) -> tuple[str, str] | None:
    """(English page, language) of a translated page (``offer/money.ar.md``), or None.

    >>> english_page("offer/money.ar.md"), english_page("offer/money.md")
    (('offer/money.md', 'ar'), None)
    """
    match = _TRANSLATED_PAGE.match(page)
    return (f"{match['page']}.md", match["language"]) if match else None


def _translated_page_problems(
    docs_dir: Path,
    shown: str,
    english: tuple[str, str],
    front: Mapping[str, object],
    languages: list[str],
) -> list[DataProblem]:
    """A translated page names a language of the site and an English page, and records the
    fingerprint of the English it was made from."""
    page, language = english
    if language not in languages:
        known = ", ".join(languages) or "none yet"
        message = (
            f"unknown language '{language}' in the file name; the languages under "
            f"languages: in data/site.yml are: {known}"
        )
        return [DataProblem(shown, 1, "", message)]
    if not (docs_dir / page).is_file():
        message = f"translates {docs_dir.name}/{page}, which does not exist; name it after its English page"
        return [DataProblem(shown, 1, "", message)]
    made_from = front.get("made_from")
    if not isinstance(made_from, str) or not re.fullmatch(r"[0-9a-f]{12}", made_from):
        message = (
            "add 'made_from:' to the front matter: the fingerprint of the English page it was "
            "translated from, 12 characters 0-9 and a-f, as `uv run translate` prints it"
        )
        return [DataProblem(shown, 1, "made_from", message)]
    return []


def _placement_problem(line: str, name: str) -> str | None:
    """Why a block macro's line would not become a block of its own, or None.

    >>> _placement_problem('{{ offer_section("money") }}', "offer_section") is None
    True
    >>> _placement_problem('- {{ contact_card() }}', "contact_card")
    'must be on a line of its own, not inside a list, table, link or code'
    """
    text = line.strip()
    own_line = text.startswith("{{") and text.endswith("}}") and text.count("{{") == 1
    if own_line and not line.startswith(("    ", "\t")):
        return None
    return "must be on a line of its own, not inside a list, table, link or code"


def _argument_problems(
    call: MacroCall, kinds: tuple[str, ...], data: SiteData, shown: str
) -> list[DataProblem]:
    problems = []
    for kind, value in zip(kinds, call.args, strict=False):
        message = _argument_problem(kind, value, data)
        if message:
            problems.append(DataProblem(shown, call.line, call.name, message))
    return problems


def _argument_problem(kind: str, value: str | int | None, data: SiteData) -> str | None:
    if kind == "date":
        if isinstance(value, str | int):
            return (
                "needs a date from the data, such as accessibility.statement_reviewed_on, "
                f"not typed text; got {value!r}"
            )
        return None
    if value is None:
        return None  # worked out when the page is built
    if kind == "section":
        # Unknown sections are reported with the pages that show each section.
        return None
    if kind == "easy_read_section":
        return _easy_read_problem(data, str(value))
    if kind == "figure":
        return figure_name_problem(data.figures, str(value))
    if kind == "piece":
        known = sorted(piece.id for piece in data.gallery.pieces) if data.gallery else []
        if value in known:
            return None
        return f"no piece '{value}' in data/gallery.yml; {_hint(str(value), known)}"
    if kind == "heading" and not (isinstance(value, int) and 2 <= value <= 6):
        return f"the heading level must be 2 to 6; got {value!r}"
    return None


def _hint(value: str, known: list[str]) -> str:
    """The closest known name, or the known names when none is close.

    >>> _hint("keyz", ["keys", "tree"]), _hint("x", []), _hint("x", ["a", "b"])
    ("did you mean 'keys'?", 'known: none', 'known: a, b')
    """
    guess = difflib.get_close_matches(value, known, n=1)
    return f"did you mean '{guess[0]}'?" if guess else "known: " + (", ".join(known) or "none")


def _easy_read_problem(data: SiteData, section_id: str) -> str | None:
    """What is wrong with ``easy_read(section_id)``: no such section, or none of its
    entries has Easy Read lines (``easy_read:``); None when it has."""
    section = data.offer.get(section_id)
    if section is None:
        return f"no section '{section_id}' in data/offer/; {_hint(section_id, sorted(data.offer))}"
    if not any(entry.easy_read is not None for entry in section.entries):
        return (
            f"no entry in data/offer/{section_id}.yml has Easy Read lines yet; "
            "add easy_read: to its entries, or take this page out"
        )
    return None


def _section_pages(
    calls: Iterable[MacroCall], known_sections: list[str], docs_name: str
) -> list[DataProblem]:
    """Each section is shown on exactly one page, and pages show only known sections."""
    problems: list[DataProblem] = []
    shown_on: dict[str, list[str]] = {}
    explained: set[str] = set()
    for call in calls:
        if call.name != "offer_section" or not call.args or not isinstance(call.args[0], str):
            continue
        section_id = str(call.args[0])
        place = f"{docs_name}/{call.page}:{call.line}"
        if section_id in known_sections:
            shown_on.setdefault(section_id, []).append(place)
            continue
        guess = difflib.get_close_matches(section_id, known_sections, n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else "known: " + ", ".join(known_sections)
        explained.update(guess)
        problems.append(
            DataProblem(
                f"{docs_name}/{call.page}",
                call.line,
                "offer_section",
                f"no section '{section_id}' in data/offer/; {hint}",
            )
        )
    for section_id in known_sections:
        places = shown_on.get(section_id, [])
        if not places and section_id not in explained:
            problems.append(
                DataProblem(
                    f"data/offer/{section_id}.yml",
                    1,
                    "",
                    "this section is not shown on any page; add a page such as "
                    f'docs/offer/{section_id}.md containing {{{{ offer_section("{section_id}") }}}} '
                    "and list it under nav: in mkdocs.yml",
                )
            )
        elif len(places) > 1:
            problems.append(
                DataProblem(
                    f"data/offer/{section_id}.yml",
                    1,
                    "",
                    f"this section is shown on more than one page ({', '.join(places)}); "
                    "show it on one page so that each entry has one address",
                )
            )
    return problems


def _syntax_message(error: TemplateSyntaxError, body: str) -> tuple[int, str]:
    """A Jinja syntax error as (line, plain words) for an editor."""
    raw_hint = "To show {{ or {% as text, wrap it in {% raw %}...{% endraw %} (see README)"
    text = error.message or ""
    for block, end in (("if", "endif"), ("for", "endfor"), ("raw", "endraw")):
        if "end of template" in text and f"'{end}'" in text:
            opened = _last_line_with(body, "{%", block) or error.lineno or 1
            return opened, f"{{% {block} %}} is never closed; add {{% {end} %}} where it should end"
    if "end of print statement" in text or "unexpected '}'" in text:
        return error.lineno or 1, f"'{{{{' is not closed with '}}}}'. {raw_hint}"
    return error.lineno or 1, f"{text.rstrip('.')}. {raw_hint}"


def _last_line_with(body: str, opener: str, keyword: str) -> int | None:
    pattern = re.compile(re.escape(opener) + r"-?\s*" + keyword + r"\b")
    found = None
    for number, line in enumerate(body.splitlines(), start=1):
        if pattern.search(line):
            found = number
    return found
