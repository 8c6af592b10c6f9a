"""macros.derive.charts: the numbers and layout of the two charts, worked out in Python.

The charts' markup (labelled SVG, tables, escaping) is tested in
``tests/render/test_chart_templates.py``; the data rules (counts that add up, at most
eight placement types) in the validation rules' tests.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

import pytest
import yaml

from macros.derive import charts
from macros.derive.charts import (
    CHART_COLOURS,
    FIGURES,
    MARKERS,
    PALETTE,
    WIDTH,
    bar_chart_view,
    largest_remainder,
    numbered_id,
    one_in_hundred_view,
    placement_shares,
    with_id,
    wrap_text,
)
from macros.validate.model.figures import (
    MAX_PLACEMENT_TYPES,
    DistrictRate,
    FiguresFile,
    PlacementCount,
    Placements,
    Rates,
)
from macros.words import load_words
from tests.conftest import FIXTURE_SITE

EN = load_words("en-GB")


def fixture_figures() -> FiguresFile:
    """The fixture site's figures file: 3 placement types, 2 districts."""
    text = (FIXTURE_SITE / "data" / "figures.yml").read_text(encoding="utf-8")
    return FiguresFile.model_validate(yaml.safe_load(text))


def made_up_figures(label: str = "Foster carers", name: str = "Northdale") -> FiguresFile:
    """A group too small for a figure, a rate in the thousands and one equal to the
    comparison rate."""
    return FiguresFile(
        placements=Placements(
            as_of=dt.date(2024, 3, 31),
            source="Made-up snapshot",
            total=1001,
            by_type=[
                PlacementCount(id="foster", label=label, count=500),
                PlacementCount(id="homes", label="Children's homes", count=1),
                PlacementCount(id="kin", label="Family and friends", count=333),
                PlacementCount(id="other", label="Other arrangements", count=167),
            ],
        ),
        rates=Rates(
            as_of=dt.date(2024, 3, 31),
            source="Made-up rates",
            comparison_label="Regional average",
            comparison_rate=64.5,
            districts=[
                DistrictRate(name=name, children=1200, rate_per_10000=1234.5),
                DistrictRate(name="Southvale", children=1, rate_per_10000=0),
                DistrictRate(name="Eastmoor", children=40, rate_per_10000=64.5),
            ],
        ),
    )


ALL_FIGURES = [
    pytest.param(fixture_figures(), id="fixture"),
    pytest.param(made_up_figures(), id="made-up"),
]


# --- WCAG 2.2 contrast, worked out here rather than trusted from the module ---------


def relative_luminance(colour: str) -> float:
    match = re.fullmatch(r"#([0-9a-fA-F]{6})", colour)
    assert match, f"{colour} is not a #rrggbb colour"
    channels = [int(match.group(1)[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_helper_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast("#ffff00", "#ffffff") < 3  # a colour the test must refuse


@pytest.mark.parametrize("colour", CHART_COLOURS)
def test_every_chart_colour_has_3_to_1_contrast_with_the_white_page(colour: str) -> None:
    assert contrast(colour, "#ffffff") >= 3


@pytest.mark.parametrize("colour", PALETTE)
def test_white_letters_on_placement_colours_have_text_contrast(colour: str) -> None:
    assert contrast(colour, "#ffffff") >= 4.5


def test_there_is_a_colour_and_a_letter_for_every_placement_type_allowed() -> None:
    assert len(PALETTE) == len(MARKERS) >= MAX_PLACEMENT_TYPES
    assert len(set(PALETTE)) == len(PALETTE)
    assert len(set(MARKERS)) == len(MARKERS)


def test_placement_colours_and_markers_are_distinct() -> None:
    shares = placement_shares(made_up_figures().placements, EN)
    assert len({share.colour for share in shares}) == len(shares)
    assert len({share.marker for share in shares}) == len(shares)
    assert [share.marker for share in shares] == list(MARKERS[: len(shares)])


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_views_draw_only_checked_colours(figures: FiguresFile) -> None:
    people = one_in_hundred_view(figures.placements, EN)
    bars = bar_chart_view(figures.rates, EN)
    drawn = {person.colour for person in people.people} | {bars.bar_colour, bars.comparison_colour}
    assert drawn <= set(CHART_COLOURS)


# --- The largest-remainder rule ---------------------------------------------------


def check_largest_remainder(counts: list[int], shares: list[int]) -> None:
    total = sum(counts)
    assert sum(shares) == FIGURES
    exact = [count * FIGURES / total for count in counts]
    for share, quota in zip(shares, exact, strict=True):
        assert int(quota) <= share <= int(quota) + 1
    # Every count that got an extra figure has a remainder at least as large as
    # every count that did not.
    rounded_up = [q - int(q) for s, q in zip(shares, exact, strict=True) if s > int(q)]
    not_rounded = [q - int(q) for s, q in zip(shares, exact, strict=True) if s == int(q)]
    if rounded_up and not_rounded:
        assert min(rounded_up) >= max(not_rounded) - 1e-9


def test_largest_remainder_on_known_counts() -> None:
    assert largest_remainder([294, 10, 213, 95, 78]) == [43, 1, 31, 14, 11]
    assert largest_remainder([120, 50, 30]) == [60, 25, 15]


def test_largest_remainder_breaks_ties_by_count_then_order() -> None:
    assert largest_remainder([1, 1, 1]) == [34, 33, 33]
    # 1 and 3 out of 4 for 2 seats: exact shares 0.5 and 1.5, an equal remainder.
    assert largest_remainder([1, 3], seats=2) == [0, 2]
    assert largest_remainder([1, 2, 1, 2], seats=3) == [1, 1, 0, 1]


@pytest.mark.parametrize("seed", range(50))
def test_largest_remainder_always_gives_exactly_100(seed: int) -> None:
    rng = random.Random(seed)
    counts = [rng.randint(0, 500) for _ in range(rng.randint(1, 8))]
    counts[0] += 1  # never all zero
    shares = largest_remainder(counts)
    check_largest_remainder(counts, shares)


def test_largest_remainder_rejects_nothing_to_share() -> None:
    with pytest.raises(ValueError, match="every count is 0"):
        largest_remainder([0, 0])
    with pytest.raises(ValueError, match="must not be negative"):
        largest_remainder([3, -1])


@pytest.mark.parametrize("seed", range(50))
def test_placement_shares_of_valid_data_always_give_exactly_100_figures(seed: int) -> None:
    rng = random.Random(seed)
    types = rng.randint(1, MAX_PLACEMENT_TYPES)
    counts = [rng.randint(0, 2000) for _ in range(types)]
    counts[rng.randrange(types)] += 1  # never all zero
    placements = Placements(
        as_of=dt.date(2026, 3, 31),
        source="Random",
        total=sum(counts),
        by_type=[
            PlacementCount(id=f"type-{i}", label=f"Type {i}", count=count)
            for i, count in enumerate(counts)
        ],
    )
    shares = placement_shares(placements, EN)
    assert sum(share.figures for share in shares) == FIGURES
    check_largest_remainder(counts, [share.figures for share in shares])
    assert len(one_in_hundred_view(placements, EN).people) == FIGURES


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_chart_draws_exactly_100_figures_following_the_rule(figures: FiguresFile) -> None:
    placements = figures.placements
    counts = [item.count for item in placements.by_type]
    shares = placement_shares(placements, EN)
    check_largest_remainder(counts, [share.figures for share in shares])

    view = one_in_hundred_view(placements, EN)
    assert len(view.people) == FIGURES
    assert len({(person.x, person.y) for person in view.people}) == FIGURES
    drawn = Counter(person.marker for person in view.people)
    for share in shares:
        assert drawn[share.marker] == share.figures
    assert [item.person.marker for item in view.legend] == [share.marker for share in shares]


def test_shares_of_the_fixture_figures() -> None:
    shares = placement_shares(fixture_figures().placements, EN)
    assert [(s.id, s.figures, s.percent, s.count_text) for s in shares] == [
        ("foster-carers", 60, "60%", "120"),
        ("childrens-homes", 25, "25%", "50"),
        ("other-arrangements", 15, "15%", "30"),
    ]


def test_a_group_too_small_for_a_figure_says_less_than_1_percent() -> None:
    shares = {share.id: share for share in placement_shares(made_up_figures().placements, EN)}
    assert shares["homes"].figures == 0
    assert shares["homes"].percent == "less than 1%"
    assert charts.percent_text(0, 0, EN) == "0%"


def test_counts_are_written_with_thousands_separators() -> None:
    view = one_in_hundred_view(made_up_figures().placements, EN)
    assert view.total_text == "1,001"
    assert "1,001 children" in view.title
    assert charts.children_text(1, EN) == "1 child"


# --- Words, dates and descriptions ----------------------------------------------------


def test_titles_captions_and_dates_come_from_the_data() -> None:
    figures = fixture_figures()
    people = one_in_hundred_view(figures.placements, EN)
    bars = bar_chart_view(figures.rates, EN)
    assert people.title == "Where the 200 children looked after lived on 31 March 2026"
    assert people.caption == "Where children looked after lived on 31 March 2026"
    assert (people.as_of, people.as_of_iso) == ("31 March 2026", "2026-03-31")
    assert (bars.as_of, bars.as_of_iso) == ("31 March 2026", "2026-03-31")
    assert bars.caption == bars.title
    assert people.source == bars.source == "Test snapshot."


def test_descriptions_name_the_largest_and_smallest_values() -> None:
    figures = fixture_figures()
    placements_desc = one_in_hundred_view(figures.placements, EN).desc
    rates_desc = bar_chart_view(figures.rates, EN).desc
    assert placements_desc.startswith("200 children looked after on 31 March 2026")
    assert 'Largest group: Foster carers <script>alert("label")</script>, 120 children (60%)' in (
        placements_desc
    )
    assert "Smallest group: Other arrangements, 30 children (15%)" in placements_desc
    assert "in each of 2 districts on 31 March 2026" in rates_desc
    assert "Highest: Northtown, 95.5" in rates_desc
    assert "Lowest: Southtown, 60" in rates_desc
    assert "Regional average: 80" in rates_desc
    assert "1 of 2 districts are above it." in rates_desc
    assert placements_desc.endswith(".") and rates_desc.endswith(".")


def test_one_group_and_one_district_are_described_as_such() -> None:
    placements = Placements(
        as_of=dt.date(2026, 3, 31),
        source="S",
        total=5,
        by_type=[PlacementCount(id="all", label="Foster carers", count=5)],
    )
    rates = Rates(
        as_of=dt.date(2026, 3, 31),
        source="S",
        comparison_label="Average",
        comparison_rate=10,
        districts=[DistrictRate(name="Onlytown", children=5, rate_per_10000=12)],
    )
    assert "All were in one group: Foster carers." in one_in_hundred_view(placements, EN).desc
    desc = bar_chart_view(rates, EN).desc
    assert "each of 1 district on" in desc
    assert "Onlytown: 12." in desc
    assert "Highest" not in desc


def test_bars_run_highest_first_and_the_comparison_line_is_where_its_rate_is() -> None:
    view = bar_chart_view(made_up_figures().rates, EN)
    assert [bar.name for bar in view.bars] == ["Northdale", "Eastmoor", "Southvale"]
    assert [bar.rate for bar in view.bars] == ["1,234.5", "64.5", "0"]
    widths = [float(bar.width) for bar in view.bars]
    assert widths == sorted(widths, reverse=True)
    # Eastmoor's rate equals the comparison rate, so its bar ends on the line.
    assert float(view.line_x) == pytest.approx(widths[1], abs=0.1)
    assert view.comparison_rate == "64.5"


# --- Ids ------------------------------------------------------------------------------


def test_chart_ids_are_numbered_per_use() -> None:
    assert numbered_id("clo-placements", 1) == "clo-placements"
    assert numbered_id("clo-placements", 2) == "clo-placements-2"
    view = with_id(one_in_hundred_view(fixture_figures().placements, EN), "clo-placements-2")
    assert (view.id, view.title_id, view.desc_id) == (
        "clo-placements-2",
        "clo-placements-2-title",
        "clo-placements-2-desc",
    )


@pytest.mark.parametrize("bad", ['x" onload="alert(1)', "Upper", "two words", "-lead", ""])
def test_chart_ids_must_be_safe(bad: str) -> None:
    figures = fixture_figures()
    with pytest.raises(ValueError, match="lower-case words"):
        one_in_hundred_view(figures.placements, EN, bad)
    with pytest.raises(ValueError, match="lower-case words"):
        bar_chart_view(figures.rates, EN, bad)
    with pytest.raises(ValueError, match="lower-case words"):
        with_id(bar_chart_view(figures.rates, EN), bad)
    with pytest.raises(ValueError, match="lower-case words"):
        numbered_id(bad, 2)


# --- Layout: legible on a phone, nothing runs off the chart ---------------------------


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_text_fits_the_chart(figures: FiguresFile) -> None:
    people = one_in_hundred_view(figures.placements, EN)
    bars = bar_chart_view(figures.rates, EN)
    assert people.width == bars.width == WIDTH
    lines = [
        *people.intro,
        *(line for item in people.legend for line in (*item.lines, item.detail)),
        *bars.heading,
        *bars.key_lines,
        *(line for bar in bars.bars for line in (*bar.lines, bar.value)),
    ]
    assert lines
    for line in lines:
        estimated = float(line.x) + len(line.text) * charts.FONT_SIZE * charts.CHAR_WIDTH
        assert estimated <= WIDTH + 0.5, f"{line.text!r} may run off the chart"
    last_y = max(float(line.y) for line in lines)
    assert last_y < max(people.height, bars.height)


def test_long_labels_wrap_onto_several_lines() -> None:
    long_label = "Other arrangements, such as placed for adoption or living with parents"
    view = one_in_hundred_view(made_up_figures(label=long_label).placements, EN)
    assert len(view.legend[0].lines) > 1
    assert " ".join(line.text for line in view.legend[0].lines) == long_label
    # Each legend entry starts below the last line of the one before.
    tops = [float(item.person.y) for item in view.legend]
    assert tops == sorted(tops)
    assert tops[1] > float(view.legend[0].detail.y)


def test_wrap_text_never_breaks_a_word() -> None:
    assert wrap_text("Supercalifragilistic expialidocious", 14, 60) == [
        "Supercalifragilistic",
        "expialidocious",
    ]
    assert wrap_text("", 14, 100) == [""]
