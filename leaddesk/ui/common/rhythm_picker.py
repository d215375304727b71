"""How often to meet someone for a 1:1: the default of their place, a common rhythm, or days."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from leaddesk.domain.rhythm import COMMON_RHYTHMS, MAX_DAYS, MIN_DAYS, rhythm_words

CUSTOM = "Custom…"
_CUSTOM_DATA = -1  # the combo's data for "Custom…": the days are in the spin box


class RhythmPicker(QWidget):
    """A combo of choices ("Default (every 2 weeks)", "Weekly", …, "Custom…") and, for a custom
    rhythm, a spin box of days; `value()` is None for the default."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rhythmPicker")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.choice = QComboBox()
        self.choice.setObjectName("rhythmChoice")
        self.choice.setAccessibleName("1:1 rhythm")
        self.choice.addItem(self._default_text(None), None)
        for days, words in COMMON_RHYTHMS:
            self.choice.addItem(f"{words[0].upper()}{words[1:]} ({days} days)", days)
        self.choice.addItem(CUSTOM, _CUSTOM_DATA)
        self.days = QSpinBox()
        self.days.setObjectName("rhythmDays")
        self.days.setAccessibleName("1:1 every how many days")
        self.days.setRange(MIN_DAYS, MAX_DAYS)
        self.days.setPrefix("every ")
        self.days.setSuffix(" days")
        self.days.setValue(10)
        self.days.setToolTip(f"Between {MIN_DAYS} and {MAX_DAYS} days")
        layout.addWidget(self.choice, 1)
        layout.addWidget(self.days)
        self.choice.currentIndexChanged.connect(self._chosen)
        self.days.valueChanged.connect(self.changed)
        # The form label's Alt+letter focuses its buddy only if the buddy takes focus.
        self.setFocusPolicy(self.choice.focusPolicy())
        self.setFocusProxy(self.choice)
        self._chosen()

    @staticmethod
    def _default_text(days: int | None) -> str:
        if days is None:
            return "Default (no regular 1:1s)"
        return f"Default ({rhythm_words(days)})"

    def set_default_days(self, days: int | None) -> None:
        """What "Default" means for this person (None: someone the leader does not meet)."""
        self.choice.setItemText(0, self._default_text(days))

    def set_value(self, days: int | None) -> None:
        """Show a person's own rhythm (None: the default)."""
        index = self.choice.findData(days) if days is not None else 0
        if index < 0:
            self.days.setValue(days or MIN_DAYS)
            index = self.choice.findData(_CUSTOM_DATA)
        self.choice.setCurrentIndex(index)

    def value(self) -> int | None:
        """The rhythm chosen, in days; None for the default."""
        data = self.choice.currentData()
        if data == _CUSTOM_DATA:
            return self.days.value()
        return data if isinstance(data, int) else None

    def _chosen(self) -> None:
        custom = self.choice.currentData() == _CUSTOM_DATA
        self.days.setVisible(custom)
        if custom and self.choice.hasFocus():
            self.days.setFocus()
            self.days.selectAll()
        self.changed.emit()
