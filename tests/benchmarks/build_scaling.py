"""Benchmark: does the build stay fast as the offer and the strategy grow? (issue 9)

This is a benchmark script, not a test: pytest only imports it (for doctests) and
nothing runs on import. Run it from the repository folder::

    uv run python tests/benchmarks/build_scaling.py
    uv run python tests/benchmarks/build_scaling.py --sizes 10,100,1000,5000
    uv run python tests/benchmarks/build_scaling.py --sizes example,1000 --repeat 2 --no-serve

``--sizes`` is a comma-separated list of offer sizes (number of entries); ``example``
means the example site exactly as it is in the repository. The default is
``example,10,100,1000,5000``, which takes about 10 to 15 minutes on a 2-core machine.

What it does for each size N
----------------------------
1. Copies the project (mkdocs.yml, data/, docs/, macros/, overrides/) into a temporary
   folder, with an empty gallery cache, and replaces the example offer with synthetic
   content generated from a fixed seed:

   - N offer entries in ceil(N / 8) sections (8 entries a section, the last one takes
     what is left), from the generator the benchmarks share (``big_offer.py``: every
     field of the current data model, ids from the project's own data files): one
     ``data/offer/<id>.yml``, one ``docs/offer/<id>.md`` page
     (``{{ offer_section("<id>") }}``) and one nav entry per section, grouped 12 to
     an "Area" and 12 areas to a "Region" as a large site would (``--flat-nav``: one
     list);
   - max(4, N // 50) extra gallery artworks, each a small generated picture (Pillow),
     published by the build in 3 widths as WebP plus JPEG/PNG;
   - max(1, N // 100) extra prose pages (``docs/stories/``) that use site variables.

   The principles, action plan, figures and the other pages stay as in the example;
   the overview, principles, review and gallery pages grow with the data.

2. Writes the same pages as plain Markdown into a second temporary project built
   with stock mkdocs-material: no macros plugin, no hooks, no ``custom_dir``, no extra
   CSS or JavaScript; the same nav, Markdown extensions, ``validation:`` settings and
   search plugin. Every page is the page's own text with each variable replaced by its
   value and each macro replaced by the equivalent Markdown (headings with ids,
   paragraphs, lists, definition-free bold labels, tables for the charts and Markdown
   links that MkDocs validates), so both sites carry comparable content. The gallery
   pictures are referenced as they are (one file each, no resizing). A section page
   gets the section's introduction as its ``description:`` front matter, as ours takes
   it from the data (Material does more work for every menu entry of a page that has
   front matter, so leaving it out would make the twin's pages cheaper than ours).
   Ours publishes every page again under ``<code>/`` for each language in
   ``data/site.yml`` and one finder results page for each age; the twin has the same
   pages (a translated page's own text where there is one), outside its menu.

3. Measures, with ``SOURCE_DATE_EPOCH`` frozen as in the test suite:

   ``ours``       full ``mkdocs build --strict`` of our site: wall time of the whole
                  process (Python start-up and imports included) and peak memory
                  (maximum resident set size, from ``/usr/bin/time -v`` when present,
                  else ``getrusage(RUSAGE_CHILDREN)`` in a fresh wrapper process).
                  The first build of each size starts with an empty image cache; it
                  is shown separately as ``cold``; the other columns are the best of
                  the repeated (warm-cache) builds.
   ``built``      what MkDocs itself prints as "Documentation built in X seconds"
                  (the build without start-up and imports).
   ``stock``      the same for the plain mkdocs-material site; ``ratio`` is ours/stock
                  on the wall times.
   ``check``      the ``check`` console script (``check --root <project>``) alone.
   ``rebuild``    ``mkdocs serve`` on a loopback port: from saving an edit to one
                  ``data/offer/*.yml`` file (an entry's title) until the server logs
                  "Reloading browsers"; the served page is then fetched and must show
                  the new title. This includes MkDocs's own 0.1 s wait for more changes.

   Repetitions: best of 3 for sizes up to 1000, best of 2 above that (``--repeat``
   overrides both), ours and stock alternately after one uncounted warm-up build each;
   measured processes run with Python's default bytecode cache even when
   PYTHONDONTWRITEBYTECODE is set here (see ``child_environment``); ``rebuild`` is the best of 3 edits in one serve session (2 above
   1000 entries; ``--serve-repeat`` overrides).

Options: ``--flat-nav`` lists every section page in one menu list (on both sites),
``--no-serve`` skips the serve measurement, ``--keep`` keeps the temporary
projects and prints where they are, ``--profile FILE`` writes a pyinstrument text
profile of our build at the largest size to FILE, and ``--macros DIR`` measures another
copy of the ``macros/`` package (say, an older version) in place of this repository's;
``check`` is then run as its console script runs it, from the project copy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import os
import posixpath
import queue
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.derive.finder import FINDER_AGES  # noqa: E402
from macros.validate.pages import english_page  # noqa: E402
from tests.benchmarks.big_offer import dump, write_offer  # noqa: E402

PROJECT_PARTS = ("mkdocs.yml", "data", "docs", "macros", "overrides")
# Frozen "today" (2026-11-23 00:00 UTC), as in tests/conftest.py.
FROZEN_EPOCH = "1795392000"
TODAY = dt.date(2026, 11, 23)
DEFAULT_SIZES = "example,10,100,1000,5000"
TIME_BIN = "/usr/bin/time"

# --- Synthetic content -------------------------------------------------------------------
# Offer entries come from the generator the benchmarks share (big_offer.py); the gallery
# pictures and prose pages are this benchmark's own.

COLOURS = ["red", "blue", "yellow", "green", "purple", "orange", "pink", "grey"]
SHAPES = ["circles", "squares", "stripes", "triangles", "waves"]
FIRST_NAMES = ["Sam", "Ash", "Jo", "Kai", "Mia", "Leo", "Zoe", "Ali"]
PROSE = [
    "Children in {area} told us what matters most to them when they leave care.",
    "{council} listened, and this page explains what we changed.",
    "The {offer} sets out everything you can get, in one place.",
    "We meet young people every month to check that the help still works for them.",
    "Many of the ideas on this page came from the young people themselves.",
    "If something here is unclear, tell us and we will rewrite it.",
    "Our personal advisers work with each young person to plan the next steps.",
    "We publish what we have done every six months, so that you can check our progress.",
]


def image_count(entries: int) -> int:
    """Extra gallery pictures: one per 50 entries, at least 4.

    >>> image_count(10), image_count(5000)
    (4, 100)
    """
    return max(4, entries // 50)


def story_count(entries: int) -> int:
    """Extra prose pages: one per 100 entries, at least 1.

    >>> story_count(10), story_count(5000)
    (1, 50)
    """
    return max(1, entries // 100)


def make_image(path: Path, rng: random.Random) -> None:
    """A small picture of coloured shapes (Pillow), JPEG or PNG by ``path``'s suffix."""
    from PIL import Image, ImageDraw

    width, height = rng.randint(700, 1400), rng.randint(500, 900)
    image = Image.new("RGB", (width, height), tuple(rng.randint(0, 255) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y = rng.randint(0, width), rng.randint(0, height)
        size = rng.randint(20, 200)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        if rng.random() < 0.5:
            draw.ellipse((x, y, x + size, y + size), fill=colour)
        else:
            draw.rectangle((x, y, x + size, y + size // 2), fill=colour)
    if path.suffix == ".png":
        image.save(path, "PNG")
    else:
        image.save(path, "JPEG", quality=85)


def make_pieces(project: Path, count: int, principle_ids: list[str], seed: int) -> None:
    """Add ``count`` artworks with generated pictures to data/gallery.yml."""
    rng = random.Random(seed)
    gallery_file = project / "data" / "gallery.yml"
    gallery = yaml.safe_load(gallery_file.read_text(encoding="utf-8")) or {}
    pieces = gallery.setdefault("pieces", [])
    for number in range(1, count + 1):
        name = f"generated-art-{number}.{'png' if number % 4 == 0 else 'jpg'}"
        make_image(project / "data" / "gallery" / name, rng)
        colour, shape = rng.choice(COLOURS), rng.choice(SHAPES)
        pieces.append(
            {
                "id": f"generated-art-{number}",
                "kind": "artwork",
                "title": f"{colour.title()} {shape} {number}",
                "image": name,
                "alt": f"Bright {colour} {shape} overlapping on a plain background.",
                "text": "I made this in the art group on Thursdays.",
                "credit": f"{rng.choice(FIRST_NAMES)}, {rng.randint(12, 20)}",
                "consent": {
                    "recorded_by": "Participation officer",
                    "recorded_on": TODAY - dt.timedelta(days=30),
                },
                "themes": [rng.choice(["home", "hope", "friends", "new starts"])],
                "principle": rng.choice(principle_ids),
                "sample": True,
            }
        )
    gallery_file.write_text(dump(gallery), encoding="utf-8")


def make_story(rng: random.Random, number: int) -> str:
    """A prose page that uses site variables, as comms staff write them."""
    paragraphs = [" ".join(rng.choice(PROSE) for _ in range(rng.randint(2, 4))) for _ in range(4)]
    items = "\n".join(f"- {rng.choice(PROSE)}" for _ in range(3))
    text = (
        "---\n"
        f"description: What young people told us, and what we changed, part {number}.\n"
        "---\n\n"
        f"# What we changed, part {number}\n\n"
        f"{paragraphs[0]}\n\n{paragraphs[1]}\n\n"
        "## What happens next\n\n"
        f"{paragraphs[2]}\n\n{items}\n\n{paragraphs[3]}\n"
    )
    return (
        text.replace("{area}", "{{ council.area_name }}")
        .replace("{council}", "{{ council.name }}")
        .replace("{offer}", "{{ strategy.offer_title }}")
    )


# --- The project copies ------------------------------------------------------------------


@dataclass
class Project:
    size: str
    ours: Path
    stock: Path
    sections: int
    entries: int
    pages: int
    images: int
    edit_file: Path = field(default_factory=Path)
    edit_url: str = ""


def copy_project(destination: Path, macros: Path | None = None) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = macros if part == "macros" and macros is not None else ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, destination / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, destination / part)
    return destination


def make_project(
    size: str, workdir: Path, macros: Path | None = None, seed: int = 9, flat_nav: bool = False
) -> Project:
    """Our project with ``size`` entries (or the example as it is), and its stock twin."""
    ours = copy_project(workdir / "ours", macros)
    config = yaml.safe_load((ours / "mkdocs.yml").read_text(encoding="utf-8"))
    principles = yaml.safe_load((ours / "data" / "principles.yml").read_text(encoding="utf-8"))
    principle_ids = [principle["id"] for principle in principles["principles"]]
    if size != "example":
        entries = int(size)
        write_offer(ours, entries, TODAY, seed=seed, flat_nav=flat_nav)
        config = yaml.safe_load((ours / "mkdocs.yml").read_text(encoding="utf-8"))
        make_pieces(ours, image_count(entries), principle_ids, seed)
        rng = random.Random(seed)
        stories = []
        (ours / "docs" / "stories").mkdir()
        for number in range(1, story_count(entries) + 1):
            (ours / "docs" / "stories" / f"story-{number}.md").write_text(
                make_story(rng, number), encoding="utf-8"
            )
            stories.append(f"stories/story-{number}.md")
        config["nav"].insert(-2, {"What we changed": stories})
        (ours / "mkdocs.yml").write_text(dump(config), encoding="utf-8")
    stock = workdir / "stock"
    write_stock(ours, stock, config)
    offer_files = sorted((ours / "data" / "offer").glob("*.yml"))
    loaded = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in offer_files]
    gallery = yaml.safe_load((ours / "data" / "gallery.yml").read_text(encoding="utf-8"))
    return Project(
        size=size,
        ours=ours,
        stock=stock,
        sections=len(offer_files),
        entries=sum(len(section["entries"]) for section in loaded),
        pages=sum(1 for _ in (stock / "docs").rglob("*.md")),
        images=sum(1 for piece in gallery.get("pieces", []) if piece.get("image")),
        edit_file=offer_files[0],
        edit_url=f"offer/{offer_files[0].stem}/",
    )


# --- The same pages as plain Markdown ----------------------------------------------------


def _format_date(value: Any) -> str:
    """A date the GOV.UK way (as our ``date()`` macro writes it).

    >>> _format_date(dt.date(2026, 4, 1))
    '1 April 2026'
    """
    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return f"{value.day} {value:%B %Y}"


def _ages(entry: dict[str, Any]) -> str:
    ages = entry.get("ages")
    if not ages:
        return "Any age"
    age_from, age_to = ages["from"], ages.get("to")
    if age_to is None:
        return f"Ages {age_from} and over"
    return f"Age {age_from}" if age_from == age_to else f"Ages {age_from} to {age_to}"


def _applies(entry: dict[str, Any], age: int) -> bool:
    ages = entry.get("ages") or {}
    top = ages.get("to") or FINDER_AGES[-1]
    return bool(ages.get("from", FINDER_AGES[0]) <= age <= top)


def _one_line(text: Any) -> str:
    return " ".join(str(text).split())


class StockPages:
    """Markdown equivalents of our macros, for pages written without the macros plugin."""

    def __init__(self, project: Path) -> None:
        def load(name: str) -> Any:
            path = project / "data" / name
            return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None

        self.site = load("site.yml")
        self.principles = load("principles.yml")["principles"]
        self.plan = load("action_plan.yml") or {"actions": []}
        self.figures = load("figures.yml") or {}
        self.gallery = load("gallery.yml") or {"pieces": []}
        self.arrangements_data = load("arrangements.yml") or {"introduction": "", "parts": []}
        self.changes_data = (load("changes.yml") or {}).get("changes") or []
        self.organisations = {
            item["id"]: item["name"]
            for item in (load("organisations.yml") or {}).get("organisations", [])
        }
        self.place_names = {
            item["id"]: item["name"] for item in (load("places.yml") or {}).get("places") or []
        }
        self.glossary_terms = (load("glossary.yml") or {}).get("terms") or []
        self.categories = (load("care_leavers.yml") or {}).get("categories") or []
        self.situations = (load("situations.yml") or {}).get("situations") or []
        self.languages = [item["code"] for item in self.site.get("languages") or []]
        offer_dir = project / "data" / "offer"
        self.offer = {
            path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted(offer_dir.glob("*.yml"))
            # Not the translations beside a section (money.ar.yml): the twin is English.
            if "." not in path.stem
        }
        self.offer = dict(sorted(self.offer.items(), key=lambda item: (item[1]["order"], item[0])))
        self.names = {p["id"]: p["short_name"] for p in self.principles}
        self.page = ""
        self.description: str | None = None

    def link(self, target: str) -> str:
        """``target`` (a docs path with an optional #anchor) relative to the current page."""
        path, _, anchor = target.partition("#")
        base = posixpath.dirname(self.page) or "."
        relative = posixpath.relpath(path, base) if path else ""
        return relative + (f"#{anchor}" if anchor else "")

    def context(self) -> dict[str, Any]:
        site = self.site
        strategy = site["strategy"]
        return {
            **{key: site[key] for key in ("council", "strategy", "boards", "contact")},
            "accessibility": site["accessibility"],
            "build_date": _format_date(TODAY),
            "strategy_period": f"{strategy['start_year']} to {strategy['end_year']}",
            "date": _format_date,
            "contact_card": self.contact_card,
            "help_contacts": self.help_contacts,
            "offer_section": self.offer_section,
            "offer_overview": self.offer_overview,
            "principles": self.principles_list,
            "action_plan": self.action_plan,
            "review_table": self.review_table,
            "arrangements": self.arrangements,
            "changes": self.changes,
            # Stock Material searches in its own header dialog; the page keeps its prose.
            "search_box": lambda: "Search needs JavaScript; see the [whole offer](offer/index.md).",
            "placement_chart": self.placement_chart,
            "district_chart": self.district_chart,
            "figure_charts": lambda: self.placement_chart() + "\n" + self.district_chart(),
            "figure": self.figure,
            "gallery": self.gallery_list,
            "gallery_piece": self.gallery_piece,
            "glossary": self.glossary,
            "care_leaver_check": self.care_leaver_check,
            "easy_read": self.easy_read,
            # Ours links the files it publishes for other systems; the twin has none.
            "data_feeds": lambda: "- Open Referral UK feed\n- The offer as JSON\n",
            "finder_start": self.finder_ages,
            "finder_age": self.finder_ages,
            "finder_situations": self.finder_situations,
            "finder_where": self.finder_where,
            # Ours makes one results page an age from it (write_stock does the same).
            "finder_results": lambda: "",
        }

    def contact_card(self) -> str:
        contact = self.site["contact"]
        lines = [
            f"**{contact['team']}**",
            "",
            f"- Call [{contact['phone']}](tel:{re.sub(r'[^0-9+]', '', contact['phone'])})",
            f"- Email [{contact['email']}](mailto:{contact['email']})",
            f"- [Our web page]({contact['web']})",
            f"- Open {contact['opening_hours']}",
            f"- Out of hours: {contact['out_of_hours_phone']}",
            "",
        ]
        return "\n".join(lines)

    def help_contacts(self) -> str:
        lines = []
        for item in self.site.get("help_now", []):
            lines += [f"## {item['name']}", "", item["when"], ""]
            if item.get("phone"):
                lines += [f"Call [{item['phone']}](tel:{item['phone'].replace(' ', '')})", ""]
            if item.get("text"):
                lines += [f"Text: {item['text']}", ""]
            if item.get("web"):
                lines += [f"[Website]({item['web']})", ""]
        return "\n".join(lines)

    def _entry(self, entry: dict[str, Any]) -> list[str]:
        """An entry as Markdown, with the parts our card shows (current data model)."""
        lines = [
            f"## {entry['title']} {{ #{entry['id']} }}",
            "",
            _one_line(entry["summary"]),
            "",
            f"**Who can get it:** {_ages(entry)}",
            "",
        ]
        lines += [f"- {_one_line(text)}" for text in entry.get("conditions", [])]
        lines += ["", "**How to get it:**", ""]
        steps = entry.get("how_to_get_it") or ["Ask your personal adviser."]
        lines += [f"{number}. {_one_line(text)}" for number, text in enumerate(steps, start=1)]
        providers = [
            self.organisations.get(
                item if isinstance(item, str) else item["organisation"], "Someone"
            )
            for item in entry["providers"]
        ]
        lines += ["", f"**Who provides it:** {', '.join(providers)}", ""]
        contact = entry.get("contact") or {}
        if contact:
            lines += ["**Contact:**", ""]
            for phone in contact.get("phones", []):
                number = phone if isinstance(phone, str) else phone["number"]
                lines.append(f"- Call [{number}](tel:{number.replace(' ', '')})")
            if contact.get("email"):
                lines.append(f"- Email [{contact['email']}](mailto:{contact['email']})")
            if contact.get("web"):
                lines.append(f"- [More about {entry['title'].lower()}]({contact['web']})")
            for link in contact.get("links", []):
                lines.append(f"- [{link['text']}]({link['url']})")
            lines.append("")
        places = [
            self.place_names.get(item if isinstance(item, str) else item["place"], "")
            for item in entry.get("places", [])
        ]
        if places:
            lines += [f"**Where:** {', '.join(places)}", ""]
        for amount in entry.get("amounts", []):
            if not amount.get("to"):
                lines += [f"**You get:** £{amount['value']} a {amount['per']}", ""]
        duty = {
            "statutory": "You have a legal right to this",
            "local_extra": "A local extra: the law does not require it, we offer it by choice",
            "national": "A national scheme",
        }[entry["duty"]]
        why = f"**Why we offer it:** {duty}."
        links = [
            f"[{self.names[pid]}]({self.link(f'strategy/where-we-want-to-be.md#{pid}')})"
            for pid in entry.get("principles", [])
            if pid in self.names
        ]
        if links:
            why += " Part of our promise on: " + ", ".join(links) + "."
        lines += [why, ""]
        if entry.get("last_reviewed_on"):
            lines += [f"Last reviewed on {_format_date(entry['last_reviewed_on'])}.", ""]
        return lines

    def glossary(self) -> str:
        return "\n".join(
            f"**{item['term']}**\n:   {_one_line(item['definition'])}\n"
            for item in self.glossary_terms
        )

    def care_leaver_check(self) -> str:
        lines: list[str] = []
        for category in self.categories:
            lines += [f"## {category['name']}", "", _one_line(category["means"]), ""]
            if category.get("law"):
                lines += [f"The law: {category['law']}", ""]
        return "\n".join(lines)

    def easy_read(self, section_id: str) -> str:
        lines: list[str] = []
        for entry in self.offer[section_id]["entries"]:
            read = entry.get("easy_read") or {}
            if read:
                lines += [f"## {entry['title']}", ""]
                lines += [f"- {_one_line(line['text'])}" for line in read.get("lines", [])]
                lines.append("")
        return "\n".join(lines)

    def finder_ages(self) -> str:
        return (
            "\n".join(f"- [{age}]({self.link(f'finder/{age}.md')})" for age in FINDER_AGES) + "\n"
        )

    def finder_situations(self) -> str:
        return "\n".join(f"- {item['label']}" for item in self.situations) + "\n"

    def finder_where(self) -> str:
        return "\n".join(f"- {name}" for name in self.place_names.values()) + "\n"

    def finder_results(self, age: int) -> str:
        """One age's results page, as ours makes one for each age."""
        lines = [self.contact_card()]
        for section_id, section in self.offer.items():
            applying = [entry for entry in section["entries"] if _applies(entry, age)]
            if not applying:
                continue
            page = self.link(f"offer/{section_id}.md")
            lines += [f"## [{section['title']}]({page})", ""]
            for entry in applying:
                lines += [
                    f"### [{entry['title']}]({page}#{entry['id']})",
                    "",
                    _one_line(entry["summary"]),
                    "",
                    "**How to get it:**",
                    "",
                ]
                steps = entry.get("how_to_get_it") or ["Ask your personal adviser."]
                lines += [f"1. {_one_line(text)}" for text in steps]
                lines.append("")
        return "\n".join(lines)

    def offer_section(self, section_id: str) -> str:
        section = self.offer[section_id]
        # Ours takes a section page's meta description from the data; so does its twin.
        self.description = _one_line(section["introduction"])
        next_review = section.get("review_in") or "6 months"
        lines = [
            f"Last reviewed on {_format_date(section['last_reviewed_on'])}. "
            f"Next review due {next_review} later.",
            "",
            "**We are checking this page.** Some details may have changed since we last "
            "reviewed it. Before you rely on something here, check with the Leaving Care Team.",
            "",
            _one_line(section["introduction"]),
            "",
            f"This section is kept up to date by {section.get('owner') or 'the team'}.",
            "",
        ]
        for entry in section["entries"]:
            lines += self._entry(entry)
        return "\n".join(lines)

    def offer_overview(self) -> str:
        lines: list[str] = []
        for section_id, section in self.offer.items():
            page = f"offer/{section_id}.md"
            lines += [
                f"## [{section['title']}]({self.link(page)}) {{ #overview-{section_id} }}",
                "",
            ]
            lines += [
                f"- [{entry['title']}]({self.link(page + '#' + entry['id'])}) "
                f"({_ages(entry).lower()})"
                for entry in section["entries"]
            ]
            lines.append("")
        return "\n".join(lines)

    def arrangements(self) -> str:
        data = self.arrangements_data
        lines = [_one_line(data["introduction"]), ""]
        for part in data["parts"]:
            lines += [f"## {part['heading']}", "", _one_line(part["text"]), ""]
        return "\n".join(lines)

    def changes(self) -> str:
        items = sorted(self.changes_data, key=lambda item: str(item["date"]), reverse=True)
        lines = [f"- {_format_date(item['date'])}: {_one_line(item['what'])}" for item in items]
        return "\n".join(lines) + "\n"

    def principles_list(self) -> str:
        lines: list[str] = []
        for principle in self.principles:
            lines += [
                f"## Principle {principle['number']}: {principle['short_name']} "
                f"{{ #{principle['id']} }}",
                "",
                _one_line(principle["duty"]),
                "",
            ]
            said = principle.get("young_people_said") or []
            if said:
                lines += ["### What young people told us", ""]
                lines += [f"- {_one_line(quote)}" for quote in said]
                lines.append("")
            for outcome in principle.get("outcomes", []):
                lines += [f"### {_one_line(outcome['text'])} {{ #{outcome['id']} }}", ""]
                lines += ["We will know this is working when:", ""]
                lines += [f"- {_one_line(measure)}" for measure in outcome.get("measures", [])]
                lines.append("")
            offer_links = [
                f"- [{entry['title']}]({self.link(f'offer/{sid}.md#' + entry['id'])})"
                for sid, section in self.offer.items()
                for entry in section["entries"]
                if principle["id"] in entry.get("principles", [])
            ]
            if offer_links:
                lines += ["### In the offer", "", *offer_links, ""]
            action_links = [
                f"- [{_one_line(action['action'])}]"
                f"({self.link('strategy/action-plan.md#' + action['id'])})"
                for action in self.plan.get("actions", [])
                if action.get("principle") == principle["id"]
            ]
            if action_links:
                lines += ["### In the action plan", "", *action_links, ""]
        return "\n".join(lines)

    def action_plan(self) -> str:
        lines: list[str] = []
        for principle in self.principles:
            actions = [a for a in self.plan["actions"] if a.get("principle") == principle["id"]]
            if not actions:
                continue
            lines += [
                f"## Principle {principle['number']}: {principle['short_name']} "
                f"{{ #plan-{principle['id']} }}",
                "",
                f"[What this principle means]"
                f"({self.link('strategy/where-we-want-to-be.md#' + principle['id'])})",
                "",
            ]
            for action in actions:
                lines += [f"### {_one_line(action['action'])} {{ #{action['id']} }}", ""]
                lines += [
                    f"- **{milestone.get('status', 'planned')}** "
                    f"{_format_date(milestone['due_on'])}: {_one_line(milestone['what'])}"
                    for milestone in action.get("milestones", [])
                ]
                lines += [
                    "",
                    f"**Led by:** {', '.join(action.get('service_leads', []))}",
                    "",
                    f"**Board lead:** {action.get('board_lead', '')}",
                    "",
                ]
                if action.get("board_updates"):
                    lines += [
                        f"**Reported to the board:** {'; '.join(action['board_updates'])}",
                        "",
                    ]
                if action.get("links_to_plans"):
                    lines += [f"**Linked plans:** {'; '.join(action['links_to_plans'])}", ""]
        return "\n".join(lines)

    def review_table(self) -> str:
        rows = []
        for section_id, section in self.offer.items():
            page = f"offer/{section_id}.md"
            rows.append((section["last_reviewed_on"], section["title"], "Section", page, section))
            for entry in section["entries"]:
                if entry.get("last_reviewed_on"):
                    rows.append(
                        (
                            entry["last_reviewed_on"],
                            f"{entry['title']} ({section['title']})",
                            "Entry",
                            f"{page}#{entry['id']}",
                            section,
                        )
                    )
        rows.sort(key=lambda row: (str(row[0]), row[1]))
        lines = ["| What | Kind | Owner | Last reviewed |", "| --- | --- | --- | --- |"]
        lines += [
            f"| [{title}]({self.link(target)}) | {kind} | {section.get('owner', '')} | "
            f"{_format_date(last)} |"
            for last, title, kind, target, section in rows
        ]
        return "\n".join(lines) + "\n"

    def placement_chart(self) -> str:
        placements = self.figures.get("placements", {})
        lines = ["| Where children lived | Children |", "| --- | ---: |"]
        lines += [
            f"| {item['label']} | {item['count']} |" for item in placements.get("by_type", [])
        ]
        return "\n".join(lines) + "\n"

    def district_chart(self) -> str:
        rates = self.figures.get("rates", {})
        lines = ["| District | Children | Rate per 10,000 |", "| --- | ---: | ---: |"]
        lines += [
            f"| {item['name']} | {item['children']} | {item['rate_per_10000']} |"
            for item in rates.get("districts", [])
        ]
        return "\n".join(lines) + "\n"

    def figure(self, name: str) -> str:
        placements = self.figures.get("placements", {})
        return str(placements.get("total", 690)) if name == "total" else f"[{name}]"

    def _piece(self, piece: dict[str, Any], heading: int) -> list[str]:
        lines = [f"{'#' * heading} {piece['title']} {{ #{piece['id']} }}", ""]
        if piece.get("image"):
            lines += [f"![{piece['alt']}]({self.link('assets/gallery/' + piece['image'])})", ""]
        for block in re.split(r"\n\s*\n", (piece.get("text") or "").strip()):
            if block.strip():
                lines += ["  \n".join(block.strip().splitlines()), ""]
        lines += [f"*{piece['credit']}*", ""]
        return lines

    def _published(self) -> list[dict[str, Any]]:
        return [
            piece
            for piece in self.gallery["pieces"]
            if piece.get("consent")
            and (not piece.get("take_down_on") or piece["take_down_on"] > TODAY)
        ]

    def gallery_list(self) -> str:
        lines: list[str] = []
        for piece in self._published():
            lines += self._piece(piece, 2)
        return "\n".join(lines)

    def gallery_piece(self, piece_id: str, heading: int = 3) -> str:
        found = [piece for piece in self._published() if piece["id"] == piece_id]
        return "\n".join(self._piece(found[0], heading)) if found else ""


FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def write_stock(ours: Path, stock: Path, config: dict[str, Any]) -> None:
    """The plain mkdocs-material twin of ``ours``: same pages, Markdown only."""
    import jinja2

    pages = StockPages(ours)
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    docs = ours / "docs"
    excluded = {"editing-guide.md"}
    # Ours publishes every page in each language of data/site.yml (a translated page's
    # own text where there is one, docs/offer/money.ar.md), and one finder results page
    # for each age: so does the twin, as plain pages under <code>/.
    english = [
        path
        for path in sorted(docs.rglob("*.md"))
        if english_page(path.relative_to(docs).as_posix()) is None
        and path.relative_to(docs).as_posix() not in excluded
    ]
    for prefix, code in [("", ""), *((f"{code}/", code) for code in pages.languages)]:
        for path in english:
            relative = path.relative_to(docs).as_posix()
            translated = path.with_name(f"{path.stem}.{code}.md")
            source = translated if code and translated.is_file() else path
            if relative == "finder/results.md":
                for age in FINDER_AGES:
                    pages.page = f"{prefix}finder/{age}.md"
                    body = f"# Age {age}\n\n" + pages.finder_results(age)
                    _write(stock / "docs" / pages.page, body)
                continue
            text = source.read_text(encoding="utf-8")
            match = FRONT_MATTER.match(text)
            front, body = (match.group(0), text[match.end() :]) if match else ("", text)
            if "render_macros: false" not in front:
                pages.page = prefix + relative
                pages.description = None
                body = environment.from_string(body).render(**pages.context())
                if not front and pages.description:
                    front = f"---\ndescription: {json.dumps(pages.description)}\n---\n\n"
            _write(stock / "docs" / prefix / relative, front + body)
    images = stock / "docs" / "assets" / "gallery"
    images.mkdir(parents=True, exist_ok=True)
    for piece in pages._published():
        if piece.get("image"):
            shutil.copyfile(ours / "data" / "gallery" / piece["image"], images / piece["image"])
    settings = pages.site
    stock_config = {
        "site_name": f"{settings['council']['short_name']} {settings['strategy']['offer_title']}",
        "site_url": config["site_url"],
        "site_description": config.get("site_description", ""),
        "docs_dir": "docs",
        "strict": True,
        "theme": {
            "name": "material",
            "language": "en",
            "font": False,
            "features": config["theme"].get("features", []),
        },
        "extra": {"generator": False},
        "plugins": [{"search": {"lang": "en"}}],
        "markdown_extensions": config["markdown_extensions"],
        "validation": config["validation"],
        "exclude_docs": config.get("exclude_docs", ""),
        # Ours lists the other languages' pages and the finder's results in menus of
        # their own; the twin has none.
        "not_in_nav": config.get("not_in_nav", "")
        + "".join(f"/{code}/\n" for code in pages.languages)
        + "".join(f"/finder/{age}.md\n" for age in FINDER_AGES),
        "nav": config["nav"],
    }
    (stock / "mkdocs.yml").write_text(dump(stock_config), encoding="utf-8")


# --- Measuring ---------------------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    max_rss_mb: float
    built_in: float | None
    returncode: int
    output: str


RUSAGE_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(f'MAXRSS_KB={usage.ru_maxrss}', file=sys.stderr)\n"
    "print(f'CPU_S={usage.ru_utime + usage.ru_stime}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def child_environment(**extra: str) -> dict[str, str]:
    """The environment for measured processes: today frozen, bytecode cached.

    Python caches compiled modules in ``__pycache__`` unless PYTHONDONTWRITEBYTECODE
    is set (some containers set it). Without the cache every run recompiles every
    module it imports, which costs our build (pydantic, nh3, Pillow, our own package)
    about 0.7 s more than stock mkdocs-material on a 2-core machine. Editors and CI
    run with Python's default, so that is what is measured.

    >>> "PYTHONDONTWRITEBYTECODE" in child_environment()
    False
    >>> child_environment(PYTHONUNBUFFERED="1")["PYTHONUNBUFFERED"]
    '1'
    """
    env = {**os.environ, "SOURCE_DATE_EPOCH": FROZEN_EPOCH, **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def measure(command: list[str], cwd: Path) -> Run:
    """Wall time, peak memory and output of one fresh process."""
    env = child_environment()
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as handle:
        time_file = Path(handle.name)
    try:
        if Path(TIME_BIN).is_file():
            wrapped = [TIME_BIN, "-v", "-o", str(time_file), *command]
        else:
            wrapped = [sys.executable, "-c", RUSAGE_WRAPPER, *command]
        start = time.perf_counter()
        completed = subprocess.run(
            wrapped, cwd=cwd, env=env, capture_output=True, text=True, check=False
        )
        seconds = time.perf_counter() - start
        output = completed.stdout + completed.stderr
        report = time_file.read_text(encoding="utf-8", errors="replace") + output
    finally:
        time_file.unlink(missing_ok=True)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)|MAXRSS_KB=(\d+)", report)
    # Ours says it once for each other language's build too; the last is the whole build.
    built = ([None, *re.finditer(r"Documentation built in ([0-9.]+) seconds", output)])[-1]
    user = re.search(r"User time \(seconds\): ([0-9.]+)", report)
    system = re.search(r"System time \(seconds\): ([0-9.]+)", report)
    cpu = re.search(r"CPU_S=([0-9.]+)", report)
    if user and system:
        cpu_seconds = float(user.group(1)) + float(system.group(1))
    else:
        cpu_seconds = float(cpu.group(1)) if cpu else float("nan")
    return Run(
        seconds,
        cpu_seconds,
        int(rss.group(1) or rss.group(2)) / 1024 if rss else float("nan"),
        float(built.group(1)) if built else None,
        completed.returncode,
        output,
    )


def build_command(site_dir: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]


def check_command(project: Path, own_code: bool) -> tuple[list[str], Path]:
    """The ``check`` console script, and the folder to run it in.

    With ``--macros``, what the console script runs, from the project copy, so that the
    code measured is the code given.
    """
    script = Path(sys.executable).with_name("check")
    if own_code and script.is_file():
        return [str(script), "--root", str(project)], ROOT
    code = "import sys; from macros.tools.cli import run_check; sys.exit(run_check())"
    return [sys.executable, "-c", code, "--root", str(project)], project


def best(runs: list[Run]) -> Run:
    return min(runs, key=lambda run: run.seconds)


def require_success(run: Run, what: str) -> Run:
    if run.returncode != 0:
        print(run.output[-4000:], file=sys.stderr)
        raise SystemExit(f"{what} failed (exit {run.returncode}); output above")
    return run


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError):
        return None


def _lines(stream: Any, into: queue.Queue[tuple[float, str]]) -> None:
    for line in iter(stream.readline, ""):
        into.put((time.perf_counter(), line))


def _wait_for(
    lines: queue.Queue[tuple[float, str]], pattern: str, timeout: float, log: list[str]
) -> float:
    deadline = time.perf_counter() + timeout
    while True:
        try:
            stamp, line = lines.get(timeout=max(0.05, deadline - time.perf_counter()))
        except queue.Empty:
            raise SystemExit(
                f"mkdocs serve: no '{pattern}' within {timeout:.0f} s:\n" + "".join(log[-40:])
            ) from None
        log.append(line)
        if pattern in line:
            return stamp


def edit_title(path: Path, marker: str) -> None:
    """Append ``marker`` to the first entry title in a data/offer file."""
    text = path.read_text(encoding="utf-8")
    match = re.search(r"^(?P<lead>[ -]+title: )(?P<title>.+)$", text, re.MULTILINE)
    if match is None:
        raise SystemExit(f"{path}: no entry title to edit")
    title = match["title"].rstrip()
    if title[:1] in {"'", '"'}:
        title = title[:-1] + f" {marker}" + title[-1]
    else:
        title = f"{title} {marker}"
    path.write_text(text[: match.start()] + match["lead"] + title + text[match.end() :], "utf-8")


def serve_rebuilds(project: Project, edits: int, startup_timeout: float) -> list[float]:
    """Seconds from saving a data/offer edit until mkdocs serve has rebuilt, per edit."""
    port = free_port()
    env = child_environment(PYTHONUNBUFFERED="1")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project.ours,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[tuple[float, str]] = queue.Queue()
    threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
    log: list[str] = []
    config = yaml.safe_load((project.ours / "mkdocs.yml").read_text(encoding="utf-8"))
    path = urllib.parse.urlparse(config["site_url"]).path
    url = f"http://127.0.0.1:{port}{path}{project.edit_url}"
    times = []
    try:
        _wait_for(lines, "Serving on", startup_timeout, log)
        deadline = time.perf_counter() + 30
        while fetch(url) is None:
            if time.perf_counter() > deadline:
                raise SystemExit(f"mkdocs serve: {url} never answered:\n" + "".join(log[-40:]))
            time.sleep(0.2)
        for number in range(1, edits + 1):
            time.sleep(1.0)  # let the watcher settle after the previous build
            while not lines.empty():
                log.append(lines.get()[1])
            marker = f"edited-{number}-{random.randint(1000, 9999)}"
            start = time.perf_counter()
            edit_title(project.edit_file, marker)
            done = _wait_for(lines, "Reloading browsers", startup_timeout, log)
            times.append(done - start)
            page = fetch(url) or ""
            if marker not in page:
                raise SystemExit(f"mkdocs serve: {url} does not show the edit:\n" + "".join(log))
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return times


def profile_build(project: Project, output: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "pyinstrument",
        "-r",
        "text",
        "-o",
        str(output),
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--site-dir",
        str(project.ours.parent / "site-profile"),
    ]
    env = child_environment()
    subprocess.run(command, cwd=project.ours, env=env, check=True, capture_output=True)
    print(f"Profile of our build at {project.size} entries: {output}", file=sys.stderr)


# --- Report -------------------------------------------------------------------------------


@dataclass
class Row:
    project: Project
    repeats: int
    load: float
    cold: Run
    ours: Run
    stock: Run
    check: Run
    rebuild: list[float]


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def table(rows: list[Row]) -> Iterator[str]:
    yield (
        "| entries | sections | pages | images | runs | ours cold s | ours s | ours built s "
        "| ours MB | stock s | stock built s | stock MB | ratio | check s | rebuild s |"
    )
    yield "|" + " ---: |" * 15
    for row in rows:
        p = row.project
        yield (
            f"| {p.entries if p.size != 'example' else f'{p.entries} (example)'} "
            f"| {p.sections} | {p.pages} | {p.images} | {row.repeats} "
            f"| {row.cold.seconds:.2f} | {row.ours.seconds:.2f} | {_seconds(row.ours.built_in)} "
            f"| {row.ours.max_rss_mb:.0f} | {row.stock.seconds:.2f} "
            f"| {_seconds(row.stock.built_in)} | {row.stock.max_rss_mb:.0f} "
            f"| {row.ours.seconds / row.stock.seconds:.2f} | {row.check.seconds:.2f} "
            f"| {_seconds(min(row.rebuild)) if row.rebuild else '-'} |"
        )


def growth(rows: list[Row]) -> Iterator[str]:
    numeric = [row for row in rows if row.project.size != "example"]
    for small, large in itertools.pairwise(numeric):
        ratio = large.project.entries / small.project.entries
        yield (
            f"{small.project.entries} -> {large.project.entries} entries (x{ratio:g}): "
            f"ours x{large.ours.seconds / small.ours.seconds:.2f} "
            f"(built x{(large.ours.built_in or 0) / (small.ours.built_in or 1):.2f}), "
            f"stock x{large.stock.seconds / small.stock.seconds:.2f} "
            f"(built x{(large.stock.built_in or 0) / (small.stock.built_in or 1):.2f})"
        )


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class Options:
    repeat: int | None = None
    serve_repeat: int | None = None
    serve: bool = True
    macros: Path | None = None
    flat_nav: bool = False


def run_size(size: str, workdir: Path, options: Options) -> Row:
    started = time.perf_counter()
    project = make_project(size, workdir, options.macros, flat_nav=options.flat_nav)
    large = project.entries > 1000
    runs = options.repeat or (2 if large else 3)
    load = os.getloadavg()[0]
    log(
        f"[{size}] {project.entries} entries, {project.sections} sections, {project.pages} pages, "
        f"{project.images} images (generated in {time.perf_counter() - started:.1f} s)"
    )
    site, stock_site = workdir / "site-ours", workdir / "site-stock"
    cold = require_success(measure(build_command(site), project.ours), "our build (cold)")
    log(f"[{size}] ours, cold image cache: {cold.seconds:.2f} s")
    # Warms stock up as the cold build warmed ours (bytecode, file cache); not counted.
    require_success(measure(build_command(stock_site), project.stock), "stock (warm-up)")
    ours: list[Run] = []
    stock: list[Run] = []
    for _ in range(runs):  # alternately, so that other load on the machine hits both alike
        ours.append(require_success(measure(build_command(site), project.ours), "our build"))
        stock.append(require_success(measure(build_command(stock_site), project.stock), "stock"))
    log(f"[{size}] ours: {', '.join(f'{run.seconds:.2f}' for run in ours)} s")
    log(f"[{size}] stock: {', '.join(f'{run.seconds:.2f}' for run in stock)} s")
    checks = []
    for _ in range(max(runs, 2)):
        command, cwd = check_command(project.ours, options.macros is None)
        checks.append(require_success(measure(command, cwd), "check"))
    log(f"[{size}] check: {', '.join(f'{run.seconds:.2f}' for run in checks)} s")
    rebuild: list[float] = []
    if options.serve:
        edits = options.serve_repeat or (2 if large else 3)
        rebuild = serve_rebuilds(project, edits, startup_timeout=120 + 60 * cold.seconds)
        log(f"[{size}] rebuild after one YAML edit: {', '.join(f'{t:.2f}' for t in rebuild)} s")
    return Row(project, runs, load, cold, best(ours), best(stock), best(checks), rebuild)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="build_scaling", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help=f"default: {DEFAULT_SIZES}")
    parser.add_argument("--repeat", type=int, default=None, help="builds per size (best of)")
    parser.add_argument("--serve-repeat", type=int, default=None, help="edits per serve session")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve rebuild")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    parser.add_argument(
        "--flat-nav", action="store_true", help="all section pages in one menu list (both sites)"
    )
    parser.add_argument("--profile", type=Path, default=None, help="profile the largest size")
    parser.add_argument(
        "--macros", type=Path, default=None, help="measure this macros/ folder instead of ours"
    )
    args = parser.parse_args(argv)
    options = Options(args.repeat, args.serve_repeat, not args.no_serve, args.macros, args.flat_nav)
    if args.macros is not None and not (args.macros / "__init__.py").is_file():
        parser.error(f"--macros: {args.macros} is not a macros/ package folder")
    sizes = [size.strip() for size in args.sizes.split(",") if size.strip()]
    for size in sizes:
        if size != "example" and not (size.isdigit() and int(size) > 0):
            parser.error(f"--sizes: {size!r} is neither 'example' nor a positive whole number")
    started = time.perf_counter()
    rows: list[Row] = []
    base = Path(tempfile.mkdtemp(prefix="clo-bench-"))
    try:
        for size in sizes:
            rows.append(run_size(size, base / size, options))
            if not args.keep:
                shutil.rmtree(base / size / "site-ours", ignore_errors=True)
                shutil.rmtree(base / size / "site-stock", ignore_errors=True)
        if args.profile is not None and rows:
            largest = max(rows, key=lambda row: row.project.entries)
            profile_build(largest.project, args.profile.resolve())
    finally:
        if args.keep:
            log(f"Temporary projects kept in {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)
    print()
    print(
        f"Build scaling, {dt.datetime.now():%Y-%m-%d %H:%M}, Python {sys.version.split()[0]}, "
        f"{os.cpu_count()} CPUs; times in seconds (best of 'runs'), memory = peak RSS in MB; "
        f"code: {args.macros or 'macros/ of this repository'}"
    )
    print()
    for line in table(rows):
        print(line)
    print()
    for line in growth(rows):
        print(line)
    print(f"\nTotal benchmark time: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
