"""CSV roster: every file shape a spreadsheet writes, every problem at once, nothing half-done."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from leaddesk.domain.errors import ValidationError
from leaddesk.reports.roster_csv import RosterFileError, plan_roster_file, read_roster
from leaddesk.services.desk import Desk
from leaddesk.services.roster import FieldChange, RosterAction, RosterRow


def _write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "roster.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _people(desk: Desk) -> list[tuple[object, ...]]:
    return [
        (p.name, p.role, p.area, p.email, p.in_role_since, p.reports_to_name, p.archived)
        for p in desk.people(include_archived=True)
    ]


def test_bom_semicolons_quoted_fields_and_loose_headers_are_read(
    desk: Desk, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        "\ufeffName ; ROLE;Area;E-Mail;Reports To;in_role_since;Notes\r\n"
        'Ada Lovelace;VP Engineering;"Platform; Infra";ada@example.com;;2024-03-01;"two\r\n'
        'lines of notes"\r\n'
        "\r\n"
        'Bob Byte;"Lead; Payments";;;ada lovelace;;\r\n',
        encoding="utf-8",
    )
    roster = read_roster(path)
    assert roster.problems == ()
    assert roster.ignored_columns == ("notes",)
    assert roster.rows == (
        RosterRow(
            2,
            "Ada Lovelace",
            "VP Engineering",
            "Platform; Infra",
            "ada@example.com",
            None,
            date(2024, 3, 1),
        ),
        RosterRow(5, "Bob Byte", "Lead; Payments", None, None, "ada lovelace", None),
    )
    _, plan = plan_roster_file(desk, path)
    desk.apply_roster(plan)
    people = {p.name: p for p in desk.people()}
    assert people["Ada Lovelace"].area == "Platform; Infra"
    assert people["Bob Byte"].reports_to_name == "Ada Lovelace"


def test_comma_file_without_bom_adds_updates_and_leaves_people_unchanged(
    desk: Desk, tmp_path: Path
) -> None:
    ada = desk.add_person("Ada Lovelace", role="Engineer", email="ada@example.com")
    desk.add_person("Carol Chen", role="CFO", area="Finance")
    path = _write(
        tmp_path,
        "name,role,area,email,reports-to,in-role-since\n"
        "ada lovelace,VP Engineering,,,,2024-03-01\n"
        "Dan Dev,Tech Lead,Platform,dan@example.com,Eve Ops,\n"
        "Carol Chen,CFO,Finance,,,\n"
        "Eve Ops,Head of Ops,,,,\n",
    )
    _, plan = plan_roster_file(desk, path)
    assert [(e.line, e.name, e.action) for e in plan.entries] == [
        (2, "ada lovelace", RosterAction.UPDATED),
        (3, "Dan Dev", RosterAction.ADDED),
        (4, "Carol Chen", RosterAction.UNCHANGED),
        (5, "Eve Ops", RosterAction.ADDED),
    ]
    assert plan.entries[0].person_id == ada
    assert plan.entries[0].changes == (
        FieldChange("name", "Ada Lovelace", "ada lovelace"),
        FieldChange("role", "Engineer", "VP Engineering"),
        FieldChange("in-role-since", None, date(2024, 3, 1)),
    )
    assert FieldChange("reports-to", None, "Eve Ops") in plan.entries[1].changes
    assert _people(desk)[0][:2] == ("Ada Lovelace", "Engineer")  # planning wrote nothing

    done = desk.apply_roster(plan)
    assert done == plan
    people = {p.name: p for p in desk.people()}
    assert people["ada lovelace"].email == "ada@example.com"  # an empty cell keeps the value
    assert people["ada lovelace"].in_role_since == date(2024, 3, 1)
    assert people["Dan Dev"].reports_to_name == "Eve Ops"  # named on a later line
    assert people["Eve Ops"].is_direct_report
    again = desk.plan_roster(read_roster(path).rows)
    assert {e.action for e in again.entries} == {RosterAction.UNCHANGED}


def test_reports_to_may_name_someone_already_in_the_store(desk: Desk, tmp_path: Path) -> None:
    desk.add_person("Ada Lovelace")
    path = _write(tmp_path, "name;reports to\nBob Byte;ADA LOVELACE\n")
    _, plan = plan_roster_file(desk, path)
    desk.apply_roster(plan)
    assert {p.name: p.reports_to_name for p in desk.people()}["Bob Byte"] == "Ada Lovelace"


def test_every_problem_is_listed_with_file_line_and_field_and_nothing_is_imported(
    desk: Desk, tmp_path: Path
) -> None:
    desk.add_person("Ada Lovelace")
    before = _people(desk)
    path = _write(
        tmp_path,
        "name,role,reports-to,in-role-since,email\n"
        "Bob Byte,Lead,Nobody Known,,\n"  # 2: unknown reports-to
        'Carol Chen,"CFO, Finance",,2024-02-30,\n'  # 3: impossible date
        ",Orphan role,,,\n"  # 4: empty name
        "bob byte,Again,,,\n"  # 5: duplicate of line 2
        "Dan Dev,,Eve Ops,,\n"  # 6: loop Dan -> Eve -> Dan
        "Eve Ops,,Dan Dev,,\n"  # 7
        "Fay Self,,fay self,,\n"  # 8: reports to herself
        "Gus Mail,,,,not-an-address\n",  # 9: bad e-mail
    )
    with pytest.raises(RosterFileError) as raised:
        plan_roster_file(desk, path)
    lines = str(raised.value).splitlines()
    assert lines[0] == f"{path}: 7 problems, nothing was imported:"
    assert lines[1:] == [
        f"{path}, line 2, reports-to: Nobody called Nobody Known is in this roster or in the "
        "store.",
        f"{path}, line 3, in-role-since: In role since '2024-02-30' is not a date; write it as "
        "YYYY-MM-DD.",
        f"{path}, line 4, name: The name is empty.",
        f"{path}, line 5, name: bob byte is listed twice (also on line 2).",
        f"{path}, line 6, reports-to: Reporting loop: Dan Dev → Eve Ops → Dan Dev.",
        f"{path}, line 8, reports-to: Fay Self cannot report to themselves.",
        f"{path}, line 9, email: 'not-an-address' does not look like an e-mail address.",
    ]
    assert _people(desk) == before


def test_a_loop_through_people_already_in_the_store_is_refused(desk: Desk, tmp_path: Path) -> None:
    ada = desk.add_person("Ada Lovelace")
    desk.add_person("Bob Byte", reports_to_id=ada)
    before = _people(desk)
    path = _write(tmp_path, "name,reports-to\nAda Lovelace,Bob Byte\n")
    with pytest.raises(RosterFileError, match=r"line 2, reports-to: Reporting loop: Ada Love"):
        plan_roster_file(desk, path)
    assert _people(desk) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"roster.csv: The file is empty\."),
        (b"\xef\xbb\xbf \r\n\r\n", r"roster.csv: The file is empty\."),
        (
            "name,role\nAda,VP\nJos\xe9,CFO\n".encode("latin-1"),
            r"roster.csv, line 3: This is not UTF-8 text \(byte 0xe9\)",
        ),
        (b"role,area\nVP,Platform\n", r"roster.csv, line 1, name: There is no 'name' column"),
        (b"name,role\n", r"roster.csv, line 1: The file has a header but nobody in it"),
        (b"name,name\nAda,Ada\n", r"roster.csv, line 1, name: This column appears twice"),
        (
            b"name,role\nAda,VP,Platform,extra\n",
            r"roster.csv, line 2: 4 fields but the header has 2; quote any field",
        ),
        (b'name,role\nAda,"VP\n', r"roster.csv, line 2: Cannot read this line"),
        (b",,,\n,,\n", r"roster.csv: The file lists nobody: every cell is empty"),
    ],
    ids=[
        "empty",
        "only a BOM and blank lines",
        "not UTF-8",
        "missing name column",
        "header only",
        "column twice",
        "too many fields",
        "unclosed quote",
        "only empty cells",
    ],
)
def test_broken_files_are_refused_with_their_line(
    desk: Desk, tmp_path: Path, content: bytes, message: str
) -> None:
    before = _people(desk)
    path = tmp_path / "roster.csv"
    path.write_bytes(content)
    with pytest.raises(RosterFileError, match=message):
        plan_roster_file(desk, path)
    assert _people(desk) == before


def test_a_plan_made_before_the_store_changed_is_not_applied(desk: Desk, tmp_path: Path) -> None:
    path = _write(tmp_path, "name,role\nAda Lovelace,VP\n")
    _, plan = plan_roster_file(desk, path)
    desk.add_person("ada lovelace", role="Engineer")  # meanwhile, in another window
    with pytest.raises(ValidationError, match="changed since this roster was checked"):
        desk.apply_roster(plan)
    assert [(p.name, p.role) for p in desk.people()] == [("ada lovelace", "Engineer")]


def test_a_plan_with_problems_is_not_applied(desk: Desk) -> None:
    plan = desk.plan_roster([RosterRow(2, "Ada", reports_to="Nobody")])
    assert plan.entries == ()
    assert [(p.line, p.field) for p in plan.problems] == [(2, "reports-to")]
    with pytest.raises(ValidationError, match="1 problem"):
        desk.apply_roster(plan)
    assert desk.people() == []


def test_two_people_of_the_same_name_in_the_store_make_a_row_ambiguous(desk: Desk) -> None:
    desk.add_person("Sam Lee")
    desk.add_person("sam lee")
    plan = desk.plan_roster([RosterRow(2, "Sam Lee", role="VP")])
    assert [(p.line, p.field) for p in plan.problems] == [(2, "name")]
    plan = desk.plan_roster([RosterRow(3, "Kim", reports_to="SAM LEE")])
    assert [(p.line, p.field, p.message) for p in plan.problems] == [
        (3, "reports-to", "Several people in the store are called SAM LEE.")
    ]
