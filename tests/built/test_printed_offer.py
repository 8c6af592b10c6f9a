"""The whole offer on one page and its PDF, in the built fixture site.

The PDF is read back with pypdf: its text (every entry's title and amount), its
structure tree (tagged for accessibility), its bookmarks, its language and title, and
the council's contact in every page's footer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import Tag
from pypdf import PdfReader

from macros.derive.print_offer import printed_paths
from macros.derive.site import SiteViews
from macros.derive.urls import relative_url
from tests.conftest import soup_of


def squashed(text: str) -> str:
    """Text with every run of white space as one space (lines in a PDF break anywhere)."""
    return " ".join(text.split())


@pytest.fixture(scope="module")
def pdf(site_dir: Path, views: SiteViews) -> PdfReader:
    return PdfReader(site_dir / printed_paths(views)[1])


@pytest.fixture(scope="module")
def pdf_text(pdf: PdfReader) -> str:
    return squashed(" ".join(page.extract_text() for page in pdf.pages))


def test_the_pdf_has_every_entry_title_and_amount(pdf_text: str, views: SiteViews) -> None:
    checked = 0
    for section in views.sections.values():
        assert squashed(section.title) in pdf_text, section.id
        for entry in section.entries:
            assert squashed(entry.title) in pdf_text, entry.id
            for amount in entry.amounts:
                text = amount.text.striptags()  # the amount is HTML
                assert squashed(text) in pdf_text, (entry.id, text)
                checked += 1
    assert checked >= 3


def test_the_pdf_is_tagged_with_its_title_and_language(pdf: PdfReader, views: SiteViews) -> None:
    root = pdf.trailer["/Root"]
    tree = root["/StructTreeRoot"].get_object()
    assert tree["/K"], "the structure tree is empty"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert str(root["/Lang"]) == views.theme.language
    assert pdf.metadata is not None and pdf.metadata.title == views.theme.site_name
    # PDF/UA-1 declared in the XMP metadata, and the title shown instead of the file name.
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])


def test_every_section_and_entry_is_a_bookmark(pdf: PdfReader, views: SiteViews) -> None:
    outline = pdf.outline
    sections = [item for item in outline if not isinstance(item, list)]
    assert [squashed(item.title) for item in sections] == [
        squashed(section.title) for section in views.sections.values()
    ]
    children = [item for item in outline if isinstance(item, list)]
    assert [[squashed(entry.title) for entry in group] for group in children] == [
        [squashed(entry.title) for entry in section.entries] for section in views.sections.values()
    ]


def test_every_page_has_the_council_contact_and_its_number(
    pdf: PdfReader, views: SiteViews
) -> None:
    contact = views.settings.contact
    total = len(pdf.pages)
    assert total >= 2
    for number, page in enumerate(pdf.pages, start=1):
        text = squashed(page.extract_text())
        assert contact.phone in text and contact.email in text, number
        assert views.words("print.page_number", page=number, pages=total) in text


def test_the_one_page_offer_has_every_entry_review_date_and_the_build_date(
    site_dir: Path, views: SiteViews
) -> None:
    page_url = printed_paths(views)[0]
    soup = soup_of(site_dir / page_url / "index.html")
    text = squashed(soup.get_text(" "))
    assert views.words.date(views.build_date) in text
    for section in views.sections.values():
        heading = soup.find(id=f"print-{section.id}")
        assert isinstance(heading, Tag) and heading.name == "h2"
        for entry in section.entries:
            article = soup.find(id=f"print-{section.id}--{entry.id}")
            assert isinstance(article, Tag) and article.name == "h3"
            assert squashed(entry.title) == squashed(article.get_text())
        review = views.words(
            "print.reviewed", last=section.review.last_reviewed, next=section.review.next_due
        )
        assert review in text
    assert soup.find("script") is None and soup.find("img") is None


def test_the_overview_links_to_the_page_and_the_pdf_with_its_size(
    site_dir: Path, views: SiteViews
) -> None:
    overview_url = views.places.overview
    assert overview_url is not None
    page_url, pdf_url = printed_paths(views)
    overview = soup_of(site_dir / overview_url / "index.html")
    links = {
        str(a["href"]): squashed(a.get_text()) for a in overview.select(".clo-overview__print a")
    }
    page_href, pdf_href = relative_url(overview_url, page_url), relative_url(overview_url, pdf_url)
    assert set(links) == {page_href, pdf_href}
    assert links[page_href] == views.words("print.page_link")
    size = views.words("files.kb", size=-(-(site_dir / pdf_url).stat().st_size // 1024))
    assert links[pdf_href] == views.words("print.pdf_link", size=size)
