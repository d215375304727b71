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


LOCKED = "LeadDesk is locked: unlock it to read or change your notes."


def locked_store(path: Path, message: str = LOCKED) -> Store:
    """A Store whose every session fails with StoreLockedError(message): no key, no open file."""

    def refuse() -> NoReturn:
        raise StoreLockedError(message)

    engine = create_engine(
        "sqlite+pysqlite://", module=sqlcipher, creator=refuse, poolclass=NullPool
    )
    return Store(Path(path), engine, sessionmaker(engine, expire_on_commit=False))
