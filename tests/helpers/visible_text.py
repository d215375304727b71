"""Every text a person looking at the screen could read, from the VISIBLE widgets only.

Used to prove that presenter mode (and the lock) leave nothing private on screen: it reads what
Qt would paint or speak — labels, editors, buttons, combo items, tab titles, tooltips, accessible
names and descriptions, window titles, status-bar messages, every row and column of every
visible item view (display, tooltip, accessible and status-tip roles, headers), and the text,
tooltips and attached data of graphics-scene items (the board, the pyqtgraph trust chart).
Hidden widgets (another page of a stack, a closed dialog) are skipped: they are not on screen.
Scrolled-away content of a visible widget is NOT skipped: scrolling is not hiding.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from helpers import qt
from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QStatusBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    Qt.ItemDataRole.AccessibleDescriptionRole,
    Qt.ItemDataRole.StatusTipRole,
    Qt.ItemDataRole.WhatsThisRole,
)


def model_texts(model: QAbstractItemModel) -> Iterator[str]:
    """Every cell's texts in every role, recursively, plus the header texts and tooltips."""
    return qt.model_texts(
        model, roles=ROLES, header_roles=(Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    )


def scene_texts(items: Iterable[QGraphicsItem]) -> Iterator[str]:
    """Texts of graphics items: painted text, tooltips, and whatever data they carry for hover."""
    for item in items:
        if not item.isVisible():
            continue
        yield item.toolTip()
        if isinstance(item, QGraphicsTextItem):
            yield item.toPlainText()
        if isinstance(item, QGraphicsSimpleTextItem):
            yield item.text()
        for attribute in ("text", "label", "card", "data_text"):
            value = getattr(item, attribute, None)
            if isinstance(value, str):
                yield value
            elif value is not None and not callable(value):
                yield repr(value)
        points = getattr(item, "points", None)  # pyqtgraph ScatterPlotItem: hover data per spot
        if callable(points):
            try:
                for spot in points():
                    yield repr(spot.data())
            except (TypeError, AttributeError):
                pass


def widget_texts(widget: QWidget) -> Iterator[str]:
    """The texts of one widget (not its children)."""
    yield widget.toolTip()
    yield widget.accessibleName()
    yield widget.accessibleDescription()
    yield widget.statusTip()
    yield widget.whatsThis()
    if widget.isWindow():
        yield widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QLineEdit):
        yield widget.text()
        yield widget.placeholderText()
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        yield widget.toPlainText()
        yield widget.placeholderText()
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield widget.itemText(i)
            tip = widget.itemData(i, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield tip
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield widget.tabText(i)
            yield widget.tabToolTip(i)
    if isinstance(widget, QStatusBar):
        yield widget.currentMessage()
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from model_texts(widget.model())
    if isinstance(widget, QGraphicsView) and widget.scene() is not None:
        yield from scene_texts(widget.scene().items())


def visible_texts(root: QWidget) -> list[str]:
    """Every text readable under `root` in widgets that are actually visible."""
    out: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.isVisible():
            out += [t for t in widget_texts(widget) if t]
    if isinstance(root, QMainWindow) and root.statusBar().isVisible():
        out.append(root.statusBar().currentMessage())
    return out


def screen_text() -> str:
    """All text of every visible top-level window (main window, dialogs, popups, tooltips)."""
    out: list[str] = []
    for window in QApplication.topLevelWidgets():
        if window.isVisible():
            out += visible_texts(window)
    return "\n".join(out)
