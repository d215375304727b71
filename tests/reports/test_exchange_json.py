"""The JSON exchange file: lossless round trip on demo data, and every kind of bad file refused."""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from leaddesk.demo import build_demo
from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports.exchange_json import (
    MAX_BYTES,
    ExchangeFileError,
    export_json,
    import_json,
    read_exchange,
)
from leaddesk.security.keys import SERVICE, StoreKey, entry_name
from leaddesk.services.desk import Desk
from leaddesk.services.exchange import exchange_schema
from leaddesk.services.undo import Deletable
from leaddesk.store.store import open_store

TODAY = date(2026, 11, 25)
DOCS = Path(__file__).parents[2] / "docs" / "json-format.md"
STAMP = datetime(2026, 11, 25, 9, 30)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, int]]:
    """A demo store (4 people x 1 year) with deletions, a draft and settings, exported once."""
    folder = tmp_path_factory.mktemp("exchange")
    key = StoreKey(secrets.token_hex(32), "keychain")
    desk = Desk(open_store(folder / "demo.db", key), today=lambda: TODAY)
    build_demo(desk, people=4, years=1, seed=2)
    person = desk.direct_reports()[0].id
    promise = desk.add_promise(person, PromiseDirection.MINE, "Deleted on purpose")
    desk.delete(Deletable.PROMISE, promise)
    skip_level = desk.add_person("Gone Person", reports_to_id=person)
    desk.delete(Deletable.PERSON, skip_level)
    desk.save_one_on_one_draft(person, "shared draft", "private draft", 4, [])
    desk.update_settings(half_life_days=90)
    desk.save_reflection("A reflection with “quotes”, a\nline break and é.")
    export_json(desk, folder / "demo.json", now=lambda: STAMP)
    ids = {"person": person, "deleted promise": promise, "deleted person": skip_level}
    desk.close()
    return (folder / "demo.json").read_text(encoding="utf-8"), ids


def _document(exported: tuple[str, dict[str, int]]) -> dict[str, Any]:
    return json.loads(exported[0])  # type: ignore[no-any-return]


def test_round_trip_gives_the_same_file_except_the_export_time(
    exported: tuple[str, dict[str, int]], tmp_path: Path
) -> None:
    text, _ = exported
    source = tmp_path / "in.json"
    source.write_text(text, encoding="utf-8")
    done = import_json(source, tmp_path / "new.db", today=lambda: TODAY)
    assert done.rows == sum(len(rows) for rows in _document(exported)["tables"].values())
    desk = Desk.open(tmp_path / "new.db", today=lambda: TODAY)
    again = export_json(desk, tmp_path / "again.json", now=lambda: datetime(2027, 1, 1))
    desk.close()
    assert again.rows == done.rows
    second = (tmp_path / "again.json").read_text(encoding="utf-8")
    assert '"exported_at": "2027-01-01T00:00:00Z"' in second
    assert second.replace("2027-01-01T00:00:00Z", "2026-11-25T09:30:00Z") == text


def test_history_deleted_rows_drafts_settings_and_reflections_are_all_exported(
    exported: tuple[str, dict[str, int]],
) -> None:
    document = _document(exported)
    _, ids = exported
    assert (document["format"], document["version"]) == ("leaddesk", 2)
    assert document["exported_at"] == "2026-11-25T09:30:00Z"
    tables = document["tables"]
    assert set(tables) == {spec.name for spec in exchange_schema()}
    for history in ("level_change", "calibration", "promise_event", "relationship_note"):
        assert tables[history], history
    [promise] = [p for p in tables["promise"] if p["id"] == ids["deleted promise"]]
    assert promise["text"] == "Deleted on purpose"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z", promise["deleted_at"])
    [gone] = [p for p in tables["person"] if p["id"] == ids["deleted person"]]
    assert gone["deleted_at"] is not None and gone["reports_to_id"] == ids["person"]
    assert tables["one_on_one_draft"] == [
        {
            "person_id": ids["person"],
            "started_on": TODAY.isoformat(),
            "shared_notes": "shared draft",
            "private_notes": "private draft",
            "energy": 4,
            "discussed_topic_ids": "",
            "updated_at": tables["one_on_one_draft"][0]["updated_at"],
        }
    ]
    assert {"key": "half_life_days", "value": "90.0"} in tables["setting"]
    assert any("line break and é" in r["text"] for r in tables["reflection"])
    assert any(r["private_notes"] for r in tables["one_on_one"])


def test_imported_store_shows_the_same_data_through_the_services(
    exported: tuple[str, dict[str, int]], tmp_path: Path, memory_keyring: Any
) -> None:
    text, ids = exported
    (tmp_path / "in.json").write_text(text, encoding="utf-8")
    import_json(tmp_path / "in.json", tmp_path / "new.db", today=lambda: TODAY)
    assert memory_keyring.get_password(SERVICE, entry_name(tmp_path / "new.db"))
    desk = Desk.open(tmp_path / "new.db", today=lambda: TODAY)
    try:
        assert desk.settings().half_life_days == 90
        assert "Gone Person" not in [p.name for p in desk.people(include_archived=True)]
        assert "Deleted on purpose" not in [p.text for p in desk.promises()]
        draft = desk.one_on_one_draft(ids["person"])
        assert draft is not None and draft.private_notes == "private draft"
        assert desk.integrity_problems() == []
        desk.restore(Deletable.PROMISE, ids["deleted promise"])
        assert "Deleted on purpose" in [p.text for p in desk.promises()]
    finally:
        desk.close()


def test_every_table_and_field_is_documented_with_its_type() -> None:
    documented: dict[str, dict[str, str]] = {}
    table = ""
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        if line.startswith("### "):
            table = line[4:].strip()
            documented[table] = {}
        elif table and line.startswith("| ") and not line.startswith("| Field"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            documented[table][cells[0]] = " ".join(cells[1:3])
    for spec in exchange_schema():
        fields = documented.pop(spec.name)
        assert list(fields) == [c.name for c in spec.columns], spec.name
        for column in spec.columns:
            kind, rule = (
                fields[column.name].split(" ", 1)
                if " " in fields[column.name]
                else (
                    fields[column.name],
                    "",
                )
            )
            assert kind == column.kind.value, (spec.name, column.name)
            assert rule.startswith("or null") == column.nullable, (spec.name, column.name)
            assert ("primary key" in rule) == (column.name == spec.key), column.name
            assert (f"→ {column.references}" in rule) == bool(column.references), column.name
            assert ("one of" in rule) == bool(column.choices), (spec.name, column.name)
    assert documented == {}


def test_a_datetime_with_an_offset_is_read_as_utc(
    exported: tuple[str, dict[str, int]], tmp_path: Path
) -> None:
    document = _document(exported)
    document["tables"]["person"][0]["created_at"] = "2026-01-01T10:00:00+02:00"
    source = tmp_path / "offset.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    data = read_exchange(source)
    assert data.tables["person"][0]["created_at"] == datetime(2026, 1, 1, 8, 0)
    assert data.tables["person"][0]["in_role_since"] == date.fromisoformat(
        document["tables"]["person"][0]["in_role_since"]
    )


Edit = Callable[[dict[str, Any]], Any]


def _set(table: str, index: int, field: str, value: Any) -> Edit:
    def edit(document: dict[str, Any]) -> None:
        document["tables"][table][index][field] = value

    return edit


def _drop_field(document: dict[str, Any]) -> None:
    del document["tables"]["promise"][2]["due_on"]


def _duplicate_key(document: dict[str, Any]) -> None:
    rows = document["tables"]["checkpoint"]
    rows[5]["id"] = rows[4]["id"]


def _setting(key: str, value: str) -> Edit:
    def edit(document: dict[str, Any]) -> None:
        rows = document["tables"]["setting"]
        rows[:] = [r for r in rows if r["key"] != key] + [{"key": key, "value": value}]

    return edit


def _reports_to_loop(document: dict[str, Any]) -> None:
    first, second = document["tables"]["person"][:2]
    first["reports_to_id"], second["reports_to_id"] = second["id"], first["id"]


BAD_DOCUMENTS: list[tuple[str, Edit, str]] = [
    ("other format", lambda d: d.update(format="other"), r"not a LeadDesk export"),
    ("future version", lambda d: d.update(version=3), r"made by a newer LeadDesk.*update the app"),
    ("version as text", lambda d: d.update(version="1"), r"unknown format version '1'"),
    ("version zero", lambda d: d.update(version=0), r"unknown format version 0"),
    ("no tables", lambda d: d.pop("tables"), r'"tables" is missing'),
    ("missing table", lambda d: d["tables"].pop("calibration"), r"table calibration is missing"),
    ("unknown table", lambda d: d["tables"].update(extra=[]), r"unknown table extra"),
    ("table not a list", lambda d: d["tables"].update(term={}), r"table term: not a list"),
    ("unknown field", _set("term", 0, "x", 1), r"table term, row 1: unknown field x"),
    (
        "row not an object",
        lambda d: d["tables"]["promise"].__setitem__(1, [1, 2]),
        r"table promise, row 2: not an object",
    ),
    ("missing field", _drop_field, r"table promise, row 3: field due_on is missing"),
    (
        "text for an id",
        _set("promise", 2, "person_id", "1"),
        r"table promise, row 3, field person_id: \"1\" is not a whole number",
    ),
    (
        "bool for a number",
        _set("delegation", 0, "my_level", True),
        r"table delegation, row 1, field my_level: true is not a whole number",
    ),
    (
        "number for a bool",
        _set("person", 1, "archived", 0),
        r"table person, row 2, field archived: 0 is not true or false",
    ),
    (
        "impossible date",
        _set("promise", 0, "made_on", "2026-13-01"),
        r"table promise, row 1, field made_on: \"2026-13-01\" is not a date written YYYY-MM-DD",
    ),
    (
        "date in another format",
        _set("checkpoint", 1, "due_on", "25/11/2026"),
        r"table checkpoint, row 2, field due_on: .* is not a date",
    ),
    (
        "datetime without zone",
        _set("person", 0, "created_at", "2026-01-01T10:00:00"),
        r"table person, row 1, field created_at: .* is not a UTC time",
    ),
    (
        "null where a value is needed",
        _set("promise", 1, "text", None),
        r"table promise, row 2, field text: null, but it needs a value",
    ),
    (
        "value outside its closed set",
        _set("promise", 1, "state", "forgotten"),
        r"table promise, row 2, field state: \"forgotten\" is not one of open, kept",
    ),
    (
        "level out of range",
        _set("delegation", 2, "my_level", 8),
        r"table delegation, row 3, field my_level: 8 is not one of 1, 2",
    ),
    ("duplicate primary key", _duplicate_key, r"table checkpoint, row 6, field id: \d+ appears"),
    (
        "setting that is not a number",
        _setting("half_life_days", "abc"),
        r"table setting, row \d+ \(half_life_days\): Half-life \(days\) cannot be 'abc'",
    ),
    (
        "setting out of range",
        _setting("backup_keep_daily", "0"),
        r"table setting, row \d+ \(backup_keep_daily\): Daily backups to keep must be between 1 "
        r"and 1000",
    ),
    ("unknown paper", _setting("page_size", "A3"), r"The page size must be A4 or Letter"),
    (
        "setting with a line break",
        _setting("half_life_days", "9\n1"),
        r"Half-life \(days\) cannot be '9\\n1'",
    ),
    (
        "weekly focus start out of range",
        _setting("focus_start", "0001-01-01"),
        r"\(focus_start\): .* 0001-01-01 is out of range",
    ),
    (
        "empty name",
        _set("person", 1, "name", "  "),
        r"table person, row 2, field name: Name cannot be empty",
    ),
    ("reports-to loop", _reports_to_loop, r"table person: reports-to makes a loop"),
    # The forms' own rules (leaddesk.domain.validation), held to every row as the GUI holds them.
    (
        "lone surrogate",
        _set("promise", 0, "text", "kept \ud800 half"),
        r"table promise, row 1, field text: holds a lone surrogate \(such as \\ud800\), which",
    ),
    (
        "NaN for a number",
        _set("delegation", 0, "my_level", float("nan")),
        r"NaN is not a number JSON allows",
    ),
    (
        "Infinity for a number",
        _set("checkpoint", 0, "id", float("inf")),
        r"Infinity is not a number JSON allows",
    ),
    (
        "name too long",
        _set("person", 0, "name", "N" * 201),
        r"table person, row 1, field name: Name is 201 characters long; the limit is 200",
    ),
    (
        "name on two lines",
        _set("delegation", 1, "title", "two\nlines"),
        r"table delegation, row 2, field title: Title must fit on one line",
    ),
    (
        "control character in a note",
        _set("one_on_one", 0, "private_notes", "bell\x07"),
        r"table one_on_one, row 1, field private_notes: Private notes contains a control char",
    ),
    (
        "text too long",
        _set("reflection", 0, "text", "x" * 100_001),
        r"field text: Text is 100,001 characters long; the limit is 100,000",
    ),
    (
        "date too far ahead",
        _set("promise", 0, "due_on", "9999-12-31"),
        r"table promise, row 1, field due_on: Due on 9999-12-31 is out of range",
    ),
    (
        "date too far back",
        _set("person", 0, "in_role_since", "1066-10-14"),
        r"table person, row 1, field in_role_since: In role since 1066-10-14 is out of range",
    ),
    (
        "time too far ahead",
        _set("person", 0, "created_at", "3000-01-01T00:00:00Z"),
        r"field created_at: Created at 3000-01-01 is out of range",
    ),
    (
        "time that overflows in UTC",
        _set("person", 0, "created_at", "0001-01-01T00:00:00+01:00"),
        r"field created_at: .* is not a UTC time",
    ),
    (
        "e-mail that is no address",
        _set("person", 0, "email", "not an address"),
        r"table person, row 1, field email: .* does not look like an e-mail address",
    ),
    (
        "reference to nowhere",
        _set("promise", 3, "person_id", 99_999),
        r"table promise, row 4, field person_id: person 99999 does not exist in the file",
    ),
]


@pytest.mark.parametrize(
    ("edit", "message"), [(e, m) for _, e, m in BAD_DOCUMENTS], ids=[n for n, _, _ in BAD_DOCUMENTS]
)
def test_bad_document_is_refused_naming_file_and_place_and_no_store_is_left(
    exported: tuple[str, dict[str, int]],
    tmp_path: Path,
    memory_keyring: Any,
    edit: Edit,
    message: str,
) -> None:
    document = _document(exported)
    edit(document)
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    target = tmp_path / "new.db"
    with pytest.raises(ExchangeFileError, match=message) as raised:
        import_json(source, target)
    assert str(raised.value).startswith(str(source))
    assert "\n" not in str(raised.value)
    assert list(tmp_path.iterdir()) == [source]
    assert memory_keyring.secrets == {}


BAD_BYTES: list[tuple[str, Callable[[bytes], bytes], str]] = [
    ("truncated", lambda b: b[: len(b) // 2], r"line \d+, column \d+: not valid JSON.*cut short"),
    (
        "broken in the middle",
        lambda b: b.replace(b'"version": 2,', b'"version": 1', 1),
        r"line 4, column 2: not valid JSON: Expecting ',' delimiter",
    ),
    ("not UTF-8", lambda b: b.replace(b"\xc3\xa9", b"\xe9", 1), r"line \d+, column \d+: not UTF-8"),
    ("empty", lambda b: b"", r"the file is empty"),
    ("a list", lambda b: b"[1, 2]", r"not a LeadDesk export"),
    (
        "deeply nested",
        lambda b: b'{"x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        r"nested too deeply",
    ),
    ("not an object", lambda b: b"\n  [" * 10, r'not a LeadDesk export \(it starts with .*"\{"'),
    (
        "a 5,000-digit number",
        lambda b: b.replace(b'"version": 2,', b'"version": ' + b"9" * 5000 + b",", 1),
        r"holds a number too long to be anything LeadDesk writes",
    ),
    ("NUL bytes", lambda b: b[:100] + b"\0" + b[100:], r"holds NUL bytes, so it is not JSON"),
]


@pytest.mark.parametrize(
    ("damage", "message"), [(d, m) for _, d, m in BAD_BYTES], ids=[n for n, _, _ in BAD_BYTES]
)
def test_damaged_file_is_refused_with_its_position(
    exported: tuple[str, dict[str, int]],
    tmp_path: Path,
    damage: Callable[[bytes], bytes],
    message: str,
) -> None:
    source = tmp_path / "damaged.json"
    source.write_bytes(damage(exported[0].encode("utf-8")))
    with pytest.raises(ExchangeFileError, match=message) as raised:
        import_json(source, tmp_path / "new.db")
    assert str(raised.value).startswith(str(source))
    assert not (tmp_path / "new.db").exists()


def test_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    source = tmp_path / "huge.json"
    with source.open("wb") as handle:  # sparse: costs no disk space
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(ExchangeFileError, match=r"at most 512 MB"):
        import_json(source, tmp_path / "new.db")
    assert not (tmp_path / "new.db").exists()


def test_existing_target_is_refused_and_kept(
    exported: tuple[str, dict[str, int]], tmp_path: Path
) -> None:
    source = tmp_path / "in.json"
    source.write_text(exported[0], encoding="utf-8")
    target = tmp_path / "taken.db"
    target.write_bytes(b"someone's data")
    with pytest.raises(ExchangeFileError, match="already exists"):
        import_json(source, target)
    assert target.read_bytes() == b"someone's data"


def test_loading_into_a_store_with_data_is_refused(
    exported: tuple[str, dict[str, int]], tmp_path: Path, desk: Desk
) -> None:
    source = tmp_path / "in.json"
    source.write_text(exported[0], encoding="utf-8")
    desk.add_person("Already Here")
    before = desk.counts()
    with pytest.raises(ValueError, match="already has data"):
        desk.load_exchange(read_exchange(source).tables)
    assert desk.counts() == before


def test_export_failure_leaves_the_previous_file(tmp_path: Path, desk: Desk) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous export")
    desk.add_person("Ada")
    with pytest.raises(RuntimeError):
        export_json(desk, target, now=lambda: (_ for _ in ()).throw(RuntimeError("clock")))
    assert target.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


# -- the new store is built beside the target and renamed when whole ----------------------------
def test_imported_store_opens_at_its_name_with_its_own_keychain_key(
    exported: tuple[str, dict[str, int]], tmp_path: Path, memory_keyring: Any
) -> None:
    source = tmp_path / "in.json"
    source.write_text(exported[0], encoding="utf-8")
    target = tmp_path / "new.db"
    done = import_json(source, target, today=lambda: TODAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json", "new.db"]
    assert list(memory_keyring.secrets) == [(SERVICE, entry_name(target))]
    desk = Desk.open(target, today=lambda: TODAY)
    try:
        assert sum(count for _, count in desk.counts().counts) > 0
        assert desk.integrity_problems() == []
    finally:
        desk.close()
    assert done.path == target


def test_imported_passphrase_store_opens_with_the_passphrase(
    exported: tuple[str, dict[str, int]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "in.json"
    source.write_text(exported[0], encoding="utf-8")
    monkeypatch.setattr("leaddesk.security.keys.keyring_backend", lambda: None)  # no keychain
    import_json(source, tmp_path / "new.db", prompt=lambda _new: "a long passphrase")
    monkeypatch.setenv("LEADDESK_PASSPHRASE", "a long passphrase")
    desk = Desk.open(tmp_path / "new.db", today=lambda: TODAY)
    try:
        assert [p.name for p in desk.people()]
    finally:
        desk.close()


def test_leftovers_of_a_killed_import_are_removed_by_the_next_one(
    exported: tuple[str, dict[str, int]], tmp_path: Path, memory_keyring: Any
) -> None:
    source = tmp_path / "in.json"
    source.write_text(exported[0], encoding="utf-8")
    target = tmp_path / "new.db"
    building = tmp_path / ".new.db.building"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{building}{suffix}").write_bytes(b"half a store, cut short by a kill")
    memory_keyring.set_password(SERVICE, entry_name(building), "ab" * 32)
    import_json(source, target, today=lambda: TODAY)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json", "new.db"]
    assert list(memory_keyring.secrets) == [(SERVICE, entry_name(target))]
