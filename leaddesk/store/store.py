"""Opening a store file: key check, newer-version refusal, backup before upgrade, migration."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session, sessionmaker

from leaddesk.security.keys import StoreKey
from leaddesk.store import backup, migrate
from leaddesk.store.engine import BEGIN_OPTION, check_key, make_engine
from leaddesk.store.errors import StoreError


@dataclass
class Store:
    """An open, migrated, encrypted store file."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    write_sessions: sessionmaker[Session] = field(init=False, repr=False)
    key: StoreKey | None = field(default=None, repr=False)  # to check and restore its backups

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
        with (self.write_sessions if write else self.sessions).begin() as session:
            yield session

    def integrity_check(self) -> list[str]:
        """SQLite's integrity check plus foreign keys: an empty list when all is well."""
        problems: list[str] = []
        with self.engine.connect() as conn:
            rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
            if rows != ["ok"]:
                problems.extend(str(r) for r in rows)
            for row in conn.execute(text("PRAGMA foreign_key_check")):
                problems.append(f"foreign key: {tuple(row)}")
        return problems

    def revision(self) -> str | None:
        """The schema revision of this store."""
        with self.engine.connect() as conn:
            return migrate.current_revision(conn)

    def close(self) -> None:
        """Release every pooled connection (checkpointing the WAL)."""
        self.engine.dispose()


def open_store(path: Path, key: StoreKey) -> Store:
    """Open (or create) the store at `path` with `key`, migrated to the current schema."""
    path = Path(path).expanduser()
    if path.exists() and path.is_dir():
        raise StoreError(f"{path} is a folder, not a store file.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(
            f"Cannot create the folder for {path}: {error.strerror or error}."
        ) from None
    created = not path.exists()
    if path.with_name(path.name + "-wal").exists():
        check_key(path, key)
    engine = make_engine(path, key)
    try:
        with engine.connect() as conn:
            current = migrate.current_revision(conn)
            if current is None and _user_tables(conn):
                raise StoreError(
                    f"{path} holds tables but no LeadDesk schema revision: it is not a LeadDesk "
                    "store, or it is damaged. The file was not changed."
                )
        migrate.check_not_newer(path, current)
        if current != migrate.head_revision():
            if current is not None:
                backup.backup_to(engine, path, path.parent / "backups", label=f"pre-{current}")
            migrate.upgrade(engine)
    except BaseException:
        engine.dispose()
        if created:
            # A store that could not be created is not left behind half-made (and keyless).
            for leftover in (path, *(path.with_name(path.name + end) for end in _SIDE_FILES)):
                leftover.unlink(missing_ok=True)
        raise
    backup.clean_partials(backup.default_folder(path), path)  # left by a killed backup
    return Store(path, engine, sessionmaker(engine, expire_on_commit=False), key=key)


_SIDE_FILES = ("-wal", "-shm", "-journal")


def _user_tables(conn: Connection) -> list[str]:
    """Tables other than SQLite's own and Alembic's version table."""
    rows = conn.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
    )
    return [str(r[0]) for r in rows]
