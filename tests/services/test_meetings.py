"""1:1s with shared and private notes, agenda topics that carry forward, relationship notes."""

from __future__ import annotations

from datetime import date

import pytest

from leaddesk.domain.errors import ValidationError
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.desk import Desk
from leaddesk.services.undo import Deletable

TODAY = date(2026, 11, 25)


@pytest.fixture
def ada(desk: Desk) -> int:
    """A direct report."""
    return desk.add_person("Ada")


# -- topics ----------------------------------------------------------------------------------
def test_topics_wait_on_the_agenda_oldest_first(desk: Desk, ada: int) -> None:
    later = desk.add_topic(ada, "Budget", on=date(2026, 11, 20))
    first = desk.add_topic(ada, "Hiring", on=date(2026, 11, 10))
    topics = desk.open_topics(ada)
    assert [(t.id, t.text, t.carried) for t in topics] == [
        (first, "Hiring", 0),
        (later, "Budget", 0),
    ]
    assert topics[0].created_on == date(2026, 11, 10)


def test_topics_belong_to_one_person(desk: Desk, ada: int) -> None:
    bob = desk.add_person("Bob")
    desk.add_topic(bob, "Sales")
    assert desk.open_topics(ada) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Topic cannot be empty"),
        ("t" * 100_001, "Topic is 100,001 characters long; the limit is 100,000"),
        ("bell\x07", "Topic contains a control character"),
    ],
)
def test_invalid_topic_is_refused(desk: Desk, ada: int, text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        desk.add_topic(ada, text)
    assert desk.open_topics(ada) == []


def test_topic_for_an_unknown_person_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.add_topic(999, "Hiring")


# -- recording a 1:1 -------------------------------------------------------------------------
def test_recorded_1on1_keeps_shared_and_private_notes_and_energy(desk: Desk, ada: int) -> None:
    ident = desk.record_one_on_one(
        ada,
        held_on=date(2026, 11, 24),
        shared_notes="Agreed the Q1 plan",
        private_notes="Seemed worried about the reorg",
        energy=2,
    )
    (meeting,) = desk.one_on_ones(ada)
    assert meeting.id == ident
    assert meeting.held_on == date(2026, 11, 24)
    assert meeting.shared_notes == "Agreed the Q1 plan"
    assert meeting.private_notes == "Seemed worried about the reorg"
    assert meeting.energy == 2


def test_1on1_defaults_to_today_without_energy(desk: Desk, ada: int) -> None:
    desk.record_one_on_one(ada)
    (meeting,) = desk.one_on_ones(ada)
    assert (meeting.held_on, meeting.energy, meeting.discussed) == (TODAY, None, ())


def test_1on1s_are_listed_newest_first(desk: Desk, ada: int) -> None:
    old = desk.record_one_on_one(ada, held_on=date(2026, 10, 1))
    new = desk.record_one_on_one(ada, held_on=date(2026, 11, 1))
    assert [m.id for m in desk.one_on_ones(ada)] == [new, old]
    assert desk.last_one_on_one(ada) == date(2026, 11, 1)


def test_last_1on1_is_none_before_the_first(desk: Desk, ada: int) -> None:
    assert desk.last_one_on_one(ada) is None


def test_discussed_topics_leave_the_agenda_and_show_in_the_1on1(desk: Desk, ada: int) -> None:
    hiring = desk.add_topic(ada, "Hiring")
    budget = desk.add_topic(ada, "Budget")
    desk.record_one_on_one(ada, discussed_topic_ids=[hiring])
    assert [t.id for t in desk.open_topics(ada)] == [budget]
    assert desk.one_on_ones(ada)[0].discussed == ("Hiring",)


def test_topic_not_discussed_carries_forward_and_counts_each_1on1(desk: Desk, ada: int) -> None:
    budget = desk.add_topic(ada, "Budget")
    desk.record_one_on_one(ada, held_on=date(2026, 11, 10))
    assert desk.open_topics(ada)[0].carried == 1
    desk.record_one_on_one(ada, held_on=date(2026, 11, 24))
    (topic,) = desk.open_topics(ada)
    assert (topic.id, topic.carried) == (budget, 2)


def test_topic_left_undiscussed_appears_in_the_next_agenda(desk: Desk, ada: int) -> None:
    hiring = desk.add_topic(ada, "Hiring")
    budget = desk.add_topic(ada, "Budget")
    desk.record_one_on_one(ada, discussed_topic_ids=[hiring])
    agenda = desk.agenda(ada)
    assert [(t.id, t.text, t.carried) for t in agenda.topics] == [(budget, "Budget", 1)]
    assert agenda.last_one_on_one == TODAY


def test_1on1_with_another_persons_topics_leaves_them_alone(desk: Desk, ada: int) -> None:
    bob = desk.add_person("Bob")
    sales = desk.add_topic(bob, "Sales")
    desk.record_one_on_one(ada)
    assert [(t.id, t.carried) for t in desk.open_topics(bob)] == [(sales, 0)]


def test_discussing_another_persons_topic_is_refused_and_nothing_is_saved(
    desk: Desk, ada: int
) -> None:
    bob = desk.add_person("Bob")
    sales = desk.add_topic(bob, "Sales")
    mine = desk.add_topic(ada, "Hiring")
    with pytest.raises(ValidationError, match="belongs to another person's agenda"):
        desk.record_one_on_one(ada, discussed_topic_ids=[sales])
    assert desk.one_on_ones(ada) == []
    assert [(t.id, t.carried) for t in desk.open_topics(ada)] == [(mine, 0)]
    assert [t.id for t in desk.open_topics(bob)] == [sales]


def test_discussing_an_unknown_topic_is_refused(desk: Desk, ada: int) -> None:
    with pytest.raises(ValidationError, match="That topic does not exist"):
        desk.record_one_on_one(ada, discussed_topic_ids=[999])
    assert desk.one_on_ones(ada) == []


@pytest.mark.parametrize("energy", [0, 6, -1, True, 2.5, "3"])
def test_energy_outside_1_to_5_is_refused(desk: Desk, ada: int, energy: object) -> None:
    with pytest.raises(ValidationError, match="Energy must be a whole number from 1 to 5"):
        desk.record_one_on_one(ada, energy=energy)  # type: ignore[arg-type]
    assert desk.one_on_ones(ada) == []


@pytest.mark.parametrize("energy", [1, 5])
def test_energy_at_the_ends_of_the_scale_is_accepted(desk: Desk, ada: int, energy: int) -> None:
    desk.record_one_on_one(ada, energy=energy)
    assert desk.one_on_ones(ada)[0].energy == energy


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"shared_notes": "s" * 100_001}, "Shared notes is 100,001 characters long"),
        ({"private_notes": "p" * 100_001}, "Private notes is 100,001 characters long"),
        ({"private_notes": "esc\x1b"}, "Private notes contains a control character"),
        ({"held_on": date(1899, 12, 31)}, "Date of the 1:1 1899-12-31 is out of range"),
    ],
)
def test_invalid_1on1_is_refused_with_a_readable_message(
    desk: Desk, ada: int, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        desk.record_one_on_one(ada, **kwargs)  # type: ignore[arg-type]
    assert desk.one_on_ones(ada) == []


def test_notes_of_exactly_the_limit_are_accepted(desk: Desk, ada: int) -> None:
    desk.record_one_on_one(ada, private_notes="p" * 100_000)
    assert len(desk.one_on_ones(ada)[0].private_notes) == 100_000


def test_1on1_with_an_unknown_person_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.record_one_on_one(999)


# -- editing a 1:1 ---------------------------------------------------------------------------
def test_saved_1on1_can_be_edited(desk: Desk, ada: int) -> None:
    ident = desk.record_one_on_one(ada, shared_notes="Draft", energy=3)
    desk.update_one_on_one(ident, shared_notes="Final", private_notes="Tired", energy=4)
    (meeting,) = desk.one_on_ones(ada)
    assert (meeting.shared_notes, meeting.private_notes, meeting.energy) == ("Final", "Tired", 4)


def test_editing_only_the_energy_keeps_the_notes(desk: Desk, ada: int) -> None:
    ident = desk.record_one_on_one(ada, shared_notes="Plan", private_notes="Tired", energy=3)
    desk.update_one_on_one(ident, energy=5)
    (meeting,) = desk.one_on_ones(ada)
    assert (meeting.shared_notes, meeting.private_notes, meeting.energy) == ("Plan", "Tired", 5)


def test_more_topics_can_be_marked_discussed_afterwards(desk: Desk, ada: int) -> None:
    hiring = desk.add_topic(ada, "Hiring")
    ident = desk.record_one_on_one(ada)
    desk.update_one_on_one(ident, discussed_topic_ids=[hiring])
    assert desk.open_topics(ada) == []
    assert desk.one_on_ones(ada)[0].discussed == ("Hiring",)


def test_invalid_edit_of_a_1on1_is_refused(desk: Desk, ada: int) -> None:
    ident = desk.record_one_on_one(ada, shared_notes="Plan", energy=3)
    with pytest.raises(ValidationError, match="Energy must be a whole number"):
        desk.update_one_on_one(ident, shared_notes="Changed", energy=9)
    with pytest.raises(ValidationError, match="Shared notes contains a control character"):
        desk.update_one_on_one(ident, shared_notes="bad\x00")
    (meeting,) = desk.one_on_ones(ada)
    assert (meeting.shared_notes, meeting.energy) == ("Plan", 3)


def test_editing_an_unknown_1on1_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That 1:1 does not exist"):
        desk.update_one_on_one(999, shared_notes="x")


def test_listeners_hear_about_1on1s_for_that_person(desk: Desk, ada: int) -> None:
    heard: list[Change] = []
    desk.subscribe(heard.append)
    desk.add_topic(ada, "Hiring")
    desk.record_one_on_one(ada)
    assert heard == [Change(ChangeArea.TOPICS, ada), Change(ChangeArea.ONE_ON_ONES, ada)]


# -- relationship notes ----------------------------------------------------------------------
def test_relationship_notes_are_kept_newest_first(desk: Desk, ada: int) -> None:
    old = desk.add_relationship_note(
        ada, "Wants to run a bigger org", topic="Career", on=date(2026, 5, 1)
    )
    new = desk.add_relationship_note(ada, "Training for a marathon", on=date(2026, 11, 1))
    notes = desk.relationship_notes(ada)
    assert [n.id for n in notes] == [new, old]
    assert (notes[1].topic, notes[1].text, notes[1].on) == (
        "Career",
        "Wants to run a bigger org",
        date(2026, 5, 1),
    )
    assert notes[0].topic == ""


def test_relationship_note_can_be_reworded(desk: Desk, ada: int) -> None:
    ident = desk.add_relationship_note(ada, "Likes written updates")
    desk.update_relationship_note(ident, "Prefers written updates to meetings")
    assert desk.relationship_notes(ada)[0].text == "Prefers written updates to meetings"


def test_relationship_note_topic_and_date_can_be_corrected(desk: Desk, ada: int) -> None:
    ident = desk.add_relationship_note(ada, "Likes written updates", "Career", date(2026, 5, 1))
    desk.update_relationship_note(ident, "Likes written updates", "Working style", date(2026, 4, 1))
    note = desk.relationship_notes(ada)[0]
    assert (note.topic, note.on) == ("Working style", date(2026, 4, 1))
    with pytest.raises(ValidationError, match="Topic must fit on one line"):
        desk.update_relationship_note(ident, "Likes written updates", "Two\nlines")
    with pytest.raises(ValidationError, match="out of range"):
        desk.update_relationship_note(ident, "Likes written updates", on=date(1000, 1, 1))
    assert desk.relationship_notes(ada)[0] == note


@pytest.mark.parametrize(
    ("text", "topic", "message"),
    [
        ("", "", "Note cannot be empty"),
        ("n" * 100_001, "", "Note is 100,001 characters long"),
        ("Motivated by craft", "t" * 51, "Topic is 51 characters long; the limit is 50"),
        ("Motivated by craft", "Two\nlines", "Topic must fit on one line"),
        ("null\x00", "", "Note contains a control character"),
    ],
)
def test_invalid_relationship_note_is_refused(
    desk: Desk, ada: int, text: str, topic: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        desk.add_relationship_note(ada, text, topic=topic)
    assert desk.relationship_notes(ada) == []


def test_rewording_a_relationship_note_to_nothing_is_refused(desk: Desk, ada: int) -> None:
    ident = desk.add_relationship_note(ada, "Likes written updates")
    with pytest.raises(ValidationError, match="Note cannot be empty"):
        desk.update_relationship_note(ident, "")
    assert desk.relationship_notes(ada)[0].text == "Likes written updates"


def test_relationship_note_for_unknown_person_or_note_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.add_relationship_note(999, "Anything")
    with pytest.raises(ValidationError, match="That note does not exist"):
        desk.update_relationship_note(999, "Anything")


def test_deleted_persons_1on1s_cannot_be_recorded(desk: Desk, ada: int) -> None:
    desk.delete(Deletable.PERSON, ada)
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.record_one_on_one(ada)
