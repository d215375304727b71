"""The stand-in for a store while the app is locked: it holds no key and opens no connection."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import NullPool

from leaddesk.store.errors import StoreError
from leaddesk.store.store import Store


class StoreLockedError(StoreError):
    """The store was closed by the lock; it opens again when the user unlocks."""


def _refuse() -> NoReturn:
    raise StoreLockedError("LeadDesk is locked: unlock it to read or change your notes.")


def locked_store(path: Path) -> Store:
    """A Store whose every session fails with StoreLockedError: no key, no open file."""
    engine = create_engine(
        "sqlite+pysqlite://", module=sqlcipher, creator=_refuse, poolclass=NullPool
    )
    return Store(Path(path), engine, sessionmaker(engine, expire_on_commit=False))
