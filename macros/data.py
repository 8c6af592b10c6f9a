"""Load every data file once per build, validate it, and check cross-references.

Problems from every file are collected and reported together, so an editor
can fix them all in one go.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from .errors import DataError, DataProblem
from .loading import LoadedFile, dotted, parse_yaml
from .model import (
    ActionPlanFile,
    FiguresFile,
    GalleryFile,
    OfferSection,
    PrinciplesFile,
    SiteSettings,
)
from .model.common import ID_PATTERN
from .validation import validate

ModelT = TypeVar("ModelT", bound=BaseModel)


@dataclass(frozen=True)
class Located(Generic[ModelT]):
    """A validated model and the loaded file it came from (for line numbers)."""

    model: ModelT
    source: LoadedFile


@dataclass(frozen=True)
class SiteData:
    """Everything the pages may show, validated."""

    settings: SiteSettings
    principles: PrinciplesFile
    offer: dict[str, OfferSection]
    action_plan: ActionPlanFile | None = None
    figures: FiguresFile | None = None
    gallery: GalleryFile | None = None
    sources: dict[str, LoadedFile] = field(default_factory=dict)


# Files this process has already loaded and validated without a problem: for each file
# name and model, the exact bytes and the result. `mkdocs serve` builds the whole site
# again after every edit; a file whose bytes are unchanged is then not parsed or
# validated again. The result depends only on the bytes, the name and the model, and
# problems are never kept, so what a build reports is the same as without it.
_validated: dict[tuple[str, type[BaseModel]], tuple[bytes, Located[Any]]] = {}


class _Collector:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[DataProblem] = []
        self.sources: dict[str, LoadedFile] = {}

    def load(self, relative: str, model: type[ModelT], required: bool) -> Located[ModelT] | None:
        path = self.root / relative
        if not path.is_file():
            if required:
                self.problems.append(DataProblem(relative, 0, "", "is missing; it is required"))
            return None
        raw = path.read_bytes()
        known = _validated.get((relative, model))
        if known is not None and known[0] == raw:
            located: Located[ModelT] = known[1]
            self.sources[relative] = located.source
            return located
        try:
            loaded = parse_yaml(raw, relative)
            self.sources[relative] = loaded
            located = Located(validate(loaded, model), loaded)
        except DataError as error:
            self.problems.extend(error.problems)
            return None
        _validated[(relative, model)] = (raw, located)
        return located

    def problem(self, source: LoadedFile, path: tuple[str | int, ...], message: str) -> None:
        self.problems.append(DataProblem(source.path, source.line_of(path), dotted(path), message))


def load_site_data(project_root: Path) -> SiteData:
    """Load and validate everything under ``data/``; raise DataError listing every problem.

    Example: ``load_site_data(Path("."))`` -> ``SiteData(settings=..., offer={...})``
    """
    collect = _Collector(project_root)
    settings = collect.load("data/site.yml", SiteSettings, required=True)
    principles = collect.load("data/principles.yml", PrinciplesFile, required=True)
    action_plan = collect.load("data/action_plan.yml", ActionPlanFile, required=False)
    figures = collect.load("data/figures.yml", FiguresFile, required=False)
    gallery = collect.load("data/gallery.yml", GalleryFile, required=False)

    offer: dict[str, Located[OfferSection]] = {}
    offer_dir = project_root / "data" / "offer"
    section_files = sorted(offer_dir.glob("*.yml")) if offer_dir.is_dir() else []
    if not section_files:
        collect.problems.append(
            DataProblem("data/offer/", 0, "", "has no sections; add one file per section")
        )
    for path in section_files:
        relative = f"data/offer/{path.name}"
        section_id = path.stem
        if not _is_identifier(section_id):
            suggestion = "-".join(re.findall(r"[a-z0-9]+", section_id.lower())) or "section-name"
            collect.problems.append(
                DataProblem(
                    relative,
                    1,
                    "",
                    "file name must be lower-case words joined by hyphens; "
                    f"rename it to {suggestion}.yml",
                )
            )
        located = collect.load(relative, OfferSection, required=True)
        if located is not None:
            offer[section_id] = located

    principle_ids = _check_principles(collect, principles)
    _check_offer(collect, offer, principle_ids)
    _check_action_plan(collect, action_plan, principle_ids)
    _check_gallery(collect, gallery, principle_ids, project_root)

    if collect.problems or settings is None or principles is None:
        raise DataError(collect.problems)
    ordered = sorted(offer.items(), key=lambda item: (item[1].model.order, item[0]))
    return SiteData(
        settings=settings.model,
        principles=principles.model,
        offer={section_id: located.model for section_id, located in ordered},
        action_plan=action_plan.model if action_plan else None,
        figures=figures.model if figures else None,
        gallery=gallery.model if gallery else None,
        sources=collect.sources,
    )


def _is_identifier(text: str) -> bool:
    return re.fullmatch(ID_PATTERN, text) is not None


IdUse = tuple[str, LoadedFile, tuple[str | int, ...]]


def _unique(
    collect: _Collector,
    items: Sequence[IdUse],
    what: str,
) -> None:
    """Report every id used twice, naming where it was first used."""
    first: dict[str, tuple[LoadedFile, tuple[str | int, ...]]] = {}
    for value, source, path in items:
        if value in first:
            other, other_path = first[value]
            collect.problem(
                source,
                path,
                f"duplicate {what} '{value}': already used at "
                f"{other.path}:{other.line_of(other_path)}; ids must be unique",
            )
        else:
            first[value] = (source, path)


def _check_principles(
    collect: _Collector, principles: Located[PrinciplesFile] | None
) -> set[str] | None:
    if principles is None:
        return None
    source = principles.source
    items = principles.model.principles
    _unique(collect, [(p.id, source, ("principles", i, "id")) for i, p in enumerate(items)], "id")
    for index, principle in enumerate(items, start=1):
        if principle.number != index:
            collect.problem(
                source,
                ("principles", index - 1, "number"),
                f"must be {index}: principles are listed in the Act's order",
            )
    outcome_ids = [
        (outcome.id, source, ("principles", i, "outcomes", j, "id"))
        for i, principle in enumerate(items)
        for j, outcome in enumerate(principle.outcomes)
    ]
    _unique(collect, outcome_ids, "outcome id")
    return {principle.id for principle in items}


def _check_reference(
    collect: _Collector,
    source: LoadedFile,
    path: tuple[str | int, ...],
    value: str,
    known: set[str] | None,
    what: str,
) -> None:
    if known is not None and value not in known:
        guess = difflib.get_close_matches(value, sorted(known), n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else f"known: {', '.join(sorted(known))}"
        collect.problem(source, path, f"unknown {what} '{value}'; {hint}")


def _check_offer(
    collect: _Collector, offer: dict[str, Located[OfferSection]], principle_ids: set[str] | None
) -> None:
    entry_ids: list[IdUse] = []
    for located in offer.values():
        source = located.source
        for i, entry in enumerate(located.model.entries):
            entry_ids.append((entry.id, source, ("entries", i, "id")))
            for j, principle in enumerate(entry.principles):
                where: tuple[str | int, ...] = ("entries", i, "principles", j)
                _check_reference(collect, source, where, principle, principle_ids, "principle")
    _unique(collect, entry_ids, "id")
    for entry_id, source, id_path in entry_ids:
        if entry_id in offer:
            collect.problem(
                source,
                id_path,
                f"'{entry_id}' is already the id of the section data/offer/{entry_id}.yml; "
                "choose a different entry id",
            )


def _check_action_plan(
    collect: _Collector, plan: Located[ActionPlanFile] | None, principle_ids: set[str] | None
) -> None:
    if plan is None:
        return
    source = plan.source
    actions = plan.model.actions
    _unique(collect, [(a.id, source, ("actions", i, "id")) for i, a in enumerate(actions)], "id")
    for i, action in enumerate(actions):
        path = ("actions", i, "principle")
        _check_reference(collect, source, path, action.principle, principle_ids, "principle")


def _check_gallery(
    collect: _Collector,
    gallery: Located[GalleryFile] | None,
    principle_ids: set[str] | None,
    root: Path,
) -> None:
    """Ids, principle links and every piece's safety rules (see macros/gallery.py).

    A piece without consent is not a problem here, so it never stops a build:
    the build leaves it out and ``check`` names it.
    """
    # Imported here to keep the gallery rules in their own module without a cycle.
    from .dates import today
    from .gallery import CACHE_DIR, IMAGE_DIR, piece_problems

    if gallery is None:
        return
    source = gallery.source
    pieces = gallery.model.pieces
    _unique(collect, [(p.id, source, ("pieces", i, "id")) for i, p in enumerate(pieces)], "id")
    build_date = today()
    for i, piece in enumerate(pieces):
        if piece.principle is not None:
            path = ("pieces", i, "principle")
            _check_reference(collect, source, path, piece.principle, principle_ids, "principle")
        for field_path, message in piece_problems(
            piece, root / IMAGE_DIR, build_date, root / CACHE_DIR
        ):
            collect.problem(source, ("pieces", i, *field_path), message)
