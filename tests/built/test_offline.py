"""The service worker of the built fixture site: what it saves, and how pages name it.

How it behaves in a browser (offline, after a new publish) is in
``tests/browser_tests/test_offline.py``.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup, Tag

from macros.derive.offline import OFFLINE_PAGE, page_assets
from macros.derive.print_offer import printed_paths
from macros.derive.site import SiteViews
from macros.publish.offline import SW_FILE
from macros.publish.workbox import MODULES, VENDOR_DIR, module_file, workbox_folder
from tests.conftest import built_pages, soup_of

ROOT_URL = "https://site.test/care-leavers/"


@pytest.fixture(scope="module")
def settings(site_dir: Path) -> dict[str, Any]:
    return worker_settings(site_dir)


def worker_settings(site_dir: Path) -> dict[str, Any]:
    """What the build wrote into sw.js before the worker's own code."""
    first_line = (site_dir / SW_FILE).read_text(encoding="utf-8").split("\n", 1)[0]
    match = re.fullmatch(r"self\.CLO_OFFLINE = (\{.*\});", first_line)
    assert match is not None, first_line[:200]
    loaded: dict[str, Any] = json.loads(match.group(1))
    return loaded


def file_of(site_dir: Path, url: str) -> Path:
    path = site_dir / url.removeprefix("./")
    return path / "index.html" if url.endswith("/") else path


def test_the_offer_and_help_pages_are_saved(settings: dict[str, Any], views: SiteViews) -> None:
    saved = {entry["url"] for entry in settings["precache"]}
    assert views.places.overview is not None
    expected = {
        "./",
        views.places.overview,
        "need-help-now/",
        "changes/",
        printed_paths(views)[0],
        OFFLINE_PAGE,
        *(section.url for section in views.sections.values()),
        *views.places.easy_read.values(),
    }
    if views.arrangements is not None and views.arrangements.url is not None:
        expected.add(views.arrangements.url)
    assert expected <= saved
    assert set(settings["pages"]) == expected - {OFFLINE_PAGE}
    for left_out in ("strategy/principles/", "gallery/", "reviews/", "search/", "404.html"):
        assert left_out not in saved, left_out


def test_each_saved_file_exists_with_its_revision(settings: dict[str, Any], site_dir: Path) -> None:
    urls = [entry["url"] for entry in settings["precache"]]
    assert len(urls) == len(set(urls))
    for entry in settings["precache"]:
        content = file_of(site_dir, entry["url"]).read_bytes()
        assert entry["revision"] == hashlib.sha256(content).hexdigest()[:16], entry["url"]


def test_what_saved_pages_load_is_saved_and_pictures_are_not(
    settings: dict[str, Any], site_dir: Path
) -> None:
    saved = {entry["url"] for entry in settings["precache"]}
    for url in [*settings["pages"], OFFLINE_PAGE]:
        path = file_of(site_dir, url)
        relative = path.relative_to(site_dir).as_posix()
        needed = page_assets(path.read_text(encoding="utf-8"), relative)
        assert needed, url
        assert needed <= saved, (url, needed - saved)
    assert "manifest.webmanifest" in saved
    pictures = [url for url in saved if re.search(r"\.(jpe?g|webp|gif)$|assets/gallery/", url)]
    assert pictures == []
    assert not [url for url in saved if url.endswith(".pdf")]


def test_the_worker_carries_the_notice_from_the_catalogue(
    settings: dict[str, Any], site_dir: Path, views: SiteViews
) -> None:
    words = views.words
    notice = BeautifulSoup(settings["notice"], "html.parser")
    expected = words(
        "offline.notice",
        offer_title=views.settings.strategy.offer_title,
        date=words.date(views.build_date),
    )
    assert " ".join(notice.get_text(" ").split()) == f"{expected} {words('offline.saved_link')}"
    assert [str(a["href"]) for a in notice.find_all("a")] == [settings["noticeLink"]]
    script = (site_dir / SW_FILE).read_text(encoding="utf-8")
    assert not re.search(r"https?://", script), "the worker names no other host"
    assert "<" not in script.split("\n", 1)[0], "the settings hold no markup as itself"


def test_workbox_is_published_from_the_vendored_copy(
    settings: dict[str, Any], site_dir: Path
) -> None:
    assert settings["workbox"] == workbox_folder()
    assert settings["modules"] == list(MODULES)
    for name in MODULES:
        published = site_dir / workbox_folder() / module_file(name)
        assert published.read_bytes() == (VENDOR_DIR / module_file(name)).read_bytes()
    assert (site_dir / workbox_folder() / "LICENSE").is_file()


def test_every_theme_page_names_the_manifest_and_the_worker(
    site_dir: Path, views: SiteViews
) -> None:
    languages = {language.code for language in views.languages if not language.default}
    assert languages, "the fixture site has other languages"
    checked = 0
    for page in built_pages(site_dir):
        soup = soup_of(page)
        if soup.select_one("article.md-content__inner") is None:
            continue  # the one-page offer: a document of its own, to print
        relative = page.relative_to(site_dir).as_posix()
        # Added after the first paint (overrides/main.html, "later"), from a template.
        later = soup.select_one("template[data-clo-later]")
        assert later is not None, relative
        link = later.find("link", rel="manifest")
        assert isinstance(link, Tag), relative
        # Each language is an app of its own, in its folder (ar/manifest.webmanifest).
        first = relative.split("/", 1)[0]
        folder = f"{first}/" if first in languages else ""
        base = urljoin(ROOT_URL, relative)  # 404.html's links start at the server's root
        manifest = ROOT_URL + folder + "manifest.webmanifest"
        assert urljoin(base, str(link["href"])) == manifest, relative
        assert urljoin(base, str(link["data-clo-service-worker"])) == ROOT_URL + folder + SW_FILE
        checked += 1
    assert checked >= 10
