"""The 1:1 rhythm in the JSON exchange file: exported, imported again, refused out of range, and
absent from older (version 1) files, which still import with everyone on the default rhythm."""

from __future__ import annotations

import json
import secrets
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from leaddesk.reports.exchange_json import ExchangeFileError, export_json, import_json
from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store.store import open_store

TODAY = date(2026, 11, 25)


@pytest.fixture
def exported(tmp_path: Path) -> dict[str, Any]:
    """A store where Ada is met every 3 weeks and Bob by the default, exported."""
    desk = Desk(open_store(tmp_path / "a.db", StoreKey(secrets.token_hex(32), "keychain")))
    desk.add_person("Ada", one_on_one_every_days=21)
    desk.add_person("Bob")
    export_json(desk, tmp_path / "a.json", now=lambda: datetime(2026, 11, 25, 9))
    desk.close()
    return json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _import(document: dict[str, Any], tmp_path: Path) -> dict[str, int | None]:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    import_json(source, tmp_path / "b.db", today=lambda: TODAY)
    desk = Desk.open(tmp_path / "b.db", today=lambda: TODAY)
    try:
        return {p.name: p.one_on_one_every_days for p in desk.people()}
    finally:
        desk.close()


def test_the_rhythm_is_exported_and_imported_again(
    exported: dict[str, Any], tmp_path: Path
) -> None:
    assert exported["version"] == 2
    rows = {p["name"]: p["one_on_one_every_days"] for p in exported["tables"]["person"]}
    assert rows == {"Ada": 21, "Bob": None}
    assert _import(exported, tmp_path) == {"Ada": 21, "Bob": None}


def test_a_version_1_file_without_rhythms_imports_with_the_defaults(
    exported: dict[str, Any], tmp_path: Path
) -> None:
    exported["version"] = 1
    for row in exported["tables"]["person"]:
        del row["one_on_one_every_days"]
    assert _import(exported, tmp_path) == {"Ada": None, "Bob": None}


def test_a_version_2_file_must_carry_the_rhythm(exported: dict[str, Any], tmp_path: Path) -> None:
    del exported["tables"]["person"][0]["one_on_one_every_days"]
    with pytest.raises(ExchangeFileError, match="field one_on_one_every_days is missing"):
        _import(exported, tmp_path)
    assert not (tmp_path / "b.db").exists()


@pytest.mark.parametrize("days", [0, 366])
def test_a_rhythm_the_form_would_refuse_is_not_imported(
    exported: dict[str, Any], tmp_path: Path, days: int
) -> None:
    exported["tables"]["person"][0]["one_on_one_every_days"] = days
    with pytest.raises(
        ExchangeFileError, match=r"field one_on_one_every_days: .*between 1 and 365"
    ):
        _import(exported, tmp_path)
    assert not (tmp_path / "b.db").exists()
