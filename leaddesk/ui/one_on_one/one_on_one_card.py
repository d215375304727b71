"""A softly framed panel on the base colour, for the parts of 1:1 mode."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from leaddesk.ui import theme


class OneOnOneCard(QFrame):
    """Rounded, hairline border, base background; holds one widget."""

    def __init__(self, inner: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        edge = theme.muted_color()
        self.setStyleSheet(
            "QFrame#card { background: palette(base); border-radius: 8px; border: 1px solid"
            f" rgba({edge.red()}, {edge.green()}, {edge.blue()}, 90); }}"
        )
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 12, 14, 12)
        box.addWidget(inner)
