"""A writer SIGKILLed at 100 random moments loses no acknowledged edit and never damages the store.

Starting Python and importing LeadDesk takes most of a second, so a "zygote" process imports once
and forks each writer; the writer opens the store itself (its own connections, its own recovery
of the WAL the previous one left) and is killed by the test with SIGKILL, no clean-up at all.
"""

from __future__ import annotations

import os
import queue
import random
import secrets
import signal
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import pytest

from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store.store import open_store

KILLS = 100
TODAY = date(2026, 11, 25)
TIMEOUT_S = 60.0

# stdin commands: "go" forks a writer, "reap PID" waits for it to be gone. A writer prints
# "start PID", then "ok PID ID" after each edit has returned (is committed), until killed.
ZYGOTE = """
import os, sys
from datetime import date
from pathlib import Path
from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store.store import open_store

path, key = Path(sys.argv[1]), StoreKey(sys.argv[2], "keychain")


def say(line):  # one write(2) per line: a kill never leaves half of one in the pipe
    os.write(1, (line + "\\n").encode())


print("ready", flush=True)
for command in sys.stdin:
    if command.startswith("reap"):
        os.waitpid(int(command.split()[1]), 0)
        print("reaped", flush=True)
        continue
    pid = os.fork()
    if pid:
        continue
    try:
        me = os.getpid()
        say(f"start {me}")
        desk = Desk(open_store(path, key), today=lambda: date(2026, 11, 25))
        i = 0
        while True:
            i += 1
            person = desk.add_person(f"Person {me}-{i}")
            say(f"ok {me} {person}")
            desk.record_one_on_one(person, shared_notes="notes " * 40, private_notes="p " * 40)
    except BaseException as error:
        say(f"error {type(error).__name__}")
    finally:
        os._exit(1)
"""


def read_lines(stream: object, into: queue.Queue[str | None]) -> None:
    for line in stream:  # type: ignore[attr-defined]
        into.put(line.strip())
    into.put(None)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX")
def test_a_hundred_random_kills_lose_no_acknowledged_edit(tmp_path: Path) -> None:
    store = tmp_path / "store.db"
    key = secrets.token_hex(32)
    Desk(open_store(store, StoreKey(key, "keychain")), today=lambda: TODAY).close()
    log = tmp_path / "zygote.log"
    zygote = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE, str(store), key],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log.open("w"),
        text=True,
    )
    assert zygote.stdin is not None
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=read_lines, args=(zygote.stdout, lines), daemon=True).start()

    def next_line() -> str:
        line = lines.get(timeout=TIMEOUT_S)
        assert line is not None and not line.startswith("error"), log.read_text()
        return line

    def send(command: str) -> None:
        zygote.stdin.write(command + "\n")  # type: ignore[union-attr]
        zygote.stdin.flush()  # type: ignore[union-attr]

    acknowledged: set[int] = set()
    chance = random.Random(100)
    try:
        assert next_line() == "ready"
        for _ in range(KILLS):
            send("go")
            line = next_line()
            assert line.startswith("start "), line
            pid = int(line.split()[1])
            time.sleep(chance.uniform(0.0, 0.25))  # while opening, migrating, writing
            os.kill(pid, signal.SIGKILL)
            send(f"reap {pid}")
            # Everything the writer printed precedes "reaped": it is dead before that is sent.
            while (line := next_line()) != "reaped":
                kind, _, ident = line.split()
                assert kind == "ok", line
                acknowledged.add(int(ident))
            desk = Desk(open_store(store, StoreKey(key, "keychain")), today=lambda: TODAY)
            try:
                assert desk.integrity_problems() == []
                present = {p.id for p in desk.people()}
            finally:
                desk.close()
            lost = acknowledged - present
            assert not lost, f"{len(lost)} acknowledged people lost"
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=TIMEOUT_S)
    assert len(acknowledged) >= KILLS // 4, "most writers were killed before committing at all"
