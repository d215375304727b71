"""The Overview tab: trust over time, the latest assessment's four cores, history, skip-levels."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.errors import UserError
from leaddesk.domain.trust import Core
from leaddesk.reports import wording
from leaddesk.services.people import PersonOverview, PersonSummary
from leaddesk.services.trust import AssessmentView
from leaddesk.services.undo import Deletable
from leaddesk.ui import theme
from leaddesk.ui.common.card import make_card
from leaddesk.ui.common.column_table_model import Column, ColumnTableModel
from leaddesk.ui.common.navigation import PersonTarget
from leaddesk.ui.common.person_dialog import PersonDialog
from leaddesk.ui.context import AppContext
from leaddesk.ui.person.dialogs.assessment_dialog import CORE_MEANINGS, AssessmentDialog
from leaddesk.ui.person.tabs.tab_parts import (
    DATE_SAMPLE,
    day,
    empty_label,
    esc,
    first_line,
    make_action,
    record_view,
    section_title,
    select_row,
    selected_row,
    tool_button,
)
from leaddesk.ui.person.tabs.trust_chart import TrustChart

LATEST = "Latest assessment"
LATEST_SAMPLE = f"{LATEST} · {DATE_SAMPLE}"  # the widest the card's title gets
HIDDEN_NOTICE = "Trust assessments and scores are hidden while presenting."


def _cores(a: AssessmentView) -> tuple[int, int, int, int]:
    return (a.integrity, a.intent, a.capabilities, a.results)


def cores_text(a: AssessmentView) -> str:
    """'Integrity 4, intent 5, capabilities 4, results 3'."""
    return ", ".join(f"{c.value} {v}" for c, v in zip(Core, _cores(a), strict=True)).capitalize()


def assessment_columns() -> list[Column[AssessmentView]]:
    """Date | Cores (I·I·C·R) | Score | Note."""
    return [
        Column("Date", lambda a: day(a.on)),
        Column("Cores", lambda a: " · ".join(map(str, _cores(a))), tooltip=cores_text),
        Column("Score", lambda a: f"{a.score:.2f}"),
        Column("Note", lambda a: first_line(a.note)),
    ]


def assessment_tooltip(a: AssessmentView) -> str:
    """Cores, score and the whole note."""
    return f"{day(a.on)}: {cores_text(a)} → {a.score:.2f}\n\n{a.note}".strip()


def people_columns() -> list[Column[PersonSummary]]:
    """Name | Role."""
    return [
        Column("Name", lambda p: p.name),
        Column("Role", lambda p: p.role or ""),
    ]


class OverviewTab(QWidget):
    """How trust is developing with one person, and who reports to them."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewTab")
        self.ctx = ctx
        self.person_id: int | None = None
        self.person_name = ""
        self.assessments: ColumnTableModel[AssessmentView] = ColumnTableModel(
            assessment_columns(), row_tooltip=assessment_tooltip
        )
        self.reports: ColumnTableModel[PersonSummary] = ColumnTableModel(people_columns())
        self.record_action = make_action(
            self,
            "Record trust assessment…",
            self.record_assessment,
            icon_name="add",
            tip="Score integrity, intent, capabilities and results (private)",
        )
        self.add_report_action = make_action(
            self,
            "Add skip-level…",
            self.add_skip_level,
            icon_name="add",
            tip="Add someone who reports to this person",
        )
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("overviewSplit")
        split.setChildrenCollapsible(False)
        self.chart = TrustChart()
        split.addWidget(self.chart)
        split.addWidget(self._build_lower())
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(split)

    # -- construction ------------------------------------------------------------------------
    def _build_lower(self) -> QWidget:
        lower = QWidget()
        row = QHBoxLayout(lower)
        row.setContentsMargins(0, 0, 0, 0)
        self.private = QStackedWidget()
        self.private.setObjectName("overviewPrivate")
        self.private.addWidget(self._build_assessments())
        self.hidden_notice = empty_label(HIDDEN_NOTICE, "overviewHidden")
        self.private.addWidget(self.hidden_notice)
        row.addWidget(self.private, 3)
        row.addWidget(self._build_glance(), 2)
        return lower

    def _build_assessments(self) -> QWidget:
        page = QWidget()
        box = QHBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        card = QFrame()
        card.setObjectName("latestAssessment")
        make_card(card)
        grid = QGridLayout(card)
        self.latest_title = section_title("Latest assessment", "latestAssessmentTitle")
        grid.addWidget(self.latest_title, 0, 0, 1, 2)
        self.core_bars: dict[Core, QProgressBar] = {}
        self.core_labels: list[QLabel] = []
        for i, core in enumerate(Core, start=1):
            label = QLabel(core.value.capitalize())
            self.core_labels.append(label)
            label.setToolTip(CORE_MEANINGS[core])
            bar = QProgressBar()
            bar.setObjectName(f"core_{core.value}")
            bar.setAccessibleName(core.value.capitalize())
            bar.setRange(0, 5)
            bar.setFormat("%v / 5")
            bar.setToolTip(CORE_MEANINGS[core])
            label.setBuddy(bar)
            grid.addWidget(label, i, 0)
            grid.addWidget(bar, i, 1)
            self.core_bars[core] = bar
        self.latest_note = QLabel()
        self.latest_note.setObjectName("latestAssessmentNote")
        self.latest_note.setWordWrap(True)
        self.latest_note.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.latest_note, 5, 0, 1, 2)
        grid.addWidget(
            tool_button(self.record_action, "recordAssessment"),
            6,
            0,
            1,
            2,
            Qt.AlignmentFlag.AlignLeft,
        )
        grid.setRowStretch(7, 1)
        # Wide enough for the title with the widest date, fixed up front: the title's text
        # changes while the tab is hidden, and the card kept the width of the first one (at
        # 1280 px 'Latest assessment · 19 Oct 2026' was cut to '… 202').
        margins = grid.contentsMargins()
        card.setMinimumWidth(
            max(240, self.latest_title.fontMetrics().horizontalAdvance(LATEST_SAMPLE))
            + margins.left()
            + margins.right()
            + 2 * card.frameWidth()
            + 4
        )
        box.addWidget(card, 2)

        history = QWidget()
        hbox = QVBoxLayout(history)
        hbox.setContentsMargins(0, 0, 0, 0)
        self.history_title = section_title("Assessment history", "assessmentHistoryTitle")
        self.history = record_view("assessmentHistory", "Assessment history", self.assessments)
        self.history.header().setResizeContentsPrecision(30)  # measure a sample of rows
        self.history.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.history.header().setSectionResizeMode(
            len(assessment_columns()) - 1, QHeaderView.ResizeMode.Stretch
        )
        self.delete_action = make_action(
            self.history,
            "Delete assessment",
            self.delete_assessment,
            ("Del",),
            "delete",
            "Delete the selected assessment (Ctrl+Z undoes)",
        )
        self.history_empty = empty_label(
            "No trust assessment yet. Record one to set your own judgement beside their "
            "track record.",
            "assessmentHistoryEmpty",
        )
        hbox.addWidget(self.history_title)
        hbox.addWidget(self.history, 1)
        hbox.addWidget(self.history_empty, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(tool_button(self.delete_action, "deleteAssessment"))
        hbox.addLayout(buttons)
        box.addWidget(history, 3)
        return page

    def _build_glance(self) -> QWidget:
        panel = QWidget()
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(section_title("At a glance", "glanceTitle"))
        self.glance = QLabel()
        self.glance.setObjectName("overviewGlance")
        self.glance.setAccessibleName("At a glance")
        self.glance.setWordWrap(True)
        self.glance.setTextFormat(Qt.TextFormat.RichText)
        self.glance.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.glance.linkActivated.connect(self._open_link)
        box.addWidget(self.glance)
        self.reports_title = section_title("Skip-levels", "skipLevelsTitle")
        box.addWidget(self.reports_title)
        self.reports_view = record_view("skipLevels", "People who report to them", self.reports)
        self.reports_view.header().setResizeContentsPrecision(30)
        self.reports_view.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.reports_view.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.reports_view.activated.connect(self._open_report)
        self.reports_view.doubleClicked.connect(self._open_report)
        self.reports_view.setToolTip("Enter or double-click opens their page.")
        self.reports_empty = empty_label("", "skipLevelsEmpty")
        box.addWidget(self.reports_view, 1)
        box.addWidget(self.reports_empty, 1)
        add = QHBoxLayout()
        add.addStretch(1)
        add.addWidget(tool_button(self.add_report_action, "addSkipLevel"))
        box.addLayout(add)
        return panel

    # -- rendering ---------------------------------------------------------------------------
    def show_person(self, person_id: int, overview: PersonOverview | None = None) -> None:
        """Show this person's trust chart, assessments and skip-levels.

        The person page passes the `overview` it has just read, so it is read only once.
        """
        same = person_id == self.person_id
        keep = self.assessments.record(selected_row(self.history)) if same else None
        self.person_id = person_id
        desk = self.ctx.desk
        try:
            if overview is None or overview.person.id != person_id:
                overview = desk.person_overview(person_id)
            series = desk.trust_series(person_id)  # cached: person_overview computed it
        except UserError:
            self.person_id = None
            return
        presenter = self.ctx.presenter
        self.person_name = overview.person.name
        self.chart.set_series(series, presenter)
        self._show_glance(overview, desk.today())
        self._show_reports(overview)
        self.record_action.setEnabled(not presenter)
        self.private.setCurrentIndex(1 if presenter else 0)
        if presenter:
            self.assessments.set_records([])
            self._show_latest(None)
            return
        history = list(reversed(series.assessments))
        self.assessments.set_records(history)
        self.history.setVisible(bool(history))
        self.history_empty.setVisible(not history)
        self.delete_action.setEnabled(bool(history))
        self._show_latest(history[0] if history else None)
        if keep is not None:
            self.select(keep.id)

    def _show_latest(self, latest: AssessmentView | None) -> None:
        for core, value in zip(Core, _cores(latest) if latest else (0, 0, 0, 0), strict=True):
            self.core_bars[core].setValue(value)
            self.core_bars[core].setTextVisible(latest is not None)
            self.core_bars[core].setVisible(latest is not None)
        for label in self.core_labels:
            label.setVisible(latest is not None)
        if latest is None:
            self.latest_title.setText("Latest assessment")
            self.latest_note.setText(
                "" if self.ctx.presenter else "No assessment yet: how do you rate them today?"
            )
            self.latest_note.setToolTip("")
            return
        self.latest_title.setText(f"{LATEST} · {day(latest.on)}")
        self.latest_note.setText(first_line(latest.note) or "<i>no note</i>")
        self.latest_note.setToolTip(latest.note)

    def _show_glance(self, o: PersonOverview, today: date) -> None:
        link = f"color: {theme.accent().name()};"
        lines = [
            f"Open promises: <a style='{link}' href='promises'>{o.open_promises_mine} mine · "
            f"{o.open_promises_theirs} theirs</a>",
            f"Active delegations: <a style='{link}' href='delegations'>{o.active_delegations}</a>",
        ]
        if o.clarity_gaps:
            lines[-1] += (
                f" · <span style='color: {theme.warn().name()}'>"
                f"{wording.count(o.clarity_gaps, 'clarity gap')}</span>"
            )
        cp = o.next_checkpoint
        if cp is not None:
            when = wording.due_in(cp.due_on, today)
            color = f" style='color: {theme.bad().name()}'" if cp.overdue else ""
            lines.append(
                f"Next checkpoint: <a style='{link}' href='checkpoint:{cp.id}'>"
                f"{esc(cp.delegation_title)}</a> "
                f"<span{color}>{wording.day(cp.due_on, today)} ({when})</span>"
            )
        else:
            lines.append("Next checkpoint: none planned")
        self.glance.setText("<br>".join(lines))

    def _show_reports(self, o: PersonOverview) -> None:
        first = o.person.name.split()[0] if o.person.name.split() else o.person.name
        self.reports.set_records(list(o.reports))
        self.reports_title.setText(f"Skip-levels · reporting to {first}")
        self.reports_view.setVisible(bool(o.reports))
        self.reports_empty.setVisible(not o.reports)
        self.reports_empty.setText(f"Nobody reports to {first} here yet.")

    def select(self, ref_id: int) -> None:
        """Select the assessment with this id (nothing while presenting)."""
        row = self.assessments.row_of(ref_id)
        if row >= 0:
            select_row(self.history, row)

    # -- actions -----------------------------------------------------------------------------
    def record_assessment(self) -> None:
        """Open the assessment dialog for this person."""
        if self.person_id is not None and not self.ctx.presenter:
            new = AssessmentDialog.record(self.ctx, self, self.person_id)
            if new is not None:
                self.select(new)

    def delete_assessment(self) -> None:
        """Delete the selected assessment; Ctrl+Z brings it back."""
        chosen = self.assessments.record(selected_row(self.history))
        if chosen is not None:
            self.ctx.delete(self, Deletable.ASSESSMENT, chosen.id)

    def add_skip_level(self) -> None:
        """Add a person who reports to this one."""
        if self.person_id is not None:
            PersonDialog.create(self.ctx, self, reports_to_id=self.person_id)

    def _open_report(self, index: QModelIndex) -> None:
        person = self.reports.record(index.row())
        if person is not None:
            self.ctx.go("person", PersonTarget(person.id))

    def _open_link(self, href: str) -> None:
        if self.person_id is None:
            return
        if href.startswith("checkpoint:"):
            target = PersonTarget(self.person_id, "delegations", int(href.split(":")[1]))
        else:
            target = PersonTarget(self.person_id, href)
        self.ctx.go("person", target)
