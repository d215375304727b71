"""A section of a screen drawn as a card: a title, an optional action, padded content."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget

from leaddesk.ui import theme
from leaddesk.ui.theme import Space, TextStyle


def make_card(frame: QFrame, quiet: bool = False) -> QFrame:
    """Draw an existing frame as a card (rounded, on the palette's Base or AlternateBase)."""
    frame.setProperty("card", "quiet" if quiet else "true")
    frame.setFrameShape(QFrame.Shape.NoFrame)
    frame.style().unpolish(frame)
    frame.style().polish(frame)
    return frame


def pad(layout: QLayout) -> QLayout:
    """The inside margins and gaps every card uses."""
    layout.setContentsMargins(Space.L, Space.M, Space.L, Space.L)
    layout.setSpacing(Space.S)
    return layout


class Card(QFrame):
    """A titled section: the title (subtitle step of the type scale), a muted caption beside it,
    an optional action at the right, then `body`, padded from the spacing scale."""

    def __init__(
        self,
        title: str = "",
        action: QWidget | None = None,
        parent: QWidget | None = None,
        quiet: bool = False,
    ) -> None:
        super().__init__(parent)
        make_card(self, quiet)
        outer = self._outer = QVBoxLayout(self)
        pad(outer)
        self.header = QHBoxLayout()
        self.header.setSpacing(Space.S)
        self.title = QLabel(title)
        self.title.setObjectName("cardTitle")
        theme.set_text_style(self.title, TextStyle.SUBTITLE)
        self.caption = QLabel()
        self.caption.setObjectName("cardCaption")
        theme.set_tone(self.caption, "muted")
        self.caption.hide()
        self.header.addWidget(self.title)
        self.header.addWidget(self.caption, 1)
        if action is not None:
            self.header.addWidget(action)
        if title:
            outer.addLayout(self.header)
        else:
            self.title.hide()
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        self.body.setSpacing(Space.S)
        outer.addLayout(self.body, 1)

    def set_caption(self, text: str) -> None:
        """The muted words beside the title (a count, a hint)."""
        self.caption.setText(text)
        self.caption.setVisible(bool(text))

    def chrome_height(self) -> int:
        """The height the card adds around its body: padding, border, and the title row."""
        margins = self._outer.contentsMargins()
        border = self.height() - self.contentsRect().height() if self.height() else 2
        title = self.header.sizeHint().height() + self._outer.spacing() if self.title.text() else 0
        return margins.top() + margins.bottom() + border + title
