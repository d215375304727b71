"""The calendar export: all-day events every calendar app imports, to-dos when asked, alarms on
checkpoints and my promises; read back by two parsers; stable UIDs; no private text unless asked."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from helpers.ics_file import Alarm, Entry, check_components, check_lines, read_calendar
from icalendar import Calendar

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports.calendar_ics import PRODID, CalendarOptions, calendar_bytes, export_ics
from leaddesk.services.desk import Desk

TODAY = date(2026, 11, 25)
STAMP = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
# Texts that must never reach a calendar file, flag or not.
PRIVATE = {
    "relationship": "Caring for her father in Porto",
    "private 1:1": "Thinking about leaving for a startup",
    "assessment": "Integrity wobbles under pressure",
}
# The items' own notes: only with --include-notes.
ITEM_NOTES = {
    "done means": "Budget signed off by the board",
    "involve me when": "Anything over 50k",
    "renegotiation": "Moved because the auditors came early",
}


@pytest.fixture
def world(desk: Desk) -> dict[str, int]:
    """One person with open and closed items, and private notes about her."""
    ada = desk.add_person("Ada Lovelace")
    gone = desk.add_person("Archie Ved")
    plan = desk.add_delegation(
        ada,
        "Budget 2027",
        5,
        done_means=ITEM_NOTES["done means"],
        involve_me_when=ITEM_NOTES["involve me when"],
        plan_checkpoint=False,
    )
    open_checkpoint = desk.plan_checkpoint(plan, TODAY + timedelta(days=7))
    done_checkpoint = desk.plan_checkpoint(plan, TODAY - timedelta(days=7))
    desk.complete_checkpoint(done_checkpoint, CheckpointOutcome.ON_TRACK, note="Went fine")
    mine = desk.add_promise(ada, PromiseDirection.MINE, "Intro to the CFO", TODAY + timedelta(3))
    theirs = desk.add_promise(ada, PromiseDirection.THEIRS, "Draft plan", TODAY + timedelta(5))
    desk.renegotiate_promise(theirs, TODAY + timedelta(10), note=ITEM_NOTES["renegotiation"])
    desk.add_promise(ada, PromiseDirection.MINE, "Someday, no date")
    kept = desk.add_promise(ada, PromiseDirection.MINE, "Already done", TODAY + timedelta(1))
    desk.keep_promise(kept)
    archived = desk.add_promise(gone, PromiseDirection.MINE, "For the archived", TODAY)
    desk.archive_person(gone)
    desk.add_relationship_note(ada, PRIVATE["relationship"], topic="personal context")
    desk.record_one_on_one(ada, private_notes=PRIVATE["private 1:1"], shared_notes="Roadmap")
    desk.add_assessment(ada, 3, 4, 4, 4, note=PRIVATE["assessment"])
    return {"checkpoint": open_checkpoint, "mine": mine, "theirs": theirs, "archived": archived}


def _export(
    desk: Desk, path: Path, include_notes: bool = False, **options: object
) -> tuple[Calendar, str]:
    summary = export_ics(desk, path, include_notes=include_notes, now=lambda: STAMP, **options)
    assert summary.path == path
    raw = path.read_bytes().decode("utf-8")
    unfolded = raw.replace("\r\n ", "").replace("\\n", "\n").replace("\\,", ",")
    return Calendar.from_ical(raw), unfolded


def _entries(desk: Desk, path: Path, **options: object) -> dict[str, Entry]:
    """The file as both parsers read it, after the strict structural checks."""
    export_ics(desk, path, now=lambda: STAMP, **options)
    return read_calendar(path)


def test_checkpoints_and_promise_due_dates_are_all_day_events(
    desk: Desk, world: dict[str, int], tmp_path: Path
) -> None:
    calendar, _ = _export(desk, tmp_path / "leaddesk.ics")
    assert str(calendar["prodid"]) == PRODID
    assert str(calendar["version"]) == "2.0"
    entries = read_calendar(tmp_path / "leaddesk.ics")
    # Google Calendar and Outlook drop to-dos on import: none unless asked for.
    assert {e.kind for e in entries.values()} == {"VEVENT"}
    # The planned checkpoint, the one completing the other checkpoint planned next, 2 promises
    # (and each person's next 1:1: tests/reports/test_calendar_ics_one_on_ones.py).
    assert len([uid for uid in entries if not uid.startswith("one-on-one-")]) == 4
    event = entries[f"checkpoint-{world['checkpoint']}@leaddesk"]
    assert event.summary == "Checkpoint: Budget 2027 (Ada Lovelace)"
    assert (event.start, event.end) == (TODAY + timedelta(days=7), TODAY + timedelta(days=8))
    assert not isinstance(event.start, datetime)  # all day
    mine = entries[f"promise-due-{world['mine']}@leaddesk"]
    theirs = entries[f"promise-due-{world['theirs']}@leaddesk"]
    assert mine.summary == "Promise to Ada Lovelace: Intro to the CFO"
    assert (mine.start, mine.end) == (TODAY + timedelta(days=3), TODAY + timedelta(days=4))
    assert not isinstance(mine.start, datetime)
    assert mine.transp == "TRANSPARENT"  # a due date, not a meeting: the day stays free
    assert theirs.summary == "Promise from Ada Lovelace: Draft plan"
    assert theirs.start == TODAY + timedelta(days=10)  # the renegotiated date
    assert "Made on 25 Nov 2026." in mine.description
    assert calendar.walk("VEVENT")[0].decoded("dtstamp") == STAMP


def test_promises_also_as_todos_when_asked_with_their_own_uids(
    desk: Desk, world: dict[str, int], tmp_path: Path
) -> None:
    entries = _entries(desk, tmp_path / "todos.ics", todos=True)
    todos = {uid: e for uid, e in entries.items() if e.kind == "VTODO"}
    # The to-do keeps the UID the to-dos always had (an earlier import updates in place); the
    # event has its own: a calendar refuses one UID turning from to-do into event.
    assert set(todos) == {
        f"promise-{world['mine']}@leaddesk",
        f"promise-{world['theirs']}@leaddesk",
    }
    mine = todos[f"promise-{world['mine']}@leaddesk"]
    assert mine.summary == "Promise to Ada Lovelace: Intro to the CFO"
    assert mine.due == TODAY + timedelta(days=3) and mine.start is None
    assert mine.alarms == ()  # the event's alarm is enough: one reminder, not two
    events = [u for u, e in entries.items() if e.kind == "VEVENT" and "one-on-one" not in u]
    assert len(events) == 4 and f"promise-due-{world['mine']}@leaddesk" in entries


def test_alarms_ring_before_checkpoints_and_my_promises_and_name_nothing(
    desk: Desk, world: dict[str, int], tmp_path: Path
) -> None:
    assert desk.settings().ics_alarm_lead_minutes == 420  # the default: the day before, 17:00
    entries = _entries(desk, tmp_path / "alarms.ics")
    checkpoint = entries[f"checkpoint-{world['checkpoint']}@leaddesk"]
    mine = entries[f"promise-due-{world['mine']}@leaddesk"]
    theirs = entries[f"promise-due-{world['theirs']}@leaddesk"]
    before = timedelta(hours=-7)  # from the day's midnight: 17:00 the day before
    assert checkpoint.alarms == (Alarm("DISPLAY", before, "LeadDesk: checkpoint due"),)
    assert mine.alarms == (Alarm("DISPLAY", before, "LeadDesk: promise due"),)
    assert theirs.alarms == ()  # their promise: theirs to remember


def test_the_lead_time_is_the_setting_and_zero_means_no_alarms(
    desk: Desk, world: dict[str, int], tmp_path: Path
) -> None:
    desk.update_settings(ics_alarm_lead_minutes=1440 + 15 * 60)  # 2 days before at 09:00
    entries = _entries(desk, tmp_path / "early.ics")
    [alarm] = entries[f"checkpoint-{world['checkpoint']}@leaddesk"].alarms
    assert alarm.trigger == timedelta(hours=-39)
    assert _entries(desk, tmp_path / "once.ics", alarm_minutes=30)[
        f"promise-due-{world['mine']}@leaddesk"
    ].alarms[0].trigger == timedelta(minutes=-30)
    desk.update_settings(ics_alarm_lead_minutes=0)
    entries = _entries(desk, tmp_path / "quiet.ics")
    assert all(e.alarms == () for e in entries.values())
    assert b"VALARM" not in (tmp_path / "quiet.ics").read_bytes()


def test_overdue_items_get_no_alarm(desk: Desk, tmp_path: Path) -> None:
    """An alarm in the past fires the moment the file is imported (Thunderbird lists every one
    as missed): overdue items already shout in LeadDesk, the calendar need not."""
    ada = desk.add_person("Ada Lovelace")
    made = TODAY - timedelta(days=9)
    late = desk.add_promise(ada, PromiseDirection.MINE, "Late", TODAY - timedelta(days=2), made)
    due_today = desk.add_promise(ada, PromiseDirection.MINE, "Today", TODAY)
    entries = _entries(desk, tmp_path / "late.ics")
    assert entries[f"promise-due-{late}@leaddesk"].alarms == ()
    assert len(entries[f"promise-due-{due_today}@leaddesk"].alarms) == 1


def test_alarms_name_what_is_due_only_with_the_notes(
    desk: Desk, world: dict[str, int], tmp_path: Path
) -> None:
    entries = _entries(desk, tmp_path / "named.ics", include_notes=True)
    [alarm] = entries[f"promise-due-{world['mine']}@leaddesk"].alarms
    assert alarm.description == "Promise to Ada Lovelace: Intro to the CFO"
    plain = _entries(desk, tmp_path / "plain.ics")
    for entry in plain.values():
        for alarm in entry.alarms:
            assert "Ada" not in alarm.description and "Budget" not in alarm.description


def test_the_structure_checks_catch_a_broken_file() -> None:
    """The strict checks the tests rely on do fail: a bare LF, a long line, a VALARM without
    DESCRIPTION."""
    good = calendar_bytes(_items(), STAMP, CalendarOptions(alarm_minutes=60))
    check_components(check_lines(good))
    with pytest.raises(AssertionError, match="bare LF"):
        check_lines(good.replace(b"\r\n", b"\n", 1))
    with pytest.raises(AssertionError, match="octets long"):
        check_lines(good.replace(b"SUMMARY:", b"SUMMARY:" + b"x" * 80, 1))
    with pytest.raises(AssertionError, match="VALARM needs exactly one DESCRIPTION"):
        check_components(
            check_lines(good.replace(b"DESCRIPTION:LeadDesk: checkpoint due\r\n", b""))
        )


def _items():  # one checkpoint a week ahead
    from leaddesk.domain.levels import EmpowermentLevel
    from leaddesk.services.calendar import CalendarCheckpoint, CalendarItems

    day = TODAY + timedelta(days=7)
    return CalendarItems(
        (CalendarCheckpoint(1, day, "Plan", "Ada", EmpowermentLevel.CONSULT, ()),), ()
    )


def test_uids_are_stable_between_exports(desk: Desk, world: dict[str, int], tmp_path: Path) -> None:
    first, _ = _export(desk, tmp_path / "a.ics")
    desk.add_promise(
        desk.find_person("Ada").id, PromiseDirection.MINE, "One more", TODAY + timedelta(2)
    )
    second, _ = _export(desk, tmp_path / "b.ics")
    before = {str(c["uid"]) for c in first.walk() if "uid" in c}
    after = {str(c["uid"]) for c in second.walk() if "uid" in c}
    assert before < after and len(after - before) == 1


def test_no_note_text_without_the_flag(desk: Desk, world: dict[str, int], tmp_path: Path) -> None:
    calendar, text = _export(desk, tmp_path / "plain.ics")
    for secret in [*PRIVATE.values(), *ITEM_NOTES.values(), "Went fine", "Roadmap"]:
        assert secret not in text, secret
    described = " ".join(str(c.get("description", "")) for c in calendar.walk())
    assert "Level: 5 Advise" in described


def test_the_flag_adds_the_items_own_notes_but_never_private_ones(
    desk: Desk, world: dict[str, int], tmp_path: Path
) -> None:
    calendar, text = _export(desk, tmp_path / "notes.ics", include_notes=True)
    event = calendar.walk("VEVENT")[0]
    assert ITEM_NOTES["done means"] in str(event["description"])
    assert ITEM_NOTES["involve me when"] in str(event["description"])
    for note in ITEM_NOTES.values():
        assert note in text, note
    for secret in PRIVATE.values():
        assert secret not in text, secret


def test_archived_people_and_closed_items_stay_out(
    desk: Desk, world: dict[str, int], tmp_path: Path
) -> None:
    _, text = _export(desk, tmp_path / "leaddesk.ics", include_notes=True)
    for absent in ("For the archived", "Archie Ved", "Already done", "Someday, no date"):
        assert absent not in text, absent


def test_an_empty_store_gives_a_valid_empty_calendar(desk: Desk, tmp_path: Path) -> None:
    calendar, _ = _export(desk, tmp_path / "empty.ics")
    assert calendar.walk("VEVENT") == [] and calendar.walk("VTODO") == []
    assert str(calendar["prodid"]) == PRODID
    assert read_calendar(tmp_path / "empty.ics") == {}
