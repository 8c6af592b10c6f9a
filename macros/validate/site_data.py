"""Validate everything under ``data/``: each file against its model, then the rules across them.

Files come from the registry (``macros/validate/model/files.py``). Problems from every
file are collected and reported together, so an editor can fix them all in one go.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from macros.load.yaml_file import LoadedFile, parse_yaml
from macros.problems import DataError, DataProblem
from macros.validate.messages import validate
from macros.validate.model import (
    STATUTORY_AREAS,
    ActionPlanFile,
    AreasFile,
    ArrangementsFile,
    CareLeaversFile,
    ChangesFile,
    FiguresFile,
    GalleryFile,
    GlossaryFile,
    OfferSection,
    OrganisationsFile,
    PlacesFile,
    PrinciplesFile,
    SiteSettings,
    SituationsFile,
)
from macros.validate.model.files import (
    DATA_FILES,
    GALLERY,
    OFFER,
    OFFER_TRANSLATION,
    TRANSLATION_FILES,
    DataFile,
    TranslationFile,
)
from macros.validate.model.translations import OfferSectionTranslation, SiteTranslation
from macros.validate.rules.action_plan import action_plan_problems
from macros.validate.rules.arrangements import arrangements_problems
from macros.validate.rules.care_leavers import care_leaver_problems
from macros.validate.rules.figures import figures_problems
from macros.validate.rules.gallery import WITHHELD, piece_problems, withheld
from macros.validate.rules.glossary import glossary_problems
from macros.validate.rules.offer import PLACES_FILE, offer_problems, section_file_problem
from macros.validate.rules.pictures import CACHE_FOLDER, PictureFacts
from macros.validate.rules.principles import principle_problems
from macros.validate.rules.references import duplicates, unknown
from macros.validate.rules.registries import (
    Known,
    area_problems,
    district_problems,
    organisation_problems,
    place_problems,
    situation_problems,
)
from macros.validate.rules.translations import (
    language_problem,
    languages_problems,
    offer_translation_problems,
    translation_files,
    untranslated_words_notices,
)


@dataclass(frozen=True)
class LanguageData:
    """The translation files of one language (``data/offer/<section>.<code>.yml``,
    ``data/site.<code>.yml``), validated."""

    code: str
    site: SiteTranslation | None = None
    offer: dict[str, OfferSectionTranslation] = field(default_factory=dict)
    """Translated sections by section id."""


@dataclass(frozen=True)
class SiteData:
    """Everything the pages may show, validated."""

    settings: SiteSettings
    principles: PrinciplesFile
    offer: dict[str, OfferSection]
    """Sections by id (the file name), in overview order."""
    organisations: OrganisationsFile | None = None
    places: PlacesFile | None = None
    areas: AreasFile | None = None
    situations: SituationsFile | None = None
    care_leavers: CareLeaversFile | None = None
    arrangements: ArrangementsFile | None = None
    changes: ChangesFile | None = None
    action_plan: ActionPlanFile | None = None
    figures: FiguresFile | None = None
    gallery: GalleryFile | None = None
    glossary: GlossaryFile | None = None
    """The words the pages explain (``data/glossary.yml``), if the site has one."""
    pictures: dict[str, PictureFacts] = field(default_factory=dict)
    """Facts of each publishable gallery picture, by file name in data/gallery/."""
    sources: dict[str, LoadedFile] = field(default_factory=dict)
    """The loaded files, by path, for lines in later messages."""
    languages: dict[str, LanguageData] = field(default_factory=dict)
    """The translations of each language under ``languages:`` in data/site.yml, by code."""


@dataclass(frozen=True)
class Checked:
    """The result of checking the data: the data when it can be used, and what was found."""

    data: SiteData | None
    problems: list[DataProblem]
    """What stops a build."""
    notices: list[DataProblem]
    """What an editor should know but does not stop a build (a piece left out)."""


# Files this process has already loaded and validated without a problem: for each file
# name and model, the exact bytes and the result. `mkdocs serve` builds the whole site
# again after every edit; a file whose bytes are unchanged is then not parsed or
# validated again. The result depends only on the bytes, the name and the model, and
# problems are never kept, so what a build reports is the same as without it.
_validated: dict[tuple[str, type[BaseModel]], tuple[bytes, tuple[Any, LoadedFile]]] = {}


def _load(
    root: Path, relative: str, kind: DataFile | TranslationFile, problems: list[DataProblem]
) -> Any:
    """(model, source) for one file, or None with its problems added to ``problems``."""
    raw = (root / relative).read_bytes()
    known = _validated.get((relative, kind.model))
    if known is not None and known[0] == raw:
        return known[1]
    try:
        loaded = parse_yaml(raw, relative)
        result = (validate(loaded, kind.model), loaded)
    except DataError as error:
        problems.extend(error.problems)
        return None
    _validated[(relative, kind.model)] = (raw, result)
    return result


def _files_of(root: Path, kind: DataFile) -> list[str]:
    folder = kind.folder
    if folder is None:
        return [kind.path] if (root / kind.path).is_file() else []
    # A name with a dot before .yml (money.ar.yml) is a translation: see _translations.
    paths = sorted((root / folder).glob("*.yml"))
    return [f"{folder}/{path.name}" for path in paths if "." not in path.stem]


def check_data(project_root: Path, today: dt.date) -> Checked:
    """Load and validate everything under ``data/``; every problem and notice found.

    ``today`` decides which gallery consents lie in the future.
    Example: ``check_data(Path("."), dt.date.today()).problems`` -> ``[]``
    """
    problems: list[DataProblem] = []
    loaded: dict[str, dict[str, tuple[Any, LoadedFile]]] = {}
    failed: set[str] = set()
    """Kinds with a file that is there but did not load (its problems are reported)."""
    for kind in DATA_FILES:
        found = loaded[kind.key] = {}
        names = _files_of(project_root, kind)
        if not names and kind.required:
            if kind.folder is None:
                problems.append(DataProblem(kind.path, 0, "", "is missing; it is required"))
            else:
                message = "has no sections; add one file per section"
                problems.append(DataProblem(f"{kind.folder}/", 0, "", message))
        for relative in names:
            item_id = Path(relative).stem
            if kind.folder is not None:
                bad_name = section_file_problem(relative, item_id)
                if bad_name is not None:
                    problems.append(bad_name)
            result = _load(project_root, relative, kind, problems)
            if result is not None:
                found[item_id if kind.folder else relative] = result
            else:
                failed.add(kind.key)

    def one(key: str) -> tuple[Any, LoadedFile] | None:
        return next(iter(loaded[key].values()), None)

    settings, principles = one("settings"), one("principles")
    plan, figures, gallery = one("action_plan"), one("figures"), one("gallery")
    organisations, places, areas = one("organisations"), one("places"), one("areas")
    situations, arrangements, changes = one("situations"), one("arrangements"), one("changes")
    care_leavers = one("care_leavers")
    glossary = one("glossary")
    offer: dict[str, tuple[OfferSection, LoadedFile]] = loaded["offer"]

    principle_ids: set[str] | None = None
    if principles is not None:
        problems += principle_problems(*principles)
        principle_ids = {principle.id for principle in principles[0].principles}
    rules: list[tuple[Callable[..., list[DataProblem]], tuple[Any, LoadedFile] | None]] = [
        (organisation_problems, organisations),
        (place_problems, places),
        (area_problems, areas),
        (situation_problems, situations),
        (care_leaver_problems, care_leavers),
        (arrangements_problems, arrangements),
        (district_problems, settings),
        (glossary_problems, glossary),
        (languages_problems, settings),
    ]
    for rule, model_and_source in rules:
        if model_and_source is not None:
            problems += rule(*model_and_source)

    def ids(key: str, values: Iterable[str]) -> frozenset[str] | None:
        """The ids an optional file defines (none when it is left out), or None when it is
        there but did not load."""
        return None if key in failed else frozenset(values)

    known = Known(
        principles=frozenset(principle_ids) if principle_ids is not None else None,
        organisations=(
            frozenset(o.id for o in organisations[0].organisations) if organisations else None
        ),
        places=ids("places", [p.id for p in places[0].places] if places else []),
        areas=ids(
            "areas",
            [area.id for area in STATUTORY_AREAS]
            + ([a.id for a in areas[0].areas] if areas else []),
        ),
        situations=ids(
            "situations", [s.id for s in situations[0].situations] if situations else []
        ),
        districts=frozenset(d.id for d in settings[0].districts) if settings else None,
    )
    problems += offer_problems(offer, known, complete="offer" not in failed)
    if settings is not None and known.places is not None:
        for j, place_id in enumerate(settings[0].contact.places):
            path = ("contact", "places", j)
            problems += unknown(
                settings[1], path, place_id, known.places, "place", 0.6, PLACES_FILE
            )
    if plan is not None:
        problems += action_plan_problems(*plan, principle_ids)
    if figures is not None:
        problems += figures_problems(*figures)
    notices: list[DataProblem] = []
    if settings is not None:
        notices += untranslated_words_notices(settings[0])
    pictures: dict[str, PictureFacts] = {}
    if gallery is not None:
        gallery_problems, gallery_notices, pictures = _gallery(
            gallery, principle_ids, project_root, today
        )
        problems += gallery_problems
        notices += gallery_notices  # after the words' notices, which it once replaced

    languages: dict[str, LanguageData] = {}
    if settings is not None:
        languages = _translations(project_root, settings[0], offer, problems, loaded)

    if problems or settings is None or principles is None:
        return Checked(None, sorted(problems), sorted(notices))
    ordered = sorted(offer.items(), key=lambda item: (item[1][0].order, item[0]))
    sources = {source.path: source for found in loaded.values() for _, source in found.values()}
    data = SiteData(
        settings=settings[0],
        principles=principles[0],
        offer={section_id: section for section_id, (section, _) in ordered},
        organisations=organisations[0] if organisations else None,
        places=places[0] if places else None,
        areas=areas[0] if areas else None,
        situations=situations[0] if situations else None,
        care_leavers=care_leavers[0] if care_leavers else None,
        arrangements=arrangements[0] if arrangements else None,
        changes=changes[0] if changes else None,
        action_plan=plan[0] if plan else None,
        figures=figures[0] if figures else None,
        gallery=gallery[0] if gallery else None,
        glossary=glossary[0] if glossary else None,
        pictures=pictures,
        sources=sources,
        languages=languages,
    )
    return Checked(data, [], sorted(notices))


def _translations(
    root: Path,
    settings: SiteSettings,
    offer: dict[str, tuple[OfferSection, LoadedFile]],
    problems: list[DataProblem],
    loaded: dict[str, dict[str, tuple[Any, LoadedFile]]],
) -> dict[str, LanguageData]:
    """Every translation file, checked against its language and its English file."""
    codes = [language.code for language in settings.languages]
    found: dict[str, LanguageData] = {code: LanguageData(code) for code in codes}
    offer_folder = OFFER.folder or "data/offer"
    kinds = [
        (
            kind,
            translation_files(
                root,
                offer_folder if kind is OFFER_TRANSLATION else "data",
                "" if kind is OFFER_TRANSLATION else "site",
            ),
        )
        for kind in TRANSLATION_FILES
    ]
    for kind, files in kinds:
        for relative, item, code in files:
            wrong_language = language_problem(relative, code, codes)
            if wrong_language is not None:
                problems.append(wrong_language)
                continue
            english_path = kind.translates.path.replace("<section>", item)
            if kind is OFFER_TRANSLATION and not (root / english_path).is_file():
                message = (
                    f"translates {english_path}, which does not exist; name it after its section"
                )
                problems.append(DataProblem(relative, 1, "", message))
                continue
            result = _load(root, relative, kind, problems)
            if result is None:
                continue
            model, source = result
            loaded.setdefault(f"translation:{code}", {})[relative] = result
            if isinstance(model, SiteTranslation):
                found[code] = replace(found[code], site=model)
            elif item in offer:
                problems += offer_translation_problems(model, source, offer[item][0], english_path)
                found[code].offer[item] = model
    return found


def _gallery(
    gallery: tuple[GalleryFile, LoadedFile],
    principle_ids: set[str] | None,
    root: Path,
    today: dt.date,
) -> tuple[list[DataProblem], list[DataProblem], dict[str, PictureFacts]]:
    """Problems and notices of every piece, and the facts of its publishable pictures."""
    model, source = gallery
    pieces = model.pieces
    problems = duplicates((p.id, source, ("pieces", i, "id")) for i, p in enumerate(pieces))
    notices = []
    pictures: dict[str, PictureFacts] = {}
    for i, piece in enumerate(pieces):
        if piece.principle is not None and principle_ids is not None:
            path = ("pieces", i, "principle")
            problems += unknown(source, path, piece.principle, principle_ids, "principle")
        found, facts = piece_problems(piece, root, today, root / CACHE_FOLDER)
        problems += [source.problem(("pieces", i, *where), message) for where, message in found]
        if facts is not None and piece.image is not None:
            pictures[piece.image] = facts
        if withheld(piece):
            notices.append(source.problem(("pieces", i, "consent"), WITHHELD.format(id=piece.id)))
    return problems, notices, pictures


def load_site_data(project_root: Path, today: dt.date) -> SiteData:
    """The validated data, or DataError listing every problem.

    Example: ``load_site_data(Path("."), dt.date.today()).offer["money"].title`` -> 'Money'
    """
    checked = check_data(project_root, today)
    if checked.data is None:
        raise DataError(checked.problems)
    return checked.data


__all__ = ["GALLERY", "Checked", "LanguageData", "SiteData", "check_data", "load_site_data"]
