"""Schema migrations at open: refuse newer stores, back up before an upgrade, then upgrade."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from leaddesk.store.errors import NewerStoreError

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    """An Alembic config pointing at the migrations shipped inside the package."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    """The newest schema revision this version of LeadDesk knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    """The revision a store is at; None for an empty (new) store."""
    return MigrationContext.configure(conn).get_current_revision()


def check_not_newer(path: Path, revision: str | None) -> None:
    """Raise NewerStoreError when `revision` is unknown to this version."""
    if revision is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    try:
        known = script.get_revision(revision) is not None
    except Exception:
        known = False
    if not known:
        raise NewerStoreError(
            f"{path} was written by a newer version of LeadDesk (schema {revision}). "
            "Install the newer version to open it; the file was not changed."
        )


def upgrade(engine: Engine) -> None:
    """Bring the store to the head revision."""
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
