"""Delete hides, undo restores, purge removes for good."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.feedback import FeedbackDirection, Proposer
from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.desk import Desk
from leaddesk.services.undo import Deletable, Deleted

TODAY = date(2026, 11, 25)
L = EmpowermentLevel


@dataclass
class World:
    """One of everything about Ada, plus Bob who is never deleted."""

    ada: int
    bob: int
    delegation: int
    checkpoint: int
    factor: int
    term: int
    promise: int
    one_on_one: int
    topic: int
    note: int
    feedback: int
    assessment: int


@pytest.fixture
def world(desk: Desk) -> World:
    """A store with one item of every deletable kind."""
    ada = desk.add_person("Ada")
    bob = desk.add_person("Bob")
    delegation = desk.add_delegation(ada, "Budget", L.CONSULT, plan_checkpoint=False)
    checkpoint = desk.plan_checkpoint(delegation, date(2026, 12, 1))
    factor = desk.add_success_factor(delegation, "Accuracy", "Within 5%", target="95")
    desk.calibrate_success_factor(factor, "Tighter", Proposer.BOTH, target="97")
    term = desk.add_term("launched", "Available to all customers", person_id=ada)
    promise = desk.add_promise(ada, PromiseDirection.THEIRS, "Send the budget\nby Friday")
    desk.renegotiate_promise(promise, date(2026, 12, 15))
    one_on_one = desk.record_one_on_one(ada, held_on=date(2026, 11, 20))
    topic = desk.add_topic(ada, "Reorg")
    note = desk.add_relationship_note(ada, "Training for a marathon")
    feedback = desk.add_feedback(ada, FeedbackDirection.GIVEN, "Great launch")
    assessment = desk.add_assessment(ada, 4, 4, 4, 4)
    desk.add_promise(bob, PromiseDirection.MINE, "Bob's promise")
    return World(
        ada,
        bob,
        delegation,
        checkpoint,
        factor,
        term,
        promise,
        one_on_one,
        topic,
        note,
        feedback,
        assessment,
    )


Visible = Callable[[Desk, World], bool]

CASES: dict[Deletable, tuple[str, Visible, str]] = {
    Deletable.PERSON: ("ada", lambda d, w: w.ada in {p.id for p in d.people()}, "Ada"),
    Deletable.DELEGATION: (
        "delegation",
        lambda d, w: w.delegation in {x.id for x in d.delegations()},
        "Budget",
    ),
    Deletable.CHECKPOINT: (
        "checkpoint",
        lambda d, w: w.checkpoint in {c.id for c in d.delegation(w.delegation).checkpoints},
        "of 2026-12-01",
    ),
    Deletable.FACTOR: (
        "factor",
        lambda d, w: w.factor in {f.id for f in d.delegation(w.delegation).factors},
        "Accuracy",
    ),
    Deletable.TERM: ("term", lambda d, w: w.term in {t.id for t in d.terms(w.ada)}, "launched"),
    Deletable.PROMISE: (
        "promise",
        lambda d, w: w.promise in {p.id for p in d.promises()},
        "Send the budget",
    ),
    Deletable.ONE_ON_ONE: (
        "one_on_one",
        lambda d, w: w.one_on_one in {m.id for m in d.one_on_ones(w.ada)},
        "of 2026-11-20",
    ),
    Deletable.TOPIC: (
        "topic",
        lambda d, w: w.topic in {t.id for t in d.open_topics(w.ada)},
        "Reorg",
    ),
    Deletable.NOTE: (
        "note",
        lambda d, w: w.note in {n.id for n in d.relationship_notes(w.ada)},
        "of 2026-11-25",  # private: the date, never the text
    ),
    Deletable.FEEDBACK: (
        "feedback",
        lambda d, w: w.feedback in {f.id for f in d.feedback()},
        "Great launch",
    ),
    Deletable.ASSESSMENT: (
        "assessment",
        lambda d, w: w.assessment in {a.id for a in d.assessments(w.ada)},
        "of 2026-11-25",
    ),
}


def test_every_deletable_kind_has_a_case() -> None:
    assert set(CASES) == set(Deletable)


@pytest.mark.parametrize("kind", list(Deletable), ids=lambda k: k.name)
def test_deleted_item_is_hidden_and_undo_brings_it_back(
    desk: Desk, world: World, kind: Deletable
) -> None:
    attr, visible, label = CASES[kind]
    ident = getattr(world, attr)
    assert visible(desk, world)
    done = desk.delete(kind, ident)
    assert (done.kind, done.ident) == (kind, ident)
    if label.startswith("of "):  # known by its date: a checkpoint, or private (never its text)
        assert (done.label, done.what) == ("", f"{kind.value} {label}")
    else:
        assert done.what == f"{kind.value} “{label}”"
    assert desk.can_undo() == done
    assert not visible(desk, world)
    assert desk.undo() == done
    assert visible(desk, world)
    assert desk.can_undo() is None


@pytest.mark.parametrize("kind", list(Deletable), ids=lambda k: k.name)
def test_deleting_twice_or_an_unknown_item_is_refused(
    desk: Desk, world: World, kind: Deletable
) -> None:
    attr, _, _ = CASES[kind]
    desk.delete(kind, getattr(world, attr))
    with pytest.raises(ValidationError, match=f"That {kind.value} does not exist"):
        desk.delete(kind, getattr(world, attr))
    with pytest.raises(ValidationError, match=f"That {kind.value} does not exist"):
        desk.delete(kind, 999)


def test_deletion_message_names_the_item(desk: Desk, world: World) -> None:
    done = desk.delete(Deletable.PROMISE, world.promise)
    assert done.what == "promise “Send the budget”"


def test_deleting_a_person_hides_everything_about_them(desk: Desk, world: World) -> None:
    desk.delete(Deletable.PERSON, world.ada)
    assert [p.person_id for p in desk.promises()] == [world.bob]
    assert desk.delegations() == []
    assert desk.feedback() == []
    assert [m.person.id for m in desk.team_overview().members] == [world.bob]
    assert all(i.person_id == world.bob for i in desk.needs_attention())
    with pytest.raises(ValidationError):
        desk.find_person("Ada")


def test_undoing_a_person_deletion_brings_everything_back(desk: Desk, world: World) -> None:
    before = (desk.promises(), desk.delegations(), desk.feedback(), desk.timeline(world.ada))
    desk.delete(Deletable.PERSON, world.ada)
    desk.undo()
    after = (desk.promises(), desk.delegations(), desk.feedback(), desk.timeline(world.ada))
    assert after == before


def test_undo_restores_the_most_recent_deletion_first(desk: Desk, world: World) -> None:
    desk.delete(Deletable.NOTE, world.note)
    desk.delete(Deletable.TOPIC, world.topic)
    assert desk.undo() == Deleted(Deletable.TOPIC, world.topic, "Reorg")
    assert [t.id for t in desk.open_topics(world.ada)] == [world.topic]
    assert desk.relationship_notes(world.ada) == []
    desk.undo()
    assert [n.id for n in desk.relationship_notes(world.ada)] == [world.note]


def test_undo_with_nothing_deleted_does_nothing(desk: Desk) -> None:
    assert desk.can_undo() is None
    assert desk.undo() is None


def test_restore_brings_back_a_named_item(desk: Desk, world: World) -> None:
    desk.delete(Deletable.FEEDBACK, world.feedback)
    desk.delete(Deletable.NOTE, world.note)
    desk.restore(Deletable.FEEDBACK, world.feedback)
    assert [f.id for f in desk.feedback()] == [world.feedback]
    assert desk.relationship_notes(world.ada) == []


def test_deleted_evidence_no_longer_counts_toward_trust(desk: Desk, world: World) -> None:
    kept = desk.add_promise(world.ada, PromiseDirection.THEIRS, "Plan")
    desk.keep_promise(kept)
    cp = desk.plan_checkpoint(world.delegation, TODAY)
    desk.complete_checkpoint(cp, CheckpointOutcome.ON_TRACK, plan_next=False)
    assert desk.trust_series(world.ada).current.positive == 2.0
    desk.delete(Deletable.PROMISE, kept)
    assert desk.trust_series(world.ada).current.positive == 1.0
    desk.delete(Deletable.DELEGATION, world.delegation)
    assert desk.trust_series(world.ada).current.positive == 0.0


def test_deleted_1on1_no_longer_counts_as_the_last_one(desk: Desk, world: World) -> None:
    desk.delete(Deletable.ONE_ON_ONE, world.one_on_one)
    assert desk.last_one_on_one(world.ada) is None


def test_listeners_hear_about_deletions(desk: Desk, world: World) -> None:
    heard: list[Change] = []
    desk.subscribe(heard.append)
    desk.delete(Deletable.NOTE, world.note)
    desk.undo()
    desk.purge_deleted()
    assert [c.area for c in heard] == [ChangeArea.DELETE, ChangeArea.DELETE, ChangeArea.PURGE]


# -- purge -----------------------------------------------------------------------------------
def _counts(desk: Desk) -> dict[str, int]:
    return dict(desk.counts().counts)


def test_purge_removes_deleted_items_for_good(desk: Desk, world: World) -> None:
    desk.delete(Deletable.NOTE, world.note)
    desk.delete(Deletable.FEEDBACK, world.feedback)
    before = _counts(desk)
    assert desk.purge_deleted() == 2
    after = _counts(desk)
    assert after["relationship notes"] == before["relationship notes"] - 1
    assert after["feedback"] == before["feedback"] - 1
    assert after["people"] == before["people"]
    with pytest.raises(ValidationError, match="was purged and cannot come back"):
        desk.restore(Deletable.NOTE, world.note)
    assert desk.integrity_problems() == []


def test_purge_empties_the_undo_history(desk: Desk, world: World) -> None:
    desk.delete(Deletable.NOTE, world.note)
    desk.purge_deleted()
    assert desk.can_undo() is None
    assert desk.undo() is None


def test_purge_with_nothing_deleted_removes_nothing(desk: Desk, world: World) -> None:
    before = _counts(desk)
    assert desk.purge_deleted() == 0
    assert _counts(desk) == before


def test_purging_a_person_removes_everything_about_them(desk: Desk, world: World) -> None:
    desk.delete(Deletable.PERSON, world.ada)
    desk.purge_deleted()
    counts = _counts(desk)
    assert counts["people"] == 1
    assert counts["promises"] == 1
    for label in (
        "delegations",
        "level changes",
        "checkpoints",
        "success factors",
        "calibrations",
        "terms",
        "promise events",
        "1:1s",
        "agenda topics",
        "relationship notes",
        "feedback",
        "trust assessments",
    ):
        assert counts[label] == 0, label
    assert desk.integrity_problems() == []
    assert [p.id for p in desk.people()] == [world.bob]


def test_purging_a_delegation_removes_its_checkpoints_factors_and_history(
    desk: Desk, world: World
) -> None:
    desk.delete(Deletable.DELEGATION, world.delegation)
    desk.purge_deleted()
    counts = _counts(desk)
    assert (counts["delegations"], counts["checkpoints"], counts["level changes"]) == (0, 0, 0)
    assert (counts["success factors"], counts["calibrations"]) == (0, 0)
    assert counts["people"] == 2
    assert desk.integrity_problems() == []


def test_purging_a_1on1_keeps_what_was_captured_in_it(desk: Desk, world: World) -> None:
    promise = desk.add_promise(
        world.ada, PromiseDirection.MINE, "Intro", one_on_one_id=world.one_on_one
    )
    feedback = desk.add_feedback(
        world.ada, FeedbackDirection.RECEIVED, "Be on time", one_on_one_id=world.one_on_one
    )
    desk.delete(Deletable.ONE_ON_ONE, world.one_on_one)
    desk.purge_deleted()
    assert desk.promise(promise).text == "Intro"
    assert feedback in {f.id for f in desk.feedback()}
    assert desk.integrity_problems() == []


def test_purging_a_1on1_does_not_reopen_the_topics_discussed_in_it(
    desk: Desk, world: World
) -> None:
    discussed = desk.add_topic(world.ada, "Hiring")
    meeting = desk.record_one_on_one(world.ada, discussed_topic_ids=[discussed])
    desk.delete(Deletable.ONE_ON_ONE, meeting)
    desk.purge_deleted()
    assert discussed not in {t.id for t in desk.open_topics(world.ada)}
    assert world.topic in {t.id for t in desk.open_topics(world.ada)}


def test_deleting_a_leader_with_reports_is_refused_so_nobody_drops_out_of_sight(
    desk: Desk, world: World
) -> None:
    zoe = desk.add_person("Zoe", reports_to_id=world.ada)
    with pytest.raises(ValidationError, match="Zoe reports to Ada: give them another"):
        desk.delete(Deletable.PERSON, world.ada)
    assert desk.person(world.ada).name == "Ada"
    desk.update_person(zoe, reports_to_id=None)
    desk.delete(Deletable.PERSON, world.ada)
    desk.purge_deleted()
    assert desk.person(zoe).is_direct_report
    assert desk.integrity_problems() == []
