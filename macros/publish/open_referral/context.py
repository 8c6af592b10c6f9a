"""What every part of the feed is made from: one site's views, its data and its ids."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from macros.derive.site import SiteViews
from macros.publish.open_referral.ids import FeedIds
from macros.validate.model import Entry, OfferSection, Organisation, Place
from macros.validate.site_data import SiteData
from macros.words import Words


@dataclass(frozen=True)
class FeedContext:
    site: SiteViews
    ids: FeedIds
    base_url: str
    """The site's address with a trailing slash, for absolute links to pages."""
    organisations: Mapping[str, Organisation]
    places: Mapping[str, Place]
    offer: Mapping[str, OfferSection]
    entries: Mapping[str, Entry]
    """Every entry as written in the data, by id (ids are unique across sections)."""
    own_areas: Mapping[str, str]
    """Names of the council's own areas of life (``data/areas.yml``), by id."""

    @property
    def words(self) -> Words:
        return self.site.words

    @property
    def build_date(self) -> dt.date:
        return self.site.build_date

    def url(self, site_path: str) -> str:
        """The absolute address of a page of the site, e.g. ``offer/money/#grant``."""
        return self.base_url + site_path


def feed_context(site: SiteViews, data: SiteData, site_url: str) -> FeedContext:
    """The context of one build's feed."""
    return FeedContext(
        site=site,
        ids=FeedIds(site_url),
        base_url=site_url.rstrip("/") + "/",
        organisations={item.id: item for item in site.organisations},
        places={place.id: place for place in (data.places.places if data.places else [])},
        offer=data.offer,
        entries={entry.id: entry for section in data.offer.values() for entry in section.entries},
        own_areas={area.id: area.label for area in (data.areas.areas if data.areas else [])},
    )
