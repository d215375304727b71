"""This week's focus for each principle, reflections, Needs attention and the 1:1 agenda."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.feedback import FeedbackDirection, Proposer
from leaddesk.domain.focus import Principle
from leaddesk.domain.levels import DelegationState, EmpowermentLevel
from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports.item_wording import item_text
from leaddesk.services.action_item import ActionItem, ItemDetail, ItemKind
from leaddesk.services.desk import Desk

TODAY = date(2026, 11, 25)  # a Wednesday
MONDAY = date(2026, 11, 23)
SUNDAY = date(2026, 11, 29)
L = EmpowermentLevel
MINE = PromiseDirection.MINE
THEIRS = PromiseDirection.THEIRS


def _focus_on(desk: Desk, principle: Principle) -> None:
    """Choose the focus start so that this week is the week of `principle`."""
    desk.update_settings(focus_start=MONDAY - timedelta(weeks=int(principle) - 1))


def _texts(found: tuple[ActionItem, ...] | list[ActionItem]) -> list[str]:
    """What the lists show for each item (the wording lives outside the services)."""
    return [item_text(i, TODAY) for i in found]


def _delegation(
    desk: Desk, person: int, title: str, their_level: EmpowermentLevel | None = None
) -> int:
    """An Agree delegation with no checkpoint planned (tests plan the ones they need)."""
    return desk.add_delegation(
        person, title, L.AGREE, their_level=their_level, plan_checkpoint=False
    )


@pytest.fixture
def ada(desk: Desk) -> int:
    """A direct report."""
    return desk.add_person("Ada")


# -- week_focus: one principle per ISO week --------------------------------------------------
@pytest.mark.parametrize("principle", list(Principle))
def test_week_focus_shows_the_principle_of_the_week_with_its_words(
    desk: Desk, principle: Principle
) -> None:
    _focus_on(desk, principle)
    focus = desk.week_focus()
    assert focus.principle is principle
    assert focus.week_start == MONDAY
    assert focus.title == principle.text.title
    assert focus.intent == principle.text.intent
    assert focus.prompts == principle.text.prompts
    assert len(focus.prompts) == 3
    assert focus.points_at == principle.text.points_at
    assert focus.reflection == ""


def test_principles_repeat_after_the_sixth_week(desk: Desk) -> None:
    desk.update_settings(focus_start=MONDAY - timedelta(weeks=6))
    assert desk.week_focus().principle is Principle.CLARITY
    desk.update_settings(focus_start=MONDAY - timedelta(weeks=7))
    assert desk.week_focus().principle is Principle.SMART_TRUST


def test_each_following_week_brings_the_next_principle(desk: Desk) -> None:
    desk.update_settings(focus_start=date(2026, 11, 26))  # any day of this week
    weeks = [desk.week_focus(TODAY + timedelta(weeks=n)).principle for n in range(7)]
    assert weeks == [*Principle, Principle.CLARITY]
    assert desk.week_focus(date(2026, 12, 2)).week_start == date(2026, 11, 30)


def test_week_focus_for_a_date_out_of_range_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="out of range"):
        desk.week_focus(date(1492, 10, 12))


def test_clarity_week_lists_unagreed_levels_and_clarity_gaps(desk: Desk, ada: int) -> None:
    _focus_on(desk, Principle.CLARITY)
    desk.add_delegation(ada, "Budget", L.CONSULT)
    desk.add_delegation(ada, "Hiring", L.ADVISE, their_level=L.DELEGATE)
    desk.add_delegation(ada, "Sales", L.TELL, their_level=L.TELL)
    old = desk.add_delegation(ada, "Old project", L.TELL)
    desk.set_delegation_state(old, DelegationState.WITHDRAWN)
    gone = desk.add_person("Gone")
    desk.add_delegation(gone, "Archived person's area", L.TELL)
    desk.archive_person(gone)
    focus = desk.week_focus()
    assert _texts(focus.items) == [
        "Budget: level not agreed yet (mine: Consult)",
        "Hiring: clarity gap — I said Advise, they think Delegate",
    ]
    assert all(i.kind is ItemKind.DELEGATION and i.person_id == ada for i in focus.items)


def test_smart_trust_week_lists_checkpoints_due_this_week_and_unplanned_ones(
    desk: Desk, ada: int
) -> None:
    _focus_on(desk, Principle.SMART_TRUST)
    late = _delegation(desk, ada, "Budget")
    desk.plan_checkpoint(late, date(2026, 11, 20))
    this_week = _delegation(desk, ada, "Hiring")
    desk.plan_checkpoint(this_week, SUNDAY)
    next_week = _delegation(desk, ada, "Sales")
    desk.plan_checkpoint(next_week, SUNDAY + timedelta(days=1))
    _delegation(desk, ada, "Pricing")
    finished = _delegation(desk, ada, "Old")
    desk.plan_checkpoint(finished, date(2026, 11, 1))
    desk.set_delegation_state(finished, DelegationState.COMPLETED)
    focus = desk.week_focus()
    assert _texts(focus.items) == [
        "Checkpoint on Budget overdue since 20 Nov",
        "Checkpoint on Hiring due 29 Nov",
        "Pricing: no checkpoint planned",
    ]
    assert [i.overdue for i in focus.items] == [True, False, False]
    assert [i.kind for i in focus.items] == [
        ItemKind.CHECKPOINT,
        ItemKind.CHECKPOINT,
        ItemKind.DELEGATION,
    ]


def test_smart_trust_week_forgets_completed_checkpoints(desk: Desk, ada: int) -> None:
    _focus_on(desk, Principle.SMART_TRUST)
    budget = _delegation(desk, ada, "Budget")
    cp = desk.plan_checkpoint(budget, date(2026, 11, 20))
    desk.complete_checkpoint(cp, CheckpointOutcome.ON_TRACK, next_on=date(2027, 1, 4))
    assert desk.week_focus().items == ()


def test_success_factors_week_lists_missing_and_stale_factors(desk: Desk, ada: int) -> None:
    _focus_on(desk, Principle.SUCCESS_FACTORS)
    _delegation(desk, ada, "Budget")
    hiring = _delegation(desk, ada, "Hiring")
    stale = desk.add_success_factor(
        hiring, "Time to hire", "Days from opening to signed offer", agreed_on=date(2026, 8, 1)
    )
    sales = _delegation(desk, ada, "Sales")
    recal = desk.add_success_factor(
        sales, "Win rate", "Deals won over deals qualified", agreed_on=date(2026, 6, 1)
    )
    desk.calibrate_success_factor(recal, "New pipeline", Proposer.BOTH, target="30", on=MONDAY)
    pricing = _delegation(desk, ada, "Pricing")
    desk.add_success_factor(pricing, "Margin", "Gross margin", agreed_on=date(2026, 11, 1))
    focus = desk.week_focus()
    assert _texts(focus.items) == [
        "Budget: no success factor agreed",
        "Time to hire (Hiring): not calibrated since 1 Aug",
    ]
    assert focus.items[1].kind is ItemKind.FACTOR
    assert focus.items[1].ref_id == stale


def test_foundation_week_lists_my_open_promises_overdue_first_then_theirs(
    desk: Desk, ada: int
) -> None:
    _focus_on(desk, Principle.FOUNDATION_OF_TRUST)
    made = date(2026, 11, 1)
    desk.add_promise(ada, THEIRS, "Their late", due_on=date(2026, 11, 20), made_on=made)
    desk.add_promise(ada, MINE, "My later", due_on=date(2026, 12, 10), made_on=made)
    desk.add_promise(ada, THEIRS, "Their later", due_on=date(2026, 12, 1), made_on=made)
    desk.add_promise(ada, MINE, "My late", due_on=date(2026, 11, 24), made_on=made)
    kept = desk.add_promise(ada, MINE, "My kept", made_on=made)
    desk.keep_promise(kept)
    focus = desk.week_focus()
    assert _texts(focus.items) == [
        "I promised: My late (due 24 Nov)",
        "I promised: My later (due 10 Dec)",
        "They promised: Their late (due 20 Nov)",
        "They promised: Their later (due 1 Dec)",
    ]
    assert [i.overdue for i in focus.items] == [True, False, True, False]


def test_relationship_week_lists_overdue_1on1s_and_people_without_notes(desk: Desk) -> None:
    _focus_on(desk, Principle.RELATIONSHIP)
    ada = desk.add_person("Ada")
    bob = desk.add_person("Bob")
    carol = desk.add_person("Carol")
    zoe = desk.add_person("Zoe", reports_to_id=ada)
    desk.record_one_on_one(ada, held_on=TODAY - timedelta(days=20))
    desk.record_one_on_one(bob, held_on=TODAY - timedelta(days=14))
    desk.add_relationship_note(ada, "Wants to lead a bigger team")
    focus = desk.week_focus()
    assert [(i.person_id, item_text(i, TODAY)) for i in focus.items] == [
        (ada, "No 1:1 for 20 days (last 5 Nov)"),
        (carol, "No 1:1 yet — plan the first"),
        (bob, "No relationship notes yet"),
        (carol, "No relationship notes yet"),
    ]
    assert zoe not in {i.person_id for i in focus.items}


def test_feedback_week_lists_open_solicitations_and_the_balance_per_person(desk: Desk) -> None:
    _focus_on(desk, Principle.FEEDBACK)
    ada = desk.add_person("Ada")
    bob = desk.add_person("Bob")
    carol = desk.add_person("Carol")
    desk.add_feedback(ada, FeedbackDirection.SOLICITED, "How are my 1:1s?", on=date(2026, 11, 10))
    desk.add_feedback(ada, FeedbackDirection.GIVEN, "Great launch", on=date(2026, 11, 20))
    answered = desk.add_feedback(bob, FeedbackDirection.SOLICITED, "Too many meetings?")
    desk.answer_solicitation(answered, "Yes")
    desk.add_feedback(carol, FeedbackDirection.GIVEN, "Long ago", on=date(2026, 9, 1))
    desk.add_feedback(carol, FeedbackDirection.RECEIVED, "Received does not count")
    focus = desk.week_focus()
    assert [(i.person_id, item_text(i, TODAY), i.overdue) for i in focus.items] == [
        (ada, "I asked for feedback: How are my 1:1s?", False),
        (ada, "Last 30 days: given 1, solicited 1", False),
        (bob, "Last 30 days: given 0, solicited 1", False),
        (carol, "Last 30 days: given 0, solicited 0", True),
    ]


# -- reflections -----------------------------------------------------------------------------
def test_reflection_is_saved_for_the_week_and_shown_in_its_focus(desk: Desk) -> None:
    _focus_on(desk, Principle.CLARITY)
    desk.save_reflection("Budget levels differ between us.")
    assert desk.week_focus().reflection == "Budget levels differ between us."
    assert desk.week_focus(TODAY + timedelta(weeks=1)).reflection == ""


def test_saving_again_replaces_the_weeks_reflection(desk: Desk) -> None:
    desk.save_reflection("First thought")
    desk.save_reflection("Second thought", day=SUNDAY)
    (only,) = desk.reflections()
    assert only.text == "Second thought"
    assert only.week_start == MONDAY


def test_past_reflections_are_listed_newest_week_first_with_their_principle(desk: Desk) -> None:
    _focus_on(desk, Principle.SMART_TRUST)
    desk.save_reflection("Last week", day=TODAY - timedelta(weeks=1))
    desk.save_reflection("This week")
    listed = desk.reflections()
    assert [(r.week_start, r.principle, r.text) for r in listed] == [
        (MONDAY, Principle.SMART_TRUST, "This week"),
        (MONDAY - timedelta(weeks=1), Principle.CLARITY, "Last week"),
    ]


def test_emptied_reflection_is_not_listed(desk: Desk) -> None:
    desk.save_reflection("Thought")
    desk.save_reflection("   ")
    assert desk.reflections() == []
    assert desk.week_focus().reflection == ""


@pytest.mark.parametrize(
    ("text", "day", "message"),
    [
        ("r" * 100_001, None, "Reflection is 100,001 characters long; the limit is 100,000"),
        ("bad\x03", None, "Reflection contains a control character"),
        ("Fine", date(2201, 1, 1), "out of range"),
    ],
)
def test_invalid_reflection_is_refused(
    desk: Desk, text: str, day: date | None, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        desk.save_reflection(text, day=day)
    assert desk.reflections() == []


# -- needs attention -------------------------------------------------------------------------
def test_needs_attention_lists_checkpoints_due_by_today_overdue_first(desk: Desk, ada: int) -> None:
    desk.record_one_on_one(ada)
    due_today = _delegation(desk, ada, "Hiring")
    desk.plan_checkpoint(due_today, TODAY)
    late = _delegation(desk, ada, "Budget")
    desk.plan_checkpoint(late, date(2026, 11, 20))
    later = _delegation(desk, ada, "Sales", their_level=L.AGREE)
    desk.plan_checkpoint(later, TODAY + timedelta(days=1))
    found = desk.needs_attention()
    assert _texts(found) == [
        "Checkpoint on Budget overdue since 20 Nov",
        "Checkpoint on Hiring due 25 Nov",
    ]
    assert [i.overdue for i in found] == [True, False]


def test_needs_attention_lists_promises_due_within_two_days(desk: Desk, ada: int) -> None:
    desk.record_one_on_one(ada)
    made = date(2026, 11, 1)
    desk.add_promise(ada, THEIRS, "Overdue", due_on=date(2026, 11, 24), made_on=made)
    desk.add_promise(ada, MINE, "In two days", due_on=TODAY + timedelta(days=2), made_on=made)
    desk.add_promise(ada, MINE, "In three days", due_on=TODAY + timedelta(days=3), made_on=made)
    desk.add_promise(ada, MINE, "Whenever", made_on=made)
    kept = desk.add_promise(ada, THEIRS, "Kept", due_on=TODAY, made_on=made)
    desk.keep_promise(kept)
    found = desk.needs_attention()
    assert _texts(found) == [
        "They promised: Overdue (due 24 Nov)",
        "I promised: In two days (due 27 Nov)",
    ]
    assert [i.kind for i in found] == [ItemKind.PROMISE, ItemKind.PROMISE]


def test_needs_attention_lists_clarity_gaps_but_not_unagreed_levels(desk: Desk, ada: int) -> None:
    desk.record_one_on_one(ada)
    gap = _delegation(desk, ada, "Hiring", their_level=L.DELEGATE)
    _delegation(desk, ada, "Budget")
    (item,) = desk.needs_attention()
    assert item.kind is ItemKind.DELEGATION
    assert item.ref_id == gap
    assert item.detail is ItemDetail.CLARITY_GAP
    assert "clarity gap" in item_text(item, TODAY)


def test_needs_attention_lists_overdue_1on1s(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    bob = desk.add_person("Bob")
    carol = desk.add_person("Carol")
    desk.record_one_on_one(ada, held_on=TODAY - timedelta(days=15))
    desk.record_one_on_one(bob, held_on=TODAY - timedelta(days=14))
    found = desk.needs_attention()
    assert [(i.person_id, i.kind, i.overdue) for i in found] == [
        (ada, ItemKind.ONE_ON_ONE, True),
        (carol, ItemKind.ONE_ON_ONE, False),  # added today: the first 1:1 is due in 14 days
    ]


def test_needs_attention_puts_overdue_items_first(desk: Desk, ada: int) -> None:
    desk.record_one_on_one(ada)
    _delegation(desk, ada, "Hiring", their_level=L.DELEGATE)
    desk.add_promise(ada, MINE, "Soon", due_on=TODAY + timedelta(days=1))
    desk.add_promise(ada, THEIRS, "Late", due_on=date(2026, 11, 2), made_on=date(2026, 11, 1))
    bob = desk.add_person("Bob")
    found = desk.needs_attention()
    overdue = [i.overdue for i in found]
    assert overdue == sorted(overdue, reverse=True)
    assert {(i.person_id, item_text(i, TODAY)) for i in found if i.overdue} == {
        (ada, "They promised: Late (due 2 Nov)"),
    }
    assert (bob, "No 1:1 yet — plan the first") in {
        (i.person_id, item_text(i, TODAY)) for i in found
    }
    assert len(found) == 4


def test_needs_attention_ignores_archived_people(desk: Desk, ada: int) -> None:
    desk.add_promise(ada, THEIRS, "Late", due_on=date(2026, 11, 2), made_on=date(2026, 11, 1))
    desk.archive_person(ada)
    assert desk.needs_attention() == []


def test_needs_attention_is_empty_when_all_is_well(desk: Desk, ada: int) -> None:
    desk.record_one_on_one(ada)
    desk.add_delegation(ada, "Budget", L.AGREE, their_level=L.AGREE)
    assert desk.needs_attention() == []


# -- the 1:1 agenda --------------------------------------------------------------------------
def test_agenda_has_both_ways_open_promises_overdue_first(desk: Desk, ada: int) -> None:
    made = date(2026, 11, 1)
    desk.add_promise(ada, MINE, "My later", due_on=date(2026, 12, 10), made_on=made)
    desk.add_promise(ada, THEIRS, "Their late", due_on=date(2026, 11, 20), made_on=made)
    desk.add_promise(ada, MINE, "My late", due_on=date(2026, 11, 22), made_on=made)
    desk.add_promise(ada, THEIRS, "Their later", due_on=date(2026, 12, 1), made_on=made)
    agenda = desk.agenda(ada)
    assert agenda.person.id == ada
    assert _texts(agenda.items) == [
        "They promised: Their late (due 20 Nov)",
        "I promised: My late (due 22 Nov)",
        "They promised: Their later (due 1 Dec)",
        "I promised: My later (due 10 Dec)",
    ]
    assert [i.overdue for i in agenda.items] == [True, True, False, False]


def test_agenda_has_checkpoints_due_within_a_week(desk: Desk, ada: int) -> None:
    soon = _delegation(desk, ada, "Budget", their_level=L.AGREE)
    desk.plan_checkpoint(soon, TODAY + timedelta(days=7))
    late = _delegation(desk, ada, "Hiring", their_level=L.AGREE)
    desk.plan_checkpoint(late, date(2026, 11, 1))
    far = _delegation(desk, ada, "Sales", their_level=L.AGREE)
    desk.plan_checkpoint(far, TODAY + timedelta(days=8))
    assert _texts(desk.agenda(ada).items) == [
        "Checkpoint on Hiring overdue since 1 Nov",
        "Checkpoint on Budget due 2 Dec",
    ]


def test_agenda_has_clarity_gaps_and_unagreed_levels(desk: Desk, ada: int) -> None:
    _delegation(desk, ada, "Hiring", their_level=L.DELEGATE)
    _delegation(desk, ada, "Budget")
    _delegation(desk, ada, "Sales", their_level=L.AGREE)
    assert _texts(desk.agenda(ada).items) == [
        "Hiring: clarity gap — I said Agree, they think Delegate",
        "Budget: level not agreed yet (mine: Agree)",
    ]


def test_agenda_has_open_solicitations_only(desk: Desk, ada: int) -> None:
    desk.add_feedback(ada, FeedbackDirection.SOLICITED, "How are my 1:1s?")
    answered = desk.add_feedback(ada, FeedbackDirection.SOLICITED, "Too many meetings?")
    desk.answer_solicitation(answered, "Yes")
    desk.add_feedback(ada, FeedbackDirection.GIVEN, "Great launch")
    (item,) = desk.agenda(ada).items
    assert (item.kind, item_text(item, TODAY)) == (
        ItemKind.FEEDBACK,
        "I asked for feedback: How are my 1:1s?",
    )


def test_agenda_has_factors_due_for_calibration(desk: Desk, ada: int) -> None:
    budget = _delegation(desk, ada, "Budget", their_level=L.AGREE)
    stale = desk.add_success_factor(budget, "Accuracy", "Within 5%", agreed_on=date(2026, 8, 1))
    desk.add_success_factor(budget, "Fresh", "Agreed lately", agreed_on=date(2026, 11, 1))
    _delegation(desk, ada, "No factor", their_level=L.AGREE)
    (item,) = desk.agenda(ada).items
    assert (item.kind, item.ref_id) == (ItemKind.FACTOR, stale)


def test_agenda_has_open_topics_and_the_last_1on1(desk: Desk, ada: int) -> None:
    desk.record_one_on_one(ada, held_on=date(2026, 11, 11))
    topic = desk.add_topic(ada, "Reorg")
    agenda = desk.agenda(ada)
    assert [t.id for t in agenda.topics] == [topic]
    assert agenda.last_one_on_one == date(2026, 11, 11)


def test_agenda_leaves_out_other_peoples_items(desk: Desk, ada: int) -> None:
    bob = desk.add_person("Bob")
    desk.add_promise(bob, THEIRS, "Bob's promise")
    _delegation(desk, bob, "Bob's area", their_level=L.DELEGATE)
    desk.add_feedback(bob, FeedbackDirection.SOLICITED, "Bob, how am I doing?")
    desk.add_topic(bob, "Bob's topic")
    agenda = desk.agenda(ada)
    assert agenda.items == ()
    assert agenda.topics == ()


def test_agenda_for_an_unknown_person_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.agenda(999)
