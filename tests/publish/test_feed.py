"""macros.publish.feed: the Atom feed of what changed, ``changes.xml``."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree
from dataclasses import replace

from markupsafe import Markup

from macros.derive.changes import FEED_PATH, ChangeView
from macros.derive.site import SiteViews
from macros.publish.feed import ATOM, atom_feed

SITE_URL = "https://example.org/care-leavers/"
NS = {"atom": ATOM}


def feed_of(
    changes: tuple[ChangeView, ...],
    page_url: str | None = "changes/",
    site_url: str = SITE_URL,
) -> ElementTree.Element:
    text = atom_feed(
        changes, site_url, "What changed: Care Leaver Offer", page_url, dt.date(2026, 11, 23)
    )
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>\n")
    return ElementTree.fromstring(text.encode("utf-8"))


def text_of(element: ElementTree.Element, path: str) -> str:
    found = element.find(path, NS)
    assert found is not None, path
    return found.text or ""


def test_the_feed_parses_as_atom(views: SiteViews) -> None:
    feed = feed_of(views.changes)
    assert feed.tag == f"{{{ATOM}}}feed"
    assert text_of(feed, "atom:id") == SITE_URL + FEED_PATH
    assert text_of(feed, "atom:title") == "What changed: Care Leaver Offer"
    assert text_of(feed, "atom:updated") == "2026-11-23T00:00:00Z"
    assert text_of(feed, "atom:author/atom:name") == "What changed: Care Leaver Offer"
    links = {link.get("rel"): link.get("href") for link in feed.findall("atom:link", NS)}
    assert links == {
        "self": "https://example.org/care-leavers/changes.xml",
        "alternate": "https://example.org/care-leavers/changes/",
    }


def test_one_entry_per_change_in_order(views: SiteViews) -> None:
    entries = feed_of(views.changes).findall("atom:entry", NS)
    assert len(entries) == len(views.changes) == 10
    assert [text_of(entry, "atom:title") for entry in entries][:2] == [
        "Bursary for your course: now up to £1,100 a year (was up to £1,000 a year)",
        'Checked: Hostile <script>alert("title")</script>',
    ]
    assert [text_of(entry, "atom:updated") for entry in entries] == [
        f"{change.on.isoformat()}T00:00:00Z" for change in views.changes
    ]


def test_every_entry_has_an_absolute_link(views: SiteViews) -> None:
    for entry in feed_of(views.changes).findall("atom:entry", NS):
        links = entry.findall("atom:link", NS)
        assert len(links) == 1
        # No rel: the alternate link, which an entry without content must have.
        assert links[0].get("rel") in (None, "alternate")
        assert str(links[0].get("href")).startswith(SITE_URL)
    first = feed_of(views.changes).find("atom:entry/atom:link", NS)
    assert first is not None
    assert first.get("href") == "https://example.org/care-leavers/offer/money/#college-bursary"


def test_a_change_shown_on_no_page_links_to_the_list(views: SiteViews) -> None:
    unlinked = replace(views.changes[0], url=None)
    entry = feed_of((unlinked,)).find("atom:entry", NS)
    assert entry is not None
    links = entry.findall("atom:link", NS)
    assert [link.get("href") for link in links] == ["https://example.org/care-leavers/changes/"]
    # With no page listing the changes either, the site itself.
    alone = feed_of((unlinked,), page_url=None).find("atom:entry/atom:link", NS)
    assert alone is not None and alone.get("href") == SITE_URL


def test_ids_are_stable_and_unique(views: SiteViews) -> None:
    ids = [text_of(entry, "atom:id") for entry in feed_of(views.changes).findall("atom:entry", NS)]
    assert len(ids) == len(set(ids))
    assert (
        ids[0] == "https://example.org/care-leavers/changes.xml#amount-college-bursary-2027-09-01"
    )
    assert all(i.startswith(SITE_URL + FEED_PATH + "#") for i in ids)
    # Another build, a later day, one change fewer: each change keeps its id.
    again = atom_feed(views.changes[1:], SITE_URL, "x", "changes/", dt.date(2027, 1, 1))
    later = [text_of(e, "atom:id") for e in ElementTree.fromstring(again).findall("atom:entry", NS)]
    assert later == ids[1:]


def test_a_site_url_without_its_slash(views: SiteViews) -> None:
    feed = feed_of(views.changes[:1], site_url="https://example.org/care-leavers")
    assert text_of(feed, "atom:id") == SITE_URL + FEED_PATH
    link = feed.find("atom:entry/atom:link", NS)
    assert link is not None and link.get("href") == SITE_URL + "offer/money/#college-bursary"


def test_hostile_text_stays_text(views: SiteViews) -> None:
    hostile = ChangeView(
        dt.date(2026, 6, 1),
        "1 June 2026",
        "note",
        Markup(
            '<strong>Bold</strong> &lt;script&gt;alert("x")&lt;/script&gt; ]]&gt; '
            "&lt;!ENTITY x SYSTEM &#34;file:///etc/passwd&#34;&gt; &amp;x;"
        ),
        'offer/health/"><script>',
        "note-2026-06-01-0",
    )
    text = atom_feed((hostile,), SITE_URL, 'Offer <b>&"', None, dt.date(2026, 11, 23))
    assert "<script" not in text and "<strong" not in text and "<b>" not in text
    assert "<!ENTITY" not in text
    feed = ElementTree.fromstring(text)
    assert text_of(feed, "atom:title") == 'Offer <b>&"'
    entry = feed.find("atom:entry", NS)
    assert entry is not None
    # The title is the words only, as text: no element inside it.
    title = entry.find("atom:title", NS)
    assert title is not None and list(title) == []
    assert title.text == (
        'Bold <script>alert("x")</script> ]]> <!ENTITY x SYSTEM "file:///etc/passwd"> &x;'
    )
    link = entry.find("atom:link", NS)
    assert link is not None and link.get("href") == SITE_URL + 'offer/health/"><script>'


def test_the_fixture_sites_hostile_section_title_stays_text(views: SiteViews) -> None:
    text = atom_feed(views.changes, SITE_URL, "x", "changes/", dt.date(2026, 11, 23))
    assert "<script>" not in text
    assert "Checked: Hostile &lt;script&gt;" in text


def test_no_changes_is_a_feed_without_entries() -> None:
    feed = feed_of(())
    assert feed.findall("atom:entry", NS) == []
    assert text_of(feed, "atom:id") == SITE_URL + FEED_PATH
