"""macros.validate.model.places: a place's postcode is a UK postcode."""

from __future__ import annotations

import pytest

from macros.load.yaml_file import parse_yaml
from macros.problems import DataError
from macros.validate.messages import validate
from macros.validate.model import Place, PlacesFile
from tests.validate.fixture_files import fixture_file


def place(postcode: str) -> Place:
    text = f"id: a-hub\nname: A hub\npostcode: {postcode}\n"
    return validate(parse_yaml(text.encode(), "data/places.yml"), Place)


def test_the_fixture_site_places_have_postcodes_and_one_has_none() -> None:
    places, _ = fixture_file("data/places.yml", PlacesFile)
    postcodes = {item.id: item.postcode for item in places.places}
    assert postcodes["town-hall"] == "TE1 1AA"
    assert postcodes["advice-bus"] is None  # a mobile service


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("TE1 1AA", "TE1 1AA"), ("te2 2bb", "TE2 2BB"), ("SW1A 1AA", "SW1A 1AA"), ("M11AE", "M11AE")],
)
def test_uk_postcodes_are_kept_in_capitals(typed: str, kept: str) -> None:
    assert place(typed).postcode == kept


@pytest.mark.parametrize("typed", ["TE2 2B", "Northtown", "TE2-2BB", "'90210'", "1AA TE1"])
def test_a_postcode_that_is_not_a_uk_postcode(typed: str) -> None:
    with pytest.raises(DataError) as caught:
        place(typed)
    assert [problem.message for problem in caught.value.problems] == [
        f"must be a UK postcode, such as FE1 1AA; got '{typed.strip(chr(39))}'"
    ]
