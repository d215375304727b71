"""The JSON and CSV importers fed hostile input: a clean refusal or a whole import, nothing else.

Inputs: real exports and rosters with one value or a few bytes changed, random JSON structures
(with and without a valid header), random bytes. Whatever the input: no traceback (only success
or a UserError, of which ValidationError is one), and a refused import leaves nothing: no store,
no half-built store beside it, no keychain entry, no change to the people of the store.
"""

from __future__ import annotations

import json
import os
import secrets
import string
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaddesk.domain.errors import UserError
from leaddesk.domain.feedback import FeedbackDirection
from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports.exchange_json import export_json, import_json
from leaddesk.reports.roster_csv import plan_roster_file
from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store.store import open_store

TODAY = date(2026, 11, 25)


def fuzz(examples: int) -> settings:
    """Moderate example counts (the whole file runs in well under a minute), no deadline."""
    scale = float(os.environ.get("LEADDESK_FUZZ_SCALE", "1"))  # e.g. 10 for a deeper run
    return settings(
        max_examples=int(examples * scale),
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@pytest.fixture(scope="module")
def export(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A small but complete export: a row in most tables, ids referring to each other."""
    folder = tmp_path_factory.mktemp("fuzz")
    key = StoreKey(secrets.token_hex(32), "keychain")
    desk = Desk(open_store(folder / "s.db", key), today=lambda: TODAY)
    ada = desk.add_person("Ada Lovelace", role="VP", email="ada@example.com")
    grace = desk.add_person("Grace Hopper", reports_to_id=ada, in_role_since=date(2020, 1, 6))
    delegation = desk.add_delegation(ada, "Hiring plan", 3, done_means="Signed")
    desk.add_success_factor(delegation, "Offers", "Accepted offers", "5", "offers")
    desk.plan_checkpoint(delegation, date(2026, 12, 1))
    desk.change_level(delegation, 4, "Earned it")
    meeting = desk.record_one_on_one(ada, shared_notes="Shared", private_notes="Private", energy=4)
    desk.add_promise(ada, PromiseDirection.MINE, "Intro to the CFO", date(2026, 12, 24))
    desk.add_feedback(ada, FeedbackDirection.GIVEN, "Great demo", one_on_one_id=meeting)
    desk.add_relationship_note(ada, "Likes long walks", "family")
    desk.add_term("Done", "Shipped to users", ada)
    desk.add_topic(grace, "Budget")
    desk.add_assessment(ada, 4, 4, 3, 5, "Solid quarter")
    desk.save_reflection("A good week.")
    export_json(desk, folder / "export.json")
    desk.close()
    return (folder / "export.json").read_bytes()


HUGE = "<a 5,000-digit number>"  # json cannot write one: it is put in as bytes


def encode(document: Any) -> bytes:
    """The document as a file: NaN and Infinity as Python writes them, lone surrogates kept."""
    raw = json.dumps(document, allow_nan=True).encode("ascii")  # "\ud800" stays an escape
    return raw.replace(json.dumps(HUGE).encode(), b"9" * 5000)


def attempt_import(raw: bytes, memory_keyring: Any) -> None:
    """Import `raw` into a new store: it succeeds whole, or fails with a UserError leaving
    nothing. Any other exception is a bug, and fails the test with its traceback."""
    folder = Path(tempfile.mkdtemp(prefix="import-fuzz-"))
    source, target = folder / "in.json", folder / "new.db"
    source.write_bytes(raw)
    keys_before = dict(memory_keyring.secrets)
    try:
        done = import_json(source, target, today=lambda: TODAY)
    except UserError as error:
        message = str(error)
        assert message.startswith(str(source)) or message.startswith("Cannot read"), message
        message.encode("utf-8")  # printable: no lone surrogate from the file in it
        assert "\n" not in message
        assert [p.name for p in folder.iterdir()] == ["in.json"], "a refused import left files"
        assert memory_keyring.secrets == keys_before, "a refused import left a keychain entry"
        return
    desk = Desk.open(target, today=lambda: TODAY)
    try:
        assert desk.integrity_problems() == []
        assert sum(count for _, count in desk.counts().counts) <= done.rows
        desk.team_overview()  # what was let in can be read back by the app
        for person in desk.people(include_archived=True):
            desk.person_overview(person.id)
            desk.timeline(person.id)
    finally:
        desk.close()
    assert sorted(p.name for p in folder.iterdir()) == ["in.json", "new.db"]


# -- JSON: one value changed ------------------------------------------------------------------
plain = st.text(st.sampled_from(string.ascii_letters + " .-'é"), min_size=1, max_size=20)


def _spiked(base: str, spike: str, where: int) -> str:
    where %= len(base) + 1
    return base[:where] + spike + base[where:]


spiked = st.builds(  # good text with one bad character: only the app's rules can catch it
    _spiked, plain, st.sampled_from("\x00\x07\x1b\x7f\x85\u2028\ud800\udfff\n\t"), st.integers()
)
json_scalars = st.one_of(
    plain,
    spiked,
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([2**63, -(2**63) - 1, HUGE]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=30),
    st.text(st.characters(codec="utf-8"), max_size=30),
    st.sampled_from(
        [
            "",
            " ",
            "x" * 201,
            "y" * 100_001,
            "line\nbreak",
            "bell\x07",
            "\ud800",
            "0001-01-01",
            "9999-12-31",
            "2026-02-30",
            "2026-11-25T10:00:00Z",
            "0001-01-01T00:00:00+01:00",
            "9999-12-31T23:59:59-01:00",
            "open",
            "kept",
        ]
    ),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@fuzz(400)
@given(data=st.data())
def test_an_export_with_one_value_changed_is_imported_whole_or_refused_cleanly(
    export: bytes, memory_keyring: Any, data: st.DataObject
) -> None:
    document = json.loads(export)
    tables = {name: rows for name, rows in document["tables"].items() if rows}
    table = data.draw(st.sampled_from(sorted(tables)), label="table")
    row = data.draw(st.sampled_from(tables[table]), label="row")
    field = data.draw(st.sampled_from([*sorted(row), "unknown_field"]), label="field")
    # Mostly a value of the right shape (text for text, a date-like string for a date) that
    # the app's rules must judge; sometimes any structure at all.
    row[field] = data.draw(st.one_of(spiked, json_scalars, json_values), label="value")
    attempt_import(encode(document), memory_keyring)


# -- JSON: bytes changed, random structures, random bytes --------------------------------------
edits = st.lists(
    st.tuples(
        st.sampled_from(["delete", "insert", "replace"]),
        st.floats(0, 1),
        st.binary(min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=4,
)


@fuzz(60)
@given(changes=edits)
def test_an_export_with_bytes_changed_is_imported_whole_or_refused_cleanly(
    export: bytes, memory_keyring: Any, changes: list[tuple[str, float, bytes]]
) -> None:
    raw = bytearray(export)
    for kind, where, blob in changes:
        at = int(where * len(raw))
        if kind == "delete":
            del raw[at : at + len(blob)]
        elif kind == "insert":
            raw[at:at] = blob
        else:
            raw[at : at + len(blob)] = blob
    attempt_import(bytes(raw), memory_keyring)


@fuzz(60)
@given(tables=json_values, header=st.booleans())
def test_random_structures_are_refused_cleanly(
    memory_keyring: Any, tables: Any, header: bool
) -> None:
    document = (
        {
            "format": "leaddesk",
            "version": 1,
            "exported_at": "2026-11-25T00:00:00Z",
            "tables": tables,
        }
        if header
        else tables
    )
    attempt_import(encode(document), memory_keyring)


@fuzz(40)
@given(raw=st.binary(max_size=200))
def test_random_bytes_are_refused_cleanly(memory_keyring: Any, raw: bytes) -> None:
    attempt_import(raw, memory_keyring)


# -- CSV roster -------------------------------------------------------------------------------
ROSTER = (
    "Name;Role;Area;E-Mail;Reports To;In role since\n"
    "Ada Lovelace;VP;Engineering;ada@example.com;;2020-01-06\n"
    '"Hopper, Grace";Head;"Platform\nand tools";grace@example.com;Ada Lovelace;\n'
    "Alan Turing;;;;Hopper, Grace;2021-03-01\n"
)
cells = st.one_of(
    st.text(st.characters(codec="utf-8"), max_size=20),
    st.sampled_from(
        ["", "Ada Lovelace", "x" * 201, "bell\x07", "a@b", "1899-12-31", "2026-11-25", '"', ";"]
    ),
)


def attempt_roster(desk: Desk, raw: bytes) -> None:
    """Plan and apply the roster `raw`: all of it, or (a UserError) nothing at all."""
    path = Path(tempfile.mkdtemp(prefix="roster-fuzz-")) / "roster.csv"
    path.write_bytes(raw)
    before = desk.people(include_archived=True)
    try:
        _, plan = plan_roster_file(desk, path)
        desk.apply_roster(plan)
    except UserError as error:
        str(error).encode("utf-8")
        assert desk.people(include_archived=True) == before, "a refused roster wrote"
    assert desk.integrity_problems() == []


@fuzz(60)
@given(
    rows=st.lists(st.lists(cells, min_size=1, max_size=7), min_size=1, max_size=5),
    delimiter=st.sampled_from([",", ";"]),
    header=st.booleans(),
)
def test_generated_rosters_are_applied_whole_or_refused_cleanly(
    desk: Desk, rows: list[list[str]], delimiter: str, header: bool
) -> None:
    lines = [delimiter.join(row) for row in rows]
    if header:
        lines.insert(0, delimiter.join(["name", "role", "area", "email", "reports-to"]))
    attempt_roster(desk, "\n".join(lines).encode("utf-8"))


@fuzz(60)
@given(changes=edits)
def test_a_roster_with_bytes_changed_is_applied_whole_or_refused_cleanly(
    desk: Desk, changes: list[tuple[str, float, bytes]]
) -> None:
    raw = bytearray(("\ufeff" + ROSTER).encode("utf-8"))
    for kind, where, blob in changes:
        at = int(where * len(raw))
        if kind == "delete":
            del raw[at : at + len(blob)]
        elif kind == "insert":
            raw[at:at] = blob
        else:
            raw[at : at + len(blob)] = blob
    attempt_roster(desk, bytes(raw))


@fuzz(40)
@given(raw=st.binary(max_size=300))
def test_random_bytes_as_a_roster_are_refused_cleanly(desk: Desk, raw: bytes) -> None:
    attempt_roster(desk, raw)
