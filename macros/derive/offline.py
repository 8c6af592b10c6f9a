"""What the service worker saves for reading offline: pure functions over the built site.

A care leaver who has opened the site once can read the offer with no connection. What
is saved (the *precache*) is worked out here from what the pages show, never from a list
of paths, so a fork that moves or adds pages is saved the same way:

- the home page;
- every page that shows the offer or how to get help: the pages that call one of
  ``OFFLINE_MACROS`` (the overview, each section, the help and contact pages, what
  changed);
- every page in the folder of such a page when it is the folder's own page
  (``offer/index.md`` saves everything under ``offer/``, including pages the build
  writes there itself, such as the whole offer on one page);
- the offline page, the web app manifest, and the styles, scripts and icons those pages
  load. Pictures are not saved in advance: the service worker keeps them once seen.

``macros/publish/offline.py`` reads the built files, gives each saved file a revision
(a hash of its bytes) and writes the service worker.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from html import unescape

from macros.derive.html_tags import ATTRIBUTES, COMMENT
from macros.derive.urls import page_url
from macros.validate.pages import MacroCall

OFFLINE_MACROS = frozenset(
    {"offer_overview", "offer_section", "help_contacts", "contact_card", "changes", "arrangements"}
)
"""Macros whose pages are saved for reading offline (a new macro that shows the offer,
such as a finder's, is added here)."""

OFFLINE_PAGE = "offline.html"
"""The page shown for a page that was not saved (``overrides/offline.html``)."""

ASSET_RELATIONS = frozenset({"stylesheet", "manifest", "icon", "apple-touch-icon"})
"""``<link rel>`` values whose file a saved page needs; with ``<script src>``."""


@dataclass(frozen=True)
class OfflineScope:
    """The pages saved for reading offline, as site URLs (``""`` is the home page)."""

    pages: frozenset[str]
    folders: tuple[str, ...]
    """Folders whose every page is saved, e.g. ``offer/``."""

    def holds(self, url: str) -> bool:
        """Whether the page at ``url`` is saved.

        >>> scope = OfflineScope(frozenset({"", "need-help-now/"}), ("offer/",))
        >>> [scope.holds(url) for url in ("", "offer/money/", "strategy/why/")]
        [True, True, False]
        """
        return url in self.pages or any(url.startswith(folder) for folder in self.folders)


def offline_scope(calls: Iterable[MacroCall]) -> OfflineScope:
    """The pages to save, from the macros the pages call.

    >>> calls = [MacroCall("offer_overview", (), "offer/index.md", 3),
    ...          MacroCall("help_contacts", (), "need-help-now.md", 5),
    ...          MacroCall("principles", (), "strategy/index.md", 2)]
    >>> scope = offline_scope(calls)
    >>> sorted(scope.pages), scope.folders
    (['', 'need-help-now/', 'offer/'], ('offer/',))
    """
    pages = {""}
    folders = set()
    for call in calls:
        if call.name not in OFFLINE_MACROS:
            continue
        url = page_url(call.page)
        pages.add(url)
        if call.page.endswith("/index.md"):
            folders.add(url)
    return OfflineScope(frozenset(pages), tuple(sorted(folders)))


def file_url(path: str) -> str:
    """The address of a built file, as links give it: a folder's ``index.html`` is the folder.

    >>> file_url("offer/money/index.html"), file_url("index.html"), file_url("assets/clo.css")
    ('offer/money/', '', 'assets/clo.css')
    """
    if path == "index.html":
        return ""
    return path.removesuffix("index.html") if path.endswith("/index.html") else path


def precache_url(path: str) -> str:
    """The URL the service worker saves a built file under, relative to the site's root.

    >>> precache_url("index.html"), precache_url("offer/index.html"), precache_url("sw.js")
    ('./', 'offer/', 'sw.js')
    """
    return file_url(path) or "./"


# Tags found by regular expressions, not html.parser, which walked all of every saved
# page's text in Python. The build writes this HTML, so it is regular; comments and the
# text of scripts and styles are skipped, as a parser skips them.
_TAG = re.compile(
    rf"{COMMENT}|<(script|style)\b({ATTRIBUTES})>.*?</\1\s*>|<(link)\b({ATTRIBUTES})>",
    re.DOTALL | re.IGNORECASE,
)
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?""")


def _attributes(text: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for name, double, single, bare in _ATTRIBUTE.findall(text):
        values.setdefault(name.lower(), unescape(double or single or bare))
    return values


def _asset_links(page: str) -> list[str]:
    found = []
    for tag in _TAG.finditer(page):
        if tag.group(1) and tag.group(1).lower() == "script":
            src = _attributes(tag.group(2)).get("src")
            if src:
                found.append(src)
        elif tag.group(3):
            values = _attributes(tag.group(4))
            if set(values.get("rel", "").lower().split()) & ASSET_RELATIONS:
                found.append(values.get("href", ""))
    return found


def page_assets(html: str, path: str) -> frozenset[str]:
    """The files of this site that a built page loads (styles, scripts, icons, manifest),
    as paths in the site; links to other hosts and pictures in the text are left out.

    >>> html = ('<link rel="stylesheet" href="../../assets/clo.css">'
    ...         '<link rel="canonical" href="https://example.org/">'
    ...         '<script src="../../assets/clo.js?v=1" defer></script><img src="a.png">')
    >>> sorted(page_assets(html, "offer/money/index.html"))
    ['assets/clo.css', 'assets/clo.js']
    """
    folder = posixpath.dirname(path)
    assets = set()
    for link in _asset_links(html):
        address = link.split("#", 1)[0].split("?", 1)[0]
        if not address or ":" in address.split("/", 1)[0] or address.startswith(("/", "//")):
            continue  # another host, a data: URL or a path from the server's root
        resolved = posixpath.normpath(posixpath.join(folder, address))
        if not resolved.startswith(".."):
            assets.add(resolved)
    return frozenset(assets)


def saved_pages(scope: OfflineScope, files: Iterable[str]) -> tuple[str, ...]:
    """The built pages (paths in the site) the scope saves, in the order given.

    >>> scope = OfflineScope(frozenset({""}), ("offer/",))
    >>> saved_pages(scope, ["index.html", "offer/index.html", "offer/a.pdf", "gallery/index.html"])
    ('index.html', 'offer/index.html')
    """
    return tuple(path for path in files if path.endswith(".html") and scope.holds(file_url(path)))


def precache_paths(
    scope: OfflineScope, files: Iterable[str], page_html: Mapping[str, str]
) -> tuple[str, ...]:
    """Every built file to save: the saved pages, the offline page, and what they load.

    ``files`` are the site's files (paths in the site); ``page_html`` gives the text of
    the saved pages and of the offline page. Only files that exist are listed, sorted.

    >>> scope = OfflineScope(frozenset({""}), ())
    >>> files = ["index.html", "offline.html", "assets/clo.css", "gallery/index.html"]
    >>> html = {"index.html": '<link rel="stylesheet" href="assets/clo.css">',
    ...         "offline.html": ""}
    >>> precache_paths(scope, files, html)
    ('assets/clo.css', 'index.html', 'offline.html')
    """
    existing = set(files)
    pages = set(saved_pages(scope, existing))
    if OFFLINE_PAGE in existing:
        pages.add(OFFLINE_PAGE)
    wanted = set(pages)
    for page in pages:
        wanted |= page_assets(page_html[page], page)
    return tuple(sorted(wanted & existing))


@dataclass(frozen=True)
class SavedLink:
    """A link on the offline page to a page that can be read offline."""

    url: str
    title: str


def saved_links(scope: OfflineScope, pages: Iterable[tuple[str, str]]) -> tuple[SavedLink, ...]:
    """Links to the saved pages among ``pages`` (site URL, title), in that order, once each.

    >>> scope = OfflineScope(frozenset({"", "help/"}), ("offer/",))
    >>> [link.url for link in saved_links(scope, [("", "Home"), ("offer/", "Offer"),
    ...      ("gallery/", "Art"), ("help/", "Help"), ("offer/", "Offer")])]
    ['', 'offer/', 'help/']
    """
    links: dict[str, SavedLink] = {}
    for url, title in pages:
        if scope.holds(url) and url not in links:
            links[url] = SavedLink(url, title)
    return tuple(links.values())
