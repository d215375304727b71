"""An iCalendar file of open checkpoints, open promise due dates and each person's next 1:1, all
as all-day events.

Promise due dates are events, not to-dos: Google Calendar and Outlook drop VTODOs on import.
To-dos come as well when asked for (`CalendarOptions.todos`), for apps with task lists.
UIDs are stable so importing a newer file updates the entries instead of doubling them:
`checkpoint-<id>@leaddesk`, `promise-due-<id>@leaddesk` for a promise's event and
`promise-<id>@leaddesk` for its to-do (the UID the to-dos of earlier versions had, so those
update in place; a calendar refuses one UID changing from to-do to event), and
`one-on-one-<person id>@leaddesk` for the next 1:1 due by someone's rhythm.

Alarms (VALARM) ring before checkpoints and before the promises I made, never theirs, and only
on items not yet overdue (an alarm in the past fires at once on import in some apps). Their
text names nothing ("LeadDesk: checkpoint due"): a reminder pops up on a lock screen. Notes go
in only when asked for (`include_notes`, which also lets alarms say what is due), and private
data (relationship notes, private 1:1 notes, assessments) never does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from icalendar import Alarm, Calendar, Event, Todo

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


@dataclass(frozen=True, slots=True)
class CalendarOptions:
    """How the file is written, beyond what is in it."""

    todos: bool = False  # promise due dates also as to-dos (the events are always there)
    alarm_minutes: int = 0  # alarms this long before the due day starts; 0: none
    alarms_from: date = date.min  # no alarm on items due before this day (overdue ones)
    named_alarms: bool = False  # alarms say what is due (only when notes were asked for)


def export_ics(
    desk: Desk,
    target: Path,
    include_notes: bool = False,
    now: Callable[[], datetime] = lambda: datetime.now(UTC),
    todos: bool = False,
    alarm_minutes: int | None = None,
) -> CalendarSummary:
    """Write the calendar of open checkpoints, promise due dates and next 1:1s to `target`.

    `alarm_minutes` None takes the lead time from the settings; 0 writes no alarms.
    """
    items = desk.calendar_items(include_notes=include_notes)
    if alarm_minutes is None:
        alarm_minutes = desk.settings().ics_alarm_lead_minutes
    options = CalendarOptions(todos, alarm_minutes, desk.today(), include_notes)
    rhythms = sorted(desk.one_on_one_rhythms().values(), key=lambda r: (r.next_due, r.person_id))
    content = calendar_bytes(items, now(), options, one_on_ones=rhythms)
    with atomic_path(target, desk.path) as temporary:
        temporary.write_bytes(content)
    return CalendarSummary(
        Path(target).expanduser(), len(items.checkpoints), len(items.promises), len(rhythms)
    )


def calendar_bytes(
    items: CalendarItems,
    stamp: datetime,
    options: CalendarOptions | None = None,
    one_on_ones: Iterable[OneOnOneRhythm] = (),
) -> bytes:
    """The iCalendar (RFC 5545) text of `items`, stamped with the export time."""
    options = options or CalendarOptions()
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "LeadDesk")
    stamp = stamp.astimezone(UTC)
    for checkpoint in items.checkpoints:
        calendar.add_component(_event(checkpoint, stamp, options))
    for promise in items.promises:
        calendar.add_component(_promise_event(promise, stamp, options))
        if options.todos:
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


def _event(checkpoint: CalendarCheckpoint, stamp: datetime, options: CalendarOptions) -> Event:
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
    _add_alarm(event, checkpoint.due_on, "checkpoint", options)
    return event


def _promise_event(promise: CalendarPromise, stamp: datetime, options: CalendarOptions) -> Event:
    """A promise's due date as an all-day event: every calendar app imports those."""
    event = Event()
    event.add("uid", f"promise-due-{promise.id}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", promise.due_on)  # a date: an all-day event
    event.add("dtend", promise.due_on + timedelta(days=1))
    event.add("summary", _promise_summary(promise))
    event.add("transp", "TRANSPARENT")  # a due date, not a meeting: the day stays free
    event.add("categories", ["LeadDesk", "Promise"])
    lines = [f"Made on {wording.day(promise.made_on)}."]
    event.add("description", _description(lines, promise.details))
    if promise.direction is PromiseDirection.MINE:  # theirs are for them to remember
        _add_alarm(event, promise.due_on, "promise", options)
    return event


def _add_alarm(event: Event, due_on: date, kind: str, options: CalendarOptions) -> None:
    """A display alarm the lead time before the due day starts (none when off or overdue)."""
    if options.alarm_minutes <= 0 or due_on < options.alarms_from:
        return
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(minutes=-options.alarm_minutes))  # before DTSTART
    shown = str(event["summary"]) if options.named_alarms else f"LeadDesk: {kind} due"
    alarm.add("description", shown)
    event.add_component(alarm)


def _todo(promise: CalendarPromise, stamp: datetime) -> Todo:
    todo = Todo()
    todo.add("uid", f"promise-{promise.id}@{UID_DOMAIN}")
    todo.add("dtstamp", stamp)
    todo.add("due", promise.due_on)
    todo.add("status", "NEEDS-ACTION")
    todo.add("summary", _promise_summary(promise))
    todo.add("categories", ["LeadDesk", "Promise"])
    lines = [f"Made on {wording.day(promise.made_on)}."]
    todo.add("description", _description(lines, promise.details))
    return todo


def _promise_summary(promise: CalendarPromise) -> str:
    if promise.direction is PromiseDirection.MINE:
        summary = f"Promise to {promise.person_name}: {promise.text}"
    else:
        summary = f"Promise from {promise.person_name}: {promise.text}"
    return " ".join(summary.split())  # one line, whatever the promise's layout


def _description(lines: list[str], details: tuple[tuple[str, str], ...]) -> str:
    return "\n".join([*lines, *(f"{label}: {text}" for label, text in details)])
