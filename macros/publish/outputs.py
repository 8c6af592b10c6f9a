"""Files written beside the pages: the machine-readable exports and the gallery pictures."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from macros.derive.changes import FEED_PATH
from macros.derive.exports import REVIEW_JSON
from macros.derive.site import SiteViews
from macros.publish.feed import atom_feed
from macros.publish.images import CACHE_FOLDER, publish_images
from macros.publish.open_referral import feed_documents, feed_files, file_paths
from macros.publish.review_report import review_json
from macros.validate.rules.gallery import IMAGE_FOLDER
from macros.validate.site_data import SiteData

OPEN_REFERRAL_SERVICES = file_paths("/services")[1]
"""The Open Referral UK feed's list of services, served as JSON (the reviewers' page links
to it); every file of the feed is in ``macros/publish/open_referral/feed.py``."""


def exports(site: SiteViews, site_url: str) -> dict[str, Any]:
    """The machine-readable files written from a view alone, by path in the site."""
    build_date = site.build_date.isoformat()
    return {REVIEW_JSON: review_json(site.review_rows, build_date)}


SHARED_EXPORTS = (REVIEW_JSON, OPEN_REFERRAL_SERVICES)
"""What another language's pages link to beside them (the reviewers' page): copies of
the site's own, never a second feed."""


def share_exports(site_dir: Path, codes: Iterable[str]) -> None:
    """Copy ``SHARED_EXPORTS`` from the site's folder into each other language's,
    ``<site_dir>/<code>/``. The site's own build does it once every language is built:
    a language built beside it (``languages.start_beside``) finishes before or after the
    site's own exports are written, so it cannot copy them itself.
    """
    for code in codes:
        for relative in SHARED_EXPORTS:
            own, copy = site_dir / relative, site_dir / code / relative
            if own.is_file():
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(own, copy)


FEED_WRITERS = 4
"""Threads that write the feed's files: a large offer's feed is over a thousand small
files (one per service), and creating a file is mostly waiting for the disk."""


def _write_file(item: tuple[str, bytes]) -> None:
    path, content = item
    with open(path, "wb") as file:
        file.write(content)


def write_feed(site: SiteViews, data: SiteData, site_url: str, site_dir: Path) -> int:
    """Write every file of the Open Referral UK feed; returns how many."""
    files = feed_files(feed_documents(site, data, site_url))
    items = [(os.path.join(site_dir, relative), content) for relative, content in files.items()]
    for folder in sorted({os.path.dirname(path) for path, _ in items}):
        os.makedirs(folder, exist_ok=True)
    with ThreadPoolExecutor(FEED_WRITERS) as pool:
        for _ in pool.map(_write_file, items):
            pass  # re-raises the first error
    return len(items)


def write_outputs(
    site: SiteViews,
    data: SiteData,
    site_url: str,
    project_root: Path,
    site_dir: Path,
    exports_too: bool = True,
) -> None:
    """Write the exports and the published gallery pictures into the built site.

    ``exports_too`` is False in the build of another language: the pages in it need their
    pictures and changes feed beside them; review.json and the Open Referral feed are
    written once, for the whole site, by the site's own language (``share_exports``).
    """
    if exports_too:
        for relative, content in exports(site, site_url).items():
            target = site_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", "utf-8")
        write_feed(site, data, site_url, site_dir)
    title = site.words("changes.feed_title", offer_title=site.settings.strategy.offer_title)
    feed = atom_feed(site.changes, site_url, title, site.places.changes, site.build_date)
    (site_dir / FEED_PATH).write_text(feed, encoding="utf-8")
    originals = {
        facts.sha256: project_root / IMAGE_FOLDER / name for name, facts in data.pictures.items()
    }
    publish_images(originals, site.gallery.images, project_root / CACHE_FOLDER, site_dir)
