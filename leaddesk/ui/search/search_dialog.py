"""The search window (Ctrl+K): one line, results as the user types, Enter opens, Esc closes.

The query runs a moment after the last key (DEBOUNCE_MS) in the background: measured on the
reference data set (bench/bench_search_ui.py), a name takes ~1 ms but a common word or two
40-250 ms (median, a shared 2-core machine), too long for the GUI thread, where only the rows
are made (~1 ms). One search runs at a time; whatever was typed meanwhile is searched next.
While presenting, private hits are not asked for (any that came would be dropped) and a line
says so; when the window locks, this window closes and forgets the query and its results
(WindowLock closes dialogs marked `closesOnLock`). Nothing typed or found here is logged.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.errors import UserError
from leaddesk.domain.search import HitKind, SearchHit
from leaddesk.reports import wording
from leaddesk.ui import theme
from leaddesk.ui.context import AppContext, explain
from leaddesk.ui.ops import BackgroundOp, drop_op
from leaddesk.ui.search.search_delegate import SearchDelegate
from leaddesk.ui.search.search_model import Found, SearchModel, arrange
from leaddesk.ui.search.search_places import calibrated_factor, is_team_term, place_of
from leaddesk.ui.search.search_screens import Screen, matching_screens
from leaddesk.ui.theme import Space, TextStyle

DEBOUNCE_MS = 150  # after the last key: a fast typist's word is one search, not five
LIMIT = 30
PROMPT = "Search people, screens and everything you wrote"
EXAMPLES = "A name, a screen such as “board”, or any words from a note, a promise or a reflection"
PLACEHOLDER = "Type to search"
PRIVATE_HIDDEN = "Private notes are hidden while presenting"
HINT = "↑↓ to move · Enter opens it where it lives · Esc closes"
_MOVES = {
    Qt.Key.Key_Up: -1,
    Qt.Key.Key_Down: 1,
    Qt.Key.Key_PageUp: -8,
    Qt.Key.Key_PageDown: 8,
}


def no_matches(query: str) -> str:
    """The empty result, quoting what was typed (shortened: it is a line, not a page)."""
    shown = query if len(query) <= 40 else query[:39] + "…"
    return f"No matches for “{shown}” — try fewer words"


class SearchDialog(QDialog):
    """Find a person, a screen or anything written, and open it where it lives."""

    def __init__(
        self,
        ctx: AppContext,
        screens: list[Screen],
        parent: QWidget,
        person_on_screen: Callable[[], int | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle("Search")
        self.setProperty("closesOnLock", True)  # nothing typed here is worth a lock screen
        self.ctx = ctx
        self.screens = screens
        self.person_on_screen = person_on_screen
        self.searched = ""  # the query the results are for
        self._running = ""  # the query being searched now, in the background
        self._open_when_found = False  # Enter came before the results: open the best one
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.run)
        self._build()
        ctx.presenter_changed.connect(self._on_presenter)

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        box = QVBoxLayout(self)
        box.setContentsMargins(Space.M, Space.M, Space.M, Space.S)
        box.setSpacing(Space.S)
        self.query = QLineEdit()
        self.query.setObjectName("searchQuery")
        self.query.setAccessibleName("Search")
        self.query.setPlaceholderText(PLACEHOLDER)
        self.query.setClearButtonEnabled(True)
        self.query.addAction(theme.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.query.setFont(theme.font_for(TextStyle.SUBTITLE, self.query.font()))
        self.query.setStyleSheet(f"QLineEdit#searchQuery {{ padding: {Space.XS}px; }}")
        self.query.textChanged.connect(self._on_typed)
        self.query.installEventFilter(self)
        box.addWidget(self.query)

        self.presenter_note = QLabel(PRIVATE_HIDDEN)
        self.presenter_note.setObjectName("searchPresenterNote")
        theme.set_tone(self.presenter_note, "warn")
        box.addWidget(self.presenter_note)

        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_empty())
        self.model = SearchModel()
        self.results = QListView()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setMouseTracking(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing goes on in the line
        self.results.clicked.connect(lambda index: self._open_row(index.row()))
        self.pages.addWidget(self.results)
        box.addWidget(self.pages, 1)

        footer = QHBoxLayout()
        self.hint = QLabel(HINT)
        self.hint.setObjectName("searchHint")
        self.count = QLabel()
        self.count.setObjectName("searchCount")
        for label in (self.hint, self.count):
            theme.set_text_style(label, TextStyle.CAPTION)
            theme.set_tone(label, "muted")
        footer.addWidget(self.hint, 1)
        footer.addWidget(self.count)
        box.addLayout(footer)
        self.resize(680, 460)
        self.setMinimumSize(420, 280)

    def _build_empty(self) -> QWidget:
        """Before typing: what can be found, with examples; after: that nothing was."""
        page = QWidget()
        box = QVBoxLayout(page)
        box.addStretch(1)
        self.empty = QLabel(PROMPT)
        self.empty.setObjectName("searchEmpty")
        self.examples = QLabel(EXAMPLES)
        self.examples.setObjectName("searchExamples")
        for label, style in ((self.empty, TextStyle.SUBTITLE), (self.examples, TextStyle.BODY)):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            theme.set_text_style(label, style)
            theme.set_tone(label, "muted")
            box.addWidget(label)
        box.addStretch(2)
        return page

    # -- showing -----------------------------------------------------------------------------
    def start(self) -> None:
        """Open over the window's upper middle, the cursor in the line."""
        self._show_state()
        parent = self.parentWidget()
        if parent is not None:
            frame = parent.frameGeometry()
            width = min(self.width(), max(self.minimumWidth(), frame.width() - 2 * Space.XXL))
            self.resize(width, self.height())
            self.move(parent.mapToGlobal(QPoint((parent.width() - width) // 2, 72)))
        # Modal, so the window's keys wait until this closes; not open()'s window modality,
        # which macOS shows as a sheet sliding from the title bar rather than a search box.
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.show()
        self.activateWindow()
        self.query.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def done(self, result: int) -> None:
        """Closed by Esc, Enter or the lock: the query and its results are forgotten at once
        (the window itself goes with the next event loop turn)."""
        self._forget()
        super().done(result)
        parent = self.parentWidget()
        if parent is not None:  # not every window manager gives the window back its keys
            parent.activateWindow()

    def _forget(self) -> None:
        self.timer.stop()
        drop_op(self, "search")
        self._running = ""
        self._open_when_found = False
        self.query.blockSignals(True)
        self.query.clear()
        self.query.blockSignals(False)
        self.searched = ""
        self.model.set_rows([])
        self._show_state()

    # -- searching ---------------------------------------------------------------------------
    def _on_typed(self, _text: str) -> None:
        self.timer.start()  # restarted by every key: one search when the typing pauses

    def _on_presenter(self, _on: bool) -> None:
        if self.isVisible():
            self.run()
        self._show_state()

    def run(self) -> None:
        """Search for what is typed now, in the background; one search at a time, the latest
        typed next (a slow word must not queue up a search per key)."""
        self.timer.stop()
        text = self.query.text().strip()
        if not text or self.ctx.desk.locked:
            drop_op(self, "search")
            self._running = ""
            self._show_rows("", [])
            return
        if self._running:
            return  # started again with what is typed then, when this one ends
        self._running = text
        self._show_state()
        desk, presenting = self.ctx.desk, self.ctx.presenter
        op = BackgroundOp(
            self,
            lambda _p: desk.search(text, limit=LIMIT, include_private=not presenting),
            key="search",
        )
        op.success(lambda hits: self._found(text, hits)).failure(self._failed).run()

    def _found(self, text: str, hits: list[SearchHit]) -> None:
        self._running = ""
        if self.ctx.presenter:  # never shown while presenting, whatever came back
            hits = [hit for hit in hits if not hit.private]
        self._show_rows(text, hits)
        if text != self.query.text().strip():
            self.run()  # typed on meanwhile
        elif self._open_when_found:
            self._open_when_found = False
            self._open_row(0)

    def _failed(self, error: BaseException) -> None:
        self._running = ""
        self._open_when_found = False
        self.model.set_rows([])
        self._show_state(str(error) if isinstance(error, UserError) else explain(error))

    def _show_rows(self, text: str, hits: list[SearchHit]) -> None:
        self.searched = text
        screens = matching_screens(self.screens, text) if text else []
        self.model.set_rows(arrange(hits, screens, self.ctx.desk.today(), text))
        if self.model.rows:
            self.results.setCurrentIndex(self.model.index(0, 0))
            self.results.scrollToTop()
        self._show_state()

    def _show_state(self, problem: str = "") -> None:
        rows = len(self.model.rows)
        self.presenter_note.setVisible(self.ctx.presenter)
        self.pages.setCurrentIndex(1 if rows else 0)
        if problem:
            self.empty.setText(problem)
        elif self.searched:
            self.empty.setText(no_matches(self.searched))
        else:
            self.empty.setText(PROMPT)
        self.examples.setVisible(not problem and not self.searched)
        if self._running:
            self.count.setText("Searching…")
        else:
            self.count.setText(wording.count(rows, "result") if rows else "")

    # -- keys and opening --------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
            if key in _MOVES and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self._move(_MOVES[Qt.Key(key)])
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        rows = len(self.model.rows)
        if rows:
            row = max(0, min(rows - 1, self.results.currentIndex().row() + step))
            self.results.setCurrentIndex(self.model.index(row, 0))

    def open_current(self) -> None:
        """Enter: open the current row; typed faster than the search, the best row for what is
        typed, as soon as it is found."""
        if self.searched == self.query.text().strip() and not self.timer.isActive():
            self._open_row(self.results.currentIndex().row())
        elif self.query.text().strip():
            self._open_when_found = True
            if self.timer.isActive() or not self._running:
                self.run()

    def _open_row(self, row: int) -> None:
        if not 0 <= row < len(self.model.rows):
            return
        found = self.model.rows[row].found
        self.accept()
        self.open_found(found)

    def open_found(self, found: Found) -> None:
        """Show `found` where it lives (a screen; a person's tab with it selected; a week)."""
        team_person = None
        if is_team_term(found):
            team_person = self.person_on_screen()
            if team_person is None:
                reports = self.ctx.desk.direct_reports()
                team_person = reports[0].id if reports else None
        factor = None
        if isinstance(found, SearchHit) and found.kind is HitKind.CALIBRATION:
            person = found.person_id
            factor = calibrated_factor(found, self.ctx.desk.delegations(person)) if person else None
        view, argument = place_of(found, team_person, factor)
        self.ctx.go(view, argument)
        if team_person is not None:
            self.ctx.message.emit("A team term: it is listed on everyone's Delegations tab.")
