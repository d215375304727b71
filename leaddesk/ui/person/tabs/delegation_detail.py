"""The detail pane of the Delegations tab: one delegation's words, levels, dates and histories."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain import clock
from leaddesk.services.readmodels import (
    CheckpointView,
    DelegationView,
    LevelChangeView,
    SuccessFactorView,
)
from leaddesk.ui import theme
from leaddesk.ui.common.column_table_model import ColumnTableModel
from leaddesk.ui.person.tabs import delegation_format as fmt
from leaddesk.ui.person.tabs.tab_parts import (
    detail_label,
    empty_label,
    record_view,
    section_title,
    select_row,
    selected_row,
    tool_button,
)

MAX_VISIBLE_ROWS = 6


def fit_height(view: QTreeView, rows: int) -> None:
    """Size a list to its rows (at least one, at most MAX_VISIBLE_ROWS; it scrolls beyond)."""
    shown = max(1, min(rows, MAX_VISIBLE_ROWS))
    row = view.sizeHintForRow(0) if rows else view.fontMetrics().height() + 8
    header = view.header().sizeHint().height()
    view.setFixedHeight(header + shown * max(row, 1) + 2 * view.frameWidth() + 2)


class DelegationDetail(QStackedWidget):
    """An empty-state page, or a scrolling page with the delegation and its four histories."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("delegationDetail")
        self.checkpoints: ColumnTableModel[CheckpointView] = ColumnTableModel(
            fmt.checkpoint_columns(clock.today()),
            row_tooltip=fmt.checkpoint_tooltip,
        )
        self.factors: ColumnTableModel[SuccessFactorView] = ColumnTableModel(
            fmt.factor_columns(), row_tooltip=fmt.factor_tooltip
        )
        self.calibrations: ColumnTableModel[fmt.FactorCalibration] = ColumnTableModel(
            fmt.calibration_columns(), row_tooltip=fmt.calibration_tooltip
        )
        self.history: ColumnTableModel[LevelChangeView] = ColumnTableModel(fmt.history_columns())
        self.empty = empty_label("Select a delegation to see its details.", "delegationNone")
        self.addWidget(self.empty)
        scroll = QScrollArea()
        scroll.setObjectName("delegationDetailScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        self.box = QVBoxLayout(page)
        self.box.setContentsMargins(4, 0, 8, 8)
        self.summary = detail_label("delegationSummary", "Selected delegation")
        self.box.addWidget(self.summary)
        self._empties: dict[str, QLabel] = {}
        self._buttons: dict[int, list[QWidget]] = {}  # section bar -> its buttons, in order
        self.checkpoints_view, self.checkpoint_bar = self._section(
            "Checkpoints",
            "delegationCheckpoints",
            self.checkpoints,
            "No checkpoint yet. Plan one (P): trust, and verify.",
            (3, 4),
        )
        self.factors_view, self.factor_bar = self._section(
            "Success factors",
            "delegationFactors",
            self.factors,
            "No success factor yet. Add one (F): what success means, in words you both use.",
            (1,),
        )
        self.calibrations_view, _ = self._section(
            "Calibrations",
            "delegationCalibrations",
            self.calibrations,
            "No calibration yet: changes to a factor's definition or target appear here.",
            (4,),
        )
        self.history_view, _ = self._section(
            "Level history", "delegationHistory", self.history, "No level change yet.", (3,)
        )
        self.box.addStretch(1)
        scroll.setWidget(page)
        self.addWidget(scroll)
        self.scroll_area = scroll

    def _section(
        self,
        title: str,
        name: str,
        model: ColumnTableModel[Any],
        empty_text: str,
        stretch: tuple[int, ...],
    ) -> tuple[QTreeView, QHBoxLayout]:
        """A titled list whose text columns (`stretch`) share the width; the rest fit content."""
        bar = QHBoxLayout()
        bar.addWidget(section_title(title, f"{name}Title"))
        bar.addStretch(1)
        self.box.addSpacing(8)
        self.box.addLayout(bar)
        view = record_view(name, title, model)
        view.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = view.header()
        header.setResizeContentsPrecision(40)  # long histories: measure a sample, not every row
        header.setStretchLastSection(False)
        for column in range(model.columnCount()):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column in stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        self.box.addWidget(view)
        empty = QLabel(empty_text)
        empty.setObjectName(f"{name}Empty")
        empty.setWordWrap(True)
        empty.setStyleSheet(f"color: {theme.muted_color().name()}; padding: 2px 0 6px 0;")
        self.box.addWidget(empty)
        self._empties[name] = empty
        return view, bar

    def add_button(self, bar: QHBoxLayout, action: QAction, name: str, accessible: str) -> None:
        """Put an action's button on a section's title row."""
        button = tool_button(action, name)
        button.setAccessibleName(accessible)
        bar.addWidget(button)
        self._buttons.setdefault(id(bar), []).append(button)

    def focus_chain(self) -> list[QWidget]:
        """Reading order: each section's buttons, then its list."""
        chain: list[QWidget] = [*self._buttons[id(self.checkpoint_bar)], self.checkpoints_view]
        chain += [*self._buttons[id(self.factor_bar)], self.factors_view]
        return [*chain, self.calibrations_view, self.history_view]

    # -- rendering ---------------------------------------------------------------------------
    def show_delegation(
        self, d: DelegationView | None, today: date, empty_text: str, presenter: bool = False
    ) -> None:
        """Show `d` (keeping the selected checkpoint and factor), or the empty state; while
        presenting without checkpoint notes and evidence, nor the reasons of calibrations and
        level changes (not on the shareable agreement sheet)."""
        if d is None:
            self.empty.setText(empty_text)
            for model in (self.checkpoints, self.factors, self.calibrations, self.history):
                model.set_records([])
            self.setCurrentIndex(0)
            return
        keep_cp = self.current_checkpoint()
        keep_factor = self.current_factor()
        self.setCurrentIndex(1)
        self.summary.setText(fmt.detail_html(d, today))
        self.checkpoints.row_tooltip = partial(fmt.checkpoint_tooltip, presenter=presenter)
        self.factors.row_tooltip = partial(fmt.factor_tooltip, presenter=presenter)
        self.calibrations.row_tooltip = partial(fmt.calibration_tooltip, presenter=presenter)
        self._fill(
            self.checkpoints_view,
            self.checkpoints,
            fmt.checkpoint_order(d.checkpoints),
            fmt.checkpoint_columns(today, presenter),
        )
        self._fill(self.factors_view, self.factors, list(d.factors))
        self._fill(
            self.calibrations_view,
            self.calibrations,
            fmt.calibrations(d),
            fmt.calibration_columns(presenter),
        )
        self._fill(
            self.history_view,
            self.history,
            list(reversed(d.history)),
            fmt.history_columns(presenter),
        )
        if keep_cp is not None:
            self.select_checkpoint(keep_cp.id)
        if keep_factor is not None:
            self.select_factor(keep_factor.id)

    def _fill(
        self,
        view: QTreeView,
        model: ColumnTableModel[Any],
        records: list[Any],
        columns: Any = None,
    ) -> None:
        model.set_records(records, columns)
        fit_height(view, len(records))
        view.setVisible(bool(records))
        self._empties[view.objectName()].setVisible(not records)

    # -- selection ---------------------------------------------------------------------------
    def current_checkpoint(self) -> CheckpointView | None:
        """The selected checkpoint."""
        return self.checkpoints.record(selected_row(self.checkpoints_view))

    def current_factor(self) -> SuccessFactorView | None:
        """The selected success factor."""
        return self.factors.record(selected_row(self.factors_view))

    def select_checkpoint(self, checkpoint_id: int) -> bool:
        """Select a checkpoint by id; False when this delegation has none such."""
        row = self.checkpoints.row_of(checkpoint_id)
        if row >= 0:
            select_row(self.checkpoints_view, row)
            self.scroll_area.ensureWidgetVisible(self.checkpoints_view)
        return row >= 0

    def select_factor(self, factor_id: int) -> bool:
        """Select a success factor by id; False when this delegation has none such."""
        row = self.factors.row_of(factor_id)
        if row >= 0:
            select_row(self.factors_view, row)
            self.scroll_area.ensureWidgetVisible(self.factors_view)
        return row >= 0
