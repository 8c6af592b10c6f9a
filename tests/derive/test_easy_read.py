"""macros.derive.easy_read: the Easy Read view of a section, with a translation's rules."""

from __future__ import annotations

from macros.derive.easy_read import easy_read_view
from macros.derive.site import SiteViews
from macros.validate.site_data import SiteData
from macros.words import load_words

EN = load_words("en-GB")


def test_current_lines_a_notice_for_old_ones_and_for_none(views: SiteViews, data: SiteData) -> None:
    view = easy_read_view(data.offer["always-overdue"], views.sections["always-overdue"], EN)
    entries = {entry.id: entry for entry in view.entries}
    current = entries["setting-up-home"]
    assert (current.lines[0].picture, current.lines[0].text) == (
        "home",
        "You are moving into your first home.",
    )
    assert current.notice is None
    assert entries["money-at-16"].lines == ()
    assert entries["money-at-16"].notice == EN("easy_read.changed", date="15 January 2020")
    assert entries["money-advice"].notice == EN("easy_read.missing")
    assert "weekly allowance" in str(entries["money-at-16"].summary_html)
    assert current.url == "offer/money/#setting-up-home"
    assert views.easy_read["always-overdue"] == view
