"""The glossary on the Delegations tab: agree, reword and delete terms through the widgets."""

from __future__ import annotations

from helpers.in_window import person_tab_in_window, undo_by_keys
from PySide6.QtCore import Qt

from leaddesk.services.desk import Desk
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.dialogs.term_dialog import TermDialog
from leaddesk.ui.person.tabs.terms_panel import TermsPanel


def test_agreeing_a_term_with_a_person_and_with_the_team(ctx: AppContext, desk: Desk) -> None:
    ada = desk.add_person("Ada Lovelace")
    bob = desk.add_person("Bob Stone")
    dialog = TermDialog(ctx, ada)
    dialog.term.setText("launched")
    dialog.meaning.setPlainText("available to all paying customers")
    dialog.accept()
    team = TermDialog(ctx, ada)
    team.term.setText("done")
    team.meaning.setPlainText("in production and measured")
    team.team_wide.setChecked(True)
    team.accept()
    assert {(t.term, t.person_id) for t in desk.terms(ada)} == {("launched", ada), ("done", None)}
    assert [t.term for t in desk.terms(bob)] == ["done"]  # team terms show for everyone


def test_an_empty_meaning_keeps_the_dialog_open_with_the_reason(
    ctx: AppContext, desk: Desk
) -> None:
    ada = desk.add_person("Ada Lovelace")
    dialog = TermDialog(ctx, ada)
    dialog.term.setText("launched")
    dialog.accept()
    assert dialog.result() != TermDialog.DialogCode.Accepted
    assert "Meaning cannot be empty" in dialog.error.text()
    assert desk.terms(ada) == []


def test_panel_lists_rewords_and_deletes_with_undo(ctx: AppContext, desk: Desk, qtbot) -> None:
    ada = desk.add_person("Ada Lovelace")
    term = desk.add_term("launched", "available to all paying customers", person_id=ada)
    window = person_tab_in_window(qtbot, desk, ada, "delegations")
    panel = window.view("person").findChild(TermsPanel)
    assert isinstance(panel, TermsPanel) and panel.isVisible()
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 2).data(Qt.ItemDataRole.DisplayRole) == "this person"
    edit = TermDialog(window.ctx, ada, term)
    edit.meaning.setPlainText("available to every paying customer, in every region")
    edit.accept()
    assert desk.terms(ada)[0].meaning.endswith("in every region")
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert desk.terms(ada) == []
    undo_by_keys(qtbot, window)
    assert [t.id for t in desk.terms(ada)] == [term]
