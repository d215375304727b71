"""Export to your calendar: to-dos or not, alarms or not, the items' notes or not; then Save.

Asked before the save dialog because each choice changes what lands in a calendar app (and
often in someone's cloud). The to-do and notes choices are remembered for the next export; the
alarms follow the lead time in Settings, which this dialog names so nobody has to guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.calendar_alarms import alarm_moment
from leaddesk.ui import theme

TODOS_KEY = "exports/icsTodos"
NOTES_KEY = "exports/icsNotes"
INTRO = (
    "Open checkpoints and the due dates of open promises, as all-day events that Google "
    "Calendar, Outlook, Apple Calendar and Thunderbird import. Importing a newer file updates "
    "the entries instead of doubling them. Relationship notes, private 1:1 notes and "
    "assessments never go in."
)


@dataclass(frozen=True, slots=True)
class CalendarChoice:
    """What the user chose for this calendar file."""

    todos: bool
    alarm_minutes: int  # 0: no alarms
    include_notes: bool


class CalendarExportDialog(QDialog):
    """Three choices and Save calendar…; the file itself is asked for afterwards."""

    def __init__(self, parent: QWidget | None, alarm_minutes: int) -> None:
        super().__init__(parent)
        self.setObjectName("calendarExportDialog")
        self.setWindowTitle("Export to your calendar")
        self.alarm_minutes = alarm_minutes
        remembered = QSettings()
        intro = QLabel(INTRO)
        intro.setObjectName("calendarExportIntro")
        intro.setWordWrap(True)
        self.todos = QCheckBox("Also as &to-dos")
        self.todos.setObjectName("calendarTodos")
        self.todos.setChecked(remembered.value(TODOS_KEY, False, type=bool) is True)
        self.alarms = QCheckBox()
        self.alarms.setObjectName("calendarAlarms")
        if alarm_minutes > 0:
            self.alarms.setText(f"&Alarms {alarm_moment(alarm_minutes)}")
            self.alarms.setChecked(True)
        else:
            self.alarms.setText("&Alarms are off in Settings")
            self.alarms.setEnabled(False)
        self.notes = QCheckBox("Include the items' own &notes")
        self.notes.setObjectName("calendarNotes")
        self.notes.setChecked(remembered.value(NOTES_KEY, False, type=bool) is True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for box, hint in (
            (
                self.todos,
                "For apps with task lists (Apple Reminders, Thunderbird): each promise due "
                "date also becomes a to-do. Google Calendar and Outlook ignore to-dos.",
            ),
            (
                self.alarms,
                "On checkpoints and on promises you made (not theirs, not overdue ones). An "
                "alarm says only “LeadDesk: checkpoint due”. The time is set in Settings → "
                "Calendar export.",
            ),
            (
                self.notes,
                "What done means, when to involve you, checkpoint and renegotiation notes; "
                "alarms then name what is due. Leave it off if the calendar is shared or synced "
                "to a service you do not trust with them.",
            ),
        ):
            layout.addSpacing(6)
            layout.addWidget(box)
            layout.addWidget(self._hint(hint, box))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.addButton(
            "Save calendar…", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("calendarSave")
        self.save_button.setDefault(True)
        self.save_button.setToolTip("Choose where to save the .ics file (Ctrl+S)")
        QShortcut(QKeySequence.StandardKey.Save, self, self.accept)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addSpacing(6)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)

    @staticmethod
    def _hint(text: str, box: QCheckBox) -> QLabel:
        """The muted line under a choice, indented to the box's text; also its tooltip."""
        hint = QLabel(text)
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {theme.muted_color().name()};")
        indent = box.style().pixelMetric(box.style().PixelMetric.PM_IndicatorWidth)
        hint.setContentsMargins(indent + 6, 0, 0, 0)
        box.setToolTip(text)
        box.setAccessibleDescription(text)
        return hint

    def accept(self) -> None:
        """Remember the to-do and notes choices, then close for the save dialog."""
        remembered = QSettings()
        remembered.setValue(TODOS_KEY, self.todos.isChecked())
        remembered.setValue(NOTES_KEY, self.notes.isChecked())
        super().accept()

    def choice(self) -> CalendarChoice:
        """The choices as they stand."""
        alarms = self.alarms.isChecked() and self.alarm_minutes > 0
        return CalendarChoice(
            self.todos.isChecked(), self.alarm_minutes if alarms else 0, self.notes.isChecked()
        )
