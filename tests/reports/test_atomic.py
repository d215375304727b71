"""The atomic writer: complete file or nothing, never a .partial left behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaddesk.reports.atomic import ExportError, atomic_path


def test_replaces_target_only_when_done(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    with atomic_path(target) as temporary:
        temporary.write_text("new")
        assert target.read_text() == "old"
    assert target.read_text() == "new"
    assert list(tmp_path.iterdir()) == [target]


def test_failure_keeps_old_file_and_removes_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError), atomic_path(target) as temporary:
        temporary.write_text("half")
        raise RuntimeError("boom")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]


def test_missing_folder_and_folder_target_are_user_errors(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"), atomic_path(tmp_path / "no" / "x.pdf"):
        pass
    with pytest.raises(ExportError, match="is a folder"), atomic_path(tmp_path):
        pass


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm", "-journal"])
def test_the_open_store_and_its_side_files_are_never_replaced(tmp_path: Path, suffix: str) -> None:
    store = tmp_path / "leaddesk.db"
    store.write_bytes(b"encrypted")
    target = tmp_path / "sub" / ".." / f"leaddesk.db{suffix}"  # the same file, spelt otherwise
    with pytest.raises(ExportError, match="is your LeadDesk store"), atomic_path(target, store):
        pass
    assert store.read_bytes() == b"encrypted"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["leaddesk.db"]


def test_a_write_that_fails_is_an_export_error_and_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    expected = r"Cannot write .*out\.txt: No space left on device\. Nothing was written"
    with pytest.raises(ExportError, match=expected), atomic_path(target) as temporary:
        temporary.write_text("half")
        raise OSError(28, "No space left on device")
    assert list(tmp_path.iterdir()) == []
