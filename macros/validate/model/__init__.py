"""The data model: what each YAML file may contain.

The model is the single source of truth for field names and types; the JSON
Schema for editors and the error messages both come from it.
"""

from .action_plan import Action, ActionPlanFile, Milestone, MilestoneStatus
from .figures import FiguresFile
from .gallery import GalleryFile, Piece
from .offer import Duty, Entry, OfferSection, ProviderType, StatutoryArea
from .principles import Principle, PrinciplesFile
from .site import HelpContact, SiteSettings

__all__ = [
    "Action",
    "ActionPlanFile",
    "Duty",
    "Entry",
    "FiguresFile",
    "GalleryFile",
    "HelpContact",
    "Milestone",
    "MilestoneStatus",
    "OfferSection",
    "Piece",
    "Principle",
    "PrinciplesFile",
    "ProviderType",
    "SiteSettings",
    "StatutoryArea",
]
