"""What the build publishes for other systems, and where, so that pages can link to it.

One list: the publish step writes each file at its path (``macros/publish/outputs.py``,
``macros/publish/open_referral/``, ``macros/publish/feed.py``), and the ``data_feeds()``
macro links to each with its words (``feeds.<key>`` in the catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.derive.changes import FEED_PATH


@dataclass(frozen=True)
class Export:
    path: str
    """Where it is in the site, e.g. ``review.json``."""
    key: str
    """Its words in the catalogue: ``feeds.<key>``."""


REVIEW_JSON = "review.json"
OPEN_REFERRAL_FOLDER = "open-referral"
"""The Open Referral UK feed's base URL is ``<site_url>open-referral``."""

EXPORTS: tuple[Export, ...] = (
    Export(f"{OPEN_REFERRAL_FOLDER}/services.json", "open_referral"),
    Export(REVIEW_JSON, "review_json"),
    Export(FEED_PATH, "changes"),
)
"""Every file for other systems, in the order a page lists them.

>>> [export.path for export in EXPORTS]
['open-referral/services.json', 'review.json', 'changes.xml']
"""
