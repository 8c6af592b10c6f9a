"""The registry of data files: where each lives, which model it follows, and whether it is needed.

This one list feeds the loader (``macros/validate/site_data.py``), the JSON Schemas for
editors (``macros/tools/schema.py``), the README's reference tables
(``macros/tools/reference.py``) and the ``new-entry`` scaffold (``macros/tools/editing.py``).
To add a data file, add a model and one line here.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from .action_plan import ActionPlanFile
from .areas import AreasFile
from .arrangements import ArrangementsFile
from .care_leavers import CareLeaversFile
from .changes import ChangesFile
from .figures import FiguresFile
from .gallery import GalleryFile
from .glossary import GlossaryFile
from .offer import OfferSection
from .organisations import OrganisationsFile
from .places import PlacesFile
from .principles import PrinciplesFile
from .site import SiteSettings
from .situations import SituationsFile
from .translations import OfferSectionTranslation, SiteTranslation


@dataclass(frozen=True)
class DataFile:
    """One kind of data file.

    >>> SITE.path, SITE.schema
    ('data/site.yml', 'site.schema.json')
    >>> OFFER.path
    'data/offer/<section>.yml'
    """

    key: str
    """Name of the validated value in ``SiteData`` (e.g. ``settings``)."""
    path: str
    """Path from the project folder; ``<section>`` stands for every file of a folder."""
    model: type[BaseModel]
    required: bool
    schema: str
    """File name of the JSON Schema in ``data/schemas/``."""

    @property
    def folder(self) -> str | None:
        """The folder of a one-file-per-item kind (``data/offer``), else None.

        >>> OFFER.folder, SITE.folder
        ('data/offer', None)
        """
        if "<" not in self.path:
            return None
        return self.path.rsplit("/", 1)[0]


SITE = DataFile("settings", "data/site.yml", SiteSettings, True, "site.schema.json")
PRINCIPLES = DataFile(
    "principles", "data/principles.yml", PrinciplesFile, True, "principles.schema.json"
)
OFFER = DataFile(
    "offer", "data/offer/<section>.yml", OfferSection, True, "offer-section.schema.json"
)
ACTION_PLAN = DataFile(
    "action_plan", "data/action_plan.yml", ActionPlanFile, False, "action-plan.schema.json"
)
FIGURES = DataFile("figures", "data/figures.yml", FiguresFile, False, "figures.schema.json")
GALLERY = DataFile("gallery", "data/gallery.yml", GalleryFile, False, "gallery.schema.json")
GLOSSARY = DataFile("glossary", "data/glossary.yml", GlossaryFile, False, "glossary.schema.json")

ORGANISATIONS = DataFile(
    "organisations",
    "data/organisations.yml",
    OrganisationsFile,
    True,
    "organisations.schema.json",
)
PLACES = DataFile("places", "data/places.yml", PlacesFile, False, "places.schema.json")
AREAS = DataFile("areas", "data/areas.yml", AreasFile, False, "areas.schema.json")
SITUATIONS = DataFile(
    "situations", "data/situations.yml", SituationsFile, False, "situations.schema.json"
)
ARRANGEMENTS = DataFile(
    "arrangements", "data/arrangements.yml", ArrangementsFile, True, "arrangements.schema.json"
)
CHANGES = DataFile("changes", "data/changes.yml", ChangesFile, False, "changes.schema.json")
CARE_LEAVERS = DataFile(
    "care_leavers", "data/care_leavers.yml", CareLeaversFile, False, "care-leavers.schema.json"
)

DATA_FILES: tuple[DataFile, ...] = (
    SITE,
    PRINCIPLES,
    ORGANISATIONS,
    PLACES,
    AREAS,
    SITUATIONS,
    CARE_LEAVERS,
    OFFER,
    ARRANGEMENTS,
    CHANGES,
    ACTION_PLAN,
    FIGURES,
    GALLERY,
    GLOSSARY,
)
"""Every kind of data file, in the order they are checked and documented."""


@dataclass(frozen=True)
class TranslationFile:
    """One kind of translation file: beside the English file it translates, with the
    language's code before ``.yml``.

    >>> OFFER_TRANSLATION.path_for("money", "ar"), SITE_TRANSLATION.path_for("", "ar")
    ('data/offer/money.ar.yml', 'data/site.ar.yml')
    """

    key: str
    path: str
    """Path from the project folder; ``<language>`` stands for a language's code."""
    model: type[BaseModel]
    translates: DataFile
    schema: str

    def path_for(self, item_id: str, language: str) -> str:
        return self.path.replace("<section>", item_id).replace("<language>", language)


OFFER_TRANSLATION = TranslationFile(
    "offer",
    "data/offer/<section>.<language>.yml",
    OfferSectionTranslation,
    OFFER,
    "offer-section-translation.schema.json",
)
SITE_TRANSLATION = TranslationFile(
    "site", "data/site.<language>.yml", SiteTranslation, SITE, "site-translation.schema.json"
)

TRANSLATION_FILES: tuple[TranslationFile, ...] = (SITE_TRANSLATION, OFFER_TRANSLATION)
"""Every kind of translation file (a sibling of ``DATA_FILES``): the loader, the JSON
Schemas and the README's reference tables are made from both."""
