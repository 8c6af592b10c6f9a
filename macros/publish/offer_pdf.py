"""The whole offer on one page and as a PDF, made from the same HTML.

``print_offer`` renders the one-page offer (``print-offer.html``) and makes its PDF with
WeasyPrint, before the pages are built, so the overview can give the PDF's size in its
link. The PDF is tagged for accessibility (PDF/UA-1: a structure tree, the language and
the title), its text can be selected and searched, each section and entry is a bookmark,
and every page's footer has the council's contact.

WeasyPrint takes a few seconds even for a small offer, so PDFs are kept in
``.cache/offer-pdf/`` by a hash of the HTML (and of WeasyPrint's version): a build whose
one-page offer is the same reuses the last PDF. The HTML holds the build date, so the
PDF is made again at most once a day, and whenever the offer changes.

WeasyPrint fetches nothing: the document's styles are in it, it has no picture, and
its fetcher refuses every address (links stay links).
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from markupsafe import Markup

from macros.cache_files import write_whole
from macros.derive.print_offer import (
    PrintedOffer,
    file_size,
    print_offer_view,
    printed_paths,
)
from macros.derive.site import SiteViews
from macros.derive.urls import relative_url
from macros.derive.web_app import FAVICON
from macros.publish import pdf_ahead
from macros.render.engine import render

log = logging.getLogger("mkdocs.plugins.clo")

CACHE_FOLDER = Path(".cache") / "offer-pdf"
PDF_VARIANT = "pdf/ua-1"
KEEP = 12
"""PDFs kept in the cache: the newest few (one per language per build), so switching
branches back and forth is quick."""


@dataclass(frozen=True)
class PrintedFiles:
    """The one-page offer and its PDF, made before the pages are built."""

    offer: PrintedOffer
    page_path: str
    """Where the page is written in the site, e.g. ``offer/whole-offer/index.html``."""
    html: str
    pdf_path: str
    pdf: bytes
    pages: int
    seconds: float
    cached: bool


def print_page_html(site: SiteViews, site_url: str) -> Markup:
    """The one-page offer as an HTML document, links relative to its own address."""
    view = print_offer_view(site, site_url)
    return render(
        "print-offer.html",
        site.words,
        view=view,
        href=lambda url: relative_url(view.page_url, url),
        favicon=FAVICON,
    )


def paged_css(site: SiteViews, site_url: str) -> str:
    """The PDF's paged-media CSS (footer, page numbers, bookmarks): WeasyPrint's own
    properties, given to it beside the page rather than in it, so the page is valid."""
    view = print_offer_view(site, site_url)
    return str(render("print-paged.css", site.words, page_numbers=view.page_numbers))


def pdf_from_html(html: str, base_url: str, paged: str = "") -> tuple[bytes, int]:
    """A tagged PDF (PDF/UA-1) of ``html`` (with the paged-media CSS ``paged``) and its
    number of pages."""
    # A second or so to import: only when a PDF is made.
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    options = {"pdf_variant": PDF_VARIANT, "pdf_tags": True}
    refuse_all = URLFetcher(allowed_protocols=())  # no address of any kind is fetched
    sheets = [CSS(string=paged, url_fetcher=refuse_all)] if paged else []
    page = HTML(string=html, base_url=base_url, url_fetcher=refuse_all)
    document = page.render(stylesheets=sheets, **options)
    pdf = document.write_pdf(**options)
    return pdf, len(document.pages)


def _cache_key(html: str) -> str:
    # The version from the package's metadata: importing WeasyPrint takes a second.
    text = f"{version('weasyprint')}\n{PDF_VARIANT}\n{html}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _cached_pdf(
    html: str, base_url: str, cache_dir: Path, paged: str = ""
) -> tuple[bytes, int, bool]:
    key = _cache_key(html + paged)
    for cached in cache_dir.glob(f"{key}-*.pdf"):  # named <key>-<pages>.pdf
        return cached.read_bytes(), int(cached.stem.rsplit("-", 1)[1]), True
    pdf, pages = pdf_from_html(html, base_url, paged)
    try:
        write_whole(cache_dir / f"{key}-{pages}.pdf", pdf)  # never half a PDF cached
        for old in sorted(cache_dir.glob("*.pdf"), key=lambda path: path.stat().st_mtime)[:-KEEP]:
            old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only checkout builds the PDF every time
    return pdf, pages, False


def _print_inputs(site: SiteViews, site_url: str) -> tuple[str, str, str]:
    """The one-page offer's HTML, the address it is printed from and its paged CSS."""
    page_url, _pdf_url = printed_paths(site)
    html = str(print_page_html(site, site_url)) + "\n"
    return html, site_url.rstrip("/") + "/" + page_url, paged_css(site, site_url)


def pdf_is_cached(site: SiteViews, site_url: str, project_root: Path) -> bool:
    """Whether this build's PDF is in the cache already (then so, most likely, are the
    other languages' PDFs, and none is made ahead)."""
    html, _base_url, paged = _print_inputs(site, site_url)
    key = _cache_key(html + paged)
    return any((project_root / CACHE_FOLDER).glob(f"{key}-*.pdf"))


def made_pdf(site: SiteViews, site_url: str, project_root: Path) -> tuple[str, bytes, int, bool]:
    """The PDF of the offer (from the cache when its HTML is unchanged): the HTML's cache
    key, the PDF, its number of pages and whether it came from the cache."""
    html, base_url, paged = _print_inputs(site, site_url)
    pdf, pages, cached = _cached_pdf(html, base_url, project_root / CACHE_FOLDER, paged)
    return _cache_key(html + paged), pdf, pages, cached


def print_offer(site: SiteViews, site_url: str, project_root: Path) -> PrintedFiles:
    """The one-page offer and its PDF (made ahead by a worker, see ``pdf_ahead.py``, or
    from the cache when the page is unchanged, or made now)."""
    page_url, pdf_url = printed_paths(site)
    html, base_url, paged = _print_inputs(site, site_url)
    started = time.perf_counter()
    code = site.language.code if site.language is not None else None
    ahead = pdf_ahead.take(code, _cache_key(html + paged))
    if ahead is not None:
        pdf, pages, cached = ahead.pdf, ahead.pages, False
    else:
        pdf, pages, cached = _cached_pdf(html, base_url, project_root / CACHE_FOLDER, paged)
    seconds = time.perf_counter() - started
    log.info(
        "Offer PDF: %d pages, %s%s in %.1f s",
        pages,
        file_size(len(pdf), site.words),
        " from the cache" if cached else (" made alongside" if ahead is not None else ""),
        seconds,
    )
    return PrintedFiles(
        offer=PrintedOffer(page_url, pdf_url, file_size(len(pdf), site.words)),
        page_path=page_url + "index.html",
        html=html,
        pdf_path=pdf_url,
        pdf=pdf,
        pages=pages,
        seconds=seconds,
        cached=cached,
    )


def write_printed(printed: PrintedFiles, site_dir: Path) -> None:
    """Write the one-page offer and its PDF into the built site."""
    for relative, content in (
        (printed.page_path, printed.html.encode("utf-8")),
        (printed.pdf_path, printed.pdf),
    ):
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
