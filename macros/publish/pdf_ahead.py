"""Other languages' PDFs made ahead, in worker processes, while the site's own builds.

The printed offer's PDF is most of a big site's build (at 1,000 entries WeasyPrint takes
about 150 s of a 180 s build) and every language has its own, made in its own build.
In a ``mkdocs build`` each language is built beside the site's own, in a process of its
own that makes its own PDF (``languages.start_beside``). Where they are built after the
site's own, one after another (``mkdocs serve``; see ``languages.builds_beside``), three
languages took 3.5 times one. So there, when the site's own build finds that its PDF is not in the cache (the offer or the day changed, and so
the other languages' PDFs will not be there either), ``start`` sets one worker process
per spare processor making each other language's PDF, from the same data and date, while
this process builds the site's own pages. A language's build then takes its worker's
PDF (``take``) when the worker made it from exactly the HTML that build would print;
in every other case (a worker failed, the data changed in between, a machine with one
processor) it makes the PDF itself as before, so what is published never depends on a
worker. ``stop`` ends the workers when the build ends or fails.

Workers are spawned, not forked: the build may run in ``mkdocs serve``'s threads.
"""

from __future__ import annotations

import datetime as dt
import logging
import multiprocessing
import os
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

from macros.derive.translations import LanguageView

log = logging.getLogger("mkdocs.plugins.clo")


@dataclass(frozen=True)
class MadeAhead:
    """One language's PDF made by a worker, and the key of the HTML it was made from."""

    key: str
    pdf: bytes
    pages: int


_pool: list[Pool] = []
_results: dict[str, AsyncResult[MadeAhead | None]] = {}


def language_site_url(site_url: str | None, language: LanguageView) -> str | None:
    """The ``site_url`` of a language's build: the site's own with the language's folder
    (none when the site has none).

    >>> from macros.derive.translations import LanguageView
    >>> ar = LanguageView("ar", "ar", "العربية", "rtl", "ar/", False, False)
    >>> language_site_url("https://example.org/", ar), language_site_url(None, ar)
    ('https://example.org/ar/', None)
    """
    return str(site_url) + language.prefix if site_url else site_url


def spare_processors() -> int:
    """Processors this build may use beside its own (0 on a one-processor machine)."""
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        count = os.cpu_count() or 1
    return max(0, count - 1)


def start(
    project_root: Path,
    docs_dir: Path,
    today: dt.date,
    site_url: str | None,
    languages: tuple[LanguageView, ...],
) -> None:
    """Start making each other language's PDF in worker processes (none if no spare
    processor or no other language)."""
    stop()
    others = [language for language in languages if not language.default]
    workers = min(len(others), spare_processors())
    if workers == 0:
        return
    pool = multiprocessing.get_context("spawn").Pool(workers)
    _pool.append(pool)
    for language in others:
        _results[language.code] = pool.apply_async(
            make_ahead,
            (
                project_root,
                docs_dir,
                today,
                language.code,
                str(language_site_url(site_url, language)),
            ),
        )
    pool.close()  # nothing more is given to it; its workers end when they are done
    log.info("Making the PDFs of %d other languages alongside", len(others))


def take(code: str | None, key: str) -> MadeAhead | None:
    """The PDF a worker made for language ``code`` (waiting for it), if made from the
    HTML whose cache key is ``key``; else None, and the build makes its own."""
    result = _results.pop(code, None) if code is not None else None
    if result is None:
        return None
    try:
        made = result.get()
    except Exception as error:  # any failure: the build makes the PDF itself
        log.debug("The %s PDF made ahead failed (%s); making it now", code, error)
        return None
    return made if made is not None and made.key == key else None


def stop() -> None:
    """End every worker and forget their results (at the end of a build, or its failure)."""
    _results.clear()
    while _pool:
        _pool.pop().terminate()


def make_ahead(
    project_root: Path, docs_dir: Path, today: dt.date, code: str, site_url: str
) -> MadeAhead | None:
    """In a worker: the views of language ``code`` and their PDF (None if the data has a
    problem, which that language's own build then reports)."""
    from macros.pipeline import build_views
    from macros.problems import DataError
    from macros.publish.offer_pdf import made_pdf

    try:
        site, _report = build_views(project_root, docs_dir, today, code)
    except DataError:
        return None
    key, pdf, pages, _cached = made_pdf(site, site_url, project_root)
    return MadeAhead(key, pdf, pages)
