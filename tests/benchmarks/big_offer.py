"""Big offers for the benchmarks: entries of the current data model, generated from a seed.

The one generator the benchmark scripts share (``build_scaling.py``,
``open_referral_share.py``, ``site_speed.py``); ``tests/benchmarks/test_generate.py``
checks that what it writes passes ``check_project``, so that it cannot fall behind the
model again. Ids that entries name (organisations, places, situations, districts,
principles, areas) are read from the project it writes into, so it works on the example
site, on the fixture site and on a fork.

Every field of an entry is used somewhere (ages, areas, situations, conditions, steps,
providers with roles, phones with purposes, email, web, links, places with their own
times, opening times, where/districts, duty, amounts with history, principles, added and
reviewed dates), with words from a small vocabulary, so that pages, the search index and
the Open Referral feed grow as a real offer's would.
"""

from __future__ import annotations

import datetime as dt
import math
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ENTRIES_PER_SECTION = 8
"""A large offer has many short sections, each on its own page."""
NAV_GROUP = 12
"""Section pages to a menu heading (and headings to a heading above them)."""

TOPICS = [
    "Money",
    "Housing",
    "Health",
    "Learning",
    "Work",
    "Travel",
    "Family and friends",
    "Your rights",
    "Leisure",
    "Food",
    "Digital access",
    "Wellbeing",
    "Driving",
    "Documents",
    "Sport",
    "Volunteering",
]
ADJECTIVES = [
    "Free",
    "Extra",
    "Weekly",
    "Yearly",
    "Emergency",
    "One-off",
    "Local",
    "Personal",
    "Discounted",
    "Ongoing",
    "Help with",
    "Support for",
]
NOUNS = [
    "bus pass",
    "laptop",
    "driving lessons",
    "gym membership",
    "college costs",
    "rent deposit",
    "furniture grant",
    "counselling",
    "dentist visits",
    "phone credit",
    "birthday gift",
    "passport",
    "bank account",
    "food vouchers",
    "work clothes",
    "childcare",
    "music lessons",
    "cinema tickets",
    "university bursary",
    "training course",
    "mentoring",
    "housing advice",
    "energy bills",
    "broadband",
]
GROUPS = [
    "students",
    "young parents",
    "apprentices",
    "everyone leaving care",
    "people living alone",
    "people in supported housing",
    "people starting work",
]
SENTENCES = [
    "You can get {thing} from us.",
    "We pay for {thing} so that cost does not stop you.",
    "Your personal adviser can help you ask for {thing}.",
    "This helps with the cost of {thing} until you are {age}.",
    "Most care leavers use this in their first year on their own.",
    "If your plans change, tell us and we will look at it again.",
    "You do not have to pay this back.",
    "We check once a year that it still helps you.",
    "Ask us even if you are not sure you can get it.",
    "Some people need more than this; talk to your adviser about what you need.",
    "It is part of your pathway plan.",
    "You can use it alongside other help in this section.",
    "Not sure if you can get {thing}? Ask us.",
    "It is yours to keep!",
]
EXTRAS = [
    " This is **free** for care leavers.",
    " Read more on [our website](https://www.example.org/leaving-care).",
    " You get *up to £{amount}* a year.",
    "",
    "",
    "",
]
CONDITIONS = [
    "You live in the council's area and need {thing}.",
    "You are studying at least {hours} hours a week.",
    "Your pathway plan says you need {thing}.",
    "You were in our care for at least 13 weeks after your 14th birthday.",
    "You are working or looking for work, and {thing} would help.",
    "You have a child or are expecting one.",
    "You live on your own for the first time and have no {thing} yet.",
    "You have not had {thing} from us in the last {months} months.",
]
STEPS = [
    "Talk to your personal adviser about {thing}.",
    "Fill in the short form for {thing} that your adviser gives you.",
    "Send us a photo of the receipt for {thing}.",
    "We pay the money into your bank account within {days} working days.",
    "Book an appointment online or by phone; say it is about {thing}.",
    "Bring your ID to the first meeting.",
    "Tell us if anything changes, for example if you no longer need {thing}.",
    "Ask at the {place} and show your care leaver card.",
    "Read the guide on **{thing}** with your adviser.",
]
PLACE_WORDS = ["library", "leisure centre", "Jobcentre", "college office", "council office"]
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
STATUTORY_AREAS = [
    "health_and_wellbeing",
    "relationships",
    "education_and_training",
    "employment",
    "accommodation",
    "participation_in_society",
    "financial_literacy",
]
OWNERS = ["Leaving Care Team manager", "Head of service", "Lead adviser"]


@dataclass(frozen=True)
class ProjectIds:
    """The ids a project's data lists, which generated entries may name."""

    organisations: tuple[str, ...]
    places: tuple[str, ...]
    situations: tuple[str, ...]
    districts: tuple[str, ...]
    principles: tuple[str, ...]
    areas: tuple[str, ...]
    """The statutory areas and the project's own (data/areas.yml)."""


def _load(project: Path, name: str) -> Any:
    path = project / "data" / name
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None


def _ids(document: Any, key: str) -> tuple[str, ...]:
    return tuple(str(item["id"]) for item in ((document or {}).get(key) or []))


def project_ids(project: Path) -> ProjectIds:
    """The ids in ``project``'s data files (the folder holding mkdocs.yml and data/)."""
    organisations = _ids(_load(project, "organisations.yml"), "organisations")
    if not organisations:
        raise SystemExit(f"{project}/data/organisations.yml lists no organisation")
    return ProjectIds(
        organisations=organisations,
        places=_ids(_load(project, "places.yml"), "places"),
        situations=_ids(_load(project, "situations.yml"), "situations"),
        districts=_ids(_load(project, "site.yml"), "districts"),
        principles=_ids(_load(project, "principles.yml"), "principles"),
        areas=(*STATUTORY_AREAS, *_ids(_load(project, "areas.yml"), "areas")),
    )


def slug(text: str) -> str:
    """Lower-case words joined by hyphens.

    >>> slug("Help with bus pass for students!")
    'help-with-bus-pass-for-students'
    """
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


def section_count(entries: int) -> int:
    """Sections for ``entries`` entries, 8 each (the last takes what is left).

    >>> section_count(10), section_count(1000), section_count(5000)
    (2, 125, 625)
    """
    return max(1, math.ceil(entries / ENTRIES_PER_SECTION))


def _sentence(rng: random.Random, thing: str) -> str:
    return rng.choice(SENTENCES).format(thing=thing, age=rng.choice([21, 23, 25])) + rng.choice(
        EXTRAS
    ).format(amount=rng.choice([50, 100, 250, 500, 1000]))


def _fill(rng: random.Random, template: str, thing: str) -> str:
    return template.format(
        thing=thing,
        hours=rng.randint(6, 16),
        months=rng.choice([6, 12, 18]),
        days=rng.randint(3, 10),
        place=rng.choice(PLACE_WORDS),
    )


def make_entry(rng: random.Random, number: int, ids: ProjectIds, today: dt.date) -> dict[str, Any]:
    """One valid entry of the current model (a plain dict, as in data/offer/*.yml)."""
    noun = rng.choice(NOUNS)
    title = f"{rng.choice(ADJECTIVES)} {noun}"
    if rng.random() < 0.4:
        title += f" for {rng.choice(GROUPS)}"
    entry: dict[str, Any] = {
        "id": f"{slug(title)[:40].strip('-')}-{number}",
        "title": title,
        "summary": " ".join(_sentence(rng, noun) for _ in range(rng.randint(2, 4))),
    }
    if rng.random() < 0.9:
        start = rng.randint(16, 21)
        entry["ages"] = {"from": start, "to": rng.randint(start, 25)}
    entry["areas"] = rng.sample(ids.areas, rng.randint(1, 3))
    if ids.situations and rng.random() < 0.2:
        entry["only_for"] = rng.sample(ids.situations, 1)
    elif ids.situations and rng.random() < 0.2:
        entry["especially_for"] = rng.sample(ids.situations, 1)
    conditions = rng.sample(CONDITIONS, rng.randint(0, 3))
    if conditions:
        entry["conditions"] = [_fill(rng, text, noun) for text in conditions]
    steps = rng.sample(STEPS, rng.randint(0, 4))
    if steps:
        entry["how_to_get_it"] = [_fill(rng, text, noun) for text in steps]
    providers: list[Any] = [rng.choice(ids.organisations)]
    if rng.random() < 0.3:
        role = rng.choice(["pays_for_it", "apply_through", "works_with"])
        providers.append({"organisation": rng.choice(ids.organisations), "role": role})
    entry["providers"] = providers
    contact: dict[str, Any] = {}
    if rng.random() < 0.8:
        contact["phones"] = [f"01632 960 {rng.randint(100, 999)}"]
        if rng.random() < 0.3:
            contact["phones"].append(
                {"number": f"07700 900 {rng.randint(100, 999)}", "purpose": "text"}
            )
    if rng.random() < 0.5:
        contact["email"] = f"team{number}@example.org"
    if rng.random() < 0.4:
        contact["web"] = f"https://www.example.org/leaving-care/{slug(noun)}"
    if rng.random() < 0.1:
        contact["links"] = [{"text": "Our Instagram", "url": "https://www.example.org/social"}]
    if contact:
        entry["contact"] = contact
    if ids.places and rng.random() < 0.3:
        place: Any = rng.choice(ids.places)
        if rng.random() < 0.5:
            place = {
                "place": place,
                "opening_times": [
                    {
                        "days": [rng.choice(DAYS)],
                        "opens": "17:30",
                        "closes": "19:30",
                        "every": "2 weeks",
                        "starting": dt.date(2026, 1, 8),
                    }
                ],
            }
        entry["places"] = [place]
    if rng.random() < 0.2:
        entry["opening_times"] = [
            {"days": rng.sample(DAYS, 2), "opens": "09:00", "closes": "17:00"}
        ]
    where = rng.choice(["anywhere", "anywhere", "in_area", "districts"])
    if where == "districts" and not ids.districts:
        where = "in_area"
    if where != "anywhere":
        entry["where"] = where
    if where == "districts":
        entry["districts"] = rng.sample(ids.districts, 1)
    entry["duty"] = rng.choice(["statutory", "local_extra", "national"])
    if rng.random() < 0.3:
        entry["amounts"] = [
            {"value": 50, "per": "week", "from": dt.date(2024, 4, 1), "to": dt.date(2026, 3, 31)},
            {"value": round(rng.uniform(10, 3000), 2), "per": "week", "from": dt.date(2026, 4, 1)},
        ]
    if ids.principles:
        chosen = rng.sample(ids.principles, rng.randint(0, min(2, len(ids.principles))))
        if chosen:
            entry["principles"] = chosen
    if rng.random() < 0.1:
        entry["added_on"] = today - dt.timedelta(days=rng.randint(1, 200))
    if rng.random() < 0.15:
        entry["last_reviewed_on"] = today - dt.timedelta(days=rng.randint(5, 300))
    return entry


def make_sections(
    entries: int, ids: ProjectIds, today: dt.date, seed: int = 9, prefix: str = ""
) -> dict[str, dict[str, Any]]:
    """``entries`` entries in sections of 8, keyed by section id (``prefix`` + topic).

    The first ``len(STATUTORY_AREAS)`` entries each cover one statutory area, so a
    generated offer alone covers every area the law names (``check`` asks for that).
    """
    rng = random.Random(seed)
    sections: dict[str, dict[str, Any]] = {}
    made = 0
    for index in range(section_count(entries)):
        topic = TOPICS[index % len(TOPICS)]
        section_id = f"{prefix}{slug(topic)}-s{index + 1}"
        count = min(ENTRIES_PER_SECTION, entries - made)
        items = [make_entry(rng, made + number + 1, ids, today) for number in range(count)]
        for number, entry in enumerate(items, start=made):
            if number < len(STATUTORY_AREAS) and STATUTORY_AREAS[number] not in entry["areas"]:
                entry["areas"].append(STATUTORY_AREAS[number])
        sections[section_id] = {
            "title": f"{topic} ({index + 1})",
            "order": 100 + (index + 1) * 10,
            "introduction": " ".join(_sentence(rng, topic.lower()) for _ in range(2)),
            "owner": rng.choice(OWNERS),
            "last_reviewed_on": today - dt.timedelta(days=rng.randint(1, 250)),
            "review_in": rng.choice(["6 months", "1 year", "9 months"]),
            "entries": items,
        }
        made += count
    return sections


def dump(value: Any) -> str:
    """YAML as an editor would write it (keys in order, long lines wrapped)."""
    return yaml.safe_dump(value, sort_keys=False, allow_unicode=True, width=88)


def grouped_nav(pages: list[str], flat: bool = False) -> list[Any]:
    """Section pages as a large site would list them: 12 to an area, 12 areas to a region.

    One menu of hundreds of sections helps nobody, and Material renders the menu into
    every page, so a flat menu makes the whole build grow with the square of the
    sections. With ``flat``, the pages as they are.

    >>> grouped_nav(["a", "b"])
    ['a', 'b']
    >>> [list(group) for group in grouped_nav([f"p{n}" for n in range(30)])]
    [['Area 1'], ['Area 2'], ['Area 3']]
    >>> len(grouped_nav([f"p{n}" for n in range(1000)]))
    7
    """
    if flat:
        return list(pages)
    items: list[Any] = list(pages)
    for label in ("Area", "Region"):
        if len(items) <= NAV_GROUP:
            break
        items = [
            {f"{label} {number}": items[start : start + NAV_GROUP]}
            for number, start in enumerate(range(0, len(items), NAV_GROUP), start=1)
        ]
    return items


def offer_nav(nav: list[Any]) -> list[Any]:
    """The list under the nav item that holds offer/index.md (changed in place by callers)."""
    for item in nav:
        if isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list) and "offer/index.md" in value:
                    return value
    raise SystemExit("mkdocs.yml: no nav section holds offer/index.md")


def write_offer(
    project: Path,
    entries: int,
    today: dt.date,
    *,
    seed: int = 9,
    replace: bool = True,
    flat_nav: bool = False,
) -> dict[str, dict[str, Any]]:
    """Write ``entries`` generated entries into ``project``: a data file, a page and a menu
    item per section (after offer/index.md, grouped by ``grouped_nav``).

    ``replace`` removes the project's own sections (files and menu items) first; without
    it the generated sections come after them, with ids starting ``generated-``.
    Returns the sections written, by id.
    """
    ids = project_ids(project)
    offer_dir, pages_dir = project / "data" / "offer", project / "docs" / "offer"
    config_path = project / "mkdocs.yml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    listed = offer_nav(config["nav"])
    if replace:
        removed = set()
        gone = set()
        for old in offer_dir.glob("*.yml"):
            old.unlink()
            gone.add(old.stem)
            removed.add(f"offer/{old.stem}.md")
            (project / "docs" / "offer" / f"{old.stem}.md").unlink(missing_ok=True)
        # Pages that show a removed section in Easy Read go with it.
        for page in sorted(pages_dir.glob("*.md")):
            called = re.findall(r'easy_read\("([^"]+)"\)', page.read_text(encoding="utf-8"))
            if called and set(called) <= gone:
                page.unlink()
                removed.add(f"offer/{page.name}")
        listed[:] = [
            item
            for item in listed
            if not (
                (isinstance(item, str) and item in removed)
                or (isinstance(item, dict) and set(map(str, item.values())) <= removed)
            )
        ]
    sections = make_sections(entries, ids, today, seed, prefix="" if replace else "generated-")
    pages = []
    for section_id, section in sections.items():
        (offer_dir / f"{section_id}.yml").write_text(
            "# Generated by tests/benchmarks/big_offer.py\n" + dump(section), encoding="utf-8"
        )
        (pages_dir / f"{section_id}.md").write_text(
            f'# {section["title"]}\n\n{{{{ offer_section("{section_id}") }}}}\n',
            encoding="utf-8",
        )
        pages.append(f"offer/{section_id}.md")
    at = listed.index("offer/index.md") + 1
    while at < len(listed) and isinstance(listed[at], str) and listed[at].startswith("offer/"):
        at += 1  # after the project's own section pages
    listed[at:at] = grouped_nav(pages, flat_nav)
    config_path.write_text(dump(config), encoding="utf-8")
    return sections
