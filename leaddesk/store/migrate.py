"""Schema migrations at open: refuse newer stores, back up before an upgrade, then upgrade.

Opening an up-to-date store is the common case and must be quick (it is on the path to the first
window): the revision is read with plain SQL and compared with the revisions shipped in
migrations/versions, and Alembic itself is imported only when an upgrade has to run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine

from leaddesk.store.errors import NewerStoreError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r'^revision\s*=\s*"([^"]+)"', re.MULTILINE)
_DOWN = re.compile(r'^down_revision\s*=\s*(?:None|"([^"]+)")', re.MULTILINE)


def alembic_config() -> Config:
    """An Alembic config pointing at the migrations shipped inside the package."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def _revisions() -> dict[str, str | None]:
    """Every shipped revision and the one it follows, read from the version files."""
    return _revisions_in(MIGRATIONS)


@cache
def _revisions_in(folder: Path) -> dict[str, str | None]:
    chain: dict[str, str | None] = {}
    for script in sorted((folder / "versions").glob("*.py")):
        text = script.read_text(encoding="utf-8")
        revision, down = _REVISION.search(text), _DOWN.search(text)
        if revision is not None and down is not None:
            chain[revision.group(1)] = down.group(1)
    return chain


def head_revision() -> str:
    """The newest schema revision this version of LeadDesk knows."""
    chain = _revisions()
    heads = set(chain) - {down for down in chain.values() if down}
    assert len(heads) == 1, f"migrations must form one line, found heads {sorted(heads)}"
    return heads.pop()


_HAS_VERSION_TABLE = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
_VERSION = "SELECT version_num FROM alembic_version"


def current_revision(conn: Connection) -> str | None:
    """The revision a store is at; None for an empty (new) store."""
    if conn.exec_driver_sql(_HAS_VERSION_TABLE).first() is None:
        return None
    row = conn.exec_driver_sql(_VERSION).first()
    return str(row[0]) if row is not None else None


def raw_revision(conn: Any) -> str | None:
    """The same, read on a bare DB-API connection (before any engine exists)."""
    if conn.execute(_HAS_VERSION_TABLE).fetchone() is None:
        return None
    row = conn.execute(_VERSION).fetchone()
    return str(row[0]) if row is not None else None


def check_not_newer(path: Path, revision: str | None) -> None:
    """Raise NewerStoreError when `revision` is unknown to this version."""
    if revision is None:
        return
    known = revision in _revisions()
    if not known:
        raise NewerStoreError(
            f"{path} was written by a newer version of LeadDesk (schema {revision}). "
            "Install the newer version to open it; the file was not changed."
        )


# Told (done, total) by a long upgrade step (building the search index) while it runs.
_PROGRESS: ContextVar[Callable[[int, int], None] | None] = ContextVar("progress", default=None)


@contextmanager
def reporting_progress(report: Callable[[int, int], None]) -> Iterator[None]:
    """While inside, an upgrade's long steps call `report(done, total)` (the opening window
    shows it), without threading a callback through every way a store is opened."""
    token = _PROGRESS.set(report)
    try:
        yield
    finally:
        _PROGRESS.reset(token)


def upgrade(engine: Engine) -> None:
    """Bring the store to the head revision."""
    from alembic import command

    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        cfg.attributes["progress"] = _PROGRESS.get()
        command.upgrade(cfg, "head")
