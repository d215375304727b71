"""A backup restores exactly the data it was taken from; a killed restore loses neither side.

The round trip compares every row of every table (the JSON exchange snapshot, read through the
Desk) before the backup and after the restore. The kill test runs `leaddesk restore` in a
subprocess and SIGKILLs it at random moments: the store must then open with the old data or the
restored data, never anything else, and pass the integrity check.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from leaddesk.demo import build_demo
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.services.exchange import exchange_schema
from leaddesk.services.undo import Deletable

PASSPHRASE = "correct horse battery staple"
KILLS = 24
TIMEOUT_S = 60.0


def everything(desk: Desk) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, as plain values, in one consistent read."""
    with desk.exchange_snapshot() as snapshot:
        return {spec.name: list(snapshot.rows(spec)) for spec in exchange_schema()}


def test_a_backup_restores_exactly_the_data_it_was_taken_from(desk: Desk) -> None:
    build_demo(desk, people=4, years=1, seed=11)
    leaver = desk.add_person("Leaves After The Backup")
    before = everything(desk)
    made = desk.backup()

    # Then a day of changes of every kind, all of which the restore must undo.
    someone = desk.direct_reports()[0].id
    desk.add_person("Added After The Backup")
    desk.add_promise(someone, PromiseDirection.MINE, "Promised after the backup")
    desk.add_relationship_note(someone, "Noted after the backup")
    desk.delete(Deletable.PERSON, leaver)
    desk.update_settings(half_life_days=30, backup_keep_daily=3)
    assert everything(desk) != before

    desk.restore_backup(made)

    assert everything(desk) == before
    assert desk.integrity_problems() == []
    assert desk.settings().half_life_days == 180


# Restores BACKUP into STORE with the CLI's own code path; "go" once imports are done.
RESTORER = """
import sys
from pathlib import Path
from leaddesk.cli import main

print("go", flush=True)
sys.exit(main(["--db", sys.argv[1], "restore", sys.argv[2], "--yes"]))
"""


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["LEADDESK_PASSPHRASE"] = PASSPHRASE  # the child has no in-memory test keyring
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # nor any real keychain
    return env


def start_restore(store: Path, source: Path, log: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", RESTORER, str(store), str(source)],
        stdout=subprocess.PIPE,
        stderr=log.open("w"),
        text=True,
        env=child_env(),
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "go", log.read_text()
    return child


def names(store: Path) -> frozenset[str]:
    # Read once per process, then removed (keys.take_env_passphrase): give it for each open.
    # The fixture's monkeypatch.setenv removes it again after the test.
    os.environ["LEADDESK_PASSPHRASE"] = PASSPHRASE
    desk = Desk.open(store)
    try:
        assert desk.integrity_problems() == []
        return frozenset(p.name for p in desk.people())
    finally:
        desk.close()


@pytest.fixture
def crashed_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """A passphrase store left by a crash (its last edit only in the WAL), and a backup of it
    taken earlier. Returns (store image, its WAL image, backup)."""
    monkeypatch.setenv("LEADDESK_PASSPHRASE", PASSPHRASE)
    images = tmp_path / "images"
    images.mkdir()
    store = images / "leaddesk.db"
    desk = Desk.open(store)
    desk.add_person("Ada Lovelace")
    made = desk.backup(images / "kept")
    desk.add_person("Grace Hopper")
    desk.add_person("Only In The WAL")
    image = images / "crashed.db"
    shutil.copyfile(store, image)  # no write runs now: a consistent crash image with its WAL
    shutil.copyfile(f"{store}-wal", f"{image}-wal")
    desk.close()
    return image, Path(f"{image}-wal"), made


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_restore_killed_at_any_moment_leaves_the_old_or_the_restored_data(
    tmp_path: Path, crashed_store: tuple[Path, Path, Path]
) -> None:
    image, wal, made = crashed_store
    old = frozenset({"Ada Lovelace", "Grace Hopper", "Only In The WAL"})
    restored = frozenset({"Ada Lovelace"})
    store = tmp_path / "live" / "leaddesk.db"
    store.parent.mkdir()
    log = tmp_path / "restore.log"

    def fresh_crashed_store() -> None:
        for end in ("", "-wal", "-shm", ".restoring"):
            Path(f"{store}{end}").unlink(missing_ok=True)
        shutil.copyfile(image, store)
        shutil.copyfile(wal, f"{store}-wal")

    # One run to the end: how long a restore takes here, and that it works at all.
    fresh_crashed_store()
    started = time.monotonic()
    child = start_restore(store, made, log)
    assert child.wait(timeout=TIMEOUT_S) == 0, log.read_text()
    full = time.monotonic() - started
    assert names(store) == restored

    rng = random.Random(20261125)
    outcomes: list[frozenset[str]] = []
    for _ in range(KILLS):
        fresh_crashed_store()
        child = start_restore(store, made, log)
        time.sleep(rng.uniform(0, full))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=TIMEOUT_S)
        if child.stdout is not None:
            child.stdout.close()
        found = names(store)
        assert found in (old, restored), f"neither the old nor the restored data: {found}"
        outcomes.append(found)
    print(f"{outcomes.count(old)} kills left the old data, {outcomes.count(restored)} the restored")
    assert old in outcomes, "some kills landed before the swap"
    backups = store.parent / "backups"
    for kept in backups.glob("*pre-restore*.db"):
        assert names(kept) == old, "every pre-restore copy holds all the old data"
