"""Open items per person: active delegations by level, open and overdue promises and checkpoints."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import case, func, select

from leaddesk.domain.levels import DelegationState, EmpowermentLevel
from leaddesk.domain.promises import PromiseState
from leaddesk.services.base import DeskBase
from leaddesk.store import models as m


@dataclass(frozen=True, slots=True)
class OpenItemCounts:
    """What is open with one person, for the team one-pager: levels and open/overdue items."""

    person_id: int
    levels: tuple[int, ...]  # active delegations at my level 1..7 (index 0 is Tell)
    open_promises: int  # both directions
    overdue_promises: int
    open_checkpoints: int  # of active delegations
    overdue_checkpoints: int


_OPEN_PROMISE = [PromiseState.OPEN.value, PromiseState.RENEGOTIATED.value]
_LEVELS = len(EmpowermentLevel)


class OpenItemsMixin(DeskBase):
    """Counts the team one-pager shows for each person, read in a few grouped queries."""

    def open_item_counts(self, person_ids: Iterable[int]) -> dict[int, OpenItemCounts]:
        """For each person: active delegations per level (1-7), open/overdue promises and
        checkpoints (open checkpoints of active delegations only). People with nothing get zeros.
        """
        wanted = list(dict.fromkeys(person_ids))
        keep = set(wanted)
        today = self.today()
        levels: dict[int, list[int]] = {pid: [0] * _LEVELS for pid in wanted}
        promises: dict[int, list[int]] = {pid: [0, 0] for pid in wanted}
        checkpoints: dict[int, list[int]] = {pid: [0, 0] for pid in wanted}
        overdue_promise = func.sum(case((m.Promise.due_on < today, 1), else_=0))
        overdue_checkpoint = func.sum(case((m.Checkpoint.due_on < today, 1), else_=0))
        with self._read() as session:
            active = (
                m.Delegation.deleted_at.is_(None),
                m.Delegation.state == DelegationState.ACTIVE.value,
            )
            for pid, level, n in session.execute(
                select(m.Delegation.person_id, m.Delegation.my_level, func.count())
                .where(*active)
                .group_by(m.Delegation.person_id, m.Delegation.my_level)
            ):
                if pid in keep and 1 <= level <= _LEVELS:
                    levels[pid][level - 1] = n
            for pid, n, late in session.execute(
                select(m.Promise.person_id, func.count(), overdue_promise)
                .where(m.Promise.deleted_at.is_(None), m.Promise.state.in_(_OPEN_PROMISE))
                .group_by(m.Promise.person_id)
            ):
                if pid in keep:
                    promises[pid] = [n, late or 0]
            for pid, n, late in session.execute(
                select(m.Delegation.person_id, func.count(), overdue_checkpoint)
                .join(m.Checkpoint, m.Checkpoint.delegation_id == m.Delegation.id)
                .where(*active, m.Checkpoint.deleted_at.is_(None), m.Checkpoint.outcome.is_(None))
                .group_by(m.Delegation.person_id)
            ):
                if pid in keep:
                    checkpoints[pid] = [n, late or 0]
        return {
            pid: OpenItemCounts(
                person_id=pid,
                levels=tuple(levels[pid]),
                open_promises=promises[pid][0],
                overdue_promises=promises[pid][1],
                open_checkpoints=checkpoints[pid][0],
                overdue_checkpoints=checkpoints[pid][1],
            )
            for pid in wanted
        }
