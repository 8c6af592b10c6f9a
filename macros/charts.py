"""Charts and numbers from ``data/figures.yml``: pure functions, drawn at build time.

Each chart is an inline SVG (``role="img"`` with a ``<title>`` and ``<desc>``) followed
by an HTML table holding the same numbers, the date the figures describe and their
source. Nothing is fetched from another host and no JavaScript is needed.

Layout is worked out here; the templates ``chart-one-in-hundred.html`` and
``chart-bar.html`` only place the finished values in markup (autoescaped).

Every chart is drawn in a ``viewBox`` :data:`WIDTH` units wide and scales to the width
of the page (CSS class ``clo-chart``). On a 360 px phone the content is about 320 px
wide, so one unit is about one pixel and no text is smaller than 13 px.

Prose uses :func:`figure_value`, so no number is typed into a page.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from .dates import format_date
from .model.figures import DistrictRate, FiguresFile, PlacementCount, Placements, Rates
from .render import render

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


def format_number(value: float) -> str:
    """A number as people write it: thousands separated, at most two decimals.

    >>> format_number(690)
    '690'
    >>> format_number(1234.0)
    '1,234'
    >>> format_number(88.4)
    '88.4'
    >>> format_number(21.456)
    '21.46'
    """
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def children_text(count: int) -> str:
    """A count of children in words.

    >>> children_text(1)
    '1 child'
    >>> children_text(1500)
    '1,500 children'
    """
    return f"{format_number(count)} {'child' if count == 1 else 'children'}"


def percent_text(count: int, figures: int) -> str:
    """The percentage shown for ``count`` children drawn as ``figures`` figures in 100.

    The percentage is the number of figures, so chart and table agree and the
    percentages add up to 100. A group too small to get a figure is "less than 1%".

    >>> percent_text(294, 43)
    '43%'
    >>> percent_text(2, 0)
    'less than 1%'
    >>> percent_text(0, 0)
    '0%'
    """
    if count > 0 and figures == 0:
        return "less than 1%"
    return f"{figures}%"


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

    >>> wrap_text("Other arrangements, such as placed for adoption", 14, 240)
    ['Other arrangements, such as', 'placed for adoption']
    """
    chars = max(8, int(width / (font_size * CHAR_WIDTH)))
    return textwrap.wrap(text, chars, break_long_words=False, break_on_hyphens=False) or [""]


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _n(value: float) -> str:
    """A coordinate for SVG markup."""
    return format_number(round(value, 1)).replace(",", "")


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


def placement_shares(placements: Placements) -> list[PlacementShare]:
    """Each placement type's share of the 100 figures, in data order.

    Counts must add up to ``total``; figures follow :func:`largest_remainder`.

    >>> shares = placement_shares(EXAMPLE.placements)
    >>> [(s.id, s.figures, s.percent, s.marker) for s in shares]
    [('foster', 67, '67%', 'A'), ('homes', 33, '33%', 'B')]
    """
    types = placements.by_type
    if len(types) > len(PALETTE):
        raise ValueError(
            f"data/figures.yml: placements.by_type has {len(types)} types; the chart can show "
            f"at most {len(PALETTE)}. Combine the smallest into one type such as 'Other'."
        )
    counted = sum(item.count for item in types)
    if counted != placements.total:
        raise ValueError(
            f"data/figures.yml: placements.by_type counts add up to {counted}, "
            f"but placements.total is {placements.total}; they must be equal"
        )
    figures = largest_remainder([item.count for item in types])
    return [
        PlacementShare(
            id=item.id,
            label=item.label,
            count=item.count,
            count_text=format_number(item.count),
            figures=share,
            percent=percent_text(item.count, share),
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


@dataclass(frozen=True)
class OneInHundredView:
    id: str
    font_size: int
    marker_font_size: int
    title_id: str
    desc_id: str
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


def _placements_desc(placements: Placements, shares: Sequence[PlacementShare]) -> str:
    total = children_text(placements.total)
    when = format_date(placements.as_of)
    opening = (
        f"{total} looked after on {when}, drawn as {FIGURES} figures: "
        f"each stands for 1 in {FIGURES} children."
    )
    largest = max(shares, key=lambda s: s.count)
    smallest = min(shares, key=lambda s: s.count)
    if largest is smallest:
        return f"{opening} All were in one group: {largest.label}."
    return (
        f"{opening} Largest group: {largest.label}, {children_text(largest.count)} "
        f"({largest.percent}). Smallest group: {smallest.label}, "
        f"{children_text(smallest.count)} ({smallest.percent})."
    )


def one_in_hundred_view(
    placements: Placements, chart_id: str = "clo-placements"
) -> OneInHundredView:
    """Finished values for the "1 in 100" chart and its table.

    >>> view = one_in_hundred_view(EXAMPLE.placements)
    >>> len(view.people), view.people[0].marker, view.people[-1].marker
    (100, 'A', 'B')
    >>> view.title
    'Where the 3 children looked after lived on 30 June 2018'
    """
    _check_id(chart_id)
    shares = placement_shares(placements)
    total_text = format_number(placements.total)
    when = format_date(placements.as_of)

    intro_text = f"Each figure stands for 1 in {FIGURES} of the {children_text(placements.total)}."
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
            f"{children_text(share.count)}, {share.percent}",
        )
        legend.append(LegendItem(Person("0", _n(y), share.colour, share.marker), lines, detail))
        y += max(CELL_HEIGHT, 14 + len(label_lines) * LINE_HEIGHT + 6) + 10

    return OneInHundredView(
        id=chart_id,
        font_size=FONT_SIZE,
        marker_font_size=MARKER_FONT_SIZE,
        title_id=f"{chart_id}-title",
        desc_id=f"{chart_id}-desc",
        title=f"Where the {children_text(placements.total)} looked after lived on {when}",
        desc=_placements_desc(placements, shares),
        width=WIDTH,
        height=y,
        intro=intro,
        people=tuple(people),
        legend=tuple(legend),
        shares=tuple(shares),
        total_text=total_text,
        caption=f"Where children looked after lived on {when}",
        as_of=when,
        as_of_iso=placements.as_of.isoformat(),
        source=_sentence(placements.source),
    )


def placement_chart(placements: Placements, chart_id: str = "clo-placements") -> Markup:
    """The "1 in 100" chart of where children lived, with its table and source.

    ``chart_id`` starts every id in the markup; give each chart on a page its own.

    >>> html = placement_chart(EXAMPLE.placements)
    >>> 'role="img"' in html and 'aria-labelledby="clo-placements-title' in html
    True
    >>> html.count('<th scope="row">')
    3
    """
    return render("chart-one-in-hundred.html", chart=one_in_hundred_view(placements, chart_id))


# ---------------------------------------------------------------------------
# Rates by district: a horizontal bar chart
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    name: str
    children_text: str
    children: str
    rate: str
    lines: tuple[TextLine, ...]
    x: str
    y: str
    width: str
    height: str
    value: TextLine


@dataclass(frozen=True)
class BarChartView:
    id: str
    font_size: int
    title_id: str
    desc_id: str
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


def _rates_desc(rates: Rates) -> str:
    high, low = highest_district(rates), lowest_district(rates)
    count = len(rates.districts)
    opening = (
        f"Children looked after per 10,000 children in each of {count} "
        f"district{'s' if count != 1 else ''} on {format_date(rates.as_of)}."
    )
    comparison = f"{rates.comparison_label}: {format_number(rates.comparison_rate)}."
    if high is low:
        return f"{opening} {high.name}: {format_number(high.rate_per_10000)}. {comparison}"
    above = districts_above_comparison(rates)
    return (
        f"{opening} Highest: {high.name}, {format_number(high.rate_per_10000)}. "
        f"Lowest: {low.name}, {format_number(low.rate_per_10000)}. {comparison} "
        f"{above} of {count} districts are above it."
    )


def bar_chart_view(rates: Rates, chart_id: str = "clo-districts") -> BarChartView:
    """Finished values for the district bar chart and its table, highest rate first.

    >>> view = bar_chart_view(EXAMPLE.rates)
    >>> [(bar.name, bar.rate) for bar in view.bars]
    [('Northdale', '111.9'), ('Southvale', '21.8')]
    >>> view.comparison_rate
    '91'
    """
    _check_id(chart_id)
    ordered = sorted(rates.districts, key=lambda d: -d.rate_per_10000)
    comparison_text = format_number(rates.comparison_rate)
    value_texts = [format_number(d.rate_per_10000) for d in ordered]

    heading = tuple(
        TextLine("0", _n(16 + i * LINE_HEIGHT), line)
        for i, line in enumerate(wrap_text("Rate per 10,000 children", FONT_SIZE, WIDTH))
    )
    y = 16 + len(heading) * LINE_HEIGHT + 4
    key_x = 16
    key_text = f"{rates.comparison_label}: {comparison_text} (dashed line)"
    key_lines = tuple(
        TextLine(_n(key_x), _n(y + i * LINE_HEIGHT), line)
        for i, line in enumerate(wrap_text(key_text, FONT_SIZE, WIDTH - key_x))
    )
    key_y1, key_y2 = y - 13, y + (len(key_lines) - 1) * LINE_HEIGHT + 3
    y = key_y2 + 16

    # Room on the right for the longest value label, so labels never leave the chart.
    longest = max(len(text) for text in value_texts)
    plot_width = WIDTH - (6 + longest * FONT_SIZE * CHAR_WIDTH + 2)
    top = max(max(d.rate_per_10000 for d in ordered), rates.comparison_rate) or 1.0

    def x_of(rate: float) -> float:
        return rate / top * plot_width

    line_y1 = y - 6
    bars: list[Bar] = []
    for district, value_text in zip(ordered, value_texts, strict=True):
        label = f"{district.name}: {children_text(district.children)}"
        lines = tuple(
            TextLine("0", _n(y + 14 + i * LINE_HEIGHT), line)
            for i, line in enumerate(wrap_text(label, FONT_SIZE, WIDTH))
        )
        bar_y = y + len(lines) * LINE_HEIGHT + 4
        end = x_of(district.rate_per_10000)
        bars.append(
            Bar(
                name=district.name,
                children_text=children_text(district.children),
                children=format_number(district.children),
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

    when = format_date(rates.as_of)
    return BarChartView(
        id=chart_id,
        font_size=FONT_SIZE,
        title_id=f"{chart_id}-title",
        desc_id=f"{chart_id}-desc",
        title=f"Children looked after per 10,000 children, by district, on {when}",
        desc=_rates_desc(rates),
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
        caption=f"Children looked after per 10,000 children, by district, on {when}",
        as_of=when,
        as_of_iso=rates.as_of.isoformat(),
        source=_sentence(rates.source),
        bar_colour=BAR_COLOUR,
        comparison_colour=COMPARISON_COLOUR,
    )


def district_chart(rates: Rates, chart_id: str = "clo-districts") -> Markup:
    """The bar chart of rates by district, with its table and source.

    >>> html = district_chart(EXAMPLE.rates)
    >>> 'role="img"' in html and '>111.9</text>' in html and "stroke-dasharray" in html
    True
    """
    return render("chart-bar.html", chart=bar_chart_view(rates, chart_id))


def figure_charts(figures: FiguresFile) -> Markup:
    """Both charts, placements first.

    >>> html = figure_charts(EXAMPLE)
    >>> html.count("<svg"), html.count("<table")
    (2, 2)
    """
    return Markup("\n").join([placement_chart(figures.placements), district_chart(figures.rates)])


# ---------------------------------------------------------------------------
# Numbers for prose
# ---------------------------------------------------------------------------

_FIXED_NAMES = (
    "total",
    "as_of",
    "rates_as_of",
    "comparison_label",
    "comparison_rate",
    "highest_district",
    "highest_rate",
    "lowest_district",
    "lowest_rate",
    "districts",
    "districts_above_comparison",
)


def figure_names(figures: FiguresFile) -> list[str]:
    """Every name :func:`figure_value` knows (sums of placement ids also work).

    >>> figure_names(EXAMPLE)[-4:]
    ['foster', 'foster.percent', 'homes', 'homes.percent']
    """
    ids = [item.id for item in figures.placements.by_type]
    others = [item.id for item in figures.other]
    return [*_FIXED_NAMES, *(name for pid in ids for name in (pid, f"{pid}.percent")), *others]


def _placement_value(figures: FiguresFile, name: str) -> str | None:
    ids, _, suffix = name.partition(".")
    if suffix not in ("", "percent"):
        return None
    shares = {share.id: share for share in placement_shares(figures.placements)}
    wanted = ids.split("+")
    if not all(pid in shares for pid in wanted):
        return None
    count = sum(shares[pid].count for pid in wanted)
    if suffix == "percent":
        return percent_text(count, sum(shares[pid].figures for pid in wanted))
    return format_number(count)


def figure_value(figures: FiguresFile, name: str) -> str:
    """One number or word from ``data/figures.yml``, written for a sentence.

    ``name`` is one of :func:`figure_names`: ``total``, ``as_of`` (a date such as
    "30 June 2018"), a placement id (its count), a placement id with ``.percent``,
    placement ids joined by ``+`` (their sum), or a fact about the district rates.

    >>> figure_value(EXAMPLE, "total"), figure_value(EXAMPLE, "as_of")
    ('3', '30 June 2018')
    >>> figure_value(EXAMPLE, "foster"), figure_value(EXAMPLE, "foster.percent")
    ('2', '67%')
    >>> figure_value(EXAMPLE, "foster+homes")
    '3'
    >>> figure_value(EXAMPLE, "highest_district"), figure_value(EXAMPLE, "lowest_rate")
    ('Northdale', '21.8')
    """
    placements, rates = figures.placements, figures.rates
    fixed = {
        "total": lambda: format_number(placements.total),
        "as_of": lambda: format_date(placements.as_of),
        "rates_as_of": lambda: format_date(rates.as_of),
        "comparison_label": lambda: rates.comparison_label,
        "comparison_rate": lambda: format_number(rates.comparison_rate),
        "highest_district": lambda: highest_district(rates).name,
        "highest_rate": lambda: format_number(highest_district(rates).rate_per_10000),
        "lowest_district": lambda: lowest_district(rates).name,
        "lowest_rate": lambda: format_number(lowest_district(rates).rate_per_10000),
        "districts": lambda: format_number(len(rates.districts)),
        "districts_above_comparison": lambda: format_number(districts_above_comparison(rates)),
    }
    if name in fixed:
        return fixed[name]()
    others = {item.id: item for item in figures.other}
    if name in others:
        return format_number(others[name].value)
    value = _placement_value(figures, name)
    if value is None:
        known = figure_names(figures)
        guess = difflib.get_close_matches(name, known, n=1)
        hint = f"did you mean '{guess[0]}'?" if guess else "known: " + ", ".join(known)
        raise KeyError(f"no figure '{name}' in data/figures.yml; {hint}")
    return value


def figure_text(figures: FiguresFile, name: str) -> Markup:
    """:func:`figure_value`, escaped for a page (names and labels are data text).

    >>> str(figure_text(EXAMPLE, "comparison_label"))
    'Regional average'
    """
    return escape(figure_value(figures, name))


EXAMPLE = FiguresFile(
    placements=Placements(
        as_of=dt.date(2018, 6, 30),
        source="Example snapshot",
        total=3,
        by_type=[
            PlacementCount(id="foster", label="Foster carers", count=2),
            PlacementCount(id="homes", label="Children's homes", count=1),
        ],
    ),
    rates=Rates(
        as_of=dt.date(2018, 6, 30),
        source="Example snapshot",
        comparison_label="Regional average",
        comparison_rate=91,
        districts=[
            DistrictRate(name="Southvale", children=20, rate_per_10000=21.8),
            DistrictRate(name="Northdale", children=150, rate_per_10000=111.9),
        ],
    ),
)
"""A small made-up figures file, used by the examples in this module's docstrings."""
