"""What notifications say, and when the morning digest is given (leaddesk.domain.notices)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.notices import (
    NoticeLine,
    details_allowed,
    digest_due,
    digest_notice,
    due_now_notice,
    parse_digest_time,
    tray_tooltip,
)

PRIVATE = [NoticeLine("Ada Lovelace", "My promise: Send the salary review")]
PRIVATE_WORDS = ("Ada", "Lovelace", "salary", "promise")


def _text(notice: object) -> str:
    return f"{notice.title}\n{notice.body}"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("setting", "locked", "presenting", "allowed"),
    [
        (False, False, False, False),
        (True, False, False, True),
        (True, True, False, False),
        (True, False, True, False),
        (True, True, True, False),
    ],
)
def test_details_only_when_asked_and_never_locked_or_presenting(
    setting: bool, locked: bool, presenting: bool, allowed: bool
) -> None:
    assert details_allowed(setting, locked, presenting) is allowed


def test_generic_wording_says_only_how_many() -> None:
    assert digest_notice(3).body == "3 things are due today."
    assert digest_notice(1).body == "1 thing is due today."
    assert digest_notice(0).body == "Nothing is due today."
    assert due_now_notice(1).body == "Something in LeadDesk is due now."
    assert due_now_notice(2).body == "2 things in LeadDesk are due now."
    assert tray_tooltip(3) == "LeadDesk — 3 due"
    assert tray_tooltip(None) == "LeadDesk — locked"


def test_no_private_word_without_details() -> None:
    for notice in (digest_notice(1, None), due_now_notice(1, None), digest_notice(1, [])):
        for word in PRIVATE_WORDS:
            assert word not in _text(notice)


def test_details_name_the_items_when_allowed() -> None:
    lines = PRIVATE + [NoticeLine(f"P{i}", "1:1 past its rhythm") for i in range(6)]
    body = digest_notice(7, lines).body
    assert "Ada Lovelace — My promise: Send the salary review" in body
    assert body.endswith("+2 more")
    assert "Ada Lovelace" in due_now_notice(1, PRIVATE).body


@pytest.mark.parametrize(
    ("now", "last", "due"),
    [
        (datetime(2026, 11, 25, 8, 29), None, False),  # not yet
        (datetime(2026, 11, 25, 8, 30), None, True),  # its time
        (datetime(2026, 11, 25, 14, 0), date(2026, 11, 24), True),  # started late: at once
        (datetime(2026, 11, 25, 9, 0), date(2026, 11, 25), False),  # once a day
        (datetime(2026, 11, 26, 8, 30), date(2026, 11, 25), True),  # the next morning
    ],
)
def test_the_digest_comes_once_a_day_at_its_time(
    now: datetime, last: date | None, due: bool
) -> None:
    assert digest_due(now, time(8, 30), last) is due


@pytest.mark.parametrize("text", ["24:00", "8", "8:5", "ab:cd", "", "-1:30"])
def test_a_digest_time_must_be_a_clock_time(text: str) -> None:
    with pytest.raises(ValidationError, match="24-hour clock"):
        parse_digest_time(text)


def test_a_digest_time_reads() -> None:
    assert parse_digest_time(" 7:05 ") == time(7, 5)
