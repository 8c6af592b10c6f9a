"""Data shown in a page's Markdown: plain text that Markdown and HTML show as it is.

Pages are Markdown with Jinja in them, so ``{{ council.name }}`` is placed in the page
before Markdown reads it. Data is plain text unless the model says it is Markdown, so a
value such as ``[tap](javascript:...)``, ``<img src=x>``, ``*stars*`` or ``{: onclick=x }``
must reach the reader as those characters, never as a link, an element, emphasis or an
attribute. ``page_text`` writes every character that Markdown or HTML would read as
markup as a numeric character reference (``[`` -> ``&#91;``), which both pass through and
the browser shows as the character itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any

from pydantic import AnyUrl, BaseModel

_MARKUP = re.compile(r"[&<>\"'\\`*_{}\[\]()#+!|~^=:]")
# In a web address only these mean something to Markdown or HTML; percent-encoding them
# gives the same address, still usable as a link's target.
_URL_MARKUP = re.compile(r"[<>\"'\\`*{}\[\]()| ]")


def page_text(value: str) -> str:
    """Plain text for a page's Markdown.

    >>> page_text("Northby [tap](javascript:alert(1)) <b> *x* {: onclick=y }")
    'Northby &#91;tap&#93;&#40;javascript&#58;alert&#40;1&#41;&#41; &#60;b&#62; &#42;x&#42; &#123;&#58; onclick&#61;y &#125;'
    >>> page_text("Leaving Care Team, County Hall")
    'Leaving Care Team, County Hall'
    """
    return _MARKUP.sub(lambda match: f"&#{ord(match.group())};", value)


def page_address(value: str) -> str:
    """A web address for a page's Markdown: the same address, nothing Markdown can read.

    >>> page_address("https://a.example/x_(1)?q=*")
    'https://a.example/x_%281%29?q=%2A'
    """
    return _URL_MARKUP.sub(lambda match: f"%{ord(match.group()):02X}", value)


class PageFields(Mapping[str, Any]):
    """A data group as pages see it: ``{{ council.name }}``, each text written by ``page_text``.

    Numbers and dates stay what they are (``date(accessibility.statement_reviewed_on)``);
    web addresses are text; a field that does not exist is an error, as in the model.

    >>> from macros.validate.model.site import Council
    >>> council = Council(name="A & B", short_name="A", area_name="A", website="https://a.example/")
    >>> fields = PageFields(council)
    >>> fields.name, fields.website
    ('A &#38; B', 'https://a.example/')
    """

    def __init__(self, model: BaseModel) -> None:
        self._values = {name: _for_page(getattr(model, name)) for name in type(model).model_fields}

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"PageFields({', '.join(self._values)})"


def _for_page(value: Any) -> Any:
    if isinstance(value, str):
        return page_text(value)
    if isinstance(value, AnyUrl):
        return page_address(str(value))
    if isinstance(value, BaseModel):
        return PageFields(value)
    if isinstance(value, list | tuple):
        return tuple(_for_page(item) for item in value)
    if value is None or isinstance(value, bool | int | float | dt.date):
        return value
    raise TypeError(f"no page form for {type(value).__name__}")
