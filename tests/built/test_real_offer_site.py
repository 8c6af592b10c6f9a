"""A real council's offer fits the model without losing a fact (issue 15).

``tests/real_offer_site/`` is a real published care leaver offer (named at the top of its
``data/site.yml``), paraphrased under a fictional council, Hollinshire: 6 sections, 45
entries. It is built once here; each kind of fact in issue 15's table must reach the card
in the words of the interface (``macros/words/en.yml``), read here with ``load_words``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from macros.derive.phones import sms_href, tel_href
from macros.derive.site import SiteViews
from macros.pipeline import build_views
from macros.tools.cli import check_main
from macros.validate.model import STATUTORY_AREAS
from macros.validate.site_data import SiteData
from macros.words import Words, load_words
from tests.conftest import (
    BUILD_DATE,
    FROZEN_EPOCH,
    ROOT,
    BuildResult,
    copy_site,
    nav_pages,
    run_build,
    soup_of,
)

REAL_SITE = ROOT / "tests" / "real_offer_site"
WORDS: Words = load_words("en-GB")
TEAM = "Care Leavers Service"
"""``contact.team`` in the site's data/site.yml."""


# --- The site, built once --------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_build(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The real offer's site, built strictly from a copy (caches stay out of tests/)."""
    site = copy_site(REAL_SITE, tmp_path_factory.mktemp("real-offer-project"))
    return run_build(site, tmp_path_factory.mktemp("real-offer-site"))


@pytest.fixture(scope="module")
def built(real_build: BuildResult) -> Path:
    assert real_build.returncode == 0, real_build.output
    return real_build.site_dir


@pytest.fixture(scope="module")
def real_views() -> tuple[SiteViews, SiteData]:
    views, report = build_views(REAL_SITE, REAL_SITE / "docs", BUILD_DATE)
    assert report.data is not None
    return views, report.data


@pytest.fixture(scope="module")
def views(real_views: tuple[SiteViews, SiteData]) -> SiteViews:
    return real_views[0]


@pytest.fixture(scope="module")
def data(real_views: tuple[SiteViews, SiteData]) -> SiteData:
    return real_views[1]


def page_soup(built: Path, url: str) -> BeautifulSoup:
    return soup_of(built / url.split("#")[0] / "index.html")


def card(built: Path, views: SiteViews, entry_id: str) -> Tag:
    """The card (``<article>``) of one entry, on the page that shows its section."""
    for section in views.sections.values():
        for entry in section.entries:
            if entry.id == entry_id:
                heading = page_soup(built, section.url).find(id=entry_id)
                assert isinstance(heading, Tag), f"{entry_id} is not on {section.url}"
                article = heading.find_parent("article")
                assert isinstance(article, Tag)
                return article
    raise AssertionError(f"no entry {entry_id}")


def text_of(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split()).replace(" ,", ",").replace(" .", ".")


def fact(article: Tag, label_key: str) -> str:
    """The text under one heading of a card's facts (``entry.who_can_get_it``...)."""
    for term in article.select("dl.clo-entry__facts > dt"):
        if term.get_text(strip=True) == WORDS(label_key):
            value = term.find_next_sibling("dd")
            assert isinstance(value, Tag)
            return text_of(value)
    raise AssertionError(f"no {WORDS(label_key)!r} on the card")


def has_fact(article: Tag, label_key: str) -> bool:
    terms = article.select("dl.clo-entry__facts > dt")
    return any(term.get_text(strip=True) == WORDS(label_key) for term in terms)


def all_entries(data: SiteData) -> Iterator[tuple[str, str]]:
    """(section id, entry id) of every entry."""
    for section_id, section in data.offer.items():
        for entry in section.entries:
            yield section_id, entry.id


# --- It checks, builds strictly and is the size of a real offer -------------------------------


def test_check_passes(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FROZEN_EPOCH)
    assert check_main(["--root", str(REAL_SITE), "--format", "text"]) == 0, capsys.readouterr()
    assert "note:" not in capsys.readouterr().out


def test_strict_build_has_no_warnings(real_build: BuildResult) -> None:
    assert real_build.returncode == 0, real_build.output
    warnings = re.findall(r"^(?:WARNING|ERROR).*$", real_build.output, flags=re.MULTILINE)
    assert warnings == [], real_build.output


def test_every_page_in_the_nav_is_built(built: Path) -> None:
    pages = nav_pages(REAL_SITE / "mkdocs.yml")
    section_pages = [path for _, path in pages if path.startswith("offer/") and "index" not in path]
    assert len(section_pages) == 7  # six sections and the arrangements
    for _, path in pages:
        stem = path.removesuffix(".md")
        built_page = built / (f"{stem}.html" if stem.endswith("index") else f"{stem}/index.html")
        assert built_page.is_file(), path
    for page in ("reviews", "search"):
        assert (built / page / "index.html").is_file()


def test_it_is_the_size_of_a_real_offer(data: SiteData) -> None:
    assert len(data.offer) == 6
    entries = [entry for section in data.offer.values() for entry in section.entries]
    assert 40 <= len(entries) <= 46
    without_steps = [entry for entry in entries if not entry.how_to_get_it]
    assert len(without_steps) == 34


def test_its_source_is_named_and_said_to_be_paraphrased() -> None:
    first_comment = (REAL_SITE / "data" / "site.yml").read_text(encoding="utf-8").split("\n\n")[0]
    head = " ".join(line.removeprefix("#").strip() for line in first_comment.splitlines())
    assert "Modelled on a real published offer" in head
    assert "Local offer for care leavers" in head and "2023" in head
    assert "PARAPHRASED" in head and "FICTIONAL" in head


def _values_under(node: object, key: str | None = None) -> Iterator[tuple[str | None, str]]:
    if isinstance(node, dict):
        for name, value in node.items():
            yield from _values_under(value, str(name))
    elif isinstance(node, list):
        for value in node:
            yield from _values_under(value, key)
    elif isinstance(node, str):
        yield key, node


def test_every_contact_is_reserved_for_examples() -> None:
    # Phone numbers from Ofcom's drama ranges, addresses under example.org; 999 is the one
    # real number, and it is nobody's own.
    phone = re.compile(r"^(01632 960 ?\d{3}|07700 900 ?\d{3}|999)$")
    checked = 0
    for path in sorted((REAL_SITE / "data").rglob("*.yml")):
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, value in _values_under(loaded):
            if key in {"phone", "number", "out_of_hours_phone"} or (
                key == "text" and re.fullmatch(r"[\d ]+", value)
            ):
                assert phone.match(value), f"{path.name}: {value}"
                checked += 1
            for url in re.findall(r"https?://[^\s\"')]+", value):
                assert re.match(r"https://(www\.)?example\.org/", url), f"{path.name}: {url}"
                checked += 1
            for email in re.findall(r"[\w.+-]+@[\w.-]+", value):
                assert email.endswith("@example.org"), f"{path.name}: {email}"
                checked += 1
    assert checked >= 30


# --- Each kind of fact in issue 15's table reaches the card ------------------------------------


def test_ages_none_open_ended_and_past_25(built: Path, views: SiteViews) -> None:
    no_ages = card(built, views, "lifelong-links")
    assert fact(no_ages, "entry.who_can_get_it").startswith(WORDS("ages.any"))
    assert no_ages["data-clo-age-from"] == no_ages["data-clo-age-to"] == ""

    after_25 = card(built, views, "advice-after-25")
    # "Age 25 and over", never "Age 25" beside words saying there is no upper age.
    ages = after_25.select_one("dl.clo-entry__facts > dd > p")
    assert ages is not None and ages.get_text() == WORDS("ages.from", start=25)
    assert after_25["data-clo-age-from"] == "25" and after_25["data-clo-age-to"] == ""

    course = card(built, views, "until-your-course-ends")
    assert fact(course, "entry.who_can_get_it").startswith(WORDS("ages.range", start=21, end=27))
    assert "You started the course before your 25th birthday." in text_of(course)

    overview = text_of(page_soup(built, "offer/"))
    assert WORDS("ages.from_in_list", start=25) in overview
    assert WORDS("ages.any_in_list") in overview


def test_several_providers_each_with_its_role(built: Path, views: SiteViews) -> None:
    claim = fact(card(built, views, "universal-credit"), "entry.who_provides_it")
    assert WORDS("roles.apply_through", name="Jobcentre Plus") in claim
    assert WORDS("roles.works_with", name=TEAM) in claim

    council_tax = fact(card(built, views, "council-tax-until-21"), "entry.who_provides_it")
    districts = "Hollinshire's district and borough councils"
    assert council_tax.startswith(WORDS("roles.runs_it", name=districts))
    assert WORDS("roles.pays_for_it", name="Hollinshire County Council") in council_tax

    bursary = card(built, views, "college-bursary")
    providers = bursary.select("[data-clo-provider-type]")
    assert [span.get_text() for span in providers] == [
        WORDS("roles.apply_through", name="Hollinshire College"),
        WORDS("roles.pays_for_it", name="Department for Education"),
    ]


def test_provider_types_including_the_councils_own(built: Path, data: SiteData) -> None:
    assert data.organisations is not None
    own_types = {kind.id for kind in data.organisations.types}
    assert own_types == {"leisure_trust"}
    shown: dict[str, set[str]] = {}
    for page in (built / "offer").rglob("index.html"):
        for span in soup_of(page).select("[data-clo-provider-type]"):
            shown.setdefault(str(span["data-clo-provider-type"]), set()).add(span.get_text())
    for kind in (
        "university",
        "college",
        "housing_association",
        "charity",
        "national_government",
        "council",
        "district_council",
        "nhs",
        "leisure_trust",
    ):
        assert kind in shown, f"no card names a provider of type {kind}"
    assert "Moorland Leisure" in shown["leisure_trust"]
    assert "University of Hollinshire" in shown["university"]
    assert "Heathland Homes" in shown["housing_association"]


def test_duty_wording_national_schemes_and_a_right_only_where_the_law_gives_it(
    built: Path, views: SiteViews, data: SiteData
) -> None:
    sentences = {
        duty: WORDS("entry.duty_sentence", duty=WORDS(f"duty.{duty}"))
        for duty in ("statutory", "local_extra", "national")
    }
    national = []
    for section_id, entry_id in all_entries(data):
        entry = next(e for e in data.offer[section_id].entries if e.id == entry_id)
        why = fact(card(built, views, entry_id), "entry.why_we_offer_it")
        for duty, sentence in sentences.items():
            assert (sentence in why) == (duty == entry.duty.value), f"{entry_id}: {why}"
        if entry.duty.value == "national":
            national.append(entry_id)
    assert sorted(national) == [
        "apprenticeship-bursary",
        "college-bursary",
        "covenant-opportunities",
        "junior-isa",
        "railcard",
        "universal-credit",
    ]


def test_places_weekdays_and_a_fortnightly_evening_group(built: Path, views: SiteViews) -> None:
    group = fact(card(built, views, "care-leavers-voice"), "entry.where_and_when")
    line = WORDS(
        "times.line",
        days=WORDS.weekday(2),
        opens=WORDS.time(dt.time(17, 30)),
        closes=WORDS.time(dt.time(19, 30)),
    )
    fortnightly = WORDS("times.every_line", line=line, every=WORDS("times.every.two_weeks"))
    starting = WORDS("times.starting", line=fortnightly, date=WORDS.date(dt.date(2026, 1, 7)))
    assert starting in group
    assert "Brackendale youth centre, Mill Lane, Brackendale, HL5 3GH" in group
    assert WORDS("entry.getting_in", text="Step-free throughout; parking beside the entrance.") in (
        group
    )

    office = fact(card(built, views, "personal-adviser"), "entry.where_and_when")
    weekdays = WORDS.join([WORDS.weekday(day) for day in range(5)])
    opens, closes = WORDS.time(dt.time(9)), WORDS.time(dt.time(17))
    assert WORDS("times.line", days=weekdays, opens=opens, closes=closes) in office

    monthly = fact(card(built, views, "money-sessions"), "entry.where_and_when")
    assert WORDS("times.every.four_weeks") in monthly and WORDS("times.every.month") in monthly


def test_local_hubs_and_two_mobile_services(built: Path, views: SiteViews) -> None:
    hubs = card(built, views, "young-peoples-hubs").select(".clo-place")
    names = [place.strong.get_text() for place in hubs if place.strong]
    assert names == [
        "Ashmoor young people's hub",
        "Kingsmere young people's hub",
        "Westerby young people's hub",
        "The Hollinshire advice bus",
    ]
    # A mobile service has no address: its name stands alone.
    assert hubs[-1].get_text() == "The Hollinshire advice bus"
    clinic = card(built, views, "mobile-health-clinic").select(".clo-place")
    assert [place.get_text() for place in clinic] == ["Health on the move (mobile clinic)"]
    clinic_times = fact(card(built, views, "mobile-health-clinic"), "entry.where_and_when")
    assert WORDS("times.every.two_weeks") in clinic_times


def test_phones_out_of_hours_text_only_and_a_social_media_link(
    built: Path, views: SiteViews
) -> None:
    adviser = card(built, views, "personal-adviser")
    items = [text_of(item) for item in adviser.select(".clo-entry__contact li")]
    assert f"{WORDS('phones.main')} 01632 960 100" in items
    assert any(item.startswith(f"{WORDS('phones.mobile')} 07700 900 100") for item in items)
    assert any(item.startswith(f"{WORDS('phones.text')} 07700 900 101") for item in items)
    assert any(item.startswith(f"{WORDS('phones.out_of_hours')} 01632 960 199") for item in items)
    hrefs = [str(link["href"]) for link in adviser.select(".clo-entry__contact a")]
    assert sms_href("07700 900 101") in hrefs and tel_href("01632 960 199") in hrefs
    assert tel_href("07700 900 101") not in hrefs  # text only: no link that calls it
    assert "https://www.example.org/social/hollinshire-care-leavers" in hrefs
    voice = card(built, views, "care-leavers-voice").select(".clo-entry__contact a")
    assert "Care Leavers' Voice on Instagram" in [link.get_text() for link in voice]


def test_where_two_districts_one_districts_own_rule_and_the_whole_area(
    built: Path, views: SiteViews
) -> None:
    def who(entry_id: str) -> str:
        return fact(card(built, views, entry_id), "entry.who_can_get_it")

    two = WORDS("where.districts", districts=WORDS.join(["Ashmoor", "Kingsmere"], style="or"))
    assert two in who("free-gym-pass")
    assert WORDS("where.districts", districts="Westerby") in who("westerby-council-tax")
    assert WORDS("where.in_area", area="Hollinshire") in who("council-tax-until-21")
    anywhere = who("living-outside-hollinshire")
    assert WORDS("where.in_area", area="Hollinshire") not in anywhere
    assert "Only if you live in" not in anywhere


def test_areas_per_entry_statutory_and_the_councils_own(
    built: Path, views: SiteViews, data: SiteData
) -> None:
    assert data.areas is not None
    own = {area.id: area.label for area in data.areas.areas}
    assert set(own) == {"leisure", "travel", "identity_documents", "rights_and_entitlements"}
    covered: set[str] = set()
    for section_id, entry_id in all_entries(data):
        entry = next(e for e in data.offer[section_id].entries if e.id == entry_id)
        names = [own[area] if area in own else WORDS(f"areas.{area}") for area in entry.areas]
        assert fact(card(built, views, entry_id), "entry.helps_with") == ", ".join(names)
        covered.update(entry.areas)
    assert {area.id for area in STATUTORY_AREAS} | set(own) == covered


def test_no_steps_reads_naturally_and_is_never_typed(
    built: Path, views: SiteViews, data: SiteData
) -> None:
    ask = WORDS("entry.ask_adviser", team=TEAM)
    asked = 0
    for section_id, entry_id in all_entries(data):
        entry = next(e for e in data.offer[section_id].entries if e.id == entry_id)
        how = card(built, views, entry_id)
        text = fact(how, "entry.how_to_get_it")
        if entry.how_to_get_it:
            assert ask not in text
            assert len(how.select("dl.clo-entry__facts ol li")) == len(entry.how_to_get_it)
        else:
            assert text == ask
            asked += 1
        assert not any(step.lower().startswith("ask your adviser") for step in entry.how_to_get_it)
    assert asked == 34


def test_a_section_with_no_owner_says_nothing_about_one(built: Path, views: SiteViews) -> None:
    owners = {
        section_id: page_soup(built, section.url).select(".clo-section__owner")
        for section_id, section in views.sections.items()
    }
    assert owners.pop("having-your-say") == []
    for section_id, found in owners.items():
        owner = views.sections[section_id].owner
        assert owner is not None
        assert [text_of(tag) for tag in found] == [WORDS("section.owner", owner=owner)]


def test_amounts_from_the_offer_with_their_history(built: Path, views: SiteViews) -> None:
    home = card(built, views, "setting-up-home")
    amounts = [text_of(item) for item in home.select(".clo-entry__amounts li")]
    once = WORDS("amounts.once", value=WORDS.money(Decimal(3000)))
    assert amounts == [WORDS("amounts.up_to", amount=once)]

    birthday = card(built, views, "birthday-and-festivals")
    shown = [text_of(item) for item in birthday.select(".clo-entry__amounts li")]
    fifty = WORDS("amounts.year", value=WORDS.money(Decimal(50)))
    dated = WORDS("amounts.from", amount=fifty, date=WORDS.date(dt.date(2026, 4, 1)))
    assert WORDS("amounts.for", amount=dated, who="Your birthday") in shown
    assert len(shown) == 2  # the old £40 has ended

    changes = text_of(page_soup(built, "changes/"))
    assert "Birthday and festival money" in changes and WORDS.money(Decimal(40)) in changes


def test_situations_only_for_and_especially_for(built: Path, views: SiteViews) -> None:
    holidays = fact(card(built, views, "holiday-home"), "entry.who_can_get_it")
    assert WORDS("entry.only_for", situations="At university") in holidays
    course = fact(card(built, views, "until-your-course-ends"), "entry.who_can_get_it")
    both = WORDS.join(["At college or in sixth form", "At university"])
    assert WORDS("entry.especially_for", situations=both) in course


def test_the_2026_arrangements_page_has_all_seven_parts(built: Path, data: SiteData) -> None:
    assert data.arrangements is not None
    page = page_soup(built, "offer/moving-on/")
    headings = [text_of(heading) for heading in page.select(".clo-arrangement h2")]
    assert headings == [part.heading for part in data.arrangements.parts]
    assert len(headings) == 7


# Facts that have a field of their own, written in prose instead.
FACTS_IN_PROSE = {
    "an amount (amounts:)": re.compile(r"£\s?\d"),
    "a phone number (contact.phones:)": re.compile(r"\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b"),
    "a postcode (places.yml)": re.compile(r"\b[A-Z]{1,2}\d{1,2}[A-Z]?\s\d[A-Z]{2}\b"),
    "a time of day (opening_times:)": re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm)\b", re.I),
    "an age range (ages:)": re.compile(r"\baged? \d{2} (?:to|and) \d{2}\b", re.I),
}


def test_no_fact_with_a_field_is_left_in_free_text(data: SiteData) -> None:
    # The prose of every entry: what a council would be tempted to write facts into.
    found = []
    for section_id, entry_id in all_entries(data):
        entry = next(e for e in data.offer[section_id].entries if e.id == entry_id)
        for text in (entry.summary, *entry.conditions, *entry.how_to_get_it):
            for kind, pattern in FACTS_IN_PROSE.items():
                if pattern.search(text):
                    found.append(f"{entry_id}: {kind} in {text!r}")
    assert found == []


@pytest.mark.parametrize(
    ("kind", "prose"),
    [
        ("an amount (amounts:)", "You get £57.90 a week."),
        ("a phone number (contact.phones:)", "Call 01632 960 100."),
        ("a postcode (places.yml)", "At the hub, HL3 4BD."),
        ("a time of day (opening_times:)", "Open until 5.30pm."),
        ("an age range (ages:)", "For those aged 18 to 21."),
    ],
)
def test_each_kind_of_fact_in_prose_is_caught(kind: str, prose: str) -> None:
    assert FACTS_IN_PROSE[kind].search(prose)
