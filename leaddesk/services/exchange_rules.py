"""The app's own input rules, applied to every text and date of an imported row.

An import must not hold what the forms would refuse (a 300-character name, a control character,
a date in the year 9999): later screens, exports and PDFs rely on those rules. The rules are
the domain's (`leaddesk.domain.validation`), chosen per column from the store's schema: a short
`String(n)` column is a one-line name of at most n characters, a `Text` column is free text.
Values are kept as the forms would keep them (trimmed).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from functools import cache

from sqlalchemy import String, Text

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.rhythm import MAX_DAYS, MIN_DAYS
from leaddesk.domain.validation import check_date, clean_email, clean_name, clean_text
from leaddesk.services.exchange import CHOICES, Value
from leaddesk.store import models as m

Rule = Callable[[Value], Value]

# Names the forms require; every other short text may be empty.
REQUIRED = {
    ("person", "name"),
    ("delegation", "title"),
    ("success_factor", "name"),
    ("term", "term"),
}
EMAILS = {("person", "email")}
# Whole numbers the forms keep in a range: (lowest, highest).
RANGES = {("person", "one_on_one_every_days"): (MIN_DAYS, MAX_DAYS)}
# Checked by their own rules (settings: check_stored_setting, in services.exchange).
SKIPPED_TABLES = {m.Setting.__tablename__}


def _label(column: str) -> str:
    return column.replace("_", " ").capitalize()


def _one_line(label: str, max_len: int, required: bool) -> Rule:
    def rule(value: Value) -> Value:
        text = str(value)
        if not required and not text.strip():
            return text.strip()
        return clean_name(text, label, max_len)

    return rule


def _email(value: Value) -> Value:
    return clean_email(str(value)) or ""


def _free_text(label: str) -> Rule:
    return lambda value: clean_text(str(value), label)


def _in_range(label: str, low: int, high: int) -> Rule:
    def rule(value: Value) -> Value:
        if not isinstance(value, int) or not low <= value <= high:
            raise ValidationError(f"{label} must be between {low} and {high}.")
        return value

    return rule


def _day(label: str) -> Rule:
    def rule(value: Value) -> Value:
        day = value.date() if isinstance(value, datetime) else value
        assert isinstance(day, date)
        check_date(day, label)
        return value

    return rule


@cache
def column_rules() -> dict[str, tuple[tuple[str, Rule], ...]]:
    """For each table, the columns a rule applies to and the rule."""
    rules: dict[str, tuple[tuple[str, Rule], ...]] = {}
    for table in m.Base.metadata.sorted_tables:
        if table.name in SKIPPED_TABLES:
            continue
        found: list[tuple[str, Rule]] = []
        for column in table.columns:
            where, label, kind = (table.name, column.name), _label(column.name), column.type
            if where in CHOICES:
                continue  # a closed set, checked by the reader
            if where in RANGES:
                found.append((column.name, _in_range(label, *RANGES[where])))
            elif where in EMAILS:
                found.append((column.name, _email))
            elif isinstance(kind, Text) or (isinstance(kind, String) and kind.length is None):
                found.append((column.name, _free_text(label)))
            elif isinstance(kind, String):
                assert kind.length is not None
                found.append((column.name, _one_line(label, kind.length, where in REQUIRED)))
            elif column.type.python_type in (date, datetime):
                found.append((column.name, _day(label)))
        rules[table.name] = tuple(found)
    return rules


def apply_rules(
    tables: Mapping[str, Sequence[Mapping[str, Value]]],
) -> dict[str, Sequence[Mapping[str, Value]]]:
    """The tables with every value held to the forms' rules (trimmed where the forms trim);
    the first break is a ValidationError naming its table, row and field (never its value)."""
    checked: dict[str, Sequence[Mapping[str, Value]]] = dict(tables)
    for name, rules in column_rules().items():
        rows = tables.get(name)
        if not rows:
            continue
        out: list[Mapping[str, Value]] | None = None
        for index, row in enumerate(rows):
            changed: dict[str, Value] | None = None
            for column, rule in rules:
                value = row[column]
                if value is None:
                    continue
                try:
                    kept = rule(value)
                except ValidationError as error:
                    raise ValidationError(
                        f"table {name}, row {index + 1}, field {column}: {error}"
                    ) from None
                if kept != value:
                    changed = changed if changed is not None else dict(row)
                    changed[column] = kept
            if changed is not None:
                out = out if out is not None else list(rows)
                out[index] = changed
        if out is not None:
            checked[name] = out
    return checked
