"""Stable identifiers for the feed: the same thing keeps its id from build to build.

Open Referral requires a UUID for every object. Ours are version 5 UUIDs (a hash, not a
random number) of the kind of object and the council's own id for it, in a namespace made
from the site's address: the same entry gets the same id in every build, and two councils
(two ``site_url``s) never give the same id to anything.
"""

from __future__ import annotations

import hashlib
import uuid
from urllib.parse import urlsplit, urlunsplit

FEED_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://openreferral.org/care-leaver-offer")
"""Parent of every site's namespace: fixed forever, or every id would change."""


def site_namespace(site_url: str) -> uuid.UUID:
    """The namespace of one site: its address without the trailing slash, scheme and host
    in lower case (``https://Example.org/offer/`` and ``https://example.org/offer`` are
    the same site).

    >>> site_namespace("https://Example.org/offer/") == site_namespace("https://example.org/offer")
    True
    >>> site_namespace("https://example.org/a/") == site_namespace("https://example.org/b/")
    False
    """
    parts = urlsplit(site_url.strip())
    address = urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"), "", "")
    )
    return uuid.uuid5(FEED_NAMESPACE, address)


class FeedIds:
    """Makes the id of each object of one site's feed.

    >>> ids = FeedIds("https://example.org/care-leavers/")
    >>> ids("service", "setting-up-home") == ids("service", "setting-up-home")
    True
    >>> ids("service", "setting-up-home") == ids("contact", "setting-up-home")
    False
    >>> len(ids("service", "setting-up-home"))
    36
    """

    def __init__(self, site_url: str) -> None:
        self.namespace = site_namespace(site_url)

    def __call__(self, kind: str, *parts: str) -> str:
        """The id of the ``kind`` of object (``service``, ``organization``...) that the
        council calls ``parts`` (an entry id; an entry id and a place id...):
        ``uuid.uuid5(namespace, "kind/part/part")``, worked out without making a
        ``uuid.UUID`` (a large offer has tens of thousands of ids).

        >>> ids = FeedIds("https://example.org/")
        >>> ids("phone", "a", "main") == str(uuid.uuid5(ids.namespace, "phone/a/main"))
        True
        """
        name = "/".join((kind, *parts)).encode("utf-8")
        digest = bytearray(hashlib.sha1(self.namespace.bytes + name).digest()[:16])
        digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
        digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
        text = digest.hex()
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
