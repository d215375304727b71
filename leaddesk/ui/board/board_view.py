"""The delegation board: people as rows, the seven levels as columns, delegations as cards."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.reports import wording
from leaddesk.services.changes import ChangeArea
from leaddesk.services.people import PersonSummary
from leaddesk.ui import theme
from leaddesk.ui.board.board_canvas import HELP, BoardCanvas
from leaddesk.ui.board.board_card import BoardCardItem, level_name
from leaddesk.ui.board.board_lanes import (
    BoardDelegation,
    BoardLane,
    CardFilter,
    Grouping,
    build_lanes,
)
from leaddesk.ui.board.board_legend import BoardLegend
from leaddesk.ui.common.base_view import BaseView
from leaddesk.ui.common.level_reason_dialog import LevelReasonDialog
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.context import AppContext, explain
from leaddesk.ui.ops import BackgroundOp, Progress

FILTER_DELAY_MS = 120
PAGE_BOARD, PAGE_EMPTY, PAGE_NO_MATCH, PAGE_LOADING = range(4)


class BoardView(BaseView):
    """Drag a card (or press Ctrl+→ / Ctrl+←) to change my level; the reason goes to history."""

    title = "Delegation board"
    areas = frozenset(
        {
            ChangeArea.DELEGATIONS,
            ChangeArea.CHECKPOINTS,
            ChangeArea.PEOPLE,
            ChangeArea.DELETE,
            ChangeArea.BULK,
            ChangeArea.PURGE,
        }
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._delegations: list[BoardDelegation] = []
        self._people: list[PersonSummary] = []
        self.lanes: list[BoardLane] = []
        self._loaded_once = False
        self.loading = False
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filters)
        layout = QVBoxLayout(self)
        theme.page_margins(layout)
        layout.setSpacing(6)
        layout.addWidget(theme.title_label("Delegation board"))
        layout.addLayout(self._build_toolbar())
        legend_row = QHBoxLayout()
        self.legend = BoardLegend()
        legend_row.addWidget(self.legend, 1)
        layout.addLayout(legend_row)
        self.pages = QStackedWidget()
        self.pages.setObjectName("boardPages")
        self.canvas = BoardCanvas()
        self.pages.addWidget(self.canvas)
        self.pages.addWidget(self._build_empty())
        self.pages.addWidget(self._build_no_match())
        self.pages.addWidget(self._build_loading())
        self.pages.setCurrentIndex(PAGE_LOADING)
        layout.addWidget(self.pages, 1)
        self.current_label = QLabel()
        self.current_label.setObjectName("boardCurrent")
        self.current_label.setAccessibleName("Selected delegation")
        self.current_label.setTextFormat(Qt.TextFormat.PlainText)
        self.current_label.setWordWrap(False)
        self.current_label.setToolTip(HELP)
        layout.addWidget(self.current_label)
        board = self.canvas.board
        board.level_requested.connect(self.change_level, Qt.ConnectionType.QueuedConnection)
        board.open_requested.connect(self.open_delegation)
        board.person_requested.connect(self._open_person)
        self.canvas.current_changed.connect(self._on_current)
        self.setTabOrder(self.filter_edit, self.grouping)
        self.setTabOrder(self.grouping, self.show_combo)
        self.setTabOrder(self.show_combo, self.canvas)

    # -- construction ------------------------------------------------------------------------
    def _build_toolbar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setSpacing(8)
        filter_label = QLabel("Fi&lter:")
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("boardFilter")
        self.filter_edit.setAccessibleName("Filter the board by person or title")
        self.filter_edit.setPlaceholderText("Person, role, area or delegation title")
        self.filter_edit.setToolTip(
            "Shows the people whose name, role, area or manager matches, and the delegations "
            "whose title matches."
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.addAction(theme.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.filter_edit.setMinimumWidth(260)
        self.filter_edit.textChanged.connect(self._filter_timer.start)
        self.filter_edit.returnPressed.connect(self._filter_now)
        filter_label.setBuddy(self.filter_edit)
        group_label = QLabel("&Rows:")
        self.grouping = QComboBox()
        self.grouping.setObjectName("boardGrouping")
        self.grouping.setAccessibleName("Order of the rows")
        self.grouping.setToolTip(
            "Team by team: each direct report followed by the people who report to them. "
            "Direct reports first: all direct reports, then all skip-levels."
        )
        for grouping in Grouping:
            self.grouping.addItem(grouping.value, grouping)
        self.grouping.currentIndexChanged.connect(self.apply_filters)
        group_label.setBuddy(self.grouping)
        show_label = QLabel("&Show:")
        self.show_combo = QComboBox()
        self.show_combo.setObjectName("boardShow")
        self.show_combo.setAccessibleName("Which delegations to show")
        self.show_combo.setToolTip("Narrow the board to the delegations that need a conversation.")
        for wanted in CardFilter:
            self.show_combo.addItem(wanted.value, wanted)
        self.show_combo.currentIndexChanged.connect(self.apply_filters)
        show_label.setBuddy(self.show_combo)
        self.summary = QLabel()
        self.summary.setObjectName("boardSummary")
        self.summary.setAccessibleName("Board summary")
        self.busy = QProgressBar()
        self.busy.setObjectName("boardBusy")
        self.busy.setAccessibleName("Reading delegations")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(90)
        self.busy.setTextVisible(False)
        self.busy.hide()
        for widget in (filter_label, self.filter_edit, group_label, self.grouping):
            bar.addWidget(widget)
        bar.addSpacing(6)
        bar.addWidget(show_label)
        bar.addWidget(self.show_combo)
        bar.addStretch(1)
        bar.addWidget(self.busy)
        bar.addWidget(self.summary)
        return bar

    def _build_empty(self) -> QWidget:
        page = QWidget()
        page.setObjectName("boardEmpty")
        box = QVBoxLayout(page)
        box.addStretch(1)
        heading = QLabel("<h2>No active delegations yet</h2>")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            "What you hand to your people appears here: one row per person, one column per level "
            "of empowerment, from 1 Tell (I decide) to 7 Delegate (you decide). Delegate "
            "something from a person's Delegations tab, then come back to grow it."
        )
        text.setObjectName("boardEmptyText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMaximumWidth(560)
        # Centred between stretches, not by an alignment flag: an aligned item gets its size
        # hint's height, not the height its wrapped lines need (the text was cut top and bottom).
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(text, 100)
        centred.addStretch(1)
        self.to_people = QPushButton(theme.icon("people"), "Go to People")
        self.to_people.setObjectName("boardGoToPeople")
        self.to_people.setAccessibleName("Go to People to delegate something")
        self.to_people.clicked.connect(lambda: self.ctx.go("people"))
        box.addWidget(heading)
        box.addLayout(centred)
        box.addSpacing(12)
        box.addWidget(self.to_people, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        return page

    def _build_no_match(self) -> QWidget:
        page = QWidget()
        page.setObjectName("boardNoMatch")
        box = QVBoxLayout(page)
        box.addStretch(1)
        self.no_match = QLabel()
        self.no_match.setObjectName("boardNoMatchText")
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_match.setWordWrap(True)
        self.clear_filters = QPushButton("Clear filters")
        self.clear_filters.setObjectName("boardClearFilters")
        self.clear_filters.setAccessibleName("Clear the board filters")
        self.clear_filters.clicked.connect(self._clear_filters)
        box.addWidget(self.no_match)
        box.addSpacing(8)
        box.addWidget(self.clear_filters, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        return page

    def _build_loading(self) -> QWidget:
        page = QLabel("Reading your delegations…")
        page.setObjectName("boardLoading")
        page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return page

    # -- rendering ---------------------------------------------------------------------------
    def load(self) -> None:
        """Re-read active delegations and people off the GUI thread (nothing here is private)."""
        desk = self.ctx.desk
        self.loading = True
        self.busy.show()

        def read(_progress: Progress) -> tuple[list[BoardDelegation], list[PersonSummary]]:
            cards: list[BoardDelegation] = [*desk.board_cards()]
            return cards, desk.people()

        # A newer read supersedes this one; a gone view gets nothing.
        BackgroundOp(self, read, key="load").success(self._loaded).failure(self._load_failed).run()

    def _loaded(self, result: tuple[list[BoardDelegation], list[PersonSummary]]) -> None:
        self._delegations, self._people = result
        self._loaded_once = True
        self.loading = False
        self.busy.hide()
        self.apply_filters()

    def _load_failed(self, error: BaseException) -> None:
        self.loading = False
        self.busy.hide()
        self.summary.setText("Could not read the delegations.")
        self.ctx.message.emit(f"Could not read the delegations: {explain(error)}")

    def apply_filters(self) -> None:
        """Rebuild the lanes from what was read, with the filter box and the two choices."""
        self._filter_timer.stop()
        today = self.ctx.desk.today()
        self.lanes = build_lanes(
            self._delegations,
            self._people,
            today,
            self.filter_edit.text(),
            self.grouping.currentData() or Grouping.TEAMS,
            self.show_combo.currentData() or CardFilter.ALL,
        )
        bar = self.canvas.verticalScrollBar()
        scroll = (self.canvas.horizontalScrollBar().value(), bar.value())
        self.canvas.board.set_lanes(self.lanes, today, self.canvas.column_width())
        self.canvas.update_header()
        self.canvas.horizontalScrollBar().setValue(scroll[0])
        bar.setValue(scroll[1])
        if self.canvas.board.current is not None:
            self.canvas.ensureVisible(self.canvas.board.current, 24, 24)
        cards = sum(len(lane.cards) for lane in self.lanes)
        gaps = sum(1 for lane in self.lanes for d in lane.cards if d.clarity_gap)
        if not self._loaded_once:
            self.pages.setCurrentIndex(PAGE_LOADING)
        elif not self._delegations:
            self.pages.setCurrentIndex(PAGE_EMPTY)
            self.summary.clear()
        elif not self.lanes:
            self.pages.setCurrentIndex(PAGE_NO_MATCH)
            query = self.filter_edit.text().strip()
            self.no_match.setText(
                f"No active delegation matches “{query}”."
                if query
                else "No active delegation matches this choice."
            )
        else:
            self.pages.setCurrentIndex(PAGE_BOARD)
        if self._delegations:
            self.summary.setText(
                f"{wording.count(cards, 'delegation')} · "
                f"{wording.count(len(self.lanes), 'person', 'people')} · "
                f"{wording.count(gaps, 'clarity gap')}"
            )

    def _filter_now(self) -> None:
        self.apply_filters()
        if self.canvas.board.cards:
            self.canvas.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_filters(self) -> None:
        self.filter_edit.clear()
        self.show_combo.setCurrentIndex(0)
        self.apply_filters()
        self.filter_edit.setFocus()

    def _on_current(self, card: BoardCardItem | None) -> None:
        self.current_label.setText(f"Selected: {card.accessible_text()}" if card else HELP)
        self.current_label.setAccessibleDescription(self.current_label.text())

    # -- intent ------------------------------------------------------------------------------
    def change_level(self, delegation_id: int, new: int) -> None:
        """Ask why, then change my level; cancelling (or a refusal) leaves the card in place."""
        board = self.canvas.board
        card = board.card_for(delegation_id)
        if card is None:
            return
        delegation = card.delegation
        old, level = delegation.my_level, EmpowermentLevel(new)
        if level == old:
            board.snap_back(delegation_id)
            return
        reason = LevelReasonDialog.ask(self, delegation.title, old, level)
        if reason is None:
            board.snap_back(delegation_id)
            self.ctx.message.emit(f"“{delegation.title}” stays at {level_name(old)}.")
            return
        done = (
            f"“{delegation.title}”: my level is now {level_name(level)} "
            f"(was {level_name(old)}); the reason is in its history."
        )
        if not self.ctx.attempt(
            self, lambda: self.ctx.desk.change_level(delegation_id, level, reason), done=done
        ):
            board.snap_back(delegation_id)
            return
        self._show_moved(delegation, level)

    def _show_moved(self, moved: BoardDelegation, level: EmpowermentLevel) -> None:
        """Show the card in its new column at once; the re-read that follows confirms it."""
        if not dataclasses.is_dataclass(moved):
            return
        updated: BoardDelegation = dataclasses.replace(moved, my_level=level)
        self._delegations = [updated if d.id == moved.id else d for d in self._delegations]
        self.apply_filters()

    def open_delegation(self, person_id: int, delegation_id: int) -> None:
        """The person's Delegations tab with this delegation selected."""
        self.ctx.go("person", PersonTarget(person_id, "delegations", delegation_id))

    def _open_person(self, person_id: int) -> None:
        self.ctx.go("person", PersonTarget(person_id, "delegations"))
