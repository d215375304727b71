"""The agenda column of 1:1 mode: the list with 'discussed' ticks and 'add a topic'."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from leaddesk.ui import theme
from leaddesk.ui.one_on_one.one_on_one_agenda_delegate import OneOnOneAgendaDelegate
from leaddesk.ui.one_on_one.one_on_one_agenda_model import OneOnOneAgendaModel

EMPTY = "Nothing open between you right now.\nAdd what you want to talk about below."
LOADING = "Reading what is open between you…"


class AgendaList(QListView):
    """The list itself: Space ticks (in the delegate), Enter jumps into the inline capture."""

    def __init__(self, on_enter: Callable[[], None]) -> None:
        super().__init__()
        self._on_enter = on_enter

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self._on_enter()
            return
        super().keyPressEvent(event)


class OneOnOneAgendaWidget(QWidget):
    """Title with progress, the agenda list (or an empty state), and the new-topic line."""

    def __init__(self, model: OneOnOneAgendaModel, on_enter: Callable[[], None]) -> None:
        super().__init__()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        title = QHBoxLayout()
        title.addWidget(QLabel("<b>Agenda</b>"))
        title.addStretch(1)
        self.progress = QLabel()
        self.progress.setObjectName("agendaProgress")
        self.progress.setStyleSheet(f"color: {theme.muted_color().name()};")
        title.addWidget(self.progress)
        box.addLayout(title)
        self.list = AgendaList(on_enter)
        self.list.setObjectName("agenda")
        self.list.setAccessibleName("Agenda")
        self.list.setToolTip(
            "↑ ↓ pick an item · Space ticks it as discussed · Enter to record what you agreed"
        )
        self.list.setModel(model)
        self.list.setItemDelegate(OneOnOneAgendaDelegate(self.list))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        box.addWidget(self.list, 1)
        self.empty = QLabel(EMPTY)
        self.empty.setObjectName("agendaEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet(f"color: {theme.muted_color().name()};")
        box.addWidget(self.empty, 1)
        self.new_topic = QLineEdit()
        self.new_topic.setObjectName("newTopic")
        self.new_topic.setAccessibleName("New topic")
        self.new_topic.setPlaceholderText("Add a topic of your own — type and press Enter (Ctrl+T)")
        self.new_topic.setToolTip("Add a topic to this 1:1's agenda (Ctrl+T)")
        self.new_topic.addAction(theme.icon("add"), QLineEdit.ActionPosition.LeadingPosition)
        box.addWidget(self.new_topic)

    def show_empty(self, empty: bool) -> None:
        """The list, or the empty state that says what to do."""
        self.empty.setText(EMPTY)
        self.list.setVisible(not empty)
        self.empty.setVisible(empty)

    def show_loading(self) -> None:
        """A quiet 'Reading…' where the list will be, while the agenda is read the first time."""
        self.empty.setText(LOADING)
        self.list.setVisible(False)
        self.empty.setVisible(True)
