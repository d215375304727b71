"""Every action of the main window, triggered as Qt triggers it — `action.trigger()` and its key
sequence — from every screen, with what the user then sees; and a census that fails when an
action anywhere in the window has no row in a table here or in test_every_view_action.py."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from helpers.qt import open_main_window
from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolBar,
    QWidget,
)

from leaddesk.domain.feedback import FeedbackDirection
from leaddesk.domain.levels import DelegationState
from leaddesk.services.desk import Desk
from leaddesk.ui.common.navigation import TAB_FOR_KIND, TABS
from leaddesk.ui.main_window import SIDEBAR, MainWindow
from leaddesk.ui.person.tabs.delegations_tab import DelegationsTab
from leaddesk.ui.person.tabs.trust_chart import TrustChart

SCREENS = (*SIDEBAR, "person", "one_on_one")
Button = QMessageBox.StandardButton
# A drop-down's popup grabs the keyboard: the offscreen platform cannot, and says so.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard")


@pytest.fixture
def world(desk: Desk) -> dict[str, int]:
    from leaddesk.demo import build_demo

    build_demo(desk, people=3, years=1, seed=3)
    ada = desk.direct_reports()[0].id
    old = desk.add_delegation(ada, "Old on-call rota", 3)  # Reactivate needs a withdrawn one
    desk.set_delegation_state(old, DelegationState.WITHDRAWN)
    desk.add_feedback(ada, FeedbackDirection.SOLICITED, "How did the demo land?")  # Answer…
    return {"ada": ada}


@pytest.fixture
def window(desk: Desk, world, qtbot) -> Iterator[MainWindow]:
    main = open_main_window(desk, qtbot)
    asked: list[str] = []  # pytest-qt closes the window before this fixture ends: a 1:1 an
    # action left unsaved would ask, and nobody would answer (each row ends what it starts)
    main.view("one_on_one").guard.confirm = lambda names: asked.append(names) or Button.Discard
    yield main
    assert asked == [], "an action left a 1:1 unsaved"


def _end_one_on_one(window: MainWindow) -> None:
    [end] = [a for a in window.view("one_on_one").actions() if a.text() == "End 1:1"]
    end.trigger()


# -- what the user sees ----------------------------------------------------------------------
_WATCHING: list[Seen] = []


@pytest.fixture(autouse=True)
def stop_watching() -> Iterator[None]:
    """A failed test's watcher must not answer the next test's dialogs."""
    yield
    while _WATCHING:
        _WATCHING.pop().stop()


@dataclass
class Seen:
    """Modal dialogs that opened (each answered: a save dialog with a path, others with Esc)."""

    save_to: Path
    modals: list[str] = field(default_factory=list)
    timer: QTimer = field(default_factory=QTimer)
    pick: Callable[[QMenu], QAction | None] | None = None  # the entry a drop-down's user clicks
    reason: str = ""  # typed into a dialog that asks why (then OK), instead of Esc

    def start(self) -> Seen:
        _WATCHING.append(self)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._check)
        self.timer.start()
        return self

    def _check(self) -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):  # a drop-down menu: seen, and closed as Esc does
            self.modals.append(f"menu:{popup.objectName() or type(popup).__name__}")
            entry = self.pick(popup) if self.pick is not None else None
            if entry is None:
                popup.close()
            else:  # or an entry clicked, as the user picks one
                self.pick = None
                click = popup.actionGeometry(entry).center()
                # Clicked after this check returns: the dialog the entry opens must still be
                # answered by this (non-reentrant) timer.
                QTimer.singleShot(
                    0, lambda: QTest.mouseClick(popup, Qt.MouseButton.LeftButton, pos=click)
                )
            return
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, QDialog) or widget.property("answered"):
            return
        widget.setProperty("answered", True)
        self.modals.append(widget.objectName() or type(widget).__name__)
        name = widget.findChild(QLineEdit, "fileNameEdit")
        if isinstance(widget, QFileDialog) and widget.acceptMode() == QFileDialog.AcceptSave:
            assert name is not None
            name.setText(str(self.save_to / f"out{len(self.modals)}"))
            widget.accept()
        elif self.reason and isinstance(why := widget.findChild(QPlainTextEdit), QPlainTextEdit):
            why.setPlainText(self.reason)
            widget.accept()
        else:
            widget.reject()  # what Esc does

    def stop(self) -> list[str]:
        self.timer.stop()
        return self.modals


@dataclass
class Trial:
    """One firing of an action: where, and what opened."""

    window: MainWindow
    qtbot: object
    screen: str
    seen: Seen
    before: object = None  # what an action that moves something started from

    def modals(self, count: int) -> list[str]:
        """The first `count` modal dialogs, once that many have opened."""
        self.qtbot.waitUntil(lambda: len(self.seen.modals) >= count, timeout=20_000)  # type: ignore[attr-defined]
        return self.seen.stop()[:count]


def visit(window: MainWindow, qtbot, screen: str, person: int) -> None:
    """Reach a screen as the user does: sidebar actions, People → Enter, person page → Start 1:1."""
    if screen in SIDEBAR:
        window.view_actions[SIDEBAR.index(screen)].trigger()
    else:
        window.view_actions[SIDEBAR.index("people")].trigger()
        people = window.view("people")
        people.set_argument(person)  # what Ctrl+F then typing the name selects
        people.open_action.trigger()
        if screen == "one_on_one":
            window.view("person").one_on_one_action.trigger()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.view(screen))


def fire_keys(window: MainWindow, qtbot, action: QAction) -> None:
    """Press the action's first key sequence where the focus is, as a user would."""
    combo = action.shortcuts()[0][0]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())


# -- expected effects ------------------------------------------------------------------------
def shows(name: str) -> Callable[[Trial], None]:
    def check(t: Trial) -> None:
        assert t.window.stack.currentWidget() is t.window.view(name)

    return check


def opens(*names: str) -> Callable[[Trial], None]:
    def check(t: Trial) -> None:
        assert t.modals(len(names)) == list(names)

    return check


def finds(t: Trial) -> None:
    people = t.window.view("people")
    assert t.window.stack.currentWidget() is people
    assert people.search.hasFocus()


def presents(t: Trial) -> None:
    assert t.window.ctx.presenter and t.window.banner.isVisible()
    t.window.presenter_action.trigger()  # and off again, by the same action
    assert not t.window.ctx.presenter and not t.window.banner.isVisible()


def locks(t: Trial) -> None:
    window = t.window
    assert window.ctx.desk.locked and window.lock_overlay.isVisible()
    assert not window.central.isVisible()
    button = window.lock_overlay.findChild(QPushButton, "unlockButton")
    t.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    assert not window.ctx.desk.locked and window.central.isVisible()


def backs_up(t: Trial) -> None:
    bar = t.window.statusBar()
    t.qtbot.waitUntil(lambda: bar.currentMessage().startswith("Backed up to"), timeout=20_000)  # type: ignore[attr-defined]
    assert Path(bar.currentMessage().removeprefix("Backed up to ")).is_file()


def starts_one_on_one(t: Trial) -> None:
    if t.screen == "person":  # with the person on screen
        t.qtbot.waitUntil(lambda: t.window.stack.currentWidget() is t.window.view("one_on_one"))  # type: ignore[attr-defined]
    else:  # or asks whom; Esc stays where it was
        opens("personPicker")(t)
        shows(t.screen)(t)


def writes_file(suffix: str) -> Callable[[Trial], None]:
    """A save dialog asks where (answered with a name), the file is written, a box says so."""

    def check(t: Trial) -> None:
        assert t.modals(2) == ["QFileDialog", "exportSaved"]
        written = t.seen.save_to / f"out1{suffix}"
        assert written.is_file() and written.stat().st_size > 0

    return check


# Every action of the window, by its text: what the user sees when it fires.
WINDOW_ACTIONS: dict[str, Callable[[Trial], None]] = {
    "Quick capture…": opens("quickCaptureDialog"),
    "Start 1:1…": starts_one_on_one,
    "Presenter mode": presents,
    "Back up now": backs_up,
    "Lock": locks,
    "Find person…": finds,
    "Search…": opens("searchDialog"),
    **{
        VIEW_LABEL: shows(name)
        for name, VIEW_LABEL in zip(
            SIDEBAR,
            ("This week", "People", "Delegation board", "Reflections", "Settings"),
            strict=True,
        )
    },
    "About LeadDesk": opens("aboutDialog"),
    "How is trust computed?": opens("trustExplanation"),
    "Export one-pager…": opens("exportPersonDialog"),
    "Export team one-pager…": writes_file(".pdf"),
    "Export all data (JSON)…": opens("jsonWarning"),
    "Export calendar (ICS)…": opens("calendarExportDialog"),  # choices, then the save dialog
    "Import roster (CSV)…": opens("QFileDialog"),
    "Import all data into a new store (JSON)…": opens("QFileDialog"),
}
# Tested on their own below: Undo needs a deletion first, Quit ends the window.
WINDOW_ELSEWHERE = ("Undo delete", "Quit")


def _label(action: QAction) -> str:
    return action.text().replace("&", "")


def _window_action(window: MainWindow, label: str) -> QAction:
    [action] = [a for a in window.actions() if _label(a) == label]
    return action


@pytest.mark.parametrize("way", ["trigger", "keys"])
@pytest.mark.parametrize("label", sorted(WINDOW_ACTIONS))
def test_window_action_from_every_screen(
    window: MainWindow, world, qtbot, tmp_path: Path, label: str, way: str
) -> None:
    action = _window_action(window, label)
    if way == "keys" and not action.shortcuts():
        pytest.skip("no key sequence")
    for screen in SCREENS:
        visit(window, qtbot, screen, world["ada"])
        assert action.isEnabled(), screen
        folder = tmp_path / screen
        folder.mkdir()
        seen = Seen(folder).start()
        if way == "trigger":
            action.trigger()
        else:
            fire_keys(window, qtbot, action)
        WINDOW_ACTIONS[label](Trial(window, qtbot, screen, seen))
        seen.stop()


@pytest.mark.parametrize("way", ["trigger", "keys"])
def test_undo_from_every_screen_brings_back_what_was_deleted(
    window: MainWindow, world, desk: Desk, qtbot, way: str
) -> None:
    undo = window.undo_action
    assert not undo.isEnabled()  # nothing to undo yet: greyed out everywhere
    for screen in SCREENS:
        temp = desk.add_person(f"Temp {screen}")
        visit(window, qtbot, "people", world["ada"])
        people = window.view("people")
        people.set_argument(temp)
        people.delete_action.trigger()
        assert temp not in {p.id for p in desk.people()}
        visit(window, qtbot, screen, world["ada"])
        assert undo.isEnabled(), screen
        if way == "trigger":
            undo.trigger()
        else:
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
            window.setFocus()  # Ctrl+Z in a text box undoes typing there: not this test
            qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert temp in {p.id for p in desk.people()}, screen
        assert window.statusBar().currentMessage().startswith("Restored person"), screen
        assert not undo.isEnabled()


@pytest.mark.parametrize("screen", SCREENS)
def test_quit_from_every_screen_closes_the_window(
    window: MainWindow, world, qtbot, screen: str
) -> None:
    visit(window, qtbot, screen, world["ada"])
    _window_action(window, "Quit").trigger()
    assert not window.isVisible()


# -- the census: every action in the window has a row ----------------------------------------
def _owner(action: QObject) -> str:
    """The LeadDesk class an action (or shortcut) belongs to: its nearest such ancestor."""
    parent = action.parent()
    while parent is not None:
        module = type(parent).__module__
        if module.startswith(("leaddesk.", "pyqtgraph")):
            return type(parent).__name__ if module.startswith("leaddesk.") else "pyqtgraph"
        parent = parent.parent()
    return "?"


def _qt_own(action: QAction) -> bool:
    """Actions Qt or a library makes for itself: a menu's own entry, a toolbar's toggle, a line
    edit's clear button or icon, pyqtgraph's (disabled) plot menus."""
    parent = action.parent()
    return (
        (isinstance(parent, QMenu) and action is parent.menuAction())
        or (isinstance(parent, QToolBar) and action is parent.toggleViewAction())
        or action.objectName().startswith("_q_")
        or action.isSeparator()
        or (not action.text() and not action.shortcuts())  # nothing to see or press
        or _owner(action) == "pyqtgraph"
    )


def census(window: MainWindow) -> set[str]:
    """'Owner:text' of every action and 'Owner:keys' of every bare shortcut now in the window."""
    found = {f"{_owner(a)}:{_label(a)}" for a in window.findChildren(QAction) if not _qt_own(a)}
    found |= {f"{_owner(s)}:{s.key().toString()}" for s in window.findChildren(QShortcut)}
    return found


def test_every_action_in_the_window_has_a_row_in_a_table(window: MainWindow, world, qtbot) -> None:
    """A new action fails here until a row says how it is reached and what it does."""
    for screen in SCREENS:
        visit(window, qtbot, screen, world["ada"])
    person = window.view("person")
    for index in range(len(TABS)):
        person.tabs.setCurrentIndex(index)
    known = {f"MainWindow:{label}" for label in (*WINDOW_ACTIONS, *WINDOW_ELSEWHERE)}
    known |= set(VIEW_ACTIONS)
    assert sorted(census(window) - known) == []
    assert known - census(window) == set(), "rows for actions that no longer exist"


# -- every action of every view ---------------------------------------------------------------
def opens_one(t: Trial) -> None:
    """A dialog (or a drop-down menu) opened, and Esc closed it."""
    assert len(t.modals(1)) == 1


def deletes(t: Trial) -> None:
    bar = t.window.statusBar()
    assert bar.currentMessage().startswith("Deleted"), bar.currentMessage()
    assert t.window.undo_action.isEnabled()


def writes(t: Trial) -> None:
    assert t.seen.modals == [] and t.before, "nothing was written"


def focuses(name: str) -> Callable[[Trial], None]:
    def check(t: Trial) -> None:
        focus = QApplication.focusWidget()
        assert focus is not None and focus.objectName() == name, focus

    return check


def moves_chart(t: Trial) -> None:
    assert t.before is not None and t.before != _chart(t.window).visible_x_range()


def _chart(window: MainWindow) -> TrustChart:
    chart = window.view("person").findChild(TrustChart)
    assert chart is not None
    return chart


def sets_energy(value: int) -> Callable[[Trial], None]:
    """The energy shows, and End 1:1 (the user's next step) saves it with the 1:1."""

    def check(t: Trial) -> None:
        view = t.window.view("one_on_one")
        assert view.energy.value() == value
        person = view.person_id
        _end_one_on_one(t.window)
        latest = t.window.ctx.desk.one_on_ones(person)[0]
        assert latest.energy == value and not view.sessions

    return check


def _delegations(window: MainWindow) -> DelegationsTab:
    tab = window.view("person").findChild(DelegationsTab)
    assert tab is not None
    return tab


@dataclass(frozen=True)
class Chooses:
    """A drop-down: its popup opens, the user clicks the first entry they may pick (a level
    says why in the dialog that asks), and the selected delegation changes in the store."""

    field: str  # the delegation's attribute the drop-down sets

    def prepare(self, t: Trial) -> None:
        d = _delegations(t.window).current()
        assert d is not None
        t.before = (d.id, getattr(d, self.field))
        t.seen.reason = "Agreed in our 1:1"
        t.seen.pick = lambda menu: next(
            (a for a in menu.actions() if a.isEnabled() and not a.isSeparator()), None
        )

    def __call__(self, t: Trial) -> None:
        assert [m for m in t.seen.modals if m.startswith("menu:")], "no drop-down opened"
        ident, old = t.before  # type: ignore[misc]
        assert getattr(t.window.ctx.desk.delegation(ident), self.field) != old


class DeletesPerson:
    """Delete on someone without reports (a manager is refused): they are gone, Undo offered."""

    def prepare(self, t: Trial) -> None:
        people = t.window.view("people")
        managers = {p.reports_to_id for p in t.window.ctx.desk.people()}
        tree = people.tree
        tree.expandAll()
        index = tree.model().index(0, 0)
        while index.isValid():  # row by row, as the user looks for someone without reports
            rect = tree.visualRect(index)
            t.qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # type: ignore[attr-defined]
            if people.current_id() not in managers:
                break
            index = tree.indexBelow(index)
        t.before = people.current_id()
        assert t.before is not None and t.before not in managers

    def __call__(self, t: Trial) -> None:
        deletes(t)
        assert t.before not in {p.id for p in t.window.ctx.desk.people()}


def clears_search(t: Trial) -> None:
    timeline = t.window.view("person").findChild(QLineEdit, "timelineSearch")
    assert timeline is not None and timeline.text() == ""


class OpensEntry:
    """Open on a timeline entry (not a month's heading): the page moves to the tab where the
    entry lives."""

    def prepare(self, t: Trial) -> None:
        [action] = _targets(t.window, "TimelineTab:Open")
        view = action.parent()
        assert isinstance(view, QAbstractItemView)
        model = view.model()
        entry = model.index(0, 0, model.index(0, 0))  # the newest entry of the newest month
        view.scrollTo(entry)
        t.qtbot.mouseClick(  # type: ignore[attr-defined]
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(entry).center()
        )
        found = model.entry(entry)  # type: ignore[attr-defined]
        assert found is not None
        t.before = TAB_FOR_KIND.get(found.kind, "overview")

    def __call__(self, t: Trial) -> None:
        assert t.seen.modals == []
        assert t.window.view("person").tabs.currentIndex() == TABS.index(t.before)  # type: ignore[arg-type]


def opens_or_moves(t: Trial) -> None:
    """Enter on a record: its dialog opens, or the page moves to where it is fixed."""
    if not t.seen.modals:
        assert t.window.view("person").tabs.currentIndex() != TABS.index("timeline")


PERSON_TABS = tuple(f"person/{tab}" for tab in TABS)
# 'Owner:text' (or 'Owner:keys' for a bare shortcut) -> (screens where it is enabled, effect)
VIEW_ACTIONS: dict[str, tuple[tuple[str, ...], Callable[[Trial], None]]] = {
    "PeopleView:Add person…": (("people",), opens("personDialog")),
    "PeopleView:Add skip-level…": (("people",), opens("personDialog")),
    "PeopleView:Edit…": (("people",), opens("personDialog")),
    "PeopleView:Archive": (("people",), opens("QMessageBox")),
    "PeopleView:Delete": (("people",), DeletesPerson()),
    "PeopleView:Open": (("people",), shows("person")),
    "PersonView:Edit person…": (PERSON_TABS, opens("personDialog")),
    "PersonView:Archive…": (PERSON_TABS, opens("archiveConfirm")),
    "PersonView:Start 1:1": (PERSON_TABS, shows("one_on_one")),
    "PersonView:Export one-pager…": (PERSON_TABS, opens("exportPersonDialog")),
    "PersonView:Record trust assessment…": (PERSON_TABS, opens("assessmentDialog")),
    "OverviewTab:Record trust assessment…": (("person/overview",), opens("assessmentDialog")),
    "OverviewTab:Add skip-level…": (("person/overview",), opens("personDialog")),
    "OverviewTab:Delete assessment": (("person/overview",), deletes),
    **{
        f"TrustChart:{text}": (("person/overview",), moves_chart)
        for text in ("12 months", "Earlier", "Later", "Fit", "Zoom in", "Zoom out")
    },
    "DelegationsTab:New delegation…": (("person/delegations",), opens("delegationDialog")),
    "DelegationsTab:Edit…": (("person/delegations",), opens("delegationDialog")),
    "DelegationsTab:My level ▾": (("person/delegations",), Chooses("my_level")),
    "DelegationsTab:Their level ▾": (("person/delegations",), Chooses("their_level")),
    "DelegationsTab:Target ▾": (("person/delegations",), Chooses("target_level")),
    "DelegationsTab:State ▾": (("person/delegations",), Chooses("state")),
    "DelegationsTab:Mark completed": (("person/delegations",), writes),
    "DelegationsTab:Withdraw": (("person/delegations",), writes),
    "DelegationsTab:Reactivate": (("person/delegations",), writes),
    "DelegationsTab:Delete": (("person/delegations",), deletes),
    "DelegationsTab:Add…": (("person/delegations",), opens("successFactorDialog")),
    "DelegationsTab:Calibrate…": (("person/delegations",), opens("calibrationDialog")),
    "DelegationsTab:Plan…": (("person/delegations",), opens("checkpointDialog")),
    "DelegationsTab:Complete…": (("person/delegations",), opens("checkpointDialog")),
    "DelegationsTab:Reschedule…": (("person/delegations",), opens_one),
    "DelegationDetail:Delete": (("person/delegations",), deletes),
    "TermsPanel:Del": (("person/delegations",), deletes),
    "PromisesTab:New promise…": (("person/promises",), opens("promiseDialog")),
    "PromisesTab:Keep": (("person/promises",), writes),
    "PromisesTab:Break…": (("person/promises",), opens_one),
    "PromisesTab:Renegotiate…": (("person/promises",), opens("renegotiateDialog")),
    "PromisesTab:Release…": (("person/promises",), opens_one),
    "PromisesTab:Edit…": (("person/promises",), opens("promiseDialog")),
    "PromisesTab:Delete": (("person/promises",), deletes),
    "RelationshipTab:Start 1:1": (("person/relationship",), shows("one_on_one")),
    "RelationshipTab:Type a topic": (("person/relationship",), focuses("topicEdit")),
    "RelationshipTab:Add note…": (("person/relationship",), opens("noteDialog")),
    "RelationshipTab:Edit…": (("person/relationship",), opens_one),
    "RelationshipTab:Delete": (("person/relationship",), deletes),
    "RelationshipTab:Delete 1:1": (("person/relationship",), deletes),
    "RelationshipTab:Delete topic": (("person/relationship",), deletes),
    "FeedbackTab:Give feedback…": (("person/feedback",), opens("feedbackDialog")),
    "FeedbackTab:Record received…": (("person/feedback",), opens("feedbackDialog")),
    "FeedbackTab:Ask for feedback…": (("person/feedback",), opens("feedbackDialog")),
    "FeedbackTab:Answer…": (("person/feedback",), opens("answerDialog")),
    "FeedbackTab:Follow-up…": (("person/feedback",), opens("followUpDialog")),
    "FeedbackTab:Delete": (("person/feedback",), deletes),
    "FeedbackTab:Open": (("person/feedback",), opens_one),
    "TimelineTab:Open": (("person/timeline",), OpensEntry()),
    "TimelineTab:Clear filter": (("person/timeline",), clears_search),
    "OneOnOneView:End 1:1": (("one_on_one",), writes),
    "OneOnOneView:New topic": (("one_on_one",), focuses("newTopic")),
    "OneOnOneView:New promise": (("one_on_one",), focuses("promiseText")),
    "OneOnOneView:Feedback": (("one_on_one",), focuses("feedbackText")),
    **{f"OneOnOneView:Energy {n}": (("one_on_one",), sets_energy(n)) for n in range(1, 6)},
    "AttentionTree:Open where it lives": (("week",), opens_or_moves),
    "AttentionTree:Mark kept": (("week",), writes),
    "AttentionTree:Complete checkpoint…": (("week",), opens("checkpointDialog")),
    "AttentionTree:Start 1:1": (("week",), shows("one_on_one")),
    "AttentionTree:Undo keep (Ctrl+Z)": (("week",), writes),
}


def _targets(window: MainWindow, key: str) -> list[QAction | QShortcut]:
    actions: list[QAction | QShortcut] = [
        a for a in window.findChildren(QAction) if f"{_owner(a)}:{_label(a)}" == key
    ]
    actions += [
        s for s in window.findChildren(QShortcut) if f"{_owner(s)}:{s.key().toString()}" == key
    ]
    return actions


def _scope(target: QObject) -> QWidget:
    """The widget the action lives in (an item view for a row's action, else its tab/view)."""
    parent = target.parent()
    while not isinstance(parent, QWidget) or isinstance(parent, QMenu):
        assert parent is not None
        parent = parent.parent()
    return parent


def _ready(qtbot, target: QAction | QShortcut) -> QWidget:
    """Click rows (as the user picks one) until the action is enabled; return what has focus."""
    scope = _scope(target)
    views = [scope] if isinstance(scope, QAbstractItemView) else []
    views += [
        v
        for v in scope.findChildren(QAbstractItemView)
        if v.isVisible() and not isinstance(v, QHeaderView)
    ]
    for view in views:
        model = view.model()
        for row in range(min(model.rowCount(), 40) if model is not None else 0):
            index = model.index(row, 0)
            view.scrollTo(index)
            qtbot.mouseClick(
                view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
            )
            if target.isEnabled() and (view is scope or not isinstance(scope, QAbstractItemView)):
                return view
    assert target.isEnabled(), "no row makes it enabled"
    focusable = [
        w
        for w in (scope, *scope.findChildren(QWidget))
        if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus
    ]
    focusable[0].setFocus()
    return focusable[0]


def _go(window: MainWindow, qtbot, place: str, person: int) -> None:
    screen, _, tab = place.partition("/")
    visit(window, qtbot, screen, person)
    if tab:
        tabs = window.view("person").tabs
        bar = tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(TABS.index(tab)).center())
        assert tabs.currentIndex() == TABS.index(tab)


# Rows whose driving is not finished (see the report): the census still holds them.
NOT_YET_DRIVEN = {
    # Needs attention's fixes act on an item inside a group, which the generic row-clicker does
    # not reach: tests/ui/week/test_attention_panel.py drives each by its key (K, C, Enter,
    # Ctrl+Z), its row button and the real context menu.
    "AttentionTree:Open where it lives",
    "AttentionTree:Mark kept",
    "AttentionTree:Complete checkpoint…",
    "AttentionTree:Start 1:1",
    "AttentionTree:Undo keep (Ctrl+Z)",
}


@pytest.mark.parametrize("way", ["trigger", "keys"])
@pytest.mark.parametrize("key", sorted(VIEW_ACTIONS))
def test_view_action_where_it_is_enabled(
    window: MainWindow, world, qtbot, tmp_path: Path, key: str, way: str
) -> None:
    if key in NOT_YET_DRIVEN:
        pytest.skip("driven in tests/ui/week/test_attention_panel.py")
    where, effect = VIEW_ACTIONS[key]
    count: int | None = None  # e.g. two "Edit…" on the relationship tab: each is tried
    for place in where:
        _go(window, qtbot, place, world["ada"])
        count = len(_targets(window, key)) if count is None else count
        for index in range(count):
            _go(window, qtbot, place, world["ada"])
            target = _targets(window, key)[index]
            keys = target.shortcuts() if isinstance(target, QAction) else [target.key()]
            if way == "keys" and not keys:
                pytest.skip("no key sequence")
            if way == "trigger" and isinstance(target, QShortcut):
                pytest.skip("a bare shortcut has only its keys")
            focus = _ready(qtbot, target)
            written: list[object] = []
            window.ctx.changed.connect(written.append)
            if key in ("TrustChart:12 months", "TrustChart:Later"):
                [earlier] = _targets(window, "TrustChart:Earlier")
                earlier.trigger()  # the default view is the latest year: go back first
            before = _chart(window).visible_x_range() if key.startswith("TrustChart") else written
            seen = Seen(tmp_path).start()
            trial = Trial(window, qtbot, place, seen, before)
            prepare = getattr(effect, "prepare", None)
            if prepare is not None:  # e.g. which entry of a drop-down the user will click
                prepare(trial)
            if way == "trigger":
                assert isinstance(target, QAction)
                target.trigger()
            else:
                window.activateWindow()
                qtbot.waitUntil(window.isActiveWindow)
                focus.setFocus()  # where the user's click left it
                combo = keys[0][0]
                qtbot.keyClick(QApplication.focusWidget(), combo.key(), combo.keyboardModifiers())
            effect(trial)
            seen.stop()
            window.ctx.changed.disconnect(written.append)
