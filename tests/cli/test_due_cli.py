"""`leaddesk due [--days N] [--json]` from a terminal."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers.cli import run

from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk

TODAY = date(2026, 11, 25)


@pytest.fixture
def store(desk: Desk) -> Path:
    ada = desk.add_person("Ada Lovelace")
    desk.record_one_on_one(ada, held_on=TODAY - timedelta(days=3))
    grace = desk.add_person("Grace Hopper")
    desk.record_one_on_one(grace, held_on=TODAY - timedelta(days=20))
    mine = PromiseDirection.MINE
    desk.add_promise(
        ada,
        mine,
        "Send the budget",
        due_on=TODAY - timedelta(days=2),
        made_on=TODAY - timedelta(days=9),
    )
    desk.add_promise(ada, mine, "Book the offsite", due_on=TODAY)
    desk.add_promise(ada, mine, "Review the plan", due_on=TODAY + timedelta(days=3))
    desk.add_promise(ada, mine, "Next month", due_on=TODAY + timedelta(days=20))
    path = desk.path
    desk.close()
    return path


def test_due_groups_overdue_today_and_the_next_days(store: Path, capsys) -> None:
    code, out, err = run(capsys, "--db", str(store), "due")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Overdue (2)"
    assert "6 days overdue" in lines[1] and "Grace Hopper" in lines[1] and "1:1" in lines[1]
    assert "2 days overdue" in lines[2] and "My promise: Send the budget" in lines[2]
    assert lines[4] == "Today (1)"
    assert "today" in lines[5] and "Book the offsite" in lines[5]
    assert lines[7] == "Next 7 days (1)"
    assert "in 3 days" in lines[8] and "Review the plan" in lines[8]
    assert "Next month" not in out


def test_days_looks_further(store: Path, capsys) -> None:
    code, out, _err = run(capsys, "--db", str(store), "due", "--days", "30")
    assert code == 0
    assert "Next 30 days (2)" in out and "in 20 days" in out and "Next month" in out


def test_json_has_the_documented_shape(store: Path, capsys) -> None:
    code, out, err = run(capsys, "--db", str(store), "due", "--json", "--days", "3")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["version"] == 1 and data["today"] == "2026-11-25" and data["days"] == 3
    assert data["counts"] == {"overdue": 2, "today": 1, "upcoming": 1, "due_now": 3}
    first = data["items"][0]
    assert set(first) == {
        "when",
        "kind",
        "due",
        "days",
        "person",
        "person_id",
        "id",
        "what",
        "text",
    }
    assert [(i["when"], i["kind"], i["days"]) for i in data["items"]] == [
        ("overdue", "one_on_one", -6),
        ("overdue", "promise", -2),
        ("today", "promise", 0),
        ("upcoming", "promise", 3),
    ]
    assert data["items"][1]["what"] == "Send the budget" and data["items"][1]["due"] == "2026-11-23"


def test_nothing_due_still_exits_0(desk: Desk, capsys) -> None:
    path = desk.path
    desk.close()
    code, out, _err = run(capsys, "--db", str(path), "due", "--days", "0")
    assert code == 0
    assert out.strip() == "Nothing is overdue or due today."
    code, out, _err = run(capsys, "--db", str(path), "due", "--json")
    assert code == 0 and json.loads(out)["items"] == []


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--days", "-1"], "between 0 and 366"),
        (["--days", "many"], "whole number"),
    ],
)
def test_bad_days_is_one_line_and_exit_2(store: Path, capsys, args: list[str], says: str) -> None:
    code, out, err = run(capsys, "--db", str(store), "due", *args)
    assert (code, out) == (2, "")
    assert err.startswith("leaddesk: ") and says in err and err.count("\n") == 1


def test_no_store_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    code, out, err = run(capsys, "--db", str(tmp_path / "missing.db"), "due")
    assert (code, out) == (2, "")
    assert "There is no LeadDesk store" in err and err.count("\n") == 1
