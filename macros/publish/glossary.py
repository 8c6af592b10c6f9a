"""The glossary on every page: the ``on_page_content`` hook marks each page's terms.

The views are put in the config once per build (``apply_glossary``, from
``macros/__init__.py``); ``mark`` runs on each page's finished HTML, after the block
macros' HTML is back in place, so terms in the offer's data are found as well as in the
prose. A page is left as it is when the site has no glossary, when it is the glossary
page itself, or when its front matter says ``glossary: false``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from macros.derive.glossary import GlossaryView
from macros.derive.translations import LanguageView
from macros.publish.languages import in_language
from macros.render.glossary import mark_page
from macros.words import Words

CONFIG_KEY = "clo_glossary"


@dataclass(frozen=True)
class GlossaryContext:
    """One build's glossary and words.

    For more than one language, this would hold a view per language (made from each
    language's translated glossary by ``glossary_view``) and ``mark`` would take the one
    for the page's language.
    """

    glossary: GlossaryView
    words: Words
    language: LanguageView | None = None
    """The build's language: the list of words is in it, on a page whose prose is the
    English too."""


def apply_glossary(
    config: Any, glossary: GlossaryView | None, words: Words, language: LanguageView | None = None
) -> None:
    """Keep the build's glossary in the config for the page hook (None: no glossary)."""
    config[CONFIG_KEY] = (
        GlossaryContext(glossary, words, language) if glossary is not None else None
    )


def mark(html: str, page: Any, config: Any) -> str:
    """The page's HTML with its terms marked (see ``macros/render/glossary.py``)."""
    context = config.get(CONFIG_KEY)
    if not isinstance(context, GlossaryContext):
        return html
    if page.meta.get("glossary") is False or page.url == context.glossary.page:
        return html
    # On a page whose prose is the English, the list's words are still the page's
    # language (its terms are marked with their own): marked so, as a macro's block is.
    return mark_page(
        html,
        context.glossary,
        context.words,
        page.url,
        lambda words_html: in_language(words_html, page, context.language),
    )
