"""The Delegations tab: what is delegated to one person, at which level, and how it is verified."""

from __future__ import annotations

import itertools
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.errors import UserError
from leaddesk.domain.levels import DelegationState, EmpowermentLevel, LevelKind
from leaddesk.reports import wording
from leaddesk.services.action_item import ItemKind
from leaddesk.services.delegations_models import DelegationView
from leaddesk.services.undo import Deletable
from leaddesk.ui.common.column_table_model import ColumnTableModel
from leaddesk.ui.common.level_reason_dialog import LevelReasonDialog
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.dialogs.delegation_dialog import DelegationDialog
from leaddesk.ui.person.tabs import delegation_format as fmt
from leaddesk.ui.person.tabs.delegation_detail import DelegationDetail
from leaddesk.ui.person.tabs.level_menu import LevelMenu
from leaddesk.ui.person.tabs.tab_parts import (
    empty_label,
    make_action,
    record_view,
    select_row,
    selected_row,
    tool_button,
)
from leaddesk.ui.person.tabs.terms_panel import TermsPanel
from leaddesk.ui.person.tabs.verify_actions import VerifyActions

CLEAR_TEXT = {LevelKind.THEIRS: "Not discussed (clear)", LevelKind.TARGET: "No target (clear)"}
STATE_DONE = {
    DelegationState.COMPLETED: "Delegation completed.",
    DelegationState.WITHDRAWN: "Delegation withdrawn.",
    DelegationState.ACTIVE: "Delegation active again.",
}


class DelegationsTab(QWidget):
    """The person's delegations (active first) and the selected one in detail, with every action."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("delegationsTab")
        self.ctx = ctx
        self.person_id: int | None = None
        self.person_name = ""
        self.today = ctx.desk.today()
        self.model: ColumnTableModel[DelegationView] = ColumnTableModel(
            fmt.delegation_columns(self.today),
            row_color=fmt.row_color,
            row_tooltip=fmt.list_tooltip,
        )
        self.list_view = record_view("delegationList", "Delegations", self.model)
        self.list_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list_view.header().setResizeContentsPrecision(40)
        self._quiet = False  # set while show_person selects, so the detail renders once
        self.list_view.selectionModel().selectionChanged.connect(self._on_selection)
        self.list_view.doubleClicked.connect(lambda *_: self.edit())
        self.detail = DelegationDetail()
        self.detail.checkpoints_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.detail.factors_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.empty = empty_label("", "delegationsEmpty")
        self._build_actions()
        self.verify = VerifyActions(ctx, self, self.detail, self.current, self._refresh)
        self._build()
        self._update_actions()

    # -- construction ------------------------------------------------------------------------
    def _build_actions(self) -> None:
        act = make_action
        self.new_action = act(
            self,
            "New delegation…",
            self.new_delegation,
            ("Ins", "Ctrl+Shift+D", "N"),
            "add",
            "Delegate a decision area, responsibility or task",
        )
        self.edit_action = act(
            self, "Edit…", self.edit, ("F2", "E"), "edit", "Edit title, done, involve-me-when"
        )
        self.level_actions: dict[LevelKind, QAction] = {}
        self.level_menus: dict[LevelKind, LevelMenu] = {}
        for kind, text, keys, tip in (
            (LevelKind.MINE, "My level ▾", ("L",), "Change my level of empowerment (asks why)"),
            (LevelKind.THEIRS, "Their level ▾", ("T",), "Record the level they believe they hold"),
            (LevelKind.TARGET, "Target ▾", ("G",), "Set or clear the level you both aim for"),
        ):
            menu = LevelMenu(f"levelMenu_{kind.value}", CLEAR_TEXT.get(kind, ""), self)
            menu.aboutToShow.connect(lambda kind=kind: self._fill_level_menu(kind))
            menu.chosen.connect(lambda level, kind=kind: self.change_level(kind, level))
            action = act(self, text, partial(self._pop_menu, kind.value), keys, tip=tip)
            action.setMenu(menu)
            self.level_actions[kind], self.level_menus[kind] = action, menu
        self.state_menu = QMenu(self)
        self.state_menu.setObjectName("stateMenu")
        self.state_actions: dict[DelegationState, QAction] = {}
        for state, text in (
            (DelegationState.COMPLETED, "Mark completed"),
            (DelegationState.WITHDRAWN, "Withdraw"),
            (DelegationState.ACTIVE, "Reactivate"),
        ):
            action = self.state_menu.addAction(text)
            action.triggered.connect(lambda _=False, state=state: self.set_state(state))
            self.state_actions[state] = action
        self.state_action = act(
            self,
            "State ▾",
            partial(self._pop_menu, "state"),
            tip="Complete, withdraw or reactivate",
        )
        self.state_action.setMenu(self.state_menu)
        self.delete_action = act(
            self.list_view,
            "Delete",
            self.delete,
            ("Del",),
            "delete",
            "Delete the selected delegation (Ctrl+Z undoes)",
        )

    def _build(self) -> None:
        bar = QHBoxLayout()
        new = tool_button(self.new_action, "newDelegation")
        bar.addWidget(new)
        edit = tool_button(self.edit_action, "editDelegation")
        edit.setAccessibleName("Edit delegation")
        bar.addWidget(edit)
        bar.addSpacing(8)
        self.menu_buttons: dict[str, QToolButton] = {}
        for key, action in (
            *((kind.value, a) for kind, a in self.level_actions.items()),
            ("state", self.state_action),
        ):
            button = tool_button(action, f"{key}LevelButton" if key != "state" else "stateButton")
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
            button.setAccessibleName(action.text().replace(" ▾", "") + " menu")
            self.menu_buttons[key] = button
            bar.addWidget(button)
        delete = tool_button(self.delete_action, "deleteDelegation")
        delete.setAccessibleName("Delete delegation")
        bar.addWidget(delete)
        bar.addStretch(1)
        self.summary = QLabel()
        self.summary.setObjectName("delegationsSummary")
        bar.addWidget(self.summary)
        left = QWidget()
        left_box = QVBoxLayout(left)
        left_box.setContentsMargins(0, 0, 0, 0)
        left_box.addWidget(self.list_view, 3)
        left_box.addWidget(self.empty, 3)
        self.terms = TermsPanel(self.ctx)
        left_box.addWidget(self.terms, 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("delegationsSplit")
        split.setChildrenCollapsible(False)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setSizes([560, 640])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        outer.addLayout(bar)
        outer.addWidget(split, 1)
        chain: list[QWidget] = [new, edit, *self.menu_buttons.values(), delete, self.list_view]
        chain += self.detail.focus_chain()
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- rendering ---------------------------------------------------------------------------
    def show_person(self, person_id: int) -> None:
        """Show this person's delegations, keeping the selection when it is the same person."""
        keep = self.current() if person_id == self.person_id else None
        self.person_id = person_id
        self.today = self.ctx.desk.today()
        try:
            self.person_name = self.ctx.desk.person(person_id).name
            delegations = sorted(self.ctx.desk.delegations(person_id), key=fmt.sort_key)
        except UserError:
            self.person_name, delegations = "", []
        else:
            self.terms.show_person(person_id)
        self.model.set_records(delegations, fmt.delegation_columns(self.today))
        for column in (1, 2, 3):
            self.list_view.resizeColumnToContents(column)
        active = [d for d in delegations if d.state is DelegationState.ACTIVE]
        gaps = sum(d.clarity_gap for d in active)
        overdue = sum(bool(d.next_checkpoint and d.next_checkpoint.overdue) for d in active)
        parts = [f"{len(active)} active"]
        if gaps:
            parts.append(wording.count(gaps, fmt.CLARITY_GAP))
        if overdue:
            parts.append(wording.count(overdue, "overdue checkpoint"))
        self.summary.setText(" · ".join(parts) if delegations else "")
        self.list_view.setVisible(bool(delegations))
        self.empty.setVisible(not delegations)
        self.empty.setText(
            f"Nothing delegated to {self.person_name or 'them'} yet.\nPress Ins (or N) to "
            "delegate a decision area, responsibility or task at a level of empowerment."
        )
        row = self.model.row_of(keep.id) if keep is not None else -1
        if delegations:
            self._quiet = True
            select_row(self.list_view, max(row, 0))
            self._quiet = False
        self._on_selection()

    def current(self) -> DelegationView | None:
        """The selected delegation."""
        return self.model.record(selected_row(self.list_view))

    def _on_selection(self, *_: object) -> None:
        if self._quiet:
            return
        name = self.person_name or "them"
        self.detail.show_delegation(
            self.current(),
            self.today,
            f"Nothing delegated to {name} yet." if not self.model.records else "",
            self.ctx.presenter,
        )
        self._update_actions()

    def _update_actions(self, *_: object) -> None:
        d = self.current()
        for action in (self.edit_action, self.delete_action, self.state_action):
            action.setEnabled(d is not None)
        for action in self.level_actions.values():
            action.setEnabled(d is not None)
        self.new_action.setEnabled(self.person_id is not None)
        self.verify.update()
        if d is not None:
            for state, action in self.state_actions.items():
                action.setEnabled(d.state is not state)

    def select(self, ref_id: int, kind: ItemKind | None = None) -> None:
        """Select a delegation by id, or the delegation holding the checkpoint or factor `ref_id`.

        Without `kind` a delegation id wins, then a checkpoint id, then a factor id.
        """
        if kind is ItemKind.TERM:  # the agreed terms beside the list
            self.terms.select(ref_id)
            return
        if kind in (None, ItemKind.DELEGATION):
            row = self.model.row_of(ref_id)
            if row >= 0:
                select_row(self.list_view, row, focus=True)
                return
        for d in self.model.records:
            if kind in (None, ItemKind.CHECKPOINT) and any(c.id == ref_id for c in d.checkpoints):
                select_row(self.list_view, self.model.row_of(d.id), focus=True)
                self.detail.select_checkpoint(ref_id)
                self.detail.checkpoints_view.setFocus()
                return
        for d in self.model.records:
            if kind in (None, ItemKind.FACTOR) and any(f.id == ref_id for f in d.factors):
                select_row(self.list_view, self.model.row_of(d.id), focus=True)
                self.detail.select_factor(ref_id)
                self.detail.factors_view.setFocus()
                return

    def _refresh(self, delegation_id: int | None) -> None:
        if self.person_id is None:
            return
        self.show_person(self.person_id)
        if delegation_id is not None:
            self.select(delegation_id, ItemKind.DELEGATION)

    # -- delegation actions ------------------------------------------------------------------
    def new_delegation(self) -> None:
        """Delegate something new to this person."""
        if self.person_id is not None:
            new = DelegationDialog.create(self.ctx, self, self.person_id)
            if new is not None:
                self._refresh(new)

    def edit(self) -> None:
        """Edit the selected delegation's words."""
        d = self.current()
        if d is not None and DelegationDialog.edit(self.ctx, self, d.id):
            self._refresh(d.id)

    def _pop_menu(self, key: str, *_: object) -> None:
        """The drop-down under its button, whether clicked, keyed or triggered."""
        button = self.menu_buttons[key]
        if button.isVisible():
            button.showMenu()

    def _fill_level_menu(self, kind: LevelKind) -> None:
        d = self.current()
        self.level_menus[kind].set_current(self._level_of(d, kind) if d else None)

    @staticmethod
    def _level_of(d: DelegationView, kind: LevelKind) -> EmpowermentLevel | None:
        return {
            LevelKind.MINE: d.my_level,
            LevelKind.THEIRS: d.their_level,
            LevelKind.TARGET: d.target_level,
        }[kind]

    def change_level(self, kind: LevelKind, level: EmpowermentLevel | None) -> None:
        """Change my, their or the target level; my level needs a reason, kept in history."""
        d = self.current()
        if d is None:
            return
        old = self._level_of(d, kind)
        reason = LevelReasonDialog.ask(self, d.title, old, level, required=kind is LevelKind.MINE)
        if reason is None:
            return
        desk = self.ctx.desk
        if kind is LevelKind.MINE:
            suggested = self.ctx.result(self, lambda: desk.change_level(d.id, level, reason, kind))
            if suggested is None:
                return
            assert level is not None
            self.ctx.message.emit(
                f"Level changed to {level.label}. Suggested next checkpoint: "
                f"{wording.day(suggested)} (R reschedules)."
            )
        else:
            what = fmt.KIND_WORDS[kind].lower()
            done = f"{what.capitalize()}: {fmt.level_short(level, 'cleared')}."
            if not self.ctx.attempt(
                self, lambda: desk.change_level(d.id, level, reason, kind), done
            ):
                return
        self._refresh(d.id)

    def set_state(self, state: DelegationState) -> None:
        """Complete, withdraw or reactivate the selected delegation."""
        d = self.current()
        if d is not None and self.ctx.attempt(
            self, lambda: self.ctx.desk.set_delegation_state(d.id, state), STATE_DONE[state]
        ):
            self._refresh(d.id)

    def delete(self) -> None:
        """Delete the selected delegation; the status bar offers Undo (Ctrl+Z)."""
        d = self.current()
        if d is not None and self.ctx.delete(self, Deletable.DELEGATION, d.id):
            self._refresh(None)
