"""This week: the weekly focus card, Needs attention, and the team grid."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from leaddesk.reports import wording
from leaddesk.services.action_item import ActionItem
from leaddesk.services.changes import ChangeArea
from leaddesk.services.focus import WeekFocus
from leaddesk.services.team import TeamOverview
from leaddesk.ui import theme
from leaddesk.ui.common.base_view import BaseView
from leaddesk.ui.common.card import Card, make_card, pad
from leaddesk.ui.common.navigation import PersonTarget, target_for
from leaddesk.ui.common.presenter import HIDDEN
from leaddesk.ui.common.relaunch import start_leaddesk
from leaddesk.ui.context import AppContext, explain
from leaddesk.ui.ops import BackgroundOp, Progress
from leaddesk.ui.theme import Space
from leaddesk.ui.week.action_items_model import ActionItemsModel, ItemRole
from leaddesk.ui.week.activating_list import ActivatingList
from leaddesk.ui.week.attention_panel import AttentionPanel
from leaddesk.ui.week.sparkline import SparklineDelegate
from leaddesk.ui.week.team_model import SPARK_COLUMN, MemberRole, TeamTableModel

SAVE_DELAY_MS = 600
WRAP_LIMIT = 60
ATTENTION_SHARE = 0.5  # at most this much of the column's height, however much needs attention
#: A year's trend reads at this width and leaves the names whole at 1280×800.
SPARK_WIDTH = 80
TEAM_TITLE = "<b>Your team</b> — double-click or Enter to open a person"


class WeekView(BaseView):
    """The home screen a leader opens before the week starts."""

    title = "This week"
    # Everything but our own autosaved reflection (nothing else to redraw then).
    areas = frozenset(ChangeArea) - {ChangeArea.REFLECTIONS}
    loaded = Signal()  # what was read off the GUI thread is on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._week_start: date | None = None
        self._team_pending: TeamOverview | None = None
        self._week_shown = False
        self.loading = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self._save_reflection)
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.pages.addWidget(self._build_empty())
        self.pages.addWidget(self._build_dashboard())

    # -- empty state -------------------------------------------------------------------------
    def _build_empty(self) -> QWidget:
        page = QWidget()
        page.setObjectName("weekEmpty")
        box = QVBoxLayout(page)
        box.addStretch(1)
        heading = QLabel("Welcome to LeadDesk")
        theme.emphasize(heading, 1.8)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            "A private place to think about the leaders you lead: what you delegated and at which "
            "level, what you agreed success looks like, who promised what, and how trust is "
            "developing — in both directions.\nEverything stays on this computer, encrypted."
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setFixedWidth(620)
        text.setMinimumHeight(text.heightForWidth(620))
        buttons = QHBoxLayout()
        self.add_first = QPushButton(theme.icon("add"), "Add your first direct report")
        self.add_first.setObjectName("addFirstPerson")
        self.add_first.setDefault(True)
        self.add_first.clicked.connect(self._add_first_person)
        self.explore = QPushButton("Explore with demo data")
        self.explore.setObjectName("exploreDemo")
        self.explore.setToolTip(
            "Opens a second window on a throwaway store full of demo data; "
            "your own store is not touched."
        )
        self.explore.clicked.connect(self._explore_demo)
        buttons.addStretch(1)
        buttons.addWidget(self.add_first)
        buttons.addWidget(self.explore)
        buttons.addStretch(1)
        box.addWidget(heading)
        box.addSpacing(12)
        box.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addSpacing(18)
        box.addLayout(buttons)
        box.addStretch(2)
        return page

    def _add_first_person(self) -> None:
        from leaddesk.ui.common.person_dialog import PersonDialog

        person_id = PersonDialog.create(self.ctx, self)
        if person_id is not None:
            self.ctx.go("person", PersonTarget(person_id))

    def _explore_demo(self) -> None:
        start_leaddesk("--demo")
        self.ctx.message.emit("Opening a demo window… your own store is not touched.")

    # -- dashboard ---------------------------------------------------------------------------
    def _build_dashboard(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        theme.page_margins(outer)
        outer.setSpacing(Space.M)
        outer.addWidget(theme.title_label("This week"))
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.setHandleWidth(Space.M)
        outer.addWidget(split, 1)

        card = QFrame()
        card.setObjectName("focusCard")
        make_card(card)
        card_box = QVBoxLayout(card)
        pad(card_box)
        self.week_label = QLabel()
        self.week_label.setObjectName("focusWeek")
        theme.set_tone(self.week_label, "muted")
        self.principle = QLabel()
        self.principle.setObjectName("focusPrinciple")
        theme.emphasize(self.principle, 1.5)
        self.principle.setWordWrap(True)
        self.intent = QLabel()
        self.intent.setObjectName("focusIntent")
        self.intent.setWordWrap(True)
        self.prompts = QLabel()
        self.prompts.setObjectName("focusPrompts")
        self.prompts.setWordWrap(True)
        self.prompts.setTextFormat(Qt.TextFormat.RichText)
        self.reflection = QPlainTextEdit()
        self.reflection.setObjectName("reflection")
        self.reflection.setAccessibleName("This week's reflection")
        self.reflection.setPlaceholderText(
            "Your reflection on this week's principle — saved as you type."
        )
        self.reflection.textChanged.connect(self._save_timer.start)
        self.reflection_hidden = QLabel(
            f"Your reflection is {HIDDEN}. Leave presenter mode (Ctrl+Shift+P) to see it."
        )
        self.reflection_hidden.setObjectName("reflectionHidden")
        self.reflection_hidden.setWordWrap(True)
        self.reflection_hidden.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reflection_pages = QStackedWidget()
        self.reflection_pages.setObjectName("reflectionPages")
        self.reflection_pages.addWidget(self.reflection)
        self.reflection_pages.addWidget(self.reflection_hidden)
        self.saved_label = QLabel()
        self.saved_label.setObjectName("reflectionSaved")
        self.points_label = QLabel()
        self.points_label.setWordWrap(True)
        self.focus_items_model = ActionItemsModel()
        self.focus_items = ActivatingList()
        self.focus_items.setObjectName("focusItems")
        self.focus_items.setAccessibleName("Items this principle points at")
        self.focus_items.setModel(self.focus_items_model)
        self.focus_items.activated.connect(self._open_item)
        self.focus_items.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for widget in (self.week_label, self.principle, self.intent, self.prompts):
            card_box.addWidget(widget)
        card_box.addWidget(self.reflection_pages, 1)
        card_box.addWidget(self.saved_label)
        card_box.addWidget(self.points_label)
        card_box.addWidget(self.focus_items, 1)
        split.addWidget(card)

        self.attention_panel = AttentionPanel(self.ctx)
        self.attention = self.attention_panel.tree
        self.attention_model = self.attention_panel.model
        self.attention_panel.resized.connect(self._share_height)
        self.right_split = QSplitter(Qt.Orientation.Vertical)
        self.right_split.setObjectName("weekRightSplit")
        self.right_split.setChildrenCollapsible(False)
        self.right_split.splitterMoved.connect(self._split_moved)
        self._split_by_user = False
        self.right_split.setHandleWidth(Space.M)
        # Both parts of the column are cards, wrapped from the outside.
        self.attention_card, team_card = Card(), Card()
        self.team_card = team_card
        self.attention_card.body.addWidget(self.attention_panel)
        self.right_split.addWidget(self.attention_card)
        self.team_title = team_title = QLabel(TEAM_TITLE)
        self.team_model = TeamTableModel()
        self.team = QTableView()
        self.team.setObjectName("teamGrid")
        self.team.setAccessibleName("Team grid")
        self.team.setModel(self.team_model)
        # Only the Trust column needs Python painting; the others keep Qt's own (fast) delegate.
        self.sparklines = SparklineDelegate(self.team_model)
        self.team.setItemDelegateForColumn(SPARK_COLUMN, self.sparklines)
        self.team.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.team.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.team.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.team.verticalHeader().setVisible(False)
        self.team.setWordWrap(False)  # a long role is elided ("…", full in the tooltip), not cut
        self.team.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Size columns from the first rows only: measuring 200 rows on every refresh is slow.
        self.team.horizontalHeader().setResizeContentsPrecision(20)
        self.team.setColumnWidth(SPARK_COLUMN, SPARK_WIDTH)
        self.team.activated.connect(self._open_member)
        self.team.doubleClicked.connect(self._open_member)
        team_card.body.addWidget(team_title)
        team_card.body.addWidget(self.team, 2)
        self.right_split.addWidget(team_card)
        self.right_split.setStretchFactor(1, 1)
        split.addWidget(self.right_split)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        return page

    # -- rendering ---------------------------------------------------------------------------
    def _on_presenter(self, on: bool) -> None:
        """Hide the reflection and the trust columns at once, even while a re-read is running:
        a half-typed reflection is saved first, then the editor is emptied (not merely hidden)."""
        if on:
            if self._save_timer.isActive():
                self._save_timer.stop()
                self._store_reflection(self.reflection.toPlainText())
            self.reflection.blockSignals(True)
            self.reflection.clear()
            self.reflection.blockSignals(False)
        self.reflection_pages.setCurrentIndex(1 if on else 0)
        self.team_model.set_presenter(on)
        super()._on_presenter(on)

    def load(self) -> None:
        """Read the week off the GUI thread in two parallel reads: the focus and Needs attention,
        and the team grid (its first team-wide trust read after opening takes longest at scale,
        so it must not hold the rest)."""
        desk = self.ctx.desk
        self.loading = True
        self._team_pending = None
        self._week_shown = False

        def read(_progress: Progress) -> tuple[bool, WeekFocus, list[ActionItem]]:
            if not desk.has_people():
                return False, desk.week_focus(), []
            return True, desk.week_focus(), desk.needs_attention()

        # A newer load supersedes both reads; a gone view gets nothing.
        BackgroundOp(self, read, key="week").success(self._show).failure(self._failed).run()
        team = BackgroundOp(self, lambda _progress: desk.team_overview(), key="team")
        team.success(self._team_read).failure(self._failed).run()

    def _failed(self, error: BaseException) -> None:
        self.loading = False
        self.ctx.message.emit(f"Could not read this week: {explain(error)}")

    def _show(self, result: tuple[bool, WeekFocus, list[ActionItem]]) -> None:
        has_people, focus, attention = result
        if not has_people:
            self.loading = False
            self.pages.setCurrentIndex(0)
            self.add_first.setFocus()
            self.loaded.emit()
            return
        self.pages.setCurrentIndex(1)
        self._week_start = focus.week_start
        week = wording.full_day(focus.week_start)
        self.week_label.setText(f"Week of {week} · principle {int(focus.principle)} of 6")
        self.principle.setText(focus.title)
        self.intent.setText(focus.intent)
        self.prompts.setText("<ol>" + "".join(f"<li>{p}</li>" for p in focus.prompts) + "</ol>")
        self.reflection_pages.setCurrentIndex(1 if self.ctx.presenter else 0)
        shown = "" if self.ctx.presenter else focus.reflection
        if self.reflection.toPlainText() != shown and not self._save_timer.isActive():
            self.reflection.blockSignals(True)
            self.reflection.setPlainText(shown)
            self.reflection.blockSignals(False)
        self.points_label.setText(f"<b>This week points at:</b> {focus.points_at}")
        # Wrapping makes Qt measure every row: fine for a page of items, slow for thousands
        # (a large team's success-factor week); long lists elide, the tooltip has it all.
        wrap = len(focus.items) <= WRAP_LIMIT
        self.focus_items.setWordWrap(wrap)
        self.focus_items.setUniformItemSizes(not wrap)
        self.focus_items_model.set_items(focus.items, self.ctx.desk.today())
        self.attention_panel.set_items(attention, self.ctx.desk.today())
        self._week_shown = True
        if self._team_pending is not None:
            self._show_team(self._team_pending)
        elif not self.team_model.members:
            self.team_title.setText("<b>Your team</b> — reading the track records…")

    def _split_moved(self) -> None:
        self._split_by_user = True  # the user's share stays until the next start

    def _share_height(self) -> None:
        """Needs attention takes what its rows need, up to half the column or whatever the
        team grid leaves free; the team the rest (until the user drags the splitter)."""
        total = sum(self.right_split.sizes())
        if self._split_by_user or total <= 0:
            return
        room = max(int(total * ATTENTION_SHARE), total - self._team_height())
        chrome = self.attention_card.chrome_height()
        wanted = min(self.attention_panel.content_height() + chrome, room)
        wanted = max(wanted, self.attention_card.minimumSizeHint().height())
        self.right_split.setSizes([wanted, total - wanted])

    def _team_height(self) -> int:
        """The height that shows every team row (a long team: more than any window has)."""
        rows = self.team_model.rowCount()
        if rows > 50:
            return 1 << 20
        grid = self.team.horizontalHeader().height() + 2 * self.team.frameWidth()
        grid += sum(self.team.rowHeight(row) for row in range(rows))
        return grid + self.team_title.sizeHint().height() + 12 + self.team_card.chrome_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._share_height()

    def _team_read(self, team: TeamOverview) -> None:
        """The team grid waits for the week (which decides between empty state and dashboard)."""
        if self._week_shown:
            self._show_team(team)
        else:
            self._team_pending = team

    def _show_team(self, team: TeamOverview) -> None:
        self._team_pending = None
        self.loading = False
        self.team_title.setText(TEAM_TITLE)
        self.team_model.set_members(team.members, self.ctx.presenter, self.ctx.desk.today())
        self.team.resizeColumnsToContents()
        self.team.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.team.setColumnWidth(SPARK_COLUMN, SPARK_WIDTH)
        self._share_height()
        self.loaded.emit()

    def flush_pending(self) -> None:
        """A reflection typed in the last moment before the lock is saved, not dropped."""
        if self._save_timer.isActive():
            self._save_timer.stop()
            self._save_reflection()

    def _save_reflection(self) -> None:
        if self.ctx.presenter:
            return  # the editor is empty while presenting: never save that over the reflection
        self._store_reflection(self.reflection.toPlainText())

    def _store_reflection(self, text: str) -> None:
        if self.ctx.attempt(self, lambda: self.ctx.desk.save_reflection(text)):
            self.saved_label.setText("Saved.")

    def _open_item(self, index: QModelIndex) -> None:
        item = index.data(ItemRole)
        if item is not None:
            view, argument = target_for(item)
            self.ctx.go(view, argument)

    def _open_member(self, index: QModelIndex) -> None:
        member = index.data(MemberRole)
        if member is not None:
            self.ctx.go("person", PersonTarget(member.person.id))
