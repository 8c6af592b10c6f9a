"""macros.publish.pdf_ahead: other languages' PDFs made by workers, taken only when they
are exactly what the language's build would print."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from macros.pipeline import build_views
from macros.publish import offer_pdf, pdf_ahead
from macros.publish.offer_pdf import made_pdf, print_offer
from tests.conftest import BUILD_DATE

SITE_URL = "https://example.org/care-leavers/"


@pytest.fixture(autouse=True)
def no_workers_left() -> Iterator[None]:
    yield
    pdf_ahead.stop()


def no_weasyprint_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """WeasyPrint refused in this process (a worker is another process)."""

    def refused(html: str, base_url: str, paged: str = "") -> tuple[bytes, int]:
        raise AssertionError("the PDF was made in the build's own process")

    monkeypatch.setattr(offer_pdf, "pdf_from_html", refused)


def start_arabic(project: Path) -> None:
    english, _report = build_views(project, project / "docs", BUILD_DATE)
    pdf_ahead.start(project, project / "docs", BUILD_DATE, SITE_URL, english.languages)


def test_a_language_takes_the_pdf_its_worker_made(
    fixture_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_ahead, "spare_processors", lambda: 1)
    start_arabic(fixture_copy)
    no_weasyprint_here(monkeypatch)
    arabic, _report = build_views(fixture_copy, fixture_copy / "docs", BUILD_DATE, "ar")
    printed = print_offer(arabic, SITE_URL + "ar/", fixture_copy)
    assert printed.pdf.startswith(b"%PDF") and printed.pages >= 1 and not printed.cached
    # What it took is what this build would have printed: the same key, from the cache
    # the worker also wrote.
    key, pdf, pages, cached = made_pdf(arabic, SITE_URL + "ar/", fixture_copy)
    assert cached and (pdf, pages) == (printed.pdf, printed.pages)
    assert key == offer_pdf._cache_key(printed.html + offer_pdf.paged_css(arabic, SITE_URL + "ar/"))


def test_a_pdf_made_from_other_html_is_not_taken(
    fixture_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_ahead, "spare_processors", lambda: 1)
    start_arabic(fixture_copy)
    assert pdf_ahead.take("ar", "the key of some other html") is None
    assert pdf_ahead.take("ar", "asked twice") is None  # taken once, then forgotten


def test_without_a_spare_processor_no_worker_starts(
    fixture_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_ahead, "spare_processors", lambda: 0)
    start_arabic(fixture_copy)
    no_weasyprint_here(monkeypatch)
    arabic, _report = build_views(fixture_copy, fixture_copy / "docs", BUILD_DATE, "ar")
    with pytest.raises(AssertionError, match="own process"):
        print_offer(arabic, SITE_URL + "ar/", fixture_copy)


def test_stopped_workers_give_nothing(fixture_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_ahead, "spare_processors", lambda: 1)
    start_arabic(fixture_copy)
    pdf_ahead.stop()
    assert pdf_ahead.take("ar", "any") is None


def test_a_worker_leaves_bad_data_to_the_build_to_report(fixture_copy: Path) -> None:
    settings = fixture_copy / "data" / "site.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "\nnot_a_field: 1\n", "utf-8")
    made = pdf_ahead.make_ahead(fixture_copy, fixture_copy / "docs", BUILD_DATE, "ar", SITE_URL)
    assert made is None
