"""How words in another language than the page's are marked in HTML (WCAG 3.1.2): the
one place that writes ``lang`` and ``dir`` for them, for derive (an amount's note inside
its sentence) and for the templates (the engine's globals of the same names)."""

from __future__ import annotations

from markupsafe import Markup


def lang_attributes(tag: str | None) -> Markup:
    """The attributes that mark words shown in English on a page in another language
    (a view's ``content_lang``), so that a screen reader reads them as English and they
    run left to right; nothing when the words are in the page's language.

    >>> str(lang_attributes("en-GB"))
    ' lang="en-GB" dir="ltr"'
    >>> str(lang_attributes(None))
    ''
    """
    return Markup(' lang="{}" dir="ltr"').format(tag) if tag else Markup()


def lang_span(text: str, tag: str | None) -> str:
    """``text`` (escaped, unless it is markup already) in a ``<span>`` marked with
    ``lang_attributes(tag)``, for words inside a sentence in the page's language; the
    text as it is when ``tag`` is None.

    >>> str(lang_span("Rent & bills", "en-GB")), lang_span("Rent", None)
    ('<span lang="en-GB" dir="ltr">Rent &amp; bills</span>', 'Rent')
    >>> str(lang_span(Markup("<em>Rent</em>"), "en-GB"))
    '<span lang="en-GB" dir="ltr"><em>Rent</em></span>'
    """
    return Markup("<span{}>{}</span>").format(lang_attributes(tag), text) if tag else text
