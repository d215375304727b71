"""Ask why a level of empowerment changes (history keeps the reason); cancel changes nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QWidget

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.ui.common.form_dialog import FormDialog


class LevelReasonDialog(FormDialog):
    """'Consult → Advise: why?' with a required reason."""

    def __init__(
        self,
        title: str,
        old: EmpowermentLevel | None,
        new: EmpowermentLevel | None,
        parent: QWidget | None = None,
        required: bool = True,
    ) -> None:
        super().__init__("Change the level of empowerment", "Change level", parent)
        self.setObjectName("levelReasonDialog")
        self.required = required
        before = f"{int(old)} {old.label}" if old else "none"
        after = f"{int(new)} {new.label}" if new else "none"
        direction = ""
        if old and new:
            direction = " — more empowerment" if new > old else " — less empowerment"
        summary = QLabel(
            f"<b>{title}</b><br>{before} → {after}{direction}"
            + (f"<br><i>{new.meaning}</i>" if new else "")
        )
        summary.setObjectName("levelChangeSummary")
        summary.setWordWrap(True)
        self.form.addRow(summary)
        why = QLabel("&Why? (kept in the delegation's history)")
        self.reason = self.text_edit(
            "levelReason",
            "Reason for the level change",
            "e.g. Three on-track checkpoints in a row; ready to decide alone after hearing me.",
        )
        why.setBuddy(self.reason)
        self.form.addRow(why)
        self.form.addRow(self.reason)
        self.reason.setFocus()

    def save(self) -> str:
        reason = self.reason.toPlainText().strip()
        if self.required and not reason:
            raise self.refuse(
                self.reason, "Say why, in a few words: the history is what makes trust visible."
            )
        return reason

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        title: str,
        old: EmpowermentLevel | None,
        new: EmpowermentLevel | None,
        required: bool = True,
    ) -> str | None:
        """The reason typed, or None when the user cancelled."""
        dialog = cls(title, old, new, parent, required)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.toPlainText().strip()
