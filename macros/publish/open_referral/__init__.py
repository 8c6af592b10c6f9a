"""The offer as a static Open Referral UK (HSDS-UK 3.0) feed: every document of the ORUK
API as a file (``feed.py``), made of services (``service.py``), organisations
(``organisation.py``), the council's taxonomies (``taxonomy.py``), places and opening times
(``locations.py``), with stable ids (``ids.py``)."""

from macros.publish.open_referral.feed import (
    FEED_FOLDER,
    encode,
    feed_documents,
    feed_files,
    file_paths,
)
from macros.publish.open_referral.ids import FeedIds

__all__ = ["FEED_FOLDER", "FeedIds", "encode", "feed_documents", "feed_files", "file_paths"]
