"""Presenter mode helpers: what is private, and a banner that says it is hidden."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from leaddesk.ui.context import AppContext

HIDDEN = "hidden while presenting"


class PresenterBanner(QLabel):
    """A visible strip at the top of the window while presenter mode is on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Presenter mode — private notes, trust scores and assessments are hidden. "
            "Ctrl+Shift+P to leave.",
            parent,
        )
        self.setObjectName("presenterBanner")
        self.setAccessibleName("Presenter mode banner")
        self.setStyleSheet(
            "QLabel#presenterBanner { background: #b3261e; color: white; padding: 6px 12px;"
            " font-weight: 600; }"
        )
        self.hide()


MASK_TEXT = (
    "This window holds private notes, so it is hidden while presenting. Nothing you typed is "
    "lost: leave presenter mode (Ctrl+Shift+P) to go on, or press Esc to close it."
)


class PresenterMask(QObject):
    """Hides every field of a dialog with private content while presenter mode is on.

    The fields are hidden, not covered (a cover would leave them readable to screen readers and
    to anything walking the widgets), and kept as they are: leaving presenter mode shows them
    again with what was typed. Parented to the dialog, so the connection ends with it.
    """

    def __init__(self, dialog: QWidget, ctx: AppContext) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.cover = QLabel(MASK_TEXT, dialog)
        self.cover.setObjectName("presenterMask")
        self.cover.setAccessibleName("Hidden while presenting")
        self.cover.setWordWrap(True)
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setMinimumHeight(120)
        self.cover.hide()
        layout = dialog.layout()
        if layout is not None:
            layout.addWidget(self.cover)
        self._hidden: list[QWidget] = []
        ctx.presenter_changed.connect(self.apply)
        self.apply(ctx.presenter)

    @Slot(bool)
    def apply(self, on: bool) -> None:
        """Hide the dialog's widgets (on) or show again those it hid (off)."""
        if on and not self._hidden:
            children = self.dialog.findChildren(
                QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
            )
            for child in children:
                if (
                    child is not self.cover
                    and not child.isWindow()
                    and child.isVisibleTo(self.dialog)
                ):
                    child.hide()
                    self._hidden.append(child)
            self.cover.show()
        elif not on:
            for child in self._hidden:
                if shiboken6.isValid(child):
                    child.show()
            self._hidden.clear()
            self.cover.hide()


def mask_while_presenting(dialog: QWidget, ctx: AppContext) -> PresenterMask:
    """Hide `dialog`'s fields whenever presenter mode is (or comes) on."""
    return PresenterMask(dialog, ctx)
