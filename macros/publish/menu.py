"""Material's menu and table of contents, named for screen readers (issue 22).

``overrides/main.html`` passes what Material's ``site_nav`` block makes through
``usable_menu`` (its ``super()``, so the rest of Material's markup stays as it is):

- a section of the menu that has an index page opens with a ``<label>`` holding only an
  arrow; the section's menu (a ``<nav>`` landmark) is named by that label, so both had no
  name. The label gets words for screen readers ("Pages in Offer");
- the label takes no focus: without JavaScript a label cannot be worked from the
  keyboard, so it was a stop that did nothing; ``assets/clo.js`` puts a real button in
  its place;
- on a section's index page the table of contents has a title ``<label for="__toc">``
  with no checkbox of that id on the page (invalid HTML): the ``for`` goes.
"""

from __future__ import annotations

import html as html_text
import re

from markupsafe import Markup

from macros.words import Words

# Material's label that opens a section, and the title of the panel it opens (its
# words, as Material wrote them: escaped). ``tabindex`` is empty where Material's
# "sections" feature shows the section always open.
_SECTION_LABEL = re.compile(
    r'(<label class="md-nav__link[^"]*" for="(__nav\w*)" id="__nav\w*_label")'
    r' tabindex="[^"]*"(>)(.*?)(</label>)',
    re.DOTALL,
)
_PANEL_TITLE = re.compile(
    r'<label class="md-nav__title" for="(__nav\w*)">\s*'
    r'<span class="md-nav__icon md-icon"></span>(.*?)</label>',
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]*>")
_TOC_TITLE = '<label class="md-nav__title" for="__toc">'


def usable_menu(html: str, words: Words) -> Markup:
    """Material's menu markup (``html``) with its section labels named and out of the
    Tab order, and no table-of-contents title for a checkbox that is not there.

    >>> from macros.words import load_words
    >>> menu = (
    ...     '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="0">'
    ...     '<span class="md-nav__icon md-icon"></span></label>'
    ...     '<nav class="md-nav" aria-labelledby="__nav_2_label">'
    ...     '<label class="md-nav__title" for="__nav_2">'
    ...     '<span class="md-nav__icon md-icon"></span> Money &amp; bills </label></nav>'
    ...     '<label class="md-nav__title" for="__toc">Table of contents</label>'
    ... )
    >>> print(usable_menu(menu, load_words("en-GB")))  # doctest: +NORMALIZE_WHITESPACE
    <label class="md-nav__link" for="__nav_2" id="__nav_2_label"><span
      class="clo-visually-hidden">Pages in Money &amp; bills</span><span
      class="md-nav__icon md-icon"></span></label><nav class="md-nav"
      aria-labelledby="__nav_2_label"><label class="md-nav__title" for="__nav_2"><span
      class="md-nav__icon md-icon"></span> Money &amp; bills </label></nav><label
      class="md-nav__title">Table of contents</label>
    """
    titles = {
        toggle: Markup(" ".join(title.split())) for toggle, title in _PANEL_TITLE.findall(html)
    }

    def named(match: re.Match[str]) -> str:
        start, toggle, close, inside, end = match.groups()
        if not _TAG.sub("", inside).strip() and toggle in titles:
            name = words.markup("menu.section_pages", section=titles[toggle])
            inside = f'<span class="clo-visually-hidden">{name}</span>{inside}'
        return f"{start}{close}{inside}{end}"

    html = _SECTION_LABEL.sub(named, html)
    if 'id="__toc"' not in html:
        html = html.replace(_TOC_TITLE, '<label class="md-nav__title">')
    return Markup(html)


_MENU_TITLE = re.compile(r'<span class="md-ellipsis">(\s*)([^<]*?)(\s*)</span>')


def english_marked(html: str, titles: frozenset[str], tag: str) -> str:
    """The menu with each title in ``titles`` marked as language ``tag`` (left to right):
    on a page in another language, a page's title still in English is read as English
    by a screen reader (WCAG 3.1.2), as its heading already is.

    >>> english_marked('<span class="md-ellipsis"> Money &amp; bills </span>'
    ...                '<span class="md-ellipsis">المال</span>', frozenset({"Money & bills"}), "en-GB")
    '<span class="md-ellipsis" lang="en-GB" dir="ltr"> Money &amp; bills </span><span class="md-ellipsis">المال</span>'
    """
    if not titles:
        return html

    def marked(match: re.Match[str]) -> str:
        if html_text.unescape(match.group(2)) not in titles:
            return match.group(0)
        return f'<span class="md-ellipsis" lang="{tag}" dir="ltr">{"".join(match.groups())}</span>'

    return _MENU_TITLE.sub(marked, html)
