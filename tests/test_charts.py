"""macros.charts: the figures as accessible SVG charts with tables, and numbers for prose."""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from macros import charts
from macros.derive.charts import (
    CHART_COLOURS,
    FIGURES,
    PALETTE,
    WIDTH,
    bar_chart_view,
    district_chart,
    figure_charts,
    figure_text,
    figure_value,
    format_number,
    largest_remainder,
    numbered_id,
    one_in_hundred_view,
    placement_chart,
    placement_shares,
)
from macros.validate.model.figures import (
    DistrictRate,
    FiguresFile,
    PlacementCount,
    Placements,
    Rates,
)
from tests.conftest import ROOT

HOSTILE = '<script>alert("x")</script> "><svg onload=alert(1)> \' onmouseover=\'x'

# The narrowest the page's content column gets on a 360 px phone (328 px measured,
# rounded down): a chart's viewBox is drawn this wide.
PHONE_CONTENT_PX = 320


def real_figures() -> FiguresFile:
    data = yaml.safe_load((ROOT / "data" / "figures.yml").read_text(encoding="utf-8"))
    return FiguresFile.model_validate(data)


def made_up_figures(label: str = "Foster carers", name: str = "Northdale") -> FiguresFile:
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
    pytest.param(real_figures(), id="data"),
    pytest.param(made_up_figures(), id="made-up"),
]


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def normalised(text: str) -> str:
    return " ".join(text.split())


def svg_text(svg: Tag) -> str:
    """The text drawn on a chart (not its title or description), lines joined by spaces."""
    drawn = [normalised(text.get_text()) for text in svg.find_all("text")]
    return " ".join(drawn)


def table_cells(table: Tag) -> list[str]:
    return [normalised(cell.get_text()) for cell in table.find_all(["th", "td"])]


def only(soup: BeautifulSoup, name: str) -> Tag:
    found = soup.find_all(name)
    assert len(found) == 1, f"expected one <{name}>, found {len(found)}"
    tag = found[0]
    assert isinstance(tag, Tag)
    return tag


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


@pytest.mark.parametrize("colour", CHART_COLOURS)
def test_every_chart_colour_has_3_to_1_contrast_with_the_white_page(colour: str) -> None:
    assert contrast(colour, "#ffffff") >= 3


@pytest.mark.parametrize("colour", PALETTE)
def test_white_letters_on_placement_colours_have_text_contrast(colour: str) -> None:
    assert contrast(colour, "#ffffff") >= 4.5


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_every_colour_drawn_is_a_checked_chart_colour(figures: FiguresFile) -> None:
    html = str(figure_charts(figures))
    drawn = set(re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', html)) - {"#ffffff"}
    assert drawn, "no colours found"
    assert drawn <= set(CHART_COLOURS)
    assert all(contrast(colour, "#ffffff") >= 3 for colour in drawn)


def test_placement_colours_and_markers_are_distinct() -> None:
    shares = placement_shares(made_up_figures().placements)
    assert len({share.colour for share in shares}) == len(shares)
    assert len({share.marker for share in shares}) == len(shares)


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


def test_largest_remainder_on_the_published_figures() -> None:
    assert largest_remainder([294, 10, 213, 95, 78]) == [43, 1, 31, 14, 11]


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


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_chart_draws_exactly_100_figures_following_the_rule(figures: FiguresFile) -> None:
    placements = figures.placements
    counts = [item.count for item in placements.by_type]
    shares = placement_shares(placements)
    check_largest_remainder(counts, [share.figures for share in shares])

    view = one_in_hundred_view(placements)
    assert len(view.people) == FIGURES
    assert len({(person.x, person.y) for person in view.people}) == FIGURES
    drawn = Counter(person.marker for person in view.people)
    for share in shares:
        assert drawn[share.marker] == share.figures

    # The same in the markup: each figure is a head, a body and a letter.
    svg = only(soup_of(str(placement_chart(placements))), "svg")
    people = [g for g in svg.find_all("g", transform=True) if g.find("circle") and g.find("rect")]
    assert len(people) == FIGURES + len(shares)  # the grid, and one in each legend entry
    by_colour = Counter(str(g["fill"]) for g in people)
    for share in shares:
        assert by_colour[share.colour] == share.figures + 1


def test_a_group_too_small_for_a_figure_says_less_than_1_percent() -> None:
    shares = {share.id: share for share in placement_shares(made_up_figures().placements)}
    assert shares["homes"].figures == 0
    assert shares["homes"].percent == "less than 1%"


def test_counts_that_do_not_add_up_to_the_total_are_an_error() -> None:
    figures = made_up_figures()
    wrong = figures.placements.model_copy(update={"total": 1000})
    with pytest.raises(ValueError, match=r"add up to 1001, but placements.total is 1000"):
        placement_chart(wrong)


def test_too_many_placement_types_is_an_error() -> None:
    many = [PlacementCount(id=f"type-{i}", label=f"Type {i}", count=1) for i in range(9)]
    placements = Placements(as_of=dt.date(2024, 1, 1), source="S", total=9, by_type=many)
    with pytest.raises(ValueError, match="at most 8"):
        placement_chart(placements)


# --- Every number is in the chart and in the table ---------------------------------


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_every_placement_value_is_in_the_chart_and_the_table(figures: FiguresFile) -> None:
    placements = figures.placements
    soup = soup_of(str(placement_chart(placements)))
    drawn = svg_text(only(soup, "svg"))
    cells = table_cells(only(soup, "table"))
    shares = {share.id: share for share in placement_shares(placements)}
    assert format_number(placements.total) in drawn
    assert format_number(placements.total) in cells
    for item in placements.by_type:
        share = shares[item.id]
        legend = f"{normalised(item.label)} {charts.children_text(item.count)}, {share.percent}"
        assert legend in drawn, "legend pairs label, count and percentage"
        assert share.marker in drawn.split()
        row = cells.index(normalised(item.label))
        assert cells[row + 1 : row + 3] == [format_number(item.count), share.percent]


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_every_rate_value_is_in_the_chart_and_the_table(figures: FiguresFile) -> None:
    rates = figures.rates
    soup = soup_of(str(district_chart(rates)))
    drawn = svg_text(only(soup, "svg"))
    texts = [normalised(t.get_text()) for t in only(soup, "svg").find_all("text")]
    cells = table_cells(only(soup, "table"))
    for district in rates.districts:
        assert f"{normalised(district.name)}: {charts.children_text(district.children)}" in drawn
        assert format_number(district.rate_per_10000) in texts, "a value label on every bar"
        row = cells.index(normalised(district.name))
        assert cells[row + 1 : row + 3] == [
            format_number(district.children),
            format_number(district.rate_per_10000),
        ]
    comparison = f"{rates.comparison_label}: {format_number(rates.comparison_rate)}"
    assert comparison in drawn
    assert cells[-2:] == [rates.comparison_label, format_number(rates.comparison_rate)]


def test_bars_run_highest_first_and_the_comparison_line_is_dashed() -> None:
    rates = made_up_figures().rates
    view = bar_chart_view(rates)
    assert [bar.name for bar in view.bars] == ["Northdale", "Eastmoor", "Southvale"]
    widths = [float(bar.width) for bar in view.bars]
    assert widths == sorted(widths, reverse=True)
    # Eastmoor's rate equals the comparison rate, so its bar ends on the line.
    assert float(view.line_x) == pytest.approx(widths[1], abs=0.1)
    svg = only(soup_of(str(district_chart(rates))), "svg")
    assert all(line.get("stroke-dasharray") for line in svg.find_all("line"))


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_date_and_source_are_shown_with_each_table(figures: FiguresFile) -> None:
    for html, part in (
        (placement_chart(figures.placements), figures.placements),
        (district_chart(figures.rates), figures.rates),
    ):
        soup = soup_of(str(html))
        note = soup.select_one(".clo-chart-source")
        assert note is not None
        when = f"{part.as_of.day} {part.as_of:%B %Y}"
        assert when in note.get_text()
        assert normalised(part.source) in normalised(note.get_text())
        time = note.find("time")
        assert isinstance(time, Tag) and time["datetime"] == part.as_of.isoformat()
        caption = only(soup, "caption")
        assert when in caption.get_text()


def test_dates_are_written_the_uk_way() -> None:
    html = str(figure_charts(real_figures()))
    assert "30 June 2018" in html
    assert "2018-06-30" not in re.sub(r'datetime="[^"]*"', "", html)


# --- Accessible SVG -----------------------------------------------------------------


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_each_svg_is_a_labelled_image(figures: FiguresFile) -> None:
    soup = soup_of(str(figure_charts(figures)))
    svgs = soup.find_all("svg")
    assert len(svgs) == 2
    for svg in svgs:
        assert svg["role"] == "img"
        assert "clo-chart" in svg["class"]
        title, desc = svg.find("title"), svg.find("desc")
        assert isinstance(title, Tag) and isinstance(desc, Tag)
        assert svg.contents.index(title) < svg.contents.index(desc)
        assert str(svg["aria-labelledby"]).split() == [title["id"], desc["id"]]
        assert len(title.get_text()) > 20
        assert desc.get_text().rstrip().endswith(".")
        assert re.fullmatch(rf"0 0 {WIDTH} \d+", str(svg["viewbox"]))
        assert "width" not in svg.attrs and "height" not in svg.attrs


def test_descriptions_name_the_largest_and_smallest_values() -> None:
    soup = soup_of(str(figure_charts(real_figures())))
    placements_desc, rates_desc = (d.get_text() for d in soup.find_all("desc"))
    assert "Largest group: Council foster carers, 294 children (43%)" in placements_desc
    assert "Smallest group: Council children's homes, 10 children (1%)" in placements_desc
    assert "Highest: Barrow, 111.9" in rates_desc
    assert "Lowest: Eden, 21.8" in rates_desc
    assert "North West average: 91" in rates_desc


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_ids_are_unique_and_every_reference_resolves(figures: FiguresFile) -> None:
    html = "\n".join(
        [
            str(figure_charts(figures)),
            str(placement_chart(figures.placements, numbered_id("clo-placements", 2))),
            str(district_chart(figures.rates, numbered_id("clo-districts", 2))),
        ]
    )
    soup = soup_of(html)
    ids = [str(tag["id"]) for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)) == 12
    for tag in soup.find_all(attrs={"aria-labelledby": True}):
        assert set(str(tag["aria-labelledby"]).split()) <= set(ids)


def test_chart_ids_must_be_safe() -> None:
    with pytest.raises(ValueError, match="lower-case words"):
        placement_chart(real_figures().placements, 'x" onload="alert(1)')


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_text_is_legible_on_a_360_px_phone_and_fits_the_chart(figures: FiguresFile) -> None:
    soup = soup_of(str(figure_charts(figures)))
    scale = PHONE_CONTENT_PX / WIDTH
    sizes = [float(str(tag["font-size"])) for tag in soup.find_all(attrs={"font-size": True})]
    assert sizes and min(sizes) * scale >= 12
    people = one_in_hundred_view(figures.placements)
    bars = bar_chart_view(figures.rates)
    lines = [
        *people.intro,
        *(line for item in people.legend for line in (*item.lines, item.detail)),
        *bars.heading,
        *bars.key_lines,
        *(line for bar in bars.bars for line in (*bar.lines, bar.value)),
    ]
    for line in lines:
        estimated = float(line.x) + len(line.text) * charts.FONT_SIZE * charts.CHAR_WIDTH
        assert estimated <= WIDTH + 0.5, f"{line.text!r} may run off the chart"


def test_long_labels_wrap_onto_several_lines() -> None:
    long_label = "Other arrangements, such as placed for adoption or living with parents"
    figures = made_up_figures(label=long_label)
    view = one_in_hundred_view(figures.placements)
    assert len(view.legend[0].lines) > 1
    assert " ".join(line.text for line in view.legend[0].lines) == long_label


# --- Tables -------------------------------------------------------------------------


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_tables_have_captions_and_scoped_headers(figures: FiguresFile) -> None:
    soup = soup_of(str(figure_charts(figures)))
    tables = soup.find_all("table")
    assert len(tables) == 2
    for table in tables:
        assert table.find("caption") is not None
        assert "clo-chart-table" in table["class"]
        headers = table.find_all("th")
        assert headers and all(th.get("scope") in {"col", "row"} for th in headers)
        assert len(table.find("thead").find_all("th")) <= 3, "few columns, for phones"
        for row in table.find("tbody").find_all("tr"):
            assert row.find("th")["scope"] == "row"


# --- Safety ---------------------------------------------------------------------------


def hostile_figures() -> FiguresFile:
    figures = made_up_figures(label=f"Foster {HOSTILE}", name=f"Dale {HOSTILE}")
    placements = figures.placements.model_copy(update={"source": f"Source {HOSTILE}"})
    rates = figures.rates.model_copy(
        update={"comparison_label": f"Average {HOSTILE}", "source": f"Rates {HOSTILE}"}
    )
    return FiguresFile(placements=placements, rates=rates)


def test_hostile_text_in_data_is_escaped() -> None:
    html = str(figure_charts(hostile_figures()))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<svg onload" not in html
    assert "' onmouseover='" not in html
    soup = soup_of(html)
    assert soup.find("script") is None
    assert len(soup.find_all("svg")) == 2
    for tag in soup.find_all(True):
        assert not any(name.lower().startswith("on") for name in tag.attrs), tag.name
    # The text is still shown, as text.
    assert f"Foster {HOSTILE}" in table_cells(soup.find_all("table")[0])


def test_hostile_text_is_escaped_in_prose_numbers() -> None:
    figures = hostile_figures()
    text = str(figure_text(figures, "comparison_label"))
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "<svg" not in str(figure_text(figures, "highest_district"))


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_no_script_and_nothing_from_another_host(figures: FiguresFile) -> None:
    html = str(figure_charts(figures)).lower()
    assert "<script" not in html
    assert "http:" not in html and "https:" not in html and "//" not in html
    assert "href" not in html and "src=" not in html and "style=" not in html


# --- Numbers for prose ------------------------------------------------------------------


def test_figure_values_for_prose_come_from_the_data() -> None:
    figures = real_figures()
    assert figure_value(figures, "total") == "690"
    assert figure_value(figures, "as_of") == "30 June 2018"
    assert figure_value(figures, "rates_as_of") == "30 June 2018"
    assert figure_value(figures, "council-foster-carers") == "294"
    assert figure_value(figures, "council-foster-carers.percent") == "43%"
    assert figure_value(figures, "external-childrens-homes+independent-fostering-agencies") == "308"
    assert (
        figure_value(figures, "external-childrens-homes+independent-fostering-agencies.percent")
        == "45%"
    )
    assert figure_value(figures, "comparison_label") == "North West average"
    assert figure_value(figures, "comparison_rate") == "91"
    assert figure_value(figures, "highest_district") == "Barrow"
    assert figure_value(figures, "highest_rate") == "111.9"
    assert figure_value(figures, "lowest_district") == "Eden"
    assert figure_value(figures, "lowest_rate") == "21.8"
    assert figure_value(figures, "districts") == "6"
    assert figure_value(figures, "districts_above_comparison") == "2"


def test_every_listed_figure_name_works() -> None:
    figures = made_up_figures()
    for name in charts.figure_names(figures):
        assert figure_value(figures, name)


def test_numbers_are_written_with_thousands_separators() -> None:
    figures = made_up_figures()
    assert figure_value(figures, "total") == "1,001"
    assert figure_value(figures, "highest_rate") == "1,234.5"


def test_unknown_figure_name_suggests_the_nearest() -> None:
    with pytest.raises(KeyError, match="did you mean 'council-foster-carers'"):
        figure_value(real_figures(), "council-foster-carer")
    with pytest.raises(KeyError, match=r"no figure 'foster\.share'"):
        figure_value(made_up_figures(), "foster.share")
