"""Check Markdown pages before building: Jinja syntax, unknown names, offer pages.

mkdocs-macros would stop on these too, but with a traceback and after the
site folder has been cleaned; checking first gives one located line per
problem and leaves the last good build untouched.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

import yaml
from jinja2 import Environment, TemplateSyntaxError, meta, nodes

from .errors import DataProblem

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

# Names our macros module gives every page (kept in step with define_env by a test).
SITE_NAMES = frozenset(
    {
        "council",
        "strategy",
        "boards",
        "contact",
        "accessibility",
        "build_date",
        "strategy_period",
        "clo_outputs",
        "date",
        "help_contacts",
        "contact_card",
        "offer_section",
        "offer_overview",
        "principles",
        "action_plan",
        "placement_chart",
        "district_chart",
        "figure_charts",
        "figure",
        "clo_gallery",
        "gallery",
        "gallery_piece",
        "review_table",
        "search_box",
    }
)

_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?\n)---\s*\n", re.DOTALL)


def _split_front_matter(text: str) -> tuple[dict[str, object], str, int]:
    """(meta, body, number of lines taken by the front matter)."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0
    try:
        loaded = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError:
        loaded = {}
    meta_data = loaded if isinstance(loaded, dict) else {}
    return meta_data, text[match.end() :], match.group(0).count("\n")


def _line_of(body: str, name: str) -> int:
    pattern = re.compile(r"(\{\{|\{%)[^}]*\b" + re.escape(name) + r"\b")
    for number, line in enumerate(body.splitlines(), start=1):
        if pattern.search(line):
            return number
    return 1


def offer_section_calls(body: str) -> list[tuple[str, int]]:
    """(section id, line) for each ``offer_section`` call on a page.

    >>> offer_section_calls('Intro\\n{{ offer_section("money") }}')
    [('money', 2)]
    """
    calls = []
    for number, line in enumerate(body.splitlines(), start=1):
        for section_id in re.findall(r"offer_section\(\s*[\"']([^\"']+)[\"']\s*\)", line):
            calls.append((section_id, number))
    return calls


def check_pages_cached(
    docs_dir: Path, known_names: Iterable[str], section_ids: Iterable[str], cache_dir: Path
) -> list[DataProblem]:
    """``check_pages``, skipped when the same pages passed with the same names before.

    The check depends only on the pages (names and text), the names pages may use, the
    offer section ids and this file's code; a fingerprint of all of them is kept in
    ``cache_dir`` after a clean check. Reading the pages is cheap; parsing them was a
    twentieth of a build of the example site.

    >>> import tempfile
    >>> docs, cache = Path(tempfile.mkdtemp()), Path(tempfile.mkdtemp())
    >>> _ = (docs / "index.md").write_text('{{ offer_section("money") }}')
    >>> check_pages_cached(docs, {"offer_section"}, ["money"], cache)
    []
    >>> len(list(cache.iterdir()))
    1
    >>> _ = (docs / "index.md").write_text('{{ offer_sectoin("money") }}')
    >>> [p.field for p in check_pages_cached(docs, {"offer_section"}, ["money"], cache)]
    ['offer_sectoin', '']
    """
    known = sorted(set(known_names))
    sections = list(section_ids)
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update("\0".join(known).encode() + b"\1" + "\0".join(sections).encode())
    for path in sorted(docs_dir.rglob("*.md")):
        digest.update(b"\2" + path.relative_to(docs_dir).as_posix().encode() + b"\3")
        digest.update(path.read_bytes())
    marker = cache_dir / f"pages-ok-{digest.hexdigest()[:16]}"
    if marker.is_file():
        return []
    problems = check_pages(docs_dir, known, sections)
    if not problems:
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            for old in cache_dir.glob("pages-ok-*"):
                old.unlink(missing_ok=True)
            marker.touch()
        except OSError:
            pass  # a read-only checkout still builds, only more slowly
    return problems


def check_pages(
    docs_dir: Path, known_names: Iterable[str], section_ids: Iterable[str] | None
) -> list[DataProblem]:
    """Every problem in every page, located by file and line.

    Example: a page with ``{{ councl.name }}`` gives
    ``docs/index.md:7: councl: unknown variable or macro; did you mean 'council'?``
    """
    known = set(known_names) | MACROS_PLUGIN_NAMES
    environment = Environment()
    problems: list[DataProblem] = []
    rendered_sections: dict[str, list[str]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        shown = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
        text = path.read_text(encoding="utf-8")
        front, body, offset = _split_front_matter(text)
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
            hint = (
                f"did you mean '{guess[0]}'?"
                if guess
                else "the names pages can use are: "
                + ", ".join(sorted(n for n in SITE_NAMES if not n.startswith("clo_")))
            )
            problems.append(
                DataProblem(
                    shown, _line_of(body, name) + offset, name, f"unknown variable or macro; {hint}"
                )
            )
        for section_id, line in offer_section_calls(body):
            rendered_sections.setdefault(section_id, []).append(f"{shown}:{line + offset}")
    if section_ids is None:  # the offer data did not load; nothing to compare with
        return problems
    known_sections = list(section_ids)
    known_section_set = set(known_sections)
    explained: set[str] = set()
    for section_id, places in rendered_sections.items():
        if section_id in known_section_set:
            continue
        guess = difflib.get_close_matches(section_id, known_sections, n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else "known: " + ", ".join(known_sections)
        explained.update(guess)
        for place in places:
            page, line_text = place.rsplit(":", 1)
            problems.append(
                DataProblem(
                    page,
                    int(line_text),
                    "offer_section",
                    f"no section '{section_id}' in data/offer/; {hint}",
                )
            )
    for section_id in known_sections:
        places = rendered_sections.get(section_id, [])
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
