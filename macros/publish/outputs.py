"""Files written beside the pages: the machine-readable exports and the gallery pictures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from macros.derive.changes import FEED_PATH
from macros.derive.site import SiteViews
from macros.publish.feed import atom_feed
from macros.publish.images import CACHE_FOLDER, publish_images
from macros.publish.open_referral import services
from macros.publish.review_report import review_json
from macros.validate.rules.gallery import IMAGE_FOLDER
from macros.validate.site_data import SiteData

REVIEW_JSON = "review.json"
OPEN_REFERRAL_JSON = "open-referral/services.json"


def exports(site: SiteViews, site_url: str) -> dict[str, Any]:
    """The machine-readable files, by path in the site."""
    build_date = site.build_date.isoformat()
    return {
        REVIEW_JSON: review_json(site.review_rows, build_date),
        OPEN_REFERRAL_JSON: services(site.sections.values(), site_url, build_date),
    }


def write_outputs(
    site: SiteViews, data: SiteData, site_url: str, project_root: Path, site_dir: Path
) -> None:
    """Write the exports and the published gallery pictures into the built site."""
    for relative, content in exports(site, site_url).items():
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", "utf-8")
    title = site.words("changes.feed_title", offer_title=site.settings.strategy.offer_title)
    feed = atom_feed(site.changes, site_url, title, site.places.changes, site.build_date)
    (site_dir / FEED_PATH).write_text(feed, encoding="utf-8")
    originals = {
        facts.sha256: project_root / IMAGE_FOLDER / name for name, facts in data.pictures.items()
    }
    publish_images(originals, site.gallery.images, project_root / CACHE_FOLDER, site_dir)
