"""The words of the interface, one catalogue per language, and locale-aware dates and numbers.

Every word the site shows that is not the council's own content (labels such as "Who can
get it", review statuses, chart captions, the JavaScript's messages) is in
``macros/words/<language>.yml``, keyed by what it is for. Templates call ``t("entry.contact")``;
Python views call ``words("entry.contact")``; the JavaScript reads the words the page
gives it as JSON. Dates, numbers and lists are written with Babel (CLDR data), so month
names and separators follow the language.

Why a YAML catalogue rather than gettext: keys say what a word is for, so no English
is typed into templates or code (a test checks); comms staff and translators edit the
same YAML they already know, checked by the same loader; plural forms still follow
each language's rules (CLDR, through Babel).

>>> words = load_words("en-GB")
>>> words("entry.contact")
'Contact'
>>> words("ages.range", start=18, end=25)
'Ages 18 to 25'
>>> words("charts.children", count=1500)
'1,500 children'
>>> words.date(dt.date(2026, 4, 1))
'1 April 2026'
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import yaml
from babel import Locale
from babel.dates import format_date, format_skeleton, format_time, get_day_names
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal
from markupsafe import Markup, escape

CATALOGUE_DIR = Path(__file__).parent
PLURAL_FORMS = frozenset({"zero", "one", "two", "few", "many", "other"})
DATE_FORMAT = "d MMMM y"
"""Day, full month name, year: "1 April 2026", the GOV.UK style, in every language."""

Entry = str | Mapping[str, str]


@dataclass(frozen=True)
class Words:
    """The catalogue of one language, with its locale."""

    language: str
    """BCP 47 tag for HTML ``lang``, e.g. ``en-GB``."""
    locale: Locale
    entries: Mapping[str, Entry]
    """Flattened keys (``entry.contact``) to text, or to plural forms by category."""
    untranslated: frozenset[str] = frozenset()
    """Keys this language's catalogue does not have yet: their English is used."""

    @property
    def direction(self) -> str:
        """``ltr`` or ``rtl``, for HTML ``dir``.

        >>> load_words("en-GB").direction
        'ltr'
        """
        return "rtl" if self.locale.text_direction == "rtl" else "ltr"

    def __call__(self, key: str, /, **values: Any) -> str:
        """The words for ``key`` as plain text, placeholders filled in.

        A plural entry is chosen by ``count``, which is then written as a number.
        """
        return self.text(key, values.get("count")).format(**self._values(values))

    def markup(self, key: str, /, **values: Any) -> Markup:
        """The words for ``key`` as HTML: the words escaped, each value escaped unless it
        is already markup (a link built by a template).

        >>> str(load_words("en-GB").markup("help.call", phone=Markup('<a href="tel:1">1</a>')))
        'Call <a href="tel:1">1</a>'
        >>> str(load_words("en-GB").markup("entry.email", email="<b>"))
        'Email &lt;b&gt;'
        """
        escaped = _escaped(self.text(key, values.get("count")))
        if not values:
            return escaped
        # str.format on the escaped words with each value escaped: what Markup.format
        # does, several times faster (it is called for every label of every entry).
        filled = {name: escape(value) for name, value in self._values(values).items()}
        return Markup(str(escaped).format(**filled))

    def text(self, key: str, count: Any = None) -> str:
        """The raw entry for ``key``, the plural form for ``count`` when it has forms."""
        try:
            entry = self.entries[key]
        except KeyError:
            raise KeyError(f"no interface words '{key}' in the {self.language} catalogue") from None
        if isinstance(entry, str):
            text = entry
        elif count is None:
            raise KeyError(f"interface words '{key}' have plural forms: give count=")
        else:
            text = entry.get(self.locale.plural_form(count), entry["other"])
        if key in self.untranslated and self.locale.text_direction == "rtl":
            # English shown until translated keeps its own order ("What can I get?", not
            # "?What can I get") inside right-to-left text: isolated, as values are.
            return str(_isolated(text))
        return text

    def _values(self, values: Mapping[str, Any]) -> dict[str, Any]:
        filled = dict(values)
        if "count" in values and isinstance(values["count"], int | float):
            filled["count"] = self.number(values["count"])
        if self.locale.text_direction == "rtl":
            # Each value is isolated (U+2068 ... U+2069), so an English name or note, a
            # phone number or a date keeps its own order inside right-to-left words.
            return {name: _isolated(value) for name, value in filled.items()}
        return filled

    def date(self, value: dt.date) -> str:
        """A date for people: "1 April 2026" in English.

        >>> load_words("en-GB").date(dt.date(2026, 11, 23))
        '23 November 2026'
        """
        if not isinstance(value, dt.date):
            raise TypeError(f"date(): expected a date written YYYY-MM-DD, got {value!r}")
        return format_date(value, DATE_FORMAT, locale=self.locale)

    def month(self, value: dt.date) -> str:
        """A month and its year, the language's way: "November 2026" in English.

        >>> load_words("en-GB").month(dt.date(2026, 11, 23))
        'November 2026'
        """
        return format_skeleton("yMMMM", value, locale=self.locale)

    def day(self, value: dt.date) -> str:
        """A day of a month without the year, the language's way: "23 November".

        >>> load_words("en-GB").day(dt.date(2026, 11, 23))
        '23 November'
        """
        return format_skeleton("MMMMd", value, locale=self.locale)

    def time(self, value: dt.time) -> str:
        """A time of day the language's short way: "17:30" in British English.

        >>> load_words("en-GB").time(dt.time(17, 30))
        '17:30'
        """
        return format_time(value, "short", locale=self.locale)

    def weekday(self, index: int) -> str:
        """The name of a day, Monday = 0.

        >>> load_words("en-GB").weekday(3)
        'Thursday'
        """
        return str(get_day_names("wide", locale=self.locale)[index])

    def money(self, value: Decimal) -> str:
        """Pounds: "£57.90", and "£3,000" for whole pounds.

        >>> words = load_words("en-GB")
        >>> words.money(Decimal("57.9")), words.money(Decimal("3000"))
        ('£57.90', '£3,000')
        """
        whole = value == value.to_integral_value()
        pattern = "¤#,##0" if whole else "¤#,##0.00"
        return format_currency(
            value, "GBP", format=pattern, currency_digits=False, locale=self.locale
        )

    def number(self, value: float) -> str:
        """A number with the language's separators, at most two decimals.

        >>> words = load_words("en-GB")
        >>> words.number(1234), words.number(88.4), words.number(21.456)
        ('1,234', '88.4', '21.46')
        """
        return format_decimal(round(value, 2), locale=self.locale)

    def join(self, items: list[str], style: Literal["standard", "or"] = "standard") -> str:
        """Items as a list in a sentence: "a, b and c", or with ``style="or"`` "a, b or c".

        >>> load_words("en-GB").join(["rent", "food", "bills"])
        'rent, food and bills'
        >>> load_words("en-GB").join(["Northdale", "Southvale"], style="or")
        'Northdale or Southvale'
        """
        return format_list(items, style=style, locale=self.locale) if items else ""

    def for_script(self, *prefixes: str) -> dict[str, Entry]:
        """The entries under ``prefixes``, for a page's JavaScript (as JSON).

        >>> sorted(load_words("en-GB").for_script("menu"))
        ['menu.back', 'menu.button', 'menu.page_contents', 'menu.search_link', 'menu.section_pages']
        """
        return {
            key: entry
            for key, entry in self.entries.items()
            if any(key == prefix or key.startswith(prefix + ".") for prefix in prefixes)
        }


@lru_cache(maxsize=4096)
def _escaped(text: str) -> Markup:
    return escape(text)


def _isolated(value: Any) -> Any:
    """A value between the Unicode isolate marks (first strong isolate, pop isolate).

    >>> _isolated("Money") == "\u2068Money\u2069", str(_isolated(Markup("<b>1</b>")))
    (True, '\u2068<b>1</b>\u2069')
    """
    if isinstance(value, Markup):
        return Markup("\u2068") + value + Markup("\u2069")
    return f"\u2068{value}\u2069"


def placeholders(text: str) -> set[str]:
    """The names of the placeholders in one entry.

    >>> sorted(placeholders("Ages {start} to {end}"))
    ['end', 'start']
    """
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def flatten(tree: Mapping[str, Any], prefix: str = "") -> dict[str, Entry]:
    """Nested groups to dotted keys; a group of plural forms stays one entry.

    >>> flatten({"a": {"b": "x", "n": {"one": "1", "other": "2"}}})
    {'a.b': 'x', 'a.n': {'one': '1', 'other': '2'}}
    """
    flat: dict[str, Entry] = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and set(value) <= PLURAL_FORMS and "other" in value:
            flat[name] = {form: str(text) for form, text in value.items()}
        elif isinstance(value, Mapping):
            flat.update(flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


def catalogue_path(language: str) -> Path:
    """The catalogue file for a language tag: ``en-GB`` -> ``en.yml`` unless ``en-GB.yml`` exists.

    >>> catalogue_path("en-GB").name
    'en.yml'
    """
    exact = CATALOGUE_DIR / f"{language}.yml"
    return exact if exact.is_file() else CATALOGUE_DIR / f"{language.split('-')[0]}.yml"


@lru_cache(maxsize=8)
def load_words(language: str) -> Words:
    """The catalogue for ``language`` (a BCP 47 tag such as ``en-GB``).

    The catalogue ships with the template and is read as plain YAML. A language with no
    catalogue yet has the English words, each marked untranslated (and isolated in a
    right-to-left language):

    >>> words = load_words("ps")
    >>> words("entry.contact") == "\u2068Contact\u2069", words.direction
    (True, 'rtl')
    """
    path = catalogue_path(language)
    if not path.is_file():
        # A language listed before its interface words exist: the whole interface in
        # English (``check`` says so), so a language can be added with data alone.
        english = _catalogue(ENGLISH)
        locale = Locale.parse(language.replace("-", "_"))
        return Words(language, locale, english, frozenset(english))
    entries = _catalogue(path)
    untranslated: frozenset[str] = frozenset()
    if path != ENGLISH:
        # A key added to the English catalogue shows in English until it is translated
        # (``check`` lists such keys), so adding a word never breaks another language.
        english = _catalogue(ENGLISH)
        untranslated = frozenset(english) - frozenset(entries)
        entries = {**english, **entries}
    return Words(language, Locale.parse(language.replace("-", "_")), entries, untranslated)


ENGLISH = CATALOGUE_DIR / "en.yml"


def _catalogue(path: Path) -> dict[str, Entry]:
    # libyaml when it is there: ten times faster than PyYAML's own parser for this file.
    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return flatten(yaml.load(path.read_text(encoding="utf-8"), Loader=loader))


def has_catalogue(language: str) -> bool:
    """Whether the interface's words exist in ``language`` (``macros/words/<code>.yml``).

    >>> has_catalogue("en-GB"), has_catalogue("xx")
    (True, False)
    """
    return catalogue_path(language).is_file()
