"""Ask why a level of empowerment changes (history keeps the reason); cancel changes nothing."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.levels import EmpowermentLevel


class LevelReasonDialog(QDialog):
    """'Consult → Advise: why?' with a required reason."""

    def __init__(
        self,
        title: str,
        old: EmpowermentLevel | None,
        new: EmpowermentLevel | None,
        parent: QWidget | None = None,
        required: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("levelReasonDialog")
        self.setWindowTitle("Change the level of empowerment")
        self.required = required
        layout = QVBoxLayout(self)
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
        layout.addWidget(summary)
        layout.addWidget(QLabel("&Why? (kept in the delegation's history)"))
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("levelReason")
        self.reason.setAccessibleName("Reason for the level change")
        self.reason.setPlaceholderText(
            "e.g. Three on-track checkpoints in a row; ready to decide alone after hearing me."
        )
        self.reason.setTabChangesFocus(True)
        layout.itemAt(1).widget().setBuddy(self.reason)  # type: ignore[union-attr]
        layout.addWidget(self.reason)
        self.error = QLabel("")
        self.error.setObjectName("levelReasonError")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Change level")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reason.setFocus()

    def _accept(self) -> None:
        if self.required and not self.reason.toPlainText().strip():
            self.error.setText("Say why, in a few words: the history is what makes trust visible.")
            self.error.show()
            return
        self.accept()

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
