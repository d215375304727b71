"""1:1 mode: one calm screen for the meeting with one person, driven from the keyboard."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.errors import UserError
from leaddesk.services.action_item import ItemKind
from leaddesk.services.agenda import Agenda
from leaddesk.services.changes import Change
from leaddesk.ui import theme
from leaddesk.ui.common.base_view import BaseView
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.context import AppContext, explain
from leaddesk.ui.one_on_one.one_on_one_agenda_model import OneOnOneAgendaModel, RowRole
from leaddesk.ui.one_on_one.one_on_one_agenda_row import AgendaRow, RowKey
from leaddesk.ui.one_on_one.one_on_one_agenda_widget import OneOnOneAgendaWidget
from leaddesk.ui.one_on_one.one_on_one_capture_strip import OneOnOneCaptureStrip
from leaddesk.ui.one_on_one.one_on_one_card import OneOnOneCard
from leaddesk.ui.one_on_one.one_on_one_close_guard import OneOnOneCloseGuard
from leaddesk.ui.one_on_one.one_on_one_draft_keeper import OneOnOneDraftKeeper
from leaddesk.ui.one_on_one.one_on_one_footer import OneOnOneFooter
from leaddesk.ui.one_on_one.one_on_one_header import OneOnOneHeader
from leaddesk.ui.one_on_one.one_on_one_item_panel import OneOnOneItemPanel
from leaddesk.ui.one_on_one.one_on_one_keyboard import add_shortcuts, link_tab_order
from leaddesk.ui.one_on_one.one_on_one_notes_widget import OneOnOneNotesWidget
from leaddesk.ui.one_on_one.one_on_one_session import OneOnOneSession
from leaddesk.ui.ops import BackgroundOp

Button = QMessageBox.StandardButton


class OneOnOneView(BaseView):
    """The meeting: agenda with 'discussed' ticks, inline capture, notes, energy, End."""

    title = "1:1"
    agenda_loaded = Signal()  # the agenda read off the GUI thread is on screen

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.person_id: int | None = None
        self.sessions: dict[int, OneOnOneSession] = {}  # drafts, one per person
        self.drafts = OneOnOneDraftKeeper(ctx, self.sessions, self)  # ...also kept on disk
        self.guard = OneOnOneCloseGuard(self.sessions, self._save, self._discard, self)
        self._loaded_person: int | None = None
        self._panel_state: tuple[RowKey | None, str] = (None, "")
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.nobody = QLabel("Choose who the 1:1 is with: Ctrl+1, or start it from their page.")
        self.nobody.setObjectName("oneOnOneNobody")
        self.nobody.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.nobody)
        self.pages.addWidget(self._build_meeting())
        add_shortcuts(self)
        link_tab_order(self)
        ctx.presenter_changed.connect(self.notes.set_presenter)
        self.notes.set_presenter(ctx.presenter)

    # -- construction ------------------------------------------------------------------------
    def _build_meeting(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        theme.page_margins(outer)  # the design system's, as every other screen
        outer.setSpacing(theme.Space.M)
        self.header = OneOnOneHeader()
        self.header.person_button.clicked.connect(self._open_person)
        self.header.discard_button.clicked.connect(self.discard_draft)
        outer.addWidget(self.header)

        self.model = OneOnOneAgendaModel()
        self.model.discussed_changed.connect(self._show_progress)
        self.model.discussed_changed.connect(self._draft_changed)
        self.agenda_column = OneOnOneAgendaWidget(self.model, self._enter_panel)
        self.agenda = self.agenda_column.list
        self.agenda.selectionModel().currentChanged.connect(lambda *_: self._sync_panel())
        self.new_topic = self.agenda_column.new_topic
        self.new_topic.returnPressed.connect(self._add_topic)
        self.panel = OneOnOneItemPanel(self.ctx)
        self.panel.resolved.connect(self._on_resolved)
        self.panel.removed.connect(self._on_removed)
        self.capture = OneOnOneCaptureStrip(self.ctx)
        self.capture.captured.connect(self._on_captured)
        self.capture.finished.connect(lambda: self.agenda.setFocus())
        right = QWidget()
        right_box = QVBoxLayout(right)
        right_box.setContentsMargins(0, 0, 0, 0)
        right_box.setSpacing(theme.Space.M)
        right_box.addWidget(OneOnOneCard(self.panel), 1)
        right_box.addWidget(OneOnOneCard(self.capture))
        top = QSplitter(Qt.Orientation.Horizontal)
        top.setObjectName("oneOnOneTopSplit")
        top.setChildrenCollapsible(False)
        top.addWidget(OneOnOneCard(self.agenda_column))
        top.addWidget(right)
        top.setStretchFactor(0, 5)
        top.setStretchFactor(1, 4)

        self.notes = OneOnOneNotesWidget()
        self.notes.shared_changed.connect(lambda text: self._edit(shared=text))
        self.notes.private_changed.connect(lambda text: self._edit(private=text))
        self.notes.private_editor_created.connect(lambda _editor: link_tab_order(self))
        body = QSplitter(Qt.Orientation.Vertical)
        body.setObjectName("oneOnOneBodySplit")
        body.setChildrenCollapsible(False)
        body.addWidget(top)
        body.addWidget(self.notes)
        body.setStretchFactor(0, 3)
        body.setStretchFactor(1, 2)
        body.setSizes([560, 240])
        outer.addWidget(body, 1)

        footer = OneOnOneFooter()
        self.energy, self.end_button = footer.energy, footer.end_button
        self.carry_label = footer.carry
        self.show_carried = footer.show_carried
        self.energy.changed.connect(lambda value: self._edit(energy=value))
        self.end_button.clicked.connect(self.end_meeting)
        outer.addWidget(footer)
        return page

    # -- showing -----------------------------------------------------------------------------
    @property
    def session(self) -> OneOnOneSession | None:
        """The meeting on screen."""
        return self.sessions.get(self.person_id) if self.person_id is not None else None

    def set_argument(self, argument: Any) -> None:
        """Show the 1:1 with this person (a draft in progress is picked up again)."""
        if (
            isinstance(argument, int)
            and not isinstance(argument, bool)
            and argument != self.person_id
        ):
            self.drafts.flush()
            self.person_id = argument
            if argument in self.sessions:
                name = self.sessions[argument].person_name
                self.ctx.message.emit(f"Continuing your 1:1 with {name} (draft kept).")
        self.refresh()

    def load(self) -> None:
        """Header and notes at once; the agenda is read off the GUI thread and merged in."""
        pid, desk = self.person_id, self.ctx.desk
        try:
            person = desk.person(pid) if pid is not None else None
            last = desk.last_one_on_one(pid) if pid is not None else None
        except UserError:
            person = None
            self.nobody.setText("That person is no longer on your list. Choose another: Ctrl+1.")
        if pid is None or person is None:
            self.pages.setCurrentIndex(0)
            return
        self.pages.setCurrentIndex(1)
        session = self.sessions.get(pid)
        if session is None:  # a draft saved before a crash or restart, else a new meeting
            session = self.drafts.restore(pid, person.name) or OneOnOneSession(
                pid, person.name, started_on=desk.today()
            )
            self.sessions[pid] = session
        self.header.show_person(person, last, desk.today(), session.started)
        if self._loaded_person != pid:
            self._loaded_person = pid
            self.notes.set_texts(session.shared, session.private)
            self.energy.set_value(session.energy, notify=False)
            self.capture.set_person(pid)
            self.model.set_session(session)
            self._select(None)
            self.agenda.setFocus()
        if not session.loaded:
            self.agenda_column.show_loading()
        self._show_progress()
        read = BackgroundOp(self, lambda _progress: desk.agenda(pid), key="agenda")
        read.success(partial(self._agenda_read, pid)).failure(self._agenda_failed).run()

    def _agenda_read(self, pid: int, agenda: Agenda) -> None:
        session = self.sessions.get(pid)
        if session is None:
            return
        first = not session.loaded
        current = self._current_key()  # before the rows change
        session.merge(AgendaRow.from_agenda(agenda, self.ctx.desk.today()))
        self.model.set_session(session)
        self._select(current)
        if first and not session.rows and self.agenda.hasFocus():
            self.new_topic.setFocus()
        self._sync_panel(force=first)
        self._show_progress()
        self.agenda_loaded.emit()

    def _agenda_failed(self, error: BaseException) -> None:
        self.agenda_column.show_empty(True)
        if isinstance(error, UserError):
            self.nobody.setText(str(error))
            self.pages.setCurrentIndex(0)
        else:
            self.ctx.message.emit(f"Could not read the agenda: {explain(error)}")

    def _select(self, key: RowKey | None) -> None:
        """Select this row again (else the first), and show the list or its empty state."""
        session = self.session
        rows = session.rows if session else []
        self.agenda_column.show_empty(bool(session and session.loaded and not rows))
        number = self.model.row_of(key) if key else -1
        if number < 0 and rows:
            number = 0
        if number >= 0:
            self.agenda.setCurrentIndex(self.model.index(number))
        else:
            self._sync_panel(force=True)

    def _current_key(self) -> RowKey | None:
        row = self.agenda.currentIndex().data(RowRole)
        return row.key if isinstance(row, AgendaRow) else None

    def _sync_panel(self, force: bool = False) -> None:
        """Show the selected row in the panel, unless it already shows it (keeps typing)."""
        session, key = self.session, self._current_key()
        outcome = ""
        if session is not None and key is not None:
            outcome = session.outcomes.get(key, "")
            if not outcome and key in session.closed:
                outcome = "closed elsewhere"
        if force or (key, outcome) != self._panel_state:
            self._panel_state = (key, outcome)
            row = session.row(key) if session is not None and key is not None else None
            empty = session is not None and session.loaded and not session.rows
            self.panel.show_row(row, self.person_id, outcome, empty=empty)

    def _show_progress(self) -> None:
        session = self.session
        if session is None:
            return
        total = len(session.rows)
        self.agenda_column.progress.setText(
            f"{session.discussed_count()} of {total} discussed" if total else ""
        )
        self.show_carried(session.carried_topics())
        self.header.discard_button.setEnabled(session.has_unsaved())

    # -- edits -------------------------------------------------------------------------------
    def _edit(self, **changes: Any) -> None:
        if self.session is not None:
            for name, value in changes.items():
                setattr(self.session, name, value)
            self._show_progress()
            self._draft_changed()

    def _draft_changed(self) -> None:
        if self.person_id is not None:
            self.drafts.changed(self.person_id)

    def on_changes(self, changes: tuple[Change, ...]) -> None:
        """Our own writes (agenda, panel, capture, End) update the agenda in place: no re-read
        per tick of the meeting; anyone else's change (Ctrl+Z, quick capture) is read."""
        if not all(self._made_here(change.initiator) for change in changes):
            self.refresh()

    def _made_here(self, initiator: object) -> bool:
        if isinstance(initiator, QDialog):
            initiator = initiator.parentWidget()
        return isinstance(initiator, QWidget) and (
            initiator is self or self.isAncestorOf(initiator)
        )

    def _on_presenter(self, _on: bool) -> None:
        """Nothing on the agenda is private; the notes follow presenter mode by signal."""

    def _add_topic(self) -> None:
        pid, text = self.person_id, self.new_topic.text()
        if pid is None or not text.strip():
            return
        made = self.ctx.result(self, lambda: self.ctx.desk.add_topic(pid, text), "Topic added.")
        if made is not None:
            self.new_topic.clear()
            self._on_captured(
                ("topic", made), AgendaRow(ItemKind.TOPIC, made, text.strip(), "Topic")
            )

    def _on_resolved(self, key: RowKey, outcome: str) -> None:
        session = self.session
        if session is None:
            return
        session.resolve(key, outcome)
        self.model.touch(key)
        self._sync_panel()
        # On to the next item not yet discussed, keyboard in the agenda again.
        keys = [row.key for row in session.rows]
        start = keys.index(key) + 1 if key in keys else 0
        for nxt in keys[start:] + keys[:start]:
            if nxt not in session.discussed:
                self.agenda.setCurrentIndex(self.model.index(self.model.row_of(nxt)))
                break
        self.agenda.setFocus()

    def _on_removed(self, key: RowKey) -> None:
        if self.session is not None:
            self.session.drop(key)
            self.model.set_session(self.session)  # the model must never see stale rows
            self._draft_changed()
            self.refresh()

    def _on_captured(self, key: RowKey, row: AgendaRow | None) -> None:
        """Something new during the meeting: on the agenda at once (promises ticked)."""
        session = self.session
        if session is None or row is None:
            return
        current = self._current_key()
        session.add_row(row)
        if not row.is_topic:
            session.set_discussed(key, True)
        self.model.set_session(session)
        self.agenda_column.show_empty(False)
        self.agenda.setCurrentIndex(self.model.index(self.model.row_of(current or key)))
        self._show_progress()

    def _enter_panel(self) -> None:
        target = self.panel.first_input()
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    def _open_person(self) -> None:
        if self.person_id is not None:
            self.ctx.go("person", PersonTarget(self.person_id))

    # -- ending ------------------------------------------------------------------------------
    def end_meeting(self) -> None:
        """Save the 1:1, carry undiscussed topics forward, go back to the person page."""
        session = self.session
        if session is not None and self._save(session):
            self.ctx.go("person", PersonTarget(session.person_id))

    def _save(self, session: OneOnOneSession) -> bool:
        if session.person_id == self._loaded_person:  # the widgets hold the latest text
            session.shared = self.notes.shared_text()
            session.private = self.notes.private_text()
        saved = self.ctx.result(self, lambda: session.save(self.ctx.desk), session.summary())
        if saved is None:
            return False
        self._forget(session.person_id)
        return True

    def _forget(self, pid: int, stored: bool = False) -> None:
        """Drop the meeting from memory; with `stored`, its saved draft too."""
        self.drafts.forget(pid, stored)
        self.sessions.pop(pid, None)
        if pid == self._loaded_person:
            self._loaded_person = None
            self.notes.set_texts("", "")
            self.energy.set_value(None, notify=False)

    def discard_draft(self) -> None:
        """Throw away the notes of the 1:1 on screen, after asking."""
        session = self.session
        if session is None:
            return
        answer = QMessageBox.question(
            self,
            "Discard this 1:1?",
            f"Throw away the notes, energy and ticks of this 1:1 with {session.person_name}? "
            "Promises, feedback and outcomes you recorded stay.",
            Button.Discard | Button.Cancel,
            Button.Cancel,
        )
        if answer == Button.Discard:
            self._discard(session.person_id)
            self.refresh()

    def _discard(self, pid: int) -> None:
        self._forget(pid, stored=True)

    # -- leaving -----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        if self.window() is not self:
            self.guard.watch(self.window())
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self.drafts.flush()
        session = self.session
        if not event.spontaneous() and session is not None and session.has_unsaved():
            self.ctx.message.emit(
                f"Your 1:1 notes with {session.person_name} are kept as a draft; "
                "Ctrl+1 on their page picks them up again."
            )
        super().hideEvent(event)
