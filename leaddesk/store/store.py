"""Opening a store file: key check, newer-version refusal, backup before upgrade, migration."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from leaddesk.domain.errors import ValidationError
from leaddesk.security.keys import StoreKey, derive_key
from leaddesk.store import backup, damage, migrate
from leaddesk.store.engine import BEGIN_OPTION, connect_readonly, make_engine
from leaddesk.store.errors import (
    EmptyStoreFileError,
    StoreDamagedError,
    StoreError,
    translate,
)


@dataclass
class Store:
    """An open, migrated, encrypted store file."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    write_sessions: sessionmaker[Session] = field(init=False, repr=False)
    key: StoreKey | None = field(default=None, repr=False)  # to check and restore its backups
    # The key connections open with (a passphrase derived once), for checks on their own
    # connection that must not pay the key derivation again.
    open_key: StoreKey | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        immediate = self.engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
        self.write_sessions = sessionmaker(immediate, expire_on_commit=False)

    @contextmanager
    def session(self, write: bool = False) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on error.

        With `write=True` it holds the write lock from its start (waiting while another
        connection writes), so a transaction that reads then writes cannot fail half-way with
        "database is locked" because someone else committed in between.
        """
        try:
            with (self.write_sessions if write else self.sessions).begin() as session:
                yield session
        except (DBAPIError, OSError, UnicodeEncodeError) as error:
            raise store_failure(error, self.path, self.key) from None
        except MemoryError:  # SQLCipher's codec reports a page that fails its HMAC this way
            if self.key is not None or self.open_key is not None:
                self.check_not_damaged()  # says which backup is whole, when it is damage
            raise

    def integrity_check(self) -> list[str]:
        """Damaged pages, then SQLite's integrity and foreign-key checks: empty when all is well."""
        if self.key is None and self.open_key is None:  # built by hand around an engine
            with self.engine.connect() as conn:
                return damage.structure_problems(conn.connection.dbapi_connection)
        return _guarded(self.path, lambda: damage.file_problems(self.path, _key(self), full=True))

    def damage(self) -> list[str]:
        """Pages whose checks fail (a quick read of every page; empty when the file is whole)."""
        return _guarded(self.path, lambda: damage.file_problems(self.path, _key(self)))

    def check_not_damaged(self) -> None:
        """Raise StoreDamagedError, naming the newest whole backup, if any page is damaged."""
        problems = self.damage()
        if problems:
            raise damage.damaged_error(self.path, problems, self.key or _key(self))

    def revision(self) -> str | None:
        """The schema revision of this store."""
        try:
            with self.engine.connect() as conn:
                return migrate.current_revision(conn)
        except DBAPIError as error:
            raise store_failure(error, self.path, self.key) from None

    def close(self) -> None:
        """Release every pooled connection (checkpointing the WAL)."""
        self.engine.dispose()


def open_store(path: Path, key: StoreKey) -> Store:
    """Open (or create) the store at `path` with `key`, migrated to the current schema."""
    path = Path(path).expanduser()
    preflight(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise (
            translate(error, path.parent)
            or StoreError(f"Cannot create the folder for {path}: {error.strerror or error}.")
        ) from None
    created = not path.exists()
    if created:
        _create_private(path)
        open_key = key
    else:
        open_key = _peek(path, key)
    engine = make_engine(path, open_key)
    try:
        with engine.connect() as conn:
            current = migrate.current_revision(conn)
        if current != migrate.head_revision():
            if current is not None:
                backup.backup_to(engine, path, path.parent / "backups", label=f"pre-{current}")
            migrate.upgrade(engine)
    except BaseException as error:
        engine.dispose()
        if created:
            # A store that could not be created is not left behind half-made (and keyless).
            for leftover in (path, *(path.with_name(path.name + end) for end in _SIDE_FILES)):
                leftover.unlink(missing_ok=True)
        if isinstance(error, DBAPIError | OSError):
            raise store_failure(error, path, key) from None
        raise
    backup.clean_partials(backup.default_folder(path), path)  # left by a killed backup
    return Store(
        path, engine, sessionmaker(engine, expire_on_commit=False), key=key, open_key=open_key
    )


def preflight(path: Path) -> None:
    """Refuse, before any key is asked for, a path that cannot be a store: a folder, or an
    empty file (which SQLite would silently turn into a new store, perhaps under a weak key)."""
    path = Path(path).expanduser()
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file.")
    try:
        size = path.stat().st_size
    except OSError:
        return  # absent (a new store), or said more precisely when opened
    if size == 0:
        raise EmptyStoreFileError(
            f"{path} is an empty file (0 bytes), not a LeadDesk store, so it was not opened. "
            "If it should hold your data, restore a backup (`leaddesk restore BACKUP`); to start "
            "a new store, delete the empty file or choose another path."
        )


def _create_private(path: Path) -> None:
    """Create the empty store file 0600 before SQLite does: its -wal and -shm copy its mode."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise (translate(error, path) or store_failure(error, path)) from None
    os.close(fd)


def _peek(path: Path, key: StoreKey) -> StoreKey:
    """Check the key, the revision and the tables on a read-only connection, before anything
    can write: a wrong key, a newer version's store or a foreign file is refused with its file
    and WAL untouched. Returns the key to open pooled connections with (a passphrase is
    derived once, here)."""
    if key.source == "passphrase":
        key = derive_key(key, path) or key
    try:
        conn = connect_readonly(path, key)
    except StoreDamagedError as damaged:
        raise damage.damaged_error(path, damaged.problems, key) from None
    try:
        current = migrate.raw_revision(conn)
        if current is None and _raw_user_tables(conn):
            raise StoreError(
                f"{path} holds tables but no LeadDesk schema revision: it is not a LeadDesk "
                "store, or it is damaged. The file was not changed."
            )
        migrate.check_not_newer(path, current)
    except StoreDamagedError as damaged:
        raise damage.damaged_error(path, damaged.problems, key) from None
    except StoreError:
        raise
    except Exception as error:  # sqlcipher's own errors: said by what they mean, or a fault
        raise store_failure(error, path, key) from None
    finally:
        conn.close()
    return key


def store_failure(error: BaseException, path: Path, key: StoreKey | None = None) -> StoreError:
    """The StoreError to raise for `error`; an unknown one is logged as a fault, never quoted.

    Damage met on the way is said with the newest whole backup when the key is at hand.
    """
    if isinstance(error, UnicodeEncodeError):
        return ValidationError(  # type: ignore[return-value]  # a UserError all the same
            "The text holds characters that are not valid Unicode (perhaps from a terminal "
            "with another encoding); nothing was saved."
        )
    found = translate(error, path)
    if isinstance(found, StoreDamagedError) and found.backup is None and key is not None:
        try:
            problems = damage.file_problems(path, key) or found.problems
        except StoreError:
            problems = found.problems
        return damage.damaged_error(path, problems, key)
    if found is not None:
        return found
    from leaddesk.logs import record_fault

    log = record_fault(error, "Store operation failed")
    return StoreError(
        f"LeadDesk could not complete this on {path} (a fault, not your doing); nothing was "
        f"saved. Details without private text are in {log}."
    )


def _key(store: Store) -> StoreKey:
    found = store.open_key or store.key
    assert found is not None
    return found


def _guarded(path: Path, check: Any) -> list[str]:
    try:
        return list(check())
    except StoreError:
        raise
    except Exception as error:
        raise store_failure(error, path) from None


_SIDE_FILES = ("-wal", "-shm", "-journal")


def _raw_user_tables(conn: Any) -> list[str]:
    """Tables other than SQLite's own and Alembic's version table (a DB-API connection)."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
    )
    return [str(r[0]) for r in rows]
