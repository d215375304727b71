"""1:1 mode from the keyboard: its shortcuts, and Tab through agenda, capture, notes and End."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from leaddesk.ui.one_on_one.one_on_one_view import OneOnOneView


def add_shortcuts(view: OneOnOneView) -> None:
    """End, new topic, new promise, feedback and energy 1-5, while 1:1 mode has the focus."""

    def action(text: str, keys: list[str], slot: Callable[[], Any]) -> None:
        act = QAction(text, view)
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        act.triggered.connect(lambda _checked=False: slot())
        view.addAction(act)

    action("End 1:1", ["Ctrl+Return", "Ctrl+Enter"], view.end_meeting)
    action("New topic", ["Ctrl+T"], view.new_topic.setFocus)
    action("New promise", ["Ctrl+P"], view.capture.start_promise)
    action("Feedback", ["Ctrl+Shift+F"], view.capture.start_feedback)
    for value in range(1, 6):
        action(f"Energy {value}", [f"Ctrl+Alt+{value}"], partial(view.energy.set_value, value))


def link_tab_order(view: OneOnOneView) -> None:
    """Agenda → new topic → inline capture → capture strip → notes → energy → End."""
    chain: list[QWidget] = [view.agenda, view.new_topic]
    for holder in (view.panel, view.capture):
        chain += [
            w
            for w in holder.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.focusProxy() is None
            and w.window() is view.window()  # not a combo box's popup list
        ]
    chain.append(view.notes.shared)
    if view.notes.private is not None:
        chain.append(view.notes.private)
    chain += [view.energy, view.end_button]
    chain += [view.header.person_button, view.header.discard_button]
    for first, second in itertools.pairwise(chain):
        QWidget.setTabOrder(first, second)
