"""How one value of the JSON exchange file is read and checked, by the kind of its column.

Each converter raises ValueError for a value that does not fit, so the reader can say which row
and field of the file is wrong; `shown` prints a value for such a message, short and ASCII.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from leaddesk.services.exchange import ColumnKind, ColumnSpec, Value

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})")
_INT_RANGE = (-(2**63), 2**63 - 1)  # SQLite's integers
_SURROGATE = re.compile(r"[\ud800-\udfff]")

Converter = Callable[[Any], Value]


def converter(column: ColumnSpec) -> tuple[Converter, str]:
    """How to read one column's JSON value, and what it should look like (for messages)."""
    kind = column.kind
    if kind is ColumnKind.INTEGER:
        return _integer, "a whole number"
    if kind is ColumnKind.BOOLEAN:
        return _boolean, "true or false"
    if kind is ColumnKind.DATE:
        return _date, "a date written YYYY-MM-DD"
    if kind is ColumnKind.DATETIME:
        return _datetime, "a UTC time written YYYY-MM-DDTHH:MM:SS.ffffffZ"
    return _string, "text"


def _integer(value: Any) -> Value:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError
    if not _INT_RANGE[0] <= value <= _INT_RANGE[1]:
        raise ValueError
    return value


def _boolean(value: Any) -> Value:
    if not isinstance(value, bool):
        raise ValueError
    return value


class LoneSurrogate(ValueError):
    """Text holding a lone surrogate (a JSON "\\ud800"): no character, so not storable."""


def _string(value: Any) -> Value:
    if not isinstance(value, str):
        raise ValueError
    if _SURROGATE.search(value):
        raise LoneSurrogate
    return value


def _date(value: Any) -> Value:
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise ValueError
    return date.fromisoformat(value)


def _datetime(value: Any) -> Value:
    if not isinstance(value, str) or not _DATETIME.fullmatch(value):
        raise ValueError
    return datetime.fromisoformat(value).astimezone(UTC).replace(tzinfo=None)


def shown(value: Any) -> str:
    """A value as JSON, short and ASCII (so a lone surrogate can still be printed)."""
    try:
        text = json.dumps(value)
    except (RecursionError, ValueError):
        return "this value"
    return text if len(text) <= 40 else text[:37] + "..."
