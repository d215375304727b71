"""`export ics` writes each person's next 1:1 due date as an all-day event with a stable UID,
by their own rhythm or their place's default, and nothing of what was said in the 1:1s."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from leaddesk.reports.calendar_ics import export_ics, one_on_one_event
from leaddesk.services.desk import Desk
from leaddesk.services.one_on_one_rhythm import OneOnOneRhythm

TODAY = date(2026, 11, 25)
STAMP = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
PRIVATE = "Thinking about leaving for a startup"


@pytest.fixture
def people(desk: Desk) -> dict[str, int]:
    ada = desk.add_person("Ada Lovelace", one_on_one_every_days=21)
    desk.record_one_on_one(ada, held_on=TODAY - timedelta(days=5), private_notes=PRIVATE)
    zoe = desk.add_person("Zoe Quill", reports_to_id=ada)
    desk.record_one_on_one(zoe, held_on=TODAY - timedelta(days=40), shared_notes="Roadmap")
    kit = desk.add_person("Kit Deep", reports_to_id=zoe)  # below the skip-levels: not met
    gone = desk.add_person("Archie Ved")
    desk.archive_person(gone)
    return {"ada": ada, "zoe": zoe, "kit": kit, "gone": gone}


def one_on_ones(desk: Desk, path: Path) -> tuple[dict[str, object], str]:
    summary = export_ics(desk, path, now=lambda: STAMP)
    raw = path.read_bytes().decode("utf-8")
    events = {
        str(e["uid"]): e
        for e in Calendar.from_ical(raw).walk("VEVENT")
        if str(e["uid"]).startswith("one-on-one-")
    }
    assert summary.one_on_ones == len(events)
    return events, raw.replace("\r\n ", "")


def test_each_person_met_has_their_next_1_1_as_an_all_day_event(
    desk: Desk, people: dict[str, int], tmp_path: Path
) -> None:
    events, raw = one_on_ones(desk, tmp_path / "cal.ics")
    assert set(events) == {
        f"one-on-one-{people['ada']}@leaddesk",
        f"one-on-one-{people['zoe']}@leaddesk",
    }
    ada = events[f"one-on-one-{people['ada']}@leaddesk"]
    assert str(ada["summary"]) == "1:1 with Ada Lovelace"
    assert ada.decoded("dtstart") == TODAY + timedelta(days=16)  # 5 days ago + 3 weeks
    assert ada.decoded("dtend") == TODAY + timedelta(days=17)
    assert not isinstance(ada.decoded("dtstart"), datetime)  # all day
    assert str(ada["transp"]) == "TRANSPARENT"
    assert str(ada["description"]) == (
        "1:1 every 3 weeks (your rhythm with them).\nLast 1:1 on 20 Nov 2026."
    )
    zoe = events[f"one-on-one-{people['zoe']}@leaddesk"]
    assert zoe.decoded("dtstart") == TODAY - timedelta(days=10)  # overdue: a month after 16 Oct
    assert "monthly (your default for skip-levels)" in str(zoe["description"])
    # The raw lines, as any other reader sees them: a DATE value, not a date-time.
    assert f"DTSTART;VALUE=DATE:{(TODAY + timedelta(days=16)):%Y%m%d}" in raw
    for absent in (PRIVATE, "Roadmap", "Kit Deep", "Archie Ved"):
        assert absent not in raw, absent


def test_a_new_1_1_moves_the_event_instead_of_adding_one(
    desk: Desk, people: dict[str, int], tmp_path: Path
) -> None:
    before, _ = one_on_ones(desk, tmp_path / "a.ics")
    desk.record_one_on_one(people["zoe"], held_on=TODAY)
    desk.set_one_on_one_rhythm(people["ada"], 7)
    after, _ = one_on_ones(desk, tmp_path / "b.ics")
    assert set(after) == set(before)
    assert after[f"one-on-one-{people['zoe']}@leaddesk"].decoded("dtstart") == TODAY + timedelta(
        days=30
    )
    assert after[f"one-on-one-{people['ada']}@leaddesk"].decoded("dtstart") == TODAY + timedelta(
        days=2
    )


def test_the_summary_can_leave_the_name_out() -> None:
    rhythm = OneOnOneRhythm(7, "Ada Lovelace", 14, False, True, None, TODAY)
    event = one_on_one_event(rhythm, STAMP, with_names=False)
    assert str(event["summary"]) == "1:1 due"
    assert "Ada" not in event.to_ical().decode()
