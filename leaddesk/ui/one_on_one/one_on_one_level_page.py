"""Close a clarity gap during the 1:1: record the level the person believes they hold."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget

from leaddesk.domain.levels import EmpowermentLevel, LevelKind
from leaddesk.ui.context import AppContext
from leaddesk.ui.one_on_one.one_on_one_agenda_row import AgendaRow
from leaddesk.ui.one_on_one.one_on_one_checkpoint_page import mine_text
from leaddesk.ui.one_on_one.one_on_one_item_page import OneOnOneItemPage

REASON = "Said in a 1:1"


class OneOnOneLevelPage(OneOnOneItemPage):
    """Their level (kept as history with the reason 'Said in a 1:1')."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 4, 0, 0)
        self.level = self.level_combo("clarityTheirLevel", "Their level of the delegation")
        self.mine = self.muted("")
        form.addRow("Their level", self.level)
        form.addRow("", self.mine)
        self.record = self.button(
            "Record their level",
            "recordTheirLevel",
            "Record the level they believe they hold (kept in the delegation's history)",
            self._record,
        )
        form.addRow("", self.left(self.record))
        self._my_level: EmpowermentLevel | None = None

    def fill(self, row: AgendaRow) -> None:
        delegation = self.ctx.desk.delegation(row.ref_id)
        self._my_level = delegation.my_level
        theirs = delegation.their_level
        self.level.setCurrentIndex(int(theirs) if theirs else 0)
        self.mine.setText(mine_text(delegation))

    def _record(self) -> None:
        level: EmpowermentLevel | None = self.level.currentData()
        if self.row is None:
            return
        if level is None:
            self.ctx.message.emit("Pick the level they say they hold first.")
            return
        key, did, mine = self.row.key, self.row.ref_id, self._my_level
        if self.attempt(
            lambda: self.ctx.desk.change_level(did, level, REASON, kind=LevelKind.THEIRS),
            done=f"Their level recorded: {level.label}.",
        ):
            match = "matches yours" if level == mine else "still a gap"
            self.resolved.emit(key, f"they said {level.label} — {match}")
