"""A success factor due for calibration: talk it through, calibrate on the person page."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.context import AppContext
from leaddesk.ui.one_on_one.one_on_one_item_page import OneOnOneItemPage


class OneOnOneFactorPage(OneOnOneItemPage):
    """A prompt for the conversation and a way to the Delegations tab (the draft is kept)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(
            self.muted(
                "Ask whether the definition and target still mean the same to both of you. "
                "Calibrate it on the person page — this 1:1 stays here as a draft."
            )
        )
        self.open_button = self.button(
            "Open delegations…", "openFactor", "Open the person's Delegations tab", self._open
        )
        box.addLayout(self.left(self.open_button))
        box.addStretch(1)

    def _open(self) -> None:
        if self.person_id is not None:
            self.ctx.go("person", PersonTarget(self.person_id, "delegations"))
