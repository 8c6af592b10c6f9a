"""mkdocs-macros entry point: wires load -> validate -> derive -> render to the pages.

Nothing here works anything out; each step lives in its own module.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from .data import load_site_data
from .dates import format_date, today
from .errors import DataError
from .render import render


def define_env(env: Any) -> None:
    """Called by mkdocs-macros once per build, before any page is read."""
    project_root = Path(env.conf["config_file_path"]).parent
    try:
        data = load_site_data(project_root)
    except DataError as error:
        raise PluginError(f"The site data has problems:\n{error.report()}") from None

    settings = data.settings
    build_date = today()

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

    def date(value: Any) -> str:
        """``{{ date(accessibility.statement_reviewed_on) }}`` -> "1 November 2026"."""
        return format_date(value)

    def help_contacts() -> str:
        """The crisis contacts from ``help_now`` in data/site.yml."""
        return render("help-contacts.html", contacts=settings.help_now)

    def contact_card() -> str:
        """How to reach the leaving care team."""
        return render("contact-card.html", contact=settings.contact)

    for macro in (date, help_contacts, contact_card):
        env.macro(macro)
