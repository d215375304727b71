"""Drafts of the 1:1 in progress: saved while typing, read back after a crash, gone once ended."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from leaddesk.domain.errors import ValidationError
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.desk import Desk
from leaddesk.services.undo import Deletable

TODAY = date(2026, 11, 25)
YESTERDAY = date(2026, 11, 24)


@pytest.fixture
def ada(desk: Desk) -> int:
    """A direct report."""
    return desk.add_person("Ada")


def test_a_saved_draft_reads_back_with_notes_energy_and_ticks(desk: Desk, ada: int) -> None:
    topic = desk.add_topic(ada, "Budget")
    assert desk.one_on_one_draft(ada) is None
    desk.save_one_on_one_draft(ada, " Agreed on pricing ", "Seems tired", 3, [topic])
    draft = desk.one_on_one_draft(ada)
    assert draft is not None
    assert draft.person_id == ada
    assert draft.started_on == TODAY
    assert draft.shared_notes == "Agreed on pricing"  # cleaned as a recorded 1:1 would be
    assert draft.private_notes == "Seems tired"
    assert draft.energy == 3
    assert draft.discussed_topic_ids == (topic,)
    assert isinstance(draft.updated_at, datetime)


def test_saving_again_replaces_the_draft_and_keeps_its_start(desk: Desk, ada: int) -> None:
    first = desk.add_topic(ada, "Budget")
    second = desk.add_topic(ada, "Hiring")
    desk.save_one_on_one_draft(ada, "a", "", None, [second, first], started_on=YESTERDAY)
    desk.save_one_on_one_draft(ada, "a longer note", "private", 4, [second, second])
    draft = desk.one_on_one_draft(ada)
    assert draft is not None
    assert (draft.shared_notes, draft.private_notes, draft.energy) == (
        "a longer note",
        "private",
        4,
    )
    assert draft.discussed_topic_ids == (second,)
    assert draft.started_on == YESTERDAY, "a later save without a start keeps the first day"
    desk.save_one_on_one_draft(ada, "", "", None, [])
    cleared = desk.one_on_one_draft(ada)
    assert cleared is not None and cleared.energy is None and cleared.discussed_topic_ids == ()


def test_drafts_are_per_person(desk: Desk, ada: int) -> None:
    bob = desk.add_person("Bob")
    desk.save_one_on_one_draft(ada, "Ada's notes", "", None, [])
    assert desk.one_on_one_draft(bob) is None
    desk.save_one_on_one_draft(bob, "Bob's notes", "", 2, [])
    assert desk.one_on_one_draft(ada).shared_notes == "Ada's notes"  # type: ignore[union-attr]
    assert desk.one_on_one_draft(bob).shared_notes == "Bob's notes"  # type: ignore[union-attr]


def test_a_draft_survives_closing_and_reopening_the_store(desk: Desk, ada: int) -> None:
    desk.save_one_on_one_draft(ada, "Before the power cut", "private", 5, [])
    path = desk.store.path
    desk.close()
    reopened = Desk.open(path, today=lambda: TODAY)
    try:
        draft = reopened.one_on_one_draft(ada)
        assert draft is not None and draft.shared_notes == "Before the power cut"
        assert draft.energy == 5
    finally:
        reopened.close()


def test_discarding_removes_the_draft_and_is_fine_without_one(desk: Desk, ada: int) -> None:
    desk.discard_one_on_one_draft(ada)  # nothing saved yet: no error
    desk.save_one_on_one_draft(ada, "notes", "", None, [])
    desk.discard_one_on_one_draft(ada)
    assert desk.one_on_one_draft(ada) is None
    assert desk.one_on_ones(ada) == [], "discarding records no 1:1"


def test_recording_the_one_on_one_deletes_its_draft(desk: Desk, ada: int) -> None:
    desk.save_one_on_one_draft(ada, "notes", "", None, [])
    desk.record_one_on_one(ada, held_on=TODAY, shared_notes="notes")
    assert desk.one_on_one_draft(ada) is None
    assert [m.shared_notes for m in desk.one_on_ones(ada)] == ["notes"]


def test_recording_without_a_date_uses_the_day_the_draft_started(desk: Desk, ada: int) -> None:
    # A 1:1 left open overnight is dated the day it happened, not the day it was ended.
    desk.save_one_on_one_draft(ada, "late meeting", "", None, [], started_on=YESTERDAY)
    desk.record_one_on_one(ada, shared_notes="late meeting")
    assert desk.one_on_ones(ada)[0].held_on == YESTERDAY
    desk.record_one_on_one(ada)  # no draft any more: today
    assert desk.one_on_ones(ada)[0].held_on == TODAY


def test_a_given_date_wins_over_the_draft_start(desk: Desk, ada: int) -> None:
    desk.save_one_on_one_draft(ada, "x", "", None, [], started_on=YESTERDAY)
    desk.record_one_on_one(ada, held_on=date(2026, 11, 20))
    assert desk.one_on_ones(ada)[0].held_on == date(2026, 11, 20)
    assert desk.one_on_one_draft(ada) is None


def test_a_failed_recording_keeps_the_draft(desk: Desk, ada: int) -> None:
    bob_topic = desk.add_topic(desk.add_person("Bob"), "Sales")
    desk.save_one_on_one_draft(ada, "keep me", "", None, [])
    with pytest.raises(ValidationError, match="another person's agenda"):
        desk.record_one_on_one(ada, discussed_topic_ids=[bob_topic])
    assert desk.one_on_one_draft(ada).shared_notes == "keep me"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"shared_notes": "s" * 100_001}, "Shared notes is 100,001 characters long"),
        ({"private_notes": "bell\x07"}, "Private notes contains a control character"),
        ({"energy": 6}, "Energy must be a whole number from 1 to 5"),
        ({"energy": 0}, "Energy must be a whole number from 1 to 5"),
        ({"discussed_topic_ids": ["3"]}, "discussed topic must be given by its id"),
        ({"discussed_topic_ids": [True]}, "discussed topic must be given by its id"),
        ({"started_on": date(1800, 1, 1)}, "Start of the 1:1 1800-01-01 is out of range"),
    ],
)
def test_invalid_draft_is_refused_and_the_last_one_kept(
    desk: Desk, ada: int, kwargs: dict[str, object], message: str
) -> None:
    desk.save_one_on_one_draft(ada, "good", "", 2, [])
    args: dict[str, object] = {
        "shared_notes": "bad",
        "private_notes": "",
        "energy": None,
        "discussed_topic_ids": [],
    }
    with pytest.raises(ValidationError, match=message):
        desk.save_one_on_one_draft(ada, **(args | kwargs))  # type: ignore[arg-type]
    draft = desk.one_on_one_draft(ada)
    assert draft is not None and (draft.shared_notes, draft.energy) == ("good", 2)


def test_draft_for_an_unknown_or_deleted_person_is_refused(desk: Desk, ada: int) -> None:
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.save_one_on_one_draft(999, "notes", "", None, [])
    desk.delete(Deletable.PERSON, ada)
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.save_one_on_one_draft(ada, "notes", "", None, [])


def test_purging_a_deleted_person_removes_their_draft(desk: Desk, ada: int) -> None:
    desk.save_one_on_one_draft(ada, "notes", "private", None, [])
    desk.delete(Deletable.PERSON, ada)
    desk.purge_deleted()
    assert desk.one_on_one_draft(ada) is None
    assert desk.integrity_problems() == []


def test_saving_a_draft_tells_no_listener_and_keeps_the_read_caches(desk: Desk, ada: int) -> None:
    # Called on every pause in typing: a refresh of every view each time would be far too costly.
    heard: list[Change] = []
    desk.subscribe(heard.append)
    desk.person_overview(ada)  # a cached read model
    cached = dict(desk._cache)
    assert cached
    for text in ("A", "Ag", "Agreed"):
        desk.save_one_on_one_draft(ada, text, "", None, [])
    desk.discard_one_on_one_draft(ada)
    assert heard == []
    assert desk._cache == cached

    desk.save_one_on_one_draft(ada, "Agreed", "", None, [])
    desk.record_one_on_one(ada)  # ending the 1:1 is a real change everyone hears about
    assert heard == [Change(ChangeArea.ONE_ON_ONES, ada)]
