"""`leaddesk add person`, typed dates on the terminal, finding people by name, `week --all`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers.cli import run

from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk

# Today is Wednesday 25 Nov 2026 (tests/conftest.py). tests/ui/capture/test_due_date_field.py
# types the same words into quick capture's due field and expects the same days.
TYPED = [
    ("fri", date(2026, 11, 27)),
    ("Wednesday", date(2026, 12, 2)),
    ("2 Dec", date(2026, 12, 2)),
    ("Dec 2", date(2026, 12, 2)),
    ("+1m", date(2026, 12, 25)),
    ("+2w", date(2026, 12, 9)),
    ("2 Dec 2027", date(2027, 12, 2)),
]


@pytest.fixture
def team(desk: Desk) -> Path:
    desk.add_person("Ada Lovelace", role="VP Engineering")
    desk.add_person("Grace Hopper", role="CTO")
    path = desk.path
    desk.close()
    return path


def one_line(code: int, out: str, err: str) -> str:
    assert (code, out) == (2, ""), err
    assert err.startswith("leaddesk: ") and err.count("\n") == 1 and "Traceback" not in err
    return err


def people_in(path: Path) -> list[tuple[str, str | None, str | None, date | None]]:
    desk = Desk.open(path)
    try:
        return [
            (p.name, p.role, p.reports_to_name, p.in_role_since)
            for p in desk.people(include_archived=True)
        ]
    finally:
        desk.close()


# -- add person -------------------------------------------------------------------------------
def test_add_person_with_role_manager_and_start_date(team: Path, capsys) -> None:
    code, out, err = run(
        capsys,
        *("--db", str(team), "add", "person", "Katherine", "Johnson"),
        *("--role", "Head of Data", "--area", "Analytics", "--reports-to", "grace"),
        *("--email", "kj@example.org", "--started", "2 Mar"),
    )
    assert (code, err) == (0, "")
    assert out == (
        "Added Katherine Johnson (Head of Data), reporting to Grace Hopper, in the role since "
        "2026-03-02.\n"
    )
    assert ("Katherine Johnson", "Head of Data", "Grace Hopper", date(2026, 3, 2)) in people_in(
        team
    )


def test_a_start_date_looks_back_a_due_date_looks_ahead(team: Path, capsys) -> None:
    assert run(capsys, "--db", str(team), "add", "person", "Mary", "--started", "mon")[0] == 0
    assert run(capsys, "--db", str(team), "add", "person", "Dot", "--started=-2w")[0] == 0
    started = {name: since for name, _, _, since in people_in(team)}
    assert started["Mary"] == date(2026, 11, 23)  # last Monday, not next
    assert started["Dot"] == date(2026, 11, 11)


def test_add_person_is_a_direct_report_by_default(team: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(team), "add", "person", "Mary Jackson")
    assert (code, out) == (0, "Added Mary Jackson, a direct report.\n")
    assert ("Mary Jackson", None, None, None) in people_in(team)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["ada", "lovelace"], "Someone is already called 'Ada Lovelace'; the terminal finds"),
        (["Mary", "--reports-to", "zed"], "Nobody is called 'zed'."),
        (["Mary", "--started", "31 Apr"], "--started '31 Apr' is not a day of the calendar."),
        (["Mary", "--started", "soon"], "--started 'soon' is not a date; write it as YYYY-MM-DD"),
        (["Mary", "--email", "not-an-address"], "does not look like an e-mail address"),
        (["  "], "NAME cannot be empty."),
        ([], "the following arguments are required: NAME"),
    ],
)
def test_add_person_refusals_are_one_line_and_write_nothing(
    team: Path, capsys, argv: list[str], message: str
) -> None:
    before = people_in(team)
    err = one_line(*run(capsys, "--db", str(team), "add", "person", *argv))
    assert message in err
    assert people_in(team) == before


# -- dates on the terminal read as quick capture reads them ---------------------------------------
@pytest.mark.parametrize(("typed", "due"), TYPED)
def test_due_reads_what_quick_capture_reads(team: Path, capsys, typed: str, due: date) -> None:
    code, out, _ = run(
        capsys, "--db", str(team), "add", "promise", "--person", "ada", "--due", typed, "Plan"
    )
    assert code == 0
    assert out.endswith(f", due {due.isoformat()}.\n")
    desk = Desk.open(team)
    assert [p.due_on for p in desk.promises()] == [due]
    desk.close()


def test_a_date_counted_back_needs_no_equals_sign(team: Path, capsys) -> None:
    assert run(capsys, "--db", str(team), "add", "person", "Dot", "--started", "-2w")[0] == 0
    code, out, _ = run(capsys, "--db", str(team), "week", "--date", "-1w")
    assert code == 0 and out.startswith("Week of 16 November 2026")
    assert ("Dot", None, None, date(2026, 11, 11)) in people_in(team)


def test_an_empty_due_is_refused_not_taken_for_no_date(team: Path, capsys) -> None:
    err = one_line(
        *run(capsys, "--db", str(team), "add", "promise", "--person", "ada", "--due", "", "x")
    )
    assert "--due '' is not a date" in err


@pytest.mark.parametrize(
    ("typed", "week_of"), [("fri", "23 November"), ("2 Dec", "30 November"), ("-1w", "16 Nov")]
)
def test_week_date_reads_the_same_forms(team: Path, capsys, typed: str, week_of: str) -> None:
    code, out, _ = run(capsys, "--db", str(team), "week", f"--date={typed}")
    assert code == 0
    assert out.startswith(f"Week of {week_of}")


# -- finding a person by name -----------------------------------------------------------------
@pytest.fixture
def big_team(desk: Desk) -> Path:
    for n in range(30):
        desk.add_person(f"Person {n:02d}")
    desk.add_person("Grace Hopper")
    desk.add_person("Zara Hopkins")
    path = desk.path
    desk.close()
    return path


def test_an_unknown_name_lists_ten_and_says_how_many_more(big_team: Path, capsys) -> None:
    err = one_line(*run(capsys, "--db", str(big_team), "add", "note", "--person", "Xyz", "hi"))
    listed = "Grace Hopper, " + ", ".join(f"Person {n:02d}" for n in range(9))
    assert err == (
        f"leaddesk: Nobody is called 'Xyz'. People: {listed} … and 22 more; "
        f"`leaddesk --db {big_team} people --all` lists them all.\n"
    )


def test_the_store_in_leaddesk_db_needs_no_db_in_the_hint(
    big_team: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADDESK_DB", str(big_team))
    err = one_line(*run(capsys, "add", "note", "--person", "Xyz", "hi"))
    assert err.endswith("… and 22 more; `leaddesk people --all` lists them all.\n")


def test_an_unknown_name_lists_close_names_first(big_team: Path, capsys) -> None:
    err = one_line(*run(capsys, "--db", str(big_team), "add", "note", "--person", "Hopkns", "x"))
    assert "Nobody is called 'Hopkns'. People (closest first): Zara Hopkins, Grace Hopper, " in err
    assert "… and 22 more" in err


def test_a_name_matching_many_lists_ten_and_how_many_more(big_team: Path, capsys) -> None:
    err = one_line(*run(capsys, "--db", str(big_team), "add", "note", "--person", "Person", "x"))
    assert "'Person' matches several people: Person 00, Person 01," in err
    assert "Person 09 … and 20 more; give more of the name." in err


# -- week --all -------------------------------------------------------------------------------
def test_week_cuts_at_15_says_so_and_all_shows_every_item(desk: Desk, capsys) -> None:
    for n in range(20):
        person = desk.add_person(f"Person {n:02d}")
        desk.add_promise(person, PromiseDirection.MINE, f"Promise {n:02d}", due_on=desk.today())
    path = desk.path
    desk.close()
    code, out, _ = run(capsys, "--db", str(path), "week")
    assert code == 0
    attention = out.split("Needs attention (40):\n")[1].split("\n\n")[0].splitlines()
    assert len(attention) == 16  # 20 promises due and 20 people without a 1:1: 15 shown
    assert attention[-1] == "    … and 25 more (use --all)"
    assert "Promise 19" not in out
    code, out, _ = run(capsys, "--db", str(path), "week", "--all")
    assert code == 0
    assert all(f"Promise {n:02d}" in out for n in range(20))
    assert "more (use --all)" not in out
