"""The Promises tab: what I promised them and what they promised me, open first."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.errors import UserError
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.promises import PromiseView
from leaddesk.services.undo import Deletable
from leaddesk.ui import theme
from leaddesk.ui.common.column_table_model import ColumnTableModel
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.dialogs.promise_dialog import PromiseDialog, PromiseInput
from leaddesk.ui.person.dialogs.renegotiate_dialog import RenegotiateDialog
from leaddesk.ui.person.tabs import promise_format as fmt
from leaddesk.ui.person.tabs.tab_parts import (
    DATE_SAMPLE,
    day,
    detail_label,
    empty_label,
    first_line,
    framed,
    make_action,
    record_view,
    section_page,
    section_title,
    select_row,
    selected_row,
    size_columns,
    tool_button,
)

_SIDES = (PromiseDirection.MINE, PromiseDirection.THEIRS)
Section = tuple[PromiseDirection, bool]  # (direction, open?)
_SECTIONS: tuple[Section, ...] = tuple(
    (side, is_open) for side in _SIDES for is_open in (True, False)
)


class PromisesTab(QWidget):
    """Both directions side by side; keep, break, renegotiate, release, edit and delete."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promisesTab")
        self.ctx = ctx
        self.person_id: int | None = None
        self.person_name = ""
        self.today = ctx.desk.today()
        self._last: Section = _SECTIONS[0]
        self.models: dict[Section, ColumnTableModel[PromiseView]] = {}
        self.views: dict[Section, QTreeView] = {}
        self.empties: dict[Section, QLabel] = {}
        self.titles: dict[PromiseDirection, QLabel] = {}
        self.resolved_titles: dict[PromiseDirection, QLabel] = {}
        self._build_actions()
        self._build()

    # -- construction ------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self.new_action = make_action(
            self, "New promise…", self.new_promise, ("N", "Ins"), "add", "Record a new promise"
        )
        self.keep_action = make_action(
            self, "Keep", self.keep, ("K",), tip="Mark kept today (records on time or late)"
        )
        self.break_action = make_action(
            self, "Break…", self.break_, ("B",), tip="Mark broken (asks first)"
        )
        self.renegotiate_action = make_action(
            self,
            "Renegotiate…",
            self.renegotiate,
            ("R",),
            tip="Agree a new due date; the old one stays in the history",
        )
        self.release_action = make_action(
            self,
            "Release…",
            self.release,
            ("L",),
            tip="Release by agreement: neither kept nor broken",
        )
        self.edit_action = make_action(
            self, "Edit…", self.edit, ("E", "F2"), "edit", "Reword the promise"
        )
        self.delete_action = make_action(
            self, "Delete", self.delete, ("Del",), "delete", "Delete (Ctrl+Z undoes)"
        )

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        bar = QHBoxLayout()
        for action, name in (
            (self.new_action, "newPromise"),
            (self.keep_action, "keepPromise"),
            (self.break_action, "breakPromise"),
            (self.renegotiate_action, "renegotiatePromise"),
            (self.release_action, "releasePromise"),
            (self.edit_action, "editPromise"),
            (self.delete_action, "deletePromise"),
        ):
            bar.addWidget(tool_button(action, name))
        bar.addStretch(1)
        outer.addLayout(bar)

        split = QSplitter()
        split.setObjectName("promisesSplit")
        split.setChildrenCollapsible(False)
        for side in _SIDES:
            split.addWidget(self._build_side(side))
        outer.addWidget(split, 3)

        self.detail = detail_label("promiseDetail", "Selected promise")
        outer.addWidget(framed(self.detail))

    def _build_side(self, side: PromiseDirection) -> QWidget:
        mine = side is PromiseDirection.MINE
        who = "mine" if mine else "their"
        page, box = section_page()
        self.titles[side] = section_title("", f"{who}PromisesTitle")
        box.addWidget(self.titles[side])
        for is_open in (True, False):
            section = (side, is_open)
            model: ColumnTableModel[PromiseView] = ColumnTableModel(
                fmt.columns(self.today),
                row_color=lambda p: fmt.color(p, self.today),
                row_bold=lambda p: p.overdue,
                row_tooltip=lambda p: fmt.tooltip(p, self.today, self.ctx.presenter),
            )
            view = record_view(
                f"{who}{'Open' if is_open else 'Resolved'}Promises",
                f"{'Open' if is_open else 'Resolved'} promises "
                + ("I made" if mine else "they made"),
                model,
            )
            size_columns(view, {0}, {1: DATE_SAMPLE, 2: DATE_SAMPLE, 3: fmt.STATUS_SAMPLE})
            view.selectionModel().selectionChanged.connect(
                lambda *_, s=section: self._on_selection(s)
            )
            view.doubleClicked.connect(lambda *_: self.edit())
            self.models[section] = model
            self.views[section] = view
            self.empties[section] = empty_label(
                "", f"{who}{'Open' if is_open else 'Resolved'}Empty"
            )
            if not is_open:
                self.resolved_titles[side] = QLabel()
                self.resolved_titles[side].setObjectName(f"{who}ResolvedTitle")
                box.addWidget(self.resolved_titles[side])
            box.addWidget(view, 2 if is_open else 3)
            box.addWidget(self.empties[section], 2 if is_open else 3)
        return page

    # -- rendering ---------------------------------------------------------------------------
    def show_person(self, person_id: int) -> None:
        """Show this person's promises (keeps the selection when it is the same person)."""
        keep = self.current() if person_id == self.person_id else None
        self.person_id = person_id
        self.today = self.ctx.desk.today()
        try:
            self.person_name = self.ctx.desk.person(person_id).name
            promises = self.ctx.desk.promises(person_id)
        except UserError:
            promises = []
            self.person_name = ""
        for section in _SECTIONS:
            side, is_open = section
            rows = [p for p in promises if p.direction is side and p.state.is_open == is_open]
            self.models[section].set_records(rows, fmt.columns(self.today))
            self.views[section].setVisible(bool(rows))
            self.empties[section].setVisible(not rows)
        for side in _SIDES:
            self._render_titles(side)
        if keep is not None:
            self.select(keep.id, focus=False)
        self._on_selection(self._last)

    def _render_titles(self, side: PromiseDirection) -> None:
        name = self.person_name or "them"
        open_ = self.models[(side, True)].records
        resolved = len(self.models[(side, False)].records)
        overdue = sum(p.overdue for p in open_)
        head = f"I promised {name}" if side is PromiseDirection.MINE else f"{name} promised me"
        counts = f"{len(open_)} open" + (f", {overdue} overdue" if overdue else "")
        self.titles[side].setText(f"{head} · {counts}")
        self.resolved_titles[side].setText(f"Kept, broken or released · {resolved}")
        self.resolved_titles[side].setStyleSheet(f"color: {theme.muted_color().name()};")
        self.empties[(side, True)].setText(
            "Nothing open. Press N to record a promise."
            if side is PromiseDirection.MINE
            else f"Nothing open from {name}. Press N to record a promise."
        )
        self.empties[(side, False)].setText("None resolved yet.")

    def select(self, ref_id: int, focus: bool = True) -> None:
        """Select and scroll to the promise with this id."""
        for section in _SECTIONS:
            row = self.models[section].row_of(ref_id)
            if row >= 0:
                select_row(self.views[section], row, focus)
                self._on_selection(section)
                return

    def current(self) -> PromiseView | None:
        """The selected promise, if any."""
        for section in (self._last, *_SECTIONS):
            row = selected_row(self.views[section])
            if row >= 0:
                return self.models[section].record(row)
        return None

    def _on_selection(self, section: Section) -> None:
        if selected_row(self.views[section]) >= 0:
            self._last = section
            for other in _SECTIONS:
                if other != section:
                    self.views[other].selectionModel().clearSelection()
        promise = self.current()
        self._update_actions(promise)
        if promise is None:
            self.detail.setText(
                "Select a promise to see its dates and history. Keys: N new · K keep · B break · "
                "R renegotiate · L release · E edit · Del delete."
            )
        else:
            self.detail.setText(fmt.detail_html(promise, self.today, self.ctx.presenter))

    def _update_actions(self, promise: PromiseView | None) -> None:
        is_open = promise is not None and promise.state.is_open
        self.new_action.setEnabled(self.person_id is not None and bool(self.person_name))
        for action in (
            self.keep_action,
            self.break_action,
            self.renegotiate_action,
            self.release_action,
            self.edit_action,
        ):
            action.setEnabled(is_open)
        self.delete_action.setEnabled(promise is not None)

    # -- actions -----------------------------------------------------------------------------
    def new_promise(self) -> None:
        """Record a new promise, on the side that had focus."""
        if self.person_id is None:
            return
        pid = self.person_id

        def save(value: PromiseInput) -> int:
            with self.ctx.acting(self):  # we show the new promise ourselves, below
                return self.ctx.desk.add_promise(
                    pid, value.direction, value.text, value.due_on, value.made_on
                )

        side = self._last[0]
        if any(self.views[(PromiseDirection.THEIRS, o)].hasFocus() for o in (True, False)):
            side = PromiseDirection.THEIRS
        dialog = PromiseDialog(self.person_name, self.today, save, side, parent=self)
        if dialog.exec() == PromiseDialog.DialogCode.Accepted:
            self.ctx.message.emit("Promise recorded.")
            self.show_person(pid)
            self.select(int(dialog.saved))

    def keep(self) -> None:
        """Mark the selected promise kept today; the status bar says on time or late."""
        promise = self._open_selection()
        if promise is None:
            return
        on_time = self.ctx.result(self, lambda: self.ctx.desk.keep_promise(promise.id))
        if on_time is None:
            return
        if on_time:
            self.ctx.message.emit(f"Kept on time: “{first_line(promise.text)}”.")
        else:
            was = day(promise.due_on, "?")
            self.ctx.message.emit(f"Kept late (was due {was}): “{first_line(promise.text)}”.")
        self._refresh(promise.id)

    def break_(self) -> None:
        """Mark the selected promise broken, after asking."""
        promise = self._open_selection()
        if promise is None or not self._confirm(
            "Break promise",
            f"Mark “{first_line(promise.text)}” as broken?\n\nA broken promise counts against "
            "the track record. If a new date was agreed, use Renegotiate instead.",
            "Mark broken",
        ):
            return
        if self.ctx.attempt(
            self, lambda: self.ctx.desk.break_promise(promise.id), "Promise marked broken."
        ):
            self._refresh(promise.id)

    def release(self) -> None:
        """Release the selected promise by agreement, after asking."""
        promise = self._open_selection()
        if promise is None or not self._confirm(
            "Release promise",
            f"Release “{first_line(promise.text)}” by agreement?\n\n"
            "It is then neither kept nor broken and no longer open.",
            "Release",
        ):
            return
        if self.ctx.attempt(
            self, lambda: self.ctx.desk.release_promise(promise.id), "Promise released."
        ):
            self._refresh(promise.id)

    def renegotiate(self) -> None:
        """Agree a new due date for the selected promise."""
        promise = self._open_selection()
        if promise is None:
            return

        def save(new_due: date, note: str) -> None:
            with self.ctx.acting(self):
                self.ctx.desk.renegotiate_promise(promise.id, new_due, note=note)

        dialog = RenegotiateDialog(promise, self.today, save, self)
        if dialog.exec() == RenegotiateDialog.DialogCode.Accepted:
            self.ctx.message.emit("Promise renegotiated; the old due date stays in its history.")
            self._refresh(promise.id)

    def edit(self) -> None:
        """Reword the selected open promise."""
        promise = self._open_selection()
        if promise is None:
            return

        def save(value: PromiseInput) -> None:
            with self.ctx.acting(self):
                self.ctx.desk.edit_promise(promise.id, value.text)

        dialog = PromiseDialog(self.person_name, self.today, save, promise=promise, parent=self)
        if dialog.exec() == PromiseDialog.DialogCode.Accepted:
            self.ctx.message.emit("Promise saved.")
            self._refresh(promise.id)

    def delete(self) -> None:
        """Delete the selected promise; the status bar offers Undo."""
        promise = self.current()
        if promise is not None and self.ctx.delete(self, Deletable.PROMISE, promise.id):
            self._refresh(None)

    # -- helpers -----------------------------------------------------------------------------
    def _open_selection(self) -> PromiseView | None:
        promise = self.current()
        return promise if promise is not None and promise.state.is_open else None

    def _refresh(self, select_id: int | None) -> None:
        if self.person_id is None:
            return
        self.show_person(self.person_id)
        if select_id is not None:
            self.select(select_id, focus=False)
        view = self.views[self._last]
        if view.isVisible():
            view.setFocus()

    def _confirm(self, title: str, text: str, yes: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        box.setObjectName("confirmBox")
        ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is ok
