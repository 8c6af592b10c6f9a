"""mkdocs-macros entry point: wires load -> validate -> derive -> render to the pages.

Nothing here works anything out; each step lives in its own module.
"""

from __future__ import annotations

import functools
import gc
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from . import charts
from .action_plan import action_plan_views
from .data import SiteData, load_site_data
from .dates import format_date, today
from .errors import DataError, DataProblem
from .gallery import (
    GALLERY_FILE,
    GRID_SIZES,
    PAGE_SIZES,
    copy_images,
    piece_view,
    piece_views,
    publish_gallery,
)
from .hooks import template_cache
from .html_blocks import stash
from .model import FiguresFile
from .offer import SectionView, offer_views
from .open_referral import services
from .pages import SITE_NAMES, check_pages, check_pages_cached
from .principles import principle_views
from .render import cache_templates, render, tel_href
from .review_report import review_json, review_rows
from .text import save_markdown_cache, use_markdown_cache
from .urls import relative_url

REVIEW_JSON = "review.json"
OPEN_REFERRAL_JSON = "open-referral/services.json"


def define_env(env: Any) -> None:
    """Called by mkdocs-macros once per build, before any page is read."""
    project_root = Path(env.conf["config_file_path"]).parent
    docs_dir = Path(env.conf["docs_dir"])
    cache_templates(template_cache(project_root))
    use_markdown_cache(project_root / ".cache")
    try:
        data = load_site_data(project_root)
    except DataError as error:
        # Check the pages too, so that every problem is reported in one run.
        problems = error.problems + check_pages(docs_dir, SITE_NAMES, None)
        raise PluginError(_report(problems)) from None

    settings = data.settings
    build_date = today()
    sections = offer_views(data.offer, data.principles.principles, settings, build_date)
    rows = review_rows(sections)
    try:
        # Pictures of published pieces only, metadata stripped, cached in .cache/gallery/.
        published_gallery = publish_gallery(
            data.gallery,
            data.sources.get(GALLERY_FILE),
            project_root,
            build_date,
            {principle.id: principle.short_name for principle in data.principles.principles},
        )
    except DataError as error:
        raise PluginError(_report(error.problems)) from None
    env.variables["clo_gallery"] = published_gallery

    # Council words that the theme shows come from data, never from mkdocs.yml.
    env.conf["site_name"] = f"{settings.council.short_name} {settings.strategy.offer_title}"
    env.conf["copyright"] = f"© {settings.council.name}"

    env.variables["council"] = settings.council
    env.variables["strategy"] = settings.strategy
    env.variables["boards"] = settings.boards
    env.variables["contact"] = settings.contact
    env.variables["accessibility"] = settings.accessibility
    env.variables["build_date"] = format_date(build_date)
    env.variables["strategy_period"] = (
        f"{settings.strategy.start_year} to {settings.strategy.end_year}"
    )
    env.variables["clo_outputs"] = Outputs(
        {
            REVIEW_JSON: review_json(rows, build_date.isoformat()),
            OPEN_REFERRAL_JSON: services(
                sections, str(env.conf["site_url"]), build_date.isoformat()
            ),
        }
    )

    def href(site_url: str) -> str:
        return relative_url(env.page.url if env.page else "", site_url)

    def date(value: Any) -> str:
        """``{{ date(accessibility.statement_reviewed_on) }}`` -> "1 November 2026"."""
        return format_date(value)

    def help_contacts() -> str:
        """The crisis contacts from ``help_now`` in data/site.yml."""
        return render("help-contacts.html", contacts=settings.help_now)

    def contact_card() -> str:
        """How to reach the leaving care team."""
        return render("contact-card.html", contact=settings.contact)

    def offer_section(section_id: str) -> str:
        """``{{ offer_section("money") }}``: a section's review dates and its entries."""
        section = _section(sections, section_id)
        if env.page is not None and not env.page.meta.get("description"):
            # The page's meta description comes from the data, not typed twice.
            env.page.meta["description"] = section.description
        return render(
            "offer-section.html",
            section=section,
            contact=settings.contact,
            contact_phone_href=tel_href(settings.contact.phone),
            href=href,
        )

    def offer_overview() -> str:
        """Every section with its entries' titles, and the age filter."""
        return render(
            "offer-overview.html", sections=list(sections.values()), ages=range(16, 26), href=href
        )

    def principles() -> str:
        """The seven principles with outcomes, measures and what links to each."""
        return render(
            "principles.html",
            principles=principle_views(data.principles.principles, sections, data.action_plan),
            offer_title=settings.strategy.offer_title,
            href=href,
        )

    def action_plan() -> str:
        """The action plan: actions per principle, milestone statuses and progress counts."""
        if data.action_plan is None:
            raise ValueError("data/action_plan.yml is missing")
        groups = action_plan_views(data.action_plan, data.principles.principles, build_date)
        return render("action-plan.html", groups=groups, href=href)

    def search_box() -> str:
        """The search form and results list; the search runs in the reader's browser."""
        return render(
            "search-box.html",
            index_url=href("search/search_index.json"),
            script_url=href("assets/clo-search.js"),
            overview_url=href("offer/"),
        )

    def review_table() -> str:
        """Every section and separately reviewed entry, soonest review first."""
        return render("review-table.html", rows=rows, href=href)

    # Charts and numbers from data/figures.yml (macros/charts.py).
    figures_data = data.figures
    chart_uses: dict[tuple[str, str], int] = {}

    def _figures() -> FiguresFile:
        if figures_data is None:
            raise ValueError("data/figures.yml is missing")
        return figures_data

    def _chart_id(base: str) -> str:
        # A chart shown twice on one page gets "-2", "-3"...: ids stay unique per page.
        key = (env.page.url if env.page else "", base)
        chart_uses[key] = chart_uses.get(key, 0) + 1
        return charts.numbered_id(base, chart_uses[key])

    def placement_chart() -> str:
        """The "1 in 100" chart of where children looked after lived, with its table."""
        return charts.placement_chart(_figures().placements, _chart_id("clo-placements"))

    def district_chart() -> str:
        """The bar chart of rates per 10,000 children by district, with its table."""
        return charts.district_chart(_figures().rates, _chart_id("clo-districts"))

    def figure_charts() -> str:
        """Both charts from data/figures.yml, placements first."""
        return f"{placement_chart()}\n{district_chart()}"

    def figure(name: str) -> str:
        """``{{ figure("total") }}`` -> "690": a number from data/figures.yml for prose."""
        return charts.figure_text(_figures(), name)

    def gallery() -> str:
        """Every published piece of young people's art, poems and stories."""
        return render(
            "gallery.html",
            pieces=piece_views(published_gallery, href),
            sizes=GRID_SIZES,
            heading=2,
            href=href,
        )

    def gallery_piece(piece_id: str, heading: int = 3) -> str:
        """``{{ gallery_piece("keys") }}``: one piece on another page; nothing if unpublished."""
        if heading not in range(2, 7):
            raise ValueError(f"gallery_piece: heading must be 2 to 6, got {heading!r}")
        view = piece_view(published_gallery, piece_id, href)
        if view is None:
            return ""
        return render(
            "gallery-piece.html", piece=view, sizes=PAGE_SIZES, heading=heading, href=href
        )

    for inline in (figure, date):
        env.macro(inline)
    for block in (
        placement_chart,
        district_chart,
        figure_charts,
        gallery,
        gallery_piece,
        help_contacts,
        contact_card,
        offer_section,
        offer_overview,
        principles,
        action_plan,
        review_table,
        search_box,
    ):
        env.macro(_kept_out_of_markdown(block, env))

    # Checked before anything is written, so a failed build leaves site/ as it was.
    known = set(env.variables) | set(env.macros) | set(env.filters)
    page_problems = check_pages_cached(docs_dir, known, sections, project_root / ".cache")
    if page_problems:
        raise PluginError(_report(page_problems))
    _freeze_build_data()


def _kept_out_of_markdown(macro: Callable[..., str], env: Any) -> Callable[..., str]:
    """``macro`` returning a token for its HTML (see macros/html_blocks.py)."""

    @functools.wraps(macro)
    def block(*args: Any, **kwargs: Any) -> str:
        return stash(env.page, macro(*args, **kwargs))

    return block


def _freeze_build_data() -> None:
    """Keep Python's cycle collector from scanning the site data again and again.

    Everything loaded and worked out above lives until the site is written, and building
    each page creates enough objects to set off full collections, each of which walks
    all of it: at 5,000 entries that was a sixth of the build. ``gc.freeze()`` moves what
    exists now out of the collector's way (objects are still freed when no longer used).
    In ``mkdocs serve`` the previous build's data is let go first.
    """
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()
    gc.freeze()


@dataclass(frozen=True, repr=False)
class Outputs:
    """Machine-readable files written next to the pages after the build, by site path.

    Not a dict, so that mkdocs-macros' listing of the variables, made on every build even
    when not shown, does not copy and serialise every offer entry.
    """

    files: dict[str, Any]

    def __repr__(self) -> str:
        return f"Outputs({', '.join(self.files)})"


def _report(problems: list[DataProblem]) -> str:
    count = len(problems)
    lines = "\n".join(str(problem) for problem in sorted(problems))
    return f"{count} problem{'s' if count != 1 else ''} in the site data or pages:\n{lines}"


def on_post_build(env: Any) -> None:
    """Write the machine-readable outputs next to the pages."""
    save_markdown_cache(Path(env.conf["config_file_path"]).parent / ".cache")
    site_dir = Path(env.conf["site_dir"])
    for relative, content in env.variables["clo_outputs"].files.items():
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", "utf-8")
    # The published gallery pictures, copied from the cache (only those of published pieces).
    if env.variables.get("clo_gallery") is not None:
        copy_images(env.variables["clo_gallery"], site_dir)


def _section(sections: dict[str, SectionView], section_id: str) -> SectionView:
    if section_id not in sections:
        known = ", ".join(sections)
        raise KeyError(f"no offer section '{section_id}' in data/offer/; known: {known}")
    return sections[section_id]


__all__ = ["Outputs", "SiteData", "define_env", "on_post_build"]
