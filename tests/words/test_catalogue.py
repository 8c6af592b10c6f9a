"""The catalogue of interface words, ``macros/words/en.yml``, and everywhere it is used.

Every word the site shows that is not the council's own content lives only in the
catalogue: templates call ``t("key")`` (the theme ``clo.t("key")``), Python views
``words("key")`` and the JavaScript ``say("key")``. These tests check that

(a) every key used anywhere is in the catalogue (with the placeholders it needs),
(b) every key in the catalogue is used somewhere (no dead words),
(c) entries are well formed (simple placeholders, plural forms with ``other``),
(d) no English interface word is typed anywhere else: in templates, in the Python that
    builds pages and in the JavaScript. Each scanner is first shown a bad sample, so a
    scanner that could never find anything fails.
"""

from __future__ import annotations

import ast
import itertools
import json
import re
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pytest
import yaml
from bs4 import BeautifulSoup
from jinja2 import nodes

from macros.derive.action_plan import STATUS_ORDER
from macros.derive.exports import EXPORTS
from macros.derive.review import ReviewState
from macros.derive.site import SiteViews
from macros.publish.theme import SCRIPT_WORDS, ThemeContext
from macros.render.macros import PageContext, finder_results, search_box
from macros.validate.model import STATUTORY_AREAS, Duty
from macros.validate.model.contacts import PhonePurpose
from macros.validate.model.gallery import PieceKind
from macros.validate.model.offer import Per, Role
from macros.validate.model.times import Every
from macros.words import CATALOGUE_DIR, PLURAL_FORMS, Entry, flatten, load_words, placeholders
from tests.conftest import ROOT

CATALOGUE_FILE = CATALOGUE_DIR / "en.yml"
ENTRIES: Mapping[str, Entry] = load_words("en-GB").entries

TEMPLATES = sorted((ROOT / "macros" / "render" / "templates").glob("*.html"))
THEME_TEMPLATES = [ROOT / "overrides" / "main.html"]
PYTHON = sorted((ROOT / "macros").rglob("*.py"))
SCRIPTS = sorted((ROOT / "overrides" / "assets").glob("*.js"))

# The values an f-string key's expression can take, e.g. words(f"review.{state}").
PYTHON_EXPANSIONS: dict[str, tuple[str, ...]] = {
    "value.state.value": tuple(state.value for state in ReviewState),
    "suffix": ("", "_in_list"),
    "entry.duty.value": tuple(duty.value for duty in Duty),
    "status": STATUS_ORDER,
    "piece.kind.value": tuple(kind.value for kind in PieceKind),
    "reference.role.value": tuple(role.value for role in Role),
    "phone.purpose.value": tuple(purpose.value for purpose in PhonePurpose),
    "amount.per.value": tuple(per.value for per in Per),
    "per": tuple(per.value for per in Per),
    "opening.every.name": tuple(every.name for every in Every),
    # A statutory area's name (a council's own areas are named in data/areas.yml).
    "area": tuple(area.id for area in STATUTORY_AREAS),
    "export.key": tuple(export.key for export in EXPORTS),
}
# The same for keys the JavaScript joins, e.g. say("review." + state).
SCRIPT_EXPANSIONS: dict[str, tuple[str, ...]] = {
    "review.": tuple(state.value for state in ReviewState),
}
# Python that passes a key it was given (the theme's clo.t): the keys are the callers'.
PASSES_KEYS_ON = {"macros/publish/theme.py"}


def shown(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@dataclass(frozen=True)
class Use:
    """One use of a catalogue key."""

    key: str
    where: str
    values: frozenset[str] | None
    """The placeholder values given, or None when they cannot be known (``**values``)."""


# --- Finding the keys used -------------------------------------------------------------------


def template_uses(source: str, where: str) -> Iterator[Use]:
    """``t("key", name=...)`` and ``clo.t("key")`` in a Jinja template."""
    tree = jinja2.Environment().parse(source)
    for call in tree.find_all(nodes.Call):
        func = call.node
        if not (
            (isinstance(func, nodes.Name) and func.name == "t")
            or (isinstance(func, nodes.Getattr) and func.attr == "t")
        ):
            continue
        first = call.args[0] if call.args else None
        assert isinstance(first, nodes.Const) and isinstance(first.value, str), (
            f"{where}:{call.lineno}: t() needs the key written out"
        )
        values = None if call.dyn_kwargs else frozenset(kw.key for kw in call.kwargs)
        yield Use(first.value, f"{where}:{call.lineno}", values)


def _is_words(node: ast.expr) -> bool:
    return (isinstance(node, ast.Name) and node.id == "words") or (
        isinstance(node, ast.Attribute) and node.attr == "words"
    )


def _is_words_call(func: ast.expr) -> bool:
    """``words(...)``, ``site.words(...)``, ``words.markup(...)`` or ``words.text(...)``."""
    if _is_words(func):
        return True
    return (
        isinstance(func, ast.Attribute)
        and func.attr in {"markup", "text"}
        and _is_words(func.value)
    )


def _expand(key: ast.expr, where: str, names: Mapping[str, list[str]]) -> list[str]:
    if isinstance(key, ast.Constant) and isinstance(key.value, str):
        return [key.value]
    if isinstance(key, ast.IfExp):
        return _expand(key.body, where, names) + _expand(key.orelse, where, names)
    if isinstance(key, ast.Name):
        return names[key.id]
    assert isinstance(key, ast.JoinedStr), f"{where}: not a key"
    parts: list[tuple[str, ...]] = []
    for part in key.values:
        if isinstance(part, ast.Constant):
            parts.append((str(part.value),))
        else:
            assert isinstance(part, ast.FormattedValue)
            expression = ast.unparse(part.value)
            assert expression in PYTHON_EXPANSIONS, (
                f"{where}: add the values of {expression!r} to PYTHON_EXPANSIONS"
            )
            parts.append(PYTHON_EXPANSIONS[expression])
    return ["".join(combination) for combination in itertools.product(*parts)]


def _is_key(node: ast.expr) -> bool:
    """A key written out: ``"a.b"``, ``f"a.{b}"`` or ``"a.b" if x else "a.c"``."""
    if isinstance(node, ast.IfExp):
        return _is_key(node.body) and _is_key(node.orelse)
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def _literal(node: ast.expr) -> list[str] | None:
    """The strings a plain string, or a choice of plain strings, can be."""
    if isinstance(node, ast.IfExp):
        body, orelse = _literal(node.body), _literal(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    return None


def key_names(tree: ast.AST) -> dict[str, list[str]]:
    """Names only ever set to plain strings (``kind = "a.b" if up else "a.c"``), with the
    strings each can hold; a name also set to anything else is left out."""
    keys: dict[str, list[str]] = {}
    other: set[str] = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Assign):
            continue
        for target in node.targets:
            if isinstance(target, ast.Name):
                literal = _literal(node.value)
                if literal is None:
                    other.add(target.id)
                else:
                    keys.setdefault(target.id, []).extend(literal)
    return {name: found for name, found in keys.items() if name not in other}


def python_uses(source: str, where: str) -> tuple[list[Use], list[str]]:
    """Keys used by ``words("key")`` (f-string keys expanded, and a name set only to keys
    written out), and where a key is passed on."""
    uses: list[Use] = []
    passed_on: list[str] = []
    tree = ast.parse(source)
    names = key_names(tree)
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and _is_words_call(node.func) and node.args):
            continue
        at = f"{where}:{node.lineno}"
        key = node.args[0]
        if not (_is_key(key) or (isinstance(key, ast.Name) and key.id in names)):
            passed_on.append(at)
            continue
        given = [kw.arg for kw in node.keywords]
        # words.text() gives the raw words: its caller fills the placeholders (in CSS).
        raw = isinstance(node.func, ast.Attribute) and node.func.attr == "text"
        values = None if raw or None in given else frozenset(str(name) for name in given)
        uses += [Use(expanded, at, values) for expanded in _expand(key, at, names)]
    return uses, passed_on


# JavaScript: strings, comments and regular expressions told apart, so that words are
# looked for only where they could be shown.

_REGEX_AFTER = set("(,=:[!&|?{};+-*%<>~^") | {"", "return", "typeof", "case", "in", "of"}


@dataclass(frozen=True)
class Token:
    kind: str
    """``string``, ``comment``, ``regex`` or ``code``."""
    text: str
    line: int


def js_tokens(source: str) -> list[Token]:
    tokens: list[Token] = []
    i, n, previous = 0, len(source), ""

    def add(kind: str, start: int, end: int) -> None:
        tokens.append(Token(kind, source[start:end], source.count("\n", 0, start) + 1))

    while i < n:
        char = source[i]
        if source.startswith("//", i):
            end = source.find("\n", i)
            end = n if end == -1 else end
            add("comment", i, end)
        elif source.startswith("/*", i):
            end = source.find("*/", i + 2)
            end = n if end == -1 else end + 2
            add("comment", i, end)
        elif char in "\"'`":
            end = i + 1
            while end < n and source[end] != char:
                end += 2 if source[end] == "\\" else 1
            end += 1
            add("string", i, end)
            previous = "string"
        elif char == "/" and previous in _REGEX_AFTER:
            end, in_class = i + 1, False
            while end < n:
                if source[end] == "\\":
                    end += 2
                    continue
                if source[end] == "[":
                    in_class = True
                elif source[end] == "]":
                    in_class = False
                elif source[end] == "/" and not in_class:
                    break
                end += 1
            end += 1
            while end < n and source[end].isalpha():
                end += 1
            add("regex", i, end)
            previous = "regex"
        elif char.isalnum() or char in "_$":
            end = i
            while end < n and (source[end].isalnum() or source[end] in "_$"):
                end += 1
            add("code", i, end)
            previous = source[i:end]
        else:
            end = i + 1
            if not char.isspace():
                add("code", i, end)
                previous = char
        i = end
    return tokens


def string_value(token: Token) -> str:
    return token.text[1:-1]


def script_uses(source: str, where: str) -> Iterator[Use]:
    """``say("key", {name: ...})``: every string in the call is a key, or a key's start
    joined with a value (``"review." + state``)."""
    tokens = [token for token in js_tokens(source) if token.kind != "comment"]
    for index, token in enumerate(tokens):
        if not (token.text == "say" and index + 1 < len(tokens) and tokens[index + 1].text == "("):
            continue
        depth, end = 0, index + 1
        for end in range(index + 1, len(tokens)):
            depth += {"(": 1, ")": -1}.get(tokens[end].text, 0)
            if depth == 0:
                break
        inside = tokens[index + 2 : end]
        names = frozenset(
            inside[i].text
            for i in range(1, len(inside) - 1)
            if inside[i].kind == "code"
            and inside[i + 1].text == ":"
            and inside[i - 1].text in {"{", ","}
        )
        for item in inside:
            if item.kind != "string":
                continue
            key = string_value(item)
            at = f"{where}:{item.line}"
            if key.endswith("."):
                assert key in SCRIPT_EXPANSIONS, f"{at}: add the values after {key!r}"
                yield from (Use(key + value, at, names) for value in SCRIPT_EXPANSIONS[key])
            else:
                yield Use(key, at, names)


def all_template_uses() -> list[Use]:
    return [
        use
        for path in (*TEMPLATES, *THEME_TEMPLATES)
        for use in template_uses(path.read_text(encoding="utf-8"), shown(path))
    ]


def all_python_uses() -> tuple[list[Use], list[str]]:
    uses: list[Use] = []
    passed_on: list[str] = []
    for path in PYTHON:
        found, passed = python_uses(path.read_text(encoding="utf-8"), shown(path))
        uses += found
        passed_on += passed
    return uses, passed_on


def all_script_uses() -> dict[str, list[Use]]:
    return {
        path.name: list(script_uses(path.read_text(encoding="utf-8"), shown(path)))
        for path in SCRIPTS
    }


def all_uses() -> list[Use]:
    return [
        *all_template_uses(),
        *all_python_uses()[0],
        *(use for uses in all_script_uses().values() for use in uses),
    ]


def test_the_finders_find_keys() -> None:
    """Each finder reads a small sample the way it reads the real files."""
    template = '{{ t("a.b", x=1) }} <p title="{{ clo.t(\'c.d\') }}"></p>'
    assert [(u.key, u.values) for u in template_uses(template, "t.html")] == [
        ("a.b", frozenset({"x"})),
        ("c.d", frozenset()),
    ]
    python = (
        'words("a.b", n=1)\nsite.words(f"review.{value.state.value}")\nwords.markup(key)\n'
        'kind = "c.up" if more else "c.down"\nwords(kind, n=2)\n'
        'words("d.e" if x else f"duty.{entry.duty.value}")\n'
        'other = "f.g"\nother = pick()\nwords(other)\n'
    )
    uses, passed_on = python_uses(python, "p.py")
    assert [u.key for u in uses] == [
        "a.b",
        "review.current",
        "review.due_soon",
        "review.overdue",
        "c.up",
        "c.down",
        "d.e",
        "duty.statutory",
        "duty.local_extra",
        "duty.national",
    ]
    assert uses[4].values == frozenset({"n"})
    # A name set to something other than a key written out is a key passed on.
    assert passed_on == ["p.py:3", "p.py:9"]
    with pytest.raises(AssertionError, match="PYTHON_EXPANSIONS"):
        python_uses('words(f"a.{unknown}")', "p.py")
    script = (
        '// say("not.used")\nsay("a.b", { count: n, age: a });\n'
        'x = say(ok ? "c.d" : "e.f") + say("review." + state);\n'
        'var r = /"say("/g; say("g.h", { q: f("x") });'
    )
    found = [(u.key, u.values) for u in script_uses(script, "s.js")]
    assert found[0] == ("a.b", frozenset({"count", "age"}))
    assert [key for key, _ in found[1:]] == [
        "c.d",
        "e.f",
        "review.current",
        "review.due_soon",
        "review.overdue",
        "g.h",
        "x",  # a string inside a value counts too: better a false alarm than a missed key
    ]


# --- (a) every key used is in the catalogue ---------------------------------------------------


def test_the_files_are_found() -> None:
    assert len(TEMPLATES) >= 10 and THEME_TEMPLATES[0].is_file()
    assert {path.name for path in SCRIPTS} >= {"clo.js", "clo-search.js"}
    assert len(all_template_uses()) > 50
    assert len(all_python_uses()[0]) > 20
    assert all(all_script_uses().values())


def test_every_key_used_is_in_the_catalogue() -> None:
    missing = [f"{use.where}: {use.key}" for use in all_uses() if use.key not in ENTRIES]
    assert missing == []


def test_every_placeholder_of_a_key_is_given_where_it_is_used() -> None:
    wrong = []
    for use in all_uses():
        if use.values is None or use.key not in ENTRIES:
            continue
        entry = ENTRIES[use.key]
        texts = [entry] if isinstance(entry, str) else list(entry.values())
        needed = set().union(*(placeholders(text) for text in texts))
        if isinstance(entry, Mapping):
            needed.add("count")
        if needed - use.values:
            wrong.append(f"{use.where}: {use.key} needs {sorted(needed - use.values)}")
    assert wrong == []


def test_only_the_theme_passes_keys_on() -> None:
    _, passed_on = all_python_uses()
    assert passed_on
    assert {where.rsplit(":", 1)[0] for where in passed_on} <= PASSES_KEYS_ON


def prefix_keys(prefixes: tuple[str, ...] | list[str]) -> set[str]:
    return {
        key
        for key in ENTRIES
        if any(key == prefix or key.startswith(prefix + ".") for prefix in prefixes)
    }


def for_script_prefixes() -> list[str]:
    """The literal prefixes given to ``for_script(...)`` in the Python."""
    prefixes = []
    for path in PYTHON:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "for_script"
            ):
                prefixes += [
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ]
    return prefixes


def test_every_prefix_given_to_the_javascript_names_catalogue_words() -> None:
    prefixes = [*SCRIPT_WORDS, *for_script_prefixes()]
    assert "search" in prefixes
    for prefix in prefixes:
        assert prefix_keys([prefix]), f"no catalogue words under {prefix!r}"


def test_the_javascript_is_given_every_word_it_says(views: SiteViews) -> None:
    """What each script says is in the JSON the page gives it."""
    theme_words = json.loads(str(ThemeContext(views.theme).script_words))
    soup = BeautifulSoup(str(search_box(PageContext(views, None))), "html.parser")
    island = soup.find("script", id="clo-search-words")
    assert island is not None
    search_words = json.loads(island.get_text())
    soup = BeautifulSoup(str(finder_results(PageContext(views, None))), "html.parser")
    island = soup.find("script", id="clo-finder-words")
    assert island is not None
    finder_words = json.loads(island.get_text())
    given = {"clo.js": theme_words, "clo-search.js": search_words, "clo-finder.js": finder_words}
    for script, uses in all_script_uses().items():
        missing = [f"{use.where}: {use.key}" for use in uses if use.key not in given[script]]
        assert missing == [], f"{script} is not given these words"
    assert set(theme_words) == prefix_keys(list(SCRIPT_WORDS))


# --- (b) no dead words ----------------------------------------------------------------------


def test_every_key_in_the_catalogue_is_used() -> None:
    used = {use.key for use in all_uses()}
    assert sorted(set(ENTRIES) - used) == []


# --- (c) well-formed entries --------------------------------------------------------------


def test_keys_are_dotted_lower_case_names() -> None:
    for key in ENTRIES:
        assert re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+", key), key


def test_placeholders_are_simple_names() -> None:
    for key, entry in ENTRIES.items():
        for text in [entry] if isinstance(entry, str) else entry.values():
            for _, name, spec, conversion in string.Formatter().parse(text):
                if name is None:
                    continue
                assert re.fullmatch(r"[a-z][a-z0-9_]*", name), f"{key}: {{{name}}}"
                assert not spec and conversion is None, f"{key}: {{{name}}} has a format"


def test_plural_entries_have_other_and_only_plural_forms() -> None:
    plurals = {key: entry for key, entry in ENTRIES.items() if not isinstance(entry, str)}
    assert plurals, "the catalogue has plural entries"
    for key, forms in plurals.items():
        assert "other" in forms, key
        assert set(forms) <= PLURAL_FORMS, key
        assert "count" in placeholders(forms["other"]), key


def test_a_group_of_plural_forms_without_other_is_not_a_plural() -> None:
    # flatten() reads a group as plural forms only with "other"; without it the forms
    # would be separate keys that no code asks for, which the dead-words test finds.
    assert flatten({"a": {"one": "x"}}) == {"a.one": "x"}


def test_the_catalogue_file_is_plain_nested_text() -> None:
    tree = yaml.safe_load(CATALOGUE_FILE.read_text(encoding="utf-8"))

    def walk(node: object, path: str) -> None:
        if isinstance(node, dict):
            for name, value in node.items():
                assert isinstance(name, str), f"{path}: {name!r}"
                walk(value, f"{path}.{name}" if path else name)
        else:
            assert isinstance(node, str), f"{path}: {node!r} is not text (quote it)"

    walk(tree, "")


# --- (d) no interface word typed anywhere else --------------------------------------------

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
_JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_ENTITY = re.compile(r"&[A-Za-z]+;|&#\d+;|&#x[0-9a-fA-F]+;")
_LETTERS = re.compile(r"[^\W\d_]")
_SHOWN_ATTRIBUTE = re.compile(
    r"""\s(aria-label|alt|title|placeholder)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE
)
_INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
_BUTTON_TYPE = re.compile(r"""\stype\s*=\s*["']?(submit|button|reset)\b""", re.IGNORECASE)
_VALUE = re.compile(r"""\svalue\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_HOLE = "\x00"


def template_words(source: str) -> list[str]:
    """Text with letters left in a template once Jinja, tags, scripts and entities are
    taken out, and attributes people are shown that hold more than Jinja expressions."""
    found: list[str] = []
    text = _JINJA_COMMENT.sub(" ", source)
    holes = _JINJA.sub(_HOLE, text)
    for match in _SHOWN_ATTRIBUTE.finditer(holes):
        value = match.group(2) if match.group(2) is not None else match.group(3)
        if value.replace(_HOLE, "").strip():
            found.append(f'{match.group(1)}="{value}"')
    for match in _INPUT.finditer(holes):
        value_match = _VALUE.search(match.group(0))
        if _BUTTON_TYPE.search(match.group(0)) and value_match:
            value = value_match.group(1) or value_match.group(2) or ""
            if value.replace(_HOLE, "").strip():
                found.append(f'value="{value}"')
    body = _TAG.sub(" ", _SCRIPT_OR_STYLE.sub(" ", holes))
    body = _ENTITY.sub(" ", body.replace(_HOLE, " "))
    found += [line.strip() for line in body.splitlines() if _LETTERS.search(line)]
    return found


def catalogue_phrases() -> set[str]:
    """The English text of the catalogue, cut at placeholders: the pieces of two or
    more words (a single word such as "Search" is also ordinary code)."""
    phrases = set()
    for entry in ENTRIES.values():
        for text in [entry] if isinstance(entry, str) else entry.values():
            for literal, _, _, _ in string.Formatter().parse(text):
                piece = " ".join(literal.split()).strip(" :;,.()")
                if len(re.findall(r"[^\W\d_]+", piece)) >= 2:
                    phrases.add(piece)
    return phrases


def python_words(source: str, phrases: set[str]) -> list[str]:
    """String literals (not docstrings) that hold a catalogue phrase."""
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
        # An attribute's docstring: a string standing alone after an assignment.
        for field in ("body", "orelse", "finalbody"):
            statements = getattr(node, field, None)
            for statement in statements if isinstance(statements, list) else []:
                if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
                    docstrings.add(id(statement.value))
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            text = " ".join(node.value.split())
            found += [
                f"line {node.lineno}: {phrase!r}" for phrase in sorted(phrases) if phrase in text
            ]
    return found


JS_DIRECTIVES = {'"use strict"', "'use strict'"}
"""Strings that are instructions to the browser, not words shown to anyone."""
_PLAIN_WORD = re.compile(r"[(\"']?[^\W\d_]+[,.!?:;)\"']?")


def script_words(source: str) -> list[str]:
    """Strings outside comments holding two or more words of letters in a row."""
    found = []
    for token in js_tokens(source):
        if token.kind != "string" or token.text in JS_DIRECTIVES:
            continue
        parts = string_value(token).split()
        if any(
            _PLAIN_WORD.fullmatch(first) and _PLAIN_WORD.fullmatch(second)
            for first, second in itertools.pairwise(parts)
        ):
            found.append(f"line {token.line}: {token.text}")
    return found


# Editors' and tools' messages are in English by design: they are for the people who
# keep the data and run the tools, not shown on the site.
NOT_SHOWN_ON_THE_SITE = ("macros/words/", "macros/validate/", "macros/tools/")
NOT_SHOWN_FILES = {"macros/publish/review_report.py"}


def site_python() -> list[Path]:
    return [
        path
        for path in PYTHON
        if not shown(path).startswith(NOT_SHOWN_ON_THE_SITE) and shown(path) not in NOT_SHOWN_FILES
    ]


def test_the_template_scanner_finds_typed_words() -> None:
    bad = (
        '{# a comment is fine #}<p class="x">{{ t("a.b") }} Hello there</p>\n'
        '<button aria-label="Close menu">{{ t("c") }}</button>\n'
        "<img alt='{{ piece.alt }} drawing'>\n"
        '<input type="submit" value="Go">\n'
        "{% if x %}Yes{% endif %}"
    )
    assert template_words(bad) == [
        'aria-label="Close menu"',
        'alt="\x00 drawing"',
        'value="Go"',
        "Hello there",
        "Yes",
    ]
    good = (
        '<p title="{{ t("a") }}">{{ t("b") }}</p>\n<script>x("a b")</script>\n'
        '<input type="search" value="{{ q }}">\n{% if not loop.last %}, {% endif %}&nbsp;'
    )
    assert template_words(good) == []


@pytest.mark.parametrize("path", [*TEMPLATES, *THEME_TEMPLATES], ids=shown)
def test_no_word_is_typed_in_a_template(path: Path) -> None:
    """In templates, after removing Jinja ``{{ }}``, ``{% %}``, ``{# #}``, scripts and
    HTML tags, no text with letters remains; attributes people are shown (``aria-label``,
    ``alt``, ``title``, ``placeholder``, a button's ``value``) hold only Jinja expressions."""
    assert template_words(path.read_text(encoding="utf-8")) == []


def test_the_python_scanner_finds_catalogue_words() -> None:
    phrases = catalogue_phrases()
    assert "Being reviewed" in phrases and "Who can get it" in phrases
    assert "Search" not in phrases  # one word: also a name in code
    bad = (
        '"""Docstrings may quote "Being reviewed"."""\n'
        'LABEL = "Being reviewed"\n'
        'def f(x):\n    """Up to date, in a docstring."""\n    return f"{x}: Up to date!"\n'
    )
    assert python_words(bad, phrases) == [
        "line 2: 'Being reviewed'",
        "line 5: 'Up to'",  # from "Up to {amount}"
        "line 5: 'Up to date'",
    ]


@pytest.mark.parametrize("path", site_python(), ids=shown)
def test_no_catalogue_word_is_typed_in_python(path: Path) -> None:
    """Python under ``macros/`` holds no catalogue phrase of two or more words outside
    docstrings. Left out by design, as their messages are for editors and tool users in
    English, never shown on the site: ``macros/words/`` (the catalogue itself),
    ``macros/validate/`` (data and page problems), ``macros/tools/`` (command-line tools)
    and ``macros/publish/review_report.py`` (the reviewers' report)."""
    assert python_words(path.read_text(encoding="utf-8"), catalogue_phrases()) == []


def test_the_script_scanner_finds_typed_words(tmp_path: Path) -> None:
    sample = tmp_path / "bad.js"
    sample.write_text(
        '"use strict";\n'
        "// Comments may say Search could not load.\n"
        "/* And so may blocks: Type a word. */\n"
        'var key = "Enter"; var css = "md-header__button md-icon clo-menu-button";\n'
        "var pattern = /Two words/g; var quote = '\"';\n"
        'status.textContent = "Search could not load.";\n'
        "label = 'Close the menu';\n",
        encoding="utf-8",
    )
    assert script_words(sample.read_text(encoding="utf-8")) == [
        'line 6: "Search could not load."',
        "line 7: 'Close the menu'",
    ]


@pytest.mark.parametrize("path", SCRIPTS, ids=shown)
def test_no_words_are_typed_in_the_javascript(path: Path) -> None:
    """In ``overrides/assets/*.js`` no string outside comments holds two or more words of
    letters; code strings such as ``"Enter"``, ``"Escape"``, ``"loading"`` are single words."""
    assert script_words(path.read_text(encoding="utf-8")) == []
