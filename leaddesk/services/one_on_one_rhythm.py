"""When each 1:1 is due: everyone's rhythm (their own, or their place's default) and last 1:1.

One place decides who the leader meets and how often, so Needs attention, the weekly focus, the
team grid, the person header and the calendar export never disagree. Direct reports report to
the leader (no reports-to); skip-levels report to one of them, as `items._direct_reports` and
`PersonSummary.is_direct_report` have it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leaddesk.domain.rhythm import check_rhythm, interval_for, next_one_on_one_due
from leaddesk.services.action_item import ActionItem, ItemDetail, ItemKind
from leaddesk.services.changes import ChangeArea
from leaddesk.services.person_start import added_on
from leaddesk.services.settings import SettingsMixin
from leaddesk.store import models as m


@dataclass(frozen=True, slots=True)
class OneOnOneRhythm:
    """How often the leader meets someone, and when the next 1:1 with them is due."""

    person_id: int
    person_name: str
    interval_days: int
    own: bool  # set on the person; False: the default of their place (Settings)
    direct: bool  # a direct report (else a skip-level, or further down with a rhythm set)
    last: date | None
    next_due: date

    def overdue(self, today: date) -> bool:
        """Past the rhythm: the due day itself is still on time."""
        return today > self.next_due


def last_one_on_ones(session: Session) -> dict[int, date]:
    """Each live person's last 1:1 date: one index seek per person, not a scan of every 1:1."""
    latest = (
        select(func.max(m.OneOnOne.held_on))
        .where(m.OneOnOne.person_id == m.Person.id, m.OneOnOne.deleted_at.is_(None))
        .scalar_subquery()
    )
    rows = session.execute(select(m.Person.id, latest).where(m.Person.deleted_at.is_(None)))
    return {pid: held for pid, held in rows if held is not None}


def rhythms(
    session: Session, today: date, direct_days: int, skip_level_days: int
) -> dict[int, OneOnOneRhythm]:
    """Every active person the leader meets, with their rhythm and next due date."""
    rows = session.execute(
        select(
            m.Person.id,
            m.Person.name,
            m.Person.reports_to_id,
            m.Person.one_on_one_every_days,
            m.Person.created_at,
            m.Person.in_role_since,
        ).where(m.Person.deleted_at.is_(None), m.Person.archived.is_(False))
    ).all()
    directs = {row.id for row in rows if row.reports_to_id is None}
    last = last_one_on_ones(session)
    out: dict[int, OneOnOneRhythm] = {}
    for row in rows:
        direct = row.reports_to_id is None
        days = interval_for(
            row.one_on_one_every_days,
            direct=direct,
            skip_level=row.reports_to_id in directs,
            direct_days=direct_days,
            skip_level_days=skip_level_days,
        )
        if days is None:
            continue
        held = last.get(row.id)
        due = next_one_on_one_due(held, added_on(row.created_at, today), row.in_role_since, days)
        own = row.one_on_one_every_days is not None
        out[row.id] = OneOnOneRhythm(row.id, row.name, days, own, direct, held, due)
    return out


def one_on_one_items(
    session: Session,
    today: date,
    direct_days: int,
    skip_level_days: int,
    person_ids: Iterable[int] | None = None,
) -> list[ActionItem]:
    """1:1s past their rhythm since the last (or since the person came), direct reports first.

    A direct report with no 1:1 yet is listed before it is due too ("plan the first"); anyone
    else (skip-levels) only once their rhythm has passed, so Needs attention stays short.
    """
    wanted = None if person_ids is None else set(person_ids)
    found = rhythms(session, today, direct_days, skip_level_days)
    ordered = sorted(found.values(), key=lambda r: (not r.direct, r.person_name))
    out = []
    for r in ordered:
        if wanted is not None and r.person_id not in wanted:
            continue
        late = r.overdue(today)
        if r.last is None and (late or r.direct):
            item = ActionItem(
                ItemKind.ONE_ON_ONE, None, r.person_id, r.person_name, ItemDetail.NO_ONE_ON_ONE_YET
            )
            out.append(replace(item, on=r.next_due, overdue=late))
        elif r.last is not None and late:
            out.append(
                ActionItem(
                    ItemKind.ONE_ON_ONE,
                    None,
                    r.person_id,
                    r.person_name,
                    ItemDetail.ONE_ON_ONE_OVERDUE,
                    "",
                    r.next_due,
                    overdue=True,
                    last=r.last,
                    days=(today - r.last).days,
                )
            )
    return out


class OneOnOneRhythmMixin(SettingsMixin):
    """Each person's 1:1 rhythm: set it, and ask when the next 1:1s are due."""

    def set_one_on_one_rhythm(self, person_id: int, days: int | None) -> None:
        """Meet this person every `days` days (1-365); None goes back to the default."""
        clean = check_rhythm(days)
        with self._write(ChangeArea.PEOPLE, person_id) as session:
            self._person_row(session, person_id).one_on_one_every_days = clean

    def one_on_one_rhythms(self, day: date | None = None) -> dict[int, OneOnOneRhythm]:
        """Every active person the leader meets (direct reports, skip-levels and anyone with a
        rhythm of their own), by id, with their rhythm and next due date."""
        today = self._day(day)
        cfg = self.settings()
        with self._read() as session:
            return rhythms(
                session, today, cfg.one_on_one_interval_days, cfg.skip_level_interval_days
            )

    def next_one_on_ones(self, day: date | None = None) -> dict[int, date]:
        """Each active person's next 1:1 due date (overdue ones in the past), by person id."""
        return {pid: r.next_due for pid, r in self.one_on_one_rhythms(day).items()}
