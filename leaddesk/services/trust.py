"""Trust: the per-person trust series and my assessments of a person on the four cores."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from leaddesk.domain.promises import PromiseDirection
from leaddesk.domain.trust import (
    TrackRecord,
    Trend,
    assessment_score,
    track_record_series,
    trend,
)
from leaddesk.domain.validation import check_score, clean_text
from leaddesk.services.changes import ChangeArea
from leaddesk.services.delegations_models import LevelChangeView, level_change_view
from leaddesk.services.evidence import promise_evidence_by_person, their_evidence
from leaddesk.services.person_start import added_on
from leaddesk.services.settings import SettingsMixin
from leaddesk.store import models as m


@dataclass(frozen=True, slots=True)
class AssessmentView:
    """A trust assessment on the four cores (1-5) and its 0-1 score."""

    id: int
    person_id: int
    on: date
    integrity: int
    intent: int
    capabilities: int
    results: int
    note: str
    score: float


@dataclass(frozen=True, slots=True)
class TrustPoint:
    """The track record on one day."""

    on: date
    expectation: float
    belief: float
    plausibility: float


@dataclass(frozen=True, slots=True)
class TrustSeries:
    """Everything the trust-over-time chart draws for one person."""

    person_id: int
    track: tuple[TrustPoint, ...]
    mine: tuple[TrustPoint, ...]
    assessments: tuple[AssessmentView, ...]
    events: tuple[LevelChangeView, ...]
    current: TrackRecord
    my_current: TrackRecord
    trend: Trend
    half_life_days: float


def assessment_view(row: m.TrustAssessment) -> AssessmentView:
    """A trust assessment with its 0-1 score."""
    return AssessmentView(
        id=row.id,
        person_id=row.person_id,
        on=row.on,
        integrity=row.integrity,
        intent=row.intent,
        capabilities=row.capabilities,
        results=row.results,
        note=row.note,
        score=assessment_score(row.integrity, row.intent, row.capabilities, row.results),
    )


TREND_DAYS = 30
SPARK_POINTS = 13
SPARK_STEP_DAYS = 28


def sample_dates(start: date, end: date, step_days: int = 7) -> list[date]:
    """Weekly dates from `start` to `end`, always ending exactly on `end`.

    Never before `start`: a series padded to six months drew a person added a minute ago with
    a full-height band reaching back half a year before they were there.
    """
    start = min(start, end)
    days = list(range(0, (end - start).days, step_days))
    return [start + timedelta(days=d) for d in days] + [end]


def _points(records: Sequence[TrackRecord], dates: Sequence[date]) -> tuple[TrustPoint, ...]:
    return tuple(
        TrustPoint(d, r.expectation, r.belief, r.plausibility)
        for d, r in zip(dates, records, strict=True)
    )


class TrustMixin(SettingsMixin):
    """Use cases about how trust in a person develops, measured and judged."""

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
                assessment_view(a)
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
                level_change_view(h, title)
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
            added = added_on(person.created_at, today)
        starts = [e.on for e in theirs + mine] + [a.on for a in assessments]
        starts += [e.on for e in events] + [added]
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

    # -- trust assessments -------------------------------------------------------------------
    def add_assessment(
        self,
        person_id: int,
        integrity: int,
        intent: int,
        capabilities: int,
        results: int,
        note: str = "",
        on: date | None = None,
    ) -> int:
        """Record my judgement of a person on the four cores of credibility (1-5 each)."""
        day = self._day(on)
        for value, name in (
            (integrity, "Integrity"),
            (intent, "Intent"),
            (capabilities, "Capabilities"),
            (results, "Results"),
        ):
            check_score(value, name)
        with self._write(ChangeArea.ASSESSMENTS, person_id) as session:
            self._person_row(session, person_id)
            row = m.TrustAssessment(
                person_id=person_id,
                on=day,
                integrity=integrity,
                intent=intent,
                capabilities=capabilities,
                results=results,
                note=clean_text(note, "Note"),
            )
            session.add(row)
            session.flush()
            return row.id

    def assessments(self, person_id: int) -> list[AssessmentView]:
        """A person's trust assessments, oldest first."""
        with self._read() as session:
            rows = session.scalars(
                select(m.TrustAssessment)
                .where(
                    m.TrustAssessment.person_id == person_id, m.TrustAssessment.deleted_at.is_(None)
                )
                .order_by(m.TrustAssessment.on, m.TrustAssessment.id)
            )
            return [assessment_view(r) for r in rows]
