"""Trust read models: the per-person trust series, the person overview and the team grid."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leaddesk.domain.levels import DelegationState
from leaddesk.domain.promises import PromiseDirection, PromiseState
from leaddesk.domain.trust import (
    TrackRecord,
    from_weights,
    track_record_series,
    trend,
    weights_on_days,
)
from leaddesk.services import convert
from leaddesk.services.checkpoints import CheckpointsMixin
from leaddesk.services.evidence import (
    promise_evidence_by_person,
    their_evidence,
    their_weights,
)
from leaddesk.services.items import last_one_on_ones
from leaddesk.services.readmodels import (
    PersonOverview,
    TeamMember,
    TeamOverview,
    TrustPoint,
    TrustSeries,
)
from leaddesk.store import models as m

TREND_DAYS = 30
SPARK_POINTS = 13
SPARK_STEP_DAYS = 28
MIN_SPAN_DAYS = 180
OPEN = [PromiseState.OPEN.value, PromiseState.RENEGOTIATED.value]


def sample_dates(start: date, end: date, step_days: int = 7) -> list[date]:
    """Weekly dates from `start` to `end`, always ending exactly on `end`."""
    start = min(start, end - timedelta(days=MIN_SPAN_DAYS))
    days = list(range(0, (end - start).days, step_days))
    return [start + timedelta(days=d) for d in days] + [end]


def _points(records: Sequence[TrackRecord], dates: Sequence[date]) -> tuple[TrustPoint, ...]:
    return tuple(
        TrustPoint(d, r.expectation, r.belief, r.plausibility)
        for d, r in zip(dates, records, strict=True)
    )


class TrustMixin(CheckpointsMixin):
    """Read models about how trust develops, per person and across the team."""

    def trust_series(self, person_id: int) -> TrustSeries:
        """Everything the trust chart draws; computed once per change, then cached."""
        return self._cached(  # type: ignore[no-any-return]
            ("trust_series", person_id), lambda: self._trust_series(person_id)
        )

    def _trust_series(self, person_id: int) -> TrustSeries:
        half_life = self.settings().half_life_days
        today = self.today()
        with self._read() as session:
            person = self._person_row(session, person_id)
            theirs = their_evidence(session, [person_id]).get(person_id, [])
            mine = promise_evidence_by_person(session, PromiseDirection.MINE, [person_id]).get(
                person_id, []
            )
            assessments = [
                convert.assessment(a)
                for a in session.scalars(
                    select(m.TrustAssessment)
                    .where(
                        m.TrustAssessment.person_id == person_id,
                        m.TrustAssessment.deleted_at.is_(None),
                    )
                    .order_by(m.TrustAssessment.on)
                )
            ]
            events = [
                convert.level_change(h, title)
                for h, title in session.execute(
                    select(m.LevelChange, m.Delegation.title)
                    .join(m.Delegation, m.Delegation.id == m.LevelChange.delegation_id)
                    .where(
                        m.Delegation.person_id == person_id,
                        m.Delegation.deleted_at.is_(None),
                        m.LevelChange.kind == "mine",
                        m.LevelChange.from_level.is_not(None),
                    )
                    .order_by(m.LevelChange.on, m.LevelChange.id)
                )
            ]
            created = person.created_at.date()
        starts = [e.on for e in theirs + mine] + [a.on for a in assessments]
        starts += [e.on for e in events] + [created]
        dates = sample_dates(min(starts), today)
        track = track_record_series(theirs, dates, half_life)
        my_track = track_record_series(mine, dates, half_life)
        before = track_record_series(theirs, [today - timedelta(days=TREND_DAYS)], half_life)[0]
        return TrustSeries(
            person_id=person_id,
            track=_points(track, dates),
            mine=_points(my_track, dates),
            assessments=tuple(assessments),
            events=tuple(events),
            current=track[-1],
            my_current=my_track[-1],
            trend=trend(before, track[-1]),
            half_life_days=half_life,
        )

    def person_overview(self, person_id: int) -> PersonOverview:
        """The header and Overview tab of a person page."""
        series = self.trust_series(person_id)
        today = self.today()
        with self._read() as session:
            row = self._person_row(session, person_id)
            boss = session.get(m.Person, row.reports_to_id) if row.reports_to_id else None
            counts = dict(
                session.execute(
                    select(m.Promise.direction, func.count())
                    .where(
                        m.Promise.person_id == person_id,
                        m.Promise.deleted_at.is_(None),
                        m.Promise.state.in_(OPEN),
                    )
                    .group_by(m.Promise.direction)
                ).all()
            )
            active = list(
                session.execute(
                    select(
                        m.Delegation.id,
                        m.Delegation.title,
                        m.Delegation.my_level,
                        m.Delegation.their_level,
                    ).where(
                        m.Delegation.person_id == person_id,
                        m.Delegation.deleted_at.is_(None),
                        m.Delegation.state == DelegationState.ACTIVE.value,
                    )
                )
            )
            titles = {d.id: d.title for d in active}
            next_cp = session.execute(
                select(m.Checkpoint)
                .where(
                    m.Checkpoint.delegation_id.in_(list(titles)),
                    m.Checkpoint.deleted_at.is_(None),
                    m.Checkpoint.outcome.is_(None),
                )
                .order_by(m.Checkpoint.due_on)
                .limit(1)
            ).scalar_one_or_none()
            last = session.scalar(
                select(func.max(m.OneOnOne.held_on)).where(
                    m.OneOnOne.person_id == person_id, m.OneOnOne.deleted_at.is_(None)
                )
            )
            reports = [
                convert.person(r, row.name)
                for r in session.scalars(
                    select(m.Person)
                    .where(
                        m.Person.reports_to_id == person_id,
                        m.Person.deleted_at.is_(None),
                        m.Person.archived.is_(False),
                    )
                    .order_by(m.Person.name)
                )
            ]
            return PersonOverview(
                person=convert.person(row, boss.name if boss else None),
                current=series.current,
                trend=series.trend,
                my_record=series.my_current,
                last_one_on_one=last,
                open_promises_mine=counts.get(PromiseDirection.MINE.value, 0),
                open_promises_theirs=counts.get(PromiseDirection.THEIRS.value, 0),
                active_delegations=len(active),
                clarity_gaps=sum(
                    1 for d in active if d.their_level is not None and d.their_level != d.my_level
                ),
                next_checkpoint=(
                    convert.checkpoint(next_cp, titles[next_cp.delegation_id], person_id, today)
                    if next_cp
                    else None
                ),
                latest_assessment=series.assessments[-1] if series.assessments else None,
                reports=tuple(reports),
            )

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
                line = (
                    now.expectation,
                    trend(records[trend_day], now),
                    tuple(records[d].expectation for d in spark_dates),
                )
                folded = (items, (half_life, today), line)
                self._folds[p.id] = folded
            score, direction, sparkline = folded[2]
            members.append(
                TeamMember(
                    person=p,
                    score=score,
                    trend=direction,
                    sparkline=sparkline,
                    open_promises=open_promises.get(p.id, 0),
                    overdue_items=overdue.get(p.id, 0),
                    last_one_on_one=last.get(p.id),
                )
            )
        return TeamOverview(tuple(members), tuple(spark_dates))


def _count_by_person(session: Session, ids: list[int], due_before: date | None) -> dict[int, int]:
    query = (
        select(m.Promise.person_id, func.count())
        .where(m.Promise.deleted_at.is_(None), m.Promise.state.in_(OPEN))
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
