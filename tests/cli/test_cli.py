"""The `leaddesk` command end to end: real store, real parser, output and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.cli import run

from leaddesk.cli import main
from leaddesk.domain.promises import PromiseDirection
from leaddesk.security.keys import SERVICE, StoreKey, entry_name
from leaddesk.services.desk import Desk
from leaddesk.store.migrate import head_revision
from leaddesk.store.store import open_store


@pytest.fixture
def team(store_path: Path) -> Iterator[Path]:
    """A store with two people whose names share a prefix, and one delegation."""
    desk = Desk.open(store_path)
    ada = desk.add_person("Ada Lovelace", role="VP Engineering", area="Engineering")
    desk.add_person("Adam Smith", role="Finance Director", reports_to_id=ada)
    desk.add_delegation(ada, "Hiring plan", 3)
    desk.add_delegation(ada, "Hiring budget", 5)
    desk.add_delegation(ada, "Platform roadmap", 6)
    desk.close()
    yield store_path


def test_people_lists_one_person_a_line_name_first(team: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(team), "people")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Ada Lovelace")
    assert "VP Engineering" in lines[0]
    assert lines[1].startswith("Adam Smith")
    assert "reports to Ada Lovelace" in lines[1]


def test_db_is_accepted_after_the_subcommand_too(team: Path, capsys) -> None:
    code, out, _ = run(capsys, "people", "--db", str(team))
    assert code == 0
    assert "Ada Lovelace" in out


def test_leaddesk_db_environment_variable_selects_the_store(
    team: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADDESK_DB", str(team))
    code, out, _ = run(capsys, "people")
    assert code == 0
    assert "Adam Smith" in out


def test_add_promise_mine_is_the_default_and_due_understands_relative_dates(
    team: Path, capsys
) -> None:
    code, out, err = run(
        capsys,
        "--db",
        str(team),
        "add",
        "promise",
        "--person",
        "ADA LOVELACE",
        "--due",
        "+3d",
        "Intro",
        "to",
        "the",
        "CFO",
    )
    assert (code, err) == (0, "")
    assert "my promise to Ada Lovelace" in out
    desk = Desk.open(team)
    [promise] = desk.promises()
    assert promise.direction is PromiseDirection.MINE
    assert promise.text == "Intro to the CFO"
    assert promise.due_on is not None
    assert (promise.due_on - desk.today()).days == 3
    assert f"due {promise.due_on.isoformat()}." in out  # the exact date, for a script to read
    desk.close()


def test_add_promise_theirs(team: Path, capsys) -> None:
    code, out, _ = run(
        capsys, "--db", str(team), "add", "promise", "--person", "adam", "--theirs", "Budget draft"
    )
    assert code == 0
    assert "Adam Smith's promise to me" in out
    desk = Desk.open(team)
    assert desk.promises()[0].direction is PromiseDirection.THEIRS
    desk.close()


def test_add_note_and_feedback_reach_the_person(team: Path, capsys) -> None:
    assert (
        run(
            capsys,
            "--db",
            str(team),
            "add",
            "note",
            "--person",
            "lovelace",
            "Wants to lead the platform group",
        )[0]
        == 0
    )
    assert (
        run(
            capsys,
            "--db",
            str(team),
            "add",
            "feedback",
            "--person",
            "ada l",
            "--solicited",
            "How was the offsite?",
        )[0]
        == 0
    )
    assert (
        run(
            capsys,
            "--db",
            str(team),
            "add",
            "feedback",
            "--person",
            "ada l",
            "--given",
            "--kind",
            "coaching",
            "Shorter updates",
        )[0]
        == 0
    )
    desk = Desk.open(team)
    ada = desk.find_person("Ada Lovelace").id
    assert [n.text for n in desk.relationship_notes(ada)] == ["Wants to lead the platform group"]
    kinds = {(f.direction.value, f.kind.value if f.kind else None) for f in desk.feedback(ada)}
    assert kinds == {("solicited", None), ("given", "coaching")}
    assert len(desk.feedback(ada, open_only=True)) == 1
    desk.close()


def test_add_checkpoint_completes_the_planned_one_and_plans_the_next(team: Path, capsys) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        str(team),
        "add",
        "checkpoint",
        "--person",
        "ada l",
        "--delegation",
        "platform",
        "--outcome",
        "off-track",
        "Slipped",
        "again",
    )
    assert code == 0
    assert "Recorded 'off track' on Platform roadmap" in out
    desk = Desk.open(team)
    [delegation] = [d for d in desk.delegations() if d.title == "Platform roadmap"]
    done = [c for c in delegation.checkpoints if c.outcome is not None]
    assert [c.note for c in done] == ["Slipped again"]
    assert delegation.next_checkpoint is not None
    assert (delegation.next_checkpoint.due_on - desk.today()).days == 3  # after off-track
    desk.close()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["add", "note", "--person", "ad", "x"],
            "matches several people: Ada Lovelace, Adam Smith",
        ),
        (["add", "note", "--person", "zed", "x"], "Nobody is called 'zed'"),
        (
            ["add", "promise", "--person", "adam", "--due", "2026-13-01", "x"],
            "is not a day of the calendar",
        ),
        (["add", "promise", "--person", "adam", "--due", "someday", "x"], "is not a date"),
        (
            ["add", "promise", "--person", "adam", "--due", "+3d", "--mine", "--theirs", "x"],
            "not allowed with argument",
        ),
        (["add", "feedback", "--person", "adam", "x"], "--given --received --solicited"),
        (
            [
                "add",
                "checkpoint",
                "--person",
                "ada l",
                "--delegation",
                "hiring",
                "--outcome",
                "on-track",
            ],
            "matches several of Ada Lovelace's delegations",
        ),
        (
            [
                "add",
                "checkpoint",
                "--person",
                "ada l",
                "--delegation",
                "nope",
                "--outcome",
                "on-track",
            ],
            "no active delegation called 'nope'",
        ),
        (
            ["add", "checkpoint", "--person", "ada l", "--delegation", "plan", "--outcome", "meh"],
            "invalid choice: 'meh'",
        ),
        (["add", "note", "--person", "adam", "bad\x07bell"], "control character"),
        (["bogus"], "invalid choice: 'bogus'"),
        (["week", "--date", "soon"], "is not a date"),
    ],
)
def test_bad_input_is_one_line_on_stderr_with_exit_code_2(
    team: Path, capsys, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--db", str(team), *argv)
    assert code == 2
    assert out == ""
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_bad_input_writes_nothing(team: Path, capsys) -> None:
    before = Desk.open(team)
    counts = before.counts()
    before.close()
    run(capsys, "--db", str(team), "add", "promise", "--person", "adam", "--due", "nope", "x")
    after = Desk.open(team)
    assert after.counts() == counts
    after.close()


def test_missing_store_is_an_error_and_is_not_created(tmp_path: Path, capsys) -> None:
    missing = tmp_path / "nope.db"
    code, _, err = run(capsys, "--db", str(missing), "people")
    assert code == 2
    assert "There is no LeadDesk store at" in err
    assert not missing.exists()


def test_week_shows_principle_prompts_and_needs_attention(team: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(team), "week", "--date", "2026-11-25")
    assert code == 0
    assert "principle 1 of 6: Clarity of expectations" in out
    assert "Reflect on:" in out
    assert "Hiring plan: level not agreed yet" in out
    assert "Needs attention" in out
    assert "No 1:1 yet — plan the first" in out


def test_week_words_due_dates_like_the_app_with_the_year_only_when_not_this_one(
    team: Path, capsys
) -> None:
    desk = Desk.open(team)
    ada = next(p.id for p in desk.people() if p.name == "Ada Lovelace")
    desk.add_promise(ada, PromiseDirection.THEIRS, "Send the plan", due_on=date(2026, 11, 26))
    desk.add_promise(ada, PromiseDirection.MINE, "Book the offsite", due_on=date(2027, 1, 1))
    desk.close()
    code, out, _ = run(capsys, "--db", str(team), "week", "--date", "2026-11-25")
    assert code == 0
    assert "Ada Lovelace: They promised: Send the plan (due 26 Nov)" in out
    assert "Book the offsite" not in out  # not due within two days
    code, out, _ = run(capsys, "--db", str(team), "week", "--date", "2026-12-31")
    assert "Ada Lovelace: I promised: Book the offsite (due 1 Jan 2027)" in out
    assert "They promised: Send the plan (due 26 Nov)" in out  # overdue, same year as --date


def test_check_reports_integrity_schema_and_counts(team: Path, capsys) -> None:
    code, out, _ = run(capsys, "--db", str(team), "check")
    assert code == 0
    assert "Integrity: ok" in out
    assert f"Schema:    {head_revision()}" in out
    assert "people                     2" in out


def test_check_exits_1_on_a_damaged_store(team: Path, capsys) -> None:
    desk = Desk.open(team)
    with desk.store.engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
    raw = desk.store.engine.raw_connection()
    raw.execute("PRAGMA foreign_keys = OFF")
    raw.execute("UPDATE delegation SET person_id = 999")
    raw.commit()
    raw.close()
    desk.close()
    code, out, _ = run(capsys, "--db", str(team), "check")
    assert code == 1
    assert "foreign key" in out


def test_backup_writes_an_encrypted_copy_that_opens_with_the_store_key(
    team: Path, tmp_path: Path, capsys, memory_keyring
) -> None:
    code, out, _ = run(capsys, "--db", str(team), "backup", "--to", str(tmp_path / "copies"))
    assert code == 0
    [copy] = list((tmp_path / "copies").iterdir())
    assert str(copy) in out
    assert b"Ada Lovelace" not in copy.read_bytes()
    secret = memory_keyring.get_password(SERVICE, entry_name(team))
    store = open_store(copy, StoreKey(secret, "keychain"))
    restored = Desk(store)
    assert [p.name for p in restored.people()] == ["Ada Lovelace", "Adam Smith"]
    restored.close()


def test_version(capsys) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("LeadDesk ")


def test_no_subcommand_without_a_display_says_so_in_one_line(
    capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    code, _, err = run(capsys)
    assert code == 2
    assert "No display found" in err
    assert err.count("\n") == 1


def test_help_lists_the_commands(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "quick capture" in out
    assert "--demo" in out


def test_wrong_passphrase_in_a_real_process_is_one_line_and_leaves_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "pass.db"
    env = {
        **os.environ,
        "LEADDESK_PASSPHRASE": "right horse battery",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    desk_script = (
        "from pathlib import Path; from leaddesk.services.desk import Desk; "
        f"d = Desk.open(Path({str(path)!r})); d.add_person('Zebulon'); d.close()"
    )
    subprocess.run([sys.executable, "-c", desk_script], env=env, check=True)
    before = path.read_bytes()
    env["LEADDESK_PASSPHRASE"] = "wrong horse battery"
    done = subprocess.run(
        [sys.executable, "-m", "leaddesk", "--db", str(path), "people"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("leaddesk: Could not open")
    assert done.stderr.count("\n") == 1
    assert "wrong horse" not in done.stderr
    assert path.read_bytes() == before
    env["LEADDESK_PASSPHRASE"] = "right horse battery"
    done = subprocess.run(
        [sys.executable, "-m", "leaddesk", "--db", str(path), "people"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (done.returncode, done.stdout.strip()) == (0, "Zebulon")


def test_week_without_a_date_is_the_injected_today(
    team: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(capsys, "--db", str(team), "week")
    assert code == 0
    assert out.startswith("Week of 23 November 2026 — principle 1 of 6")
    monkeypatch.setenv("LEADDESK_TODAY", "2026-12-02")
    code, out, _ = run(capsys, "--db", str(team), "week")
    assert out.startswith("Week of 30 November 2026 — principle 2 of 6")


def test_a_malformed_injected_today_is_one_line(
    team: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADDESK_TODAY", "soon")
    code, out, err = run(capsys, "--db", str(team), "week")
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert "LEADDESK_TODAY must be a date" in err
