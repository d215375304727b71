"""Tests for leaddesk/domain/levels.py: the seven levels of empowerment."""

from __future__ import annotations

import pytest

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.levels import (
    DelegationState,
    EmpowermentLevel,
    LevelKind,
    has_clarity_gap,
)

L = EmpowermentLevel

PRODUCT_LEVELS = [
    (1, "Tell", "I decide"),
    (2, "Sell", "I decide and convince"),
    (3, "Consult", "I decide after hearing you"),
    (4, "Agree", "we decide together"),
    (5, "Advise", "you decide after hearing me"),
    (6, "Inquire", "you decide, then tell me"),
    (7, "Delegate", "you decide, I don't need to know"),
]


@pytest.mark.parametrize(("number", "label", "meaning"), PRODUCT_LEVELS)
def test_levels_follow_the_delegation_poker_scale(number: int, label: str, meaning: str) -> None:
    level = L(number)
    assert level.label == label
    assert level.meaning == meaning


def test_there_are_exactly_seven_levels_in_order() -> None:
    assert [level.value for level in L] == list(range(1, 8))
    assert L.TELL < L.CONSULT < L.DELEGATE


@pytest.mark.parametrize(("number", "label", "meaning"), PRODUCT_LEVELS)
def test_parse_accepts_number_digit_text_and_name(number: int, label: str, meaning: str) -> None:
    expected = L(number)
    assert L.parse(number) is expected
    assert L.parse(str(number)) is expected
    assert L.parse(label) is expected
    assert L.parse(label.upper()) is expected
    assert L.parse(label.lower()) is expected


def test_parse_ignores_surrounding_spaces() -> None:
    assert L.parse("  3 ") is L.CONSULT
    assert L.parse("\tdelegate\n") is L.DELEGATE


@pytest.mark.parametrize("value", [0, 8, -1, 100])
def test_parse_refuses_numbers_outside_one_to_seven(value: int) -> None:
    with pytest.raises(ValidationError, match=r"levels go from 1 \(Tell\) to 7 \(Delegate\)"):
        L.parse(value)


@pytest.mark.parametrize("value", ["0", "8", "42"])
def test_parse_refuses_digit_text_outside_one_to_seven(value: str) -> None:
    with pytest.raises(ValidationError, match=f"Level {int(value)} does not exist"):
        L.parse(value)


@pytest.mark.parametrize("value", ["boss", "", "   ", "-1", "3.5", "tel", "label"])
def test_parse_refuses_unknown_names_and_lists_the_valid_ones(value: str) -> None:
    with pytest.raises(ValidationError) as raised:
        L.parse(value)
    message = str(raised.value)
    assert f"'{value}' is not a level of empowerment" in message
    assert "Tell, Sell, Consult, Agree, Advise, Inquire, Delegate" in message


@pytest.mark.parametrize("value", ["¹", "²", "9" * 5000])
def test_parse_refuses_superscript_digits_with_a_validation_error(value: str) -> None:
    with pytest.raises(ValidationError):
        L.parse(value)


def test_clarity_gap_when_they_believe_a_different_level() -> None:
    assert has_clarity_gap(L.CONSULT, L.DELEGATE) is True
    assert has_clarity_gap(L.DELEGATE, L.CONSULT) is True


def test_no_clarity_gap_when_levels_agree() -> None:
    assert all(has_clarity_gap(level, level) is False for level in L)


def test_no_clarity_gap_before_their_level_is_discussed() -> None:
    assert all(has_clarity_gap(level, None) is False for level in L)


def test_level_kinds_and_delegation_states_match_the_vocabulary() -> None:
    assert {kind.value for kind in LevelKind} == {"mine", "theirs", "target"}
    assert {state.value for state in DelegationState} == {"active", "completed", "withdrawn"}
