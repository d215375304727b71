"""The frame every one-pager shares: header, key-figure strip, level key and footer."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.reports.pdf_layout import ACCENT, FAINT, INK, MUTED, RULE, SHADE, Canvas, Type

RIGHT = Qt.AlignmentFlag.AlignRight


def draw_header(
    c: Canvas, rect: QRectF, eyebrow: str, title: str, subtitle: str, right: str
) -> float:
    """Eyebrow and date line, title, subtitle, accent rule; returns the height used."""
    w = rect.width()
    x, y = rect.left(), rect.top()
    right_w = c.width(right, Type.SMALL) + c.pt(2)
    c.text(x, y, eyebrow.upper(), Type.EYEBROW, w - right_w - c.pt(12), ACCENT)
    c.text(x, y, right, Type.SMALL, w, MUTED, RIGHT)
    y += c.line(Type.EYEBROW) + c.pt(2)
    y += c.text(x, y, title, Type.TITLE, w)
    if subtitle:
        y += c.text(x, y, subtitle, Type.SUBTITLE, w, MUTED)
    y += c.pt(5)
    c.rule(x, y, w, ACCENT, 1.1)
    return y + c.pt(10) - rect.top()


def draw_figures(c: Canvas, rect: QRectF, figures: Sequence[tuple[str, str, str]]) -> float:
    """Key figures side by side: a caption, a big value, a small note; returns the height."""
    cell = rect.width() / len(figures)
    pad = c.pt(7)
    for i, (caption, value, note) in enumerate(figures):
        x = rect.left() + i * cell
        if i:
            c.painter.fillRect(QRectF(x, rect.top(), c.pt(0.5), _figure_h(c)), RULE)
        left = x + (pad if i else 0)
        width = cell - pad - (pad if i else 0)
        y = rect.top()
        y += c.text(left, y, caption.upper(), Type.CAPTION, width, FAINT)
        y += c.text(left, y, value, Type.FIGURE, width, INK)
        c.text(left, y, note, Type.CAPTION, width, MUTED)
    return _figure_h(c) + c.pt(12)


def _figure_h(c: Canvas) -> float:
    return 2 * c.line(Type.CAPTION) + c.line(Type.FIGURE)


def draw_level_key(c: Canvas, rect: QRectF) -> float:
    """The seven levels of empowerment with what each means; returns the height used."""
    cell = rect.width() / len(EmpowermentLevel)
    height = c.line(Type.SMALL_STRONG) + 2 * c.line(Type.CAPTION) + c.pt(5)
    c.painter.fillRect(QRectF(rect.left(), rect.top(), rect.width(), height), SHADE)
    for i, level in enumerate(EmpowermentLevel):
        x = rect.left() + i * cell + c.pt(4)
        w = cell - c.pt(8)
        y = rect.top() + c.pt(2.5)
        y += c.text(x, y, f"{int(level)} {level.label}", Type.SMALL_STRONG, w, INK)
        for line in c.wrap(level.meaning[0].upper() + level.meaning[1:], Type.CAPTION, w, 2):
            y += c.text(x, y, line, Type.CAPTION, w, MUTED)
    return height + c.pt(12)


def draw_footer(c: Canvas, rect: QRectF, left: str, right: str) -> float:
    """A hairline and one caption line at the bottom of `rect`; returns its height."""
    height = c.line(Type.CAPTION) + c.pt(5)
    top = rect.bottom() - height
    c.rule(rect.left(), top, rect.width(), RULE, 0.5)
    right_w = c.width(right, Type.CAPTION) + c.pt(2)
    c.text(rect.left(), top + c.pt(4), left, Type.CAPTION, rect.width() - right_w - c.pt(12), FAINT)
    c.text(rect.left(), top + c.pt(4), right, Type.CAPTION, rect.width(), FAINT, RIGHT)
    return height + c.pt(8)
