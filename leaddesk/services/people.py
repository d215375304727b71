"""People: direct reports and skip-levels, reports-to, archive; finding one; a person's page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session, aliased

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.levels import DelegationState
from leaddesk.domain.matching import match_name
from leaddesk.domain.promises import PromiseDirection, PromiseState
from leaddesk.domain.rhythm import check_rhythm
from leaddesk.domain.trust import TrackRecord, Trend
from leaddesk.domain.validation import clean_email, clean_name, clean_optional_name
from leaddesk.services.base import utcnow
from leaddesk.services.changes import ChangeArea
from leaddesk.services.delegations_models import CheckpointView, checkpoint_view
from leaddesk.services.one_on_one_rhythm import OneOnOneRhythm, rhythms
from leaddesk.services.trust import AssessmentView, TrustMixin
from leaddesk.store import models as m


@dataclass(frozen=True, slots=True)
class PersonSummary:
    """A person as lists show them."""

    id: int
    name: str
    role: str | None
    area: str | None
    email: str | None
    in_role_since: date | None
    reports_to_id: int | None
    reports_to_name: str | None
    archived: bool
    one_on_one_every_days: int | None = None  # their own 1:1 rhythm; None: the default

    @property
    def is_direct_report(self) -> bool:
        """Direct reports report to the leader (no reports-to); others are skip-levels."""
        return self.reports_to_id is None


@dataclass(frozen=True, slots=True)
class PersonOverview:
    """The header and Overview tab of a person page."""

    person: PersonSummary
    current: TrackRecord
    trend: Trend
    my_record: TrackRecord
    last_one_on_one: date | None
    open_promises_mine: int
    open_promises_theirs: int
    active_delegations: int
    clarity_gaps: int
    next_checkpoint: CheckpointView | None
    latest_assessment: AssessmentView | None
    reports: tuple[PersonSummary, ...]
    rhythm: OneOnOneRhythm | None = None  # None: someone the leader does not meet (no rhythm)


def person_summary(row: m.Person, boss_name: str | None) -> PersonSummary:
    """A person row as a summary."""
    return PersonSummary(
        id=row.id,
        name=row.name,
        role=row.role,
        area=row.area,
        email=row.email,
        in_role_since=row.in_role_since,
        reports_to_id=row.reports_to_id,
        reports_to_name=boss_name,
        archived=row.archived,
        one_on_one_every_days=row.one_on_one_every_days,
    )


_UNSET = object()
_OPEN = [PromiseState.OPEN.value, PromiseState.RENEGOTIATED.value]


class PeopleMixin(TrustMixin):
    """Use cases about the people the leader leads (the overview builds on their trust series)."""

    def add_person(
        self,
        name: str,
        role: str | None = None,
        area: str | None = None,
        email: str | None = None,
        in_role_since: date | None = None,
        reports_to_id: int | None = None,
        one_on_one_every_days: int | None = None,
    ) -> int:
        """Add a person; without reports-to they are a direct report. Returns the new id."""
        clean = clean_name(name)
        rhythm = check_rhythm(one_on_one_every_days)
        with self._write(ChangeArea.PEOPLE) as session:
            if reports_to_id is not None:
                self._person_row(session, reports_to_id)
            row = m.Person(
                name=clean,
                role=clean_optional_name(role, "Role"),
                area=clean_optional_name(area, "Area"),
                email=clean_email(email),
                in_role_since=self._day(in_role_since, "In role since") if in_role_since else None,
                reports_to_id=reports_to_id,
                archived=False,
                created_at=utcnow(),
                one_on_one_every_days=rhythm,
            )
            session.add(row)
            session.flush()
            return row.id

    def update_person(
        self,
        person_id: int,
        *,
        name: str | None = None,
        role: str | object | None = _UNSET,
        area: str | object | None = _UNSET,
        email: str | object | None = _UNSET,
        in_role_since: date | object | None = _UNSET,
        reports_to_id: int | object | None = _UNSET,
        one_on_one_every_days: int | object | None = _UNSET,
    ) -> None:
        """Change any of a person's fields; those not passed stay as they are."""
        with self._write(ChangeArea.PEOPLE, person_id) as session:
            row = self._person_row(session, person_id)
            if name is not None:
                row.name = clean_name(name)
            if role is not _UNSET:
                row.role = clean_optional_name(role, "Role")  # type: ignore[arg-type]
            if area is not _UNSET:
                row.area = clean_optional_name(area, "Area")  # type: ignore[arg-type]
            if email is not _UNSET:
                row.email = clean_email(email)  # type: ignore[arg-type]
            if in_role_since is not _UNSET:
                row.in_role_since = (
                    self._day(in_role_since, "In role since")  # type: ignore[arg-type]
                    if in_role_since is not None
                    else None
                )
            if reports_to_id is not _UNSET:
                self._check_reports_to(session, person_id, reports_to_id)  # type: ignore[arg-type]
                row.reports_to_id = reports_to_id  # type: ignore[assignment]
            if one_on_one_every_days is not _UNSET:
                row.one_on_one_every_days = check_rhythm(one_on_one_every_days)

    def _check_reports_to(self, session: Session, person_id: int, boss_id: int | None) -> None:
        """Reports-to must be another live person and must not make a loop."""
        seen = {person_id}
        current = boss_id
        while current is not None:
            if current in seen:
                raise ValidationError("That reports-to would make a loop; choose someone else.")
            seen.add(current)
            current = self._person_row(session, current).reports_to_id

    def archive_person(self, person_id: int, archived: bool = True) -> None:
        """Archive (or bring back) a person: hidden from the team, nothing deleted."""
        with self._write(ChangeArea.PEOPLE, person_id) as session:
            self._person_row(session, person_id).archived = archived

    def people(self, include_archived: bool = False, query: str = "") -> list[PersonSummary]:
        """People sorted by name; `query` filters on name, role and area (case-insensitive)."""
        with self._read() as session:
            rows = _summaries(session, include_archived)
        needle = query.strip().casefold()
        out = [
            p
            for p in rows
            if not needle or needle in " ".join(filter(None, [p.name, p.role, p.area])).casefold()
        ]
        return sorted(out, key=lambda p: p.name.casefold())

    def has_people(self) -> bool:
        """Whether anyone (not archived) is in the store: the first-run empty state asks."""
        with self._read() as session:
            return bool(
                session.scalar(
                    select(
                        exists().where(m.Person.deleted_at.is_(None), m.Person.archived.is_(False))
                    )
                )
            )

    def person(self, person_id: int) -> PersonSummary:
        """One person."""
        with self._read() as session:
            row = self._person_row(session, person_id)
            boss = session.get(m.Person, row.reports_to_id) if row.reports_to_id else None
            return person_summary(row, boss.name if boss else None)

    def direct_reports(self) -> list[PersonSummary]:
        """Active people who report to the leader (picked in SQL: skip-levels are not read)."""
        with self._read() as session:
            rows = _summaries(session, False, direct_only=True)
        return sorted(rows, key=lambda p: p.name.casefold())

    def find_person(self, name: str) -> PersonSummary:
        """The one person whose name matches (exactly, else as a unique prefix or part), any case.

        An unknown or ambiguous name is a ValidationError that lists the candidates.
        """
        everyone = self.people(include_archived=True)
        hits = match_name(everyone, clean_name(name), lambda p: p.name)
        if len(hits) == 1:
            return hits[0]
        if len(hits) > 1:
            listed = ", ".join(p.name for p in hits[:10])
            more = f" and {len(hits) - 10} more" if len(hits) > 10 else ""
            raise ValidationError(f"'{name}' matches several people: {listed}{more}.")
        sample = ", ".join(p.name for p in everyone[:10]) or "nobody yet"
        raise ValidationError(f"Nobody is called '{name}'. People: {sample}.")

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
                        m.Promise.state.in_(_OPEN),
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
                person_summary(r, row.name)
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
                person=person_summary(row, boss.name if boss else None),
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
                    checkpoint_view(next_cp, titles[next_cp.delegation_id], person_id, today)
                    if next_cp
                    else None
                ),
                latest_assessment=series.assessments[-1] if series.assessments else None,
                reports=tuple(reports),
                rhythm=self._rhythm_of(session, person_id, today),
            )

    def _rhythm_of(self, session: Session, person_id: int, today: date) -> OneOnOneRhythm | None:
        cfg = self.settings()
        found = rhythms(session, today, cfg.one_on_one_interval_days, cfg.skip_level_interval_days)
        return found.get(person_id)


def _summaries(
    session: Session, include_archived: bool, direct_only: bool = False
) -> list[PersonSummary]:
    """Live people as summaries, read as columns (not ORM objects) with the boss's name joined."""
    boss = aliased(m.Person)
    query = select(
        m.Person.id,
        m.Person.name,
        m.Person.role,
        m.Person.area,
        m.Person.email,
        m.Person.in_role_since,
        m.Person.reports_to_id,
        boss.name,
        m.Person.archived,
        m.Person.one_on_one_every_days,
    ).outerjoin(boss, (boss.id == m.Person.reports_to_id) & boss.deleted_at.is_(None))
    query = query.where(m.Person.deleted_at.is_(None))  # a deleted boss has no name, as before
    if direct_only:
        query = query.where(m.Person.reports_to_id.is_(None))
    if not include_archived:
        query = query.where(m.Person.archived.is_(False))
    # Ten columns: past SQLAlchemy's typed overloads, so the row is unpacked as plain values.
    rows: list[tuple[Any, ...]] = [tuple(r) for r in session.execute(query.order_by(m.Person.id))]
    return [PersonSummary(*row) for row in rows]
