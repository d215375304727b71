"""Presenter mode helpers: what is private, and a banner that says it is hidden."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

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
