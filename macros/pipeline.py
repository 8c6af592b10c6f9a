"""The pipeline, wired once: load -> validate -> derive, for the build and for every command.

- **load** (``macros/load/``): YAML with the line of every field.
- **validate** (``macros/validate/``): each data file against its model, the rules across
  files, and the pages; every problem located by file and line.
- **derive** (``macros/derive/``): pure functions from valid data to frozen views.
- **render** (``macros/render/``): the macros registry places views in templates.
- **publish** (``macros/publish/``): MkDocs hooks, safe publishing, exports and pictures.

``check`` and the build both call ``check_project``, so they report the same problems.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from macros.derive.glossary import matcher_of, model_texts, unused_terms
from macros.derive.site import PAGE_VARIABLES, SiteViews, derive_site
from macros.derive.urls import places_from
from macros.problems import DataError, DataProblem
from macros.render.macros import MACROS
from macros.validate.config import config_problems
from macros.validate.model.files import GLOSSARY
from macros.validate.pages import MacroCall, PageNames, check_pages, check_pages_cached
from macros.validate.site_data import SiteData, check_data
from macros.words import load_words

CACHE_FOLDER = ".cache"
CONFIG_FILE = "mkdocs.yml"


def page_names() -> PageNames:
    """The names pages may use, from the page variables and macros registries.

    >>> "offer_section" in page_names().macros and "council" in page_names().variables
    True
    """
    return PageNames(
        variables=frozenset(variable.name for variable in PAGE_VARIABLES),
        macros={macro.name: macro.args for macro in MACROS.values()},
        blocks=frozenset(macro.name for macro in MACROS.values() if macro.block),
    )


@dataclass(frozen=True)
class Report:
    """What checking the data and pages found."""

    problems: list[DataProblem]
    """What stops a build: ``check`` exits 1."""
    notices: list[DataProblem]
    """What an editor should know but does not stop a build."""
    data: SiteData | None
    calls: tuple[MacroCall, ...]


def check_project(
    project_root: Path, docs_dir: Path, today: dt.date, reuse: bool = False
) -> Report:
    """Check the settings, every data file and every page; ``reuse`` lets a clean page
    check be reused.

    Example: ``check_project(Path("."), Path("docs"), dt.date.today()).problems`` -> ``[]``
    """
    settings = config_problems(project_root / CONFIG_FILE)
    checked = check_data(project_root, today)
    names = page_names()
    if reuse:
        pages = check_pages_cached(docs_dir, names, checked.data, project_root / CACHE_FOLDER)
    else:
        pages = check_pages(docs_dir, names, checked.data)
    notices = checked.notices
    if checked.data is not None:
        notices = sorted(notices + glossary_notices(checked.data, docs_dir))
    return Report(
        sorted(settings + checked.problems + pages.problems),
        notices,
        checked.data,
        pages.calls,
    )


def glossary_notices(data: SiteData, docs_dir: Path) -> list[DataProblem]:
    """A notice for each glossary term that no page and no data file uses.

    A notice, not a problem: the glossary page still explains it, and a council may
    list words care leavers meet elsewhere (in letters, at meetings) before its pages use
    them. Example: ``data/glossary.yml:12: terms[3].term: 'Junior ISA' is not used ...``
    """
    if data.glossary is None:
        return []
    pages = (path.read_text(encoding="utf-8") for path in sorted(docs_dir.rglob("*.md")))
    texts = chain(model_texts(data, frozenset({"glossary", "sources", "pictures"})), pages)
    unused = unused_terms(matcher_of(data.glossary.terms), texts)
    source = data.sources.get(GLOSSARY.path)
    notices = []
    for i, term in enumerate(data.glossary.terms):
        if term.id in unused:
            message = (
                f"'{term.term}' is not used on any page or in any other data file; "
                "the glossary page still lists it"
            )
            where = ("terms", i, "term")
            notices.append(
                source.problem(where, message)
                if source is not None
                else DataProblem(GLOSSARY.path, 0, "", message)
            )
    return notices


def build_views(
    project_root: Path,
    docs_dir: Path,
    today: dt.date,
    language: str | None = None,
    checked: Report | None = None,
) -> tuple[SiteViews, Report]:
    """The views of one build and what the check found; DataError if it found problems.

    ``language``: the code of another language of the site (``ar``), for its pages.
    ``checked``: what ``check_project`` found earlier in the same build (the site's own
    language's), so that every language of a build is made from the same data, read and
    checked once.
    """
    report = (
        checked if checked is not None else check_project(project_root, docs_dir, today, reuse=True)
    )
    if report.problems or report.data is None:
        raise DataError(report.problems)
    data = report.data
    words = load_words(language or data.settings.language)
    views = derive_site(data, places_from(report.calls), words, today, language)
    return views, report


def problems_text(problems: list[DataProblem]) -> str:
    """Every problem, one per line, under a count.

    >>> problems_text([DataProblem("a.yml", 2, "x", "bad")])
    '1 problem in the site data or pages:\\na.yml:2: x: bad'
    """
    count = len(problems)
    lines = "\n".join(str(problem) for problem in sorted(problems))
    return f"{count} problem{'s' if count != 1 else ''} in the site data or pages:\n{lines}"
