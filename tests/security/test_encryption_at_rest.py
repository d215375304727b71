"""Encrypted at rest: no private text in the store file, its WAL or its shared-memory file."""

from __future__ import annotations

from pathlib import Path

from leaddesk.services.desk import Desk

NAME = "Zebulon Quixotefeather"
NOTE = "Dreams of sailing the Kerguelen archipelago alone"
PRIVATE = "Worried about Xanthippe's reorganisation plans"


def needles(*texts: str) -> list[bytes]:
    """Each text as SQLite may store it: UTF-8 and both UTF-16 byte orders."""
    return [t.encode(codec) for t in texts for codec in ("utf-8", "utf-16-le", "utf-16-be")]


def store_files(store: Path) -> list[Path]:
    """The store file and the SQLite side files next to it that exist now."""
    candidates = [store, *(store.with_name(store.name + end) for end in ("-wal", "-shm"))]
    return [p for p in candidates if p.exists()]


def plaintext_found(store: Path, texts: list[bytes]) -> list[str]:
    found = []
    for path in store_files(store):
        data = path.read_bytes()
        found += [f"{path.name}: {t!r}" for t in texts if t in data]
    return found


def fill(desk: Desk) -> None:
    person = desk.add_person(NAME, role="Head of Exploration")
    desk.add_relationship_note(person, NOTE, topic="Aspirations")
    desk.record_one_on_one(person, shared_notes=NOTE, private_notes=PRIVATE, energy=4)


def test_the_search_would_find_the_text_in_an_unencrypted_file(tmp_path: Path) -> None:
    # Guards the test below against searching for bytes that could never be there.
    plain = tmp_path / "plain.db"
    plain.write_bytes(b"junk" + NAME.encode("utf-16-le") + b"junk")
    assert plaintext_found(plain, needles(NAME)) == [f"plain.db: {NAME.encode('utf-16-le')!r}"]


def test_no_plaintext_on_disk_while_open_and_after_close(desk: Desk, store_path: Path) -> None:
    fill(desk)
    wal = store_path.with_name(store_path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0, "the edits are in the WAL while open"
    assert plaintext_found(store_path, needles(NAME, NOTE, PRIVATE)) == []

    desk.close()
    assert plaintext_found(store_path, needles(NAME, NOTE, PRIVATE)) == []
    assert store_path.read_bytes()[:16] != b"SQLite format 3\0"
    reopened = Desk.open(store_path)
    try:
        assert reopened.people()[0].name == NAME, "the text is in there, encrypted"
    finally:
        reopened.close()


def test_store_header_is_not_sqlites(desk: Desk, store_path: Path) -> None:
    desk.add_person(NAME)
    desk.close()
    header = store_path.read_bytes()[:100]
    assert not header.startswith(b"SQLite format 3")
    assert b"SQLite" not in header


def test_no_plaintext_after_edits_and_deletes(desk: Desk, store_path: Path) -> None:
    # Freed pages and overwritten cells are encrypted too, not just live rows.
    person = desk.add_person("Temporary Person")
    desk.update_person(person, name=NAME)
    note = desk.add_relationship_note(person, PRIVATE)
    desk.update_relationship_note(note, NOTE)
    assert plaintext_found(store_path, needles(NAME, NOTE, PRIVATE, "Temporary Person")) == []
    desk.close()
    assert plaintext_found(store_path, needles(NAME, NOTE, PRIVATE, "Temporary Person")) == []
