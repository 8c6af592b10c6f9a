"""The whole offer as one document, for paper and PDF: pure functions to a frozen view.

One page holds every section and entry (amounts, who can get it, how, contacts, review
dates) and the date it was built; ``macros/publish/offer_pdf.py`` makes the PDF from the
same HTML. Both live in the offer's folder: ``<overview>whole-offer/`` and
``<overview><site name>.pdf``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markupsafe import Markup

from macros.derive.offer import PlaceView, SectionView
from macros.derive.phones import sms_href, tel_href
from macros.validate.model import SiteSettings
from macros.words import Words

if TYPE_CHECKING:
    from macros.derive.site import SiteViews

PRINT_FOLDER = "whole-offer/"
"""Where the one-page offer is, in the overview's folder."""
DEFAULT_OFFER_FOLDER = "offer/"
"""The offer's folder when no page shows the overview."""


@dataclass(frozen=True)
class PrintedOffer:
    """Where the one-page offer and its PDF are, and the PDF's size for its link."""

    page_url: str
    """Site URL of the one-page offer, e.g. ``offer/whole-offer/``."""
    pdf_url: str
    """Site URL of the PDF, e.g. ``offer/fellshire-care-leaver-offer.pdf``."""
    pdf_size: str
    """Its size for people, e.g. "420 KB"."""


@dataclass(frozen=True)
class PrintOfferView:
    """Everything the one-page offer shows."""

    title: str
    """The document's title: the site's name, e.g. "Anyshire Care Leaver Offer"."""
    offer_title: str
    council: str
    settings: SiteSettings
    sections: tuple[SectionView, ...]
    built_on: str
    built_on_iso: str
    page_url: str
    online_url: str
    """The offer overview's full address, where the latest version always is."""
    phone_href: str
    text_href: str | None
    out_of_hours_href: str
    team_places: tuple[PlaceView, ...]
    footer: str
    """The council's contact for every page's footer, as one line of text."""
    page_numbers: Markup
    """CSS ``content`` for "Page 1 of 9", from the words (safe in a ``<style>``)."""
    language: str
    direction: str


def slug(text: str) -> str:
    """Lower-case letters and digits joined by hyphens, for a file name.

    >>> slug('Testborough" onmouseover="alert(7) Care Leaver Offer')
    'testborough-onmouseover-alert-7-care-leaver-offer'
    >>> slug("Ynys Môn Cynnig"), slug("***")
    ('ynys-mon-cynnig', 'offer')
    """
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", plain.lower())
    return "-".join(words) or "offer"


def offer_folder(overview: str | None) -> str:
    """The folder of the overview page, where the printed offer goes.

    >>> offer_folder("offer/"), offer_folder("help/offer/"), offer_folder(None)
    ('offer/', 'help/offer/', 'offer/')
    >>> offer_folder("care-leaver-offer/"), offer_folder("")
    ('care-leaver-offer/', '')
    """
    return DEFAULT_OFFER_FOLDER if overview is None else overview


def file_size(size: int, words: Words) -> str:
    """A file's size as GOV.UK writes it: whole kilobytes, or megabytes to one decimal.

    >>> from macros.words import load_words
    >>> words = load_words("en-GB")
    >>> file_size(430_080, words), file_size(1_300_000, words), file_size(10, words)
    ('420 KB', '1.2 MB', '1 KB')
    """
    kilobytes = math.ceil(size / 1024)
    if kilobytes < 1024:
        return words("files.kb", size=words.number(kilobytes))
    return words("files.mb", size=words.number(round(size / 1024 / 1024, 1)))


def css_string(text: str) -> str:
    """``text`` as a CSS string, safe whatever it holds, also inside ``<style>``.

    >>> print(css_string('Page "1" \\\\ </style>'))
    "Page \\"1\\" \\\\ \\3c /style>"
    """
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ")
    return '"' + escaped.replace("<", "\\3c ") + '"'


def css_content(words_text: str, values: Mapping[str, str]) -> Markup:
    """Words with placeholders as a CSS ``content`` value, each placeholder replaced by
    its CSS (such as ``counter(page)``) and the words between as CSS strings.

    >>> str(css_content("Page {page} of {pages}", {"page": "counter(page)", "pages": "counter(pages)"}))
    '"Page " counter(page) " of " counter(pages)'
    """
    parts = []
    for index, piece in enumerate(re.split(r"\{(\w+)\}", words_text)):
        if index % 2:
            parts.append(values[piece])
        elif piece:
            parts.append(css_string(piece))
    return Markup(" ".join(parts))


def printed_paths(site: SiteViews) -> tuple[str, str]:
    """(site URL of the one-page offer, site URL of its PDF).

    Example: ``("offer/whole-offer/", "offer/fellshire-care-leaver-offer.pdf")``.
    """
    folder = offer_folder(site.places.overview)
    return folder + PRINT_FOLDER, f"{folder}{slug(site.theme.site_name)}.pdf"


def print_offer_view(site: SiteViews, site_url: str) -> PrintOfferView:
    """The one-page offer of a build.

    Example: ``print_offer_view(site, "https://example.org/care-leavers/").page_url``
    -> ``'offer/whole-offer/'``
    """
    settings = site.settings
    contact = settings.contact
    words = site.words
    page_url, _ = printed_paths(site)
    overview = site.places.overview if site.places.overview is not None else ""
    return PrintOfferView(
        title=site.theme.site_name,
        offer_title=settings.strategy.offer_title,
        council=settings.council.name,
        settings=settings,
        sections=tuple(site.sections.values()),
        built_on=words.date(site.build_date),
        built_on_iso=site.build_date.isoformat(),
        page_url=page_url,
        online_url=site_url.rstrip("/") + "/" + overview,
        phone_href=tel_href(contact.phone),
        text_href=sms_href(contact.text) if contact.text else None,
        out_of_hours_href=tel_href(contact.out_of_hours_phone),
        team_places=site.team_places,
        footer=words(
            "print.footer",
            council=settings.council.name,
            team=contact.team,
            phone=contact.phone,
            email=contact.email,
        ),
        page_numbers=css_content(
            words.text("print.page_number"),
            {"page": "counter(page)", "pages": "counter(pages)"},
        ),
        language=site.theme.language,
        direction=site.theme.direction,
    )
