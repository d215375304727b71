"""A committed edit survives the writer being killed at any moment (SIGKILL, no clean-up)."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from leaddesk.services.desk import Desk

PASSPHRASE = "correct horse battery staple"
COMMITTED = 50
TIMEOUT_S = 60.0

# Adds people (with a 1:1 each, so pages and WAL frames keep growing) as fast as it can, and
# prints a person's id only once add_person has returned, i.e. once it is committed.
WRITER = """
import sys
from pathlib import Path
from leaddesk.services.desk import Desk

desk = Desk.open(Path(sys.argv[1]))
print("open", flush=True)
i = 0
while True:
    i += 1
    person = desk.add_person(f"Person {i:05d}")
    print(person, flush=True)
    desk.record_one_on_one(person, shared_notes="notes " * 200, private_notes="private " * 200)
"""


def start_writer(store: Path, log: Path) -> subprocess.Popen[str]:
    env = dict(os.environ)
    env["LEADDESK_PASSPHRASE"] = PASSPHRASE  # the child has no in-memory test keyring
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # nor any real keychain
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(store)],
        stdout=subprocess.PIPE,
        stderr=log.open("w"),
        text=True,
        env=env,
    )


def read_lines(stream: object, into: queue.Queue[str | None]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.put(line.strip())
    into.put(None)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_writer_killed_mid_flight_loses_no_committed_person(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "writer.log"
    writer = start_writer(store_path, log)
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=read_lines, args=(writer.stdout, lines), daemon=True).start()
    committed: list[int] = []
    deadline = time.monotonic() + TIMEOUT_S
    try:
        assert lines.get(timeout=TIMEOUT_S) == "open", log.read_text()
        while len(committed) < COMMITTED:
            line = lines.get(timeout=max(0.0, deadline - time.monotonic()))
            assert line is not None, f"the writer stopped early:\n{log.read_text()}"
            committed.append(int(line))
    except queue.Empty:
        pytest.fail(f"the writer did not commit {COMMITTED} people in time:\n{log.read_text()}")
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=TIMEOUT_S)
        if writer.stdout is not None:
            writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL

    wal = store_path.with_name(store_path.name + "-wal")
    assert wal.exists(), "killed with commits still in the WAL: recovery is what is tested"

    monkeypatch.setenv("LEADDESK_PASSPHRASE", PASSPHRASE)
    desk = Desk.open(store_path)
    try:
        present = {p.id for p in desk.people()}
        assert set(committed) <= present
        assert desk.integrity_problems() == []
        assert len(desk.one_on_ones(committed[-2])) == 1, "earlier 1:1s are there too"
    finally:
        desk.close()
