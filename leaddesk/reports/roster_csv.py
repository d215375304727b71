"""Reading a roster CSV: columns name, role, area, email, reports-to, in-role-since.

Header names are matched in any case, ignoring spaces, underscores and hyphens ("Reports To",
"reports_to", "E-Mail"); other columns are ignored (and listed). UTF-8 with or without a
byte-order mark; comma or semicolon, whichever the header line uses; quoted fields may hold
either, and line breaks. An empty cell means "the roster does not say": the store keeps its value.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from leaddesk.domain.errors import UserError, ValidationError
from leaddesk.domain.validation import parse_date
from leaddesk.reports import wording
from leaddesk.reports.capped_read import InputTooLarge, NotText, read_capped
from leaddesk.services.roster import RosterPlan, RosterProblem, RosterRow

if TYPE_CHECKING:
    from leaddesk.services.desk import Desk

MAX_BYTES = 20 * 1024 * 1024  # a roster of people, not a data dump
COLUMNS = ("name", "role", "area", "email", "reports-to", "in-role-since")
_FIELDS = {column: column.replace("-", "_") for column in COLUMNS}


class RosterFileError(UserError):
    """The roster cannot be imported: every problem, one a line, each with file, line and field."""

    def __init__(self, path: Path, problems: Sequence[RosterProblem]) -> None:
        self.path = path
        self.problems = tuple(problems)
        lines = [f"{problem_text(path, p)}" for p in self.problems]
        count = len(lines)
        super().__init__(
            f"{path}: {wording.count(count, 'problem')}, nothing was imported:\n" + "\n".join(lines)
        )


@dataclass(frozen=True, slots=True)
class RosterFile:
    """The rows of a roster with their line numbers, and what was wrong with the file."""

    path: Path
    rows: tuple[RosterRow, ...]
    problems: tuple[RosterProblem, ...]
    ignored_columns: tuple[str, ...]


def problem_text(path: Path, problem: RosterProblem) -> str:
    """'roster.csv, line 4, reports-to: Nobody called …' (line and field when known)."""
    where = [str(path)]
    if problem.line is not None:
        where.append(f"line {problem.line}")
    if problem.field is not None:
        where.append(problem.field)
    return f"{', '.join(where)}: {problem.message}"


_BY_KEY = {re.sub(r"[\W_]+", "", column): column for column in COLUMNS}


def _column(header: str) -> str:
    """The column a header names ('Reports To', 'reports_to', 'E-Mail'), or the header itself."""
    text = header.strip().lstrip("\ufeff").casefold()
    return _BY_KEY.get(re.sub(r"[\W_]+", "", text), text)


def read_roster(path: Path, max_bytes: int = MAX_BYTES) -> RosterFile:
    """Parse the roster at `path`; problems are collected, not raised (a missing file is).

    At most `max_bytes` are read, counted as they are read (a FIFO or a device has no size)."""
    path = Path(path)
    try:
        raw = read_capped(path, max_bytes)
    except InputTooLarge:
        return _broken(path, f"The file is over {max_bytes // 2**20} MB; is it a roster?")
    except NotText:
        return _broken(path, "The file holds NUL bytes, so it is not CSV text; is it a roster?")
    except OSError as error:
        raise UserError(f"Cannot read {path}: {error.strerror or error}.") from None
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        return _broken(
            path,
            f"This is not UTF-8 text (byte 0x{raw[error.start]:02x}); save it as CSV UTF-8.",
            line,
        )
    if not content.strip():
        return _broken(path, "The file is empty.")
    header_line = content.lstrip("\r\n").splitlines()[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True)
    problems: list[RosterProblem] = []
    header: list[str] | None = None
    header_at = 0
    rows: list[RosterRow] = []
    end = 0
    try:
        for cells in reader:
            start, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header, header_at = [_column(cell) for cell in cells], start
                problems.extend(_header_problems(header, start))
                if any(p.line == start for p in problems):
                    break
                continue
            row = _row(header, cells, start, problems)
            if row is not None:
                rows.append(row)
    except csv.Error as error:  # an unclosed quote runs to the end of the file
        problems.append(RosterProblem(end + 1, None, f"Cannot read this line: {error}."))
    if header is None:  # only empty cells, e.g. ",,,"
        problems.append(RosterProblem(None, None, "The file lists nobody: every cell is empty."))
    elif not rows and not problems:
        problems.append(RosterProblem(header_at, None, "The file has a header but nobody in it."))
    ignored = tuple(c for c in header or () if c and c not in COLUMNS)
    return RosterFile(path, tuple(rows), tuple(problems), ignored)


def _broken(path: Path, message: str, line: int | None = None) -> RosterFile:
    return RosterFile(path, (), (RosterProblem(line, None, message),), ())


def _header_problems(header: list[str], line: int) -> list[RosterProblem]:
    problems = []
    if "name" not in header:
        problems.append(
            RosterProblem(
                line,
                "name",
                "There is no 'name' column. The header line names the columns: "
                + ", ".join(COLUMNS)
                + ".",
            )
        )
    for column in COLUMNS:
        if header.count(column) > 1:
            problems.append(RosterProblem(line, column, "This column appears twice."))
    return problems


def _row(
    header: list[str], cells: list[str], line: int, problems: list[RosterProblem]
) -> RosterRow | None:
    extra = [cell for cell in cells[len(header) :] if cell.strip()]
    if extra:
        problems.append(
            RosterProblem(
                line,
                None,
                f"{wording.count(len(cells), 'field')} but the header has {len(header)}; "
                "quote any field that holds the delimiter.",
            )
        )
        return None
    values: dict[str, str | None] = {}
    for column, cell in zip(header, cells, strict=False):
        if column in COLUMNS:
            values[_FIELDS[column]] = cell.strip() or None
    name = values.pop("name", None)
    if name is None:
        problems.append(RosterProblem(line, "name", "The name is empty."))
        return None
    since: date | None = None
    raw_since = values.pop("in_role_since", None)
    if raw_since is not None:
        try:
            since = parse_date(raw_since, "In role since")
        except ValidationError as error:
            problems.append(RosterProblem(line, "in-role-since", str(error)))
    return RosterRow(line=line, name=name, in_role_since=since, **values)


def plan_roster_file(desk: Desk, path: Path) -> tuple[RosterFile, RosterPlan]:
    """Read the roster at `path` and plan it on `desk`; every problem of both, raised at once."""
    roster = read_roster(path)
    plan = desk.plan_roster(roster.rows) if roster.rows else None
    problems = [*roster.problems, *(plan.problems if plan else ())]
    if problems or plan is None:
        problems.sort(key=lambda p: p.line or 0)
        raise RosterFileError(roster.path, problems)
    return roster, plan
