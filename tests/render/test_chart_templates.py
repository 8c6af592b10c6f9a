"""The charts' markup (``chart-one-in-hundred.html``, ``chart-bar.html``): accessible SVG
with tables holding the same numbers, escaped, and nothing from another host."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup, Tag
from jinja2 import UndefinedError
from markupsafe import Markup

from macros.derive import charts
from macros.derive.charts import (
    CHART_COLOURS,
    FIGURES,
    WIDTH,
    BarChartView,
    OneInHundredView,
    bar_chart_view,
    numbered_id,
    one_in_hundred_view,
    placement_shares,
    with_id,
)
from macros.render.engine import render
from macros.validate.model.figures import FiguresFile, Placements, Rates
from macros.words import load_words
from tests.derive.test_charts import ALL_FIGURES, contrast, fixture_figures, made_up_figures

EN = load_words("en-GB")
HOSTILE = '<script>alert("x")</script> "><svg onload=alert(1)> \' onmouseover=\'x'

# The narrowest the page's content column gets on a 360 px phone (328 px measured,
# rounded down): a chart's viewBox is drawn this wide.
PHONE_CONTENT_PX = 320


def same_page(url: str) -> str:
    return url


def placement_html(placements: Placements, chart_id: str = "clo-placements") -> Markup:
    view = one_in_hundred_view(placements, EN, chart_id)
    return render("chart-one-in-hundred.html", EN, chart=view, href=same_page, data_lang=None)


def district_html(rates: Rates, chart_id: str = "clo-districts") -> Markup:
    view = bar_chart_view(rates, EN, chart_id)
    return render("chart-bar.html", EN, chart=view, href=same_page, data_lang=None)


def both_charts(figures: FiguresFile) -> str:
    return f"{placement_html(figures.placements)}\n{district_html(figures.rates)}"


def soup_of(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def normalised(text: str) -> str:
    return " ".join(text.split())


def svg_text(svg: Tag) -> str:
    """The text drawn on a chart (not its title or description), lines joined by spaces."""
    return " ".join(normalised(text.get_text()) for text in svg.find_all("text"))


def table_cells(table: Tag) -> list[str]:
    return [normalised(cell.get_text()) for cell in table.find_all(["th", "td"])]


def only(soup: BeautifulSoup | Tag, name: str) -> Tag:
    found = soup.find_all(name)
    assert len(found) == 1, f"expected one <{name}>, found {len(found)}"
    tag = found[0]
    assert isinstance(tag, Tag)
    return tag


# --- Colours -------------------------------------------------------------------------


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_every_colour_drawn_is_a_checked_chart_colour(figures: FiguresFile) -> None:
    html = both_charts(figures)
    drawn = set(re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{6})"', html)) - {"#ffffff"}
    assert drawn, "no colours found"
    assert drawn <= set(CHART_COLOURS)
    assert all(contrast(colour, "#ffffff") >= 3 for colour in drawn)


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_the_markup_draws_100_figures_in_their_colours(figures: FiguresFile) -> None:
    placements = figures.placements
    shares = placement_shares(placements, EN)
    svg = only(soup_of(placement_html(placements)), "svg")
    # Each figure is a head, a body and a letter: in the grid and once in each legend entry.
    people = [g for g in svg.find_all("g", transform=True) if g.find("circle") and g.find("rect")]
    assert len(people) == FIGURES + len(shares)
    by_colour = Counter(str(g["fill"]) for g in people)
    for share in shares:
        assert by_colour[share.colour] == share.figures + 1
    letters = Counter(g.get_text() for g in people)
    for share in shares:
        assert letters[share.marker] == share.figures + 1


# --- Every number is in the chart and in the table ---------------------------------


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_every_placement_value_is_in_the_chart_and_the_table(figures: FiguresFile) -> None:
    placements = figures.placements
    soup = soup_of(placement_html(placements))
    drawn = svg_text(only(soup, "svg"))
    cells = table_cells(only(soup, "table"))
    shares = {share.id: share for share in placement_shares(placements, EN)}
    total = EN.number(placements.total)
    assert f"1 in {FIGURES} of the {charts.children_text(placements.total, EN)}" in drawn
    assert total in cells
    assert cells[-3:] == ["All children looked after", total, "100%"]
    for item in placements.by_type:
        share = shares[item.id]
        legend = f"{normalised(item.label)} {charts.children_text(item.count, EN)}, {share.percent}"
        assert legend in drawn, "legend pairs label, count and percentage"
        assert share.marker in drawn.split()
        row = cells.index(normalised(item.label))
        assert cells[row + 1 : row + 3] == [EN.number(item.count), share.percent]


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_every_rate_value_is_in_the_chart_and_the_table(figures: FiguresFile) -> None:
    rates = figures.rates
    soup = soup_of(district_html(rates))
    svg = only(soup, "svg")
    drawn = svg_text(svg)
    texts = [normalised(t.get_text()) for t in svg.find_all("text")]
    cells = table_cells(only(soup, "table"))
    for district in rates.districts:
        label = f"{normalised(district.name)}: {charts.children_text(district.children, EN)}"
        assert label in drawn
        assert EN.number(district.rate_per_10000) in texts, "a value label on every bar"
        row = cells.index(normalised(district.name))
        assert cells[row + 1 : row + 3] == [
            EN.number(district.children),
            EN.number(district.rate_per_10000),
        ]
    comparison = f"{rates.comparison_label}: {EN.number(rates.comparison_rate)}"
    assert comparison in drawn
    assert cells[-3:] == [rates.comparison_label, "", EN.number(rates.comparison_rate)]


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_the_comparison_line_and_its_key_are_dashed(figures: FiguresFile) -> None:
    svg = only(soup_of(district_html(figures.rates)), "svg")
    lines = svg.find_all("line")
    assert len(lines) == 2
    assert all(line.get("stroke-dasharray") for line in lines)
    assert "(dashed line)" in svg_text(svg)


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_date_and_source_are_shown_with_each_table(figures: FiguresFile) -> None:
    for html, part in (
        (placement_html(figures.placements), figures.placements),
        (district_html(figures.rates), figures.rates),
    ):
        soup = soup_of(html)
        note = soup.select_one(".clo-chart-source")
        assert note is not None
        when = f"{part.as_of.day} {part.as_of:%B %Y}"
        assert when in note.get_text()
        assert normalised(part.source) in normalised(note.get_text())
        time = note.find("time")
        assert isinstance(time, Tag) and time["datetime"] == part.as_of.isoformat()
        assert when in only(soup, "caption").get_text()


def test_dates_are_written_the_uk_way() -> None:
    html = both_charts(fixture_figures())
    assert "31 March 2026" in html
    assert "2026-03-31" not in re.sub(r'datetime="[^"]*"', "", html)


# --- Accessible SVG -----------------------------------------------------------------


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_each_svg_is_a_labelled_image(figures: FiguresFile) -> None:
    soup = soup_of(both_charts(figures))
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
    soup = soup_of(both_charts(fixture_figures()))
    placements_desc, rates_desc = (d.get_text() for d in soup.find_all("desc"))
    assert "Smallest group: Other arrangements, 30 children (15%)" in placements_desc
    assert "Highest: Northtown, 95.5" in rates_desc
    assert "Lowest: Southtown, 60" in rates_desc
    assert "Regional average: 80" in rates_desc


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_ids_are_unique_and_every_reference_resolves(figures: FiguresFile) -> None:
    html = "\n".join(
        [
            both_charts(figures),
            str(placement_html(figures.placements, numbered_id("clo-placements", 2))),
            str(district_html(figures.rates, numbered_id("clo-districts", 2))),
        ]
    )
    soup = soup_of(html)
    ids = [str(tag["id"]) for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)) == 12
    for tag in soup.find_all(attrs={"aria-labelledby": True}):
        assert set(str(tag["aria-labelledby"]).split()) <= set(ids)


def test_a_chart_under_another_id_renders_under_it() -> None:
    view = with_id(bar_chart_view(fixture_figures().rates, EN), "clo-districts-3")
    assert isinstance(view, BarChartView)
    soup = soup_of(render("chart-bar.html", EN, chart=view, href=same_page, data_lang=None))
    assert soup.select_one("div.clo-chart-block")["id"] == "clo-districts-3"
    assert only(soup, "svg")["aria-labelledby"] == "clo-districts-3-title clo-districts-3-desc"


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_text_is_legible_on_a_360_px_phone(figures: FiguresFile) -> None:
    soup = soup_of(both_charts(figures))
    scale = PHONE_CONTENT_PX / WIDTH
    sizes = [float(str(tag["font-size"])) for tag in soup.find_all(attrs={"font-size": True})]
    assert sizes and min(sizes) * scale >= 12


# --- Tables -------------------------------------------------------------------------


@pytest.mark.parametrize("figures", ALL_FIGURES)
def test_tables_have_captions_and_scoped_headers(figures: FiguresFile) -> None:
    soup = soup_of(both_charts(figures))
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
    html = both_charts(hostile_figures())
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
    assert f"Dale {HOSTILE}" in table_cells(soup.find_all("table")[1])


def test_the_fixture_sites_hostile_label_is_shown_as_text() -> None:
    soup = soup_of(both_charts(fixture_figures()))
    assert soup.find("script") is None
    assert 'Foster carers <script>alert("label")</script>' in table_cells(soup.find("table"))


@pytest.mark.parametrize("figures", [*ALL_FIGURES, pytest.param(hostile_figures(), id="hostile")])
def test_no_script_and_nothing_from_another_host(figures: FiguresFile) -> None:
    html = both_charts(figures).lower()
    assert "<script" not in html
    assert "http:" not in html and "https:" not in html and "//" not in html
    assert "href" not in html and "src=" not in html and "style=" not in html


def test_the_views_are_what_the_templates_receive() -> None:
    figures = fixture_figures()
    assert isinstance(one_in_hundred_view(figures.placements, EN), OneInHundredView)
    # Strict: a template that asks for a value the view does not have fails loudly.
    with pytest.raises(UndefinedError, match="has no attribute 'id'"):
        render("chart-bar.html", EN, chart=object(), href=same_page)
