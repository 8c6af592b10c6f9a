"""macros.derive.print_offer: the whole offer on one page, as a view."""

from __future__ import annotations

import dataclasses

from macros.derive.print_offer import (
    css_content,
    file_size,
    print_offer_view,
    printed_paths,
    slug,
)
from macros.derive.site import SiteViews
from macros.derive.urls import Places
from macros.words import load_words

EN = load_words("en-GB")


def test_the_view_holds_every_section_in_order(views: SiteViews) -> None:
    view = print_offer_view(views, "https://example.org/care-leavers/")
    assert [section.id for section in view.sections] == list(views.sections)
    assert view.built_on == EN.date(views.build_date)
    assert view.online_url == "https://example.org/care-leavers/" + (views.places.overview or "")
    contact = views.settings.contact
    assert contact.phone in view.footer and contact.email in view.footer
    assert views.settings.council.name in view.footer


def test_the_files_go_in_the_overview_folder(views: SiteViews) -> None:
    page, pdf = printed_paths(views)
    assert page == f"{views.places.overview}whole-offer/"
    assert pdf.startswith(views.places.overview or "") and pdf.endswith(".pdf")
    assert "/" not in pdf.removeprefix(views.places.overview or "")
    moved = dataclasses.replace(views, places=Places(overview="help/offer/"))
    assert printed_paths(moved)[0] == "help/offer/whole-offer/"
    assert printed_paths(dataclasses.replace(views, places=Places()))[0] == "offer/whole-offer/"


def test_a_file_name_is_plain_letters_whatever_the_name() -> None:
    assert slug('Testborough" onmouseover="alert(7) Care Leaver Offer') == (
        "testborough-onmouseover-alert-7-care-leaver-offer"
    )
    assert slug("../../etc/passwd") == "etc-passwd"


def test_sizes_are_written_as_gov_uk_does() -> None:
    assert file_size(1, EN) == "1 KB"
    assert file_size(1024 * 1023, EN) == "1,023 KB"
    assert file_size(1024 * 1024, EN) == "1 MB"
    assert file_size(1024 * 1024 * 12 + 500_000, EN) == "12.5 MB"


def test_page_numbers_from_the_words_are_safe_css() -> None:
    css = css_content(
        'Seite {page} "von" {pages} </style><script>',
        {"page": "counter(page)", "pages": "counter(pages)"},
    )
    assert css.startswith('"Seite " counter(page) " \\"von\\" " counter(pages) ')
    assert "<" not in css
