"""`leaddesk export ics` as a user runs it: to-dos, alarms and their flags, the file read back by
two parsers after strict structural checks, and one-line errors for a wrong lead time."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers.cli import run
from helpers.ics_file import Alarm, read_calendar

from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk

TODAY = date(2026, 11, 25)


@pytest.fixture
def store(store_path: Path) -> Iterator[Path]:
    """Ada: a checkpoint in a week, my promise in 3 days, hers in 5; a private note."""
    desk = Desk.open(store_path, today=lambda: TODAY)
    ada = desk.add_person("Ada Lovelace")
    plan = desk.add_delegation(ada, "Budget 2027", 3, plan_checkpoint=False)
    desk.plan_checkpoint(plan, TODAY + timedelta(days=7))
    desk.add_promise(ada, PromiseDirection.MINE, "Intro to the CFO", TODAY + timedelta(days=3))
    desk.add_promise(ada, PromiseDirection.THEIRS, "Draft plan", TODAY + timedelta(days=5))
    desk.add_relationship_note(ada, "Private: training for a marathon")
    desk.close()
    yield store_path


def export(capsys, store: Path, target: Path, *flags: str) -> tuple[int, str, str]:
    return run(capsys, "--db", str(store), "export", "ics", "--out", str(target), *flags)


def by_summary(target: Path) -> dict[str, list[tuple[str, tuple[Alarm, ...]]]]:
    """Summary → [(kind, alarms)] of the file as both parsers read it."""
    found: dict[str, list[tuple[str, tuple[Alarm, ...]]]] = {}
    for entry in read_calendar(target).values():
        found.setdefault(entry.summary, []).append((entry.kind, entry.alarms))
    return found


def test_default_export_is_all_day_events_with_alarms_before_my_items(
    store: Path, tmp_path: Path, capsys
) -> None:
    target = tmp_path / "leaddesk.ics"
    code, out, err = export(capsys, store, target)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"Exported 1 checkpoint, 2 promise due dates and 1 next 1:1 to {target}.",
        "Alarms: the day before at 17:00, on checkpoints and your own promises.",
    ]
    day_before = (Alarm("DISPLAY", timedelta(hours=-7), "LeadDesk: checkpoint due"),)
    assert by_summary(target) == {
        "Checkpoint: Budget 2027 (Ada Lovelace)": [("VEVENT", day_before)],
        "Promise to Ada Lovelace: Intro to the CFO": [
            ("VEVENT", (Alarm("DISPLAY", timedelta(hours=-7), "LeadDesk: promise due"),))
        ],
        "Promise from Ada Lovelace: Draft plan": [("VEVENT", ())],
        "1:1 with Ada Lovelace": [("VEVENT", ())],  # a plan, not a promise: no alarm
    }
    assert b"marathon" not in target.read_bytes()


def test_todos_flag_adds_todos_beside_the_events(store: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "tasks.ics"
    code, out, _ = export(capsys, store, target, "--todos")
    assert code == 0 and "2 promise due dates (also as to-dos)" in out
    kinds = {
        summary: sorted(k for k, _ in entries) for summary, entries in by_summary(target).items()
    }
    assert kinds["Promise to Ada Lovelace: Intro to the CFO"] == ["VEVENT", "VTODO"]
    assert kinds["Promise from Ada Lovelace: Draft plan"] == ["VEVENT", "VTODO"]
    assert kinds["Checkpoint: Budget 2027 (Ada Lovelace)"] == ["VEVENT"]


def test_alarm_flags_override_the_setting(store: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "soon.ics"
    code, out, _ = export(capsys, store, target, "--alarm", "90")
    assert code == 0 and "Alarms: the day before at 22:30" in out
    triggers = {a.trigger for e in read_calendar(target).values() for a in e.alarms}
    assert triggers == {timedelta(minutes=-90)}
    code, out, _ = export(capsys, store, target, "--no-alarm")
    assert code == 0 and out.splitlines()[-1] == "No alarms."
    assert all(e.alarms == () for e in read_calendar(target).values())


def test_alarms_off_in_settings_says_how_to_add_them(store: Path, tmp_path: Path, capsys) -> None:
    desk = Desk.open(store, today=lambda: TODAY)
    desk.update_settings(ics_alarm_lead_minutes=0)
    desk.close()
    target = tmp_path / "quiet.ics"
    code, out, _ = export(capsys, store, target)
    assert code == 0 and "off in Settings (--alarm MINUTES" in out
    assert b"VALARM" not in target.read_bytes()


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--alarm", "-5"], "--alarm -5: give the minutes before the due day, from 0"),
        (["--alarm", "20161"], "--alarm 20161: give the minutes before the due day"),
        (["--alarm", "soon"], "argument --alarm: invalid int value: 'soon'"),
        (["--alarm", "60", "--no-alarm"], "not allowed with argument --alarm"),
    ],
)
def test_a_wrong_alarm_is_one_line_exit_2_and_writes_nothing(
    store: Path, tmp_path: Path, capsys, flags: list[str], message: str
) -> None:
    target = tmp_path / "x.ics"
    code, out, err = export(capsys, store, target, *flags)
    assert (code, out) == (2, "")
    assert message in err and err.count("\n") == 1
    assert not target.exists()


def test_the_installed_command_in_its_own_process_writes_a_file_both_parsers_read(
    tmp_path: Path,
) -> None:
    """`leaddesk demo`, then `leaddesk export ics --todos`: separate processes, as in a terminal."""
    store, target = tmp_path / "demo.db", tmp_path / "team.ics"
    env = {
        **os.environ,
        "LEADDESK_PASSPHRASE": "right horse battery",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }

    def leaddesk(*argv: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "leaddesk", "--db", str(store), *argv],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert (done.returncode, done.stderr) == (0, ""), done.stderr
        return done.stdout

    leaddesk("demo", "--people", "4", "--years", "1")
    out = leaddesk("export", "ics", "--out", str(target), "--todos")
    shape = r"Exported (\d+) checkpoints?, (\d+) promise due dates?.* and (\d+) next 1:1s?"
    found = re.match(shape, out)
    assert found, out
    checkpoints, promises, one_on_ones = int(found[1]), int(found[2]), int(found[3])
    assert checkpoints and promises and one_on_ones
    entries = read_calendar(target).values()
    assert sum(e.kind == "VEVENT" for e in entries) == checkpoints + promises + one_on_ones
    assert sum(e.kind == "VTODO" for e in entries) == promises
    alarms = [a for e in entries for a in e.alarms]
    assert alarms, "the demo has items due after today"
    assert {a.description for a in alarms} <= {"LeadDesk: checkpoint due", "LeadDesk: promise due"}
    assert {a.trigger for a in alarms} == {timedelta(hours=-7)}
