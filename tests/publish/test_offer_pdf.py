"""macros.publish.offer_pdf: the PDF is made from the HTML once, then taken from the cache."""

from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest
from pypdf import PdfReader

from macros.derive.site import SiteViews
from macros.publish import offer_pdf
from macros.publish.offer_pdf import CACHE_FOLDER, pdf_from_html, print_offer

SITE_URL = "https://example.org/care-leavers/"


def test_the_pdf_is_reused_while_the_page_is_the_same(
    views: SiteViews, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = print_offer(views, SITE_URL, tmp_path)
    assert not first.cached and first.pages >= 1
    assert list((tmp_path / CACHE_FOLDER).glob("*.pdf"))

    def no_weasyprint(html: str, base_url: str, paged: str = "") -> tuple[bytes, int]:
        raise AssertionError("the PDF was made again")

    monkeypatch.setattr(offer_pdf, "pdf_from_html", no_weasyprint)
    again = print_offer(views, SITE_URL, tmp_path)
    assert again.cached and again.pdf == first.pdf and again.pages == first.pages
    assert again.offer == first.offer

    # Another address is another page (its links), so another PDF.
    with pytest.raises(AssertionError, match="made again"):
        print_offer(views, "https://example.org/other/", tmp_path)


def test_a_read_only_cache_still_gives_a_pdf(views: SiteViews, tmp_path: Path) -> None:
    (tmp_path / ".cache").write_text("a file where the folder would be")
    printed = print_offer(views, SITE_URL, tmp_path)
    assert printed.pdf.startswith(b"%PDF") and not printed.cached


class _Recorder(BaseHTTPRequestHandler):
    asked: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.asked.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"h1 { color: red }")

    def log_message(self, format: str, *args: object) -> None:
        pass


def test_nothing_is_fetched_for_the_pdf() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    here = f"http://127.0.0.1:{server.server_address[1]}"
    html = (
        f'<html lang="en"><head><title>T</title><link rel="stylesheet" href="{here}/x.css">'
        f'</head><body><h1>Hello</h1><img src="{here}/x.png" alt=""><img src="y.png" alt="">'
        "</body></html>"
    )
    try:
        pdf, pages = pdf_from_html(html, here + "/offer/")
    finally:
        server.shutdown()
        server.server_close()
    assert _Recorder.asked == []
    assert pages == 1 and "Hello" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
