"""LeadDesk's log: a private rotating file with the type and place of a fault, never its words."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from leaddesk import logs

NOTE = "Priya told me in confidence she is interviewing at Globex"


def fail_with_private_text() -> None:
    try:
        {}["missing"]
    except KeyError as error:
        raise ValueError(f"could not save {NOTE!r} with key x'00ff'") from error


def test_a_fault_is_logged_with_type_and_frames_but_never_its_message(log_dir: Path) -> None:
    try:
        fail_with_private_text()
    except ValueError as error:
        path = logs.record_fault(error)
    assert path == log_dir / "leaddesk.log"
    text = path.read_text(encoding="utf-8")
    assert "builtins.ValueError" in text and "builtins.KeyError" in text
    assert f"{Path(__file__).name}:" in text and "in fail_with_private_text" in text
    assert NOTE not in text and "Priya" not in text and "x'00ff'" not in text
    assert "missing" not in text  # the KeyError's message is withheld too


def test_format_arguments_are_dropped(log_dir: Path) -> None:
    logs.setup_logging()
    logs.log.error("Saving %s failed", NOTE)
    text = (log_dir / "leaddesk.log").read_text(encoding="utf-8")
    assert "Saving %s failed" in text
    assert NOTE not in text


def test_the_log_is_private_and_created_only_when_written(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "deep" / "logs"
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(folder))
    logs.setup_logging()
    assert not folder.exists(), "a run without errors writes nothing"
    logs.record_fault(RuntimeError("x"))
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / "leaddesk.log").stat().st_mode) == 0o600


def test_the_log_rotates_and_keeps_its_mode(log_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    for handler in list(logs.log.handlers):
        logs.log.removeHandler(handler)
        handler.close()
    logs.setup_logging()
    for _ in range(60):
        logs.log.error("A constant line long enough to fill the small log quickly, again.")
    names = sorted(p.name for p in log_dir.iterdir())
    assert names == ["leaddesk.log", "leaddesk.log.1", "leaddesk.log.2", "leaddesk.log.3"]
    assert {stat.S_IMODE(p.stat().st_mode) for p in log_dir.iterdir()} == {0o600}


def test_a_log_that_cannot_be_written_stays_silent(tmp_path: Path, monkeypatch, capfd) -> None:
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("")
    monkeypatch.setenv(logs.LOG_DIR_ENV, str(blocker / "logs"))
    logs.record_fault(RuntimeError("x"))
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


def test_nothing_reaches_stderr_or_the_root_logger(log_dir: Path, capfd) -> None:
    logs.setup_logging()
    logs.log.error("only in the file")
    assert capfd.readouterr() == ("", "")
    assert logs.log.propagate is False  # the root logger's handlers print to stderr
    assert os.path.getsize(log_dir / "leaddesk.log") > 0
