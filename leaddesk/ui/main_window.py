"""The main window: navigation, toolbar, menus, status bar with Undo, presenter banner."""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from leaddesk.security.lock import IdleLock
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.desk import Desk
from leaddesk.ui.common.action_slots import on_triggered
from leaddesk.ui.common.appearance import notifier as appearance_notifier
from leaddesk.ui.common.base_view import BaseView
from leaddesk.ui.common.presenter import PresenterBanner
from leaddesk.ui.context import AppContext
from leaddesk.ui.exports.export_menu import ExportActions
from leaddesk.ui.shell import window_backups
from leaddesk.ui.shell.lock_overlay import IdleWatcher
from leaddesk.ui.shell.quitting import quit_for_good
from leaddesk.ui.shell.window_lock import WindowLock
from leaddesk.ui.theme import icon

# name: (class in ui/<name>/<name>_view.py, label, icon, shortcut); the first five: the sidebar.
VIEWS: dict[str, tuple[str, str, str, str]] = {
    "week": ("WeekView", "This week", "week", "Alt+1"),
    "people": ("PeopleView", "People", "people", "Alt+2"),
    "board": ("BoardView", "Delegation board", "board", "Alt+3"),
    "reflections": ("ReflectionsView", "Reflections", "reflections", "Alt+4"),
    "settings": ("SettingsView", "Settings", "settings", "Alt+5"),
    "person": ("PersonView", "Person", "people", ""),
    "one_on_one": ("OneOnOneView", "1:1", "one-on-one", ""),
}
SIDEBAR = ("week", "people", "board", "reflections", "settings")
BACKUP_CHECK_MS = 60 * 60 * 1000  # how often an open window checks whether a backup is due


class MainWindow(QMainWindow):
    """The LeadDesk window."""

    def __init__(self, desk: Desk, demo: bool = False) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = AppContext(desk, self)
        self.demo = demo
        # Qt adds the application name ("… — LeadDesk") itself.
        self.setWindowTitle("Demo data (throwaway)" if demo else "")
        self._views: dict[str, BaseView] = {}
        self._current = ""
        self._build()
        self.ctx.navigate.connect(self.show_view)
        self.ctx.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.ctx.undo_available.connect(self._on_undo_available)
        self.ctx.presenter_changed.connect(self._on_presenter)
        self.ctx.changed.connect(self._on_change)
        appearance_notifier().changed.connect(self._on_scheme)
        self.idle = IdleLock(desk.settings().auto_lock_minutes)
        self.window_lock = WindowLock(
            self, self.ctx, self.idle, self.central, lambda: self._views.values()
        )
        self.lock_overlay = self.window_lock.overlay
        self.idle_watcher = IdleWatcher(self.idle, self.window_lock.lock_when_idle, self)
        self._restore()
        self.backup_timer = QTimer(self)  # the daily backup also for a window left open for days
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.backup_if_due)
        if not demo:
            self.backup_timer.start()

    # -- construction ------------------------------------------------------------------------
    def _build(self) -> None:
        central = self.central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner = PresenterBanner()
        outer.addWidget(self.banner)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(body, 1)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName("Navigation")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setFixedWidth(190)
        self.sidebar.ensurePolished()  # items measured with the style sheet's padding
        for name in SIDEBAR:
            _cls, label, icon_name, shortcut = VIEWS[name]
            item = QListWidgetItem(icon(icon_name), label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(f"{label} ({shortcut})")
            self.sidebar.addItem(item)
        self.sidebar.currentItemChanged.connect(self._on_sidebar)
        self.sidebar.itemClicked.connect(self._on_sidebar)  # People, from a person page
        body.addWidget(self.sidebar)
        self.stack = QStackedWidget()
        self.stack.setObjectName("viewStack")
        body.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self._build_status()

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        icon_name: str = "",
        tip: str = "",
    ) -> QAction:
        action = QAction(icon(icon_name) if icon_name else QIcon(), text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setToolTip(
            f"{tip or text.replace('&', '')}"
            + (f" ({QKeySequence(shortcut).toString()})" if shortcut else "")
        )
        action.setStatusTip(tip or text.replace("&", ""))
        on_triggered(action, slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.capture_action = self._action(
            "&Quick capture…",
            self.quick_capture,
            "Ctrl+N",
            "capture",
            "Capture a promise, feedback, note or checkpoint result",
        )
        self.one_on_one_action = self._action(
            "Start &1:1…",
            self.start_one_on_one,
            "Ctrl+1",
            "one-on-one",
            "Open 1:1 mode with a person",
        )
        self.presenter_action = self._action(
            "&Presenter mode",
            self.ctx.set_presenter,
            "Ctrl+Shift+P",
            "presenter",
            "Hide private notes and scores for screen sharing",
        )
        self.presenter_action.setCheckable(True)
        self.undo_action = self._action(
            "&Undo delete", self.ctx.undo, QKeySequence.StandardKey.Undo, "undo"
        )
        self.undo_action.setEnabled(False)
        self.backup_action = self._action(
            "&Back up now", self.backup_now, None, "archive", "Write an encrypted copy of the store"
        )
        self.lock_action = self._action(
            "&Lock", self.lock_now, "Ctrl+L", "lock", "Hide everything until unlocked"
        )
        quit_app = lambda: quit_for_good(self)  # noqa: E731  # even where the tray would keep it
        self.quit_action = self._action("&Quit", quit_app, QKeySequence.StandardKey.Quit)
        self.find_action = self._action(
            "&Find person…",
            lambda: self.show_view("people", "find"),
            QKeySequence.StandardKey.Find,
            "search",
        )
        self.search_action = self._action(
            "&Search…",
            self.search,
            "Ctrl+K",
            "search",
            "Find people, screens and anything you wrote",
        )
        self.view_actions = []
        for name in SIDEBAR:
            _c, label, icon_name, shortcut = VIEWS[name]
            self.view_actions.append(
                self._action(label, lambda _=False, n=name: self.show_view(n), shortcut, icon_name)
            )
        about = self._action("&About LeadDesk", self.about)
        explain = self._action("How is &trust computed?", self.explain_trust)

        self.exports = ExportActions(self.ctx, self, self._person_on_screen)
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.capture_action)
        file_menu.addSeparator()
        self.exports.add_to(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addAction(self.lock_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = bar.addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.find_action)
        edit_menu.addAction(self.search_action)
        view_menu = bar.addMenu("&View")
        for action in self.view_actions:
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.presenter_action)
        meeting_menu = bar.addMenu("&Meeting")
        meeting_menu.addAction(self.one_on_one_action)
        help_menu = bar.addMenu("&Help")
        help_menu.addAction(explain)
        help_menu.addAction(about)

        toolbar = QToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.capture_action)
        toolbar.addAction(self.one_on_one_action)
        toolbar.addAction(self.search_action)
        toolbar.addSeparator()
        toolbar.addAction(self.presenter_action)
        self.addToolBar(toolbar)
        toolbar.ensurePolished()  # margins by the #mainToolbar rule now, not at a live light/dark
        QApplication.sendEvent(toolbar, QEvent(QEvent.Type.StyleChange))  # switch (moved 4 px)

    def _build_status(self) -> None:
        status = self.statusBar()
        self.store_label = QLabel(
            "Demo data (throwaway)" if self.demo else f"Store: {self.ctx.desk.path}"
        )
        self.store_label.setObjectName("storeLabel")
        status.addPermanentWidget(self.store_label)
        self.undo_button = QPushButton(icon("undo"), "Undo")
        self.undo_button.setObjectName("statusUndo")
        self.undo_button.setAccessibleName("Undo the last deletion")
        self.undo_button.setFlat(True)
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.ctx.undo)
        status.addPermanentWidget(self.undo_button)

    # -- navigation --------------------------------------------------------------------------
    def view(self, name: str) -> BaseView:
        """The view called `name`, created on first use."""
        if name not in self._views:
            class_name, *_ = VIEWS[name]
            module = importlib.import_module(f"leaddesk.ui.{name}.{name}_view")
            widget: BaseView = getattr(module, class_name)(self.ctx)
            widget.setObjectName(f"{name}View")
            self._views[name] = widget
            self.stack.addWidget(widget)
        return self._views[name]

    def show_view(self, name: str, argument: Any = None) -> None:
        """Switch to a view (with an argument such as a person id)."""
        target = self.view(name)
        self.stack.setCurrentWidget(target)
        if argument is not None:
            target.set_argument(argument)
        self._current = name
        # The sidebar marks the screen on show, or nothing (a person, 1:1 mode). Its current row
        # stays (a sidebar with none would take the first on focus and jump to This week), so
        # the mark is set even when the row is already current: Alt+2 after a person page.
        if name in SIDEBAR:
            row = SIDEBAR.index(name)
            if self.sidebar.currentRow() != row:
                self.sidebar.blockSignals(True)
                self.sidebar.setCurrentRow(row)
                self.sidebar.blockSignals(False)
            self.sidebar.item(row).setSelected(True)
        else:
            self.sidebar.clearSelection()
        if name in SIDEBAR:
            QSettings().setValue("window/lastView", name)

    def _on_sidebar(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_view(item.data(Qt.ItemDataRole.UserRole))

    # -- actions -----------------------------------------------------------------------------
    def quick_capture(self) -> None:
        """Ctrl+N: capture something about a person in a few keystrokes."""
        from leaddesk.ui.capture.quick_capture_dialog import QuickCaptureDialog

        dialog = QuickCaptureDialog(self.ctx, self, self._person_on_screen())
        dialog.exec()
        dialog.deleteLater()

    def search(self) -> None:
        """Ctrl+K: find a person, a screen or anything written; Enter opens it where it lives."""
        from leaddesk.ui.search.search_dialog import SearchDialog
        from leaddesk.ui.search.search_screens import Screen

        if self.ctx.desk.locked:
            return
        screens = [Screen(n, VIEWS[n][1], VIEWS[n][2], VIEWS[n][3]) for n in SIDEBAR]
        dialog = SearchDialog(self.ctx, screens, self, self._person_on_screen)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # nothing found outlives it
        dialog.start()

    def _person_on_screen(self) -> int | None:
        """The person the person page or 1:1 mode shows, if one of them is on screen."""
        if self._current in ("person", "one_on_one"):
            person_id = getattr(self._views.get(self._current), "person_id", None)
            return person_id if isinstance(person_id, int) else None
        return None

    def start_one_on_one(self, person_id: int | None = None) -> None:
        """Ctrl+1: 1:1 mode with the person on screen, or one chosen by typing."""
        if isinstance(person_id, bool):  # a stray `checked` flag is not a person
            person_id = None
        if not isinstance(person_id, int):
            current = self._views.get("person")
            if self._current == "person" and current is not None:
                person_id = getattr(current, "person_id", None)
        if not isinstance(person_id, int):
            from leaddesk.ui.common.person_picker import pick_person

            person_id = pick_person(self.ctx, self, "Start a 1:1 with…")
        if isinstance(person_id, int):
            self.show_view("one_on_one", person_id)

    def backup_now(self) -> None:
        """Write an encrypted copy in the background."""
        window_backups.backup_now(self)

    def backup_if_due(self) -> None:
        """The daily automatic backup, in the background; only a failure is worth a word."""
        window_backups.backup_if_due(self)

    def explain_trust(self) -> None:
        """The 'How is this computed?' text."""
        from leaddesk.ui.common.trust_explainer import show_trust_explanation

        show_trust_explanation(self, self.ctx.desk.settings().half_life_days)

    def about(self) -> None:
        """Version, the privacy promise and the licences (Help > About)."""
        from leaddesk.ui.shell.about_dialog import AboutDialog

        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # not exec(): nothing waits on it

    # -- auto-lock ---------------------------------------------------------------------------
    def lock_now(self, reason: str = "") -> None:
        """Hide everything and close the store until the user unlocks (File > Lock, auto-lock)."""
        self.window_lock.lock(reason)

    def _on_change(self, change: Change) -> None:
        if change.area in (ChangeArea.SETTINGS, ChangeArea.RESTORE) and not self.ctx.desk.locked:
            self.idle.minutes = self.ctx.desk.settings().auto_lock_minutes

    def _on_scheme(self) -> None:
        """Light ↔ dark: views re-render what they coloured once (charts, the board)."""
        if not self.ctx.desk.locked:
            for view in self._views.values():
                view.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.lock_overlay.isVisible():
            self.lock_overlay.setGeometry(self.rect())

    # -- state -------------------------------------------------------------------------------
    def _on_undo_available(self, label: str) -> None:
        self.undo_action.setEnabled(bool(label))
        self.undo_button.setVisible(bool(label))
        self.undo_button.setToolTip(f"Undo: {label}" if label else "")

    def _on_presenter(self, on: bool) -> None:
        self.banner.setVisible(on)
        if self.presenter_action.isChecked() != on:
            self.presenter_action.setChecked(on)
        self.statusBar().showMessage(
            "Presenter mode on: private fields hidden." if on else "Presenter mode off.", 5000
        )

    def _restore(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        last = settings.value("window/lastView", "week")
        self.show_view(last if isinstance(last, str) and last in SIDEBAR else "week")

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("window/geometry", self.saveGeometry())
        self.ctx.close()
        super().closeEvent(event)
