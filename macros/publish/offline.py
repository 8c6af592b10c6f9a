"""Reading offline: the service worker, its precache list, and the offline page.

What is saved is worked out in ``macros/derive/offline.py``; this module reads the built
files and writes:

- ``sw.js`` at the site's root: the build's settings (``self.CLO_OFFLINE``: the files to
  save, each with a revision that is a hash of its bytes, and the words of the offline
  notice, from the catalogue) followed by ``macros/publish/sw.js``;
- ``assets/workbox-<version>/``: Workbox's modules, from ``vendor/workbox/`` (see
  ``macros/tools/vendor_workbox.py`` for why and how they are kept).

The offline page is ``overrides/offline.html``, built by MkDocs at the site's root (as
404.html is); ``offline_page_context`` gives it its content. ``sw.js`` is written last,
once every other file is in the (staging) site folder, and moves with the site when the
build is swapped in, so a visitor's browser sees a new service worker only with the new
site.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from macros.derive.offline import (
    OFFLINE_PAGE,
    OfflineScope,
    SavedLink,
    offline_scope,
    precache_paths,
    precache_url,
    saved_links,
    saved_pages,
)
from macros.derive.phones import sms_href, tel_href
from macros.derive.site import SiteViews
from macros.publish.workbox import MODULES, VENDOR_DIR, module_file, workbox_folder
from macros.render.engine import render
from macros.validate.pages import MacroCall

log = logging.getLogger("mkdocs.plugins.clo")

SW_FILE = "sw.js"
SW_SOURCE = Path(__file__).with_name("sw.js")
CONFIG_KEY = "clo_offline"
NETWORK_TIMEOUT_SECONDS = 6
"""How long a page waits for the network before the saved copy is shown instead: long
enough for a slow 3G connection to bring a page, short enough not to stare at nothing."""
OFFLINE_PAGE_LINK = "#clo-offline-page"
"""The notice's link, which the service worker points at the offline page."""


@dataclass(frozen=True)
class OfflineBuild:
    """What the offline page and the service worker need from one build."""

    site: SiteViews
    scope: OfflineScope
    extra_links: tuple[SavedLink, ...]
    """Saved pages the build writes itself (the whole offer on one page)."""


@dataclass(frozen=True)
class PrecacheReport:
    """How much a first visit saves for offline reading."""

    files: int
    bytes: int
    gzip_bytes: int
    """As a server that compresses text sends them (what the phone downloads)."""


def set_up_offline(
    config: Any, site: SiteViews, calls: Iterable[MacroCall], extra_links: tuple[SavedLink, ...]
) -> OfflineBuild:
    """Work out what is saved, and keep it in the config for the theme and the post-build."""
    build = OfflineBuild(site, offline_scope(calls), extra_links)
    config[CONFIG_KEY] = build
    return build


def offline_build(config: Any) -> OfflineBuild | None:
    build = config.get(CONFIG_KEY)
    return build if isinstance(build, OfflineBuild) else None


def add_offline_page(config: Any) -> None:
    """Build ``offline.html`` from the theme, when the theme has it (a stock theme has not)."""
    theme = config["theme"]
    if any((Path(folder) / OFFLINE_PAGE).is_file() for folder in theme.dirs):
        theme.static_templates.add(OFFLINE_PAGE)


def offline_page_context(context: Any, template_name: str, config: Any) -> Any:
    """The offline page's title and content: phone numbers and links to the saved pages."""
    build = offline_build(config)
    if template_name != OFFLINE_PAGE or build is None:
        return context
    site = build.site
    pages = [(page.url, page.title) for page in context["nav"].pages]
    pages += [(file.page.url, file.page.title) for file in context["pages"] if file.page]
    links = saved_links(build.scope, [(url, str(title or "")) for url, title in pages])
    contact = site.settings.contact
    context["clo_offline_title"] = site.words("offline.title")
    context["clo_offline_page"] = render(
        "offline-page.html",
        site.words,
        contact=contact,
        phone_href=tel_href(contact.phone),
        text_href=sms_href(contact.text) if contact.text else None,
        out_of_hours_href=tel_href(contact.out_of_hours_phone),
        places=site.team_places,
        contacts=site.help_now,
        links=links + tuple(link for link in build.extra_links if link not in links),
    )
    return context


def notice_html(site: SiteViews) -> Markup:
    """The notice at the top of a page read from the saved copy, from the catalogue."""
    return render(
        "offline-notice.html",
        site.words,
        offer_title=site.settings.strategy.offer_title,
        date=site.words.date(site.build_date),
        link=OFFLINE_PAGE_LINK,
    )


def _site_files(site_dir: Path, skip: frozenset[str] = frozenset()) -> list[str]:
    """The site's files, less the folders ``skip`` names at its top (other languages':
    each has its own service worker, and may still be being built beside this one)."""
    files = []
    for folder, subfolders, names in os.walk(site_dir):
        relative = Path(folder).relative_to(site_dir).as_posix()
        if relative == ".":
            subfolders[:] = [name for name in subfolders if name not in skip]
        prefix = "" if relative == "." else relative + "/"
        files += [prefix + name for name in names]
    return sorted(files)


def script_json(value: object) -> str:
    """JSON that is also safe inside a script: no ``<``, ``>`` or ``&`` as themselves.

    >>> script_json({"a": "</script>&"})
    '{"a": "\\\\u003c/script\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def write_offline(build: OfflineBuild, site_dir: Path) -> PrecacheReport:
    """Write the service worker and Workbox's modules; returns what a first visit saves."""
    workbox = workbox_folder()
    (site_dir / workbox).mkdir(parents=True, exist_ok=True)
    for name in (*(module_file(module) for module in MODULES), "LICENSE"):
        shutil.copyfile(VENDOR_DIR / name, site_dir / workbox / name)
    own = build.site.language is None or build.site.language.default
    others = [language for language in build.site.languages if own and not language.default]
    files = _site_files(site_dir, frozenset(language.prefix.strip("/") for language in others))
    pages = [*saved_pages(build.scope, files), OFFLINE_PAGE]
    html = {
        page: (site_dir / page).read_text(encoding="utf-8")
        for page in pages
        if (site_dir / page).is_file()
    }
    paths = precache_paths(build.scope, files, html)
    entries, raw, compressed = [], 0, 0
    for path in paths:
        content = (site_dir / path).read_bytes()
        raw += len(content)
        compressed += len(gzip.compress(content, compresslevel=6, mtime=0))
        revision = hashlib.sha256(content).hexdigest()[:16]
        entries.append({"url": precache_url(path), "revision": revision})
    settings = {
        "workbox": workbox,
        "modules": list(MODULES),
        "precache": entries,
        # Saved pages, shown with the notice; the offline page is shown as it is.
        "pages": [precache_url(p) for p in paths if p in html and p != OFFLINE_PAGE],
        "fallback": OFFLINE_PAGE,
        "notice": str(notice_html(build.site)),
        "noticeLink": OFFLINE_PAGE_LINK,
        "timeout": NETWORK_TIMEOUT_SECONDS,
    }
    script = f"self.CLO_OFFLINE = {script_json(settings)};\n{SW_SOURCE.read_text('utf-8')}"
    (site_dir / SW_FILE).write_text(script, encoding="utf-8")
    report = PrecacheReport(len(entries), raw, compressed)
    log.info(
        "Offline: %d files saved on a first visit, %d KB (%d KB compressed)",
        report.files,
        round(report.bytes / 1024),
        round(report.gzip_bytes / 1024),
    )
    return report
