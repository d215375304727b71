"""When someone came onto the desk: what a new person's 1:1 rhythm and trust chart start from."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from leaddesk.domain.rhythm import first_one_on_one_due
from leaddesk.store import models as m


def added_on(created_at: datetime, today: date) -> date:
    """The local day a person was added (from its stored UTC timestamp), never after `today`:
    a desk told another day than the clock's (a demo of a given day) still sees them added."""
    return min(created_at.replace(tzinfo=UTC).astimezone().date(), today)


def first_one_on_ones_due(
    session: Session, person_ids: Collection[int], today: date, interval_days: int
) -> dict[int, date]:
    """When the first 1:1 with each of these people (none held yet) is due."""
    if not person_ids:
        return {}
    rows = session.execute(
        select(m.Person.id, m.Person.created_at, m.Person.in_role_since).where(
            m.Person.id.in_(list(person_ids))
        )
    )
    return {
        pid: first_one_on_one_due(added_on(created, today), in_role, interval_days)
        for pid, created, in_role in rows
    }
