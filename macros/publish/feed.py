"""The Atom feed of what changed in the offer, for staff and partners' feed readers."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterable

from markupsafe import Markup

from macros.derive.changes import FEED_PATH, ChangeView

ATOM = "http://www.w3.org/2005/Atom"


def atom_feed(
    changes: Iterable[ChangeView], site_url: str, title: str, page_url: str | None, updated: dt.date
) -> str:
    """An Atom document with one entry per change (text only; links are absolute).

    >>> text = atom_feed([], "https://example.org/x/", "What changed", None, dt.date(2026, 1, 2))
    >>> text.splitlines()[1][:42]
    '<feed xmlns="http://www.w3.org/2005/Atom">'
    """
    base = site_url.rstrip("/") + "/"
    ElementTree.register_namespace("", ATOM)
    feed = ElementTree.Element(f"{{{ATOM}}}feed")
    ElementTree.SubElement(feed, f"{{{ATOM}}}id").text = base + FEED_PATH
    ElementTree.SubElement(feed, f"{{{ATOM}}}title").text = title
    ElementTree.SubElement(feed, f"{{{ATOM}}}updated").text = _timestamp(updated)
    ElementTree.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=base + FEED_PATH)
    if page_url is not None:
        ElementTree.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=base + page_url)
    author = ElementTree.SubElement(feed, f"{{{ATOM}}}author")
    ElementTree.SubElement(author, f"{{{ATOM}}}name").text = title
    for change in changes:
        entry = ElementTree.SubElement(feed, f"{{{ATOM}}}entry")
        ElementTree.SubElement(entry, f"{{{ATOM}}}id").text = f"{base}{FEED_PATH}#{change.key}"
        ElementTree.SubElement(entry, f"{{{ATOM}}}title").text = Markup(change.html).striptags()
        ElementTree.SubElement(entry, f"{{{ATOM}}}updated").text = _timestamp(change.on)
        # An entry without content must have a link: a change shown on no page links
        # to the list of changes, or to the site.
        target = change.url if change.url is not None else (page_url or "")
        ElementTree.SubElement(entry, f"{{{ATOM}}}link", href=base + target)
    text: str = ElementTree.tostring(feed, encoding="unicode", xml_declaration=False)
    return "<?xml version='1.0' encoding='utf-8'?>\n" + text + "\n"


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
