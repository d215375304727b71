"""`leaddesk export` and `leaddesk import` end to end: real stores, one-line errors, exit codes."""

from __future__ import annotations

import json
import os
import re
import sys
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.cli import run
from helpers.tmpfs import CAN_MOUNT, tiny_tmpfs
from icalendar import Calendar

from leaddesk.domain.promises import PromiseDirection
from leaddesk.security.keys import SERVICE, entry_name
from leaddesk.services.desk import Desk


@pytest.fixture
def team(store_path: Path) -> Iterator[Path]:
    """A small store: two people, a delegation with a planned checkpoint, a promise."""
    desk = Desk.open(store_path)
    ada = desk.add_person("Ada Lovelace", role="VP Engineering", area="Engineering")
    desk.add_person("Adam Smith", role="Finance Director", reports_to_id=ada)
    desk.add_delegation(ada, "Hiring plan", 3)
    desk.add_promise(ada, PromiseDirection.MINE, "Intro to the CFO", date(2099, 1, 1))
    desk.add_relationship_note(ada, "Private: training for a marathon")
    desk.close()
    yield store_path


def test_export_then_import_then_export_gives_the_same_data(
    team: Path, tmp_path: Path, capsys, memory_keyring
) -> None:
    first = tmp_path / "first.json"
    code, out, err = run(capsys, "--db", str(team), "export", "json", "--out", str(first))
    assert (code, err) == (0, "")
    assert out.startswith("Exported ") and f"in 18 tables to {first}" in out
    copy = tmp_path / "copy.db"
    code, out, err = run(capsys, "import", "json", str(first), "--db", str(copy))
    assert (code, err) == (0, "")
    assert out.strip().endswith(f"into a new store at {copy}.")
    assert memory_keyring.get_password(SERVICE, entry_name(copy))  # keyed like any new store
    second = tmp_path / "second.json"
    assert run(capsys, "export", "json", "--db", str(copy), "--out", str(second))[0] == 0
    a, b = json.loads(first.read_text()), json.loads(second.read_text())
    a.pop("exported_at"), b.pop("exported_at")
    assert a == b
    assert a["tables"]["person"][0]["name"] == "Ada Lovelace"


def test_import_of_a_cut_file_is_one_line_exit_2_and_leaves_no_store(
    team: Path, tmp_path: Path, capsys, memory_keyring
) -> None:
    good = tmp_path / "good.json"
    run(capsys, "--db", str(team), "export", "json", "--out", str(good))
    cut = tmp_path / "cut.json"
    cut.write_bytes(good.read_bytes()[:-40])
    target = tmp_path / "new.db"
    code, out, err = run(capsys, "import", "json", str(cut), "--db", str(target))
    assert (code, out) == (2, "")
    assert err.startswith(f"leaddesk: {cut}, line ")
    assert "cut short" in err
    assert err.count("\n") == 1
    assert not target.exists()
    assert memory_keyring.get_password(SERVICE, entry_name(target)) is None


def test_import_json_refuses_an_existing_store(team: Path, tmp_path: Path, capsys) -> None:
    source = tmp_path / "x.json"
    run(capsys, "--db", str(team), "export", "json", "--out", str(source))
    before = team.read_bytes()
    code, _, err = run(capsys, "--db", str(team), "import", "json", str(source))
    assert code == 2
    assert "already exists" in err
    assert team.read_bytes() == before


def test_export_into_a_missing_folder_is_a_one_line_error(
    team: Path, tmp_path: Path, capsys
) -> None:
    code, _, err = run(
        capsys, "--db", str(team), "export", "ics", "--out", str(tmp_path / "no" / "x.ics")
    )
    assert code == 2
    assert "does not exist" in err and err.count("\n") == 1


def test_export_needs_a_format_and_an_out_file(team: Path, capsys) -> None:
    assert run(capsys, "--db", str(team), "export")[0] == 2
    code, _, err = run(capsys, "--db", str(team), "export", "json")
    assert code == 2
    assert "--out" in err


def test_export_ics_keeps_private_notes_out(team: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "cal.ics"
    code, out, _ = run(capsys, "--db", str(team), "export", "ics", "--out", str(target))
    assert code == 0
    assert out.splitlines()[0] == (
        f"Exported 1 checkpoint, 1 promise due date and 2 next 1:1s to {target}."
    )
    calendar = Calendar.from_ical(target.read_bytes())
    assert "Promise to Ada Lovelace: Intro to the CFO" in [
        str(c["summary"]) for c in calendar.walk("VEVENT")
    ]
    assert b"marathon" not in target.read_bytes()
    code, out, _ = run(
        capsys, "--db", str(team), "export", "ics", "--include-notes", "--out", str(target)
    )
    assert code == 0 and "with their notes" in out
    assert b"marathon" not in target.read_bytes()


def test_roster_dry_run_prints_the_plan_and_writes_nothing(
    team: Path, tmp_path: Path, capsys
) -> None:
    roster = tmp_path / "team.csv"
    roster.write_text(
        "Name;Role;Reports to\nAda Lovelace;CTO;\nAdam Smith;Finance Director;Ada Lovelace\n"
        "Grace Hopper;Head of Compilers;ada lovelace\n",
        encoding="utf-8-sig",
    )
    code, out, err = run(capsys, "--db", str(team), "import", "roster", str(roster), "--dry-run")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    words = [" ".join(line.split()) for line in lines]
    assert words[0] == "line 2 updated Ada Lovelace role: 'VP Engineering' → 'CTO'"
    assert words[1] == "line 3 unchanged Adam Smith"
    assert words[2] == (
        "line 4 added Grace Hopper role: 'Head of Compilers'; reports-to: 'Ada Lovelace'"
    )
    assert lines[3] == (
        f"Roster {roster}: would add 1, update 1, leave 1 unchanged (dry run: nothing was written)."
    )
    code, out, _ = run(capsys, "--db", str(team), "people")
    assert "Grace" not in out and "VP Engineering" in out

    code, out, _ = run(capsys, "--db", str(team), "import", "roster", str(roster))
    assert (code, out.strip()) == (0, f"Roster {roster}: added 1, updated 1, 1 unchanged.")
    code, out, _ = run(capsys, "--db", str(team), "people")
    assert "Grace Hopper" in out and "CTO" in out


def test_roster_problems_are_all_listed_and_exit_2(team: Path, tmp_path: Path, capsys) -> None:
    roster = tmp_path / "team.csv"
    roster.write_text("name,reports-to,in-role-since\nBob,Nobody,\nCarol,,last year\n")
    code, out, err = run(capsys, "--db", str(team), "import", "roster", str(roster))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"leaddesk: {roster}: 2 problems, nothing was imported:",
        f"{roster}, line 2, reports-to: Nobody called Nobody is in this roster or in the store.",
        f"{roster}, line 3, in-role-since: In role since 'last year' is not a date; write it as "
        "YYYY-MM-DD.",
    ]


@pytest.mark.parametrize("what", [["json"], ["ics"], ["pdf", "--team"]], ids=["json", "ics", "pdf"])
def test_an_export_onto_the_store_itself_is_refused(team: Path, capsys, what: list[str]) -> None:
    before = team.read_bytes()
    code, out, err = run(capsys, "export", *what, "--db", str(team), "--out", str(team))
    assert (code, out) == (2, "")
    assert "is your LeadDesk store" in err and err.count("\n") == 1
    assert team.read_bytes() == before


@pytest.mark.parametrize(
    ("what", "name", "message"),
    [
        (
            ["pdf", "--team"],
            "x.txt",
            "--out x.txt: a PDF export goes into a .pdf file; give a "
            "name ending in .pdf, e.g. x.pdf.",
        ),
        (["pdf", "--person", "ada l"], "team", "a PDF export goes into a .pdf file"),
        (["json"], "all.csv", "--out all.csv: a JSON export goes into a .json file"),
        (["ics"], "cal.pdf", "--out cal.pdf: an ICS export goes into a .ics file"),
    ],
)
def test_an_export_into_a_file_named_for_another_kind_is_refused(
    team: Path, tmp_path: Path, capsys, what: list[str], name: str, message: str
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    code, out, err = run(capsys, "export", *what, "--db", str(team), "--out", str(folder / name))
    assert (code, out) == (2, "")
    assert message in err and err.count("\n") == 1
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("name", ["everything.JSON", "everything.Json"])
def test_the_suffix_is_read_in_any_case(team: Path, tmp_path: Path, capsys, name: str) -> None:
    code, _, err = run(capsys, "export", "json", "--db", str(team), "--out", str(tmp_path / name))
    assert (code, err) == (0, "")
    assert (tmp_path / name).exists()


# -- hostile files: one line, exit 2, nothing written -----------------------------------------
HOSTILE_JSON = [
    ("lone surrogate", '"text": "Intro \\ud800"', r"field text: holds a lone surrogate"),
    ("5,000-digit number", '"text": ' + "7" * 5000, r"a number too long"),
    ("NaN", '"text": NaN', r"NaN is not a number JSON allows"),
    ("Infinity", '"text": -Infinity', r"-Infinity is not a number JSON allows"),
    ("deep nesting", '"text": ' + "[" * 50_000 + "]" * 50_000, r"nested too deeply"),
    ("wrong type", '"text": {"a": 1}', r'field text: \{"a": 1\} is not text'),
]


@pytest.mark.parametrize(
    ("replacement", "message"),
    [(r, m) for _, r, m in HOSTILE_JSON],
    ids=[n for n, _, _ in HOSTILE_JSON],
)
def test_hostile_json_is_one_line_exit_2_and_writes_nothing(
    team: Path, tmp_path: Path, capsys, memory_keyring, replacement: str, message: str
) -> None:
    good = tmp_path / "good.json"
    run(capsys, "--db", str(team), "export", "json", "--out", str(good))
    text = good.read_text(encoding="utf-8")
    assert '"text": "Intro to the CFO"' in text
    bad = tmp_path / "bad.json"
    bad.write_text(text.replace('"text": "Intro to the CFO"', replacement), encoding="utf-8")
    keys_before = dict(memory_keyring.secrets)
    target = tmp_path / "new.db"
    code, out, err = run(capsys, "import", "json", str(bad), "--db", str(target))
    assert (code, out) == (2, "")
    assert re.search(message, err), err
    assert err.startswith(f"leaddesk: {bad}") and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json", "good.json", "leaddesk.db"]
    assert memory_keyring.secrets == keys_before


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")
@pytest.mark.parametrize("what", ["json", "roster"])
@pytest.mark.parametrize("source", ["/dev/zero", "fifo"])
def test_dev_zero_or_an_endless_fifo_is_one_clear_line(
    team: Path, tmp_path: Path, capsys, what: str, source: str
) -> None:
    path = Path(source)
    writer = None
    if source == "fifo":
        path = tmp_path / "endless"
        os.mkfifo(path)

        def endless() -> None:  # never ends by itself: only the reader leaving stops it
            try:
                with path.open("wb") as out:
                    while True:
                        out.write(b"spam, eggs\n" * 10_000)
            except BrokenPipeError:
                return

        writer = threading.Thread(target=endless, daemon=True)
        writer.start()
    db = ["--db", str(team if what == "roster" else tmp_path / "new.db")]
    before = _counts(team)
    code, out, err = run(capsys, "import", what, str(path), *db)
    if writer is not None:
        writer.join(timeout=60)
        assert not writer.is_alive()
    assert (code, out) == (2, "")
    assert err.startswith(f"leaddesk: {path}") and "Traceback" not in err
    expected = {
        ("json", "/dev/zero"): "holds NUL bytes, so it is not JSON text",
        ("json", "fifo"): 'not a LeadDesk export (it starts with something other than "{")',
        ("roster", "/dev/zero"): "The file holds NUL bytes, so it is not CSV text",
        ("roster", "fifo"): "The file is over 20 MB; is it a roster?",
    }[(what, source)]
    assert expected in err
    assert err.count("\n") == (1 if what == "json" else 2)  # the roster lists its problems
    assert not (tmp_path / "new.db").exists()
    assert _counts(team) == before


def _counts(store: Path) -> object:
    desk = Desk.open(store)
    try:
        return desk.counts()
    finally:
        desk.close()


@pytest.mark.skipif(not CAN_MOUNT, reason="mounts a tmpfs as root")
def test_import_json_onto_a_full_disk_is_one_line_exit_2_and_leaves_nothing(
    team: Path, tmp_path: Path, capsys, memory_keyring
) -> None:
    good = tmp_path / "good.json"
    run(capsys, "--db", str(team), "export", "json", "--out", str(good))
    keys_before = dict(memory_keyring.secrets)
    with tiny_tmpfs(tmp_path / "full", "200k") as full:
        code, out, err = run(capsys, "import", "json", str(good), "--db", str(full / "new.db"))
        left = list(full.iterdir())
    assert (code, out) == (2, "")
    assert "(database or disk is full); free some space" in err and err.count("\n") == 1
    assert left == []
    assert memory_keyring.secrets == keys_before
