"""macros.validate.model.offer, entries: ages, and the short ways to name providers,
places and phones."""

from __future__ import annotations

import pytest

from macros.load.yaml_file import parse_yaml
from macros.problems import DataError
from macros.validate.messages import validate
from macros.validate.model import Entry, Role, Where
from macros.validate.model.contacts import PhonePurpose
from macros.validate.model.offer import Ages

ENTRY = (
    "id: an-entry\ntitle: A thing\nsummary: What you get.\nproviders: [leaving-care-service]\n"
    "duty: statutory\n"
)


def ages(text: str) -> Ages:
    return validate(parse_yaml(text.encode(), "data/offer/x.yml"), Ages)


def entry(extra: str = "") -> Entry:
    return validate(parse_yaml((ENTRY + extra).encode(), "data/offer/x.yml"), Entry)


def problems(text: str, model: type[Entry] | type[Ages] = Entry) -> list[str]:
    """The messages for ``text`` (a whole entry, or only its ages)."""
    with pytest.raises(DataError) as caught:
        validate(parse_yaml(text.encode(), "data/offer/x.yml"), model)
    return [f"{problem.field}: {problem.message}" for problem in caught.value.problems]


# --- Ages -----------------------------------------------------------------------------------


def test_ages_from_and_to() -> None:
    both = ages("{from: 16, to: 25}")
    assert (both.from_age, both.to_age) == (16, 25)


def test_no_upper_age_when_to_is_left_out() -> None:
    assert ages("{from: 16}").to_age is None


def test_one_age_only() -> None:
    same = ages("{from: 18, to: 18}")
    assert same.from_age == same.to_age == 18


def test_an_entry_for_any_age_leaves_ages_out() -> None:
    assert entry().ages is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{from: 13}", "from: must be from 14 to 99; got 13"),
        ("{from: 16, to: 100}", "to: must be from 14 to 99; got 100"),
        ("{from: 21, to: 16}", "to: must not be less than ages.from (21); got 16"),
        (
            "{from: 16, to: twenty}",
            "to: must be a whole number, from 14 to 99, written in figures; got 'twenty'",
        ),
        ("{to: 25}", "from: is required but missing; add 'from:' (youngest age that can get it)"),
    ],
)
def test_ages_out_of_range_or_reversed(text: str, message: str) -> None:
    assert problems(text, Ages) == [message]


def test_ages_not_checked_against_from_when_from_is_wrong() -> None:
    """One wrong age is one message: ``to`` is not compared with a ``from`` that failed."""
    assert problems("{from: 10, to: 12}", Ages) == [
        "from: must be from 14 to 99; got 10",
        "to: must be from 14 to 99; got 12",
    ]


# --- Providers, places, phones: the short and the long way ----------------------------------


def test_a_provider_named_by_id_runs_it() -> None:
    (provider,) = entry().providers
    assert (provider.organisation, provider.role) == ("leaving-care-service", Role.runs_it)


def test_a_provider_with_its_role() -> None:
    text = ENTRY.replace(
        "providers: [leaving-care-service]",
        "providers:\n  - leaving-care-service\n  - {organisation: a-charity, role: pays_for_it}",
    )
    both = validate(parse_yaml(text.encode(), "data/offer/x.yml"), Entry).providers
    assert [(p.organisation, p.role) for p in both] == [
        ("leaving-care-service", Role.runs_it),
        ("a-charity", Role.pays_for_it),
    ]


def test_an_entry_needs_a_provider() -> None:
    text = ENTRY.replace("providers: [leaving-care-service]", "providers: []")
    assert problems(text) == ["providers: must have at least 1 item, found 0"]


def test_a_provider_written_as_a_name_is_not_an_id() -> None:
    text = ENTRY.replace("[leaving-care-service]", "[Leaving Care Service]")
    assert problems(text) == [
        "providers[1].organisation: must be lower-case words joined by hyphens, e.g. "
        "'junior-isa'; got 'Leaving Care Service'"
    ]


def test_places_by_id_or_with_their_own_times() -> None:
    loaded = entry(
        "places:\n  - town-hall\n"
        '  - {place: a-hub, opening_times: [{days: [friday], opens: "10:00", closes: "12:00"}]}\n'
    )
    assert [(place.place, len(place.opening_times)) for place in loaded.places] == [
        ("town-hall", 0),
        ("a-hub", 1),
    ]


def test_phones_by_number_or_with_purpose_and_note() -> None:
    loaded = entry(
        'contact:\n  phones:\n    - "01632 960 100"\n'
        '    - {number: "07700 900 100", purpose: text, note: texts only}\n'
    )
    assert [(phone.number, phone.purpose, phone.note) for phone in loaded.contact.phones] == [
        ("01632 960 100", PhonePurpose.main, None),
        ("07700 900 100", PhonePurpose.text, "texts only"),
    ]


def test_a_phone_purpose_not_allowed() -> None:
    text = ENTRY + 'contact:\n  phones:\n    - {number: "01632 960 100", purpose: whatsapp}\n'
    assert problems(text) == [
        "contact.phones[1].purpose: must be one of: main, mobile, text, out_of_hours; "
        "got 'whatsapp'"
    ]


def test_where_is_anywhere_unless_said() -> None:
    assert entry().where is Where.anywhere
    assert entry("where: districts\ndistricts: [northtown]\n").districts == ["northtown"]
