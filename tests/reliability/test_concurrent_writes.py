"""Writers on several connections (worker threads, a second window) wait for each other."""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store import models as m
from leaddesk.store.store import Store, open_store

ROUNDS = 20


def in_threads(work: Callable[[int], None], count: int) -> list[BaseException]:
    """Run work(0..count-1) in threads started together; the errors they raised."""
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def run(n: int) -> None:
        start.wait()
        try:
            work(n)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


def read_then_write(store: Store, writer: int) -> None:
    # Like most use cases: look something up, then write what follows from it.
    for i in range(ROUNDS):
        with store.session(write=True) as session:
            seen = session.scalar(select(func.count()).select_from(m.Setting))
            session.add(m.Setting(key=f"w{writer}-{i}", value=str(seen)))


@pytest.fixture
def key() -> StoreKey:
    return StoreKey(secrets.token_hex(32), "keychain")


def test_writer_threads_on_one_store_all_commit(store_path: Path, key: StoreKey) -> None:
    store = open_store(store_path, key)
    try:
        assert in_threads(lambda n: read_then_write(store, n), 4) == []
        with store.session() as session:
            assert session.scalar(select(func.count()).select_from(m.Setting)) == 4 * ROUNDS
    finally:
        store.close()


def test_writers_on_two_engines_all_commit(store_path: Path, key: StoreKey) -> None:
    stores = [open_store(store_path, key), open_store(store_path, key)]
    try:
        assert in_threads(lambda n: read_then_write(stores[n], n), 2) == []
        assert stores[0].integrity_check() == []
        with stores[1].session() as session:
            assert session.scalar(select(func.count()).select_from(m.Setting)) == 2 * ROUNDS
    finally:
        for store in stores:
            store.close()


def test_reads_are_not_blocked_by_an_open_write(store_path: Path, key: StoreKey) -> None:
    store = open_store(store_path, key)
    try:
        with store.session(write=True) as writing:
            writing.add(m.Setting(key="pending", value="not committed yet"))
            writing.flush()
            with store.session() as reading:  # another pooled connection, WAL snapshot
                assert reading.scalar(select(func.count()).select_from(m.Setting)) == 0
    finally:
        store.close()


def test_use_case_that_reads_then_writes_survives_a_commit_in_between(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    ada = desk.add_person("Ada Lovelace")
    looked_up = threading.Event()
    other_committed = threading.Event()
    find_person = desk._person_row

    def find_then_pause(session: Any, person_id: int) -> Any:
        row = find_person(session, person_id)
        if threading.current_thread().name == "recorder":
            looked_up.set()
            # With the write lock held the other writer cannot commit now: go on after a while.
            other_committed.wait(timeout=1.0)
        return row

    monkeypatch.setattr(desk, "_person_row", find_then_pause)
    errors: list[BaseException] = []

    def record() -> None:
        try:
            desk.record_one_on_one(ada, shared_notes="written by the recorder thread")
        except BaseException as error:
            errors.append(error)

    recorder = threading.Thread(target=record, name="recorder")
    recorder.start()
    assert looked_up.wait(timeout=10)
    desk.add_person("Grace Hopper")  # another connection commits meanwhile
    other_committed.set()
    recorder.join(timeout=30)

    if errors:
        raise errors[0]
    assert len(desk.one_on_ones(ada)) == 1
