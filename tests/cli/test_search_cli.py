"""`leaddesk search` end to end: real store, real parser, what the terminal shows, exit codes."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from helpers.cli import run

from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk


@pytest.fixture
def team(store_path: Path) -> Iterator[Path]:
    """Ada with a promise, a 1:1 with private notes and a note; Adam mentions her in a promise."""
    desk = Desk.open(store_path)
    ada = desk.add_person("Ada Lovelace", role="VP Engineering")
    adam = desk.add_person("Adam Smith", role="Finance Director", reports_to_id=ada)
    desk.add_promise(ada, PromiseDirection.MINE, "Send the café budget", due_on=date(2026, 12, 2))
    desk.record_one_on_one(
        ada,
        held_on=date(2026, 11, 20),
        shared_notes="Budget talk",
        private_notes="Budget worries her",
    )
    desk.add_relationship_note(ada, "Prefers written budget drafts", on=date(2026, 10, 1))
    desk.add_promise(adam, PromiseDirection.THEIRS, "Review Ada's budget", due_on=date(2026, 12, 3))
    desk.close()
    yield store_path


def test_hits_are_printed_best_first_with_kind_date_person_and_marked_snippet(
    team: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(team), "search", "cafe")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Promise · 2 Dec · Ada Lovelace · I promised: Send the café budget",
        "    Send the [café] budget",
    ]


def test_private_hits_are_listed_and_marked(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--db", str(team), "search", "worries")
    assert code == 0
    assert out.splitlines() == [
        "1:1 · 20 Nov · Ada Lovelace · 1:1 on 20 Nov 2026  (private)",
        "    Budget [worries] her",
    ]
    _, out, _ = run(capsys, "--db", str(team), "search", "budget")
    heads = [line for line in out.splitlines() if not line.startswith("    ")]
    assert len(heads) == 4
    assert sum(line.endswith("(private)") for line in heads) == 1  # the relationship note
    assert any(line.startswith("Relationship note · 1 Oct · Ada") for line in heads)


def test_the_last_word_is_a_prefix_and_words_may_come_in_one_argument(
    team: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, split, _ = run(capsys, "--db", str(team), "search", "send", "caf")
    _, joined, _ = run(capsys, "--db", str(team), "search", "send caf")
    assert split == joined
    assert "    [Send] the [café] budget" in split.splitlines()


def test_person_and_limit_narrow_the_hits(team: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--db", str(team), "search", "budget", "--person", "adam")
    assert out.splitlines() == [
        "Promise · 3 Dec · Adam Smith · They promised: Review Ada's budget",
        "    Review Ada's [budget]",
    ]
    _, out, _ = run(capsys, "--db", str(team), "search", "budget", "--limit", "1")
    assert len([line for line in out.splitlines() if not line.startswith("    ")]) == 1


def test_no_match_is_said_and_is_not_an_error(
    team: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(team), "search", "zeppelin")
    assert (code, out, err) == (0, "No matches for “zeppelin”.\n", "")
    code, out, _ = run(capsys, "--db", str(team), "search", "zeppelin", "--person", "Ada L")
    assert (code, out) == (0, "No matches for “zeppelin” in Ada Lovelace's records.\n")


@pytest.mark.parametrize("typed", ['"', "*", "(", "NEAR(budget", "AND", "budget:", "{x}"])
def test_search_syntax_is_never_an_error(
    team: Path, capsys: pytest.CaptureFixture[str], typed: str
) -> None:
    code, _, err = run(capsys, "--db", str(team), "search", typed)
    assert (code, err) == (0, "")


def test_an_unknown_person_lists_the_closest_names(
    team: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--db", str(team), "search", "budget", "--person", "Adma")
    assert (code, out) == (2, "")
    assert err.startswith("leaddesk: Nobody is called 'Adma'. People (closest first): ")
    assert "Adam Smith" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("limit", ["0", "-3", "many"])
def test_a_bad_limit_is_one_line(
    team: Path, capsys: pytest.CaptureFixture[str], limit: str
) -> None:
    code, out, err = run(capsys, "--db", str(team), "search", "budget", "--limit", limit)
    assert (code, out) == (2, "")
    assert "--limit" in err and "whole number of 1 or more" in err and err.count("\n") == 1


def read_terminal(controller: int) -> str:
    """Everything written to a pseudo-terminal whose other end is closed."""
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # the terminal's other end is closed: all was read
            break
        if not chunk:
            break
        shown += chunk
    return shown.decode()


def test_a_store_from_before_search_is_upgraded_with_progress_on_a_terminal(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    env = {
        **os.environ,
        "LEADDESK_PASSPHRASE": "right horse battery",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    script = (
        "from pathlib import Path; from alembic import command; "
        "from leaddesk.services.desk import Desk; from leaddesk.store import migrate; "
        "from leaddesk.domain.promises import PromiseDirection as P; "
        f"d = Desk.open(Path({str(path)!r})); p = d.add_person('Zebulon'); "
        "d.add_promise(p, P.MINE, 'Bring the map'); c = migrate.alembic_config(); "
        "conn = d.store.engine.connect(); c.attributes['connection'] = conn; "
        "command.downgrade(c, '0005'); conn.commit(); conn.close(); d.close()"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60)
    controller, terminal = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "leaddesk", "--db", str(path), "search", "map"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=terminal,
            text=True,
            timeout=60,
        )
        os.close(terminal)
        said = read_terminal(controller)
    finally:
        os.close(controller)
    assert done.returncode == 0
    assert "Upgrading the store: building the search index… 100%" in said
    assert done.stdout.splitlines()[-1] == "    Bring the [map]"


def test_matches_are_bold_on_a_terminal(tmp_path: Path) -> None:
    path = tmp_path / "tty.db"
    env = {
        **os.environ,
        "LEADDESK_PASSPHRASE": "right horse battery",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "COLUMNS": "100",
    }
    script = (
        "from pathlib import Path; from leaddesk.services.desk import Desk; "
        "from leaddesk.domain.promises import PromiseDirection as P; "
        f"d = Desk.open(Path({str(path)!r})); p = d.add_person('Zebulon'); "
        "d.add_promise(p, P.MINE, 'Bring the café map'); d.close()"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60)
    controller, terminal = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "leaddesk", "--db", str(path), "search", "cafe"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=terminal,
            stderr=subprocess.PIPE,
            timeout=60,
        )
        os.close(terminal)
        shown = read_terminal(controller)
    finally:
        os.close(controller)
    assert done.returncode == 0, done.stderr
    assert "Bring the \x1b[1mcafé\x1b[0m map" in shown
    assert "[café]" not in shown
