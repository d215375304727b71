"""Real hostile environments for failure tests: a full disk, a read-only folder, a damaged file.

As root (CI containers, this machine) a small tmpfs is mounted: a real full file system, and a
real read-only mount (root ignores permission bits, so chmod proves nothing there). Without root,
a folder made read-only with chmod stands in; a full disk then cannot be made and is skipped.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PAGE = 4096


def _mount_tmpfs(folder: Path, size_kb: int) -> bool:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", str(folder)],
        capture_output=True,
    )
    return done.returncode == 0


def _unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


@contextmanager
def small_disk(folder: Path, size_kb: int = 1024) -> Iterator[Path]:
    """A real file system of `size_kb` at `folder` (a tmpfs), unmounted afterwards."""
    if not _mount_tmpfs(folder, size_kb):
        pytest.skip("a full disk needs a tmpfs, which only root can mount here")
    try:
        yield folder
    finally:
        _unmount(folder)


def fill(folder: Path, leave_kb: int = 0) -> None:
    """Fill the file system holding `folder` until only about `leave_kb` remain free."""
    free = shutil.disk_usage(folder).free
    size = max(0, free - leave_kb * 1024)
    with open(folder / "filler", "wb") as handle:
        chunk = b"\0" * (64 * 1024)
        while size > 0:
            try:
                handle.write(chunk[: min(size, len(chunk))])
                handle.flush()
            except OSError:
                break
            size -= len(chunk)


@contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """`folder` (with what was put in it by `prepare` before) made read-only for real.

    Root: a tmpfs remounted read-only (files are copied in before). Otherwise: chmod 0555.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        staged = folder.with_name(folder.name + "-staged")
        shutil.copytree(folder, staged)
        if not _mount_tmpfs(folder, 4096):
            pytest.skip("cannot mount a tmpfs to make a read-only folder")
        try:
            shutil.copytree(staged, folder, dirs_exist_ok=True)
            subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
            yield folder
        finally:
            _unmount(folder)
        return
    mode = folder.stat().st_mode
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    try:
        yield folder
    finally:
        folder.chmod(mode)


def damage(path: Path, page: int) -> None:
    """Overwrite 64 bytes in the middle of page number `page` (1-based) of the file."""
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * PAGE + PAGE // 2)
        handle.write(b"\xa5" * 64)


def fingerprint(path: Path) -> tuple[str, int] | None:
    """The bytes' hash and the modification time of `path` (None when it does not exist)."""
    if not path.exists():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns
