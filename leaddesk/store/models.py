"""Typed ORM models for every entity in PRODUCT.md's vocabulary.

History is data: level changes, calibrations and promise state changes are rows of their own, never
overwritten fields. Deletion is soft (`deleted_at`) so it can be undone.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention so Alembic batch migrations stay stable."""

    metadata = MetaData(naming_convention=NAMING)


class SoftDelete:
    """Rows are hidden, not removed, until an explicit purge."""

    deleted_at: Mapped[datetime | None] = mapped_column(default=None)


class Person(SoftDelete, Base):
    """A direct report or a skip-level."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str | None] = mapped_column(String(200))
    area: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(200))
    in_role_since: Mapped[date | None]
    reports_to_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    archived: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime]
    # Days between 1:1s with this person; None: the default of Settings for their place.
    one_on_one_every_days: Mapped[int | None]


class Delegation(SoftDelete, Base):
    """A decision area, responsibility or task handed to a person, at a level of empowerment."""

    __tablename__ = "delegation"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    done_means: Mapped[str] = mapped_column(Text, default="")
    my_level: Mapped[int]
    their_level: Mapped[int | None]
    target_level: Mapped[int | None]
    involve_me_when: Mapped[str] = mapped_column(Text, default="")
    review_on: Mapped[date | None]
    state: Mapped[str] = mapped_column(String(20), default="active")
    created_on: Mapped[date]


class LevelChange(Base):
    """One change of a delegation's level (mine, theirs or target), with its reason."""

    __tablename__ = "level_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    delegation_id: Mapped[int] = mapped_column(ForeignKey("delegation.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    on: Mapped[date]
    from_level: Mapped[int | None]
    to_level: Mapped[int | None]
    reason: Mapped[str] = mapped_column(Text, default="")


class DelegationStateChange(Base):
    """A delegation completed, withdrawn or made active again: when, and from which state."""

    __tablename__ = "delegation_state_change"
    id: Mapped[int] = mapped_column(primary_key=True)
    delegation_id: Mapped[int] = mapped_column(ForeignKey("delegation.id"), index=True)
    on: Mapped[date]
    from_state: Mapped[str] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))


class Checkpoint(SoftDelete, Base):
    """A planned verify moment on a delegation, then its outcome."""

    __tablename__ = "checkpoint"
    id: Mapped[int] = mapped_column(primary_key=True)
    delegation_id: Mapped[int] = mapped_column(ForeignKey("delegation.id"), index=True)
    due_on: Mapped[date]
    outcome: Mapped[str | None] = mapped_column(String(20))
    completed_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")


class SuccessFactor(SoftDelete, Base):
    """An agreed measure for a delegation, in the words both use."""

    __tablename__ = "success_factor"
    id: Mapped[int] = mapped_column(primary_key=True)
    delegation_id: Mapped[int] = mapped_column(ForeignKey("delegation.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    definition: Mapped[str] = mapped_column(Text, default="")
    target: Mapped[str | None] = mapped_column(String(200))
    unit: Mapped[str | None] = mapped_column(String(50))
    agreed_on: Mapped[date]


class Calibration(Base):
    """A change to a success factor's definition or target, with who proposed it and why."""

    __tablename__ = "calibration"
    id: Mapped[int] = mapped_column(primary_key=True)
    factor_id: Mapped[int] = mapped_column(ForeignKey("success_factor.id"), index=True)
    on: Mapped[date]
    reason: Mapped[str] = mapped_column(Text, default="")
    proposed_by: Mapped[str] = mapped_column(String(10))
    old_definition: Mapped[str] = mapped_column(Text, default="")
    new_definition: Mapped[str] = mapped_column(Text, default="")
    old_target: Mapped[str | None] = mapped_column(String(200))
    new_target: Mapped[str | None] = mapped_column(String(200))


class Term(SoftDelete, Base):
    """A glossary entry agreed with one person (person_id) or the whole team (None)."""

    __tablename__ = "term"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    term: Mapped[str] = mapped_column(String(200))
    meaning: Mapped[str] = mapped_column(Text)
    agreed_on: Mapped[date]


class Promise(SoftDelete, Base):
    """A commitment, mine to them or theirs to me."""

    __tablename__ = "promise"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    direction: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text)
    made_on: Mapped[date]
    due_on: Mapped[date | None]
    state: Mapped[str] = mapped_column(String(20), default="open")
    resolved_on: Mapped[date | None]
    on_time: Mapped[bool | None]
    one_on_one_id: Mapped[int | None] = mapped_column(ForeignKey("one_on_one.id"))


class PromiseEvent(Base):
    """A state change of a promise; a renegotiation keeps the old due date here."""

    __tablename__ = "promise_event"
    id: Mapped[int] = mapped_column(primary_key=True)
    promise_id: Mapped[int] = mapped_column(ForeignKey("promise.id"), index=True)
    on: Mapped[date]
    from_state: Mapped[str] = mapped_column(String(20))
    to_state: Mapped[str] = mapped_column(String(20))
    old_due_on: Mapped[date | None]
    new_due_on: Mapped[date | None]
    note: Mapped[str] = mapped_column(Text, default="")


class OneOnOne(SoftDelete, Base):
    """A 1:1 meeting: shared notes, private notes only the leader sees, and energy 1-5."""

    __tablename__ = "one_on_one"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    held_on: Mapped[date]
    shared_notes: Mapped[str] = mapped_column(Text, default="")
    private_notes: Mapped[str] = mapped_column(Text, default="")
    energy: Mapped[int | None]


class OneOnOneDraft(Base):
    """A 1:1 in progress, saved while the leader types so a crash loses nothing; one per person.

    Not history: it is replaced as the notes change and deleted when the 1:1 is recorded or
    discarded (and with the person when a purge removes them).
    """

    __tablename__ = "one_on_one_draft"
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    started_on: Mapped[date]
    shared_notes: Mapped[str] = mapped_column(Text, default="")
    private_notes: Mapped[str] = mapped_column(Text, default="")
    energy: Mapped[int | None]
    discussed_topic_ids: Mapped[str] = mapped_column(Text, default="")  # "12,15": ids, comma-joined
    updated_at: Mapped[datetime]


class AgendaTopic(SoftDelete, Base):
    """A topic for the next 1:1; open until discussed. `carried` counts the 1:1s it outlived."""

    __tablename__ = "agenda_topic"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_on: Mapped[date]
    carried: Mapped[int] = mapped_column(default=0)
    discussed_in_id: Mapped[int | None] = mapped_column(ForeignKey("one_on_one.id"))


class RelationshipNote(SoftDelete, Base):
    """What the leader knows about the person, dated (motivation, aspirations, context...)."""

    __tablename__ = "relationship_note"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    on: Mapped[date]
    topic: Mapped[str] = mapped_column(String(50), default="")
    text: Mapped[str] = mapped_column(Text)


class Feedback(SoftDelete, Base):
    """Feedback given, received or solicited (open until answered), with the follow-up."""

    __tablename__ = "feedback"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    direction: Mapped[str] = mapped_column(String(10))
    kind: Mapped[str | None] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    on: Mapped[date]
    answer: Mapped[str | None] = mapped_column(Text)
    answered_on: Mapped[date | None]
    follow_up: Mapped[str] = mapped_column(Text, default="")
    one_on_one_id: Mapped[int | None] = mapped_column(ForeignKey("one_on_one.id"))


class TrustAssessment(SoftDelete, Base):
    """The leader's dated judgement on the four cores of credibility (1-5 each)."""

    __tablename__ = "trust_assessment"
    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    on: Mapped[date]
    integrity: Mapped[int]
    intent: Mapped[int]
    capabilities: Mapped[int]
    results: Mapped[int]
    note: Mapped[str] = mapped_column(Text, default="")


class Reflection(Base):
    """The leader's reflection for one ISO week (keyed by its Monday) on that week's principle."""

    __tablename__ = "reflection"
    id: Mapped[int] = mapped_column(primary_key=True)
    week_start: Mapped[date] = mapped_column(unique=True)
    principle: Mapped[int]
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime]


class Setting(Base):
    """A user setting stored with the data (half-life, cadence, 1:1 interval, focus start...)."""

    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


Index("ix_promise_person_state", Promise.person_id, Promise.state)
Index("ix_checkpoint_open", Checkpoint.delegation_id, Checkpoint.outcome)
# Covering indexes for the team-wide reads (evidence, open items): the whole history of every
# direct report is read from the index alone, without decrypting the table pages.
Index(
    "ix_promise_by_state",
    Promise.direction,
    Promise.state,
    Promise.deleted_at,
    Promise.person_id,
    Promise.resolved_on,
    Promise.on_time,
    Promise.due_on,
)
Index(
    "ix_checkpoint_by_outcome",
    Checkpoint.outcome,
    Checkpoint.deleted_at,
    Checkpoint.delegation_id,
    Checkpoint.completed_on,
    Checkpoint.due_on,
)
Index("ix_delegation_by_state", Delegation.state, Delegation.deleted_at, Delegation.person_id)
# Open promises by due date (Needs attention, the team grid's counts) and each person's last 1:1
# found by one index seek per person instead of a scan of every 1:1 ever held.
Index("ix_promise_open_due", Promise.state, Promise.deleted_at, Promise.due_on, Promise.person_id)
Index("ix_one_on_one_last", OneOnOne.person_id, OneOnOne.deleted_at, OneOnOne.held_on)
