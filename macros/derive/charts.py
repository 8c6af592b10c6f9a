"""Charts and numbers from ``data/figures.yml``: pure functions, drawn at build time.

Each chart is an inline SVG (``role="img"`` with a ``<title>`` and ``<desc>``) followed
by an HTML table holding the same numbers, the date the figures describe and their
source. Nothing is fetched from another host and no JavaScript is needed.

Layout and words are worked out here; the templates ``chart-one-in-hundred.html`` and
``chart-bar.html`` only place the finished values in markup (autoescaped). The data
rules (counts that add up, at most eight placement types) are checked in
``macros/validate/rules/figures.py`` and the model.

Every chart is drawn in a ``viewBox`` :data:`WIDTH` units wide and scales to the width
of the page (CSS class ``clo-chart``). On a 360 px phone the content is about 320 px
wide, so one unit is about one pixel and no text is smaller than 13 px.

Prose uses ``figure()`` (``macros/derive/figures.py``), so no number is typed into a page.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, replace

from macros.validate.model.figures import (
    DistrictRate,
    Placements,
    Rates,
)
from macros.words import Words

WIDTH = 320
"""Width of every chart's viewBox, in user units (about pixels on a 360 px phone)."""

FONT_SIZE = 14
"""Size of chart text in user units."""

MARKER_FONT_SIZE = 13
"""Size of the letter on each person figure (bold, white on the figure's colour)."""

LINE_HEIGHT = 18
CHAR_WIDTH = 0.6
"""Width of an average character as a share of the font size, on the generous side, so
that wrapped lines fit inside the viewBox whatever system font draws them."""

SPACING_ROOM = 0.15
"""Room left on each line, a share of the font size a character, for the letter and word
spacing a reader may set: WCAG 1.4.12's 0.12 and 0.16 of the font size, about 0.15 a
character. SVG text cannot wrap by itself, so without it labels are cut off."""

FIGURES = 100
"""How many person figures the "1 in 100" chart draws."""

COLUMNS = 10
CELL_WIDTH = WIDTH // COLUMNS
CELL_HEIGHT = 44

PALETTE: tuple[str, ...] = (
    "#1d70b8",  # blue
    "#b35c00",  # orange
    "#4c2c92",  # purple
    "#00703c",  # green
    "#d4351c",  # red
    "#505a5f",  # grey
    "#912b88",  # magenta
    "#7a5c00",  # olive
)
"""Fill colours of placement types, in data order. Each has at least 4.5:1 contrast
with white, so it stands out from the white page (3:1 is needed for graphics) and the
white letter drawn on it is readable as text."""

MARKERS = "ABCDEFGH"
"""The letter on each placement type's figures, in data order, so that types can be told
apart without seeing colour."""

TEXT_COLOUR = "#0b0c0c"
BAR_COLOUR = "#00574f"
COMPARISON_COLOUR = "#0b0c0c"

CHART_COLOURS: tuple[str, ...] = (*PALETTE, TEXT_COLOUR, BAR_COLOUR, COMPARISON_COLOUR)
"""Every colour a chart draws with on the white page (tests check their contrast)."""

_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


# ---------------------------------------------------------------------------
# Numbers and words
# ---------------------------------------------------------------------------


def children_text(count: int, words: Words) -> str:
    """A count of children in words.

    >>> children_text(1, EN), children_text(1500, EN)
    ('1 child', '1,500 children')
    """
    return words("charts.children", count=count)


def percent_text(count: int, figures: int, words: Words) -> str:
    """The percentage shown for ``count`` children drawn as ``figures`` figures in 100.

    The percentage is the number of figures, so chart and table agree and the
    percentages add up to 100. A group too small to get a figure is "less than 1%".

    >>> percent_text(294, 43, EN), percent_text(2, 0, EN), percent_text(0, 0, EN)
    ('43%', 'less than 1%', '0%')
    """
    if count > 0 and figures == 0:
        return words("charts.less_than_one_percent")
    return words("charts.percent", percent=figures)


def largest_remainder(counts: Sequence[int], seats: int = FIGURES) -> list[int]:
    """Share ``seats`` out in proportion to ``counts`` (largest-remainder method).

    Each count first gets the whole part of its exact share,
    ``count * seats / sum(counts)``. The seats left over go one each to the counts
    with the largest fractional parts; a tie goes to the larger count, then to the
    one listed first. The result always adds up to exactly ``seats``.

    >>> largest_remainder([294, 10, 213, 95, 78])
    [43, 1, 31, 14, 11]
    >>> largest_remainder([1, 1, 1])
    [34, 33, 33]
    >>> largest_remainder([5, 0], seats=3)
    [3, 0]
    """
    total = sum(counts)
    if seats < 0 or any(count < 0 for count in counts):
        raise ValueError("counts and seats must not be negative")
    if total == 0:
        raise ValueError("cannot share out seats when every count is 0")
    # Integer arithmetic: exact, so ties are real ties and never rounding noise.
    shares = [count * seats // total for count in counts]
    remainders = [count * seats % total for count in counts]
    left = seats - sum(shares)
    order = sorted(range(len(counts)), key=lambda i: (-remainders[i], -counts[i], i))
    for index in order[:left]:
        shares[index] += 1
    return shares


def wrap_text(text: str, font_size: float, width: float) -> list[str]:
    """Split text into lines that fit ``width`` units at ``font_size`` (SVG cannot wrap).

    Lines are short enough to fit with a reader's wider text spacing too.

    >>> wrap_text("Other arrangements, such as placed for adoption", 14, 240)
    ['Other arrangements,', 'such as placed for', 'adoption']
    """
    chars = max(8, int(width / (font_size * (CHAR_WIDTH + SPACING_ROOM))))
    return textwrap.wrap(text, chars, break_long_words=False, break_on_hyphens=False) or [""]


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _n(value: float) -> str:
    """A coordinate for SVG markup.

    >>> _n(12.0), _n(1234.56)
    ('12', '1234.6')
    """
    rounded = round(value, 1)
    return str(int(rounded)) if rounded == int(rounded) else str(rounded)


def numbered_id(base: str, use: int) -> str:
    """The id for the ``use``-th chart with id ``base`` on one page, so ids stay unique.

    >>> numbered_id("clo-placements", 1), numbered_id("clo-placements", 2)
    ('clo-placements', 'clo-placements-2')
    """
    _check_id(base)
    return base if use <= 1 else f"{base}-{use}"


def _check_id(value: str) -> str:
    if not _ID.fullmatch(value):
        raise ValueError(f"chart id {value!r} must be lower-case words joined by hyphens")
    return value


# ---------------------------------------------------------------------------
# Placements: the "1 in 100" chart
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PlacementShare:
    """One placement type with its count, figures out of 100 and how it is drawn."""

    id: str
    label: str
    count: int
    count_text: str
    figures: int
    percent: str
    colour: str
    marker: str


def placement_shares(placements: Placements, words: Words) -> list[PlacementShare]:
    """Each placement type's share of the 100 figures, in data order.

    Figures follow :func:`largest_remainder`; the data step has checked that the counts
    add up to ``total`` and that there are at most eight types.

    >>> shares = placement_shares(EXAMPLE.placements, EN)
    >>> [(s.id, s.figures, s.percent, s.marker) for s in shares]
    [('foster', 67, '67%', 'A'), ('homes', 33, '33%', 'B')]
    """
    types = placements.by_type
    figures = largest_remainder([item.count for item in types])
    return [
        PlacementShare(
            id=item.id,
            label=item.label,
            count=item.count,
            count_text=words.number(item.count),
            figures=share,
            percent=percent_text(item.count, share, words),
            colour=PALETTE[index],
            marker=MARKERS[index],
        )
        for index, (item, share) in enumerate(zip(types, figures, strict=True))
    ]


@dataclass(frozen=True)
class TextLine:
    x: str
    y: str
    text: str


@dataclass(frozen=True)
class Person:
    """One figure: translated to (x, y); head, body and letter are in the template."""

    x: str
    y: str
    colour: str
    marker: str


@dataclass(frozen=True)
class LegendItem:
    person: Person
    lines: tuple[TextLine, ...]
    detail: TextLine


class _Labelled:
    """A chart's SVG is labelled by its title and description, ids made from the chart's."""

    id: str

    @property
    def title_id(self) -> str:
        return f"{self.id}-title"

    @property
    def desc_id(self) -> str:
        return f"{self.id}-desc"


@dataclass(frozen=True)
class OneInHundredView(_Labelled):
    id: str
    font_size: int
    marker_font_size: int
    title: str
    desc: str
    width: int
    height: int
    intro: tuple[TextLine, ...]
    people: tuple[Person, ...]
    legend: tuple[LegendItem, ...]
    shares: tuple[PlacementShare, ...]
    total_text: str
    caption: str
    as_of: str
    as_of_iso: str
    source: str


def _placements_desc(placements: Placements, shares: Sequence[PlacementShare], words: Words) -> str:
    opening = words(
        "charts.placements_opening",
        children=children_text(placements.total, words),
        date=words.date(placements.as_of),
        figures=FIGURES,
    )
    largest = max(shares, key=lambda s: s.count)
    smallest = min(shares, key=lambda s: s.count)
    if largest is smallest:
        return f"{opening} {words('charts.placements_one_group', label=largest.label)}"
    groups = words(
        "charts.placements_groups",
        largest=largest.label,
        largest_children=children_text(largest.count, words),
        largest_percent=largest.percent,
        smallest=smallest.label,
        smallest_children=children_text(smallest.count, words),
        smallest_percent=smallest.percent,
    )
    return f"{opening} {groups}"


def one_in_hundred_view(
    placements: Placements, words: Words, chart_id: str = "clo-placements"
) -> OneInHundredView:
    """Finished values for the "1 in 100" chart and its table.

    >>> view = one_in_hundred_view(EXAMPLE.placements, EN)
    >>> len(view.people), view.people[0].marker, view.people[-1].marker
    (100, 'A', 'B')
    >>> view.title
    'Where the 3 children looked after lived on 30 June 2018'
    """
    _check_id(chart_id)
    shares = placement_shares(placements, words)
    when = words.date(placements.as_of)
    children = children_text(placements.total, words)

    intro_text = words("charts.each_figure", figures=FIGURES, children=children)
    intro = tuple(
        TextLine("0", _n(16 + i * LINE_HEIGHT), line)
        for i, line in enumerate(wrap_text(intro_text, FONT_SIZE, WIDTH))
    )
    grid_top = 16 + (len(intro) - 1) * LINE_HEIGHT + 12

    people: list[Person] = []
    for share in shares:
        for _ in range(share.figures):
            row, column = divmod(len(people), COLUMNS)
            people.append(
                Person(
                    _n(column * CELL_WIDTH),
                    _n(grid_top + row * CELL_HEIGHT),
                    share.colour,
                    share.marker,
                )
            )

    legend: list[LegendItem] = []
    y = grid_top + (FIGURES // COLUMNS) * CELL_HEIGHT + 12
    text_x = CELL_WIDTH + 8
    for share in shares:
        label_lines = wrap_text(share.label, FONT_SIZE, WIDTH - text_x)
        lines = tuple(
            TextLine(_n(text_x), _n(y + 14 + i * LINE_HEIGHT), line)
            for i, line in enumerate(label_lines)
        )
        detail = TextLine(
            _n(text_x),
            _n(y + 14 + len(label_lines) * LINE_HEIGHT),
            words(
                "charts.placement_detail",
                children=children_text(share.count, words),
                percent=share.percent,
            ),
        )
        legend.append(LegendItem(Person("0", _n(y), share.colour, share.marker), lines, detail))
        y += max(CELL_HEIGHT, 14 + len(label_lines) * LINE_HEIGHT + 6) + 10

    return OneInHundredView(
        id=chart_id,
        font_size=FONT_SIZE,
        marker_font_size=MARKER_FONT_SIZE,
        title=words("charts.placements_title", children=children, date=when),
        desc=_placements_desc(placements, shares, words),
        width=WIDTH,
        height=y,
        intro=intro,
        people=tuple(people),
        legend=tuple(legend),
        shares=tuple(shares),
        total_text=words.number(placements.total),
        caption=words("charts.placements_caption", date=when),
        as_of=when,
        as_of_iso=placements.as_of.isoformat(),
        source=_sentence(placements.source),
    )


# ---------------------------------------------------------------------------
# Rates by district: a horizontal bar chart
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    name: str
    children: str
    rate: str
    lines: tuple[TextLine, ...]
    x: str
    y: str
    width: str
    height: str
    value: TextLine


@dataclass(frozen=True)
class BarChartView(_Labelled):
    id: str
    font_size: int
    title: str
    desc: str
    width: int
    height: int
    heading: tuple[TextLine, ...]
    key_lines: tuple[TextLine, ...]
    key_y1: str
    key_y2: str
    bars: tuple[Bar, ...]
    line_x: str
    line_y1: str
    line_y2: str
    comparison_label: str
    comparison_rate: str
    caption: str
    as_of: str
    as_of_iso: str
    source: str
    bar_colour: str
    comparison_colour: str


def highest_district(rates: Rates) -> DistrictRate:
    """The district with the highest rate (the first listed, if two are equal).

    >>> highest_district(EXAMPLE.rates).name
    'Northdale'
    """
    return max(rates.districts, key=lambda district: district.rate_per_10000)


def lowest_district(rates: Rates) -> DistrictRate:
    """The district with the lowest rate (the first listed, if two are equal).

    >>> lowest_district(EXAMPLE.rates).name
    'Southvale'
    """
    return min(rates.districts, key=lambda district: district.rate_per_10000)


def districts_above_comparison(rates: Rates) -> int:
    """How many districts have a rate above the comparison rate.

    >>> districts_above_comparison(EXAMPLE.rates)
    1
    """
    return sum(1 for d in rates.districts if d.rate_per_10000 > rates.comparison_rate)


def _rates_desc(rates: Rates, words: Words) -> str:
    high, low = highest_district(rates), lowest_district(rates)
    count = len(rates.districts)
    opening = words("charts.rates_opening", count=count, date=words.date(rates.as_of))
    comparison = words(
        "charts.rates_comparison",
        label=rates.comparison_label,
        rate=words.number(rates.comparison_rate),
    )
    if high is low:
        one = words("charts.rates_one", name=high.name, rate=words.number(high.rate_per_10000))
        return f"{opening} {one} {comparison}"
    spread = words(
        "charts.rates_spread",
        highest=high.name,
        highest_rate=words.number(high.rate_per_10000),
        lowest=low.name,
        lowest_rate=words.number(low.rate_per_10000),
    )
    above = words(
        "charts.rates_above", above=words.number(districts_above_comparison(rates)), count=count
    )
    return f"{opening} {spread} {comparison} {above}"


def bar_chart_view(rates: Rates, words: Words, chart_id: str = "clo-districts") -> BarChartView:
    """Finished values for the district bar chart and its table, highest rate first.

    >>> view = bar_chart_view(EXAMPLE.rates, EN)
    >>> [(bar.name, bar.rate) for bar in view.bars]
    [('Northdale', '111.9'), ('Southvale', '21.8')]
    >>> view.comparison_rate
    '91'
    """
    _check_id(chart_id)
    ordered = sorted(rates.districts, key=lambda d: -d.rate_per_10000)
    comparison_text = words.number(rates.comparison_rate)
    value_texts = [words.number(d.rate_per_10000) for d in ordered]

    heading = tuple(
        TextLine("0", _n(16 + i * LINE_HEIGHT), line)
        for i, line in enumerate(wrap_text(words("charts.rate_heading"), FONT_SIZE, WIDTH))
    )
    y = 16 + len(heading) * LINE_HEIGHT + 4
    key_x = 16
    key_text = words("charts.rate_key", label=rates.comparison_label, rate=comparison_text)
    key_lines = tuple(
        TextLine(_n(key_x), _n(y + i * LINE_HEIGHT), line)
        for i, line in enumerate(wrap_text(key_text, FONT_SIZE, WIDTH - key_x))
    )
    key_y1, key_y2 = y - 13, y + (len(key_lines) - 1) * LINE_HEIGHT + 3
    y = key_y2 + 16

    # Room on the right for the longest value label, so labels never leave the chart
    # (with a reader's text spacing too).
    longest = max(len(text) for text in value_texts)
    plot_width = WIDTH - (6 + longest * FONT_SIZE * (CHAR_WIDTH + SPACING_ROOM) + 2)
    top = max(max(d.rate_per_10000 for d in ordered), rates.comparison_rate) or 1.0

    def x_of(rate: float) -> float:
        return rate / top * plot_width

    line_y1 = y - 6
    bars: list[Bar] = []
    for district, value_text in zip(ordered, value_texts, strict=True):
        label = words(
            "charts.district_label",
            name=district.name,
            children=children_text(district.children, words),
        )
        lines = tuple(
            TextLine("0", _n(y + 14 + i * LINE_HEIGHT), line)
            for i, line in enumerate(wrap_text(label, FONT_SIZE, WIDTH))
        )
        bar_y = y + len(lines) * LINE_HEIGHT + 4
        end = x_of(district.rate_per_10000)
        bars.append(
            Bar(
                name=district.name,
                children=words.number(district.children),
                rate=value_text,
                lines=lines,
                x="0",
                y=_n(bar_y),
                width=_n(end),
                height="22",
                value=TextLine(_n(end + 6), _n(bar_y + 16), value_text),
            )
        )
        y = bar_y + 22 + 12

    when = words.date(rates.as_of)
    title = words("charts.rates_title", date=when)
    return BarChartView(
        id=chart_id,
        font_size=FONT_SIZE,
        title=title,
        desc=_rates_desc(rates, words),
        width=WIDTH,
        height=y,
        heading=heading,
        key_lines=key_lines,
        key_y1=_n(key_y1),
        key_y2=_n(key_y2),
        bars=tuple(bars),
        line_x=_n(x_of(rates.comparison_rate)),
        line_y1=_n(line_y1),
        line_y2=_n(y - 6),
        comparison_label=rates.comparison_label,
        comparison_rate=comparison_text,
        caption=title,
        as_of=when,
        as_of_iso=rates.as_of.isoformat(),
        source=_sentence(rates.source),
        bar_colour=BAR_COLOUR,
        comparison_colour=COMPARISON_COLOUR,
    )


ChartView = OneInHundredView | BarChartView


def with_id(view: ChartView, chart_id: str) -> ChartView:
    """The same chart under another id, for a second copy on one page.

    >>> with_id(bar_chart_view(EXAMPLE.rates, EN), "clo-districts-2").title_id
    'clo-districts-2-title'
    """
    return replace(view, id=_check_id(chart_id))
