"""The council's arrangements for care leavers' move to adult life, as finished values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from markupsafe import Markup

from macros.derive.markdown import markdown_to_html, plain_text
from macros.derive.offer import ReviewView, review_view
from macros.derive.review import review
from macros.validate.model import REQUIRED_PARTS, ArrangementsFile
from macros.validate.model.site import ReviewSettings
from macros.words import Words


@dataclass(frozen=True)
class PartView:
    id: str
    heading: str
    text_html: Markup
    law: str


@dataclass(frozen=True)
class ArrangementsView:
    title: str
    introduction_html: Markup
    description: str
    owner: str | None
    review: ReviewView
    parts: tuple[PartView, ...]
    """In the law's order."""
    url: str | None
    """Site URL of the page that shows them (``arrangements()``), if any."""
    content_lang: str | None = None
    """The language tag of the file's words on a page in another language (the file is
    not translated), so that they are marked as English; else None."""


def arrangements_view(
    file: ArrangementsFile,
    settings: ReviewSettings,
    words: Words,
    today: dt.date,
    url: str | None,
    content_lang: str | None = None,
) -> ArrangementsView:
    """The arrangements, their parts in the order the law lists them; ``content_lang``
    is the file's language tag when the pages are in another language."""
    order = {part.id: index for index, part in enumerate(REQUIRED_PARTS)}
    laws = {part.id: part.law for part in REQUIRED_PARTS}
    checked = review(
        file.last_reviewed_on,
        file.review_in,
        file.review_by,
        settings.default_review_in,
        settings.due_soon_days,
        today,
    )
    return ArrangementsView(
        title=file.title,
        introduction_html=markdown_to_html(file.introduction),
        description=plain_text(file.introduction),
        owner=file.owner,
        review=review_view(checked, settings.due_soon_days, words),
        parts=tuple(
            PartView(part.part, part.heading, markdown_to_html(part.text), laws[part.part])
            for part in sorted(file.parts, key=lambda part: order.get(part.part, len(order)))
        ),
        url=url,
        content_lang=content_lang,
    )
