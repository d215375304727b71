"""A bulk load (demo data, a JSON import) fills the search index once at the end, in rowid order,
instead of row by row through the triggers: the same index, in one segment, far faster; and a load
that fails leaves the store, its triggers included, as it was."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import insert

from leaddesk.demo import generate_world
from leaddesk.domain.errors import UserError
from leaddesk.reports.exchange_json import export_json, import_json, read_exchange
from leaddesk.services.bulk import World
from leaddesk.services.desk import Desk
from leaddesk.services.search import reporting_upgrade_progress
from leaddesk.store import migrate
from leaddesk.store import models as m
from leaddesk.store.search_bulk import INDEX_REVISION

TODAY = date(2026, 11, 25)
TRIGGERS = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
INDEX_ROWS = (
    "SELECT rowid, kind, item_id, person_id, delegation_id, factor_id, day, detail "
    "FROM search_index ORDER BY rowid"
)
TOKENS = "SELECT term, doc, col, offset FROM temp.search_vocab ORDER BY doc, col, offset"


def query(desk: Desk, sql: str) -> list[tuple[Any, ...]]:
    with desk.store.engine.connect() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def tokens(desk: Desk) -> list[tuple[Any, ...]]:
    """Every word the index holds: (term, rowid, column, position)."""
    with desk.store.engine.connect() as conn:
        conn.exec_driver_sql(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab "
            "USING fts5vocab(main, search_index, instance)"
        )
        try:
            return [tuple(r) for r in conn.exec_driver_sql(TOKENS)]
        finally:
            conn.exec_driver_sql("DROP TABLE temp.search_vocab")


def segments(desk: Desk) -> int:
    return int(query(desk, "SELECT count(DISTINCT segid) FROM search_index_idx")[0][0])


def load_row_by_row(desk: Desk, world: World) -> None:
    """The world inserted as before this change: every row indexed by the triggers."""
    with desk.store.session(write=True) as session:
        for model, rows in world.tables():
            if rows:
                session.execute(insert(m.Base.metadata.tables[model.__tablename__]), rows)
        for key, value in world.settings.items():
            session.merge(m.Setting(key=key, value=value))


def typical_queries(desk: Desk) -> list[str]:
    """Names, words, prefixes and word pairs drawn from the store's own texts."""
    texts = [str(r[0]) for r in query(desk, "SELECT text FROM promise ORDER BY id LIMIT 40")]
    texts += [str(r[0]) for r in query(desk, "SELECT note FROM checkpoint WHERE note != ''")][:40]
    texts += [str(r[0]) for r in query(desk, "SELECT text FROM relationship_note")][:40]
    names = [str(r[0]) for r in query(desk, "SELECT name FROM person")]
    words = sorted({w for t in texts for w in re.findall(r"[^\W\d_]{4,}", t.casefold())})
    out = [name.split()[0][:4] for name in names] + words[::3] + [w[:3] for w in words[::7]]
    for text in texts[::4]:
        picked = re.findall(r"[^\W\d_]{3,}", text)
        if len(picked) >= 2:
            out.append(" ".join(picked[:2]))
    return out


def hits(desk: Desk, typed: str, **options: Any) -> list[tuple[Any, ...]]:
    return [
        (h.kind, h.item_id, h.person_id, h.on, h.title, h.private, h.snippet)
        for h in desk.search(typed, limit=50, **options)
    ]


@pytest.fixture
def world(desk: Desk) -> World:
    return generate_world(4, 1.5, seed=3, today=TODAY)


def test_a_bulk_load_indexes_exactly_what_rows_inserted_one_by_one_do_in_one_segment(
    desk: Desk, world: World, tmp_path: Path, store_path: Path
) -> None:
    triggers = query(desk, TRIGGERS)
    assert len(triggers) >= 39
    one_by_one = Desk.open(tmp_path / "one-by-one.db", today=lambda: TODAY)
    try:
        load_row_by_row(one_by_one, world)
        desk.load_world(world)

        assert query(desk, TRIGGERS) == triggers, "the same triggers, back in place"
        indexed = query(desk, INDEX_ROWS)
        assert len(indexed) > 1000
        assert indexed == query(one_by_one, INDEX_ROWS)
        assert tokens(desk) == tokens(one_by_one)
        assert segments(desk) == 1 < segments(one_by_one), "filled once, in rowid order"
        typed = typical_queries(desk)
        assert len(typed) > 100
        someone = desk.direct_reports()[0].id
        for q in typed:
            assert hits(desk, q) == hits(one_by_one, q), q
            assert hits(desk, q, include_private=False) == hits(
                one_by_one, q, include_private=False
            ), q
            assert hits(desk, q, person_id=someone) == hits(one_by_one, q, person_id=someone), q
        # And the triggers keep the index from then on.
        person = desk.add_person("Zanele Okonkwo-Brandt")
        assert [h.item_id for h in desk.search("Zanele")] == [person]
    finally:
        one_by_one.close()


def test_the_upgrade_indexes_exactly_what_the_triggers_do(
    desk: Desk, world: World, store_path: Path
) -> None:
    """The upgrade and bulk loads share one fill: it must agree with the triggers row for row."""
    load_row_by_row(desk, world)
    indexed, words = query(desk, INDEX_ROWS), tokens(desk)
    desk.close()
    engine = Desk.open(store_path).store.engine  # a second handle, only to step the schema back
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0006")
    engine.dispose()
    steps: list[tuple[int, int]] = []
    with reporting_upgrade_progress(lambda done, total: steps.append((done, total))):
        upgraded = Desk.open(store_path, today=lambda: TODAY)
    try:
        assert query(upgraded, INDEX_ROWS) == indexed
        assert tokens(upgraded) == words
        assert segments(upgraded) == 1
        assert [done for done, _ in steps] == sorted(done for done, _ in steps)
        assert steps[-1][0] == steps[-1][1]
    finally:
        upgraded.close()


def test_a_json_import_indexes_what_its_source_store_holds(
    desk: Desk, world: World, tmp_path: Path
) -> None:
    desk.load_world(world)
    export_json(desk, tmp_path / "all.json")
    import_json(tmp_path / "all.json", tmp_path / "copy.db", today=lambda: TODAY)
    copy = Desk.open(tmp_path / "copy.db", today=lambda: TODAY)
    try:
        assert query(copy, TRIGGERS) == query(desk, TRIGGERS)
        assert query(copy, INDEX_ROWS) == query(desk, INDEX_ROWS)
        assert tokens(copy) == tokens(desk)
        assert segments(copy) == 1
        for q in typical_queries(desk)[::5]:
            assert hits(copy, q) == hits(desk, q), q
    finally:
        copy.close()


def test_a_failed_demo_load_leaves_the_store_and_its_triggers_as_they_were(
    desk: Desk, world: World
) -> None:
    triggers = query(desk, TRIGGERS)
    broken = World(**{k: v for k, v in vars(world).items() if k in World.__dataclass_fields__})
    broken.reflections = [{**broken.reflections[0], "unknown_column": 1}]
    with pytest.raises(ValueError):
        desk.load_world(broken)  # fails after every other table went in, triggers dropped

    assert query(desk, TRIGGERS) == triggers
    assert query(desk, "SELECT count(*) FROM person") == [(0,)]
    assert query(desk, INDEX_ROWS) == []
    person = desk.add_person("Zanele Okonkwo-Brandt")
    assert [h.item_id for h in desk.search("Zanele")] == [person]


@pytest.mark.parametrize("fault", ["duplicate id", "dangling parent"])
def test_a_failed_json_import_leaves_the_store_and_its_triggers_as_they_were(
    desk: Desk, world: World, tmp_path: Path, fault: str
) -> None:
    desk.load_world(world)
    export_json(desk, tmp_path / "all.json")
    target = Desk.open(tmp_path / "copy.db", today=lambda: TODAY)
    try:
        triggers = query(target, TRIGGERS)
        tables = read_exchange(tmp_path / "all.json").tables
        if fault == "duplicate id":  # fails while inserting the last table, triggers dropped
            tables["promise_event"].append(dict(tables["promise_event"][0]))
        else:  # found only at COMMIT, after the index was filled and the triggers put back
            tables["checkpoint"][-1]["delegation_id"] = 999_999
        with pytest.raises(UserError):
            target.load_exchange(tables)

        assert query(target, TRIGGERS) == triggers
        assert query(target, "SELECT count(*) FROM person") == [(0,)]
        assert query(target, INDEX_ROWS) == []
        person = target.add_person("Zanele Okonkwo-Brandt")
        assert [h.item_id for h in target.search("Zanele")] == [person]
    finally:
        target.close()


def test_bulk_loads_fill_the_index_with_the_migration_that_last_built_it() -> None:
    """A later migration that rebuilds the index must become the one bulk loads fill it with."""
    builders = sorted(
        script.name[:4]
        for script in (migrate.MIGRATIONS / "versions").glob("*.py")
        if "CREATE VIRTUAL TABLE" in script.read_text(encoding="utf-8")
    )
    assert builders[-1] == INDEX_REVISION
