"""Type a person: completion over the active people and a live hint of who the text points at."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from leaddesk.domain.errors import ValidationError
from leaddesk.services.readmodels import PersonSummary
from leaddesk.ui import theme
from leaddesk.ui.common.person_picker import describe, match_people

NameRole = Qt.ItemDataRole.UserRole + 1
MAX_SUGGESTIONS = 8


class PersonField(QWidget):
    """A line edit with completion; Tab, Enter or leaving it completes a unique match."""

    person_changed = Signal(object)  # the person's id, or None
    accepted = Signal()  # Enter on a text that points at one person

    def __init__(self, people: list[PersonSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.people = people
        self.person_id: int | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setObjectName("personFieldEdit")
        self.edit.setAccessibleName("Person")
        self.edit.setPlaceholderText("Type part of a name or role")
        self.edit.setToolTip("Completes as you type; Tab or Enter accepts the only match.")
        self.edit.installEventFilter(self)
        # The popup lists match_people's ranking (best first, roles too), not Qt's own filter.
        self.suggestions = QStandardItemModel(self)
        completer = QCompleter(self.suggestions, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCompletionRole(NameRole)  # choosing puts just the name in the field
        completer.setMaxVisibleItems(MAX_SUGGESTIONS)
        self.edit.setCompleter(completer)
        self.edit.textEdited.connect(self._suggest)
        self.edit.textChanged.connect(self._update)
        self.edit.editingFinished.connect(self.complete)
        self.edit.returnPressed.connect(self._enter)  # Enter while the popup is open
        self.hint = QLabel()
        self.hint.setObjectName("personFieldHint")
        self.hint.setAccessibleName("Who this is")
        self.hint.setMinimumWidth(200)
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._hint_text = ""
        row.addWidget(self.edit, 1)
        row.addWidget(self.hint, 1)
        self.setFocusProxy(self.edit)
        self._update()

    def set_person(self, person_id: int) -> None:
        """Show this person (when they are among the people offered)."""
        for person in self.people:
            if person.id == person_id:
                self.edit.setText(person.name)

    def match(self) -> PersonSummary | None:
        """The one person the text points at: an exact name, else the only match; else None."""
        needle = " ".join(self.edit.text().split()).casefold()
        if not needle:
            return None
        exact = [p for p in self.people if p.name.casefold() == needle]
        found = exact or match_people(self.people, needle)
        return found[0] if len(found) == 1 else None

    def complete(self) -> None:
        """Replace what was typed by the full name of the one person it points at."""
        person = self.match()
        if person is not None and self.edit.text() != person.name:
            self.edit.setText(person.name)

    def person(self) -> PersonSummary:
        """The chosen person; a ValidationError saying what is wrong when there is none."""
        self.complete()
        person = self.match()
        if person is not None:
            return person
        text = self.edit.text().strip()
        if not text:
            raise ValidationError("Type who this is about: part of their name or role.")
        matches = match_people(self.people, text)
        if not matches:
            raise ValidationError(
                f"No one called “{text}”. Check the spelling, or add them on the People screen."
            )
        names = ", ".join(p.name for p in matches[:5])
        raise ValidationError(f"“{text}” matches {names}. Type a bit more of the name.")

    def _suggest(self, text: str) -> None:
        matches = match_people(self.people, text) if text.strip() else []
        self.suggestions.clear()
        for person in matches[:MAX_SUGGESTIONS]:
            detail = describe(person)
            item = QStandardItem(f"{person.name}  —  {detail}" if detail else person.name)
            item.setData(person.name, NameRole)
            self.suggestions.appendRow(item)
        completer = self.edit.completer()
        settled = len(matches) == 1 and matches[0].name == text
        if matches and not settled:
            completer.complete()
        elif (popup := completer.popup()) is not None:
            popup.hide()

    def _update(self) -> None:
        text = self.edit.text().strip()
        person = self.match()
        matches = match_people(self.people, text) if text else []
        color = theme.muted_color()
        if not self.people:
            hint, color = "No people yet: add them on the People screen.", theme.warn()
        elif person is not None:
            hint, color = f"✓ {describe(person) or person.name}", theme.good()
        elif not text:
            hint = "Who is this about?"
        elif not matches:
            hint, color = "No one matches", theme.bad()
        else:
            names = ", ".join(p.name for p in matches[:3]) + ("…" if len(matches) > 3 else "")
            hint = f"{len(matches)} people match: {names}"
        self._hint_text = hint
        self._elide_hint()
        self.hint.setToolTip(hint)
        self.hint.setStyleSheet(f"color: {color.name()};")
        new_id = person.id if person is not None else None
        if new_id != self.person_id:
            self.person_id = new_id
            self.person_changed.emit(new_id)

    def _enter(self) -> None:
        self.complete()
        if self.person_id is not None:
            self.accepted.emit()

    def _elide_hint(self) -> None:
        metrics = self.hint.fontMetrics()
        width = max(self.hint.width(), self.hint.minimumWidth())
        self.hint.setText(metrics.elidedText(self._hint_text, Qt.TextElideMode.ElideRight, width))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_hint()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._enter()
            return True  # Enter never reaches the dialog (no accidental save)
        return super().eventFilter(watched, event)
