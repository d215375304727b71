"""The glossary beside a person's delegations: terms agreed with them and with the whole team."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from leaddesk.reports import wording
from leaddesk.services.terms import TermView
from leaddesk.services.undo import Deletable
from leaddesk.ui import theme
from leaddesk.ui.common.column_table_model import Column, ColumnTableModel
from leaddesk.ui.context import AppContext

TERM_COLUMNS: tuple[Column[TermView], ...] = (
    Column("Term", lambda t: t.term),
    Column("Means", lambda t: t.meaning.split("\n")[0], tooltip=lambda t: t.meaning),
    Column(
        "With",
        lambda t: "whole team" if t.person_id is None else "this person",
        color=lambda _t: theme.muted_color(),
    ),
    Column("Agreed", lambda t: wording.day(t.agreed_on)),
)


class TermsPanel(QWidget):
    """Glossary list with Add, Edit and Delete (undo with Ctrl+Z)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("termsPanel")
        self.ctx = ctx
        self.person_id: int | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 6, 0, 0)
        bar = QHBoxLayout()
        title = QLabel("<b>Agreed terms</b>")
        title.setToolTip("Words you agreed to use the same way ('launched' means …).")
        bar.addWidget(title)
        bar.addStretch(1)
        self.add_button = QPushButton(theme.icon("add"), "Term…")
        self.add_button.setObjectName("addTerm")
        self.add_button.setToolTip("Agree on the meaning of a word, with them or the whole team")
        self.add_button.clicked.connect(self.add_term)
        self.edit_button = QPushButton(theme.icon("edit"), "Edit")
        self.edit_button.setObjectName("editTerm")
        self.edit_button.clicked.connect(self.edit_term)
        self.delete_button = QPushButton(theme.icon("delete"), "Delete")
        self.delete_button.setObjectName("deleteTerm")
        self.delete_button.setToolTip("Delete the selected term (Ctrl+Z undoes)")
        self.delete_button.clicked.connect(self.delete_term)
        for button in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(button)
        box.addLayout(bar)
        self.model: ColumnTableModel[TermView] = ColumnTableModel(TERM_COLUMNS)
        self.table = QTableView()
        self.table.setObjectName("termsTable")
        self.table.setAccessibleName("Agreed terms")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_term())
        # Only while the table has the focus: a window-wide Del would clash with the delegation
        # list's own Del, and Qt then fires neither (an ambiguous shortcut).
        delete = QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete_term)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        box.addWidget(self.table, 1)
        self.empty = QLabel("No agreed terms yet. When a word could mean two things, agree on it.")
        self.empty.setWordWrap(True)
        box.addWidget(self.empty)

    def show_person(self, person_id: int) -> None:
        """The terms agreed with this person and with the whole team."""
        self.person_id = person_id
        terms = self.ctx.desk.terms(person_id)
        self.model.set_records(terms)
        self.table.setVisible(bool(terms))
        self.empty.setVisible(not terms)
        self.edit_button.setEnabled(bool(terms))
        self.delete_button.setEnabled(bool(terms))
        self.table.resizeColumnToContents(0)

    def select(self, term_id: int) -> bool:
        """Select and focus the term with this id (a search result opens it); whether it did."""
        row = self.model.row_of(term_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            self.table.setFocus()
        return row >= 0

    def _selected(self) -> TermView | None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.table.currentIndex().row()
        return self.model.record(row)

    def add_term(self) -> None:
        """Open the term dialog for a new term."""
        from leaddesk.ui.person.dialogs.term_dialog import TermDialog

        if self.person_id is not None:
            TermDialog(self.ctx, self.person_id, parent=self).exec()

    def edit_term(self) -> None:
        """Reword the selected term."""
        from leaddesk.ui.person.dialogs.term_dialog import TermDialog

        term = self._selected()
        if term is not None and self.person_id is not None:
            TermDialog(self.ctx, self.person_id, term.id, parent=self).exec()

    def delete_term(self) -> None:
        """Delete the selected term (undo restores it)."""
        term = self._selected()
        if term is not None:
            self.ctx.delete(self, Deletable.TERM, term.id)
