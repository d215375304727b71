"""An iCalendar file of open checkpoints (all-day events), open promise due dates (to-dos) and
each person's next 1:1 due date (all-day events).

UIDs are stable (`checkpoint-<id>@leaddesk`, `promise-<id>@leaddesk`,
`one-on-one-<person id>@leaddesk`) so importing a newer file
updates the entries instead of doubling them. Notes go in only when asked for (`include_notes`),
and private data (relationship notes, private 1:1 notes, assessments) never does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from icalendar import Calendar, Event, Todo

from leaddesk import __version__
from leaddesk.domain.promises import PromiseDirection
from leaddesk.domain.rhythm import rhythm_words
from leaddesk.reports import wording
from leaddesk.reports.atomic import atomic_path
from leaddesk.services.calendar import CalendarCheckpoint, CalendarItems, CalendarPromise
from leaddesk.services.one_on_one_rhythm import OneOnOneRhythm

if TYPE_CHECKING:
    from leaddesk.services.desk import Desk

PRODID = f"-//LeadDesk//LeadDesk {__version__}//EN"
UID_DOMAIN = "leaddesk"


@dataclass(frozen=True, slots=True)
class CalendarSummary:
    """What a calendar export wrote."""

    path: Path
    checkpoints: int
    promises: int
    one_on_ones: int = 0


def export_ics(
    desk: Desk,
    target: Path,
    include_notes: bool = False,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> CalendarSummary:
    """Write the calendar of open checkpoints and promise due dates to `target`."""
    items = desk.calendar_items(include_notes=include_notes)
    rhythms = sorted(desk.one_on_one_rhythms().values(), key=lambda r: (r.next_due, r.person_id))
    content = calendar_bytes(items, now(), one_on_ones=rhythms)
    with atomic_path(target, desk.path) as temporary:
        temporary.write_bytes(content)
    return CalendarSummary(
        Path(target).expanduser(), len(items.checkpoints), len(items.promises), len(rhythms)
    )


def calendar_bytes(
    items: CalendarItems, stamp: datetime, one_on_ones: Iterable[OneOnOneRhythm] = ()
) -> bytes:
    """The iCalendar (RFC 5545) text of `items`, stamped with the export time."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "LeadDesk")
    stamp = stamp.astimezone(UTC)
    for checkpoint in items.checkpoints:
        calendar.add_component(_event(checkpoint, stamp))
    for promise in items.promises:
        calendar.add_component(_todo(promise, stamp))
    for one_on_one in one_on_ones:
        calendar.add_component(one_on_one_event(one_on_one, stamp))
    return bytes(calendar.to_ical())


def one_on_one_event(rhythm: OneOnOneRhythm, stamp: datetime, with_names: bool = True) -> Event:
    """The next 1:1 with someone, due by their rhythm, as an all-day event on its due date.

    One per person (the UID is theirs), so a newer export moves it instead of adding another.
    Like the other events it names the person (`with_names`) and holds nothing of the 1:1s.
    """
    event = Event()
    event.add("uid", f"one-on-one-{rhythm.person_id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", rhythm.next_due)  # a date: an all-day event
    event.add("dtend", rhythm.next_due + timedelta(days=1))
    event.add("summary", f"1:1 with {rhythm.person_name}" if with_names else "1:1 due")
    event.add("transp", "TRANSPARENT")  # a reminder to plan it, not the meeting itself
    event.add("categories", ["LeadDesk", "1:1"])
    if rhythm.own:
        source = "your rhythm with them"
    else:
        source = f"your default for {'direct reports' if rhythm.direct else 'skip-levels'}"
    lines = [f"1:1 {rhythm_words(rhythm.interval_days)} ({source})."]
    if rhythm.last is not None:
        lines.append(f"Last 1:1 on {wording.day(rhythm.last)}.")
    event.add("description", "\n".join(lines))
    return event


def _event(checkpoint: CalendarCheckpoint, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"checkpoint-{checkpoint.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", checkpoint.due_on)  # a date: an all-day event
    event.add("dtend", checkpoint.due_on + timedelta(days=1))
    event.add("summary", f"Checkpoint: {checkpoint.delegation_title} ({checkpoint.person_name})")
    event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the day stays free
    event.add("categories", ["LeadDesk", "Checkpoint"])
    level = checkpoint.my_level
    lines = [f"Level: {level.value} {level.label} ({level.meaning})"]
    event.add("description", _description(lines, checkpoint.details))
    return event


def _todo(promise: CalendarPromise, stamp: datetime) -> Todo:
    todo = Todo()
    todo.add("uid", f"promise-{promise.id}@{UID_DOMAIN}")
    todo.add("dtstamp", stamp)
    todo.add("due", promise.due_on)
    todo.add("status", "NEEDS-ACTION")
    if promise.direction is PromiseDirection.MINE:
        summary = f"Promise to {promise.person_name}: {promise.text}"
    else:
        summary = f"Promise from {promise.person_name}: {promise.text}"
    todo.add("summary", " ".join(summary.split()))  # one line, whatever the promise's layout
    todo.add("categories", ["LeadDesk", "Promise"])
    lines = [f"Made on {wording.day(promise.made_on)}."]
    todo.add("description", _description(lines, promise.details))
    return todo


def _description(lines: list[str], details: tuple[tuple[str, str], ...]) -> str:
    return "\n".join([*lines, *(f"{label}: {text}" for label, text in details)])
