"""'How is this computed?': the trust chart explained in plain words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.reports import wording
from leaddesk.services.delegations_models import LevelChangeView
from leaddesk.services.trust import AssessmentView, TrustPoint, TrustSeries
from leaddesk.ui import theme


def explanation_html(half_life_days: float) -> str:
    """The explanation as rich text, with the current half-life filled in."""
    days = f"{half_life_days:g}"
    return f"""
<h3>How the trust chart is computed</h3>
<p>The chart shows how much you can rely on someone, based on what they actually did — not on a
feeling. It uses the same rule everywhere in LeadDesk, including the small sparklines on the team
grid.</p>

<h4>1. Evidence</h4>
<p>Every time something is settled, it counts as evidence:</p>
<ul>
<li><b>Their promises to you</b>: kept on time = 1 positive; kept late = ½ positive and ½ negative;
broken = 1 negative; renegotiated or released = nothing (renegotiating before the due date
is honest, not a failure).</li>
<li><b>Checkpoints</b> on their delegations: on track = 1 positive; concerns = ½ and ½;
off track = 1 negative; skipped = nothing.</li>
</ul>

<h4>2. Evidence fades</h4>
<p>Old evidence counts less than recent evidence. Each piece loses half its weight every
<b>{days} days</b> (the <i>half-life</i>, which you can change in Settings). So a promise kept
{days} days ago counts half as much as one kept today.</p>

<h4>3. The score</h4>
<p>Add up the faded weights: <i>r</i> positive and <i>s</i> negative. The track record is</p>
<p align="center"><b>E = (r + 1) / (r + s + 2)</b></p>
<p>With no evidence at all this is 0.5: neither trusted nor distrusted. Each kept promise moves it
up, each broken one down, and the more evidence there is, the less a single event moves it.</p>

<h4>4. The band</h4>
<p>The shaded band runs from <i>belief</i> r / (r + s + 2) to <i>plausibility</i>
(r + 2) / (r + s + 2). It is as wide as the doubt: with little evidence the band is wide (we don't
know yet), with a lot it is narrow. A score of 0.8 with a wide band is a hunch; with a narrow band
it is a track record.</p>

<h4>5. What else is on the chart</h4>
<ul>
<li><b>My assessments</b> (points): your own dated judgement on the four cores of credibility —
integrity, intent, capabilities, results, 1&ndash;5 each. The point is their mean scaled to
0&ndash;1; hover a point to see the four cores.</li>
<li><b>My own record with them</b> (dashed line): the same computation over <i>your</i> promises to
this person. You are not trusted until the other decides to trust you.</li>
<li><b>Level changes</b> (triangles): ▲ when you gave more empowerment on one of their delegations,
▼ when you took some back. Hover for the delegation, the levels and the reason.</li>
</ul>

<h4>Reading it</h4>
<p>Scroll or drag sideways to move through time; the mouse wheel zooms the time axis.
<b>Fit</b> (F or Ctrl+0) shows the whole history. In presenter mode the chart is hidden.</p>
"""


def show_trust_explanation(parent: QWidget | None, half_life_days: float) -> None:
    """Show the explanation in a small dialog (modal; Close or Esc ends it)."""
    dialog = QDialog(parent)
    dialog.setObjectName("trustExplanation")
    dialog.setWindowTitle("How is trust computed?")
    dialog.setAccessibleName("How is trust computed?")
    layout = QVBoxLayout(dialog)
    text = QTextBrowser()
    text.setObjectName("trustExplanationText")
    text.setAccessibleName("Explanation of the trust chart")
    text.setOpenExternalLinks(False)
    text.setHtml(explanation_html(half_life_days))
    layout.addWidget(text)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.setObjectName("trustExplanationButtons")
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.resize(QSize(600, 640))
    dialog.exec()


def explain_link(half_life_days: Callable[[], float], parent: QWidget | None = None) -> QPushButton:
    """A link-like 'How is this computed?' button that opens the explanation."""
    button = QPushButton("How is this computed?", parent)
    button.setObjectName("trustChartExplain")
    button.setAccessibleName("How is the trust chart computed?")
    button.setToolTip("What the lines, band, points and markers mean")
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    font = button.font()
    font.setUnderline(True)
    button.setFont(font)
    style_link(button)
    button.clicked.connect(lambda: show_trust_explanation(button.window(), half_life_days()))
    return button


def style_link(button: QPushButton) -> None:
    """Colour the link for the current palette (call again when the palette changes)."""
    palette = button.palette()
    palette.setColor(QPalette.ColorRole.ButtonText, theme.accent())
    button.setPalette(palette)


def _level(level: EmpowermentLevel | None) -> str:
    return f"{int(level)} {level.label}" if level is not None else "none"


def describe_spot(item: AssessmentView | LevelChangeView) -> str:
    """The tooltip of an assessment point (with its four cores) or a level-change marker."""
    if isinstance(item, AssessmentView):
        note = item.note.strip().splitlines()[0][:120] if item.note.strip() else ""
        return (
            f"My assessment, {wording.day(item.on)}: {item.score:.2f}\n"
            f"Integrity {item.integrity} · Intent {item.intent} · "
            f"Capabilities {item.capabilities} · Results {item.results} (of 5)"
        ) + (f"\n“{note}”" if note else "")
    reason = f"\nWhy: {item.reason.strip()}" if item.reason.strip() else ""
    return (
        f"{'▲ Level raised' if item.is_up else '▼ Level lowered'}, {wording.day(item.on)}\n"
        f"{item.delegation_title}: {_level(item.from_level)} → {_level(item.to_level)}{reason}"
    )


def describe_point(name: str, point: TrustPoint) -> str:
    """The tooltip of a line (track record or my own record) on one day."""
    return (
        f"{name}, {wording.day(point.on)}: {point.expectation:.2f}\n"
        f"band {point.belief:.2f}\u2013{point.plausibility:.2f} (narrower = more evidence)"
    )


def describe_counts(series: TrustSeries) -> str:
    """'3 assessments, 1 level change.': what the chart marks, for a screen reader."""
    assessments = wording.count(len(series.assessments), "assessment")
    return f"{assessments}, {wording.count(len(series.events), 'level change')}."
