"""The top of 1:1 mode: who, their role, the last 1:1, a quiet clock, and two ways out."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from leaddesk.reports import wording
from leaddesk.services.people import PersonSummary
from leaddesk.ui import theme


class OneOnOneHeader(QWidget):
    """'1:1 with Ana Lima', 'Head of Data · last 1:1 …', 'started 14:02 · 12 min'."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.started: datetime | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        names = QVBoxLayout()
        names.setSpacing(2)
        self.name = QLabel()
        self.name.setObjectName("oneOnOneName")
        theme.emphasize(self.name, 1.6)
        self.meta = QLabel()
        self.meta.setObjectName("oneOnOneMeta")
        self.meta.setStyleSheet(f"color: {theme.muted_color().name()};")
        names.addWidget(self.name)
        names.addWidget(self.meta)
        layout.addLayout(names, 1)
        right = QVBoxLayout()
        right.setSpacing(2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.person_button = QPushButton(theme.icon("people"), "Person page")
        self.person_button.setObjectName("oneOnOnePersonPage")
        self.person_button.setFlat(True)
        self.person_button.setToolTip("Open their page; this 1:1 stays here as a draft")
        self.discard_button = QPushButton(theme.icon("delete"), "Discard draft…")
        self.discard_button.setObjectName("oneOnOneDiscard")
        self.discard_button.setFlat(True)
        self.discard_button.setToolTip("Throw away this 1:1's notes, energy and ticks")
        buttons.addWidget(self.person_button)
        buttons.addWidget(self.discard_button)
        right.addLayout(buttons)
        self.clock = QLabel()
        self.clock.setObjectName("oneOnOneClock")
        self.clock.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.clock.setStyleSheet(f"color: {theme.muted_color().name()};")
        self.clock.setToolTip("When this 1:1 started, and for how long it has been going")
        right.addWidget(self.clock)
        layout.addLayout(right)
        self.timer = QTimer(self)
        self.timer.setInterval(20_000)
        self.timer.timeout.connect(self._tick)

    def show_person(
        self, person: PersonSummary, last: date | None, today: date, started: datetime
    ) -> None:
        """Fill in who the meeting is with and when it started."""
        self.name.setText(f"1:1 with {person.name}")
        when = f"last 1:1 {wording.day(last)} ({wording.days_ago(last, today)})" if last else ""
        when = when or "your first 1:1 recorded with them"
        self.meta.setText(" · ".join(p for p in (person.role, person.area, when) if p))
        self.started = started
        self._tick()
        self.timer.start()

    def _tick(self) -> None:
        if self.started is not None:
            minutes = int((datetime.now() - self.started).total_seconds() // 60)
            self.clock.setText(
                f"started {wording.clock(self.started)} · {wording.minutes(minutes)}"
            )
