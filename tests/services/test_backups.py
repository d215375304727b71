"""The backups use cases of the Desk: list, summarise, restore in place (the Desk continues)."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.desk import Desk
from leaddesk.services.errors import StoreError
from leaddesk.services.undo import Deletable

NOW = datetime(2026, 11, 25, 9, tzinfo=UTC)


def test_backups_are_listed_newest_first_with_kind_time_and_size(desk: Desk) -> None:
    assert desk.backups() == []
    desk.set_backup_clock(lambda: NOW)
    daily = desk.backup_if_due()
    desk.set_backup_clock(lambda: NOW + timedelta(days=1))
    manual = desk.backup()
    listed = desk.backups()
    assert [(b.path, b.kind, b.made_at) for b in listed] == [
        (manual, "manual", NOW + timedelta(days=1)),
        (daily, "daily", NOW),
    ]
    assert all(b.size == b.path.stat().st_size > 0 for b in listed)


def test_a_backup_summary_counts_what_it_holds(desk: Desk) -> None:
    ada = desk.add_person("Ada Lovelace")
    gone = desk.add_person("Gone Person")
    desk.add_promise(ada, PromiseDirection.MINE, "Send the roadmap")
    desk.record_one_on_one(ada, shared_notes="Roadmap")
    desk.delete(Deletable.PERSON, gone)  # soft-deleted rows are not counted
    made = desk.backup()
    desk.add_person("After The Backup")
    summary = desk.backup_summary(made)
    assert (summary.people, summary.delegations, summary.promises, summary.one_on_ones) == (
        1,
        0,
        1,
        1,
    )


def test_restore_brings_back_the_data_and_keeps_the_current_first(desk: Desk) -> None:
    ada = desk.add_person("Ada Lovelace")
    desk.set_backup_clock(lambda: NOW)
    made = desk.backup()
    desk.add_person("Grace Hopper")
    desk.add_relationship_note(ada, "Written after the backup")
    heard: list[Change] = []
    desk.subscribe(heard.append)
    desk.set_backup_clock(lambda: NOW + timedelta(hours=1))

    done = desk.restore_backup(made)

    assert [p.name for p in desk.people()] == ["Ada Lovelace"]
    assert desk.relationship_notes(ada) == []
    assert done.contents.people == 1
    assert heard == [Change(ChangeArea.RESTORE)]
    assert done.kept is not None
    assert next((b.kind, b.path) for b in desk.backups()) == ("pre-restore", done.kept)
    assert desk.backup_summary(done.kept).people == 2, "the replaced data is in the copy"
    desk.add_person("Written after the restore")  # the Desk goes on writing to the store
    assert len(desk.people()) == 2
    assert desk.integrity_problems() == []


def test_restore_forgets_the_undo_history_of_the_replaced_data(desk: Desk) -> None:
    made = desk.backup()
    person = desk.add_person("Deleted Later")
    desk.delete(Deletable.PERSON, person)
    assert desk.can_undo() is not None
    desk.restore_backup(made)
    assert desk.can_undo() is None


def test_restore_of_a_damaged_backup_is_refused_and_the_desk_goes_on(
    desk: Desk, tmp_path: Path
) -> None:
    desk.add_person("Ada Lovelace")
    made = desk.backup()
    damaged = tmp_path / "damaged.db"
    shutil.copyfile(made, damaged)
    data = bytearray(damaged.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = bytes(64)
    damaged.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="is damaged"):
        desk.restore_backup(damaged)
    assert [p.name for p in desk.people()] == ["Ada Lovelace"]
    assert [b.kind for b in desk.backups()] == ["manual"]


def test_restoring_the_store_itself_is_refused(desk: Desk) -> None:
    with pytest.raises(StoreError, match="is the store itself"):
        desk.restore_backup(desk.path)
    desk.add_person("Still Writable")


def test_backup_into_a_file_instead_of_a_folder_is_one_clear_error(
    desk: Desk, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="Could not write a backup into"):
        desk.backup(blocker / "copies")
