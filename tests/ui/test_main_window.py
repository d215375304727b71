"""The whole window on real data: every screen opens, presenter mode hides private text everywhere,
items open where they are fixed, the passphrase dialog recovers from a wrong passphrase."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.qt import all_texts, open_main_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from leaddesk.domain.feedback import FeedbackDirection
from leaddesk.services.desk import Desk
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.main_window import SIDEBAR, MainWindow

PRIVATE_NOTE = "Worried about her father's surgery"
PRIVATE_MEETING = "Seemed exhausted; ask about workload"
ASSESSMENT_NOTE = "Integrity solid, results uneven"


@pytest.fixture
def world(desk: Desk) -> dict[str, int]:
    """A small team with private notes, a private 1:1 note and an assessment."""
    from leaddesk.demo import build_demo

    build_demo(desk, people=4, years=1, seed=5)
    ada = desk.direct_reports()[0].id
    desk.add_relationship_note(ada, PRIVATE_NOTE, topic="context")
    desk.record_one_on_one(
        ada, shared_notes="Roadmap review", private_notes=PRIVATE_MEETING, energy=2
    )
    desk.add_assessment(ada, 4, 4, 3, 2, ASSESSMENT_NOTE)
    desk.add_feedback(ada, FeedbackDirection.SOLICITED, "How do my staff meetings land?")
    return {"ada": ada}


@pytest.fixture
def window(desk: Desk, qtbot) -> MainWindow:
    return open_main_window(desk, qtbot)


def test_every_screen_opens_with_demo_data(window: MainWindow, world, qtbot) -> None:
    for name in SIDEBAR:
        window.show_view(name)
        assert window.stack.currentWidget() is window.view(name)
    window.show_view("person", PersonTarget(world["ada"]))
    assert window.view("person").isVisible()
    window.show_view("one_on_one", world["ada"])
    assert window.view("one_on_one").isVisible()
    window.show_view("week")
    qtbot.waitUntil(lambda: window.view("week").team_model.rowCount() == 4)


def test_presenter_mode_leaves_no_private_text_in_any_screen(
    window: MainWindow, world, qtbot, desk: Desk
) -> None:
    ada = world["ada"]
    screens = [
        ("week", None),
        ("people", None),
        ("board", None),
        ("reflections", None),
        ("settings", None),
    ]
    screens += [
        ("person", PersonTarget(ada, tab))
        for tab in ("overview", "delegations", "promises", "relationship", "feedback", "timeline")
    ]
    screens.append(("one_on_one", ada))
    score = f"{desk.person_overview(ada).current.expectation:.2f}"
    window.show_view("person", PersonTarget(ada, "relationship"))
    assert PRIVATE_NOTE in all_texts(window)  # the walk does see private text when allowed
    qtbot.keyClick(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.ctx.presenter
    assert window.banner.isVisible()
    for name, argument in screens:
        window.show_view(name, argument)
        view = window.view(name)
        qtbot.waitUntil(lambda v=view: not getattr(v, "loading", False))
        text = all_texts(window)
        for secret in (PRIVATE_NOTE, PRIVATE_MEETING, ASSESSMENT_NOTE):
            assert secret not in text, (name, argument, secret)
        if name in ("person", "week"):
            assert score not in text, (name, argument, "score")
    window.presenter_action.trigger()
    assert not window.ctx.presenter
    assert not window.banner.isVisible()


def test_needs_attention_item_opens_where_it_is_fixed(window: MainWindow, world, qtbot) -> None:
    week = window.view("week")
    window.show_view("week")
    qtbot.waitUntil(lambda: week.attention_model.rowCount() > 0)
    week.attention.setFocus()
    group = week.attention_model.index(0, 0)  # the first group; its first item is the worst
    week.attention.setCurrentIndex(week.attention_model.index(0, 0, group))
    item = week.attention.current_item()
    assert item is not None
    qtbot.keyClick(week.attention, Qt.Key.Key_Return)
    expected = "one_on_one" if item.kind.value in ("1:1", "topic") else "person"
    assert window.stack.currentWidget() is window.view(expected)


def test_reflection_saves_as_you_type(window: MainWindow, world, qtbot, desk: Desk) -> None:
    window.show_view("week")
    qtbot.waitUntil(lambda: not window.view("week").loading)
    box = window.view("week").reflection
    box.setFocus()
    qtbot.keyClicks(box, "Gave Ada real authority on hiring")
    qtbot.waitUntil(
        lambda: desk.week_focus().reflection == "Gave Ada real authority on hiring", timeout=3000
    )


def test_first_run_offers_to_add_the_first_direct_report(window: MainWindow, qtbot) -> None:
    window.show_view("week")
    week = window.view("week")
    qtbot.waitUntil(lambda: not week.loading)
    assert week.pages.currentIndex() == 0
    assert week.add_first.isVisible()
    assert week.explore.isVisible()


def test_delete_then_status_bar_undo_restores(window: MainWindow, world, qtbot, desk: Desk) -> None:
    from leaddesk.services.undo import Deletable

    topic = desk.add_topic(world["ada"], "Budget season")
    window.ctx.delete(window, Deletable.TOPIC, topic)
    assert topic not in {t.id for t in desk.open_topics(world["ada"])}
    assert window.undo_button.isVisible()
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert topic in {t.id for t in desk.open_topics(world["ada"])}


def test_wrong_passphrase_is_explained_and_retried(
    tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from leaddesk.ui.app import unlock

    path = tmp_path / "locked.db"
    monkeypatch.setenv("LEADDESK_PASSPHRASE", "the right passphrase")
    Desk.open(path).close()
    monkeypatch.delenv("LEADDESK_PASSPHRASE", raising=False)  # taken once read
    import keyring
    from keyring.backends import fail

    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    seen: list[str] = []

    def answer(passphrase: str) -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        seen.append(dialog.findChild(QLabel, "formError").text())
        dialog.findChild(QLineEdit, "passphrase").setText(passphrase)
        ok = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Unlock")
        ok.click()

    QTimer.singleShot(50, lambda: answer("a wrong passphrase"))
    QTimer.singleShot(400, lambda: answer("the right passphrase"))
    desk = unlock(path)
    assert seen[0] == ""
    assert "does not open this store" in seen[1]
    desk.close()


def test_deleting_a_private_note_says_nothing_of_its_text(
    window: MainWindow, world, qtbot, desk: Desk
) -> None:
    from leaddesk.services.undo import Deletable

    note = next(n for n in desk.relationship_notes(world["ada"]) if n.text == PRIVATE_NOTE)
    window.ctx.set_presenter(True)
    window.ctx.delete(window, Deletable.NOTE, note.id)
    shown = " ".join(
        [window.statusBar().currentMessage(), window.undo_button.toolTip(), all_texts(window)]
    )
    from leaddesk.reports import wording

    on = wording.day(note.on, desk.today())  # the date as every other date reads: "25 Nov"
    assert f"Deleted relationship note of {on}." in window.statusBar().currentMessage()
    assert window.undo_button.toolTip() == f"Undo: Deleted relationship note of {on}"
    assert PRIVATE_NOTE not in shown
    window.undo_action.trigger()
    assert "Restored relationship note of" in window.statusBar().currentMessage()
    assert PRIVATE_NOTE not in window.statusBar().currentMessage()


def test_lock_covers_the_window_and_an_open_one_pager_preview(
    window: MainWindow, world, qtbot
) -> None:
    from leaddesk.ui.exports.export_person_dialog import ExportPersonDialog

    dialog = ExportPersonDialog(window.ctx, window, world["ada"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    window.lock_action.trigger()
    assert window.lock_overlay.isVisible()
    [cover] = [c for c in dialog.findChildren(QWidget, "dialogLockOverlay") if c.isVisible()]
    assert cover.geometry() == dialog.rect()  # the preview and the choices are underneath
    assert dialog.isVisible()  # still open: nothing chosen is lost
    qtbot.mouseClick(cover.findChild(QPushButton, "unlockButton"), Qt.MouseButton.LeftButton)
    assert not window.lock_overlay.isVisible()
    assert not any(c.isVisible() for c in dialog.findChildren(QWidget, "dialogLockOverlay"))
