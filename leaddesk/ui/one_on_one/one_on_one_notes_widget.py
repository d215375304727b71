"""Shared and private 1:1 notes side by side; the private box is removed while presenting."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from leaddesk.ui import theme

PRIVATE_PLACEHOLDER = "Private notes hidden while presenting"


class OneOnOneNotesWidget(QWidget):
    """Two note boxes. In presenter mode the private editor is destroyed, its text kept here."""

    shared_changed = Signal(str)
    private_changed = Signal(str)
    private_editor_created = Signal(object)  # the view re-links the tab order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._private_text = ""
        self.presenting = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)

        shared_box = QVBoxLayout()
        shared_title = QLabel("<b>Shared notes</b> — what you both can see")
        shared_title.setObjectName("sharedNotesTitle")
        self.shared = QPlainTextEdit()
        self.shared.setObjectName("sharedNotes")
        self.shared.setAccessibleName("Shared notes")
        self.shared.setToolTip("Notes you could show them: decisions, next steps, context.")
        self.shared.setPlaceholderText("What you talked about and agreed…")
        self.shared.setTabChangesFocus(True)
        self.shared.textChanged.connect(lambda: self.shared_changed.emit(self.shared_text()))
        shared_title.setBuddy(self.shared)
        shared_box.addWidget(shared_title)
        shared_box.addWidget(self.shared, 1)
        layout.addLayout(shared_box, 1)

        private_box = QVBoxLayout()
        title_row = QHBoxLayout()
        lock = QLabel()
        lock.setPixmap(theme.icon("lock").pixmap(14, 14))
        private_title = QLabel("<b>Private notes</b> — only you")
        private_title.setObjectName("privateNotesTitle")
        title_row.addWidget(lock)
        title_row.addWidget(private_title)
        title_row.addStretch(1)
        private_box.addLayout(title_row)
        self.private_holder = QWidget()
        self.private_holder.setObjectName("privateNotesHolder")
        self.private_stack = QStackedLayout(self.private_holder)
        self.placeholder = QLabel(PRIVATE_PLACEHOLDER)
        self.placeholder.setObjectName("privateNotesHidden")
        self.placeholder.setAccessibleName(PRIVATE_PLACEHOLDER)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet(
            "QLabel#privateNotesHidden { border: 1px dashed palette(mid); border-radius: 6px;"
            f" color: {theme.muted_color().name()}; }}"
        )
        self.private_stack.addWidget(self.placeholder)
        self.private: QPlainTextEdit | None = None
        private_box.addWidget(self.private_holder, 1)
        layout.addLayout(private_box, 1)
        self._make_private_editor()

    # -- texts -------------------------------------------------------------------------------
    def shared_text(self) -> str:
        """What is in the shared box."""
        return self.shared.toPlainText()

    def private_text(self) -> str:
        """The private notes, whether or not the editor is on screen."""
        return self.private.toPlainText() if self.private is not None else self._private_text

    def set_texts(self, shared: str, private: str) -> None:
        """Load a draft (no change signals)."""
        self.shared.blockSignals(True)
        self.shared.setPlainText(shared)
        self.shared.blockSignals(False)
        self._private_text = private
        if self.private is not None:
            self.private.blockSignals(True)
            self.private.setPlainText(private)
            self.private.blockSignals(False)

    # -- presenter mode ----------------------------------------------------------------------
    def set_presenter(self, on: bool) -> None:
        """Remove the private editor (text kept in memory) or bring it back with the text."""
        if on == self.presenting:
            return
        self.presenting = on
        if on:
            self._remove_private_editor()
        else:
            self._make_private_editor()

    def _make_private_editor(self) -> None:
        editor = QPlainTextEdit()
        editor.setObjectName("privateNotes")
        editor.setAccessibleName("Private notes")
        editor.setToolTip(
            "Only you see these. They are removed from the screen in presenter mode (Ctrl+Shift+P)."
        )
        editor.setPlaceholderText("What you noticed, worries, things to follow up privately…")
        editor.setTabChangesFocus(True)
        editor.setPlainText(self._private_text)
        editor.textChanged.connect(self._on_private_changed)
        self.private_stack.addWidget(editor)
        self.private_stack.setCurrentWidget(editor)
        self.private = editor
        self.private_editor_created.emit(editor)

    def _remove_private_editor(self) -> None:
        editor = self.private
        if editor is None:
            return
        self._private_text = editor.toPlainText()
        self.private = None
        self.private_stack.setCurrentWidget(self.placeholder)
        self.private_stack.removeWidget(editor)
        editor.textChanged.disconnect(self._on_private_changed)
        editor.setParent(None)  # off the widget tree right now
        editor.deleteLater()

    def _on_private_changed(self) -> None:
        if self.private is not None:
            self._private_text = self.private.toPlainText()
            self.private_changed.emit(self._private_text)
