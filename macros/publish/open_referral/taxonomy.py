"""The council's own vocabularies, published as taxonomies: the offer's sections, the areas
of a care leaver's life and the situations some support is for.

Each service names its terms in ``attributes``, each with the whole ``taxonomy_term``, so
that a consumer needs no second request to know what a term means.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from macros.derive.offer import EntryView
from macros.publish.open_referral.context import FeedContext
from macros.validate.model import STATUTORY_AREAS

SECTIONS = "sections"
AREAS = "areas"
SITUATIONS = "situations"


@dataclass(frozen=True)
class Taxonomy:
    document: dict[str, Any]
    """The taxonomy without its terms, as ``/taxonomies`` lists it."""
    terms: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Its terms by the council's id for them, as ``/taxonomy_terms`` lists them."""

    @property
    def full(self) -> dict[str, Any]:
        """The taxonomy with its terms, as ``/taxonomies/{id}`` gives it."""
        return {**self.document, "taxonomy_terms": list(self.terms.values())}


def _taxonomy(kind: str, name: str, description: str, context: FeedContext) -> Taxonomy:
    return Taxonomy({"id": context.ids("taxonomy", kind), "name": name, "description": description})


def _add_term(
    taxonomy: Taxonomy, kind: str, code: str, name: str, description: str, context: FeedContext
) -> None:
    taxonomy.terms[code] = {
        "id": context.ids("taxonomy_term", kind, code),
        "name": name,
        "description": description,
        "code": code,
        "term": code,
        "taxonomy": taxonomy.document["name"],
        "taxonomy_id": taxonomy.document["id"],
    }


def taxonomies(context: FeedContext) -> dict[str, Taxonomy]:
    """The three taxonomies, by kind: ``sections``, ``areas`` and ``situations``."""
    site, words = context.site, context.words
    offer_title = site.settings.strategy.offer_title
    sections = _taxonomy(
        SECTIONS,
        words("open_referral.sections", offer_title=offer_title),
        words(
            "open_referral.sections_description",
            council=site.settings.council.name,
            offer_title=offer_title,
        ),
        context,
    )
    if site.places.overview is not None:
        sections.document["uri"] = context.url(site.places.overview)
    for section in site.sections.values():
        _add_term(sections, SECTIONS, section.id, section.title, section.description, context)
    areas = _taxonomy(
        AREAS, words("open_referral.areas"), words("open_referral.areas_description"), context
    )
    for statutory in STATUTORY_AREAS:
        area = statutory.id
        name = words(f"areas.{area}")
        description = words("open_referral.statutory_area", name=name, law=statutory.law)
        _add_term(areas, AREAS, area, name, description, context)
    for code, label in context.own_areas.items():
        _add_term(areas, AREAS, code, label, words("open_referral.own_area", name=label), context)
    situations = _taxonomy(
        SITUATIONS,
        words("open_referral.situations"),
        words("open_referral.situations_description"),
        context,
    )
    for situation in site.situations:
        _add_term(
            situations,
            SITUATIONS,
            situation.id,
            situation.label,
            situation.hint or situation.label,
            context,
        )
    return {SECTIONS: sections, AREAS: areas, SITUATIONS: situations}


def attributes(
    entry: EntryView, service_id: str, found: dict[str, Taxonomy], context: FeedContext
) -> list[dict[str, Any]]:
    """The terms that describe a service: its section, its areas of life (``category``),
    the situations it is only for (``eligibility``) or especially for (``audience``)."""
    links = [(SECTIONS, entry.section_id, "category")]
    links += [(AREAS, area, "category") for area in entry.areas]
    links += [(SITUATIONS, item, "eligibility") for item in entry.only_for]
    links += [(SITUATIONS, item, "audience") for item in entry.especially_for]
    result = []
    for kind, code, link_type in links:
        term = found[kind].terms.get(code)
        if term is None:
            continue
        result.append(
            {
                "id": context.ids("attribute", entry.id, kind, code),
                "link_id": service_id,
                "link_type": link_type,
                "link_entity": "service",
                "taxonomy_term_id": term["id"],
                "taxonomy_term": term,
            }
        )
    return result
