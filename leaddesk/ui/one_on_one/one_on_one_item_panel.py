"""Inline capture for the selected agenda row: settle a promise, record a checkpoint, and so on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QStackedWidget, QVBoxLayout, QWidget

from leaddesk.services.action_item import ItemKind
from leaddesk.ui import theme
from leaddesk.ui.context import AppContext
from leaddesk.ui.one_on_one.one_on_one_agenda_row import AgendaRow
from leaddesk.ui.one_on_one.one_on_one_answer_page import OneOnOneAnswerPage
from leaddesk.ui.one_on_one.one_on_one_checkpoint_page import OneOnOneCheckpointPage
from leaddesk.ui.one_on_one.one_on_one_factor_page import OneOnOneFactorPage
from leaddesk.ui.one_on_one.one_on_one_item_page import OneOnOneItemPage
from leaddesk.ui.one_on_one.one_on_one_level_page import OneOnOneLevelPage
from leaddesk.ui.one_on_one.one_on_one_promise_page import OneOnOnePromisePage
from leaddesk.ui.one_on_one.one_on_one_topic_page import OneOnOneTopicPage

EMPTY_HINT = (
    "Pick an agenda item with ↑ ↓ and press Enter to record what you agree.\n"
    "Space ticks it as discussed; Ctrl+T adds a topic of your own."
)

NOTHING_OPEN_HINT = (
    "Nothing is open between you — a good moment to listen.\n"
    "Add topics on the left (Ctrl+T); capture promises (Ctrl+P) or feedback (Ctrl+Shift+F) below."
)

KEYS = (
    "Space discussed · Enter record · Ctrl+T topic · Ctrl+P promise · Ctrl+Shift+F feedback · "
    "Ctrl+Alt+1–5 energy · Ctrl+Enter end"
)


class OneOnOneItemPanel(QFrame):
    """The selected row in full, and the page of what can be recorded for its kind."""

    resolved = Signal(object, str)  # row key, outcome in a few words
    removed = Signal(object)  # row key of a topic the leader removed

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemPanel")
        self.row: AgendaRow | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tag = QLabel()
        self.tag.setObjectName("itemTag")
        self.heading = QLabel()
        self.heading.setObjectName("itemHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setWeight(QFont.Weight.Medium)
        self.heading.setFont(font)
        layout.addWidget(self.tag)
        layout.addWidget(self.heading)
        layout.addSpacing(6)
        self.promise = OneOnOnePromisePage(ctx)
        self.checkpoint = OneOnOneCheckpointPage(ctx)
        self.level = OneOnOneLevelPage(ctx)
        self.answer = OneOnOneAnswerPage(ctx)
        self.factor = OneOnOneFactorPage(ctx)
        self.topic = OneOnOneTopicPage(ctx)
        self.topic.removed.connect(self.removed)
        self.pages: dict[ItemKind, OneOnOneItemPage] = {
            ItemKind.PROMISE: self.promise,
            ItemKind.CHECKPOINT: self.checkpoint,
            ItemKind.DELEGATION: self.level,
            ItemKind.FEEDBACK: self.answer,
            ItemKind.FACTOR: self.factor,
            ItemKind.TOPIC: self.topic,
        }
        self.empty = OneOnOneItemPage.muted(EMPTY_HINT)
        self.empty.setObjectName("itemPanelHint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.done = QLabel()
        self.done.setObjectName("itemDone")
        self.done.setWordWrap(True)
        self.done.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.stack = QStackedWidget()
        for page in (self.empty, self.done, *self.pages.values()):
            self.stack.addWidget(page)
        for page in self.pages.values():
            page.resolved.connect(self.resolved)
        layout.addWidget(self.stack, 1)
        keys = QLabel(KEYS)
        keys.setObjectName("oneOnOneKeys")
        keys.setWordWrap(True)
        small = keys.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        keys.setFont(small)
        keys.setStyleSheet(f"color: {theme.muted_color().name()};")
        layout.addWidget(keys)
        self.show_row(None, None)

    def show_row(
        self, row: AgendaRow | None, person_id: int | None, outcome: str = "", empty: bool = False
    ) -> None:
        """Show what can be recorded for this row (a hint when nothing is selected)."""
        self.row = row
        self.empty.setText(NOTHING_OPEN_HINT if empty else EMPTY_HINT)
        self.tag.setVisible(row is not None)
        self.heading.setVisible(row is not None)
        if row is None or person_id is None:
            self.tag.clear()
            self.heading.clear()
            self.stack.setCurrentWidget(self.empty)
            return
        carried = f" · {row.carried_text}" if row.carried_text else ""
        self.tag.setText(f"<b>{row.tag}</b>{carried}")
        self.heading.setText(row.text)
        if outcome:
            said = outcome[:1].upper() + outcome[1:]
            self.done.setText(
                f"<span style='color:{theme.good().name()}'>✓ {said}.</span> Ticked as discussed."
            )
            self.stack.setCurrentWidget(self.done)
            return
        page = self.pages.get(row.kind)
        if page is None:
            self.stack.setCurrentWidget(self.empty)
            return
        page.show_row(row, person_id)
        self.stack.setCurrentWidget(page)

    def first_input(self) -> QWidget | None:
        """Where Enter on the agenda puts the focus."""
        page = self.stack.currentWidget()
        return page.first_input() if isinstance(page, OneOnOneItemPage) else None
