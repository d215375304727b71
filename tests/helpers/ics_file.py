"""Read an exported .ics file as calendar apps will: strict RFC 5545 structure, then two parsers.

icalendar wrote the file, so icalendar reading it back proves little on its own. `read_calendar`
also checks the bytes by hand (CRLF, lines folded at 75 octets, the properties every component
must have) and parses the file with vobject, an independent parser, and the two must agree on
every entry: what the user's calendar app gets is then what both read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import vobject
from icalendar import Calendar

MAX_OCTETS = 75  # RFC 5545 3.1: lines longer than this are folded


@dataclass(frozen=True)
class Alarm:
    """One VALARM as a calendar app reads it."""

    action: str
    trigger: timedelta
    description: str


@dataclass(frozen=True)
class Entry:
    """One VEVENT or VTODO as a calendar app reads it."""

    kind: str  # "VEVENT" or "VTODO"
    uid: str
    summary: str
    start: date | None
    end: date | None
    due: date | None
    transp: str
    description: str
    alarms: tuple[Alarm, ...]


def read_calendar(path: Path) -> dict[str, Entry]:
    """The entries of the file at `path` by UID, after every check above passed."""
    raw = path.read_bytes()
    lines = check_lines(raw)
    check_components(lines)
    first = _with_icalendar(raw)
    second = _with_vobject(raw)
    assert first == second, "icalendar and vobject read the file differently"
    return first


def check_lines(raw: bytes) -> list[str]:
    """CRLF everywhere, no physical line over 75 octets; the logical (unfolded) lines."""
    assert raw.endswith(b"\r\n"), "the file must end with CRLF"
    physical = raw[:-2].split(b"\r\n")
    for number, line in enumerate(physical, 1):
        assert b"\n" not in line and b"\r" not in line, f"line {number}: a bare LF or CR"
        assert len(line) <= MAX_OCTETS, f"line {number} is {len(line)} octets long"
        line.decode("utf-8")  # each folded piece on its own: no character cut in two
    logical: list[str] = []
    for line in physical:
        text = line.decode("utf-8")
        if text[:1] in (" ", "\t"):
            assert logical, "the file starts with a continuation line"
            logical[-1] += text[1:]
        else:
            logical.append(text)
    return logical


def check_components(lines: list[str]) -> None:
    """Balanced BEGIN/END; VEVENT has UID/DTSTAMP/DTSTART (all-day: DATE values, DTEND the next
    day), VTODO has UID/DTSTAMP, VALARM sits in a VEVENT with ACTION/TRIGGER/DESCRIPTION."""
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    stack: list[tuple[str, list[str]]] = []
    uids: list[str] = []
    for line in lines:
        name = line.split(":", 1)[0]
        if line.startswith("BEGIN:"):
            stack.append((line[6:], []))
            continue
        if line.startswith("END:"):
            kind, props = stack.pop()
            assert line[4:] == kind, f"END:{line[4:]} closes {kind}"
            parent = stack[-1][0] if stack else ""
            _check(kind, props, parent)
            if kind in ("VEVENT", "VTODO"):
                uids.extend(p.split(":", 1)[1] for p in props if p.startswith("UID:"))
            continue
        assert stack, f"a property outside any component: {name}"
        stack[-1][1].append(line)
    assert not stack
    assert len(uids) == len(set(uids)), "two entries share a UID"


def _check(kind: str, props: list[str], parent: str) -> None:
    names = [p.split(":", 1)[0].split(";", 1)[0] for p in props]

    def once(*required: str) -> None:
        for name in required:
            assert names.count(name) == 1, f"{kind} needs exactly one {name}"

    if kind == "VCALENDAR":
        once("VERSION", "PRODID")
    elif kind == "VEVENT":
        once("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY")
        value = {p.split(":", 1)[0]: p.split(":", 1)[1] for p in props}
        start, end = value["DTSTART;VALUE=DATE"], value["DTEND;VALUE=DATE"]  # all-day
        assert _day(end) - _day(start) == timedelta(days=1)
    elif kind == "VTODO":
        once("UID", "DTSTAMP", "DUE", "SUMMARY")
    elif kind == "VALARM":
        assert parent == "VEVENT", f"a VALARM inside {parent}"
        once("ACTION", "TRIGGER", "DESCRIPTION")


def _day(text: str) -> date:
    return datetime.strptime(text, "%Y%m%d").date()


def _with_icalendar(raw: bytes) -> dict[str, Entry]:
    calendar = Calendar.from_ical(raw)
    entries: dict[str, Entry] = {}
    for component in calendar.subcomponents:
        if component.name not in ("VEVENT", "VTODO"):
            continue

        def get(name: str, c=component) -> object:
            return c.decoded(name) if name in c else None

        alarms = tuple(
            Alarm(str(a["action"]), a.decoded("trigger"), str(a["description"]))
            for a in component.subcomponents
            if a.name == "VALARM"
        )
        entries[str(component["uid"])] = Entry(
            component.name,
            str(component["uid"]),
            str(component["summary"]),
            get("dtstart"),
            get("dtend"),
            get("due"),
            str(component.get("transp", "")),
            str(component.get("description", "")),
            alarms,
        )
    return entries


def _with_vobject(raw: bytes) -> dict[str, Entry]:
    calendar = vobject.readOne(raw.decode("utf-8"), validate=True)
    entries: dict[str, Entry] = {}
    for component in calendar.getChildren():
        if component.name not in ("VEVENT", "VTODO"):
            continue
        contents = component.contents

        def get(name: str, contents=contents) -> object:
            return contents[name][0].value if name in contents else None

        alarms = tuple(
            Alarm(a.action.value, a.trigger.value, a.description.value)
            for a in contents.get("valarm", [])
        )
        entries[get("uid")] = Entry(
            component.name,
            get("uid"),
            get("summary"),
            get("dtstart"),
            get("dtend"),
            get("due"),
            get("transp") or "",
            get("description") or "",
            alarms,
        )
    return entries
