"""The '1:1s & relationship' tab: 1:1 history, open agenda topics, relationship notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.errors import UserError
from leaddesk.services.action_item import ItemKind
from leaddesk.services.meetings import OneOnOneView, TopicView
from leaddesk.services.relationship_notes import RelationshipNoteView
from leaddesk.services.undo import Deletable
from leaddesk.ui import theme
from leaddesk.ui.common.column_table_model import ColumnTableModel
from leaddesk.ui.common.note_dialog import NoteDialog, NoteInput
from leaddesk.ui.common.presenter import HIDDEN
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.dialogs.one_on_one_dialog import OneOnOneDialog
from leaddesk.ui.person.tabs import relationship_format as fmt
from leaddesk.ui.person.tabs.tab_parts import (
    DATE_SAMPLE,
    current_record,
    day,
    detail_label,
    empty_label,
    framed,
    make_action,
    record_view,
    section_page,
    section_title,
    select_id,
    select_row,
    selected_row,
    size_columns,
    tool_button,
)

_Record = OneOnOneView | TopicView | RelationshipNoteView


class RelationshipTab(QWidget):
    """Knowing the person: what was said in 1:1s, what is still to discuss, what drives them."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relationshipTab")
        self.ctx = ctx
        self.person_id: int | None = None
        self.person_name = ""
        self.meetings, self.topics, self.notes = fmt.models(lambda: self.ctx.presenter)
        outer = QVBoxLayout(self)
        outer.addLayout(self._build_bar())
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("relationshipSplit")
        split.setChildrenCollapsible(False)
        split.addWidget(self._build_meetings())
        right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        right.addWidget(self._build_topics())
        right.addWidget(self._build_notes())
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        outer.addWidget(split, 1)

    # -- construction ------------------------------------------------------------------------
    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.start_action = make_action(
            self,
            "Start 1:1",
            self.start_one_on_one,
            ("S",),
            "one-on-one",
            "Open 1:1 mode with this person: agenda, notes and capture in one screen",
        )
        self.start_button = tool_button(self.start_action, "relationshipStartOneOnOne")
        self.summary = QLabel()
        self.summary.setObjectName("relationshipSummary")
        bar.addWidget(self.start_button)
        bar.addSpacing(12)
        bar.addWidget(self.summary, 1)
        return bar

    def _build_meetings(self) -> QWidget:
        page, box = section_page()
        self.meetings_title = section_title("1:1 history", "meetingsTitle")
        self.meetings_view = record_view("oneOnOnes", "1:1 history, newest first", self.meetings)
        self.meetings_view.selectionModel().selectionChanged.connect(self._on_meeting)
        self.meetings_view.doubleClicked.connect(lambda *_: self.edit_meeting())
        self.edit_meeting_action = make_action(
            self.meetings_view,
            "Edit…",
            self.edit_meeting,
            ("E", "F2"),
            "edit",
            "Correct the notes or energy of the selected 1:1",
        )
        self.delete_meeting_action = make_action(
            self.meetings_view,
            "Delete 1:1",
            self.delete_meeting,
            ("Del",),
            "delete",
            "Delete the selected 1:1 (Ctrl+Z undoes)",
        )
        self.meetings_empty = empty_label("", "meetingsEmpty")
        self.meeting_detail = detail_label("meetingDetail", "Selected 1:1")
        box.addWidget(self.meetings_title)
        box.addWidget(self.meetings_view, 3)
        box.addWidget(self.meetings_empty, 3)
        bar = QHBoxLayout()
        bar.addWidget(tool_button(self.edit_meeting_action, "editOneOnOne"))
        bar.addWidget(tool_button(self.delete_meeting_action, "deleteOneOnOne"))
        bar.addStretch(1)
        box.addLayout(bar)
        box.addWidget(framed(self.meeting_detail), 2)
        return page

    def _build_topics(self) -> QWidget:
        page, box = section_page()
        self.topics_title = section_title("Open agenda topics", "topicsTitle")
        entry = QHBoxLayout()
        self.topic_edit = QLineEdit()
        self.topic_edit.setObjectName("topicEdit")
        self.topic_edit.setAccessibleName("New agenda topic")
        self.topic_edit.setPlaceholderText("A topic for the next 1:1 — type and press Enter")
        self.topic_edit.returnPressed.connect(self.add_topic)
        self.add_topic_button = QPushButton(theme.icon("add"), "Add topic")
        self.add_topic_button.setObjectName("addTopic")
        self.add_topic_button.setAccessibleName("Add topic")
        self.add_topic_button.setToolTip("Put the topic on the next 1:1's agenda (T to type one)")
        self.add_topic_button.clicked.connect(self.add_topic)
        make_action(self, "Type a topic", self.topic_edit.setFocus, ("T",))
        entry.addWidget(self.topic_edit, 1)
        entry.addWidget(self.add_topic_button)
        self.topics_view = record_view("openTopics", "Open agenda topics", self.topics)
        self.delete_topic_action = make_action(
            self.topics_view,
            "Delete topic",
            self.delete_topic,
            ("Del",),
            "delete",
            "Take the selected topic off the agenda (Ctrl+Z undoes)",
        )
        self.topics_view.selectionModel().selectionChanged.connect(self._update_actions)
        self.topics_empty = empty_label(fmt.TOPICS_EMPTY, "topicsEmpty")
        bar = QHBoxLayout()
        bar.addWidget(tool_button(self.delete_topic_action, "deleteTopic"))
        bar.addStretch(1)
        box.addWidget(self.topics_title)
        box.addLayout(entry)
        box.addWidget(self.topics_view, 1)
        box.addWidget(self.topics_empty, 1)
        box.addLayout(bar)
        return page

    def _build_notes(self) -> QWidget:
        self.notes_stack = QStackedWidget()
        self.notes_stack.setObjectName("notesStack")
        page, box = section_page()
        self.notes_title = section_title("Relationship notes (private)", "notesTitle")
        self.add_note_action = make_action(
            self,
            "Add note…",
            self.add_note,
            ("N",),
            "add",
            "What motivates them, career aspirations, working style, context they shared",
        )
        self.notes_view = record_view("relationshipNotes", "Relationship notes", self.notes)
        self.notes_view.selectionModel().selectionChanged.connect(self._on_note)
        self.notes_view.doubleClicked.connect(lambda *_: self.edit_note())
        self.edit_note_action = make_action(
            self.notes_view, "Edit…", self.edit_note, ("E", "F2"), "edit", "Reword the note"
        )
        self.delete_note_action = make_action(
            self.notes_view,
            "Delete",
            self.delete_note,
            ("Del",),
            "delete",
            "Delete the selected note (Ctrl+Z undoes)",
        )
        bar = QHBoxLayout()
        bar.addWidget(tool_button(self.add_note_action, "addNote"))
        bar.addWidget(tool_button(self.edit_note_action, "editNote"))
        bar.addWidget(tool_button(self.delete_note_action, "deleteNote"))
        bar.addStretch(1)
        self.notes_empty = empty_label("", "notesEmpty")
        self.note_detail = detail_label("noteDetail", "Selected relationship note")
        box.addWidget(self.notes_title)
        box.addLayout(bar)
        box.addWidget(self.notes_view, 2)
        box.addWidget(self.notes_empty, 2)
        box.addWidget(framed(self.note_detail), 1)
        self.notes_stack.addWidget(page)
        self.notes_hidden = empty_label(
            f"Relationship notes — {HIDDEN}.\nLeave presenter mode (Ctrl+Shift+P) to see them.",
            "notesHidden",
        )
        self.notes_hidden.setAccessibleName("Relationship notes hidden")
        self.notes_stack.addWidget(self.notes_hidden)
        return self.notes_stack

    # -- rendering ---------------------------------------------------------------------------
    def show_person(self, person_id: int) -> None:
        """Show this person's 1:1s, topics and (unless presenting) relationship notes."""
        same = person_id == self.person_id
        keep_meeting = current_record(self.meetings_view, self.meetings) if same else None
        keep_note = current_record(self.notes_view, self.notes) if same else None
        self.person_id = person_id
        presenter = self.ctx.presenter
        desk = self.ctx.desk
        try:
            self.person_name = desk.person(person_id).name
            meetings = desk.one_on_ones(person_id)
            topics = desk.open_topics(person_id)
            notes = [] if presenter else desk.relationship_notes(person_id)
        except UserError:
            self.person_name, meetings, topics, notes = "", [], [], []
        name = self.person_name or "them"
        self.meetings.set_records(meetings, fmt.one_on_one_columns(presenter))
        size_columns(self.meetings_view, *fmt.one_on_one_sizing(presenter))
        self.topics.set_records(topics)
        size_columns(self.topics_view, {0}, {1: DATE_SAMPLE, 2: "carried 10 times"})
        self.notes.set_records(notes)
        size_columns(self.notes_view, {2}, {0: DATE_SAMPLE, 1: "What motivates them"})
        self.summary.setText(fmt.summary(name, meetings, topics))
        self.meetings_title.setText(f"1:1 history · {len(meetings)}")
        meetings_empty, notes_empty = fmt.empty_texts(name)
        self.meetings_empty.setText(meetings_empty)
        self.notes_empty.setText(notes_empty)
        for view, empty, rows in (
            (self.meetings_view, self.meetings_empty, meetings),
            (self.topics_view, self.topics_empty, topics),
            (self.notes_view, self.notes_empty, notes),
        ):
            view.setVisible(bool(rows))
            empty.setVisible(not rows)
        self.notes_stack.setCurrentIndex(1 if presenter else 0)
        if keep_meeting is not None:
            select_id(self.meetings_view, self.meetings, keep_meeting.id)
        elif meetings:  # the latest 1:1 is what one reads first
            select_row(self.meetings_view, 0)
        if keep_note is not None:
            select_id(self.notes_view, self.notes, keep_note.id)
        self._on_meeting()
        self._on_note()

    def select(self, ref_id: int, kind: ItemKind | None = None) -> None:
        """Select and scroll to the 1:1, open topic or relationship note `kind` names (a search
        hit, Needs attention); without a kind, the 1:1 with this id, else the note."""
        places: dict[ItemKind, tuple[QTreeView, ColumnTableModel[Any]]] = {
            ItemKind.ONE_ON_ONE: (self.meetings_view, self.meetings),
            ItemKind.TOPIC: (self.topics_view, self.topics),
            ItemKind.RELATIONSHIP: (self.notes_view, self.notes),
        }
        for each in [kind] if kind in places else [ItemKind.ONE_ON_ONE, ItemKind.RELATIONSHIP]:
            view, model = places[each]
            if select_id(view, model, ref_id):
                view.setFocus()
                return

    def current_meeting(self) -> OneOnOneView | None:
        """The selected 1:1."""
        return self.meetings.record(selected_row(self.meetings_view))

    def current_topic(self) -> TopicView | None:
        """The selected agenda topic."""
        return self.topics.record(selected_row(self.topics_view))

    def current_note(self) -> RelationshipNoteView | None:
        """The selected relationship note (never while presenting)."""
        return self.notes.record(selected_row(self.notes_view))

    def _on_meeting(self, *_: object) -> None:
        meeting = self.current_meeting()
        if meeting is None:
            self.meeting_detail.setText("Select a 1:1 to read its notes.")
        else:
            self.meeting_detail.setText(fmt.one_on_one_html(meeting, self.ctx.presenter))
        self._update_actions()

    def _on_note(self, *_: object) -> None:
        note = self.current_note()
        self.note_detail.setText(
            fmt.note_html(note) if note is not None else "Select a note to read it in full."
        )
        self._update_actions()

    def _update_actions(self, *_: object) -> None:
        has_person = bool(self.person_name)
        presenter = self.ctx.presenter
        self.start_action.setEnabled(has_person)
        self.topic_edit.setEnabled(has_person)
        self.add_topic_button.setEnabled(has_person)
        self.edit_meeting_action.setEnabled(self.current_meeting() is not None)
        self.delete_meeting_action.setEnabled(self.current_meeting() is not None)
        self.delete_topic_action.setEnabled(self.current_topic() is not None)
        self.add_note_action.setEnabled(has_person and not presenter)
        has_note = self.current_note() is not None and not presenter
        self.edit_note_action.setEnabled(has_note)
        self.delete_note_action.setEnabled(has_note)

    # -- actions -----------------------------------------------------------------------------
    def start_one_on_one(self) -> None:
        """Open 1:1 mode with this person."""
        if self.person_id is not None:
            self.ctx.go("one_on_one", self.person_id)

    def add_topic(self) -> None:
        """Put the typed topic on the next 1:1's agenda (the text stays on error)."""
        pid = self.person_id
        text = self.topic_edit.text()
        if pid is None:
            return
        if self.ctx.attempt(self, lambda: self.ctx.desk.add_topic(pid, text), "Topic added."):
            self.topic_edit.clear()
            self.show_person(pid)
            self.topic_edit.setFocus()

    def delete_topic(self) -> None:
        """Take the selected topic off the agenda, with undo."""
        self._delete(Deletable.TOPIC, self.current_topic())

    def edit_meeting(self) -> None:
        """Correct the notes or energy of the selected 1:1."""
        meeting = self.current_meeting()
        if meeting is None:
            return
        dialog = OneOnOneDialog(self.ctx, meeting, self.person_name, self)
        if dialog.exec() == OneOnOneDialog.DialogCode.Accepted:
            self.ctx.message.emit(f"1:1 of {day(meeting.held_on)} saved.")
            self._refresh()

    def delete_meeting(self) -> None:
        """Delete the selected 1:1, with undo."""
        self._delete(Deletable.ONE_ON_ONE, self.current_meeting())

    def add_note(self) -> None:
        """Write a new relationship note."""
        pid = self.person_id
        if pid is None or self.ctx.presenter:
            return

        def save(value: NoteInput) -> int:
            return self.ctx.desk.add_relationship_note(pid, value.text, value.topic, value.on)

        dialog = NoteDialog(
            self.person_name, self.ctx.desk.today(), save, parent=self, ctx=self.ctx
        )
        if dialog.exec() == NoteDialog.DialogCode.Accepted:
            self.ctx.message.emit("Relationship note saved.")
            self.show_person(pid)
            select_id(self.notes_view, self.notes, int(dialog.saved))

    def edit_note(self) -> None:
        """Reword the selected relationship note."""
        note = self.current_note()
        if note is None or self.ctx.presenter:
            return

        def save(value: NoteInput) -> None:
            self.ctx.desk.update_relationship_note(note.id, value.text, value.topic, value.on)

        dialog = NoteDialog(self.person_name, self.ctx.desk.today(), save, note, self, ctx=self.ctx)
        if dialog.exec() == NoteDialog.DialogCode.Accepted:
            self.ctx.message.emit("Relationship note saved.")
            self._refresh()

    def delete_note(self) -> None:
        """Delete the selected relationship note, with undo."""
        self._delete(Deletable.NOTE, self.current_note())

    def _delete(self, kind: Deletable, record: _Record | None) -> None:
        if record is not None and self.ctx.delete(self, kind, record.id):
            self._refresh()

    def _refresh(self) -> None:
        if self.person_id is not None:
            self.show_person(self.person_id)
