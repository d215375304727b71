"""The calendar export: parses back with icalendar, stable UIDs, no private text unless asked."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports.calendar_ics import PRODID, export_ics
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


def _export(desk: Desk, path: Path, include_notes: bool = False) -> tuple[Calendar, str]:
    summary = export_ics(desk, path, include_notes=include_notes, now=lambda: STAMP)
    assert summary.path == path
    raw = path.read_bytes().decode("utf-8")
    unfolded = raw.replace("\r\n ", "").replace("\\n", "\n").replace("\\,", ",")
    return Calendar.from_ical(raw), unfolded


def test_checkpoints_are_all_day_events_and_promises_are_todos_with_due_dates(
    desk: Desk, world: dict[str, int], tmp_path: Path
) -> None:
    calendar, _ = _export(desk, tmp_path / "leaddesk.ics")
    assert str(calendar["prodid"]) == PRODID
    assert str(calendar["version"]) == "2.0"
    # The planned one, and the one completing the other checkpoint planned next.
    events = {
        str(e["uid"]): e for e in calendar.walk("VEVENT") if "Checkpoint" in e["categories"].cats
    }
    assert len(events) == 2
    event = events[f"checkpoint-{world['checkpoint']}@leaddesk"]
    assert str(event["summary"]) == "Checkpoint: Budget 2027 (Ada Lovelace)"
    assert event.decoded("dtstart") == TODAY + timedelta(days=7)
    assert not isinstance(event.decoded("dtstart"), datetime)  # all day
    assert event.decoded("dtend") == TODAY + timedelta(days=8)
    assert event.decoded("dtstamp") == STAMP
    todos = {str(t["uid"]): t for t in calendar.walk("VTODO")}
    assert set(todos) == {
        f"promise-{world['mine']}@leaddesk",
        f"promise-{world['theirs']}@leaddesk",
    }
    mine, theirs = (
        todos[f"promise-{world['mine']}@leaddesk"],
        todos[f"promise-{world['theirs']}@leaddesk"],
    )
    assert str(mine["summary"]) == "Promise to Ada Lovelace: Intro to the CFO"
    assert mine.decoded("due") == TODAY + timedelta(days=3)
    assert str(theirs["summary"]) == "Promise from Ada Lovelace: Draft plan"
    assert theirs.decoded("due") == TODAY + timedelta(days=10)  # the renegotiated date
    assert str(mine["status"]) == "NEEDS-ACTION"


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
