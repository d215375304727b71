"""Paints a search result as two calm lines: the title with whose and when, then the kind and
the snippet, the matched words picked out (bold on a soft accent, as a highlighter would).

Text is drawn as plain text, span by span, so nothing the user wrote is read as markup."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from leaddesk.ui import theme
from leaddesk.ui.search.search_model import RowRole, SearchRow, Spans
from leaddesk.ui.theme import Space, TextStyle

Index = QModelIndex | QPersistentModelIndex
ICON = 20
LINE_GAP = 3
MARK_PAD = 2  # the highlight's overhang either side of a matched word
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


class SearchDelegate(QStyledItemDelegate):
    """Title and meta on the first line; kind, 'private' and the snippet on the second."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        font = option.font
        height = QFontMetrics(font).height() + LINE_GAP + QFontMetrics(_small(font)).height()
        return QSize(320, height + 2 * Space.S)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        row = index.data(RowRole)
        if not isinstance(row, SearchRow):
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        panel = QStyleOptionViewItem(opt)
        panel.text = ""
        panel.icon = QIcon()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, panel, painter, widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        text = palette.color(QPalette.ColorRole.HighlightedText) if selected else theme.text_color()
        muted = theme.muted_color()
        rect = opt.rect.adjusted(Space.M, Space.S, -Space.M, -Space.S)
        font = QFont(opt.font)
        small = _small(font)
        line1 = QRect(rect.left() + ICON + Space.M, rect.top(), 0, QFontMetrics(font).height())
        line1.setRight(rect.right())
        line2 = QRect(line1.left(), line1.bottom() + 1 + LINE_GAP, line1.width(), 0)
        line2.setHeight(QFontMetrics(small).height())

        painter.save()
        opt.icon.paint(painter, QRect(rect.left(), rect.center().y() - ICON // 2, ICON, ICON))
        # First line: whose and when at the right (never cut: the title gives way), the title.
        meta_width = QFontMetrics(small).horizontalAdvance(row.meta) if row.meta else 0
        if row.meta:
            meta_rect = QRect(line1.right() - meta_width, line1.top(), meta_width, line1.height())
            painter.setFont(small)
            painter.setPen(muted)
            painter.drawText(meta_rect, _LEFT, row.meta)
        title_font = QFont(font)
        title_font.setWeight(QFont.Weight.DemiBold)
        title = QRect(line1)
        title.setRight(line1.right() - meta_width - (Space.M if row.meta else 0))
        spans = row.title_spans or ((row.title, False),)
        _draw_spans(painter, spans, title, title_font, title_font, text, selected)
        # Second line: the kind (and 'private'), then the snippet.
        caps = _small(font, bold=True)
        x = _draw_word(painter, line2, line2.left(), row.kind.upper(), caps, muted)
        if row.private:
            x = _draw_word(painter, line2, x, "PRIVATE", caps, theme.mine_color())
        if row.snippet:
            bold = QFont(small)
            bold.setWeight(QFont.Weight.DemiBold)
            rest = QRect(x, line2.top(), line2.right() - x, line2.height())
            _draw_spans(painter, row.snippet, rest, small, bold, text, selected)
        painter.restore()


def _draw_word(
    painter: QPainter, line: QRect, x: int, word: str, font: QFont, color: QColor
) -> int:
    """A small word at `x` on `line`; where the next one starts."""
    painter.setFont(font)
    painter.setPen(color)
    width = QFontMetrics(font).horizontalAdvance(word)
    painter.drawText(QRect(x, line.top(), width, line.height()), _LEFT, word)
    return x + width + Space.S


def _draw_spans(
    painter: QPainter,
    spans: Spans,
    rect: QRect,
    font: QFont,
    match_font: QFont,
    color: QColor,
    selected: bool,
) -> None:
    """Spans left to right, the matched ones on a soft accent; the last to fit ends in '…'."""
    mark = theme.soft(theme.accent()) if not selected else theme.mix(color, theme.accent(), 0.5)
    if selected:
        mark.setAlphaF(0.22)
    x, right = rect.left(), rect.right()
    for text, match in spans:
        face = match_font if match else font
        metrics = QFontMetrics(face)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, right - x)
        if not shown:
            break
        width = metrics.horizontalAdvance(shown)
        box = QRect(x, rect.top(), width, rect.height())
        if match:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(mark)
            painter.drawRoundedRect(QRectF(box.adjusted(-MARK_PAD, 0, MARK_PAD, 0)), 3, 3)
        painter.setFont(face)
        painter.setPen(color)
        painter.drawText(box, _LEFT, shown)
        x += width
        if shown != text:
            break


def _small(font: QFont, bold: bool = False) -> QFont:
    small = theme.font_for(TextStyle.CAPTION, font)
    if bold:
        small.setWeight(QFont.Weight.DemiBold)
        small.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
    return small
