"""Critical CSS: each page carries, in its head, the rules its own HTML and scripts can
use, and links no stylesheet.

Material's stylesheet is 23 KB compressed and our pages use about a fifth of it; with
``clo.css`` it was the only thing between the HTML and the first paint. The build now:

1. reads the stylesheets once (Material's ``main.*.min.css``, and ``extra_css``) and,
   for every selector, works out the class names, ids, element names and attributes an
   element must have for it to match (``requirements``): a selector is kept for a page
   when the page (or a script it loads) has them all. What cannot be known from the
   HTML is kept: states (``:hover``, ``:checked``), ``:not(...)`` and ``:is(...)``
   (their insides are not required), and anything a script may add (every word in the
   scripts' strings counts as present, and one ending in ``-`` as a prefix), or that
   the service worker may put on any page (its offline notice: ``also``);
2. ``page_css(html)``: the rules a page needs, with only its matching selectors, custom
   properties (``--md-...``) that nothing uses left out, written into the page's head.

There is no site-wide stylesheet to fetch after the first paint: a page holds every
rule it can use, print rules included, so one would only cost a phone the same bytes
again (a browser test adds the whole stylesheets to pages and sees nothing move).
Plain Python on regular expressions: no browser or Node tool at build time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from macros.cache_files import write_whole

CACHE_VERSION = "1"
"""Changes when the cached form of parsed stylesheets does."""

# --- Reading CSS -------------------------------------------------------------------------

_DECLARATION_LEXEME = re.compile(
    r"""/\*.*?\*/|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|[();]""", re.DOTALL
)
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_SPACES = re.compile(r"\s+")
_CUSTOM = re.compile(r"\s*(--[\w-]+)\s*:")


def declarations(body: str) -> list[str]:
    """A rule's declarations, split at the semicolons outside strings and brackets,
    without comments, and with runs of spaces made one.

    >>> declarations('--a:url("x;y(1)"); /* why */ color:  red;')
    ['--a:url("x;y(1)")', 'color: red']
    """
    parts: list[str] = []
    current: list[str] = []
    depth, last = 0, 0
    for match in _DECLARATION_LEXEME.finditer(body):
        token = match.group()
        if token.startswith("/*"):
            current.append(body[last : match.start()])
            last = match.end()
        elif token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif token == ";" and depth <= 0:
            current.append(body[last : match.start()])
            parts.append("".join(current))
            current, last = [], match.end()
    current.append(body[last:])
    parts.append("".join(current))
    return [_SPACES.sub(" ", part).strip() for part in parts if part.strip()]


@dataclass(frozen=True)
class Declaration:
    text: str
    custom: str | None
    """The custom property it sets (``--name``), if it sets one."""
    uses: frozenset[str]
    """The custom properties it reads."""


def _declarations(body: str) -> tuple[Declaration, ...]:
    found = []
    for text in declarations(body):
        custom = _CUSTOM.match(text)
        found.append(
            Declaration(text, custom.group(1) if custom else None, frozenset(_VAR.findall(text)))
        )
    return tuple(found)


_LEXEME = re.compile(r"""/\*.*?\*/|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'|[{};]""", re.DOTALL)
_NESTING_AT_RULES = ("@media", "@supports", "@layer", "@container", "@document")


@dataclass
class Rule:
    """A style rule (``selectors`` and ``body``) or an at-rule: nested (``children``) or
    kept whole (``text``, such as ``@keyframes`` or ``@font-face``)."""

    prelude: str
    body: str = ""
    children: list[Rule] = field(default_factory=list)
    nested: bool = False
    text: str = ""
    selectors: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    """Each selector with what it requires."""
    declarations: tuple[Declaration, ...] = ()

    def to_json(self) -> list[Any]:
        return [
            self.prelude,
            self.body,
            [child.to_json() for child in self.children],
            self.nested,
            self.text,
            [[selector, sorted(needed)] for selector, needed in self.selectors],
            [[item.text, item.custom, sorted(item.uses)] for item in self.declarations],
        ]

    @classmethod
    def from_json(cls, value: list[Any]) -> Rule:
        prelude, body, children, nested, text, selectors, declarations = value
        return cls(
            prelude,
            body,
            [cls.from_json(child) for child in children],
            nested,
            text,
            [(selector, frozenset(needed)) for selector, needed in selectors],
            tuple(
                Declaration(text, custom, frozenset(uses)) for text, custom, uses in declarations
            ),
        )


def _blocks(css: str) -> Iterator[tuple[str, str | None]]:
    """Top-level statements: (prelude, body) for a block, (statement, None) for one ending
    in ``;``. Comments are dropped; strings are kept whole."""
    depth, start, body_start, prelude = 0, 0, 0, ""
    pieces: list[str] = []
    last = 0
    for match in _LEXEME.finditer(css):
        token = match.group()
        if token.startswith("/*"):
            if depth == 0:
                pieces.append(css[last : match.start()])
                last = match.end()
            continue
        if token in "{};" and len(token) == 1:
            if token == "{":
                if depth == 0:
                    prelude = "".join(pieces) + css[last : match.start()]
                    pieces, body_start = [], match.end()
                depth += 1
            elif token == "}":
                depth -= 1
                if depth == 0:
                    yield prelude.strip(), css[body_start : match.start()]
                    last = start = match.end()
            elif depth == 0:
                statement = "".join(pieces) + css[last : match.start()]
                pieces = []
                yield statement.strip(), None
                last = start = match.end()
    del start


def parse(css: str) -> list[Rule]:
    """The rules of a stylesheet.

    >>> [(r.prelude, r.body) for r in parse("a{color:red}/* x */.b .c{margin:0}")]
    [('a', 'color:red'), ('.b .c', 'margin:0')]
    >>> parse("@media print{.x{display:none}}")[0].children[0].prelude
    '.x'
    """
    rules = []
    for prelude, body in _blocks(css):
        if not prelude and body is None:
            continue
        if body is None:
            rules.append(Rule(prelude, text=prelude + ";"))
        elif prelude.startswith("@"):
            if prelude.lower().startswith(_NESTING_AT_RULES):
                rules.append(Rule(prelude, children=parse(body), nested=True))
            else:
                rules.append(Rule(prelude, text=f"{prelude}{{{body}}}"))
        else:
            rule = Rule(prelude, body, declarations=_declarations(body))
            rule.selectors = [
                (selector, requirements(selector)) for selector in split_selectors(prelude)
            ]
            rules.append(rule)
    return rules


def split_selectors(prelude: str) -> list[str]:
    """A selector list at its top-level commas.

    >>> split_selectors(".a, :is(.b,.c) d ,e")
    ['.a', ':is(.b,.c) d', 'e']
    """
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for character in prelude:
        if character in "([":
            depth += 1
        elif character in ")]":
            depth -= 1
        elif character == "," and depth == 0:
            parts.append("".join(current).strip())
            current = []
            continue
        current.append(character)
    parts.append("".join(current).strip())
    return [part for part in parts if part]


_FUNCTIONAL = re.compile(r"::?[\w-]+\(")
_ATTRIBUTE = re.compile(
    r"""\[\s*([\w:-]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\]\s]*)))?[^\]]*\]"""
)
_CLASS_OR_ID = re.compile(r"([.#])((?:\\.|[\w-])+)")
_TYPE = re.compile(r"(?:^|(?<=[\s>+~]))([a-zA-Z][\w-]*)")


def _without_functions(selector: str) -> str:
    """``:not(...)``, ``:is(...)`` and the like taken out: their insides are not required."""
    while True:
        match = _FUNCTIONAL.search(selector)
        if match is None:
            return selector
        depth, end = 1, match.end()
        while end < len(selector) and depth:
            depth += {"(": 1, ")": -1}.get(selector[end], 0)
            end += 1
        selector = selector[: match.start()] + " " + selector[end:]


def requirements(selector: str) -> frozenset[str]:
    """What an element (or its ancestors) must have for ``selector`` to match: ``.class``,
    ``#id``, an element name, ``[attribute`` or ``[attribute=value``.

    >>> sorted(requirements('.md-nav__link:not(.md-nav__link--active) > svg'))
    ['.md-nav__link', 'svg']
    >>> sorted(requirements('[dir=rtl] .md-typeset ul[hidden]:hover'))
    ['.md-typeset', '[dir=rtl', '[hidden', 'ul']
    >>> sorted(requirements(':root'))
    []
    """
    selector = _without_functions(selector)
    needed = set()
    for match in _ATTRIBUTE.finditer(selector):
        name, operator = match.group(1).lower(), match.group(2)
        value = match.group(3) or match.group(4) or match.group(5)
        needed.add(f"[{name}={value}" if operator == "=" and value else f"[{name}")
    selector = _ATTRIBUTE.sub(" ", selector)
    selector = re.sub(r"::?[\w-]+", " ", selector)  # pseudo-classes and elements
    for match in _CLASS_OR_ID.finditer(selector):
        needed.add(match.group(1) + match.group(2).replace("\\", ""))
    selector = _CLASS_OR_ID.sub(" ", selector)
    needed.update(name.lower() for name in _TYPE.findall(selector))
    return frozenset(needed)


# --- What a page has ---------------------------------------------------------------------

_TAG_NAME = re.compile(r"<([a-zA-Z][\w-]*)")
# Literal starts ("class=", "id="): a pattern starting with \s or [\w-]+ would be tried at
# every character of the page, several times slower.
_CLASSES = re.compile(r"""class=(?:"([^"]*)"|'([^']*)')""")
_IDS = re.compile(r"""id=(?:"([^"]*)"|'([^']*)')""")
_SCRIPT_STRING = re.compile(r""""((?:\\.|[^"\\\n])*)"|'((?:\\.|[^'\\\n])*)'""")
_WORD = re.compile(r"[A-Za-z_][\w-]*")


def html_tokens(
    html: str, attributes: Iterable[str] = ("dir", "hidden"), pairs: Iterable[str] = ("dir",)
) -> set[str]:
    """What a page's HTML has that selectors ask for: element names, ``.classes``,
    ``#ids``, and of the ``attributes`` selectors ask for, ``[name`` (and ``[name=value``
    for those in ``pairs``). A word in the text may count as an attribute: that only
    keeps a rule more.

    >>> sorted(html_tokens('<div class="a b" id="x" hidden><p dir="rtl">'))
    ['#x', '.a', '.b', '[dir', '[dir=rtl', '[hidden', 'div', 'p']
    """
    tokens = {name.lower() for name in set(_TAG_NAME.findall(html))}
    for double, single in set(_CLASSES.findall(html)):
        tokens.update("." + name for name in (double or single).split())
    tokens.update("#" + (double or single) for double, single in set(_IDS.findall(html)))
    missing = [name for name in attributes if f"{name}=" not in html]
    tokens.update("[" + name for name in attributes if name not in missing)
    if missing:
        alternatives = "|".join(re.escape(name) for name in sorted(missing))
        tokens.update("[" + name for name in set(re.findall(rf" ({alternatives})[ >/\n]", html)))
    for name in pairs:
        if f"{name}=" not in html:
            continue  # most pairs are on no page: a substring test is many times faster
        pattern = rf"""{re.escape(name)}=(?:"([^"]*)"|'([^']*)')"""
        for double, single in set(re.findall(pattern, html)):
            tokens.add(f"[{name}={double or single}")
    return tokens


def script_tokens(script: str) -> set[str]:
    """Every word in a script's strings, as anything a selector may ask for (a script
    may set it as a class, an id, an element or an attribute with any value); a word
    ending in ``-`` stands for every name that starts with it (``"clo-review--" + state``).

    >>> sorted(script_tokens('el.className = "clo-x"; el.setAttribute("hidden", "")'))
    ['#clo-x', '#hidden', '.clo-x', '.hidden', '[clo-x', '[clo-x=*', '[hidden', '[hidden=*', 'clo-x', 'hidden']
    """
    tokens: set[str] = set()
    for double, single in _SCRIPT_STRING.findall(script):
        for word in _WORD.findall(double or single):
            tokens.update((word, f".{word}", f"#{word}", f"[{word}", f"[{word}=*"))
    return tokens


_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
"""A page's own scripts (``<script>`` without a type: not a JSON island)."""


@lru_cache(maxsize=64)
def _script_tokens_cached(script: str) -> frozenset[str]:
    return frozenset(script_tokens(script))


def _has(token: str, tokens: set[str] | frozenset[str], prefixes: tuple[str, ...]) -> bool:
    if token in tokens:
        return True
    if token.startswith("[") and "=" in token:
        return token.split("=", 1)[0] + "=*" in tokens
    return token.startswith(".") and token[1:].startswith(prefixes)


# --- Choosing rules ----------------------------------------------------------------------


def _parsed(css: list[str], cache: Path | None) -> list[Rule]:
    """The rules of the stylesheets, from ``cache`` (a folder) when it has them: reading
    Material's stylesheet takes about 0.2 s, a build's whole start-up budget."""
    key = hashlib.sha256("\0".join([CACHE_VERSION, *css]).encode()).hexdigest()[:16]
    path = cache / f"stylesheets-{key}.json" if cache is not None else None
    if path is not None and path.is_file():
        try:
            return [Rule.from_json(item) for item in json.loads(path.read_text("utf-8"))]
        except (ValueError, TypeError, KeyError):
            pass  # rewritten below
    rules = [rule for text in css for rule in parse(text)]
    if path is not None:
        # Whole or not at all: languages built side by side may write it at once. A
        # read-only checkout builds without the cache.
        with contextlib.suppress(OSError):
            write_whole(path, json.dumps([rule.to_json() for rule in rules]))
    return rules


class Stylesheets:
    """The site's stylesheets, read once per build, and what each page needs of them:
    ``scripts`` are the texts of the scripts any page may load, ``also`` HTML that may
    be put on any page after it is built (the service worker's offline notice).

    >>> sheets = Stylesheets(["p{color:red}.note{color:blue}.x{color:green}"], also=['<p class="note">'])
    >>> sheets.page_css("<p>")
    'p{color:red}.note{color:blue}'
    """

    def __init__(
        self,
        css: Iterable[str],
        scripts: Iterable[str] = (),
        cache: Path | None = None,
        also: Iterable[str] = (),
    ) -> None:
        self.rules = _parsed(list(css), cache)
        self.script_tokens: set[str] = set()
        for script in scripts:
            self.script_tokens |= script_tokens(script)
        self.prefixes = tuple(
            token[1:]
            for token in self.script_tokens
            if token.startswith(".") and token.endswith("-")
        )
        self.known = frozenset(
            token
            for rule in self._style_rules(self.rules)
            for _, needed in rule.selectors
            for token in needed
        )
        self.attributes = frozenset(
            token[1:].split("=")[0] for token in self.known if token.startswith("[")
        )
        self.pairs = frozenset(
            token[1:].split("=")[0]
            for token in self.known
            if token.startswith("[") and "=" in token
        )
        self.from_scripts = frozenset(
            token for token in self.known if _has(token, self.script_tokens, self.prefixes)
        )
        for html in also:
            self.script_tokens |= html_tokens(html, self.attributes, self.pairs)
        self._cache: dict[frozenset[str], str] = {}

    @staticmethod
    def _style_rules(rules: list[Rule]) -> Iterator[Rule]:
        for rule in rules:
            if rule.nested:
                yield from Stylesheets._style_rules(rule.children)
            elif rule.selectors:
                yield rule

    def _present(self, tokens: set[str] | frozenset[str]) -> frozenset[str]:
        # What the scripts may add is known from the start (self.from_scripts).
        return (self.known & tokens) | self.from_scripts

    def page_css(self, html: str) -> str:
        """The rules a page needs (``html`` is the whole page, with its own scripts, such
        as the one that marks ``<html>`` with ``clo-js`` before the first paint)."""
        tokens = html_tokens(html, self.attributes, self.pairs)
        for script in set(_INLINE_SCRIPT.findall(html)):
            tokens |= _script_tokens_cached(script)
        return self.css_for(tokens | self.script_tokens)

    def css_for(self, tokens: set[str] | frozenset[str]) -> str:
        present = self._present(tokens)
        css = self._cache.get(present)
        if css is None:
            kept = self._kept(self.rules, present)
            css = self._cache[present] = self._write(kept, self._used(kept))
        return css

    def _kept(self, rules: list[Rule], present: frozenset[str]) -> list[tuple[Rule, Any]]:
        """Each rule kept, with its selectors kept (or its kept children)."""
        kept: list[tuple[Rule, Any]] = []
        for rule in rules:
            if rule.nested:
                children = self._kept(rule.children, present)
                if children:
                    kept.append((rule, children))
            elif rule.text:
                kept.append((rule, None))
            elif rule.selectors:
                selectors = [selector for selector, needed in rule.selectors if needed <= present]
                if selectors and rule.body.strip():
                    kept.append((rule, selectors))
        return kept

    def _flat(self, kept: list[tuple[Rule, Any]]) -> Iterator[tuple[Rule, Any]]:
        for rule, inner in kept:
            if rule.nested:
                yield from self._flat(inner)
            else:
                yield rule, inner

    def _used(self, kept: list[tuple[Rule, Any]]) -> set[str]:
        """Custom properties the kept rules read, directly or through others."""
        used: set[str] = set()
        sets: dict[str, set[str]] = {}
        for rule, _ in self._flat(kept):
            if rule.text:
                used |= set(_VAR.findall(rule.text))
                continue
            for declaration in rule.declarations:
                if declaration.custom is None:
                    used |= declaration.uses
                else:
                    sets.setdefault(declaration.custom, set()).update(declaration.uses)
        waiting = list(used)
        while waiting:
            for name in sets.get(waiting.pop(), ()):
                if name not in used:
                    used.add(name)
                    waiting.append(name)
        return used

    def _write(self, kept: list[tuple[Rule, Any]], used: set[str]) -> str:
        out = []
        for rule, inner in kept:
            if rule.nested:
                body = self._write(inner, used)
                if body:
                    out.append(f"{rule.prelude}{{{body}}}")
            elif rule.text:
                out.append(rule.text)
            else:
                body = ";".join(
                    declaration.text
                    for declaration in rule.declarations
                    if declaration.custom is None or declaration.custom in used
                )
                if body:
                    out.append(f"{','.join(inner)}{{{body}}}")
        return "".join(out)


# --- Pages -------------------------------------------------------------------------------

PLACEHOLDER = "<style data-clo-critical></style>"
"""Where ``overrides/main.html`` (block ``styles``) asks for the page's critical CSS."""
_LINK = re.compile(r"""<link rel="stylesheet" href="([^"]*)">""")


def with_critical_css(html: str, stylesheets: Stylesheets, linked: Iterable[str]) -> str:
    """The page with its critical CSS in place of the placeholder, and without the
    render-blocking links to the stylesheets it holds (``linked``: the paths of
    ``extra_css``, as MkDocs links them).

    >>> sheets = Stylesheets(["p{color:red}.x{color:blue}"])
    >>> with_critical_css(PLACEHOLDER + '<link rel="stylesheet" href="../a.css"><p>', sheets, ["a.css"])
    '<style>p{color:red}</style><p>'
    """
    if PLACEHOLDER not in html:
        return html
    paths = tuple(path.lstrip("/") for path in linked)
    html = _LINK.sub(
        lambda link: "" if link.group(1).split("?")[0].endswith(paths) and paths else link.group(0),
        html,
    )
    css = stylesheets.page_css(html).replace("</", "<\\/")
    return html.replace(PLACEHOLDER, f"<style>{css}</style>", 1)


def find_file(path: str, folders: Iterable[str | Path]) -> Path | None:
    """The first ``folders``/``path`` that exists (a glob pattern is allowed)."""
    for folder in folders:
        found = sorted(Path(folder).glob(path))
        if found:
            return found[0]
    return None


def site_stylesheets(config: Any, project_root: Path, also: Iterable[str] = ()) -> Stylesheets:
    """The site's stylesheets (Material's, its palette's when one is set, and
    ``extra_css``) and scripts (``extra_javascript`` and the search page's), as the theme
    links them, and ``also`` (see ``Stylesheets``); parsed stylesheets are cached in
    ``<project_root>/.cache``."""
    from macros.render.macros import SEARCH_SCRIPT

    folders = [*config["theme"].dirs, config["docs_dir"]]
    wanted = ["assets/stylesheets/main.*.min.css"]
    if config["theme"].get("palette"):
        wanted.append("assets/stylesheets/palette.*.min.css")
    wanted += [str(path) for path in config["extra_css"]]
    css = [found.read_text("utf-8") for path in wanted if (found := find_file(path, folders))]
    scripts = [str(getattr(item, "path", item)) for item in config["extra_javascript"]]
    texts = [
        found.read_text("utf-8")
        for path in [*scripts, SEARCH_SCRIPT]
        if (found := find_file(path, folders))
    ]
    return Stylesheets(css, texts, project_root / ".cache", also)
