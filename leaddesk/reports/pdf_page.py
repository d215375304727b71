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


def header_height(c: Canvas, subtitle: str) -> float:
    """What `draw_header` will use, known before drawing (to lay out the pages first)."""
    lines = c.line(Type.EYEBROW) + c.pt(2) + c.line(Type.TITLE)
    return lines + (c.line(Type.SUBTITLE) if subtitle else 0.0) + c.pt(15)


def draw_continued_header(
    c: Canvas, rect: QRectF, eyebrow: str, title: str, right: str, *, measure: bool = False
) -> float:
    """The header of a second page: one line saying whose document goes on; returns its
    height (only measures with `measure`)."""
    height = c.line(Type.EYEBROW) + c.pt(4) + c.pt(10)
    if measure:
        return height
    x, y, w = rect.left(), rect.top(), rect.width()
    right_w = c.width(right, Type.SMALL) + c.pt(2)
    c.text(x, y, f"{eyebrow.upper()} · {title}, continued", Type.EYEBROW, w - right_w, ACCENT)
    c.text(x, y, right, Type.SMALL, w, MUTED, RIGHT)
    c.rule(x, y + c.line(Type.EYEBROW) + c.pt(4), w, ACCENT, 1.1)
    return height


def page_mark(index: int, pages: int) -> str:
    """The footer's right-hand mark: 'LeadDesk', or 'LeadDesk · page 2 of 3'."""
    return "LeadDesk" if pages == 1 else f"LeadDesk · page {index + 1} of {pages}"


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


def level_key_height(c: Canvas) -> float:
    """What `draw_level_key` will use."""
    return c.line(Type.SMALL_STRONG) + 2 * c.line(Type.CAPTION) + c.pt(5) + c.pt(12)


def footer_height(c: Canvas) -> float:
    """What `draw_footer` takes from the bottom of the page, gap above it included."""
    return c.line(Type.CAPTION) + c.pt(5) + c.pt(8)


def draw_footer(c: Canvas, rect: QRectF, left: str, right: str) -> float:
    """A hairline and one caption line at the bottom of `rect`; returns its height."""
    height = c.line(Type.CAPTION) + c.pt(5)
    top = rect.bottom() - height
    c.rule(rect.left(), top, rect.width(), RULE, 0.5)
    right_w = c.width(right, Type.CAPTION) + c.pt(2)
    c.text(rect.left(), top + c.pt(4), left, Type.CAPTION, rect.width() - right_w - c.pt(12), FAINT)
    c.text(rect.left(), top + c.pt(4), right, Type.CAPTION, rect.width(), FAINT, RIGHT)
    return height + c.pt(8)
