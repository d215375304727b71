"""Backups: consistent, still-encrypted, private copies named by kind, rotated 7/4/12."""

from __future__ import annotations

import os
import secrets
import stat
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher

from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store import backup
from leaddesk.store.backup import BackupKind, Retention
from leaddesk.store.store import open_store

NAME = "Zebulon Quixotefeather"
NOTE = "Dreams of sailing the Kerguelen archipelago alone"
STORE = Path("/nowhere/leaddesk.db")


def contains_text(path: Path, *texts: str) -> bool:
    data = path.read_bytes()
    return any(t.encode(c) in data for t in texts for c in ("utf-8", "utf-16-le", "utf-16-be"))


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def test_desk_backup_is_an_encrypted_copy_with_the_same_rows(desk: Desk, store_path: Path) -> None:
    person = desk.add_person(NAME, role="Head of Exploration")
    desk.add_relationship_note(person, NOTE)
    desk.record_one_on_one(person, private_notes=NOTE, energy=3)

    made = desk.backup()  # while the edits are still in the WAL

    assert made.parent == store_path.parent / "backups"
    assert made.name.startswith("leaddesk-manual-") and made.suffix == ".db"
    assert not made.read_bytes().startswith(b"SQLite format 3")
    assert not contains_text(made, NAME, NOTE)
    assert made.read_bytes()[:16] == store_path.read_bytes()[:16], "the salt is kept"
    assert not list(made.parent.glob("*.partial"))

    assert desk.store.key is not None
    copy = Desk(open_store(made, desk.store.key))  # the store's own key opens it
    try:
        assert copy.counts() == desk.counts()
        assert copy.people() == desk.people()
        assert copy.relationship_notes(person) == desk.relationship_notes(person)
        assert copy.integrity_problems() == []
    finally:
        copy.close()


def test_backups_are_private_files_in_a_private_folder(desk: Desk, store_path: Path) -> None:
    folder = store_path.parent / "backups"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)  # as an earlier version (or the umask) left it
    made = desk.backup()
    assert mode(folder) == 0o700
    assert mode(made) == 0o600
    daily = desk.backup_if_due(every=timedelta(0))
    assert daily is not None and mode(daily) == 0o600


def test_backup_into_a_chosen_folder(desk: Desk, tmp_path: Path) -> None:
    desk.add_person(NAME)
    made = desk.backup(tmp_path / "elsewhere" / "copies")
    assert made.parent == tmp_path / "elsewhere" / "copies"
    assert made.is_file() and mode(made.parent) == 0o700


def test_a_backup_of_the_last_state_differs_from_an_earlier_one(desk: Desk) -> None:
    desk.set_backup_clock(lambda: datetime(2026, 11, 24, 9, tzinfo=UTC))
    desk.add_person("First Person")
    first = desk.backup()
    desk.set_backup_clock(lambda: datetime(2026, 11, 25, 9, tzinfo=UTC))
    desk.add_person("Second Person")
    second = desk.backup()
    assert desk.store.key is not None
    counts = []
    for made in (first, second):
        assert made.exists()
        store = open_store(made, desk.store.key)
        try:
            with store.engine.connect() as conn:
                counts.append(conn.exec_driver_sql("SELECT count(*) FROM person").scalar())
        finally:
            store.close()
    assert counts == [1, 2]


def test_names_say_the_kind_and_time_and_read_back() -> None:
    now = datetime(2026, 11, 25, 9, 15, 0, 123456, tzinfo=UTC)
    for kind, label in [
        (BackupKind.DAILY, "daily"),
        (BackupKind.MANUAL, "manual"),
        (BackupKind.PRE_RESTORE, "pre-restore"),
    ]:
        name = backup.backup_name(STORE, backup.label_for(kind), now)
        assert name == f"leaddesk-{label}-20261125T091500123456Z.db"
        assert backup.parse(Path(name), STORE) == (kind, now)
    upgrade = backup.backup_name(STORE, backup.label_for(BackupKind.PRE_UPGRADE, "0004"), now)
    assert upgrade == "leaddesk-pre-0004-20261125T091500123456Z.db"
    assert backup.parse(Path(upgrade), STORE) == (BackupKind.PRE_UPGRADE, now)
    legacy = Path("leaddesk-backup-20261125T091500123456Z.db")  # before kinds existed
    assert backup.parse(legacy, STORE) == (BackupKind.DAILY, now)
    for other in [
        "other-daily-20261125T091500123456Z.db",  # another store's
        "leaddesk-work-daily-20261125T091500123456Z.db",  # leaddesk-work.db's
        "leaddesk-daily-20261125T091500123456Z.db.partial",  # being written
        "leaddesk-daily-yesterday.db",
        "notes.txt",
    ]:
        assert backup.parse(Path(other), STORE) is None


def fake_backups(folder: Path, kind: str, days: list[date]) -> list[Path]:
    """Empty files named as backups made at 09:00 UTC on `days` (rotation reads only names)."""
    made = []
    for day in days:
        path = folder / backup.backup_name(STORE, kind, at(day))
        path.write_bytes(b"")
        made.append(path)
    return made


def every_day(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def test_rotation_of_a_year_of_dailies_keeps_7_days_4_weeks_12_months(tmp_path: Path) -> None:
    fake_backups(tmp_path, "daily", every_day(date(2026, 1, 1), date(2026, 12, 31)))

    backup.rotate(tmp_path, STORE, Retention(daily=7, weekly=4, monthly=12))

    kept = sorted(b.made_at.date() for b in backup.list_backups(tmp_path, STORE))
    days = [date(2026, 12, d) for d in range(25, 32)]  # the last 7 days
    weeks = [date(2026, 12, 13), date(2026, 12, 20), date(2026, 12, 27)]  # Sundays; + Dec 31
    months = [date(2026, m + 1, 1) - timedelta(days=1) for m in range(1, 12)]  # Jan..Nov ends
    assert kept == sorted(set(days + weeks + months + [date(2026, 12, 31)]))
    assert len(kept) == 7 + 2 + 11 + 0  # Dec 20 and Dec 13 beyond the dailies; Jan-Nov


def test_rotation_counts_days_that_have_backups_not_calendar_days(tmp_path: Path) -> None:
    # Away for a month: the last 3 backup days are kept, however old.
    days = [date(2026, 3, 1), date(2026, 3, 2), date(2026, 3, 3), date(2026, 4, 10)]
    fake_backups(tmp_path, "daily", days)
    backup.rotate(tmp_path, STORE, Retention(daily=3, weekly=0, monthly=0))
    kept = sorted(b.made_at.date() for b in backup.list_backups(tmp_path, STORE))
    assert kept == days[1:]


def test_rotation_keeps_the_newest_of_a_day_and_treats_manual_like_daily(tmp_path: Path) -> None:
    morning = tmp_path / backup.backup_name(STORE, "daily", at(date(2026, 5, 1), 8))
    evening = tmp_path / backup.backup_name(STORE, "manual", at(date(2026, 5, 1), 18))
    for path in (morning, evening):
        path.write_bytes(b"")
    deleted = backup.rotate(tmp_path, STORE, Retention(daily=1, weekly=0, monthly=0))
    assert deleted == [morning]
    assert evening.exists()


def test_pre_upgrade_and_pre_restore_copies_are_not_rotated_by_the_daily_rule(
    tmp_path: Path,
) -> None:
    days = every_day(date(2025, 1, 1), date(2025, 1, 8))
    upgrades = fake_backups(tmp_path, "pre-0004", days)
    restores = fake_backups(tmp_path, "pre-restore", days)
    fake_backups(tmp_path, "daily", every_day(date(2026, 1, 1), date(2026, 3, 1)))
    others = [tmp_path / "other-daily-20250101T000000000000Z.db", tmp_path / "notes.txt"]
    for path in others:
        path.write_bytes(b"x")

    backup.rotate(tmp_path, STORE, Retention(daily=1, weekly=0, monthly=0), keep_special=5)

    left = {p.name for p in tmp_path.iterdir()}
    assert {p.name for p in upgrades[-5:] + restores[-5:] + others} <= left
    assert not {p.name for p in upgrades[:-5] + restores[:-5]} & left
    dailies = [b for b in backup.list_backups(tmp_path, STORE) if b.kind is BackupKind.DAILY]
    assert [b.made_at.date() for b in dailies] == [date(2026, 3, 1)]


def test_desk_backups_rotate_by_the_settings(desk: Desk, store_path: Path) -> None:
    desk.update_settings(backup_keep_daily=2, backup_keep_weekly=0, backup_keep_monthly=0)
    start = datetime(2026, 11, 2, 9, tzinfo=UTC)
    for i in range(5):
        desk.set_backup_clock(lambda i=i: start + timedelta(days=i))
        desk.backup_if_due()
    kept = [b.made_at for b in desk.backups()]
    assert kept == [start + timedelta(days=4), start + timedelta(days=3)]


def test_automatic_backup_runs_once_a_day_by_the_injected_clock(desk: Desk) -> None:
    now = datetime(2026, 11, 25, 9, tzinfo=UTC)
    desk.set_backup_clock(lambda: now)
    first = desk.backup_if_due()
    assert first is not None and first.name.startswith("leaddesk-daily-20261125T0900")
    now += timedelta(hours=23, minutes=59)
    assert desk.backup_if_due() is None  # the newest is younger than a day
    now += timedelta(minutes=1)
    later = desk.backup_if_due()
    assert later is not None and later != first
    assert [b.kind for b in desk.backups()] == ["daily", "daily"]


def test_a_manual_backup_counts_as_today_s(desk: Desk) -> None:
    now = datetime(2026, 11, 25, 9, tzinfo=UTC)
    desk.set_backup_clock(lambda: now)
    desk.backup()
    assert desk.backup_if_due() is None


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_partials_of_an_interrupted_backup_are_cleaned_on_the_next_backup(
    desk: Desk, store_path: Path
) -> None:
    folder = store_path.parent / "backups"
    folder.mkdir()
    old = folder / "leaddesk-daily-20261101T090000000000Z.db.partial"
    fresh = folder / "leaddesk-manual-20261125T090000000000Z.db.partial"  # being written now
    others = folder / "other-daily-20261101T090000000000Z.db.partial"
    for path in (old, fresh, others):
        path.write_bytes(b"half a backup")
    age(old, 3600)
    age(others, 3600)
    age(fresh, 0)  # by the same clock as the check (the suite also runs under faketime)

    desk.backup()

    assert not old.exists()
    assert fresh.exists(), "a backup another process is writing right now is left alone"
    assert others.exists(), "another store's files are not ours to remove"


def test_partials_are_cleaned_when_the_store_opens(store_path: Path) -> None:
    key = StoreKey(secrets.token_hex(32), "keychain")
    open_store(store_path, key).close()
    folder = store_path.parent / "backups"
    folder.mkdir()
    old = folder / "leaddesk-pre-0004-20261101T090000000000Z.db.partial"
    old.write_bytes(b"half a backup")
    age(old, 3600)
    open_store(store_path, key).close()
    assert not old.exists()


def test_a_failed_backup_leaves_no_partial(tmp_path: Path) -> None:
    broken = sqlcipher.connect(":memory:")
    broken.close()  # any failure of VACUUM INTO: a full disk, a closed connection
    target = tmp_path / "leaddesk-manual-20261125T090000000000Z.db.partial"
    with pytest.raises(sqlcipher.ProgrammingError):
        backup.vacuum_into(broken, target)
    assert not target.exists()
