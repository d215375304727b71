"""A part of 1:1 mode drawn as the design system's card (leaddesk/ui/common/card.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from leaddesk.ui.common.card import make_card, pad


class OneOnOneCard(QFrame):
    """One widget on a card: the app style sheet's frame, the card's own padding."""

    def __init__(self, inner: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        make_card(self)
        box = QVBoxLayout(self)
        pad(box)
        box.addWidget(inner)
