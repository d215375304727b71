"""Presenter mode: a walk over every screen, tab, row and dialog finds no private text.

The rule (ARCHITECTURE, Security): while presenting, only what the shareable agreement sheet
may show is shown — delegations with levels, involve-me-when, done-means and success factors,
open promises both ways, next checkpoints. Everything else the leader wrote or judged is
private: trust scores and assessments, relationship notes, private 1:1 notes, energy, weekly
reflections, feedback, checkpoint notes and evidence, reasons for level changes and
calibrations, notes on promise state changes.

The same walk runs first with presenter mode off and must find every private string (the
positive control): a walker that could not see them would prove nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from helpers.qt import on_modal, open_main_window
from helpers.visible_text import screen_text, visible_texts
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QMessageBox, QWidget

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind, Proposer
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.ui.common.navigation import TABS, PersonTarget
from leaddesk.ui.common.person_picker import pick_person
from leaddesk.ui.main_window import SIDEBAR, MainWindow

ROWS = 12  # rows selected per list: the private ones are among the newest, listed first

# Distinctive private strings, one per private field.
SECRETS = {
    "assessment note": "Zq-assessment-note",
    "relationship note": "Zq-relationship-note",
    "private 1:1 notes": "Zq-private-meeting-note",
    "1:1 draft private notes": "Zq-draft-private-note",
    "this week's reflection": "Zq-this-week-reflection",
    "past reflection": "Zq-past-reflection",
    "feedback given": "Zq-feedback-given",
    "solicited feedback": "Zq-feedback-asked",
    "feedback answer": "Zq-feedback-answer",
    "open request for feedback": "Zq-feedback-still-open",
    "feedback follow-up": "Zq-feedback-follow-up",
    "checkpoint note": "Zq-checkpoint-note",
    "checkpoint evidence": "Zq-checkpoint-evidence",
    "level change reason": "Zq-level-reason",
    "calibration reason": "Zq-calibration-reason",
    "promise state note": "Zq-promise-note",
}
# Private values shown as numbers or symbols: trust scores, energy.
PATTERNS = {
    # 0.xx, but not a setting's factor such as "× 0.50" (the low-trust cadence on Settings)
    "trust score": re.compile(r"(?<![\d.])(?<!× )[01]\.\d\d(?!\d)"),
    "energy dots": re.compile(r"[●○]{5}"),
    "energy words": re.compile(r"(?i)energy \d( of 5|/5)"),
}
# Shown on the 1:1 agenda only, as the meeting's own business: a request for feedback the
# leader made to this very person is something both discuss there (1:1 mode is the screen shared
# with them); anywhere else it is private.
AGENDA_ONLY = {"open request for feedback"}
# On the shareable sheet: still shown while presenting (the walk is not blanking everything).
SHARED = {
    "open promise": "Zq-shared-open-promise",
    "involve me when": "Zq-shared-involve-me",
    "success factor definition": "Zq-shared-factor-definition",
}


@pytest.fixture
def world(desk: Desk) -> dict[str, int]:
    """A small demo team, then one private string in every private field."""
    from leaddesk.demo import build_demo

    build_demo(desk, people=3, years=1, seed=7)
    ada, bob = (p.id for p in desk.direct_reports()[:2])
    today = desk.today()
    desk.add_assessment(ada, 5, 4, 2, 3, SECRETS["assessment note"])
    desk.add_relationship_note(ada, SECRETS["relationship note"], topic="context")
    desk.record_one_on_one(
        ada, shared_notes="Roadmap review", private_notes=SECRETS["private 1:1 notes"], energy=2
    )
    desk.save_one_on_one_draft(bob, "Hiring plan", SECRETS["1:1 draft private notes"], 4, ())
    desk.save_reflection(SECRETS["past reflection"], today - timedelta(days=14))
    desk.save_reflection(SECRETS["this week's reflection"])
    given = desk.add_feedback(
        ada, FeedbackDirection.GIVEN, SECRETS["feedback given"], FeedbackKind.COACHING
    )
    desk.set_follow_up(given, SECRETS["feedback follow-up"])
    asked = desk.add_feedback(ada, FeedbackDirection.SOLICITED, SECRETS["solicited feedback"])
    desk.answer_solicitation(asked, SECRETS["feedback answer"])
    desk.add_feedback(ada, FeedbackDirection.SOLICITED, SECRETS["open request for feedback"])
    delegation = desk.add_delegation(
        ada, "Zq hiring budget", 3, involve_me_when=SHARED["involve me when"]
    )
    factor = desk.add_success_factor(delegation, "Offers accepted", "Zq-old-definition")
    desk.calibrate_success_factor(
        factor,
        SECRETS["calibration reason"],
        Proposer.BOTH,
        definition=SHARED["success factor definition"],
    )
    desk.add_topic(ada, "Zq-shared-agenda-topic")
    checkpoint = desk.delegation(delegation).next_checkpoint
    assert checkpoint is not None
    desk.complete_checkpoint(
        checkpoint.id,
        CheckpointOutcome.CONCERNS,
        SECRETS["checkpoint note"],
        SECRETS["checkpoint evidence"],
    )
    desk.change_level(delegation, 5, SECRETS["level change reason"])
    promise = desk.add_promise(
        ada, PromiseDirection.THEIRS, SHARED["open promise"], due_on=today + timedelta(days=9)
    )
    desk.renegotiate_promise(
        promise, today + timedelta(days=20), note=SECRETS["promise state note"]
    )
    return {"ada": ada, "bob": bob}


@pytest.fixture
def window(desk: Desk, qtbot) -> Iterator[MainWindow]:
    main = open_main_window(desk, qtbot)
    main.resize(1400, 900)
    # 1:1s left open by the walk: closing the window would ask whether to save them.
    main.view("one_on_one").guard.confirm = lambda _names: QMessageBox.StandardButton.Discard
    yield main


@dataclass
class Seen:
    """What the walk read: which private and shared things showed, and in which state."""

    states: set[str] = field(default_factory=set)
    found: dict[str, set[str]] = field(default_factory=dict)  # what → states it showed in

    def add(self, state: str, root: QWidget | None = None) -> None:
        text = "\n".join(visible_texts(root)) if root is not None else screen_text()
        self.states.add(state)

        names = [name for name, secret in (SECRETS | SHARED).items() if secret in text]
        names += [name for name, rx in PATTERNS.items() if rx.search(text)]
        for name in names:
            self.found.setdefault(name, set()).add(state)

    def leaks(self) -> dict[str, list[str]]:
        """Every private thing found, with (a few of) the states it showed in."""
        private = set(SECRETS) | set(PATTERNS)
        leaks = {}
        for name, states in self.found.items():
            if name in AGENDA_ONLY:
                states = {s for s in states if "1:1 mode" not in s}
            if name in private and states:
                leaks[name] = sorted(states)[:3]
        return leaks


def _settle(qtbot, window: MainWindow) -> None:
    view = window.stack.currentWidget()
    qtbot.waitUntil(lambda: not getattr(view, "loading", False))
    QApplication.processEvents()


def _item_views(root: QWidget) -> list[QAbstractItemView]:
    return [v for v in root.findChildren(QAbstractItemView) if v.isVisible() and v.model()]


def _select_each_row(qtbot, window: MainWindow, seen: Seen, state: str) -> None:
    """Select every row of every visible list (detail panes show what is selected)."""
    screen = window.stack.currentWidget()
    for view in _item_views(screen):
        model = view.model()
        selection = view.selectionModel()
        if selection is None:
            continue
        for row in range(min(model.rowCount(), ROWS)):
            selection.setCurrentIndex(
                model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            QApplication.processEvents()
            seen.add(f"{state} / {view.objectName()}", screen)


def _modal(qtbot, open_it: Callable[[], None], state: str, seen: Seen) -> QDialog | None:
    """Open a modal dialog through its action, read the screen, close it."""
    opened: list[QDialog] = []

    def read(dialog: QWidget) -> None:
        seen.add(state)
        if isinstance(dialog, QDialog):
            opened.append(dialog)
            dialog.reject()
        else:
            dialog.close()

    on_modal(read)
    open_it()
    qtbot.waitUntil(lambda: bool(opened) or state in seen.states)
    return opened[0] if opened else None


def walk(window: MainWindow, world: dict[str, int], qtbot, desk: Desk) -> Seen:
    """Every sidebar screen, every tab of every person (every row selected), 1:1 mode for
    everyone, the export dialog, quick capture, the person picker, the trust explainer."""
    seen = Seen()
    for i, name in enumerate(SIDEBAR):
        window.view_actions[i].trigger()
        _settle(qtbot, window)
        seen.add(name)
        _select_each_row(qtbot, window, seen, name)
    for person in desk.people():
        for tab in TABS:
            window.show_view("person", PersonTarget(person.id, tab))
            _settle(qtbot, window)
            page = window.view("person")
            qtbot.waitUntil(lambda p=page: not getattr(p, "loading", False))
            state = f"{person.name} / {tab}"
            seen.add(state)
            _select_each_row(qtbot, window, seen, state)
        button = window.view("person").header.buttons["startOneOnOne"]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.view("one_on_one"))
        _settle(qtbot, window)
        seen.add(f"{person.name} / 1:1 mode")
        _select_each_row(qtbot, window, seen, f"{person.name} / 1:1 mode")
        window.show_view("person", PersonTarget(person.id, "overview"))
        _settle(qtbot, window)
        dialog = _modal(qtbot, window.exports.person_pdf.trigger, f"{person.name} / export", seen)
        assert dialog is not None
        if window.ctx.presenter:
            assert dialog.shareable.isChecked() and not dialog.private.isEnabled()
    _modal(qtbot, window.capture_action.trigger, "quick capture", seen)
    # Start 1:1 from a screen without a person asks for one (the picker lists everyone).
    _modal(qtbot, lambda: pick_person(window.ctx, window, "Start a 1:1 with…"), "picker", seen)
    return seen


def test_presenter_walk_finds_no_private_text(
    window: MainWindow, world: dict[str, int], qtbot, desk: Desk
) -> None:
    off = walk(window, world, qtbot, desk)

    missing = sorted((set(SECRETS) | set(PATTERNS) | set(SHARED)) - set(off.found))
    assert missing == [], "the walker cannot see these even with presenter mode off"

    window.presenter_action.trigger()
    assert window.ctx.presenter
    on = walk(window, world, qtbot, desk)
    assert window.banner.isVisible()
    assert on.leaks() == {}, sorted(on.leaks())
    assert sorted(set(SHARED) - set(on.found)) == []  # the shareable agreement still shows


def test_leaving_presenter_mode_shows_private_fields_again_in_place(
    window: MainWindow, world: dict[str, int], qtbot
) -> None:
    window.show_view("person", PersonTarget(world["ada"], "relationship"))
    _settle(qtbot, window)
    assert SECRETS["relationship note"] in screen_text()
    qtbot.keyClick(
        window,
        Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.ctx.presenter
    assert SECRETS["relationship note"] not in screen_text()
    window.presenter_action.trigger()
    qtbot.waitUntil(lambda: SECRETS["relationship note"] in screen_text())
    window.view_actions[0].trigger()
    _settle(qtbot, window)
    window.presenter_action.trigger()
    assert SECRETS["this week's reflection"] not in screen_text()
    window.presenter_action.trigger()
    qtbot.waitUntil(lambda: SECRETS["this week's reflection"] in screen_text())
