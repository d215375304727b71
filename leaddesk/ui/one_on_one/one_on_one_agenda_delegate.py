"""Paints an agenda row as a calm two-line entry: tick box, a small tag line, the item itself."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from leaddesk.ui import theme
from leaddesk.ui.one_on_one.one_on_one_agenda_model import SectionRole, StateRole, TagRole

Index = QModelIndex | QPersistentModelIndex
PAD = 8
GAP = 10


def _small(font: QFont, bold: bool = False) -> QFont:
    small = QFont(font)
    small.setPointSizeF(max(7.0, font.pointSizeF() * 0.86))
    if bold:
        small.setWeight(QFont.Weight.DemiBold)
    return small


class OneOnOneAgendaDelegate(QStyledItemDelegate):
    """Section captions, a tick box (Space or click), the tag line in a semantic colour."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        font = option.font
        height = PAD * 2 + QFontMetrics(_small(font)).height() + 2 + QFontMetrics(font).height()
        if index.data(SectionRole):
            height += self._section_height(font)
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        rect = QRect(opt.rect)
        font = opt.font
        palette: QPalette = opt.palette
        painter.save()
        section = index.data(SectionRole)
        if section:
            top = self._section_height(font)
            caption = QRect(rect.left() + PAD, rect.top(), rect.width() - 2 * PAD, top)
            painter.setFont(_small(font, bold=True))
            painter.setPen(theme.muted_color())
            painter.drawText(
                caption.adjusted(0, 0, 0, -4),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom),
                str(section).upper(),
            )
            rect.setTop(rect.top() + top)
        panel = QStyleOptionViewItem(opt)
        panel.rect = rect
        panel.text = ""
        panel.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, panel, painter, widget)

        check = QStyleOptionViewItem(opt)
        check.rect = self._check_rect(rect, widget)
        check.state = opt.state & ~QStyle.StateFlag.State_HasFocus | (
            QStyle.StateFlag.State_On
            if opt.checkState == Qt.CheckState.Checked
            else QStyle.StateFlag.State_Off
        )
        style.drawPrimitive(
            QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, check, painter, widget
        )

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        discussed = opt.checkState == Qt.CheckState.Checked
        left = check.rect.right() + GAP
        width = rect.right() - PAD - left
        small = _small(font)
        small_h = QFontMetrics(small).height()
        tag_rect = QRect(left, rect.top() + PAD, width, small_h)
        text_rect = QRect(left, tag_rect.bottom() + 3, width, QFontMetrics(font).height())
        highlighted = palette.color(QPalette.ColorRole.HighlightedText)
        painter.setFont(small)
        painter.setPen(highlighted if selected else self._tag_color(index.data(StateRole)))
        painter.drawText(
            tag_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(small).elidedText(
                str(index.data(TagRole) or ""), Qt.TextElideMode.ElideRight, width
            ),
        )
        painter.setFont(font)
        if selected:
            painter.setPen(highlighted)
        else:
            painter.setPen(theme.muted_color() if discussed else theme.text_color())
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            QFontMetrics(font).elidedText(
                str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
                Qt.TextElideMode.ElideRight,
                width,
            ),
        )
        painter.restore()

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select):
                return self._toggle(model, index)
            return False
        if event.type() in (QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick):
            assert isinstance(event, QMouseEvent)
            rect = QRect(option.rect)
            if index.data(SectionRole):
                rect.setTop(rect.top() + self._section_height(option.font))
            hit = self._check_rect(rect, option.widget).adjusted(-4, -6, 4, 6)
            if event.button() == Qt.MouseButton.LeftButton and hit.contains(
                event.position().toPoint()
            ):
                if event.type() == QEvent.Type.MouseButtonRelease:
                    return self._toggle(model, index)
                return True  # a double-click on the box only toggles once
        return False

    # -- helpers -----------------------------------------------------------------------------
    @staticmethod
    def _toggle(model: QAbstractItemModel, index: Index) -> bool:
        checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        new = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
        return model.setData(index, new, Qt.ItemDataRole.CheckStateRole)

    @staticmethod
    def _check_rect(rect: QRect, widget: object) -> QRect:
        style = widget.style() if hasattr(widget, "style") else QApplication.style()
        size = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
        return QRect(rect.left() + PAD, rect.center().y() - size // 2, size, size)

    @staticmethod
    def _section_height(font: QFont) -> int:
        return QFontMetrics(_small(font, bold=True)).height() + 14

    @staticmethod
    def _tag_color(state: str | None) -> QColor:
        if state == "overdue":
            return theme.bad()
        if state == "done":
            return theme.good()
        if state == "gap":
            return theme.warn()
        return theme.muted_color()
