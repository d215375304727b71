"""Building blocks the person-page tabs share: actions, buttons, lists, titles, empty states."""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from leaddesk.reports import wording
from leaddesk.ui import theme
from leaddesk.ui.common.action_slots import on_triggered
from leaddesk.ui.common.card import make_card
from leaddesk.ui.common.column_table_model import ColumnTableModel
from leaddesk.ui.theme import Space

ENERGY_DOTS = 5
DATE_SAMPLE = wording.day(date(2026, 9, 28))  # the widest month abbreviation in English


def make_action(
    owner: QWidget,
    text: str,
    slot: Callable[[], object],
    shortcuts: tuple[str, ...] = (),
    icon_name: str = "",
    tip: str = "",
) -> QAction:
    """An action active while focus is inside `owner` (so tabs may reuse single-key shortcuts)."""
    action = QAction(text, owner)
    if icon_name:
        action.setIcon(theme.icon(icon_name))
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    keys = ", ".join(
        QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts
    )
    label = tip or text.rstrip("…")
    action.setToolTip(f"{label} ({keys})" if keys else label)
    action.setStatusTip(label)
    on_triggered(action, slot)
    owner.addAction(action)
    return action


def tool_button(action: QAction, name: str) -> QToolButton:
    """A toolbar-style button showing `action` (text beside icon, enabled with the action)."""
    button = QToolButton()
    button.setDefaultAction(action)
    button.setObjectName(name)
    button.setAccessibleName(action.text().rstrip("…"))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAutoRaise(False)
    return button


def record_view(name: str, accessible: str, model: QAbstractItemModel) -> QTreeView:
    """A single-selection list with columns (a tree without branches), read-only."""
    view = QTreeView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setUniformRowHeights(True)
    view.setAlternatingRowColors(True)
    view.setAllColumnsShowFocus(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.header().setStretchLastSection(False)
    view.header().setSectionsMovable(False)
    return view


def size_columns(
    view: QTreeView, stretch: Collection[int], samples: Mapping[int, str], icon: int = -1
) -> None:
    """Text columns share the width; the others fit what they show (their sample when empty).

    A model reset makes the header forget its widths, and a short list must not keep the width
    a long one needed: the sizes are measured again after every reset (the header's own reset
    runs first). At 1440 px the promise text used to get 17 characters beside a status column
    sized for 'Overdue by 30 days · renegotiated' that no row showed.
    """
    first = getattr(view, _SIZING, None) is None
    setattr(view, _SIZING, (stretch, samples, icon))
    _measure(view)
    if first:  # the sizer is the view's child: Qt drops both connections with the view
        sizer = _ResizeSizer(view)
        view.model().modelReset.connect(sizer.measure)
        view.viewport().installEventFilter(sizer)


_SIZING = "_leaddesk_sizing"
_WANTED = "_leaddesk_wanted"  # the fixed columns' natural widths, measured once per reset
TEXT_SHARE = 0.5  # the text columns keep at least half the width; the others elide (tooltips)


class _ResizeSizer(QObject):
    """Shares the width again when the list is resized (the rows are not measured again)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self.view = view

    def measure(self) -> None:
        _measure(self.view)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            _fit(self.view)
        return False


def _measure(view: QTreeView) -> None:
    """What each fixed column's rows need, then the share of the width it gets."""
    stretch, samples, icon = getattr(view, _SIZING)
    model = view.model()
    header = view.header()
    bold = QFont(view.font())
    bold.setWeight(QFont.Weight.DemiBold)
    metrics = QFontMetrics(bold)  # bold rows (overdue, open) are the widest
    rows = model.rowCount()
    widths: dict[int, int] = {}
    for column in range(model.columnCount()):
        if column in stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        shown = {str(model.index(row, column).data() or "") for row in range(rows)}
        texts = shown or {samples.get(column, title)}
        width = max(metrics.horizontalAdvance(t) for t in (*texts, title)) + 20
        widths[column] = width + (view.iconSize().width() + 28 if column == icon else 0)
    setattr(view, _WANTED, widths)
    _fit(view)


def _fit(view: QTreeView) -> None:
    """The fixed columns at their natural widths, or scaled down to leave the text its share."""
    stretch = getattr(view, _SIZING)[0]
    widths: dict[int, int] = getattr(view, _WANTED)
    room = view.viewport().width() * (1 - TEXT_SHARE)
    total = sum(widths.values())
    scale = min(1.0, room / total) if stretch and total and room > 0 else 1.0
    for column, width in widths.items():
        view.setColumnWidth(column, max(int(width * scale), 48))


def select_row(view: QTreeView, row: int, focus: bool = False) -> None:
    """Make `row` current and selected, scrolled into view."""
    model = view.model()
    index = model.index(row, 0)
    if not index.isValid():
        return
    view.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
    if focus:
        view.setFocus()


def select_id(view: QTreeView, model: ColumnTableModel[Any], ref_id: int) -> bool:
    """Select the record with this id, if the model holds it; whether it did."""
    row = model.row_of(ref_id)
    if row >= 0:
        select_row(view, row)
    return row >= 0


def current_record(view: QTreeView, model: ColumnTableModel[Any]) -> Any:
    """The record of the selected row (None when nothing is selected)."""
    return model.record(selected_row(view))


def selected_row(view: QTreeView) -> int:
    """The selected row, or -1."""
    rows = view.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


def section_title(text: str, name: str) -> QLabel:
    """A bold heading above a list."""
    label = QLabel(text)
    label.setObjectName(name)
    return theme.emphasize(label, 1.1)


def section_page() -> tuple[QWidget, QVBoxLayout]:
    """A part of a tab: a page whose column of widgets sits flush with the tab's own margins."""
    page = QWidget()
    box = QVBoxLayout(page)
    box.setContentsMargins(0, 0, 0, 0)
    return page, box


def empty_label(text: str, name: str) -> QLabel:
    """What an empty list says: what is missing and how to add it."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setMinimumHeight(80)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
    label.setStyleSheet(f"color: {theme.muted_color().name()}; padding: 12px;")
    return label


def detail_label(name: str, accessible: str) -> QLabel:
    """A rich-text detail pane for the selected item, selectable with mouse and keyboard."""
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    label.setMinimumHeight(90)
    return label


def framed(widget: QWidget) -> QFrame:
    """A detail pane in a panel frame."""
    frame = make_card(QFrame())
    box = QVBoxLayout(frame)
    box.setContentsMargins(Space.M, Space.S, Space.M, Space.S)  # a tab's height is tight
    box.addWidget(widget)
    return frame


def esc(text: str) -> str:
    """Text safe inside rich text, line breaks kept."""
    return html.escape(text).replace("\n", "<br>")


def first_line(text: str) -> str:
    """The first non-empty line of a text."""
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


def day(value: date | None, missing: str = "—") -> str:
    """A date as shown in lists: always with its year, as lists span years."""
    return wording.day(value) if value is not None else missing


def energy_dots(energy: int | None) -> str:
    """Energy 1-5 as ●●●○○ (empty when not recorded)."""
    if energy is None:
        return ""
    return "●" * energy + "○" * (ENERGY_DOTS - energy)
