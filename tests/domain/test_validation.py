"""Tests for leaddesk/domain/validation.py: input rules with readable ValidationErrors."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.validation import (
    MAX_DATE,
    MAX_NAME,
    MAX_TEXT,
    MIN_DATE,
    check_date,
    check_due,
    check_score,
    clean_email,
    clean_name,
    clean_optional_name,
    clean_text,
    parse_date,
)

CONTROL_CHARACTERS = ["\x00", "\x07", "\x08", "\x1b", "\x7f"]


def test_validation_error_is_a_value_error() -> None:
    assert issubclass(ValidationError, ValueError)


# --- names --------------------------------------------------------------------------------------


def test_name_is_trimmed() -> None:
    assert clean_name("  Ada Lovelace \n") == "Ada Lovelace"


@pytest.mark.parametrize("value", ["", "   ", "\t\n ", None])
def test_empty_or_whitespace_name_is_refused(value: str | None) -> None:
    with pytest.raises(ValidationError, match=r"^Name cannot be empty\.$"):
        clean_name(value)


def test_empty_name_message_uses_the_field_name() -> None:
    with pytest.raises(ValidationError, match=r"^Role cannot be empty\.$"):
        clean_name("  ", field="Role")


def test_name_of_200_characters_is_accepted() -> None:
    assert clean_name("x" * MAX_NAME) == "x" * 200


def test_name_of_201_characters_is_refused_with_its_length() -> None:
    with pytest.raises(ValidationError, match=r"^Name is 201 characters long; the limit is 200\.$"):
        clean_name("x" * 201)


def test_name_length_is_counted_after_trimming() -> None:
    assert clean_name("   " + "x" * 200 + "   ") == "x" * 200


def test_name_limit_can_be_set_per_field() -> None:
    with pytest.raises(ValidationError, match="Title is 11 characters long; the limit is 10"):
        clean_name("x" * 11, field="Title", max_len=10)
    assert clean_name("x" * 10, field="Title", max_len=10) == "x" * 10


@pytest.mark.parametrize("value", ["first\nsecond", "first\rsecond", "first\tsecond"])
def test_name_must_fit_on_one_line(value: str) -> None:
    with pytest.raises(ValidationError, match=r"^Name must fit on one line\.$"):
        clean_name(value)


@pytest.mark.parametrize("char", CONTROL_CHARACTERS)
def test_name_with_control_character_is_refused(char: str) -> None:
    with pytest.raises(ValidationError, match=r"^Name contains a control character; remove it"):
        clean_name(f"Ada{char}Lovelace")


def test_name_keeps_accents_and_other_scripts() -> None:
    assert clean_name("  Zoë Ōtani-Müller 王芳 ") == "Zoë Ōtani-Müller 王芳"


@settings(max_examples=80, deadline=None, database=None)
@given(st.text(max_size=250))
def test_clean_name_either_returns_a_clean_line_or_raises_validation_error(value: str) -> None:
    try:
        cleaned = clean_name(value)
    except ValidationError as error:
        assert str(error).startswith("Name ")
        return
    assert cleaned == value.strip()
    assert 0 < len(cleaned) <= MAX_NAME
    assert not any(ord(c) < 32 or ord(c) == 127 for c in cleaned)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_optional_name_left_empty_is_none(value: str | None) -> None:
    assert clean_optional_name(value, "Area") is None


def test_optional_name_given_is_cleaned_like_a_name() -> None:
    assert clean_optional_name("  Platform ", "Area") == "Platform"
    with pytest.raises(ValidationError, match=r"^Area is 201 characters long"):
        clean_optional_name("x" * 201, "Area")
    with pytest.raises(ValidationError, match=r"^Area contains a control character"):
        clean_optional_name("Plat\x00form", "Area")


# --- free text ----------------------------------------------------------------------------------


def test_notes_are_trimmed_and_keep_inner_line_breaks_and_tabs() -> None:
    assert clean_text("  first line\n\tsecond line\r\n  ") == "first line\n\tsecond line"


def test_empty_notes_are_allowed_unless_required() -> None:
    assert clean_text(None) == ""
    assert clean_text("   ") == ""
    with pytest.raises(ValidationError, match=r"^Notes cannot be empty\.$"):
        clean_text("  ", field="Notes", required=True)


def test_notes_of_100000_characters_are_accepted() -> None:
    assert len(clean_text("x" * MAX_TEXT)) == 100_000


def test_notes_over_100000_characters_are_refused_with_readable_numbers() -> None:
    with pytest.raises(
        ValidationError, match=r"^Notes is 100,001 characters long; the limit is 100,000\.$"
    ):
        clean_text("x" * 100_001, field="Notes")


@pytest.mark.parametrize("char", CONTROL_CHARACTERS)
def test_notes_with_control_character_are_refused(char: str) -> None:
    with pytest.raises(ValidationError, match=r"^Notes contains a control character"):
        clean_text(f"line one\nline{char} two", field="Notes")


# --- e-mail -------------------------------------------------------------------------------------


def test_email_is_optional_and_trimmed() -> None:
    assert clean_email(None) is None
    assert clean_email("  ") is None
    assert clean_email("  ada@example.org ") == "ada@example.org"


@pytest.mark.parametrize("value", ["ada", "ada@example", "ada@@example.org", "a da@example.org"])
def test_malformed_email_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="does not look like an e-mail address"):
        clean_email(value)


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [MIN_DATE, date(2024, 2, 29), MAX_DATE])
def test_date_within_1900_to_2200_is_accepted(value: date) -> None:
    assert check_date(value) == value


@pytest.mark.parametrize(
    "value", [date(1899, 12, 31), date(1899, 6, 1), date(2201, 1, 1), date(2201, 7, 1)]
)
def test_date_out_of_range_is_refused(value: date) -> None:
    with pytest.raises(ValidationError, match=r"^Due date .* is out of range \(1900-2200\)\.$"):
        check_date(value, field="Due date")


def test_range_message_names_the_date() -> None:
    with pytest.raises(ValidationError, match="1899-12-31"):
        check_date(date(1899, 12, 31))


def test_typed_date_is_parsed_and_trimmed() -> None:
    assert parse_date(" 2024-03-05 ") == date(2024, 3, 5)


@pytest.mark.parametrize("value", ["", "yesterday", "2024-02-30", "05/03/2024", "2024-13-01"])
def test_typed_non_date_is_refused_with_the_expected_format(value: str) -> None:
    with pytest.raises(ValidationError, match="is not a date; write it as YYYY-MM-DD"):
        parse_date(value, field="Made on")


@pytest.mark.parametrize("value", ["1899-12-31", "2201-01-01"])
def test_typed_date_out_of_range_is_refused(value: str) -> None:
    with pytest.raises(ValidationError, match=r"out of range \(1900-2200\)"):
        parse_date(value)


def test_due_date_before_made_date_is_refused() -> None:
    with pytest.raises(
        ValidationError,
        match=r"^The due date 2024-03-01 is before the day it was made \(2024-03-02\)\.$",
    ):
        check_due(date(2024, 3, 2), date(2024, 3, 1))


@pytest.mark.parametrize("due", [None, date(2024, 3, 2), date(2024, 4, 1)])
def test_due_date_on_or_after_made_date_or_missing_is_accepted(due: date | None) -> None:
    check_due(date(2024, 3, 2), due)  # accepted: does not raise


# --- scores -------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", [1, 3, 5])
def test_score_within_one_to_five_is_accepted(value: int) -> None:
    assert check_score(value, "Integrity") == value


@pytest.mark.parametrize("value", [0, 6, -1, True, 3.0, "3"])
def test_score_outside_range_or_not_whole_number_is_refused(value: object) -> None:
    with pytest.raises(ValidationError, match=r"^Energy must be a whole number from 1 to 5\.$"):
        check_score(value, "Energy")  # type: ignore[arg-type]  # deliberately wrong types


def test_score_range_can_be_changed() -> None:
    assert check_score(10, "Rating", low=0, high=10) == 10
    with pytest.raises(ValidationError, match="from 0 to 10"):
        check_score(11, "Rating", low=0, high=10)
