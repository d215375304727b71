"""An agenda topic: tick it when discussed, or take it off the agenda (with undo)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from leaddesk.services.undo import Deletable
from leaddesk.ui.context import AppContext
from leaddesk.ui.one_on_one.one_on_one_item_page import OneOnOneItemPage


class OneOnOneTopicPage(OneOnOneItemPage):
    """How topics carry forward, and Remove topic."""

    removed = Signal(object)  # the row key of the removed topic

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(
            self.muted(
                "Space ticks it as discussed. Topics not ticked carry forward to the next 1:1."
            )
        )
        self.remove_button = self.button(
            "Remove topic", "removeTopic", "Take it off the agenda (Ctrl+Z undoes)", self._remove
        )
        box.addLayout(self.left(self.remove_button))
        box.addStretch(1)

    def _remove(self) -> None:
        if self.row is None:
            return
        key = self.row.key
        if self.ctx.delete(self, Deletable.TOPIC, self.row.ref_id) is not None:
            self.removed.emit(key)
