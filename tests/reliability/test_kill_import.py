"""`leaddesk import json` killed at random moments: its target is a whole store or absent."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from leaddesk.demo import build_demo
from leaddesk.reports.exchange_json import export_json
from leaddesk.services.desk import Desk

PASSPHRASE = "correct horse battery staple"
KILLS = 20
TODAY = date(2026, 11, 25)


def start_import(source: Path, target: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env["LEADDESK_PASSPHRASE"] = PASSPHRASE  # the child has no in-memory test keyring
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # nor any real keychain
    return subprocess.Popen(
        [sys.executable, "-m", "leaddesk", "import", "json", str(source), "--db", str(target)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )


def rows_in(target: Path) -> int:
    """How many rows the store at `target` holds; it must open and pass its checks."""
    os.environ["LEADDESK_PASSPHRASE"] = PASSPHRASE  # read once, then taken from the environment
    desk = Desk.open(target, today=lambda: TODAY)
    try:
        assert desk.integrity_problems() == []
        return sum(count for _, count in desk.counts().counts)
    finally:
        desk.close()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_import_leaves_a_whole_store_or_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LEADDESK_PASSPHRASE", PASSPHRASE)
    source_desk = Desk.open(tmp_path / "source.db", today=lambda: TODAY)
    build_demo(source_desk, people=5, years=1, seed=4)
    expected = sum(count for _, count in source_desk.counts().counts)
    export_json(source_desk, tmp_path / "export.json")
    source_desk.close()
    folder = tmp_path / "imports"
    folder.mkdir()
    target = folder / "imported.db"

    started = time.monotonic()  # one whole run: how long the kills may wait at most
    whole = start_import(tmp_path / "export.json", target)
    assert whole.wait(timeout=120) == 0, whole.stderr.read() if whole.stderr else ""
    duration = time.monotonic() - started
    assert rows_in(target) == expected
    target.unlink()

    outcomes = {"absent": 0, "whole": 0, "leftovers": 0}
    chance = random.Random(10)
    for _ in range(KILLS):
        child = start_import(tmp_path / "export.json", target)
        time.sleep(chance.uniform(0.0, duration * 1.1))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        if child.stderr is not None:
            child.stderr.close()
        names = {p.name for p in folder.iterdir()}
        if target.exists():
            assert rows_in(target) == expected, "a store at the target is always complete"
            outcomes["whole"] += 1
            target.unlink()
        else:
            outcomes["absent"] += 1
        others = names - {target.name}
        assert all(name.startswith(".imported.db.building") for name in others), others
        outcomes["leftovers"] += bool(others)

    # The next import cleans what the killed ones left, and nothing else is left behind.
    last = start_import(tmp_path / "export.json", target)
    assert last.wait(timeout=120) == 0
    assert last.stderr is not None and last.stderr.read() == b""
    last.stderr.close()
    assert [p.name for p in folder.iterdir()] == [target.name], outcomes
    assert rows_in(target) == expected
