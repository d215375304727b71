"""Promises both ways and every transition: keep (on time, late), break, release, renegotiate."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.promises import PromiseDirection, PromiseState
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.desk import Desk
from leaddesk.services.undo import Deletable

TODAY = date(2026, 11, 25)
MINE = PromiseDirection.MINE
THEIRS = PromiseDirection.THEIRS
S = PromiseState


@pytest.fixture
def ada(desk: Desk) -> int:
    """A direct report."""
    return desk.add_person("Ada")


def _promise(desk: Desk, person: int, due: date | None = date(2026, 12, 1)) -> int:
    return desk.add_promise(person, THEIRS, "Send the hiring plan", due_on=due, made_on=TODAY)


def test_promises_are_recorded_in_both_directions(desk: Desk, ada: int) -> None:
    mine = desk.add_promise(ada, MINE, "Introduce you to the CFO", due_on=date(2026, 12, 5))
    theirs = desk.add_promise(ada, THEIRS, "Send the hiring plan", made_on=date(2026, 11, 20))
    assert [p.id for p in desk.promises(ada, direction=MINE)] == [mine]
    assert [p.id for p in desk.promises(ada, direction=THEIRS)] == [theirs]
    m = desk.promise(mine)
    assert (m.direction, m.text, m.person_name) == (MINE, "Introduce you to the CFO", "Ada")
    assert (m.made_on, m.due_on, m.state) == (TODAY, date(2026, 12, 5), S.OPEN)
    assert (m.resolved_on, m.on_time, m.history) == (None, None, ())
    t = desk.promise(theirs)
    assert (t.made_on, t.due_on) == (date(2026, 11, 20), None)


def test_due_date_before_the_day_it_was_made_is_refused(desk: Desk, ada: int) -> None:
    with pytest.raises(ValidationError, match="is before the day it was made"):
        desk.add_promise(ada, MINE, "Call", made_on=TODAY, due_on=TODAY - timedelta(days=1))
    assert desk.promises() == []


def test_due_on_the_day_it_was_made_is_fine(desk: Desk, ada: int) -> None:
    ident = desk.add_promise(ada, MINE, "Call", made_on=TODAY, due_on=TODAY)
    assert desk.promise(ident).due_on == TODAY


@pytest.mark.parametrize(
    ("text", "kwargs", "message"),
    [
        ("", {}, "Promise cannot be empty"),
        ("   \n ", {}, "Promise cannot be empty"),
        ("p" * 100_001, {}, "Promise is 100,001 characters long; the limit is 100,000"),
        ("Send\x00it", {}, "Promise contains a control character"),
        ("Send it", {"made_on": date(1899, 1, 1)}, "Made on 1899-01-01 is out of range"),
        ("Send it", {"due_on": date(2201, 1, 1)}, "Due date 2201-01-01 is out of range"),
    ],
)
def test_invalid_promise_is_refused_with_a_readable_message(
    desk: Desk, ada: int, text: str, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        desk.add_promise(ada, MINE, text, **kwargs)  # type: ignore[arg-type]
    assert desk.promises() == []


def test_promise_text_keeps_line_breaks(desk: Desk, ada: int) -> None:
    ident = desk.add_promise(ada, MINE, "Send the plan\nwith the budget")
    assert desk.promise(ident).text == "Send the plan\nwith the budget"


def test_promise_to_an_unknown_person_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.add_promise(999, MINE, "Call")


def test_promise_can_be_captured_in_a_1on1(desk: Desk, ada: int) -> None:
    meeting = desk.record_one_on_one(ada)
    ident = desk.add_promise(ada, THEIRS, "Send the plan", one_on_one_id=meeting)
    assert desk.promise(ident).state is S.OPEN


def test_promise_captured_in_an_unknown_1on1_is_refused(desk: Desk, ada: int) -> None:
    with pytest.raises(ValidationError, match="That 1:1 does not exist"):
        desk.add_promise(ada, THEIRS, "Send the plan", one_on_one_id=999)
    assert desk.promises() == []


def test_promise_captured_in_someone_elses_1on1_is_refused(desk: Desk, ada: int) -> None:
    bob = desk.add_person("Bob")
    meeting = desk.record_one_on_one(bob)
    with pytest.raises(ValidationError, match="1:1 was with someone else"):
        desk.add_promise(ada, THEIRS, "Send the plan", one_on_one_id=meeting)


def test_editing_rewords_the_promise(desk: Desk, ada: int) -> None:
    ident = _promise(desk, ada)
    desk.edit_promise(ident, "Send the hiring plan and budget")
    assert desk.promise(ident).text == "Send the hiring plan and budget"


def test_editing_to_empty_text_is_refused(desk: Desk, ada: int) -> None:
    ident = _promise(desk, ada)
    with pytest.raises(ValidationError, match="Promise cannot be empty"):
        desk.edit_promise(ident, "  ")
    assert desk.promise(ident).text == "Send the hiring plan"


# -- transitions -----------------------------------------------------------------------------
def test_keeping_on_or_before_the_due_date_is_on_time(desk: Desk, ada: int) -> None:
    ident = _promise(desk, ada, due=date(2026, 12, 1))
    assert desk.keep_promise(ident, on=date(2026, 12, 1), note="Thanks") is True
    p = desk.promise(ident)
    assert (p.state, p.resolved_on, p.on_time) == (S.KEPT, date(2026, 12, 1), True)
    (event,) = p.history
    assert (event.from_state, event.to_state, event.on) == (S.OPEN, S.KEPT, date(2026, 12, 1))
    assert event.note == "Thanks"


def test_keeping_after_the_due_date_is_late(desk: Desk, ada: int) -> None:
    ident = _promise(desk, ada, due=date(2026, 11, 30))
    assert desk.keep_promise(ident, on=date(2026, 12, 1)) is False
    p = desk.promise(ident)
    assert (p.state, p.on_time) == (S.KEPT, False)


def test_keeping_a_promise_without_due_date_is_on_time(desk: Desk, ada: int) -> None:
    ident = _promise(desk, ada, due=None)
    assert desk.keep_promise(ident, on=date(2027, 6, 1)) is True


def test_breaking_a_promise(desk: Desk, ada: int) -> None:
    ident = _promise(desk, ada)
    desk.break_promise(ident, note="Forgot")
    p = desk.promise(ident)
    assert (p.state, p.resolved_on, p.on_time) == (S.BROKEN, TODAY, None)
    assert p.history[-1].to_state is S.BROKEN
    assert p.history[-1].note == "Forgot"


def test_releasing_a_promise(desk: Desk, ada: int) -> None:
    ident = _promise(desk, ada)
    desk.release_promise(ident, note="No longer needed")
    p = desk.promise(ident)
    assert (p.state, p.resolved_on) == (S.RELEASED, TODAY)
    assert p.history[-1].to_state is S.RELEASED


def test_renegotiating_moves_the_due_date_and_keeps_the_old_one(desk: Desk, ada: int) -> None:
    ident = _promise(desk, ada, due=date(2026, 12, 1))
    desk.renegotiate_promise(ident, date(2026, 12, 15), note="Waiting on finance")
    p = desk.promise(ident)
    assert p.state is S.RENEGOTIATED
    assert p.state.is_open
    assert p.due_on == date(2026, 12, 15)
    assert p.resolved_on is None
    (event,) = p.history
    assert (event.from_state, event.to_state) == (S.OPEN, S.RENEGOTIATED)
    assert (event.old_due_on, event.new_due_on) == (date(2026, 12, 1), date(2026, 12, 15))
    assert event.on == TODAY
    assert event.note == "Waiting on finance"


def test_renegotiated_promise_can_be_renegotiated_again_and_kept(desk: Desk, ada: int) -> None:
    ident = _promise(desk, ada, due=date(2026, 12, 1))
    desk.renegotiate_promise(ident, date(2026, 12, 15))
    desk.renegotiate_promise(ident, date(2026, 12, 20), on=date(2026, 12, 14))
    assert desk.keep_promise(ident, on=date(2026, 12, 18)) is True
    p = desk.promise(ident)
    assert [e.to_state for e in p.history] == [S.RENEGOTIATED, S.RENEGOTIATED, S.KEPT]
    assert [e.old_due_on for e in p.history[:2]] == [date(2026, 12, 1), date(2026, 12, 15)]


def test_renegotiating_a_promise_without_due_date_sets_one(desk: Desk, ada: int) -> None:
    ident = _promise(desk, ada, due=None)
    desk.renegotiate_promise(ident, date(2026, 12, 15))
    p = desk.promise(ident)
    assert p.due_on == date(2026, 12, 15)
    assert p.history[0].old_due_on is None


def test_renegotiating_to_the_same_date_is_refused(desk: Desk, ada: int) -> None:
    ident = _promise(desk, ada, due=date(2026, 12, 1))
    with pytest.raises(ValidationError, match="same as the current one"):
        desk.renegotiate_promise(ident, date(2026, 12, 1))
    assert desk.promise(ident).state is S.OPEN


def test_renegotiating_to_a_date_in_the_past_is_refused(desk: Desk, ada: int) -> None:
    ident = _promise(desk, ada, due=date(2026, 12, 1))
    with pytest.raises(ValidationError, match="cannot be in the past"):
        desk.renegotiate_promise(ident, TODAY - timedelta(days=1))
    assert desk.promise(ident).due_on == date(2026, 12, 1)


def test_renegotiating_before_the_promise_was_made_is_refused(desk: Desk, ada: int) -> None:
    ident = desk.add_promise(
        ada, MINE, "Call", made_on=date(2026, 11, 20), due_on=date(2026, 11, 22)
    )
    with pytest.raises(ValidationError, match="cannot be renegotiated before the day it was made"):
        desk.renegotiate_promise(ident, date(2026, 11, 15), on=date(2026, 11, 10))
    p = desk.promise(ident)
    assert (p.state, p.due_on) == (S.OPEN, date(2026, 11, 22))


def _keep(desk: Desk, ident: int) -> None:
    desk.keep_promise(ident)


def _break(desk: Desk, ident: int) -> None:
    desk.break_promise(ident)


def _release(desk: Desk, ident: int) -> None:
    desk.release_promise(ident)


def _renegotiate(desk: Desk, ident: int) -> None:
    desk.renegotiate_promise(ident, date(2027, 3, 1))


ACTIONS: dict[str, Callable[[Desk, int], None]] = {
    "keep": _keep,
    "break": _break,
    "release": _release,
    "renegotiate": _renegotiate,
}
FINAL = {"keep": S.KEPT, "break": S.BROKEN, "release": S.RELEASED}


@pytest.mark.parametrize("first", sorted(FINAL))
@pytest.mark.parametrize("then", sorted(ACTIONS))
def test_a_resolved_promise_can_no_longer_change(
    desk: Desk, ada: int, first: str, then: str
) -> None:
    ident = _promise(desk, ada)
    ACTIONS[first](desk, ident)
    with pytest.raises(ValidationError, match=f"already {FINAL[first].value}; it can no longer"):
        ACTIONS[then](desk, ident)
    p = desk.promise(ident)
    assert p.state is FINAL[first]
    assert len(p.history) == 1


@pytest.mark.parametrize("action", ["keep", "break", "release"])
def test_resolving_before_the_promise_was_made_is_refused(
    desk: Desk, ada: int, action: str
) -> None:
    ident = desk.add_promise(ada, THEIRS, "Plan", made_on=date(2026, 11, 20))
    resolve = {
        "keep": desk.keep_promise,
        "break": desk.break_promise,
        "release": desk.release_promise,
    }[action]
    with pytest.raises(ValidationError, match="cannot be resolved before the day it was made"):
        resolve(ident, on=date(2026, 11, 19))
    p = desk.promise(ident)
    assert (p.state, p.history) == (S.OPEN, ())


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_transitions_of_an_unknown_promise_are_refused(desk: Desk, action: str) -> None:
    with pytest.raises(ValidationError, match="That promise does not exist"):
        ACTIONS[action](desk, 999)


def test_unknown_promise_cannot_be_read_or_edited(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That promise does not exist"):
        desk.promise(999)
    with pytest.raises(ValidationError, match="That promise does not exist"):
        desk.edit_promise(999, "Text")


def test_transition_note_with_a_control_character_is_refused(desk: Desk, ada: int) -> None:
    ident = _promise(desk, ada)
    with pytest.raises(ValidationError, match="Note contains a control character"):
        desk.keep_promise(ident, note="done\x1b[31m")
    with pytest.raises(ValidationError, match="Note is 100,001 characters long"):
        desk.renegotiate_promise(ident, date(2027, 1, 1), note="n" * 100_001)
    assert desk.promise(ident).state is S.OPEN


def test_promise_of_a_deleted_person_cannot_be_kept(desk: Desk, ada: int) -> None:
    ident = _promise(desk, ada)
    desk.delete(Deletable.PERSON, ada)
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.keep_promise(ident)
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.renegotiate_promise(ident, date(2027, 1, 1))
    assert desk.promises() == []


# -- listing ---------------------------------------------------------------------------------
def test_open_promises_come_first_overdue_first_then_by_due_date(desk: Desk, ada: int) -> None:
    made = date(2026, 11, 1)

    def add(text: str, due: date | None) -> int:
        return desk.add_promise(ada, THEIRS, text, due_on=due, made_on=made)

    later = add("later", date(2026, 12, 20))
    no_due = add("no due", None)
    kept = add("kept", date(2026, 11, 10))
    desk.keep_promise(kept, on=date(2026, 11, 9))
    overdue = add("overdue", date(2026, 11, 20))
    soon = add("soon", date(2026, 11, 28))
    listed = desk.promises(ada)
    assert [p.id for p in listed] == [overdue, soon, later, no_due, kept]
    assert [p.overdue for p in listed] == [True, False, False, False, False]
    assert [p.id for p in desk.promises(ada, open_only=True)] == [overdue, soon, later, no_due]


def test_renegotiated_promise_still_counts_as_open(desk: Desk, ada: int) -> None:
    ident = _promise(desk, ada)
    desk.renegotiate_promise(ident, date(2027, 1, 1))
    assert [p.id for p in desk.promises(open_only=True)] == [ident]


def test_promises_are_filtered_by_person(desk: Desk, ada: int) -> None:
    bob = desk.add_person("Bob")
    mine = _promise(desk, ada)
    _promise(desk, bob)
    assert [p.id for p in desk.promises(ada)] == [mine]
    assert len(desk.promises()) == 2


def test_listeners_hear_about_promise_writes(desk: Desk, ada: int) -> None:
    heard: list[Change] = []
    desk.subscribe(heard.append)
    ident = _promise(desk, ada)
    desk.renegotiate_promise(ident, date(2027, 1, 1))
    desk.keep_promise(ident)
    assert [c.area for c in heard] == [ChangeArea.PROMISES] * 3
    assert heard[0].person_id == ada
