"""Desk.due_items: the list behind `leaddesk due`, the tray's number and the notifications."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.feedback import FeedbackDirection
from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.action_item import ItemKind
from leaddesk.services.desk import Desk

TODAY = date(2026, 11, 25)
MINE = PromiseDirection.MINE


def _d(days: int) -> date:
    return TODAY + timedelta(days=days)


@pytest.fixture
def ada(desk: Desk) -> int:
    """A direct report met a week ago: no 1:1 is due for another week."""
    person = desk.add_person("Ada Lovelace")
    desk.record_one_on_one(person, held_on=_d(-7))
    return person


def _subjects(items: tuple) -> list[str]:
    return [i.subject for i in items]


def test_overdue_first_then_today_then_the_next_days(desk: Desk, ada: int) -> None:
    desk.add_promise(ada, MINE, "Send the budget", due_on=_d(-2), made_on=_d(-9))
    desk.add_promise(ada, MINE, "Book the offsite", due_on=TODAY)
    desk.add_promise(ada, MINE, "Review the plan", due_on=_d(3))
    desk.add_promise(ada, MINE, "Far away", due_on=_d(30))
    desk.add_promise(ada, MINE, "Someday, no date")
    desk.add_promise(ada, PromiseDirection.THEIRS, "Their promise", due_on=TODAY)
    delegation = desk.add_delegation(
        ada, "Hiring plan", EmpowermentLevel.AGREE, plan_checkpoint=False
    )
    desk.plan_checkpoint(delegation, _d(1))

    found = desk.due_items(days=7)

    assert _subjects(found.overdue) == ["Send the budget"]
    assert found.overdue[0].overdue
    assert _subjects(found.due_today) == ["Book the offsite"]
    assert _subjects(found.upcoming) == ["Hiring plan", "Review the plan"]
    assert found.upcoming[0].kind is ItemKind.CHECKPOINT
    assert found.now_count == 2


def test_days_widen_the_window(desk: Desk, ada: int) -> None:
    desk.add_promise(ada, MINE, "Far away", due_on=_d(30))
    assert desk.due_items(days=7).all == ()
    assert _subjects(desk.due_items(days=30).upcoming) == ["Far away"]


def test_a_one_on_one_past_its_rhythm_is_overdue(desk: Desk) -> None:
    grace = desk.add_person("Grace Hopper")
    desk.record_one_on_one(grace, held_on=_d(-20))  # the default rhythm is 14 days

    [late] = desk.due_items().overdue

    assert late.kind is ItemKind.ONE_ON_ONE and late.person_name == "Grace Hopper"
    assert late.on == _d(-6)


def test_my_feedback_request_falls_due_after_the_chase_days(desk: Desk, ada: int) -> None:
    desk.add_feedback(ada, FeedbackDirection.SOLICITED, "How was my talk?", on=_d(-20))
    desk.add_feedback(ada, FeedbackDirection.SOLICITED, "Asked yesterday", on=_d(-1))
    answered = desk.add_feedback(ada, FeedbackDirection.SOLICITED, "Answered", on=_d(-30))
    desk.answer_solicitation(answered, "Fine", on=_d(-29))

    found = desk.due_items(days=7)

    assert _subjects(found.overdue) == ["How was my talk?"]
    assert found.overdue[0].on == _d(-6)  # asked 20 days ago, chased after 14
    desk.update_settings(feedback_chase_days=1)
    chased_sooner = desk.due_items(days=0)
    assert _subjects(chased_sooner.overdue) == ["How was my talk?"]
    assert _subjects(chased_sooner.due_today) == ["Asked yesterday"]


def test_done_items_are_no_longer_due(desk: Desk, ada: int) -> None:
    promise = desk.add_promise(ada, MINE, "Send the budget", due_on=TODAY)
    assert desk.due_items().now_count == 1
    desk.keep_promise(promise)
    assert desk.due_items().now_count == 0


@pytest.mark.parametrize("days", [-1, 367])
def test_days_out_of_range_are_refused(desk: Desk, days: int) -> None:
    with pytest.raises(ValidationError, match="between 0 and 366"):
        desk.due_items(days=days)


def test_the_digest_is_remembered_per_day(desk: Desk) -> None:
    assert desk.last_digest_on() is None
    desk.mark_digest_given(TODAY)
    assert desk.last_digest_on() == TODAY


def test_the_tray_is_explained_once(desk: Desk) -> None:
    assert not desk.tray_explained()
    desk.mark_tray_explained()
    assert desk.tray_explained()


def test_notification_settings_round_trip_and_are_checked(desk: Desk) -> None:
    defaults = desk.settings()
    assert (defaults.digest_time, defaults.notify_details, defaults.keep_in_tray) == (
        "08:30",
        False,
        True,
    )
    changed = desk.update_settings(
        digest_time="7:05", notify_details=True, keep_in_tray=False, feedback_chase_days=21
    )
    assert (changed.digest_time, changed.notify_details, changed.keep_in_tray) == (
        "07:05",
        True,
        False,
    )
    assert changed.feedback_chase_days == 21
    with pytest.raises(ValidationError, match="24-hour clock"):
        desk.update_settings(digest_time="25:00")
    with pytest.raises(ValidationError, match="on or off"):
        desk.update_settings(notify_details="yes")
