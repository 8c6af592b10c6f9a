"""The finder's results pages, one per age, made from the results page in ``docs/``.

The page that calls ``finder_results()`` (``docs/finder/results.md`` in the example) is
written once by an editor; the build publishes it once for each age the finder asks
about (``finder/16/`` ... ``finder/25/``), with the age in its front matter, and never
publishes the page itself. Which pages to make is worked out in
``macros/derive/finder.py`` (``age_pages``); this only hands them to MkDocs.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml
from mkdocs.structure.files import File, Files, InclusionLevel

from macros.derive.finder import FINDER_AGE, AgePage
from macros.validate.pages import split_front_matter

CONFIG_KEY = "clo_age_pages"


def plan_pages(config: Any, pages: Sequence[AgePage]) -> None:
    """Keep the pages to make in the config until MkDocs lists the files."""
    config[CONFIG_KEY] = tuple(pages)


def page_text(source: str, page: AgePage) -> str:
    """The results page's text with the age's title and the age in its front matter.

    >>> page = AgePage(19, "finder/results.md", "finder/19.md", "What you can get at 19")
    >>> print(page_text("---\\ndescription: Help.\\n---\\n\\n{{ finder_results() }}\\n", page))
    ---
    description: Help.
    title: What you can get at 19
    finder_age: 19
    ---
    {{ finder_results() }}
    <BLANKLINE>
    """
    meta, body, _ = split_front_matter(source)
    meta = {**meta, "title": page.title, FINDER_AGE: page.age}
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n{body}"


def make_pages(files: Files, config: Any) -> Files:
    """Add a page for each age beside the results page, which is left out of the site."""
    pages: tuple[AgePage, ...] = config.get(CONFIG_KEY) or ()
    if not pages:
        return files
    source = files.get_file_from_path(pages[0].source)
    if source is None:
        return files
    text = source.content_string
    files.remove(source)
    for page in pages:
        made = File.generated(
            config, page.path, content=page_text(text, page), inclusion=InclusionLevel.NOT_IN_NAV
        )
        files.append(made)
    return files
