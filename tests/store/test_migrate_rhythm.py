"""Revision 0006 gives each person their own 1:1 rhythm: a store made at 0005 upgrades with every
person on the default rhythm of their place, and the rhythm can then be set."""

from __future__ import annotations

import secrets
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from alembic import command

from leaddesk.security.keys import SERVICE, StoreKey, entry_name
from leaddesk.services.desk import Desk
from leaddesk.store import migrate
from leaddesk.store.engine import make_engine

TODAY = date(2026, 11, 25)


def test_a_store_at_0005_upgrades_with_everyone_on_their_default_rhythm(
    store_path: Path, memory_keyring: Any
) -> None:
    key = StoreKey(secrets.token_hex(32), "keychain")
    memory_keyring.set_password(SERVICE, entry_name(store_path), key.secret)
    engine = make_engine(store_path, key)
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0005")
        conn.exec_driver_sql(
            "INSERT INTO person (id, name, archived, created_at) "
            "VALUES (1, 'Ada', 0, '2026-01-01 09:00:00'), (2, 'Zoe', 0, '2026-01-01 09:00:00')"
        )
        conn.exec_driver_sql("UPDATE person SET reports_to_id = 1 WHERE id = 2")
        conn.exec_driver_sql(
            "INSERT INTO one_on_one (person_id, held_on, shared_notes, private_notes) "
            "VALUES (1, '2026-11-01', '', ''), (2, '2026-10-01', '', '')"
        )
    engine.dispose()

    desk = Desk.open(store_path, today=lambda: TODAY)
    try:
        assert desk.revision() == migrate.head_revision()
        assert [p.one_on_one_every_days for p in desk.people()] == [None, None]
        assert desk.next_one_on_ones() == {
            1: date(2026, 11, 15),  # every 2 weeks: a direct report
            2: date(2026, 10, 31),  # every month: a skip-level
        }
        desk.set_one_on_one_rhythm(2, 90)
        assert desk.next_one_on_ones()[2] == date(2026, 10, 1) + timedelta(days=90)
    finally:
        desk.close()
    assert any((store_path.parent / "backups").glob("leaddesk-pre-0005-*"))
