"""The person page header: name, role · area · time in role, reports to, last 1:1, 1:1 rhythm
and when the next is due, trust."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from leaddesk.domain.trust import Trend
from leaddesk.reports import rhythm_wording, wording
from leaddesk.services.people import PersonOverview
from leaddesk.ui import theme
from leaddesk.ui.common.presenter import HIDDEN

TREND_WORDS = {Trend.UP: "rising", Trend.FLAT: "steady", Trend.DOWN: "falling"}


def time_in_role(since: date, today: date) -> str:
    """'in role 2 years 3 months', 'new in role (12 days)', 'in role from 4 Jan' (not yet)."""
    if since > today:
        return f"in role from {wording.day(since, today)}"
    if since == today:
        return "new in role (from today)"
    if wording.whole_months(since, today) < 1:
        return f"new in role ({wording.span(since, today)})"
    return f"in role {wording.span(since, today)}"


class PersonHeader(QWidget):
    """Who the person is and how things stand, with the page's main buttons on the right."""

    open_person = Signal(int)  # the reports-to link was clicked

    def __init__(self, actions: list[tuple[str, QAction]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personHeader")
        self.boss_id: int | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        self.name_label = QLabel()
        self.name_label.setObjectName("personName")
        self.name_label.setAccessibleName("Name")
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme.emphasize(self.name_label, 1.6)
        muted = theme.muted_color().name()
        self.archived_label = QLabel("Archived")
        self.archived_label.setObjectName("personArchived")
        self.archived_label.setStyleSheet(
            f"color: {muted}; border: 1px solid {muted}; border-radius: 3px; padding: 1px 6px;"
        )
        title = QHBoxLayout()
        title.addWidget(self.name_label)
        title.addWidget(self.archived_label)
        title.addStretch(1)
        grid.addLayout(title, 0, 0)
        self.role_label = self._label("personRole")
        self.reports_to_label = self._label("personReportsToLabel")
        self.reports_to_button = QPushButton()
        self.reports_to_button.setObjectName("personReportsTo")
        self.reports_to_button.setFlat(True)
        self.reports_to_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.reports_to_button.setStyleSheet(
            f"QPushButton {{ color: {theme.accent().name()}; text-decoration: underline;"
            " padding: 0 1px; border: none; }"
        )
        self.reports_to_button.clicked.connect(self._open_boss)
        self.last_label = self._label("personLastOneOnOne")
        self.rhythm_label = self._label("personRhythm")
        self.rhythm_label.setAccessibleName("1:1 rhythm")
        self.rhythm_dot = self._dot()
        self.trust_label = self._label("personTrust")
        self.trust_label.setAccessibleName("Trust score")
        facts = QHBoxLayout()
        facts.setSpacing(6)
        facts.addWidget(self.role_label)
        facts.addWidget(self._dot())
        facts.addWidget(self.reports_to_label)
        facts.addWidget(self.reports_to_button)
        facts.addWidget(self._dot())
        facts.addWidget(self.last_label)
        facts.addWidget(self.rhythm_dot)
        facts.addWidget(self.rhythm_label)
        facts.addWidget(self._dot())
        facts.addWidget(self.trust_label)
        facts.addStretch(1)
        # A long role may be cut (its tooltip has it whole) rather than widen the window.
        self.role_label.setMinimumWidth(120)
        grid.addLayout(facts, 1, 0, 1, 2)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QToolButton] = {}
        for name, action in actions:
            button = QToolButton()
            button.setObjectName(name)
            button.setDefaultAction(action)
            button.setAccessibleName(action.text().rstrip("…"))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            buttons.addWidget(button)
            self.buttons[name] = button
        grid.addLayout(buttons, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.setColumnStretch(0, 1)

    @staticmethod
    def _label(name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        return label

    @staticmethod
    def _dot() -> QLabel:
        dot = QLabel("·")
        dot.setStyleSheet(f"color: {theme.muted_color().name()};")
        dot.setAccessibleName("separator")
        return dot

    def show_person(self, o: PersonOverview, today: date, presenter: bool) -> None:
        """Fill the header; in presenter mode the trust score is not put anywhere."""
        p = o.person
        self.name_label.setText(p.name)
        self.archived_label.setVisible(p.archived)
        role = " · ".join(filter(None, [p.role, p.area])) or "No role set"
        if p.in_role_since is not None:
            role += f" · {time_in_role(p.in_role_since, today)}"
        self.role_label.setText(role)
        self.role_label.setToolTip(role)
        self.boss_id = p.reports_to_id
        if p.reports_to_id is not None:
            self.reports_to_label.setText("reports to")
            self.reports_to_button.setText(p.reports_to_name or "")
            self.reports_to_button.setToolTip(f"Open {p.reports_to_name}'s page")
            self.reports_to_button.setAccessibleName(f"Reports to {p.reports_to_name}")
        else:
            self.reports_to_label.setText("reports to you (direct report)")
        self.reports_to_button.setVisible(p.reports_to_id is not None)
        self.last_label.setText(f"last 1:1 {wording.days_ago(o.last_one_on_one, today)}")
        self._show_rhythm(o, today)
        self._show_trust(o, presenter)

    def _show_rhythm(self, o: PersonOverview, today: date) -> None:
        """'1:1 every 3 weeks · next due Fri 11 Dec' (the lateness in red); nothing for people
        the leader does not meet (below the skip-levels, with no rhythm of their own)."""
        r = o.rhythm
        self.rhythm_dot.setVisible(r is not None)
        self.rhythm_label.setVisible(r is not None)
        if r is None:
            return
        due = rhythm_wording.next_due(r.next_due, today)
        if r.overdue(today):
            due = f"<span style='color:{theme.bad().name()}'>{due}</span>"
        self.rhythm_label.setText(f"{rhythm_wording.rhythm(r.interval_days)} · {due}")
        if r.own:
            source = f"Your rhythm with {o.person.name}"
        else:
            place = "direct reports" if r.direct else "skip-levels"
            source = f"Your default for {place} (Settings)"
        self.rhythm_label.setToolTip(f"{source}; Edit person changes it.")

    def _show_trust(self, o: PersonOverview, presenter: bool) -> None:
        if presenter:
            self.trust_label.setText(f"trust {HIDDEN}")
            self.trust_label.setToolTip("")
            return
        now = o.current
        if now.evidence_weight < 1e-9:
            self.trust_label.setText("trust: no evidence yet")
            self.trust_label.setToolTip(
                "No kept or broken promises or checkpoint outcomes yet: the track record is "
                "built from them."
            )
            return
        color = {Trend.UP: theme.good(), Trend.DOWN: theme.bad()}.get(o.trend, theme.muted_color())
        self.trust_label.setText(
            f"trust <b>{now.expectation:.2f}</b> "
            f"<span style='color:{color.name()}'>{o.trend.arrow}</span>"
        )
        self.trust_label.setToolTip(
            f"Track record {now.expectation:.2f} (band {now.belief:.2f}-{now.plausibility:.2f}) "
            f"from their promises and checkpoint outcomes, {TREND_WORDS[o.trend]} over the last "
            "30 days."
        )

    def _open_boss(self) -> None:
        if self.boss_id is not None:
            self.open_person.emit(self.boss_id)
