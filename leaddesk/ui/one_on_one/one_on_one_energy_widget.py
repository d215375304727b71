"""How they seemed in the 1:1: energy 1-5, by click or by typing 1-5 while it has focus."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

WORDS = {1: "drained", 2: "low", 3: "steady", 4: "good", 5: "energised"}


class OneOnOneEnergyWidget(QFrame):
    """Five round buttons; keys 1-5 pick, 0 / Backspace clear, ←/→ step."""

    changed = Signal(object)  # int | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("energy")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setToolTip(
            "How did they seem? Type 1–5 while this has focus (0 clears), "
            "or Ctrl+Alt+1 … Ctrl+Alt+5 from anywhere in the 1:1."
        )
        self._value: int | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        layout.setSpacing(4)
        title = QLabel("How did they seem?")
        title.setObjectName("energyTitle")
        layout.addWidget(title)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: dict[int, QToolButton] = {}
        for value, word in WORDS.items():
            button = QToolButton()
            button.setObjectName(f"energy{value}")
            button.setText(str(value))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(f"Energy {value}: {word}")
            button.setToolTip(f"{value} — {word} (Ctrl+Alt+{value})")
            button.setFixedSize(30, 30)
            self.group.addButton(button, value)
            self.buttons[value] = button
            layout.addWidget(button)
        self.group.idClicked.connect(self._clicked)
        self.word = QLabel("not set")
        self.word.setObjectName("energyWord")
        self.word.setMinimumWidth(70)
        layout.addWidget(self.word)
        self.setStyleSheet(
            "QFrame#energy { border: 1px solid transparent; border-radius: 6px; }"
            "QFrame#energy:focus { border: 1px solid palette(highlight); }"
            "QFrame#energy QToolButton { border-radius: 15px; border: 1px solid palette(mid); }"
            "QFrame#energy QToolButton:checked { background: palette(highlight);"
            " color: palette(highlighted-text); border-color: palette(highlight); }"
        )
        self._show()

    def value(self) -> int | None:
        """The energy picked, or None."""
        return self._value

    def set_value(self, value: int | None, notify: bool = True) -> None:
        """Pick an energy (None clears)."""
        if value is not None and value not in WORDS:
            return
        changed = value != self._value
        self._value = value
        self._show()
        if changed and notify:
            self.changed.emit(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_5:
            self.set_value(int(key) - int(Qt.Key.Key_0))
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self.set_value(None)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self.set_value(min(5, (self._value or 0) + 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self.set_value(max(1, (self._value or 2) - 1))
        else:
            super().keyPressEvent(event)

    def _clicked(self, value: int) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.set_value(None if value == self._value else value)

    def _show(self) -> None:
        for value, button in self.buttons.items():
            button.setChecked(value == self._value)
        word = f"{self._value} · {WORDS[self._value]}" if self._value else "not set"
        self.word.setText(word)
        self.setAccessibleName(f"Energy, how they seemed: {word}")
