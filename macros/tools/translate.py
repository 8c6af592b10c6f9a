"""``uv run translate``: what a translator (or an Easy Read writer) needs to start or update.

- ``uv run translate SECTION --language ar`` prints, as YAML to paste into
  ``data/offer/SECTION.ar.yml``, every entry whose Arabic is missing or was made from an
  older English: its current fingerprint (``made_from``) and its English words as comments,
  with the old translation kept where there is one;
- ``uv run translate SECTION --easy-read`` prints the fingerprint of each entry for its
  ``easy_read: made_from:``;
- ``uv run translate --page docs/offer/money.md`` prints the fingerprint of a page for the
  ``made_from:`` of its translation's front matter.

It never writes a file: the translator's file is theirs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.derive.dates import today
from macros.derive.translations import Freshness, easy_read_state, section_states
from macros.problems import DataError
from macros.validate.rules.translations import entry_fingerprint, fingerprint
from macros.validate.site_data import LanguageData, SiteData, load_site_data


def _comment(label: str, text: str) -> list[str]:
    lines = text.strip().splitlines() or [""]
    return [f"    # {label}: {lines[0]}", *(f"    #   {line}" for line in lines[1:])]


def entries_to_translate(data: SiteData, section_id: str, code: str, everything: bool) -> str:
    """YAML for the entries of a section to translate (all with ``everything``).

    Example: ``entries_to_translate(data, "money", "ar", False)`` -> ``"entries:\\n  grant:..."``
    """
    section = data.offer[section_id]
    found = data.languages.get(code, LanguageData(code)).offer.get(section_id)
    made_from = {key: item.made_from for key, item in found.entries.items()} if found else {}
    states = section_states(section, made_from, found.made_from if found else None)
    lines: list[str] = []
    if everything or states.section.freshness is not Freshness.current:
        lines += [f"made_from: {states.section.fingerprint}"]
        lines += [f"# English title: {section.title}", "title: ", "introduction: >-"]
        lines += [f"  # {line}" for line in section.introduction.strip().splitlines()]
    lines.append("entries:")
    for entry in section.entries:
        state = states.entries[entry.id]
        if state.freshness is Freshness.current and not everything:
            continue
        lines += [
            f"  {entry.id}:  # {state.freshness.value}",
            f"    made_from: {state.fingerprint}",
        ]
        lines += [*_comment("English title", entry.title), "    title: "]
        lines += [*_comment("English summary", entry.summary), "    summary: "]
        for name, texts in (
            ("conditions", entry.conditions),
            ("how_to_get_it", entry.how_to_get_it),
        ):
            if texts:
                lines.append(f"    {name}:")
                for text in texts:
                    lines += [
                        line.replace("    #", "      #", 1) for line in _comment("English", text)
                    ]
                    lines.append("      - ")
    if len(lines) == 1:
        return f"# Every entry of {section_id} is translated into {code} from the English as it is now.\n"
    return "\n".join(lines) + "\n"


def easy_read_fingerprints(data: SiteData, section_id: str) -> str:
    """Each entry's fingerprint for ``easy_read: made_from:``, and whether its text is current."""
    section = data.offer[section_id]
    lines = []
    for entry in section.entries:
        state = easy_read_state(entry, section)
        status = state.freshness.value if state is not None else "none yet"
        lines.append(f"{entry.id}: made_from: {entry_fingerprint(entry)}  # {status}")
    return "\n".join(lines) + "\n"


def translate_main(argv: list[str] | None = None) -> int:
    """Print what to translate, with the fingerprints translations record (see module doc)."""
    parser = argparse.ArgumentParser(prog="translate", description=translate_main.__doc__)
    parser.add_argument("section", nargs="?", help="offer section id, e.g. money")
    parser.add_argument("--language", help="language code from data/site.yml, e.g. ar")
    parser.add_argument("--easy-read", action="store_true", help="fingerprints for easy_read")
    parser.add_argument("--all", action="store_true", help="every entry, not only those to do")
    parser.add_argument("--page", type=Path, help="a page in docs/: print its fingerprint")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project folder")
    args = parser.parse_args(argv)
    if args.page is not None:
        path = args.page if args.page.is_absolute() else args.root / args.page
        print(f"made_from: {fingerprint(path.read_text(encoding='utf-8-sig'))}")
        return 0
    try:
        data = load_site_data(args.root, today())
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    if args.section not in data.offer:
        known = ", ".join(data.offer)
        print(f"no section '{args.section}' in data/offer/; known: {known}", file=sys.stderr)
        return 2
    if args.easy_read:
        print(easy_read_fingerprints(data, args.section), end="")
        return 0
    codes = [language.code for language in data.settings.languages]
    if args.language not in codes:
        print(f"give --language, one of: {', '.join(codes) or 'none listed'}", file=sys.stderr)
        return 2
    print(entries_to_translate(data, args.section, args.language, args.all), end="")
    return 0


def run_translate() -> None:
    """Console-script entry point for ``translate``."""
    sys.exit(translate_main())
