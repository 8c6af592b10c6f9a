"""The data model: what each YAML file may contain.

The model is the single source of truth for field names and types; the JSON
Schema for editors and the error messages both come from it.
"""

from .action_plan import Action, ActionPlanFile, Milestone, MilestoneStatus
from .areas import STATUTORY_AREAS, Area, AreasFile
from .arrangements import REQUIRED_PARTS, ArrangementsFile
from .care_leavers import CareLeaversFile, Category
from .changes import Change, ChangesFile
from .figures import FiguresFile
from .gallery import GalleryFile, Piece
from .glossary import GlossaryFile, GlossaryTerm
from .offer import Amount, Duty, Entry, OfferSection, Role, Where
from .organisations import Organisation, OrganisationsFile
from .places import Place, PlacesFile
from .principles import Principle, PrinciplesFile
from .site import HelpContact, SiteSettings
from .situations import Situation, SituationsFile

__all__ = [
    "REQUIRED_PARTS",
    "STATUTORY_AREAS",
    "Action",
    "ActionPlanFile",
    "Amount",
    "Area",
    "AreasFile",
    "ArrangementsFile",
    "CareLeaversFile",
    "Category",
    "Change",
    "ChangesFile",
    "Duty",
    "Entry",
    "FiguresFile",
    "GalleryFile",
    "GlossaryFile",
    "GlossaryTerm",
    "HelpContact",
    "Milestone",
    "MilestoneStatus",
    "OfferSection",
    "Organisation",
    "OrganisationsFile",
    "Piece",
    "Place",
    "PlacesFile",
    "Principle",
    "PrinciplesFile",
    "Role",
    "SiteSettings",
    "Situation",
    "SituationsFile",
    "Where",
]
