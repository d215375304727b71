"""The team grid: every active direct report with trust score, trend, sparkline and open items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leaddesk.domain.levels import DelegationState
from leaddesk.domain.promises import PromiseState
from leaddesk.domain.trust import Trend, from_weights, trend, weights_on_days
from leaddesk.services.evidence import their_weights
from leaddesk.services.one_on_one_rhythm import last_one_on_ones, rhythms
from leaddesk.services.people import PeopleMixin, PersonSummary
from leaddesk.services.trust import TREND_DAYS
from leaddesk.store import models as m

SPARK_POINTS = 13
SPARK_STEP_DAYS = 28
_OPEN = [PromiseState.OPEN.value, PromiseState.RENEGOTIATED.value]


@dataclass(frozen=True, slots=True)
class TeamMember:
    """One row of the team grid."""

    person: PersonSummary
    score: float
    trend: Trend
    sparkline: tuple[float, ...]
    open_promises: int
    overdue_items: int
    last_one_on_one: date | None
    # False while nothing is kept, broken or checked yet: the score is then no judgement (0.50
    # with a flat line read as one), and the sparkline is empty.
    has_evidence: bool = True
    next_one_on_one: date | None = None  # by their rhythm (own or default); may be past
    one_on_one_every_days: int | None = None  # that rhythm (their own, else the default)


@dataclass(frozen=True, slots=True)
class TeamOverview:
    """The team grid: every active direct report."""

    members: tuple[TeamMember, ...]
    sparkline_dates: tuple[date, ...]


class TeamMixin(PeopleMixin):
    """Read models about the whole team at a glance."""

    def team_overview(self) -> TeamOverview:
        """Every active direct report with sparkline, score, trend and open items."""
        return self._cached(("team",), self._team_overview)  # type: ignore[no-any-return]

    def _their_weights_kept(
        self, session: Session, ids: list[int]
    ) -> dict[int, list[tuple[int, float, float]]]:
        """Each person's evidence, read from the store only for people whose evidence changed.

        A write drops the evidence of the people it touched (DeskBase._write), so after an edit
        the team grid reads one person's history, not everyone's.
        """
        with self._cache_lock:
            generation = self._generation
            known = {pid: self._evidence[pid] for pid in ids if pid in self._evidence}
        missing = [pid for pid in ids if pid not in known]
        if missing:
            loaded = their_weights(session, missing if len(missing) <= 500 else None)
            fresh = {pid: loaded.get(pid, []) for pid in missing}
            with self._cache_lock:
                if generation == self._generation:  # no write slipped in while reading
                    self._evidence.update(fresh)
            known.update(fresh)
        return known

    def _team_overview(self) -> TeamOverview:
        half_life = self.settings().half_life_days
        today = self.today()
        people = self.direct_reports()
        ids = [p.id for p in people]
        spark_dates = [
            today - timedelta(days=SPARK_STEP_DAYS * k) for k in range(SPARK_POINTS - 1, -1, -1)
        ]
        trend_day = today - timedelta(days=TREND_DAYS)
        dates = sorted({*spark_dates, trend_day})
        days = [d.toordinal() for d in dates]
        with self._read() as session:
            weights = self._their_weights_kept(session, ids)
            open_promises = _count_by_person(session, ids, None)
            overdue = _count_by_person(session, ids, today)
            for pid, n in _overdue_checkpoints(session, ids, today).items():
                overdue[pid] = overdue.get(pid, 0) + n
            last = last_one_on_ones(session)
            cfg = self.settings()
            due = rhythms(
                session, today, cfg.one_on_one_interval_days, cfg.skip_level_interval_days
            )
        members = []
        for p in people:
            items = weights.get(p.id, [])
            folded = self._folds.get(p.id)
            # The same evidence list (kept until a write touches this person), half-life and day
            # give the same line: only people whose evidence changed are folded again.
            if folded is None or folded[0] is not items or folded[1] != (half_life, today):
                series = weights_on_days(items, days, half_life)
                records = {d: from_weights(r, s) for d, (r, s) in zip(dates, series, strict=True)}
                now = records[today]
                known = now.evidence_weight > 1e-9
                line = (
                    now.expectation,
                    trend(records[trend_day], now),
                    tuple(records[d].expectation for d in spark_dates) if known else (),
                    known,
                )
                folded = (items, (half_life, today), line)
                self._folds[p.id] = folded
            score, direction, sparkline, known = folded[2]
            members.append(
                TeamMember(
                    person=p,
                    score=score,
                    trend=direction,
                    sparkline=sparkline,
                    open_promises=open_promises.get(p.id, 0),
                    overdue_items=overdue.get(p.id, 0),
                    last_one_on_one=last.get(p.id),
                    has_evidence=known,
                    next_one_on_one=due[p.id].next_due if p.id in due else None,
                    one_on_one_every_days=due[p.id].interval_days if p.id in due else None,
                )
            )
        return TeamOverview(tuple(members), tuple(spark_dates))


def _count_by_person(session: Session, ids: list[int], due_before: date | None) -> dict[int, int]:
    query = (
        select(m.Promise.person_id, func.count())
        .where(m.Promise.deleted_at.is_(None), m.Promise.state.in_(_OPEN))
        .group_by(m.Promise.person_id)
    )
    if due_before is not None:
        query = query.where(m.Promise.due_on < due_before)
    wanted = set(ids)
    return {pid: n for pid, n in session.execute(query).all() if pid in wanted}


def _overdue_checkpoints(session: Session, ids: list[int], today: date) -> dict[int, int]:
    wanted = set(ids)
    rows = session.execute(
        select(m.Delegation.person_id, func.count())
        .join(m.Checkpoint, m.Checkpoint.delegation_id == m.Delegation.id)
        .where(
            m.Checkpoint.deleted_at.is_(None),
            m.Delegation.deleted_at.is_(None),
            m.Checkpoint.outcome.is_(None),
            m.Checkpoint.due_on < today,
            m.Delegation.state == DelegationState.ACTIVE.value,
        )
        .group_by(m.Delegation.person_id)
    ).all()
    return {pid: n for pid, n in rows if pid in wanted}
