"""Edit a 1:1 already held: its shared and private notes and how they seemed (energy)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QWidget

from leaddesk.reports import wording
from leaddesk.services.meetings import OneOnOneView
from leaddesk.ui.common.form_dialog import FormDialog
from leaddesk.ui.common.presenter import mask_while_presenting
from leaddesk.ui.context import AppContext

ENERGY_CHOICES = ("1 — drained", "2 — low", "3 — steady", "4 — good", "5 — energised")


class OneOnOneDialog(FormDialog):
    """Notes and energy of a saved 1:1; in presenter mode the private notes stay out of sight."""

    def __init__(
        self, ctx: AppContext, meeting: OneOnOneView, person_name: str, parent: QWidget | None
    ) -> None:
        super().__init__(
            f"1:1 with {person_name} on {wording.full_day(meeting.held_on)}",
            "Save",
            parent,
            ctx=ctx,
        )
        self.setObjectName("oneOnOneDialog")
        self.ctx = ctx
        self.meeting = meeting
        self.presenter = ctx.presenter
        self.set_intro(
            "Correct or complete what was noted. Shared notes are what you would show them; "
            + (
                "private notes are hidden while presenting."
                if self.presenter
                else "private notes are yours alone."
            )
        )
        self.shared = self.text_edit("editSharedNotes", "Shared notes", "What you both agreed on")
        self.shared.setPlainText(meeting.shared_notes)
        self.form.addRow("&Shared notes", self.shared)
        self.private = self.text_edit("editPrivateNotes", "Private notes", "Only you see these")
        if not self.presenter:
            self.private.setPlainText(meeting.private_notes)
            self.form.addRow("&Private notes", self.private)
        self.energy = QComboBox()
        self.energy.setObjectName("editEnergy")
        self.energy.setAccessibleName("Energy")
        self.energy.setToolTip("How they seemed, 1 (drained) to 5 (energised)")
        if meeting.energy is None:
            self.energy.addItem("Not noted", None)
        for value, label in enumerate(ENERGY_CHOICES, start=1):
            self.energy.addItem(label, value)
        self.energy.setCurrentIndex(self.energy.findData(meeting.energy))
        self.form.addRow("&Energy", self.energy)
        self.shared.setFocus()
        # Energy and private notes are private: switching presenter mode on while this is open
        # hides the whole form (nothing typed is lost; leaving presenter mode shows it again).
        if not self.presenter:
            mask_while_presenting(self, ctx)
        else:
            self.form.setRowVisible(self.energy, False)

    def save(self) -> None:
        energy = self.energy.currentData()
        self.ctx.desk.update_one_on_one(
            self.meeting.id,
            shared_notes=self.shared.toPlainText(),
            private_notes=None if self.presenter else self.private.toPlainText(),
            energy=energy,
        )
