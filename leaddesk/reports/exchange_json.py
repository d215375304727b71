"""The JSON exchange file: every table of a store, versioned, for a lossless round trip.

The format is documented in docs/json-format.md; change both together (and bump VERSION when a
table or field is added, removed or changes meaning). Reading checks everything before a new
store is created, and a file that fails any check leaves nothing behind.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from leaddesk import __version__
from leaddesk.domain import clock
from leaddesk.domain.errors import UserError, ValidationError
from leaddesk.reports.atomic import atomic_path
from leaddesk.reports.capped_read import InputTooLarge, NotText, WrongStart, read_capped
from leaddesk.reports.exchange_values import LoneSurrogate, converter, shown
from leaddesk.services.exchange import TableSpec, Value, exchange_schema

if TYPE_CHECKING:
    from leaddesk.services.desk import Desk

FORMAT = "leaddesk"
VERSION = 2
# Fields added after version 1, with the version that added them: an older file lacks them and
# is read as if each held null (the app's default), so every older export still imports.
ADDED_IN: dict[tuple[str, str], int] = {("person", "one_on_one_every_days"): 2}
MAX_BYTES = 512 * 1024 * 1024


class ExchangeFileError(UserError):
    """A JSON file that cannot be imported; the message names the file and where it is wrong."""


@dataclass(frozen=True, slots=True)
class ExchangeSummary:
    """What an export wrote or an import loaded."""

    path: Path
    rows: int
    tables: int


@dataclass(frozen=True, slots=True)
class ExchangeData:
    """A checked exchange file: every table's rows as stored values, ready to load."""

    exported_at: str
    tables: dict[str, list[dict[str, Value]]]

    @property
    def rows(self) -> int:
        """How many rows the file holds, all tables together."""
        return sum(len(rows) for rows in self.tables.values())


# -- export -----------------------------------------------------------------------------------
def _encode(value: object) -> str:
    if isinstance(value, datetime):  # stored as naive UTC
        return value.isoformat(timespec="microseconds") + "Z"
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"no JSON form for {type(value).__name__}")


def export_json(
    desk: Desk, target: Path, now: Callable[[], datetime] = lambda: datetime.now(UTC)
) -> ExchangeSummary:
    """Write every table of the store to `target` (complete or not at all)."""
    schema = exchange_schema()
    rows = 0
    with (
        atomic_path(target, desk.path) as temporary,
        temporary.open("w", encoding="utf-8", newline="\n") as out,
        desk.exchange_snapshot() as snapshot,
    ):
        header = {
            "format": FORMAT,
            "version": VERSION,
            "exported_at": now().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "app": f"LeadDesk {__version__}",
        }
        out.write("{\n")
        for key, value in header.items():
            out.write(f" {json.dumps(key)}: {json.dumps(value)},\n")
        out.write(' "tables": {')
        for index, spec in enumerate(schema):
            out.write(("," if index else "") + f"\n  {json.dumps(spec.name)}: [")
            rows += _write_rows(out, spec, snapshot.rows(spec))
        out.write("\n }\n}\n")
    return ExchangeSummary(Path(target).expanduser(), rows, len(schema))


def _write_rows(out: IO[str], spec: TableSpec, rows: Iterator[tuple[Value, ...]]) -> int:
    names = [column.name for column in spec.columns]
    count = 0
    for row in rows:
        line = json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False, default=_encode)
        out.write(("," if count else "") + "\n   " + line)
        count += 1
    out.write("\n  ]" if count else "]")
    return count


# -- import -----------------------------------------------------------------------------------
def import_json(
    source: Path,
    target: Path,
    prompt: Callable[[bool], str] | None = None,
    today: Callable[[], date] = clock.today,
    progress: Callable[[int, int], None] | None = None,
) -> ExchangeSummary:
    """Create a new store at `target` holding everything in the exchange file `source`.

    The file is read and checked in full first (its form, then every row against the app's own
    rules); the rows are then loaded in one transaction into a store built beside `target` and
    renamed into place when complete. On any failure, even a kill, no store is at `target`.
    """
    from leaddesk.services.new_store import store_beside

    target = Path(target).expanduser()
    if target.exists():
        raise ExchangeFileError(
            f"{target} already exists. An import creates a new store: choose a new file."
        )
    data = read_exchange(source)
    try:
        with store_beside(target, prompt, today) as desk:
            loaded = desk.load_exchange(data.tables, progress)
    except ValidationError as error:  # a rule of the app broken: say which file, too
        raise ExchangeFileError(f"{source}, {error} Nothing was imported.") from None
    return ExchangeSummary(target, loaded, len(data.tables))


def read_exchange(source: Path, max_bytes: int = MAX_BYTES) -> ExchangeData:
    """The checked content of an exchange file, or an ExchangeFileError saying where it is wrong."""
    source = Path(source).expanduser()
    try:
        raw = read_capped(source, max_bytes, starts_with=b"{")
    except InputTooLarge:
        raise ExchangeFileError(
            f"{source}: an import takes at most {max_bytes / 2**20:,.0f} MB and this file holds "
            "more. Is it a LeadDesk export?"
        ) from None
    except WrongStart:
        raise ExchangeFileError(
            f'{source}: not a LeadDesk export (it starts with something other than "{{").'
        ) from None
    except NotText:
        raise ExchangeFileError(
            f"{source}: holds NUL bytes, so it is not JSON text. Is it a LeadDesk export?"
        ) from None
    except OSError as error:
        raise ExchangeFileError(f"Cannot read {source}: {error.strerror or error}.") from None
    document = _parse(source, raw)
    tables = _check_header(source, document)
    _fill_added_fields(tables, document["version"])
    schema = exchange_schema()
    checked = {spec.name: _check_table(source, spec, tables[spec.name]) for spec in schema}
    _check_keys(source, schema, checked)
    return ExchangeData(str(document["exported_at"]), checked)


def _parse(source: Path, raw: bytes) -> Any:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise ExchangeFileError(
            f"{source}, line {line}, column {column}: not UTF-8 text; is it a LeadDesk export?"
        ) from None
    if not text.strip():
        raise ExchangeFileError(f"{source}: the file is empty.")
    try:
        return json.loads(text, parse_constant=_no_constant)
    except _NotANumber as error:
        raise ExchangeFileError(
            f"{source}: {error.args[0]} is not a number JSON allows; is it a LeadDesk export?"
        ) from None
    except json.JSONDecodeError as error:
        # An export ends with its closing brace: without it, the file was cut short.
        cut = "; the file ends too early (cut short?)" if not text.rstrip().endswith("}") else ""
        what = error.msg.removesuffix(" at")  # "Unterminated string starting at" (line, col)
        raise ExchangeFileError(
            f"{source}, line {error.lineno}, column {error.colno}: not valid JSON: {what}{cut}."
        ) from None
    except RecursionError:
        raise ExchangeFileError(f"{source}: nested too deeply to be a LeadDesk export.") from None
    except ValueError:  # Python refuses to convert an integer of thousands of digits
        raise ExchangeFileError(
            f"{source}: holds a number too long to be anything LeadDesk writes; is it a LeadDesk "
            "export?"
        ) from None


class _NotANumber(ValueError):
    """NaN, Infinity or -Infinity: Python's json reads them, JSON itself does not have them."""


def _no_constant(name: str) -> Any:
    raise _NotANumber(name)


def _check_header(source: Path, document: Any) -> dict[str, Any]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ExchangeFileError(f'{source}: not a LeadDesk export (it needs "format": "{FORMAT}").')
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ExchangeFileError(f"{source}: unknown format version {version!r}.")
    if version > VERSION:
        raise ExchangeFileError(
            f"{source}: made by a newer LeadDesk (format version {version}; this one reads up "
            f"to {VERSION}); update the app to import it."
        )
    if not isinstance(document.get("exported_at"), str):
        raise ExchangeFileError(f'{source}: "exported_at" is missing or not text.')
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise ExchangeFileError(f'{source}: "tables" is missing or not an object.')
    names = [spec.name for spec in exchange_schema()]
    missing = [name for name in names if name not in tables]
    if missing:
        raise ExchangeFileError(f"{source}: table {missing[0]} is missing.")
    unknown = sorted(set(tables) - set(names))
    if unknown:
        raise ExchangeFileError(f"{source}: unknown table {_name(unknown[0])}.")
    return tables


def _fill_added_fields(tables: dict[str, Any], version: int) -> None:
    """Give the rows of a file older than a field that field, null (as the upgraded store has)."""
    for (table, field), since in ADDED_IN.items():
        rows = tables.get(table)
        if version < since and isinstance(rows, list):
            for row in rows:
                if isinstance(row, dict):
                    row.setdefault(field, None)


def _name(key: str) -> str:
    """A field or table name from the file, as it can be printed (and not too long)."""
    text = key if key.isprintable() and key.isascii() else shown(key)
    return text if len(text) <= 40 else text[:37] + "..."


def _check_table(source: Path, spec: TableSpec, rows: Any) -> list[dict[str, Value]]:
    where = f"{source}, table {spec.name}"
    if not isinstance(rows, list):
        raise ExchangeFileError(f"{where}: not a list of rows.")
    columns = [(c, *converter(c)) for c in spec.columns]
    names = {c.name for c in spec.columns}
    out: list[dict[str, Value]] = []
    for index, row in enumerate(rows, start=1):
        if not isinstance(row, dict):
            raise ExchangeFileError(f"{where}, row {index}: not an object.")
        converted: dict[str, Value] = {}
        for column, convert, expected in columns:
            if column.name not in row:
                raise ExchangeFileError(f"{where}, row {index}: field {column.name} is missing.")
            value = row[column.name]
            if value is None:
                if not column.nullable:
                    raise ExchangeFileError(
                        f"{where}, row {index}, field {column.name}: null, but it needs a value "
                        f"({expected})."
                    )
                converted[column.name] = None
                continue
            try:
                converted[column.name] = convert(value)
            except LoneSurrogate:  # the text itself is not shown: it may be a private note
                raise ExchangeFileError(
                    f"{where}, row {index}, field {column.name}: holds a lone surrogate (such "
                    "as \\ud800), which is not a character."
                ) from None
            except (ValueError, OverflowError):
                raise ExchangeFileError(
                    f"{where}, row {index}, field {column.name}: {shown(value)} is not {expected}."
                ) from None
            if column.choices is not None and converted[column.name] not in column.choices:
                allowed = ", ".join(str(choice) for choice in column.choices)
                raise ExchangeFileError(
                    f"{where}, row {index}, field {column.name}: {shown(value)} is not one of "
                    f"{allowed}."
                )
        if len(row) != len(names):
            extra = sorted(set(row) - names)[0]
            raise ExchangeFileError(f"{where}, row {index}: unknown field {_name(extra)}.")
        out.append(converted)
    return out


def _check_keys(
    source: Path, schema: tuple[TableSpec, ...], tables: Mapping[str, list[dict[str, Value]]]
) -> None:
    """Primary keys and unique fields are unique; every reference points at an existing row."""
    keys: dict[str, set[Value]] = {}
    for spec in schema:
        for column in spec.columns:
            if column.name != spec.key and not column.unique:
                continue
            seen: set[Value] = set()
            for index, row in enumerate(tables[spec.name], start=1):
                value = row[column.name]
                if value in seen:
                    raise ExchangeFileError(
                        f"{source}, table {spec.name}, row {index}, field {column.name}: "
                        f"{shown(_plain(value))} appears twice."
                    )
                seen.add(value)
            if column.name == spec.key:
                keys[spec.name] = seen
    for spec in schema:
        for column in spec.columns:
            if column.references is None:
                continue
            existing = keys[column.references]
            for index, row in enumerate(tables[spec.name], start=1):
                value = row[column.name]
                if value is not None and value not in existing:
                    raise ExchangeFileError(
                        f"{source}, table {spec.name}, row {index}, field {column.name}: "
                        f"{column.references} {value} does not exist in the file."
                    )


def _plain(value: Value) -> Any:
    return _encode(value) if isinstance(value, date) else value
