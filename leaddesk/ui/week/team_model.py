"""The team grid: one row per direct report."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from leaddesk.domain import clock
from leaddesk.domain.trust import Trend
from leaddesk.reports import rhythm_wording, wording
from leaddesk.services.team import TeamMember
from leaddesk.ui import theme
from leaddesk.ui.common.presenter import HIDDEN

MemberRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
# "Promises" (open ones, the header's tooltip says) leaves the Person column room for Next 1:1.
COLUMNS = ("Person", "Trust", "Score", "Trend", "Promises", "Overdue", "Last 1:1", "Next 1:1")
HEADER_TIPS = {4: "Open promises, theirs and mine", 7: "When the next 1:1 is due by your rhythm"}
NEXT_COLUMN = 7
SPARK_COLUMN = 1
PRIVATE_COLUMNS = {1, 2, 3}
NO_EVIDENCE_TIP = (
    "No evidence yet: kept or broken promises and checkpoint outcomes build the track record."
)


class TeamTableModel(QAbstractTableModel):
    """Direct reports with sparkline, score, trend, open promises, overdue items, last and next
    1:1."""

    def __init__(self) -> None:
        super().__init__()
        self.members: list[TeamMember] = []
        self.presenter = False
        self.today = clock.today()
        self._trend_colors: dict[Trend, QColor] = {}
        self._overdue_color = QColor()

    def set_members(self, members: tuple[TeamMember, ...], presenter: bool, today: date) -> None:
        """Replace the rows; in presenter mode the trust columns show nothing."""
        self.beginResetModel()
        self.members = list(members)
        self.presenter = presenter
        self.today = today
        # Looked up once per refresh, not per painted cell (a palette change refreshes views).
        self._trend_colors = {Trend.UP: theme.good(), Trend.DOWN: theme.bad()}
        self._overdue_color = theme.bad()
        self.endResetModel()

    def set_presenter(self, on: bool) -> None:
        """Blank the trust columns (or show them again) without waiting for a re-read."""
        if on != self.presenter:
            self.beginResetModel()
            self.presenter = on
            self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.members)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return HEADER_TIPS.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        member = self.members[index.row()]
        column = index.column()
        if role == MemberRole:
            return member
        private = self.presenter and column in PRIVATE_COLUMNS
        if role == Qt.ItemDataRole.DisplayRole:
            if private:
                return "—" if column != SPARK_COLUMN else None
            return self._display(member, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:  # the whole name and role, however narrow the column
                return self._display(member, column)
            if private:
                return f"Trust is {HIDDEN}."
            if column in (SPARK_COLUMN, 2, 3) and not member.has_evidence:
                return NO_EVIDENCE_TIP
            if column in (SPARK_COLUMN, 2):
                return (
                    f"Track record {member.score:.2f} (0 = broken promises and off-track "
                    "checkpoints, 1 = kept and on track); last 12 months."
                )
            if column == NEXT_COLUMN:
                return self._next_tip(member)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and not private:
            if column == 3:
                return self._trend_colors.get(member.trend)
            if column == 5 and member.overdue_items:
                return self._overdue_color
            due = member.next_one_on_one
            if column == NEXT_COLUMN and due is not None and due < self.today:
                return self._overdue_color
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _display(self, member: TeamMember, column: int) -> Any:
        if column == 0:
            role = f" · {member.person.role}" if member.person.role else ""
            return f"{member.person.name}{role}"
        if column == 2:
            return f"{member.score:.2f}" if member.has_evidence else "—"
        if column == 3:
            return (
                f"{member.trend.arrow} {member.trend.value}"
                if member.has_evidence
                else "no evidence yet"
            )
        if column == 4:
            return str(member.open_promises)
        if column == 5:
            return str(member.overdue_items)
        if column == 6:
            return wording.days_ago(member.last_one_on_one, self.today)
        if column == NEXT_COLUMN:
            due = member.next_one_on_one
            return rhythm_wording.next_one_on_one(due, self.today) if due is not None else "—"
        return None

    def _next_tip(self, member: TeamMember) -> str | None:
        due, days = member.next_one_on_one, member.one_on_one_every_days
        if due is None or days is None:
            return None
        return f"{rhythm_wording.rhythm(days)}: the next is due {wording.weekday(due, self.today)}."
