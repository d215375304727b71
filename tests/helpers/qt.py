"""Helpers GUI tests share: answering a modal dialog, pressing keys, reading every visible text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from leaddesk.ui.main_window import MainWindow

W = TypeVar("W", bound=QWidget)

_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


def on_modal(handler: Callable[[QWidget], None], tries: int = 3000) -> None:
    """Run `handler` on the next modal dialog as soon as it is open (give up after ~30 s: on a
    loaded machine a dialog can take seconds, and a dialog nobody answers hangs the test run)."""

    def check(left: int) -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None:
            handler(widget)
        elif left:
            QTimer.singleShot(10, lambda: check(left - 1))

    QTimer.singleShot(0, lambda: check(tries))


def press(
    qtbot: object,
    widget: QWidget,
    key: Qt.Key,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Press a key in `widget` with its window active (shortcuts need an active window)."""
    window = widget.window()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # type: ignore[attr-defined]
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)  # type: ignore[attr-defined]


def column_count(model: QAbstractItemModel, parent: QModelIndex) -> int:
    """Columns under `parent` (list models keep columnCount private: one column)."""
    try:
        return model.columnCount(parent)
    except TypeError:
        return 1


def has_children(model: QAbstractItemModel, index: QModelIndex) -> bool:
    """Whether `index` has rows under it (flat models keep hasChildren private: no)."""
    try:
        return model.hasChildren(index)
    except TypeError:
        return False


def model_texts(
    model: QAbstractItemModel,
    parent: QModelIndex | None = None,
    roles: tuple[Qt.ItemDataRole, ...] = _ROLES,
    header_roles: tuple[Qt.ItemDataRole, ...] = (Qt.ItemDataRole.DisplayRole,),
) -> Iterator[str]:
    """Every cell's text in `roles`, recursively, plus the headers' text in `header_roles`."""
    parent = parent if parent is not None else QModelIndex()
    columns = column_count(model, parent)
    if not parent.isValid():
        for column in range(columns):
            for role in header_roles:
                value = model.headerData(column, Qt.Orientation.Horizontal, role)
                if isinstance(value, str):
                    yield value
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            for role in roles:
                value = index.data(role)
                if value is not None and not isinstance(value, bool | int | float):
                    yield str(value)
            if column == 0 and has_children(model, index):
                yield from model_texts(model, index, roles, header_roles)


def all_texts(root: QWidget) -> str:
    """Everything a user could read under `root`: text, editors, combos, tooltips, model cells."""
    out: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        out += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            out.append(widget.text())
        if isinstance(widget, QTextEdit | QPlainTextEdit):
            out.append(widget.toPlainText())
        if isinstance(widget, QComboBox):
            out += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            out += list(model_texts(widget.model()))
    return "\n".join(t for t in out if t)


def open_person_tab(qtbot: object, ctx: object, tab_class: type[W], person: int) -> W:
    """A person tab on screen for `person`, re-rendered after every write as PersonView does."""
    widget = tab_class(ctx)  # type: ignore[call-arg]
    qtbot.addWidget(widget)  # type: ignore[attr-defined]
    ctx.changed.connect(lambda _change: widget.show_person(person))  # type: ignore[attr-defined]
    widget.show_person(person)  # type: ignore[attr-defined]
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitActive(widget)  # type: ignore[attr-defined]
    return widget


def open_main_window(desk: object, qtbot: object) -> MainWindow:
    """The LeadDesk window over `desk`, shown and exposed, closed with the test."""
    from leaddesk.ui.main_window import MainWindow

    main = MainWindow(desk)  # type: ignore[arg-type]
    qtbot.addWidget(main)  # type: ignore[attr-defined]
    main.show()
    qtbot.waitExposed(main)  # type: ignore[attr-defined]
    return main
