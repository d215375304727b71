"""Choose a person by typing part of a name or role: arrows move, Enter picks, Esc cancels."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from leaddesk.services.readmodels import PersonSummary
from leaddesk.ui import theme
from leaddesk.ui.context import AppContext

PersonRole = Qt.ItemDataRole.UserRole + 1
_MOVE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


def match_people(people: Iterable[PersonSummary], text: str) -> list[PersonSummary]:
    """The people `text` points at, best first: exact name, name prefix, word prefix, part, role.

    Case-insensitive; an empty text matches everyone (sorted by name).
    """
    needle = " ".join(text.split()).casefold()
    ranked: list[tuple[int, str, PersonSummary]] = []
    for person in people:
        name = person.name.casefold()
        rank: int | None
        if not needle or name == needle:
            rank = 0
        elif name.startswith(needle):
            rank = 1
        elif any(word.startswith(needle) for word in name.split()):
            rank = 2
        elif needle in name:
            rank = 3
        elif needle in " ".join(filter(None, [person.role, person.area])).casefold():
            rank = 4
        else:
            rank = None
        if rank is not None:
            ranked.append((rank, name, person))
    ranked.sort(key=lambda entry: (entry[0], entry[1]))
    return [person for _rank, _name, person in ranked]


def describe(person: PersonSummary) -> str:
    """'Role · reports to X' (whatever of that is known), to tell people apart."""
    parts = [person.role or ""]
    if person.reports_to_name:
        parts.append(f"reports to {person.reports_to_name}")
    return " · ".join(part for part in parts if part)


class PersonPicker(QDialog):
    """A filter field over the active people and the list of those it matches."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personPicker")
        self.setWindowTitle(title.rstrip("…").rstrip(".") or "Choose a person")
        self.setMinimumWidth(420)
        self.person_id: int | None = None
        self.people = ctx.desk.people()
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{title}</b>")
        heading.setObjectName("personPickerHeading")
        layout.addWidget(heading)
        self.search = QLineEdit()
        self.search.setObjectName("personPickerSearch")
        self.search.setAccessibleName("Person name or role")
        self.search.setPlaceholderText("Type part of a name or role")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("↑ ↓ move through the list, Enter chooses, Esc cancels.")
        self.search.installEventFilter(self)
        layout.addWidget(self.search)
        self.model = QStandardItemModel(self)
        self.list = QListView()
        self.list.setObjectName("personPickerList")
        self.list.setAccessibleName("Matching people")
        self.list.setModel(self.model)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing always goes to the field
        self.list.activated.connect(self._choose)
        self.list.doubleClicked.connect(self._choose)
        layout.addWidget(self.list, 1)
        self.empty = QLabel()
        self.empty.setObjectName("personPickerEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {theme.muted_color().name()};")
        layout.addWidget(self.empty)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Choose")
        self.ok_button.setObjectName("personPickerOk")
        self.ok_button.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("personPickerCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._filter)
        self._filter("")
        self.search.setFocus()

    def _filter(self, text: str) -> None:
        self.model.clear()
        for person in match_people(self.people, text):
            detail = describe(person)
            item = QStandardItem(f"{person.name}  —  {detail}" if detail else person.name)
            item.setData(person.id, PersonRole)
            item.setData(
                ", ".join(filter(None, [person.name, detail, person.area])),
                Qt.ItemDataRole.AccessibleTextRole,
            )
            item.setToolTip(", ".join(filter(None, [person.name, detail, person.area])))
            self.model.appendRow(item)
        found = self.model.rowCount()
        if found:
            self.list.setCurrentIndex(self.model.index(0, 0))
        if not self.people:
            self.empty.setText(
                "No one to choose yet: add your direct reports on the People screen."
            )
        elif not found:
            self.empty.setText(f"No one matches “{text.strip()}”. Try part of a name or a role.")
        self.empty.setVisible(not found)
        self.list.setVisible(bool(self.people))
        self.ok_button.setEnabled(bool(found))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _MOVE_KEYS
        ):
            # Move through the list while typing stays in the field.
            QApplication.sendEvent(
                self.list, QKeyEvent(event.type(), event.key(), event.modifiers())
            )
            return True
        return super().eventFilter(watched, event)

    def _choose(self, index: QModelIndex) -> None:
        if index.isValid():
            self.list.setCurrentIndex(index)
            self.accept()

    def accept(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        self.person_id = int(index.data(PersonRole))
        super().accept()


def pick_person(ctx: AppContext, parent: QWidget | None, title: str) -> int | None:
    """Ask for a person by typing; their id, or None when cancelled."""
    dialog = PersonPicker(ctx, title, parent)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.person_id if accepted else None
    finally:
        dialog.deleteLater()
