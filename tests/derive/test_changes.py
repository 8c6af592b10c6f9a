"""macros.derive.changes: what changed in the offer, worked out from the data, and the
amounts nobody has changed for a year."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from macros.derive.changes import ChangeView, change_views, stale_amounts
from macros.derive.site import SiteViews
from macros.pipeline import build_views
from macros.validate.model import ChangesFile, OfferSection
from macros.validate.site_data import SiteData
from macros.words import load_words
from tests.conftest import BUILD_DATE

EN = load_words("en-GB")


def by_key(changes: tuple[ChangeView, ...]) -> dict[str, ChangeView]:
    return {change.key: change for change in changes}


def changes_of(
    data: SiteData,
    views: SiteViews,
    notes: ChangesFile | None = None,
    arrangements: tuple[str, dt.date, str | None, str | None] | None = None,
    offer: dict[str, OfferSection] | None = None,
) -> tuple[ChangeView, ...]:
    return change_views(
        data.offer if offer is None else offer, views.sections, notes, arrangements, EN
    )


def notes(*changes: dict[str, Any]) -> ChangesFile:
    return ChangesFile.model_validate({"changes": list(changes)})


def test_an_amount_that_went_up(views: SiteViews) -> None:
    change = by_key(views.changes)["amount-setting-up-home-2026-04-01"]
    assert (change.on, change.on_text, change.kind) == (
        dt.date(2026, 4, 1),
        "1 April 2026",
        "amount",
    )
    assert str(change.html) == (
        "Setting up home grant: now up to £2,500, paid once (was up to £2,000, paid once)"
    )
    assert change.url == "offer/money/#setting-up-home"


def test_an_amount_that_went_down_and_one_still_to_come(views: SiteViews) -> None:
    changes = by_key(views.changes)
    down = changes["amount-college-bursary-2026-09-01"]
    assert (
        str(down.html)
        == "Bursary for your course: now up to £1,000 a year (was up to £1,200 a year)"
    )
    upcoming = changes["amount-college-bursary-2027-09-01"]
    assert (
        str(upcoming.html)
        == "Bursary for your course: now up to £1,100 a year (was up to £1,000 a year)"
    )
    assert upcoming.on == dt.date(2027, 9, 1) > BUILD_DATE
    # One amount alone is no change.
    assert not [key for key in changes if key.startswith(("amount-money-at-16", "amount-hostile"))]


def test_an_entry_added(views: SiteViews) -> None:
    added = by_key(views.changes)["added-college-bursary"]
    assert (added.on, added.kind, str(added.html)) == (
        dt.date(2026, 9, 1),
        "added",
        "New: Bursary for your course",
    )
    assert added.url == "offer/money/#college-bursary"
    # Only entries with added_on are listed as new.
    assert [change.key for change in views.changes if change.kind == "added"] == [
        "added-college-bursary"
    ]


def test_each_sections_review(views: SiteViews) -> None:
    reviewed = {
        change.key: (change.on_text, str(change.html), change.url)
        for change in views.changes
        if change.kind == "reviewed" and "arrangements" not in change.key
    }
    assert reviewed == {
        "reviewed-always-overdue-2020-01-15": ("15 January 2020", "Checked: Money", "offer/money/"),
        "reviewed-always-current-2026-01-10": (
            "10 January 2026",
            "Checked: Health",
            "offer/health/",
        ),
        "reviewed-due-soon-2026-06-01": (
            "1 June 2026",
            "Checked: A place to live",
            "offer/housing/",
        ),
        "reviewed-hostile-2026-10-01": (
            "1 October 2026",
            "Checked: Hostile &lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;",
            "offer/hostile/",
        ),
    }


def test_the_arrangements_review(views: SiteViews, data: SiteData) -> None:
    change = by_key(views.changes)["reviewed-arrangements-2026-02-01"]
    assert (change.on, str(change.html), change.url) == (
        dt.date(2026, 2, 1),
        "Checked: How we help you move to adult life",
        "offer/moving-on/",
    )
    # Without arrangements there is no such change; with no page showing them, no link.
    assert not [c for c in changes_of(data, views) if "arrangements" in c.key]
    unshown = changes_of(data, views, arrangements=("Moving on", dt.date(2026, 3, 1), None, None))
    change = by_key(unshown)["reviewed-arrangements-2026-03-01"]
    assert (str(change.html), change.url) == ("Checked: Moving on", None)


def test_an_editors_note(views: SiteViews) -> None:
    note = by_key(views.changes)["note-2026-05-01-0"]
    assert (note.kind, str(note.html), note.url) == (
        "note",
        "The evening drop-in has ended.",
        "offer/health/",
    )


def test_editors_notes_are_sanitised_markdown(views: SiteViews, data: SiteData) -> None:
    written = notes(
        {
            "date": "2026-07-01",
            "what": 'The **old** grant <script>alert("x")</script> <img src=x onerror=alert(1)> '
            "[tap here](javascript:alert(1)) ended.",
        },
        {"date": "2026-07-02", "what": "See [the new rules](https://www.example.org/rules)."},
    )
    changes = by_key(changes_of(data, views, written))
    html = str(changes["note-2026-07-01-0"].html)
    assert html.startswith("The <strong>old</strong> grant")
    for markup in ("<script", "<img", "onerror", "javascript:", "<p>"):
        assert markup not in html
    # A note about no section links nowhere.
    assert changes["note-2026-07-01-0"].url is None
    link = str(changes["note-2026-07-02-0"].html)
    assert '<a href="https://www.example.org/rules"' in link and link.startswith("See ")


def test_a_note_with_its_own_link_is_not_linked_again(views: SiteViews, data: SiteData) -> None:
    # The page links a change to its section; a link inside that link is not HTML.
    written = notes(
        {
            "date": "2026-07-01",
            "what": "Prices [have changed](https://www.example.org/).",
            "section": "always-current",
        },
        {"date": "2026-07-02", "what": "Prices have changed.", "section": "always-current"},
    )
    changes = by_key(changes_of(data, views, written))
    assert changes["note-2026-07-01-0"].url is None
    assert changes["note-2026-07-02-0"].url == "offer/health/"


def test_newest_first_with_the_amount_still_to_come_first(views: SiteViews) -> None:
    dates = [change.on for change in views.changes]
    assert dates == sorted(dates, reverse=True)
    assert views.changes[0].key == "amount-college-bursary-2027-09-01"
    assert [change.key for change in views.changes] == [
        "amount-college-bursary-2027-09-01",
        "reviewed-hostile-2026-10-01",
        # Same day: by key, newest first.
        "amount-college-bursary-2026-09-01",
        "added-college-bursary",
        "reviewed-due-soon-2026-06-01",
        "note-2026-05-01-0",
        "amount-setting-up-home-2026-04-01",
        "reviewed-arrangements-2026-02-01",
        "reviewed-always-current-2026-01-10",
        "reviewed-always-overdue-2020-01-15",
    ]


def test_keys_are_unique_and_stay_when_notes_are_added(views: SiteViews, data: SiteData) -> None:
    keys = [change.key for change in views.changes]
    assert len(keys) == len(set(keys))
    first = notes(
        {"date": "2026-05-01", "what": "The evening drop-in has ended."},
        {"date": "2026-05-01", "what": "The morning drop-in has moved."},
    )
    # A new note written at the top of the file, on another day.
    later = notes(
        {"date": "2026-08-01", "what": "New."},
        {"date": "2026-05-01", "what": "The evening drop-in has ended."},
        {"date": "2026-05-01", "what": "The morning drop-in has moved."},
    )
    before = {str(c.html): c.key for c in changes_of(data, views, first) if c.kind == "note"}
    after = {str(c.html): c.key for c in changes_of(data, views, later) if c.kind == "note"}
    assert before == {
        "The evening drop-in has ended.": "note-2026-05-01-0",
        "The morning drop-in has moved.": "note-2026-05-01-1",
    }
    assert after == {**before, "New.": "note-2026-08-01-0"}


def test_amounts_for_different_people_changing_on_one_day_have_their_own_keys(
    views: SiteViews, data: SiteData
) -> None:
    section = data.offer["always-overdue"]
    entry = section.entries[1]
    assert entry.id == "money-at-16"
    amounts = [
        {"value": 50, "per": "week", "for": "Age 16", "from": "2025-04-01", "to": "2026-03-31"},
        {"value": 55, "per": "week", "for": "Age 16", "from": "2026-04-01"},
        {"value": 60, "per": "week", "for": "Age 17", "from": "2025-04-01", "to": "2026-03-31"},
        {"value": 65, "per": "week", "for": "Age 17", "from": "2026-04-01"},
    ]
    changed = entry.model_copy(
        update={"amounts": [type(entry.amounts[0]).model_validate(a) for a in amounts]}
    )
    entries = [changed if e.id == entry.id else e for e in section.entries]
    offer = {**data.offer, "always-overdue": section.model_copy(update={"entries": entries})}
    changes = [c for c in changes_of(data, views, offer=offer) if c.kind == "amount"]
    mine = [c for c in changes if "money-at-16" in c.key]
    assert len(mine) == 2
    assert [(c.key, str(c.html)) for c in mine] == [
        (
            "amount-money-at-16-2026-04-01-2",
            "Money to live on at 16 and 17, Age 17: now £65 a week (was £60 a week)",
        ),
        (
            "amount-money-at-16-2026-04-01",
            "Money to live on at 16 and 17, Age 16: now £55 a week (was £50 a week)",
        ),
    ]
    keys = [c.key for c in changes]
    assert len(keys) == len(set(keys))


def test_stale_amounts_are_those_older_than_a_year(views: SiteViews) -> None:
    assert [
        (s.entry_title, s.url, s.amount, s.since, s.since_iso) for s in views.stale_amounts
    ] == [
        (
            "Money to live on at 16 and 17",
            "offer/money/#money-at-16",
            "£57.90 a week",
            "1 April 2025",
            "2025-04-01",
        )
    ]
    # Not the grant (changed 1 April 2026), the bursary (1 September 2026, and one still to
    # come), nor the hostile amount (1 January 2026); nor the ended ones.


def test_stale_amounts_follow_the_date(data: SiteData, views: SiteViews) -> None:
    # A year after the grant went up, it is stale too; the ended £2,000 never is.
    later = stale_amounts(data.offer, views.sections, EN, dt.date(2027, 4, 2))
    assert [(s.since_iso, s.amount) for s in later] == [
        ("2025-04-01", "£57.90 a week"),
        ("2026-01-01", "£10, paid once"),  # the hostile entry's
        ("2026-04-01", "up to £2,500, paid once"),
    ]
    # Exactly a year (the £57.90 is from 1 April 2025) is not yet more than a year.
    assert stale_amounts(data.offer, views.sections, EN, dt.date(2026, 4, 1)) == ()
    next_day = stale_amounts(data.offer, views.sections, EN, dt.date(2026, 4, 2))
    assert [s.entry_title for s in next_day] == ["Money to live on at 16 and 17"]


def set_amounts(site: Path, section: str, entry_id: str, amounts: list[dict[str, Any]]) -> None:
    path = site / "data" / "offer" / f"{section}.yml"
    loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    entry = next(item for item in loaded["entries"] if item["id"] == entry_id)
    entry["amounts"] = amounts
    path.write_text(yaml.safe_dump(loaded, sort_keys=False, allow_unicode=True), "utf-8")


def test_an_amount_edit_is_a_change(fixture_copy: Path) -> None:
    """An editor changes an amount the way the README says: the old one gets a to: date,
    the new one is added with a later from: date."""
    set_amounts(
        fixture_copy,
        "always-overdue",
        "money-at-16",
        [
            {
                "value": 57.90,
                "per": "week",
                "from": dt.date(2025, 4, 1),
                "to": dt.date(2026, 10, 31),
            },
            {"value": 60.25, "per": "week", "from": dt.date(2026, 11, 1)},
        ],
    )
    views, _ = build_views(fixture_copy, fixture_copy / "docs", BUILD_DATE)
    change = by_key(views.changes)["amount-money-at-16-2026-11-01"]
    assert (change.on_text, str(change.html), change.url) == (
        "1 November 2026",
        "Money to live on at 16 and 17: now £60.25 a week (was £57.90 a week)",
        "offer/money/#money-at-16",
    )
    # Newest first: it comes straight after the change still to come.
    assert [c.key for c in views.changes[:2]] == [
        "amount-college-bursary-2027-09-01",
        "amount-money-at-16-2026-11-01",
    ]
    # No longer stale, and the card shows the new amount with its date.
    assert views.stale_amounts == ()
    entry = next(e for e in views.sections["always-overdue"].entries if e.id == "money-at-16")
    assert [a.text for a in entry.amounts] == ["£60.25 a week, from 1 November 2026"]


def test_the_views_give_every_change(views: SiteViews, data: SiteData) -> None:
    assert views.changes == changes_of(
        data,
        views,
        data.changes,
        ("How we help you move to adult life", dt.date(2026, 2, 1), "offer/moving-on/", None),
    )
