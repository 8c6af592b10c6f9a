"""Issues 15 and 16 as built: what each card of the fixture's offer says, the arrangements
page, the list of changes with its Atom feed, and what the reviewers' page adds.

Pinned to the fixture site (``tests/fixture_site/data/``): ``always-overdue`` (Money, on
offer/money/: an amount that went up, a stale one, a national bursary with an amount still
to come, an entry for any age), ``always-current`` (Health: places and every-other-week
times, districts, phones with purposes), ``due-soon`` (A place to live: only_for, in_area),
the arrangements on offer/moving-on/ and the changes on changes/. Every word the site
adds is read from the catalogue (``macros/words/en.yml``), never typed here.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ElementTree
from decimal import Decimal
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from bs4 import BeautifulSoup, Tag

from macros.derive.changes import FEED_PATH
from macros.derive.phones import sms_href, tel_href
from macros.derive.site import SiteViews
from macros.publish.feed import ATOM
from macros.validate.model import REQUIRED_PARTS, Entry
from macros.validate.model.contacts import PhonePurpose
from macros.validate.site_data import SiteData
from macros.words import load_words
from tests.conftest import BUILD_DATE, run_build, soup_of

WORDS = load_words("en-GB")
# The fixed start of a sentence, to find it on a card whatever it names.
ONLY_FOR = WORDS("entry.only_for", situations="").strip()
ONLY_IF = WORDS("where.in_area", area="").strip()
SITE_URL = "https://example.org/care-leavers/"
ATOM_NS = {"atom": ATOM}


# Reading the built pages.


def page_file(site_dir: Path, url: str) -> Path:
    """The built file of a site URL such as ``offer/money/`` (directory URLs)."""
    path = url.split("#")[0]
    return site_dir / path / "index.html" if not path.endswith(".xml") else site_dir / path


def resolve(page_url: str, href: str) -> str:
    """The site URL a link on the page at ``page_url`` points to, e.g. ``offer/money/#x``."""
    base = "https://site.test/"
    target = urljoin(base + page_url, href)
    assert target.startswith(base), f"{href} on {page_url} leaves the site"
    return target.removeprefix(base)


def text_of(tag: Tag) -> str:
    """A tag's words as a reader sees them, without the spaces markup adds."""
    return " ".join(tag.get_text().split())


def cards(site_dir: Path, views: SiteViews, section_id: str) -> dict[str, Tag]:
    """The cards of a section's page, by entry id."""
    soup = soup_of(page_file(site_dir, views.sections[section_id].url))
    found = {}
    for article in soup.select("article.clo-entry"):
        heading = article.select_one("h2.clo-entry__title")
        assert heading is not None
        found[str(heading["id"])] = article
    return found


def card(site_dir: Path, views: SiteViews, entry_id: str) -> Tag:
    for section_id in views.sections:
        found = cards(site_dir, views, section_id)
        if entry_id in found:
            return found[entry_id]
    raise AssertionError(f"no card for {entry_id}")


def fact(article: Tag, key: str) -> Tag | None:
    """The ``dd`` under the card's heading ``key`` (a catalogue key), if the card has it."""
    for term in article.select("dl.clo-entry__facts > dt"):
        if text_of(term) == WORDS(key):
            value = term.find_next_sibling("dd")
            assert isinstance(value, Tag)
            return value
    return None


def amounts_on(article: Tag) -> list[str]:
    return [text_of(item) for item in article.select(".clo-entry__amounts li.clo-amount")]


def every_entry(data: SiteData) -> list[tuple[str, Entry]]:
    return [(sid, entry) for sid, section in data.offer.items() for entry in section.entries]


def entry_of(data: SiteData, entry_id: str) -> Entry:
    return next(entry for _, entry in every_entry(data) if entry.id == entry_id)


# Expected words, built from the catalogue.


def amount_words(
    value: str,
    per: str,
    *,
    up_to: bool = False,
    who: str | None = None,
    note: str | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> str:
    text = WORDS(f"amounts.{per}", value=WORDS.money(Decimal(value)))
    if who is not None:
        in_sentence = WORDS("amounts.up_to_in_sentence", amount=text) if up_to else text
        text = WORDS("amounts.for", amount=in_sentence, who=who)
    elif up_to:
        text = WORDS("amounts.up_to", amount=text)
    if note is not None:
        text = WORDS("amounts.note", amount=text, note=note)
    if start is not None:
        text = WORDS("amounts.from", amount=text, date=WORDS.date(start))
    if end is not None:
        text = WORDS("amounts.until", amount=text, date=WORDS.date(end))
    return text


def hours(day: int, opens: str, closes: str) -> str:
    """One day's opening, e.g. "Thursday, 17:30 to 19:30"."""
    return WORDS(
        "times.line",
        days=WORDS.weekday(day),
        opens=WORDS.time(dt.time.fromisoformat(opens)),
        closes=WORDS.time(dt.time.fromisoformat(closes)),
    )


# Amounts (issue 16).


def test_every_card_shows_the_amounts_in_force_and_to_come(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    checked = 0
    for section_id, section in data.offer.items():
        shown = cards(site_dir, views, section_id)
        for entry in section.entries:
            current = [
                amount
                for amount in entry.amounts
                if amount.to_date is None or amount.to_date >= BUILD_DATE
            ]
            texts = amounts_on(shown[entry.id])
            assert len(texts) == len(current), entry.id
            for text, amount in zip(texts, current, strict=True):
                assert WORDS.money(amount.value) in text, (entry.id, text)
                assert WORDS(f"amounts.{amount.per.value}", value=WORDS.money(amount.value)) in (
                    text
                )
            checked += len(current)
            if not entry.amounts:
                assert shown[entry.id].select_one(".clo-entry__amounts") is None, entry.id
    assert checked >= 5


def test_an_amount_is_written_in_plain_words(site_dir: Path, views: SiteViews) -> None:
    grant = card(site_dir, views, "setting-up-home")
    # The amount that went up, from its date; the £2,000 it replaced has ended.
    assert amounts_on(grant) == [
        amount_words("2500", "once", up_to=True, start=dt.date(2026, 4, 1))
    ]
    assert WORDS.money(Decimal(2000)) not in " ".join(amounts_on(grant))
    # Unchanged for more than a year: its date is no longer news.
    assert amounts_on(card(site_dir, views, "money-at-16")) == [amount_words("57.90", "week")]


def test_an_amount_to_come_says_when_it_starts(site_dir: Path, views: SiteViews) -> None:
    bursary = card(site_dir, views, "college-bursary")
    assert amounts_on(bursary) == [
        amount_words(
            "1000", "year", up_to=True, start=dt.date(2026, 9, 1), end=dt.date(2027, 8, 31)
        ),
        amount_words(
            "1100",
            "year",
            up_to=True,
            note="Set by the government for the next college year.",
            start=dt.date(2027, 9, 1),
        ),
    ]
    upcoming = [text_of(item) for item in bursary.select("li.clo-amount--upcoming")]
    assert upcoming == [amounts_on(bursary)[1]], "only the amount still to come is marked"
    assert WORDS.money(Decimal(1200)) not in bursary.get_text(), "the ended amount is gone"


def test_who_an_amount_is_for_is_shown_as_text(site_dir: Path, views: SiteViews) -> None:
    hostile = card(site_dir, views, "hostile-entry")
    who = '<script>alert("for")</script>'
    assert amounts_on(hostile) == [
        amount_words("10", "once", who=who, note="<b>note</b>", start=dt.date(2026, 1, 1))
    ]
    assert hostile.select(".clo-entry__amounts script") == []


# Who can get it (issue 15).


def test_each_card_says_its_ages(site_dir: Path, data: SiteData, views: SiteViews) -> None:
    for section_id, section in data.offer.items():
        shown = cards(site_dir, views, section_id)
        for entry in section.entries:
            who = fact(shown[entry.id], "entry.who_can_get_it")
            assert who is not None and who.p is not None, entry.id
            ages = entry.ages
            if ages is None:
                expected = WORDS("ages.any")
            elif ages.to_age is None:
                expected = WORDS("ages.from", start=ages.from_age)
            elif ages.from_age == ages.to_age:
                expected = WORDS("ages.one", age=ages.from_age)
            else:
                expected = WORDS("ages.range", start=ages.from_age, end=ages.to_age)
            assert text_of(who.p) == expected, entry.id


def test_no_ages_is_any_age_and_no_upper_age_is_and_over(site_dir: Path, views: SiteViews) -> None:
    for entry_id in ("money-advice", "drop-in"):
        article = card(site_dir, views, entry_id)
        who = fact(article, "entry.who_can_get_it")
        assert who is not None and who.p is not None
        assert text_of(who.p) == WORDS("ages.any")
        # Nothing for the age filter to narrow by.
        assert (article["data-clo-age-from"], article["data-clo-age-to"]) == ("", "")
    bursary = card(site_dir, views, "college-bursary")
    who = fact(bursary, "entry.who_can_get_it")
    assert who is not None and who.p is not None
    assert text_of(who.p) == WORDS("ages.from", start=16)
    assert (bursary["data-clo-age-from"], bursary["data-clo-age-to"]) == ("16", "")


def test_only_for_and_especially_for_name_the_situations(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    assert data.situations is not None
    labels = {situation.id: situation.label for situation in data.situations.situations}
    limited = 0
    for section_id, section in data.offer.items():
        shown = cards(site_dir, views, section_id)
        for entry in section.entries:
            who = fact(shown[entry.id], "entry.who_can_get_it")
            assert who is not None
            lines = [text_of(p) for p in who.find_all("p", recursive=False)]
            if entry.only_for:
                names = WORDS.join([labels[item] for item in entry.only_for])
                assert WORDS("entry.only_for", situations=names) in lines, entry.id
                limited += 1
            else:
                assert not any(line.startswith(ONLY_FOR) for line in lines), entry.id
    assert limited >= 4
    staying = fact(card(site_dir, views, "staying-put"), "entry.who_can_get_it")
    assert staying is not None
    assert WORDS("entry.only_for", situations=labels["staying-put"]) in text_of(staying)
    parents = fact(card(site_dir, views, "young-parents-group"), "entry.who_can_get_it")
    assert parents is not None
    assert WORDS("entry.especially_for", situations=labels["parent-or-expecting"]) in (
        text_of(parents)
    )


def test_where_it_applies_is_said_only_when_limited(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    area = data.settings.council.area_name
    districts = {district.id: district.name for district in data.settings.districts}
    expected = {
        "council-tax": WORDS("where.in_area", area=area),
        "hostile-entry": WORDS("where.in_area", area=area),
        "young-parents-group": WORDS("where.districts", districts=districts["northtown"]),
        "council-tax-elsewhere": WORDS("where.outside_area", area=area),
    }
    for section_id, entry in every_entry(data):
        who = fact(cards(site_dir, views, section_id)[entry.id], "entry.who_can_get_it")
        assert who is not None
        lines = [text_of(p) for p in who.find_all("p", recursive=False)]
        if entry.id in expected:
            assert expected[entry.id] in lines, entry.id
        else:
            assert entry.where.value == "anywhere", entry.id
            assert not any(line.startswith(ONLY_IF) for line in lines), entry.id


# How to get it, who provides it, contact, where and when (issue 15).


def test_without_steps_the_card_says_to_ask_an_adviser(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    ask = WORDS("entry.ask_adviser", team=data.settings.contact.team)
    without = 0
    for section_id, entry in every_entry(data):
        how = fact(cards(site_dir, views, section_id)[entry.id], "entry.how_to_get_it")
        assert how is not None, entry.id
        if entry.how_to_get_it:
            steps = how.select("ol > li")
            assert len(steps) == len(entry.how_to_get_it), entry.id
            assert ask not in text_of(how)
        else:
            assert text_of(how) == ask, entry.id
            assert how.select_one("ol") is None
            without += 1
    assert without >= 3
    assert "free-prescriptions" in {e.id for _, e in every_entry(data) if e.how_to_get_it}


def test_providers_are_named_with_the_part_they_play(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    assert data.organisations is not None
    names = {org.id: org.name for org in data.organisations.organisations}
    for section_id, entry in every_entry(data):
        who = fact(cards(site_dir, views, section_id)[entry.id], "entry.who_provides_it")
        assert who is not None, entry.id
        shown = [text_of(span) for span in who.select("[data-clo-provider-type]")]
        assert shown == [
            WORDS(f"roles.{ref.role.value}", name=names[ref.organisation])
            for ref in entry.providers
        ], entry.id
    bursary = fact(card(site_dir, views, "college-bursary"), "entry.who_provides_it")
    assert bursary is not None
    assert [text_of(span) for span in bursary.select("span")] == [
        WORDS("roles.apply_through", name="Testborough College"),
        WORDS("roles.pays_for_it", name="Department for Education"),
    ]
    parents = fact(card(site_dir, views, "young-parents-group"), "entry.who_provides_it")
    assert parents is not None
    assert [text_of(span) for span in parents.select("span")] == [
        WORDS("roles.runs_it", name="Young parents charity"),
        WORDS("roles.works_with", name="Leaving Care Service"),
    ]


def test_a_text_only_number_is_an_sms_link_and_every_other_a_tel_link(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    purposes: set[PhonePurpose] = set()
    for section_id, entry in every_entry(data):
        article = cards(site_dir, views, section_id)[entry.id]
        links = article.select(
            ".clo-entry__contact a[href^='tel:'], .clo-entry__contact a[href^='sms:']"
        )
        assert [(text_of(a), str(a["href"])) for a in links] == [
            (
                phone.number,
                sms_href(phone.number)
                if phone.purpose is PhonePurpose.text
                else tel_href(phone.number),
            )
            for phone in entry.contact.phones
        ], entry.id
        for link, phone in zip(links, entry.contact.phones, strict=True):
            item = link.find_parent("li")
            assert item is not None
            assert text_of(item).startswith(WORDS(f"phones.{phone.purpose.value}")), entry.id
            if phone.note:
                assert f"({phone.note})" in text_of(item)
            purposes.add(phone.purpose)
    assert {PhonePurpose.text, PhonePurpose.main, PhonePurpose.mobile} <= purposes
    grant = card(site_dir, views, "setting-up-home")
    assert [str(a["href"]) for a in grant.select("a[href^='sms:']")] == ["sms:+447700900011"]
    assert [str(a["href"]) for a in grant.select("a[href^='tel:']")] == ["tel:+441632960011"]
    out_of_hours = card(site_dir, views, "drop-in").select_one("a[href='tel:+441632960099']")
    assert out_of_hours is not None and out_of_hours.parent is not None
    assert text_of(out_of_hours.parent).startswith(WORDS("phones.out_of_hours"))


def test_places_show_their_address_and_opening_times(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    assert data.places is not None
    places = {place.id: place for place in data.places.places}
    parents = fact(card(site_dir, views, "young-parents-group"), "entry.where_and_when")
    assert parents is not None
    hub = places["northtown-hub"]
    line = parents.select_one("p.clo-place")
    assert line is not None and line.strong is not None
    assert text_of(line.strong) == hub.name
    assert hub.address is not None and hub.postcode is not None
    assert hub.address in text_of(line) and hub.postcode in text_of(line)
    # Every other Thursday evening at the hub, instead of the hub's own hours.
    every_other = WORDS(
        "times.every_line", line=hours(3, "17:30", "19:30"), every=WORDS("times.every.two_weeks")
    )
    assert [text_of(item) for item in parents.select("ul.clo-times li")] == [
        WORDS("times.starting", line=every_other, date=WORDS.date(dt.date(2026, 1, 8)))
    ]
    assert WORDS("times.every.two_weeks") in text_of(parents)

    drop_in = fact(card(site_dir, views, "drop-in"), "entry.where_and_when")
    assert drop_in is not None
    assert [text_of(p.strong) for p in drop_in.select("p.clo-place") if p.strong] == [
        places["northtown-hub"].name,
        places["advice-bus"].name,
    ]
    times = [text_of(item) for item in drop_in.select("ul.clo-times li")]
    assert times == [
        WORDS(
            "times.line",
            days=WORDS.join([WORDS.weekday(1), WORDS.weekday(3)]),
            opens=WORDS.time(dt.time(10)),
            closes=WORDS.time(dt.time(16)),
        ),
        hours(4, "13:00", "17:00"),
        WORDS("times.note", line=hours(5, "10:00", "12:00"), note="phone line only"),
    ]
    bus = places["advice-bus"]
    assert bus.accessibility is not None
    assert WORDS("entry.getting_in", text=bus.accessibility) in text_of(drop_in)
    # An entry with no places and no times has no "where and when".
    assert fact(card(site_dir, views, "money-at-16"), "entry.where_and_when") is None


# Why we offer it.


def test_each_card_says_why_in_the_words_of_its_duty(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    duties = set()
    for section_id, entry in every_entry(data):
        why = fact(cards(site_dir, views, section_id)[entry.id], "entry.why_we_offer_it")
        assert why is not None, entry.id
        sentence = WORDS("entry.duty_sentence", duty=WORDS(f"duty.{entry.duty.value}"))
        assert text_of(why).startswith(sentence), entry.id
        duties.add(entry.duty.value)
    assert duties == {"statutory", "local_extra", "national"}
    national = fact(card(site_dir, views, "college-bursary"), "entry.why_we_offer_it")
    assert national is not None
    assert text_of(national) == WORDS("entry.duty_sentence", duty=WORDS("duty.national"))


# The arrangements (issue 16).

ARRANGEMENTS_URL = "offer/moving-on/"


def arrangement_ids(soup: BeautifulSoup) -> list[str]:
    return [str(part["aria-labelledby"]) for part in soup.select("section.clo-arrangement")]


def test_the_arrangements_page_shows_every_part_in_the_laws_order(
    site_dir: Path, data: SiteData, views: SiteViews
) -> None:
    assert data.arrangements is not None
    assert views.arrangements is not None and views.arrangements.url == ARRANGEMENTS_URL
    soup = soup_of(page_file(site_dir, ARRANGEMENTS_URL))
    assert arrangement_ids(soup) == [part.id for part in REQUIRED_PARTS]
    written = {part.part: part for part in data.arrangements.parts}
    for section in soup.select("section.clo-arrangement"):
        heading = section.h2
        assert heading is not None
        part = written[str(section["aria-labelledby"])]
        assert heading["id"] == part.part
        assert text_of(heading) == part.heading
        assert text_of(section).startswith(part.heading)
    article = soup.select_one(".clo-arrangements")
    assert article is not None
    review = article.select_one(".clo-review")
    assert review is not None
    reviewed = data.arrangements.last_reviewed_on
    due = dt.date(reviewed.year + 1, reviewed.month, reviewed.day)  # review_in: 1 year
    assert text_of(review).startswith(
        WORDS("review.dates", last=WORDS.date(reviewed), next=WORDS.date(due))
    )
    assert [str(time["datetime"]) for time in review.select("time")] == [
        reviewed.isoformat(),
        due.isoformat(),
    ]
    assert WORDS("review.current") in text_of(review)
    assert data.arrangements.owner is not None
    assert WORDS("section.owner", owner=data.arrangements.owner) in text_of(article)


def test_the_parts_keep_the_laws_order_whatever_order_they_are_written_in(
    fixture_copy: Path, tmp_path: Path
) -> None:
    path = fixture_copy / "data" / "arrangements.yml"
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    written["parts"].reverse()
    path.write_text(yaml.safe_dump(written, sort_keys=False), encoding="utf-8")
    result = run_build(fixture_copy, tmp_path / "site")
    assert result.returncode == 0, result.output
    soup = soup_of(page_file(result.site_dir, ARRANGEMENTS_URL))
    assert arrangement_ids(soup) == [part.id for part in REQUIRED_PARTS]


def test_the_offer_overview_links_the_arrangements(site_dir: Path, views: SiteViews) -> None:
    overview = views.places.overview
    soup = soup_of(page_file(site_dir, overview))
    link = soup.select_one(".clo-overview__arrangements a")
    assert link is not None and views.arrangements is not None
    assert resolve(overview, str(link["href"])) == ARRANGEMENTS_URL
    assert text_of(link) == views.arrangements.title


# What changed (issue 16).

CHANGES_URL = "changes/"


def change_items(site_dir: Path) -> list[Tag]:
    soup = soup_of(page_file(site_dir, CHANGES_URL))
    return soup.select("ul.clo-changes > li.clo-change")


def test_the_changes_page_lists_the_changes_newest_first(site_dir: Path, data: SiteData) -> None:
    items = change_items(site_dir)
    dates = [str(item.time["datetime"]) for item in items if item.time is not None]
    assert len(dates) == len(items) >= 8
    assert dates == sorted(dates, reverse=True)
    for item, iso in zip(items, dates, strict=True):
        assert item.time is not None
        assert text_of(item.time) == WORDS.day(dt.date.fromisoformat(iso))
        # Each list is under the heading of its month.
        heading = item.find_parent("ul").find_previous_sibling("h2")
        assert text_of(heading) == WORDS.month(dt.date.fromisoformat(iso))
    said = {text_of(item).removeprefix(text_of(item.time)).strip(): item for item in items}

    # An amount that went up, dated when the new amount starts, linking to its card.
    went_up = WORDS(
        "amounts.went_up",
        title="Setting up home grant",
        old=WORDS(
            "amounts.up_to_in_sentence",
            amount=WORDS("amounts.once", value=WORDS.money(Decimal(2000))),
        ),
        new=WORDS(
            "amounts.up_to_in_sentence",
            amount=WORDS("amounts.once", value=WORDS.money(Decimal(2500))),
        ),
    )
    # An entry added.
    added = WORDS("changes.added", title="Bursary for your course")
    # Sections and the arrangements checked.
    reviewed = [WORDS("changes.reviewed", title=section.title) for section in data.offer.values()]
    assert data.arrangements is not None
    reviewed.append(WORDS("changes.reviewed", title=data.arrangements.title))
    # The editor's note, from data/changes.yml.
    assert data.changes is not None
    notes = [change.what for change in data.changes.changes]
    assert notes == ["The evening drop-in has ended."]
    for words, kind, iso, url in [
        (went_up, "amount", "2026-04-01", "offer/money/#setting-up-home"),
        (added, "added", "2026-09-01", "offer/money/#college-bursary"),
        (reviewed[0], "reviewed", "2020-01-15", "offer/money/"),
        (reviewed[-1], "reviewed", "2026-02-01", ARRANGEMENTS_URL),
        (notes[0], "note", "2026-05-01", "offer/health/"),
    ]:
        assert words in said, words
        item = said[words]
        assert f"clo-change--{kind}" in item["class"]
        assert item.time is not None and item.time["datetime"] == iso
        assert item.a is not None and resolve(CHANGES_URL, str(item.a["href"])) == url
    assert all(words in said for words in reviewed)
    # An amount still to come is listed, dated when it starts: first of all.
    assert str(items[0].time["datetime"] if items[0].time else "") > BUILD_DATE.isoformat()
    assert "clo-change--amount" in items[0]["class"]


def test_every_link_in_the_changes_lands_on_a_built_page(site_dir: Path) -> None:
    for item in change_items(site_dir):
        for link in item.select("a[href]"):
            target = resolve(CHANGES_URL, str(link["href"]))
            page = page_file(site_dir, target)
            assert page.is_file(), target
            anchor = urlsplit(target).fragment
            if anchor:
                assert soup_of(page).find(id=anchor) is not None, target


def test_the_changes_page_links_its_feed(site_dir: Path) -> None:
    soup = soup_of(page_file(site_dir, CHANGES_URL))
    link = soup.select_one(".clo-changes__feed a")
    assert link is not None
    assert text_of(link) == WORDS("changes.feed")
    assert resolve(CHANGES_URL, str(link["href"])) == FEED_PATH
    assert (site_dir / FEED_PATH).is_file()


def atom_text(element: ElementTree.Element, name: str) -> str:
    found = element.findall(f"atom:{name}", ATOM_NS)
    assert len(found) == 1, f"exactly one atom:{name}"
    return found[0].text or ""


def test_the_feed_is_atom_with_absolute_links(site_dir: Path) -> None:
    raw = (site_dir / FEED_PATH).read_bytes()
    assert raw.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    feed = ElementTree.fromstring(raw)
    # RFC 4287: a feed has one id, title and updated, an author (for entries without
    # one), and each entry one id, title, updated, and a link as it has no content.
    assert feed.tag == f"{{{ATOM}}}feed"
    timestamp = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z")
    assert atom_text(feed, "id") == SITE_URL + FEED_PATH
    assert atom_text(feed, "title")
    assert timestamp.fullmatch(atom_text(feed, "updated"))
    assert atom_text(feed, "updated") == f"{BUILD_DATE.isoformat()}T00:00:00Z"
    author = feed.find("atom:author", ATOM_NS)
    assert author is not None and atom_text(author, "name")
    links = {link.get("rel"): link.get("href") for link in feed.findall("atom:link", ATOM_NS)}
    assert links == {"self": SITE_URL + FEED_PATH, "alternate": SITE_URL + CHANGES_URL}

    entries = feed.findall("atom:entry", ATOM_NS)
    items = change_items(site_dir)
    assert len(entries) == len(items)
    ids = [atom_text(entry, "id") for entry in entries]
    assert len(set(ids)) == len(ids), "every entry has its own id"
    # The page orders a day's changes money first; the feed newest first: same changes.
    on_page = {
        text_of(item).removeprefix(text_of(item.time)).strip(): item.time["datetime"]
        for item in items
        if item.time is not None
    }
    for entry in entries:
        assert atom_text(entry, "id").startswith(SITE_URL)
        title = atom_text(entry, "title")
        assert title in on_page, title
        assert atom_text(entry, "updated") == f"{on_page[title]}T00:00:00Z"
        assert entry.find("atom:content", ATOM_NS) is None
        [link] = entry.findall("atom:link", ATOM_NS)
        assert link.get("rel", "alternate") == "alternate"
        href = link.get("href") or ""
        assert href.startswith(SITE_URL), href
        assert page_file(site_dir, href.removeprefix(SITE_URL)).is_file(), href
    # Text, never markup: the hostile section's title is escaped once, by XML.
    assert b"&lt;script&gt;" in raw and b"<script>" not in raw


# The reviewers' page (issue 16).


def test_the_reviewers_page_lists_the_arrangements_and_the_stale_amount(
    site_dir: Path, data: SiteData
) -> None:
    soup = soup_of(site_dir / "reviews" / "index.html")
    assert data.arrangements is not None
    rows = {
        text_of(row.h2): row for row in soup.select("article.clo-review-row") if row.h2 is not None
    }
    row = rows[data.arrangements.title]
    assert row.a is not None and resolve("reviews/", str(row.a["href"])) == ARRANGEMENTS_URL
    facts = row.select_one("dl")
    assert facts is not None
    assert WORDS("review.kind_arrangements") in [text_of(dd) for dd in facts.select("dd")]

    heading = soup.find("h2", string=WORDS("review.stale_heading"))
    assert heading is not None
    stale = soup.select("ul.clo-stale-amounts > li")
    assert len(stale) == 1, "only the amount unchanged for more than a year"
    assert text_of(stale[0]).endswith(
        WORDS(
            "review.stale_item",
            amount=amount_words("57.90", "week"),
            since=WORDS.date(dt.date(2025, 4, 1)),
        )
    )
    link = stale[0].a
    assert link is not None and text_of(link) == "Money to live on at 16 and 17"
    assert link is not None and resolve("reviews/", str(link["href"])) == (
        "offer/money/#money-at-16"
    )
    assert stale[0].time is not None and stale[0].time["datetime"] == "2025-04-01"
    assert entry_of(data, "money-at-16").amounts[0].from_date == dt.date(2025, 4, 1)


def test_names_keep_their_case_in_links_and_contents(site_dir: Path, views: SiteViews) -> None:
    """An entry's title is written as it is in the data wherever it is a link's words:
    its "More about" link, the overview and the table of contents (issue 22)."""
    overview = soup_of(site_dir / "offer" / "index.html")
    checked = 0
    for section in views.sections.values():
        soup = soup_of(page_file(site_dir, section.url))
        for entry in section.entries:
            card = soup.select_one(f"article.clo-entry[aria-labelledby='{entry.id}']")
            assert isinstance(card, Tag), entry.id
            if entry.web:
                link = card.select_one(f"a[href='{entry.web}']")
                assert isinstance(link, Tag), entry.id
                assert WORDS("entry.more_about", title=entry.title) in text_of(link)
                checked += 1
            listed = soup.select_one(f".md-sidebar--secondary a[href='#{entry.id}']")
            assert isinstance(listed, Tag) and text_of(listed) == entry.title, entry.id
            assert entry.title in [text_of(a) for a in overview.select(".clo-overview__list a")]
    assert checked, "the fixture has entries with a web page"
