"""macros.validate.messages: pydantic errors become one located line each, in plain words."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from macros.load.yaml_file import load_yaml, parse_yaml
from macros.problems import DataError
from macros.validate.messages import validate
from macros.validate.model import HelpContact, OfferSection, SiteSettings
from macros.validate.model.offer import Amount
from macros.validate.model.times import OpeningTime
from tests.conftest import FIXTURE_SITE

SITE_YML = FIXTURE_SITE / "data" / "site.yml"
OFFER_YML = FIXTURE_SITE / "data" / "offer" / "always-overdue.yml"
NO_PYTHON_WORDS = ("pydantic", "Input should", "validation error", "type=", "dict", "str")


def problems_after(
    tmp_path: Path, source: Path, shown: str, model: type, *replace: tuple[str, str]
) -> list[str]:
    text = source.read_text(encoding="utf-8")
    for old, new in replace:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / source.name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        validate(load_yaml(path, shown), model)
    return [str(problem) for problem in caught.value.problems]


def site_problems(tmp_path: Path, *replace: tuple[str, str]) -> list[str]:
    return problems_after(tmp_path, SITE_YML, "data/site.yml", SiteSettings, *replace)


def line_of(source: Path, text_fragment: str) -> int:
    lines = source.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text_fragment in line)


def test_fixture_site_settings_are_valid() -> None:
    settings = validate(load_yaml(SITE_YML, "data/site.yml"), SiteSettings)
    assert settings.council.name == "Testborough Council [tap here](javascript:alert(1))"
    assert settings.review.due_soon_days == 30
    assert settings.strategy.start_year <= settings.strategy.end_year


def test_unknown_key_suggests_the_nearest(tmp_path: Path) -> None:
    line = line_of(SITE_YML, "  due_soon_days:")
    assert site_problems(tmp_path, ("  due_soon_days:", "  due_son_days:")) == [
        f"data/site.yml:{line}: review.due_son_days: unknown key; did you mean 'due_soon_days'?"
    ]


def test_unknown_key_with_no_near_name_lists_the_allowed_keys(tmp_path: Path) -> None:
    line = line_of(SITE_YML, "  due_soon_days:")
    assert site_problems(tmp_path, ("  due_soon_days: 30", "  colour: green")) == [
        f"data/site.yml:{line}: review.colour: unknown key; allowed: default_review_in, "
        "due_soon_days, fail_on_overdue"
    ]


def test_wrong_type_says_what_was_given(tmp_path: Path) -> None:
    line = line_of(SITE_YML, "  response_days:")
    (problem,) = site_problems(tmp_path, ("response_days: 10", "response_days: ten"))
    assert problem == (
        f"data/site.yml:{line}: accessibility.response_days: must be a whole number, "
        "from 1 to 60, written in figures; got 'ten'"
    )


def test_missing_field_is_placed_on_its_group_and_explained(tmp_path: Path) -> None:
    line = line_of(SITE_YML, "council:")
    assert site_problems(tmp_path, ("  area_name: Testborough\n", "")) == [
        f"data/site.yml:{line}: council.area_name: is required but missing; "
        "add 'area_name:' (the place, as in 'children in <area>')"
    ]


def test_a_misspelt_required_key_gives_one_message_not_two(tmp_path: Path) -> None:
    line = line_of(SITE_YML, "  area_name:")
    assert site_problems(tmp_path, ("  area_name:", "  area_nme:")) == [
        f"data/site.yml:{line}: council.area_nme: unknown key; did you mean 'area_name'?"
    ]


def test_all_problems_reported_together(tmp_path: Path) -> None:
    problems = site_problems(
        tmp_path,
        ("response_days: 10", "response_days: ten"),
        ("due_soon_days:", "due_son_days:"),
    )
    assert len(problems) == 2
    assert [problem.split(": ")[1] for problem in problems] == [
        "accessibility.response_days",
        "review.due_son_days",
    ]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "last_reviewed_on: 2020-01-15",
            "last_reviewed_on: soon",
            "must be a date written YYYY-MM-DD",
        ),
        ("order: 10", "order: [1]", "must be a whole number, 0 or more, written in figures"),
        ("title: Money", "title: [Money]", "must be one piece of text, not a list"),
        (
            "title: Money",
            "title: 12",
            'must be text: put it in quotes, "12" (without quotes YAML reads it as a number)',
        ),
        (
            "introduction: Money you can get, and help to claim what you are entitled to.",
            "introduction:",
            "is empty; write a value after the colon",
        ),
        (
            "review_by: 2020-07-15",
            "review_in: 6 days",
            "must be a number and weeks, months or years",
        ),
    ],
)
def test_messages_say_what_is_allowed_without_python_words(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    problems = problems_after(tmp_path, OFFER_YML, "data/offer/money.yml", OfferSection, (old, new))
    assert len(problems) == 1, problems
    assert message in problems[0]
    assert not any(word in problems[0] for word in NO_PYTHON_WORDS), problems[0]


def test_a_yes_or_no_where_text_is_needed_and_an_empty_number() -> None:
    loaded = parse_yaml(b"title: Yes\norder: \n", "data/offer/x.yml")
    with pytest.raises(DataError) as caught:
        validate(loaded, OfferSection)
    messages = {problem.field: problem.message for problem in caught.value.problems}
    # YAML reads an unquoted Yes as true: say so, with what was typed, never "True".
    assert messages["title"] == (
        'must be text: put it in quotes, "Yes" (without quotes YAML reads it as true or false)'
    )
    assert messages["order"] == "is empty; write a value after the colon"


@pytest.mark.parametrize(
    ("line", "shown", "read_as"),
    [
        ("phone: 01772123456", "01772123456", "a number"),
        ("phone: 9:30", "9:30", "a number"),
        ("phone: No", "No", "true or false"),
        ("phone: 2026-01-01", "2026-01-01", "a date"),
    ],
)
def test_what_yaml_made_of_a_value_is_never_shown_only_what_was_typed(
    line: str, shown: str, read_as: str
) -> None:
    text = f"name: Samaritans\nwhen: Any time\n{line}\n"
    with pytest.raises(DataError) as caught:
        validate(parse_yaml(text.encode(), "data/site.yml"), HelpContact)
    message = caught.value.problems[0].message
    assert message.startswith(f'must be text: put it in quotes, "{shown}"'), message
    assert read_as in message and "1772123456" not in message.replace(shown, "")


def test_an_optional_key_left_empty_is_left_out() -> None:
    """``owner:`` with nothing after it is an owner not published, not an empty one."""
    text = OFFER_YML.read_text(encoding="utf-8")
    assert "owner: Leaving Care Service manager\n" in text
    loaded = parse_yaml(
        text.replace("owner: Leaving Care Service manager", "owner:").encode(), "data/offer/x.yml"
    )
    assert validate(loaded, OfferSection).owner is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("-57.90", "must be more than 0 and at most 100000; got '-57.90'"),
        ("0", "must be more than 0 and at most 100000; got 0"),
        ("100000.01", "must be more than 0 and at most 100000; got 100000.01"),
    ],
)
def test_a_limit_the_value_may_not_equal_is_said_as_more_than(value: str, message: str) -> None:
    """A number field with ``gt=0`` never says "100000 or less" to a value below zero."""
    text = f"value: {value}\nper: week\nfrom: 2026-04-01\n"
    with pytest.raises(DataError) as caught:
        validate(parse_yaml(text.encode(), "data/offer/x.yml"), Amount)
    assert [problem.message for problem in caught.value.problems] == [message]


@pytest.mark.parametrize(
    ("model", "text", "typed"),
    [
        (Amount, "value: 57.9O\nper: week\nfrom: 2026-04-01\n", "57.9O"),
        (OpeningTime, "days: [monday]\nopens: 5.30pm\ncloses: '17:00'\n", "5.30pm"),
    ],
)
def test_a_rule_of_the_model_says_what_was_typed_once(
    model: type[BaseModel], text: str, typed: str
) -> None:
    with pytest.raises(DataError) as caught:
        validate(parse_yaml(text.encode(), "data/x.yml"), model)
    (message,) = [problem.message for problem in caught.value.problems]
    assert message.endswith(f"; got '{typed}'"), message
    assert message.count("got") == 1, message
