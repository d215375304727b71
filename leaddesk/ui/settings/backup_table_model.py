"""The backups of the store as a table: when, what kind, how big, and what each holds."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Qt

from leaddesk.reports import wording
from leaddesk.services.backups import BackupInfo, BackupSummary
from leaddesk.ui.common.column_table_model import Column, ColumnTableModel

KIND_LABELS = {
    "daily": "Daily",
    "manual": "Manual",
    "pre-upgrade": "Pre-upgrade",
    "pre-restore": "Pre-restore",
}
KIND_TIPS = {
    "daily": "Written automatically once a day while LeadDesk runs; rotated.",
    "manual": "Written by Back up now (or `leaddesk backup`); rotated like the daily ones.",
    "pre-upgrade": "Written before a new version upgraded the store; kept apart from rotation.",
    "pre-restore": "Your data as it was before a restore; kept apart from rotation.",
}


@dataclass(frozen=True, slots=True)
class BackupRow:
    """A backup and, once read off the GUI thread, what it holds (or why it cannot be read)."""

    info: BackupInfo
    summary: BackupSummary | None = None
    problem: str = ""

    @property
    def id(self) -> str:
        """The backup's file, which identifies it."""
        return str(self.info.path)


def made_text(row: BackupRow) -> str:
    """When the backup was made, in local time: '25 Nov 2026, 14:02'."""
    return wording.moment(row.info.made_at)


def size_text(size: int) -> str:
    """A file size for people: 812 KB, 3.4 MB."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _count(pick: str) -> Column[BackupRow]:
    def text(row: BackupRow) -> str:
        if row.summary is not None:
            return f"{getattr(row.summary, pick):,}"
        return "unreadable" if row.problem else "…"

    return Column(pick, text, tooltip=lambda row: row.problem or "")


COLUMNS: tuple[Column[BackupRow], ...] = (
    Column("Made", made_text, tooltip=lambda row: str(row.info.path)),
    Column(
        "Kind",
        lambda row: KIND_LABELS.get(row.info.kind, row.info.kind),
        tooltip=lambda row: KIND_TIPS.get(row.info.kind, ""),
    ),
    Column("Size", lambda row: size_text(row.info.size)),
    replace(_count("people"), header="People"),
    replace(_count("delegations"), header="Delegations"),
    replace(_count("promises"), header="Promises"),
    replace(_count("one_on_ones"), header="1:1s"),
)


class BackupTableModel(ColumnTableModel[BackupRow]):
    """One row per backup, newest first; counts fill in as a worker reads them."""

    def __init__(self) -> None:
        super().__init__(COLUMNS)

    def show_backups(self, backups: list[BackupInfo], known: dict[Path, BackupRow]) -> None:
        """Replace the rows, keeping counts already read for an unchanged file."""
        rows = []
        for info in backups:
            seen = known.get(info.path)
            rows.append(seen if seen is not None and seen.info == info else BackupRow(info))
        self.set_records(rows)

    def fill(self, path: Path, summary: BackupSummary | None, problem: str = "") -> None:
        """Show what the backup at `path` holds (or why it could not be read)."""
        for row, record in enumerate(self.records):
            if record.info.path == path:
                self.records[row] = BackupRow(record.info, summary, problem)
                self.dataChanged.emit(
                    self.index(row, 0),
                    self.index(row, self.columnCount() - 1),
                    [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole],
                )
