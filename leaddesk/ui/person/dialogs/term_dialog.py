"""Agree on a term: the word and what both of you mean by it, for one person or the whole team."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QWidget

from leaddesk.ui.common.form_dialog import FormDialog
from leaddesk.ui.context import AppContext


class TermDialog(FormDialog):
    """New or edited glossary entry ('launched' means available to all paying customers)."""

    def __init__(
        self,
        ctx: AppContext,
        person_id: int,
        term_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        person = ctx.desk.person(person_id)
        editing = next((t for t in ctx.desk.terms(person_id) if t.id == term_id), None)
        super().__init__(
            "Edit term" if editing else f"Agree on a term — {person.name}",
            "Save term" if editing else "Add term",
            parent,
            ctx=ctx,
        )
        self.setObjectName("termDialog")
        self.ctx = ctx
        self.person_id = person_id
        self.term_id = term_id
        self.term = QLineEdit(editing.term if editing else "")
        self.term.setObjectName("termWord")
        self.term.setPlaceholderText("e.g. launched")
        self.add_row("&Term:", self.term, "The word or phrase you both use.")
        self.meaning = self.text_box("termMeaning", "e.g. available to all paying customers")
        if editing:
            self.meaning.setPlainText(editing.meaning)
        self.add_row("&Means:", self.meaning, "What you agreed it means, in the words both use.")
        self.team_wide = QCheckBox(f"Agreed with the whole team, not only {person.name}")
        self.team_wide.setObjectName("termTeamWide")
        self.team_wide.setChecked(editing is not None and editing.person_id is None)
        self.team_wide.setEnabled(editing is None)
        self.add_row("&Scope:", self.team_wide)
        self.term.setFocus()

    def save(self) -> None:
        if self.term_id is not None:
            self.ctx.desk.update_term(
                self.term_id, term=self.term.text(), meaning=self.meaning.toPlainText()
            )
            self.done_message = f"Term “{self.term.text().strip()}” saved."
            return
        scope = None if self.team_wide.isChecked() else self.person_id
        self.term_id = self.ctx.desk.add_term(
            self.term.text(), self.meaning.toPlainText(), person_id=scope
        )
        self.done_message = f"Term “{self.term.text().strip()}” agreed."
