"""Add or reword a relationship note: what motivates them, aspirations, style, context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QWidget

from leaddesk.services.relationship_notes import RelationshipNoteView
from leaddesk.ui.common.form_dialog import FormDialog

if TYPE_CHECKING:
    from leaddesk.ui.context import AppContext

TOPICS = (
    "What motivates them",
    "Career aspirations",
    "Working style",
    "Personal context",
)


@dataclass(frozen=True, slots=True)
class NoteInput:
    """What the note dialog holds when OK is pressed."""

    topic: str
    text: str
    on: date


class NoteDialog(FormDialog):
    """New note (topic, date, text) or, given one, its topic, date and wording to correct."""

    def __init__(
        self,
        person_name: str,
        today: date,
        on_save: Callable[[NoteInput], Any],
        note: RelationshipNoteView | None = None,
        parent: QWidget | None = None,
        *,
        ctx: AppContext | None = None,
    ) -> None:
        editing = note is not None
        super().__init__(
            "Edit relationship note" if editing else "New relationship note",
            "Save" if editing else "Add note",
            parent,
            ctx=ctx,
        )
        self.setObjectName("noteDialog")
        self.on_save = on_save
        self.set_intro(
            f"Private: only you see relationship notes about {person_name}; they are hidden in "
            "presenter mode. Note only what they chose to share."
        )
        self.topic = QComboBox()
        self.topic.setObjectName("noteTopic")
        self.topic.setAccessibleName("About")
        self.topic.setToolTip("Pick one or type your own (one line).")
        self.topic.setEditable(True)
        self.topic.addItems(TOPICS)
        if note is not None:
            self.topic.setEditText(note.topic)
        self.form.addRow("&About", self.topic)
        self.on = self.date_edit("noteDate", "Date", note.on if note is not None else today)
        self.form.addRow("&Date", self.on)
        self.text = self.text_edit(
            "noteText", "Note", "e.g. Wants to lead a larger org within two years; loves mentoring."
        )
        if note is not None:
            self.text.setPlainText(note.text)
        self.form.addRow("&Note", self.text)
        self.text.setFocus()

    def value(self) -> NoteInput:
        """The note as typed."""
        return NoteInput(self.topic.currentText(), self.text.toPlainText(), self.day(self.on))

    def save(self) -> Any:
        return self.on_save(self.value())
