"""Delegations: levels of empowerment with their history, involve-me-when, state."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.domain.cadence import CadenceSettings, suggest_next_checkpoint
from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.levels import DelegationState, EmpowermentLevel, LevelKind
from leaddesk.domain.trust import Evidence, track_record
from leaddesk.domain.validation import clean_name, clean_text
from leaddesk.services.changes import ChangeArea
from leaddesk.services.delegations_models import (
    BoardCard,
    DelegationView,
    checkpoint_view,
    delegation_view,
    factor_view,
    level_or_none,
)
from leaddesk.services.evidence import their_evidence
from leaddesk.services.settings import SettingsMixin
from leaddesk.store import models as m


class DelegationsMixin(SettingsMixin):
    """Use cases about what is delegated, and at which level."""

    def add_delegation(
        self,
        person_id: int,
        title: str,
        my_level: EmpowermentLevel | int,
        *,
        done_means: str = "",
        involve_me_when: str = "",
        their_level: EmpowermentLevel | int | None = None,
        target_level: EmpowermentLevel | int | None = None,
        review_on: date | None = None,
        on: date | None = None,
        plan_checkpoint: bool = True,
    ) -> int:
        """Delegate something; plans the first checkpoint at the suggested date by default."""
        day = self._day(on)
        mine = EmpowermentLevel.parse(my_level)
        theirs = EmpowermentLevel.parse(their_level) if their_level is not None else None
        target = EmpowermentLevel.parse(target_level) if target_level is not None else None
        with self._write(ChangeArea.DELEGATIONS, person_id) as session:
            self._person_row(session, person_id)
            row = m.Delegation(
                person_id=person_id,
                title=clean_name(title, "Title"),
                done_means=clean_text(done_means, "What done means"),
                my_level=int(mine),
                their_level=int(theirs) if theirs else None,
                target_level=int(target) if target else None,
                involve_me_when=clean_text(involve_me_when, "Involve me when"),
                review_on=self._day(review_on, "Review date") if review_on else None,
                state=DelegationState.ACTIVE.value,
                created_on=day,
            )
            session.add(row)
            session.flush()
            session.add(
                m.LevelChange(
                    delegation_id=row.id,
                    kind=LevelKind.MINE.value,
                    on=day,
                    from_level=None,
                    to_level=int(mine),
                    reason="Delegated",
                )
            )
            for kind, level in ((LevelKind.THEIRS, theirs), (LevelKind.TARGET, target)):
                if level is not None:
                    session.add(
                        m.LevelChange(
                            delegation_id=row.id,
                            kind=kind.value,
                            on=day,
                            from_level=None,
                            to_level=int(level),
                            reason="Agreed when delegating",
                        )
                    )
            if plan_checkpoint:
                due = self._suggest(session, person_id, mine, None, day)
                session.add(m.Checkpoint(delegation_id=row.id, due_on=due))
            return row.id

    def update_delegation(
        self,
        delegation_id: int,
        *,
        title: str | None = None,
        done_means: str | None = None,
        involve_me_when: str | None = None,
        review_on: date | None = None,
        clear_review: bool = False,
    ) -> None:
        """Edit the words of a delegation (levels change through change_level)."""
        with self._write(ChangeArea.DELEGATIONS) as session:
            row = self._delegation_row(session, delegation_id)
            if title is not None:
                row.title = clean_name(title, "Title")
            if done_means is not None:
                row.done_means = clean_text(done_means, "What done means")
            if involve_me_when is not None:
                row.involve_me_when = clean_text(involve_me_when, "Involve me when")
            if review_on is not None:
                row.review_on = self._day(review_on, "Review date")
            elif clear_review:
                row.review_on = None

    def change_level(
        self,
        delegation_id: int,
        level: EmpowermentLevel | int | None,
        reason: str = "",
        kind: LevelKind = LevelKind.MINE,
        on: date | None = None,
    ) -> date | None:
        """Change my, their or the target level, kept as history with date and reason.

        A change of my level needs a reason and returns the suggested next checkpoint date.
        """
        day = self._day(on)
        new = EmpowermentLevel.parse(level) if level is not None else None
        if kind is LevelKind.MINE and new is None:
            raise ValidationError("My level cannot be empty.")
        why = clean_text(reason, "Reason", required=kind is LevelKind.MINE)
        with self._write(ChangeArea.DELEGATIONS) as session:
            row = self._delegation_row(session, delegation_id)
            attr = {"mine": "my_level", "theirs": "their_level", "target": "target_level"}
            old = getattr(row, attr[kind.value])
            if old == (int(new) if new else None):
                raise ValidationError(f"The level is already {new.label if new else 'empty'}.")
            setattr(row, attr[kind.value], int(new) if new else None)
            session.add(
                m.LevelChange(
                    delegation_id=row.id,
                    kind=kind.value,
                    on=day,
                    from_level=old,
                    to_level=int(new) if new else None,
                    reason=why,
                )
            )
            if kind is not LevelKind.MINE or new is None:
                return None
            return self._suggest(session, row.person_id, new, None, day)

    def set_delegation_state(
        self, delegation_id: int, state: DelegationState, on: date | None = None
    ) -> None:
        """Complete, withdraw or reactivate a delegation; the change is kept as a dated row."""
        day = self._day(on)
        with self._write(ChangeArea.DELEGATIONS) as session:
            row = self._delegation_row(session, delegation_id)
            if row.state == state.value:
                return
            session.add(
                m.DelegationStateChange(
                    delegation_id=row.id, on=day, from_state=row.state, to_state=state.value
                )
            )
            row.state = state.value

    def delegations(
        self, person_id: int | None = None, active_only: bool = False
    ) -> list[DelegationView]:
        """Delegations (of one person or everyone), with checkpoints, factors and history."""
        with self._read() as session:
            return self._delegation_views(session, person_id, active_only)

    def board_cards(self) -> list[BoardCard]:
        """Active delegations of active people, with only what the board draws (fast at scale)."""
        today = self.today()
        with self._read() as session:
            rows = list(
                session.execute(
                    select(
                        m.Delegation.id,
                        m.Delegation.person_id,
                        m.Person.name,
                        m.Delegation.title,
                        m.Delegation.my_level,
                        m.Delegation.their_level,
                        m.Delegation.target_level,
                        m.Delegation.involve_me_when,
                        m.Delegation.created_on,
                    )
                    .join(m.Person, m.Person.id == m.Delegation.person_id)
                    .where(
                        m.Delegation.state == DelegationState.ACTIVE.value,
                        m.Delegation.deleted_at.is_(None),
                        m.Person.deleted_at.is_(None),
                        m.Person.archived.is_(False),
                    )
                    .order_by(m.Delegation.created_on, m.Delegation.id)
                )
            )
            titles = {r.id: (r.title, r.person_id) for r in rows}
            nxt: dict[int, m.Checkpoint] = {}
            for cp in session.scalars(
                select(m.Checkpoint)
                .where(m.Checkpoint.outcome.is_(None), m.Checkpoint.deleted_at.is_(None))
                .order_by(m.Checkpoint.due_on.desc(), m.Checkpoint.id.desc())
            ):
                if cp.delegation_id in titles:
                    nxt[cp.delegation_id] = cp  # ascending wins: the earliest open one stays
        return [
            BoardCard(
                id=r.id,
                person_id=r.person_id,
                person_name=r.name,
                title=r.title,
                my_level=EmpowermentLevel(r.my_level),
                their_level=level_or_none(r.their_level),
                target_level=level_or_none(r.target_level),
                involve_me_when=r.involve_me_when,
                created_on=r.created_on,
                next_checkpoint=(
                    checkpoint_view(nxt[r.id], r.title, r.person_id, today) if r.id in nxt else None
                ),
            )
            for r in rows
        ]

    def delegation(self, delegation_id: int) -> DelegationView:
        """One delegation."""
        with self._read() as session:
            row = self._delegation_row(session, delegation_id)
            views = self._delegation_views(session, row.person_id, False, only=delegation_id)
            return views[0]

    # -- internals ---------------------------------------------------------------------------
    def _delegation_row(self, session: Session, delegation_id: int) -> m.Delegation:
        row = self._get(session, m.Delegation, delegation_id, "delegation")
        self._person_row(session, row.person_id)
        return row

    def _suggest(
        self,
        session: Session,
        person_id: int,
        level: EmpowermentLevel,
        outcome: CheckpointOutcome | None,
        day: date,
        pending: CheckpointOutcome | None = None,
    ) -> date:
        """The cadence rule; `pending` counts an outcome not saved yet (a dialog's preview)."""
        cfg = self.settings()
        evidence = list(their_evidence(session, [person_id]).get(person_id, []))
        if pending is not None and pending.evidence is not None:
            evidence.append(Evidence(day, *pending.evidence))
        record = track_record(evidence, day, cfg.half_life_days)
        cadence = CadenceSettings(cfg.high_trust_factor, cfg.low_trust_factor)
        return suggest_next_checkpoint(day, level, record, outcome, cadence)

    def _delegation_views(
        self,
        session: Session,
        person_id: int | None,
        active_only: bool,
        only: int | None = None,
    ) -> list[DelegationView]:
        query = (
            select(m.Delegation, m.Person.name)
            .join(m.Person, m.Person.id == m.Delegation.person_id)
            .where(m.Delegation.deleted_at.is_(None), m.Person.deleted_at.is_(None))
        )
        if person_id is not None:
            query = query.where(m.Delegation.person_id == person_id)
        if only is not None:
            query = query.where(m.Delegation.id == only)
        if active_only:
            query = query.where(m.Delegation.state == DelegationState.ACTIVE.value)
        rows = list(session.execute(query.order_by(m.Delegation.created_on, m.Delegation.id)))
        ids = [d.id for d, _ in rows]
        if not ids:
            return []
        cps: dict[int, list[m.Checkpoint]] = {i: [] for i in ids}
        hist: dict[int, list[m.LevelChange]] = {i: [] for i in ids}
        facs: dict[int, list[m.SuccessFactor]] = {i: [] for i in ids}
        cals: dict[int, list[m.Calibration]] = {}
        for chunk in _chunks(ids):
            for c in session.scalars(
                select(m.Checkpoint).where(
                    m.Checkpoint.delegation_id.in_(chunk), m.Checkpoint.deleted_at.is_(None)
                )
            ):
                cps[c.delegation_id].append(c)
            for h in session.scalars(
                select(m.LevelChange).where(m.LevelChange.delegation_id.in_(chunk))
            ):
                hist[h.delegation_id].append(h)
            for f in session.scalars(
                select(m.SuccessFactor).where(
                    m.SuccessFactor.delegation_id.in_(chunk), m.SuccessFactor.deleted_at.is_(None)
                )
            ):
                facs[f.delegation_id].append(f)
        factor_ids = [f.id for fs in facs.values() for f in fs]
        for chunk in _chunks(factor_ids):
            for cal in session.scalars(
                select(m.Calibration).where(m.Calibration.factor_id.in_(chunk))
            ):
                cals.setdefault(cal.factor_id, []).append(cal)
        today = self.today()
        return [
            delegation_view(
                d,
                name,
                cps[d.id],
                [
                    factor_view(f, cals.get(f.id, []))
                    for f in sorted(facs[d.id], key=lambda f: f.id)
                ],
                hist[d.id],
                today,
            )
            for d, name in rows
        ]


def _chunks(ids: list[int], size: int = 900) -> list[list[int]]:
    """SQLite limits bound parameters; query long id lists in chunks."""
    return [ids[i : i + size] for i in range(0, len(ids), size)]
