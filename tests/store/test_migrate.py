"""Schema migrations at open, with the real Alembic scripts on real encrypted files."""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from leaddesk.security.keys import SERVICE, StoreKey, entry_name
from leaddesk.services.desk import Desk
from leaddesk.store import migrate
from leaddesk.store.engine import make_engine
from leaddesk.store.errors import NewerStoreError, StoreError
from leaddesk.store.models import Base
from leaddesk.store.search_tables import in_models, is_search_table
from leaddesk.store.store import open_store

NEXT_REVISION = """\
import sqlalchemy as sa
from alembic import op

revision = "{revision}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("next_release_note", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("UPDATE person SET role = 'touched by {revision}'")
    {then}


def downgrade() -> None:
    op.drop_table("next_release_note")
"""


@pytest.fixture
def key() -> StoreKey:
    """A raw keychain-style key: no key derivation, so opening is fast."""
    return StoreKey(secrets.token_hex(32), "keychain")


@contextmanager
def raw_store(path: Path, key: StoreKey) -> Iterator[sqlcipher.Connection]:
    """A keyed sqlcipher3 connection that bypasses the app (and so never migrates)."""
    with closing(sqlcipher.connect(str(path))) as conn:
        conn.execute(f"PRAGMA key = \"x'{key.secret}'\"")
        yield conn


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def schema_differences(engine: Engine) -> list[Any]:
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={"compare_type": True, "compare_server_default": True, "include_name": in_models},
        )
        return list(compare_metadata(context, Base.metadata))


def run_alembic(engine: Engine, action: Any, target: str) -> None:
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        action(config, target)


class Releases:
    """Pretends a newer LeadDesk ships one more migration, then goes back to this one."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder = folder
        self.monkeypatch = monkeypatch
        self.this = migrate.MIGRATIONS

    def ship_next(self, revision: str = "9001", then: str = "pass") -> str:
        shutil.copytree(self.this, self.folder, ignore=shutil.ignore_patterns("__pycache__"))
        down = migrate.head_revision()
        script = NEXT_REVISION.format(revision=revision, down=down, then=then)
        (self.folder / "versions" / f"{revision}_next_release.py").write_text(script)
        self.monkeypatch.setattr(migrate, "MIGRATIONS", self.folder)
        assert migrate.head_revision() == revision
        return revision

    def back_to_this(self) -> None:
        self.monkeypatch.setattr(migrate, "MIGRATIONS", self.this)


@pytest.fixture
def releases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Releases:
    return Releases(tmp_path / "next-release-migrations", monkeypatch)


# -- from empty -------------------------------------------------------------------------------


def test_new_store_is_at_head_with_every_model_table(store_path: Path, key: StoreKey) -> None:
    store = open_store(store_path, key)
    try:
        assert store.revision() == migrate.head_revision()
        with store.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
        assert set(Base.metadata.tables) <= tables
        others = {t for t in tables - set(Base.metadata.tables) if not is_search_table(t)}
        assert others == {"alembic_version"}
    finally:
        store.close()


def test_migrations_build_exactly_the_schema_of_the_models(store_path: Path, key: StoreKey) -> None:
    # Fails when a model changes without a migration (or a migration without the model).
    store = open_store(store_path, key)
    try:
        assert schema_differences(store.engine) == []
    finally:
        store.close()


def test_the_comparison_would_notice_a_missing_migration(store_path: Path, key: StoreKey) -> None:
    store = open_store(store_path, key)
    try:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("DROP INDEX ix_promise_person_state")
            conn.exec_driver_sql("ALTER TABLE person DROP COLUMN email")
        found = {(d[0], getattr(d[-1], "name", None)) for d in schema_differences(store.engine)}
        assert found == {("add_column", "email"), ("add_index", "ix_promise_person_state")}
    finally:
        store.close()


def test_downgrade_to_base_then_upgrade_rebuilds_the_schema(
    store_path: Path, key: StoreKey
) -> None:
    store = open_store(store_path, key)
    try:
        run_alembic(store.engine, command.downgrade, "base")
        with store.engine.connect() as conn:
            assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
            assert migrate.current_revision(conn) is None
        run_alembic(store.engine, command.upgrade, "head")
        assert store.revision() == migrate.head_revision()
        assert schema_differences(store.engine) == []
    finally:
        store.close()


def test_store_downgraded_to_base_is_rebuilt_on_open(store_path: Path, key: StoreKey) -> None:
    store = open_store(store_path, key)
    run_alembic(store.engine, command.downgrade, "base")
    store.close()
    store = open_store(store_path, key)
    try:
        assert store.revision() == migrate.head_revision()
        assert schema_differences(store.engine) == []
    finally:
        store.close()
    assert not (store_path.parent / "backups").exists(), "an empty store has nothing to back up"


# -- from every earlier revision --------------------------------------------------------------


def earlier_revisions() -> list[str]:
    script = ScriptDirectory.from_config(migrate.alembic_config())
    head = script.get_current_head()
    return [r.revision for r in script.walk_revisions() if r.revision != head]


def test_store_at_every_earlier_revision_is_backed_up_then_upgraded(
    tmp_path: Path, key: StoreKey
) -> None:
    for revision in ["base", *earlier_revisions()]:
        path = tmp_path / f"at-{revision}" / "leaddesk.db"
        path.parent.mkdir()
        engine = make_engine(path, key)
        if revision != "base":
            run_alembic(engine, command.upgrade, revision)
        else:
            engine.connect().close()  # an empty keyed file, as a crash right after creation leaves
        engine.dispose()

        store = open_store(path, key)
        try:
            assert store.revision() == migrate.head_revision()
            assert schema_differences(store.engine) == []
        finally:
            store.close()
        backups = sorted(p.name for p in (path.parent / "backups").glob("*"))
        if revision == "base":
            assert backups == []
        else:
            assert len(backups) == 1 and backups[0].startswith(f"leaddesk-pre-{revision}-")


def test_upgrade_backs_up_the_old_store_first_and_keeps_every_row(
    store_path: Path, releases: Releases, memory_keyring: Any
) -> None:
    desk = Desk.open(store_path)
    ada = desk.add_person("Ada Lovelace", role="VP Engineering")
    desk.close()
    old = migrate.head_revision()
    key = StoreKey(memory_keyring.get_password(SERVICE, entry_name(store_path)), "keychain")

    new = releases.ship_next()
    desk = Desk.open(store_path)
    try:
        assert desk.revision() == new
        assert desk.person(ada).name == "Ada Lovelace"
        assert desk.person(ada).role == f"touched by {new}", "the migration really ran"
        assert desk.integrity_problems() == []
    finally:
        desk.close()

    (backup,) = (store_path.parent / "backups").iterdir()
    assert backup.name.startswith(f"leaddesk-pre-{old}-") and backup.suffix == ".db"
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    with raw_store(backup, key) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(old,)]
        assert conn.execute("SELECT name, role FROM person").fetchall() == [
            ("Ada Lovelace", "VP Engineering")
        ]
        assert conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'next_release_note'"
        ).fetchone() == (0,)

    # And this (older) release now refuses the upgraded store, leaving it as it is.
    releases.back_to_this()
    before = sha256(store_path)
    with pytest.raises(NewerStoreError, match=new):
        Desk.open(store_path)
    assert sha256(store_path) == before
    assert memory_keyring.get_password(SERVICE, entry_name(store_path)) == key.secret


def test_failed_upgrade_leaves_the_store_at_its_revision(
    store_path: Path, releases: Releases, memory_keyring: Any
) -> None:
    desk = Desk.open(store_path)
    desk.add_person("Ada Lovelace", role="VP Engineering")
    desk.close()
    old = migrate.head_revision()
    key = StoreKey(memory_keyring.get_password(SERVICE, entry_name(store_path)), "keychain")

    releases.ship_next(then="raise RuntimeError('the migration broke half-way')")
    with pytest.raises(RuntimeError, match="half-way"):
        Desk.open(store_path)
    with raw_store(store_path, key) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(old,)]
        assert conn.execute("SELECT name, role FROM person").fetchall() == [
            ("Ada Lovelace", "VP Engineering")
        ]
        assert conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'next_release_note'"
        ).fetchone() == (0,)
    assert len(list((store_path.parent / "backups").iterdir())) == 1

    releases.back_to_this()
    desk = Desk.open(store_path)
    try:
        assert [p.name for p in desk.people()] == ["Ada Lovelace"]
    finally:
        desk.close()


# -- stores this version must not touch -------------------------------------------------------


def test_store_from_a_newer_version_is_refused_untouched(
    store_path: Path, memory_keyring: Any
) -> None:
    Desk.open(store_path).close()
    key = StoreKey(memory_keyring.get_password(SERVICE, entry_name(store_path)), "keychain")
    with raw_store(store_path, key) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00dcafe1234'")
        conn.commit()
    assert os.listdir(store_path.parent) == ["leaddesk.db"]
    before = sha256(store_path)

    with pytest.raises(NewerStoreError) as caught:
        Desk.open(store_path)
    message = str(caught.value)
    assert "\n" not in message
    assert "newer version of LeadDesk" in message
    assert "f00dcafe1234" in message and "not changed" in message
    assert key.secret not in message
    assert sha256(store_path) == before
    assert os.listdir(store_path.parent) == ["leaddesk.db"], "no backup, no WAL left behind"
    assert memory_keyring.get_password(SERVICE, entry_name(store_path)) == key.secret


def test_tables_without_a_revision_are_refused_untouched(store_path: Path, key: StoreKey) -> None:
    open_store(store_path, key).close()
    with raw_store(store_path, key) as conn:
        conn.execute("DROP TABLE alembic_version")
        conn.commit()
    before = sha256(store_path)
    with pytest.raises(StoreError, match="no LeadDesk schema revision"):
        open_store(store_path, key)
    assert sha256(store_path) == before
    assert os.listdir(store_path.parent) == ["leaddesk.db"]
