"""The macros pages can call, in one registry: name, what it shows, its arguments.

The registry feeds mkdocs-macros (``macros/__init__.py``), the page check's known names
and argument rules (``macros/validate/pages.py``, through ``macros/pipeline.py``) and the
README's macro table. Each macro only picks finished views and renders a template.

To add a macro: write a function taking a ``PageContext`` first, decorate it with
``@macro(...)``, and add its template.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

from macros.derive.big_pages import finder_counts, overview_view, shown_rows
from macros.derive.changes import FEED_PATH
from macros.derive.charts import ChartView, numbered_id, with_id
from macros.derive.exports import EXPORTS, REVIEW_JSON
from macros.derive.figures import figure_value
from macros.derive.finder import FINDER_AGE, FinderView
from macros.derive.gallery import GRID_SIZES, PAGE_SIZES
from macros.derive.language_marks import lang_span
from macros.derive.page_text import page_text
from macros.derive.phones import sms_href, tel_href
from macros.derive.site import SiteViews
from macros.derive.urls import relative_url, search_index_folder
from macros.render.engine import render

ArgKind = str
"""What a macro's argument must be, for the page check: ``section`` (an offer section id),
``easy_read_section`` (an offer section id with Easy Read lines), ``figure`` (a figure
name), ``piece`` (a gallery piece id), ``heading`` (2 to 6) or ``date`` (a date from the
data, never typed text)."""

SEARCH_SCRIPT = "assets/clo-search.js"


class PageContext:
    """The site's views and the page a macro is called on."""

    def __init__(self, site: SiteViews, page: Any) -> None:
        self.site = site
        self.page = page
        self.url: str = page.url if page is not None else ""

    def href(self, site_url: str) -> str:
        """A link to ``site_url`` from this page."""
        return relative_url(self.url, site_url)

    def describe(self, text: str) -> None:
        """Give the page a meta description from the data, unless it has its own.

        Plain text: the theme escapes it (see ``escaping_theme`` in macros/publish/theme.py).
        """
        if self.page is not None and not self.page.meta.get("description"):
            self.page.meta["description"] = text

    def chart_id(self, base: str) -> str:
        """``base``, then ``base-2``, ``base-3``... for each chart with it on this page."""
        uses: dict[str, int] = _page_state(self.page, "clo_chart_uses")
        uses[base] = uses.get(base, 0) + 1
        return numbered_id(base, uses[base])

    def render(self, template_name: str, **values: Any) -> Markup:
        return render(template_name, self.site.words, href=self.href, **values)


def _page_state(page: Any, name: str) -> dict[str, int]:
    if page is None:
        return {}
    state: dict[str, int] | None = getattr(page, name, None)
    if state is None:
        state = {}
        setattr(page, name, state)
    return state


@dataclass(frozen=True)
class Macro:
    name: str
    function: Callable[..., Markup]
    usage: str
    """How a page calls it, for the README."""
    summary: str
    """What it shows: the first line of its docstring."""
    args: tuple[ArgKind, ...]
    """The kind of each positional argument, checked before the build."""
    block: bool
    """True for a block of HTML on a line of its own, False for words in a sentence."""


MACROS: dict[str, Macro] = {}
"""Every macro, by name, in the order they are documented."""


def macro(
    usage: str, *args: ArgKind, block: bool = True
) -> Callable[[Callable[..., Markup]], Callable[..., Markup]]:
    """Register a macro (see the module docstring)."""

    def register(function: Callable[..., Markup]) -> Callable[..., Markup]:
        summary = (inspect.getdoc(function) or "").split("\n")[0]
        MACROS[function.__name__] = Macro(function.__name__, function, usage, summary, args, block)
        return function

    return register


@macro("date(accessibility.statement_reviewed_on)", "date", block=False)
def date(ctx: PageContext, value: Any) -> Markup:
    """A date from the data written for people, e.g. "1 November 2026"."""
    return Markup(page_text(ctx.site.words.date(value)))


@macro('figure("total")', "figure", block=False)
def figure(ctx: PageContext, name: str) -> Markup:
    """A number from `data/figures.yml` for prose, e.g. `figure("total")` -> 690."""
    return Markup(page_text(figure_value(ctx.site.figures, name, ctx.site.words)))


@macro("contact_card()")
def contact_card(ctx: PageContext) -> Markup:
    """The leaving care team's contact box, with tap-to-call links."""
    contact = ctx.site.settings.contact
    return ctx.render(
        "contact-card.html",
        contact=contact,
        phone_href=tel_href(contact.phone),
        text_href=sms_href(contact.text) if contact.text else None,
        out_of_hours_href=tel_href(contact.out_of_hours_phone),
        places=ctx.site.team_places,
    )


@macro("help_contacts()")
def help_contacts(ctx: PageContext) -> Markup:
    """The crisis contacts listed under `help_now` in `data/site.yml`."""
    return ctx.render("help-contacts.html", contacts=ctx.site.help_now)


@macro('offer_section("money")', "section")
def offer_section(ctx: PageContext, section_id: str) -> Markup:
    """One offer section: review dates, introduction and every entry as a card."""
    section = ctx.site.sections[section_id]
    ctx.describe(section.description)
    contact = ctx.site.settings.contact
    return ctx.render(
        "offer-section.html",
        section=section,
        contact=contact,
        contact_phone_href=tel_href(contact.phone),
    )


@macro("offer_overview()")
def offer_overview(ctx: PageContext) -> Markup:
    """Every section with its entries' titles, and the "How old are you?" filter."""
    ages = range(16, 26)
    return ctx.render(
        "offer-overview.html",
        sections=list(ctx.site.sections.values()),
        overview=overview_view(list(ctx.site.sections.values()), ages),
        ages=ages,
        arrangements=ctx.site.arrangements,
        printed=ctx.site.printed,
    )


@macro("review_table()")
def review_table(ctx: PageContext) -> Markup:
    """The reviewers' list, soonest first, and amounts not changed for more than a year.

    Every section, entry reviewed on its own and the arrangements have a row."""
    rows = ctx.site.review_rows
    return ctx.render(
        "review-table.html",
        rows=shown_rows(rows),
        total=len(rows),
        review_json_url=ctx.href(REVIEW_JSON),
        stale=ctx.site.stale_amounts,
    )


@macro("arrangements()")
def arrangements(ctx: PageContext) -> Markup:
    """How the council helps care leavers move to adult life: every part the law requires."""
    if ctx.site.arrangements is None:
        raise ValueError("arrangements(): data/arrangements.yml is missing")
    ctx.describe(ctx.site.arrangements.description)
    return ctx.render("arrangements.html", arrangements=ctx.site.arrangements)


@macro("changes()")
def changes(ctx: PageContext) -> Markup:
    """What changed in the offer, newest first, with a link to its feed."""
    return ctx.render("changes.html", months=ctx.site.change_months, feed_url=ctx.href(FEED_PATH))


@macro("data_feeds()")
def data_feeds(ctx: PageContext) -> Markup:
    """Links to the files the site publishes for other systems (feeds and JSON)."""
    return ctx.render(
        "data-feeds.html",
        feeds=[
            (ctx.site.words(f"feeds.{export.key}"), ctx.href(export.path)) for export in EXPORTS
        ],
    )


@macro("search_box()")
def search_box(ctx: PageContext) -> Markup:
    """The search form and results; it runs in the browser and says so without JavaScript."""
    overview = ctx.site.places.overview
    return ctx.render(
        "search-box.html",
        index_url=ctx.href(search_index_folder(ctx.site.words.language)),
        root_url=ctx.href("") or "./",
        script_url=ctx.href(SEARCH_SCRIPT),
        overview_url=ctx.href(overview) if overview is not None else None,
        script_words=ctx.site.words.for_script("search"),
    )


@macro("principles()")
def principles(ctx: PageContext) -> Markup:
    """The seven principles with outcomes, measures and what links to each."""
    return ctx.render(
        "principles.html",
        principles=ctx.site.principles,
        offer_title=ctx.site.settings.strategy.offer_title,
        data_lang=ctx.site.data_lang,
    )


@macro("action_plan()")
def action_plan(ctx: PageContext) -> Markup:
    """The action plan by principle, with milestone statuses and counts."""
    if ctx.site.action_plan is None:
        raise ValueError("action_plan(): data/action_plan.yml is missing")
    return ctx.render("action-plan.html", groups=ctx.site.action_plan, data_lang=ctx.site.data_lang)


def _chart(ctx: PageContext, view: ChartView | None, template: str) -> Markup:
    if view is None:
        raise ValueError("data/figures.yml is missing; add it to show charts")
    return ctx.render(
        template, chart=with_id(view, ctx.chart_id(view.id)), data_lang=ctx.site.data_lang
    )


@macro("placement_chart()")
def placement_chart(ctx: PageContext) -> Markup:
    """The "1 in 100" chart of where children looked after lived, with its table."""
    return _chart(ctx, ctx.site.placements, "chart-one-in-hundred.html")


@macro("district_chart()")
def district_chart(ctx: PageContext) -> Markup:
    """The bar chart of rates per 10,000 children by district, with its table."""
    return _chart(ctx, ctx.site.rates, "chart-bar.html")


@macro("figure_charts()")
def figure_charts(ctx: PageContext) -> Markup:
    """Both charts from `data/figures.yml`, placements first."""
    return Markup("\n").join([placement_chart(ctx), district_chart(ctx)])


@macro("gallery()")
def gallery(ctx: PageContext) -> Markup:
    """Every published piece of young people's art, poems and stories."""
    return ctx.render(
        "gallery.html",
        pieces=ctx.site.gallery.pieces,
        sizes=GRID_SIZES,
        heading=2,
        data_lang=ctx.site.data_lang,
    )


@macro('gallery_piece("keys")', "piece", "heading")
def gallery_piece(ctx: PageContext, piece_id: str, heading: int = 3) -> Markup:
    """One published piece on another page (nothing if it is not published)."""
    view = ctx.site.gallery.piece(piece_id)
    if view is None:
        return Markup("")
    return ctx.render(
        "gallery-piece.html",
        piece=view,
        sizes=PAGE_SIZES,
        heading=heading,
        data_lang=ctx.site.data_lang,
    )


FINDER_SCRIPT = "assets/clo-finder.js"
FINDER_SCRIPT_WORDS = ("finder.count", "finder.section_count", "finder.title_error")
"""What ``assets/clo-finder.js`` says: the counts of results and the error title."""


def _finder(ctx: PageContext) -> FinderView:
    if ctx.site.finder is None:
        raise ValueError("the finder has no views")
    return ctx.site.finder


def _finder_script(ctx: PageContext) -> dict[str, Any]:
    """What every finder template needs to load its script."""
    return {
        "script_url": ctx.href(FINDER_SCRIPT),
        "script_words": ctx.site.words.for_script(*FINDER_SCRIPT_WORDS),
    }


def _age_links(ctx: PageContext) -> list[tuple[int, str, str | None]]:
    """Each age with its results page, and (for the script) its next question."""
    places = ctx.site.places
    links = []
    for age in _finder(ctx).ages:
        results = places.finder_result(age)
        if results is None:
            raise ValueError("finder: no page calls finder_results(), so no results pages")
        situations = places.finder_situations
        after = ctx.href(situations) + f"?age={age}" if situations is not None else None
        links.append((age, ctx.href(results), after))
    return links


def _other_ages(ctx: PageContext) -> dict[str, Any]:
    check = ctx.site.places.care_leaver_check
    return {
        "check_url": ctx.href(check) if check is not None else None,
        "team": ctx.site.settings.contact.team,
        "overview_url": (
            ctx.href(ctx.site.places.overview) if ctx.site.places.overview is not None else None
        ),
    }


@macro("finder_start()")
def finder_start(ctx: PageContext) -> Markup:
    """The home page's "What can I get?": the age question, each age a link into the finder."""
    return ctx.render(
        "finder-ages.html",
        start=True,
        ages=_age_links(ctx),
        **_other_ages(ctx),
        **_finder_script(ctx),
    )


@macro("finder_age()")
def finder_age(ctx: PageContext) -> Markup:
    """The finder's first question, "How old are you?": each age a link to what it can get."""
    return ctx.render(
        "finder-ages.html",
        start=False,
        ages=_age_links(ctx),
        **_other_ages(ctx),
        **_finder_script(ctx),
    )


def _question(ctx: PageContext, template: str, **values: Any) -> Markup:
    start = ctx.site.places.finder
    return ctx.render(
        template,
        start_url=ctx.href(start) if start is not None else None,
        **values,
        **_finder_script(ctx),
    )


@macro("finder_situations()")
def finder_situations(ctx: PageContext) -> Markup:
    """The finder's question "Do any of these apply to you?", select all that apply."""
    finder = _finder(ctx)
    where = ctx.site.places.finder_where
    return _question(
        ctx,
        "finder-situations.html",
        situations=finder.situations,
        none_choice=finder.none_of_these,
        action=ctx.href(where) if where is not None else "",
    )


@macro("finder_where()")
def finder_where(ctx: PageContext) -> Markup:
    """The finder's question "Where do you live?", then the results page for the age."""
    finder = _finder(ctx)
    results = {str(age): url for age, url, _ in _age_links(ctx)}
    back = ctx.site.places.finder_situations
    return _question(
        ctx,
        "finder-where.html",
        choices=finder.where,
        results=results,
        back_url=ctx.href(back) if back is not None else None,
    )


@macro("finder_results()")
def finder_results(ctx: PageContext) -> Markup:
    """What one age can get, by section, each with a link to its steps (a page per age)."""
    finder = _finder(ctx)
    given = ctx.page.meta.get(FINDER_AGE) if ctx.page is not None else None
    # The page in docs/ itself is never published (a page is made from it for each
    # age), but it is read like any page: it shows the first age.
    age: int = given if isinstance(given, int) and given in finder.results else finder.ages[0]
    places = ctx.site.places
    contact = ctx.site.settings.contact
    change = {
        "age": places.finder,
        "situation": places.finder_situations,
        "where": places.finder_where,
    }
    return ctx.render(
        "finder-results.html",
        age=age,
        groups=finder.results[age],
        counts=finder_counts(finder.results[age]),
        count=sum(len(group.results) for group in finder.results[age]),
        labels=finder.labels(),
        change={
            key: ctx.href(url) + ("" if key == "age" else f"?age={age}")
            for key, url in change.items()
            if url is not None
        },
        contact=contact,
        phone_href=tel_href(contact.phone),
        text_href=sms_href(contact.text) if contact.text else None,
        out_of_hours_href=tel_href(contact.out_of_hours_phone),
        **_other_ages(ctx),
        **_finder_script(ctx),
    )


@macro("care_leaver_check()")
def care_leaver_check(ctx: PageContext) -> Markup:
    """The "Am I a care leaver?" questions, one at a time, and what the answers mean in law."""
    check = ctx.site.care_leaver_check
    if check is None:
        raise ValueError("care_leaver_check(): data/care_leavers.yml is missing")
    contact = ctx.site.settings.contact
    finder = ctx.site.places.finder
    return ctx.render(
        "care-leaver-check.html",
        check=check,
        team=contact.team,
        phone=contact.phone,
        phone_href=tel_href(contact.phone),
        finder_url=ctx.href(finder) if finder is not None else None,
    )


@macro("glossary()")
def glossary(ctx: PageContext) -> Markup:
    """Every term of `data/glossary.yml` with its plain definition, A to Z."""
    view = ctx.site.glossary
    if view is None:
        raise ValueError("glossary(): data/glossary.yml is missing")
    return ctx.render(
        "glossary.html",
        terms=view.terms,
        # Each other spelling marked as its term is; the separators are the catalogue's.
        also={
            term.id: Markup(
                ctx.site.words.join(
                    [str(lang_span(escape(form), term.language)) for form in term.also]
                )
            )
            for term in view.terms
        },
    )


@macro('easy_read("money")', "easy_read_section")
def easy_read(ctx: PageContext, section_id: str) -> Markup:
    """The Easy Read version of one offer section: one idea per line, each with a picture."""
    view = ctx.site.easy_read[section_id]
    ctx.describe(ctx.site.sections[section_id].description)
    return ctx.render("easy-read.html", view=view)
