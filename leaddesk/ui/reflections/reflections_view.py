"""Reflections: the weekly-focus history, week by week, newest first, filterable by principle."""

from __future__ import annotations

from datetime import UTC, date
from typing import Any

from PySide6.QtCore import QModelIndex, QRegularExpression, QSortFilterProxyModel, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.focus import Principle, week_start
from leaddesk.reports import wording
from leaddesk.services.changes import ChangeArea
from leaddesk.services.reflections import ReflectionView
from leaddesk.ui import theme
from leaddesk.ui.common.base_view import BaseView
from leaddesk.ui.common.card import make_card
from leaddesk.ui.common.presenter import HIDDEN
from leaddesk.ui.context import AppContext

WeekRole = Qt.ItemDataRole.UserRole + 1
PrincipleRole = Qt.ItemDataRole.UserRole + 2
EMPTY_TEXT = (
    "Each week LeadDesk puts one of the six principles in focus on the This week screen, with "
    "three prompts to think about. What you write in its reflection box is kept here, week by "
    "week, so you can see how your leading changes over the months."
)


def _scaled(label: QLabel, factor: float, weight: QFont.Weight = QFont.Weight.DemiBold) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setWeight(weight)
    label.setFont(font)
    return label


class ReflectionsView(BaseView):
    """Browse past reflections; this week's is written on This week."""

    title = "Reflections"
    areas = frozenset({ChangeArea.REFLECTIONS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.reflections: dict[date, ReflectionView] = {}
        self.pages = QStackedWidget()
        layout = QVBoxLayout(self)
        theme.page_margins(layout)
        layout.addLayout(self._build_header())
        layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._build_empty())
        self.pages.addWidget(self._build_history())
        QWidget.setTabOrder(self.principle_filter, self.edit_button)
        QWidget.setTabOrder(self.edit_button, self.weeks)
        QWidget.setTabOrder(self.weeks, self.text)

    # -- construction ------------------------------------------------------------------------
    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        heading = theme.title_label("Reflections")
        heading.setObjectName("reflectionsHeading")
        row.addWidget(heading)
        self.count = QLabel()
        self.count.setObjectName("reflectionsCount")
        self.count.setStyleSheet(f"color: {theme.muted_color().name()};")
        row.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
        row.addStretch(1)
        caption = self.filter_caption = QLabel("&Principle:")
        self.principle_filter = QComboBox()
        self.principle_filter.setObjectName("reflectionsPrinciple")
        self.principle_filter.setAccessibleName("Show reflections on principle")
        self.principle_filter.setToolTip("Show only the weeks that focused on one principle.")
        self.principle_filter.addItem("All principles", 0)
        for principle in Principle:
            self.principle_filter.addItem(f"{int(principle)}. {principle.title}", int(principle))
        self.principle_filter.currentIndexChanged.connect(self._filter)
        caption.setBuddy(self.principle_filter)
        row.addWidget(caption)
        row.addWidget(self.principle_filter)
        self.edit_button = QPushButton(theme.icon("edit"), "Edit this &week's reflection")
        self.edit_button.setObjectName("editThisWeek")
        self.edit_button.setAccessibleName("Edit this week's reflection on This week")
        self.edit_button.setToolTip("This week's reflection is written on the This week screen.")
        self.edit_button.clicked.connect(lambda: self.ctx.go("week"))
        row.addWidget(self.edit_button)
        return row

    def _build_empty(self) -> QWidget:
        page = QWidget()
        page.setObjectName("reflectionsEmpty")
        box = QVBoxLayout(page)
        box.addStretch(1)
        heading = _scaled(QLabel("No reflections yet"), 1.4)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(EMPTY_TEXT)
        text.setObjectName("reflectionsEmptyText")
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setMaximumWidth(560)
        self.write_first = QPushButton(theme.icon("week"), "Write this week's reflection")
        self.write_first.setObjectName("writeFirstReflection")
        self.write_first.setAccessibleName("Write this week's reflection on This week")
        self.write_first.setToolTip("Opens This week, where the reflection box is.")
        self.write_first.clicked.connect(lambda: self.ctx.go("week"))
        box.addWidget(heading)
        box.addSpacing(8)
        centred = QHBoxLayout()  # no alignment flag: the wrapped label then gets its full height
        centred.addStretch(1)
        centred.addWidget(text, 4)
        centred.addStretch(1)
        box.addLayout(centred)
        box.addSpacing(16)
        box.addWidget(self.write_first, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        return page

    def _build_history(self) -> QWidget:
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(PrincipleRole)
        self.weeks = QListView()
        self.weeks.setObjectName("reflectionWeeks")
        self.weeks.setAccessibleName("Weeks with a reflection, newest first")
        self.weeks.setModel(self.proxy)
        self.weeks.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.weeks.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.weeks.setAlternatingRowColors(True)
        self.weeks.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.weeks.setResizeMode(QListView.ResizeMode.Adjust)  # rewrap when the splitter moves
        self.weeks.setStyleSheet("QListView#reflectionWeeks::item { padding: 5px 4px; }")
        self.weeks.setWordWrap(True)
        self.weeks.setMinimumWidth(300)
        self.weeks.selectionModel().currentChanged.connect(self._show_current)
        split.addWidget(self.weeks)

        detail = QFrame()
        detail.setObjectName("reflectionDetail")
        make_card(detail)
        box = QVBoxLayout(detail)
        self.week_title = _scaled(QLabel(), 1.3)
        self.week_title.setObjectName("reflectionWeek")
        self.principle_title = _scaled(QLabel(), 1.1, QFont.Weight.Normal)
        self.principle_title.setObjectName("reflectionPrinciple")
        self.intent = QLabel()
        self.intent.setObjectName("reflectionIntent")
        self.intent.setWordWrap(True)
        self.intent.setStyleSheet(f"color: {theme.muted_color().name()};")
        self.prompts = QLabel()
        self.prompts.setObjectName("reflectionPrompts")
        self.prompts.setWordWrap(True)
        self.prompts.setTextFormat(Qt.TextFormat.RichText)
        self.prompts.setStyleSheet(f"color: {theme.muted_color().name()};")
        self.text = QPlainTextEdit()
        self.text.setObjectName("reflectionText")
        self.text.setAccessibleName("Reflection (read-only)")
        self.text.setReadOnly(True)
        self.text.setToolTip("Past weeks are read-only; this week's is edited on This week.")
        self.updated = QLabel()
        self.updated.setObjectName("reflectionUpdated")
        self.updated.setStyleSheet(f"color: {theme.muted_color().name()};")
        for widget in (self.week_title, self.principle_title, self.intent, self.prompts):
            box.addWidget(widget)
        yours = QLabel("<b>Your reflection</b>")
        yours.setBuddy(self.text)
        box.addSpacing(6)
        box.addWidget(yours)
        box.addWidget(self.text, 1)
        box.addWidget(self.updated)
        split.addWidget(detail)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        return split

    def set_argument(self, argument: Any) -> None:
        """A day (a search result's week) selects the reflection of its week."""
        self.refresh()
        if isinstance(argument, date) and week_start(argument) in self.reflections:
            week = week_start(argument)
            if self.principle_filter.currentData() not in (
                0,
                int(self.reflections[week].principle),
            ):
                self.principle_filter.setCurrentIndex(0)  # the filter hid that week
            self._select(week)
            self.weeks.setFocus()

    # -- rendering ---------------------------------------------------------------------------
    def load(self) -> None:
        reflections = self.ctx.desk.reflections()
        self.reflections = {r.week_start: r for r in reflections}
        self.pages.setCurrentIndex(1 if reflections else 0)
        for widget in (self.count, self.filter_caption, self.principle_filter, self.edit_button):
            widget.setVisible(bool(reflections))  # the empty page has its own way to start
        selected = self._selected_week()
        this_week = week_start(self.ctx.desk.today())
        self.model.clear()
        for reflection in reflections:
            self.model.appendRow(self._item(reflection, reflection.week_start == this_week))
        self._filter()
        if selected is not None:
            self._select(selected)

    def _item(self, reflection: ReflectionView, current: bool) -> QStandardItem:
        principle = reflection.principle
        when = f"Week of {wording.day(reflection.week_start)}" + (" (this week)" if current else "")
        if self.ctx.presenter:
            first_line = HIDDEN
        else:
            lines = reflection.text.strip().splitlines() or [""]
            first_line = lines[0] if len(lines[0]) <= 90 else lines[0][:89] + "…"
        item = QStandardItem(f"{when} · {principle.title}\n{first_line}")
        item.setData(reflection.week_start, WeekRole)
        item.setData(str(int(principle)), PrincipleRole)
        item.setData(f"{when}: {principle.title}", Qt.ItemDataRole.AccessibleTextRole)
        item.setToolTip(f"{when}\nPrinciple {int(principle)} of 6: {principle.title}")
        return item

    def _filter(self) -> None:
        chosen = int(self.principle_filter.currentData() or 0)
        pattern = f"^{chosen}$" if chosen else ""
        self.proxy.setFilterRegularExpression(QRegularExpression(pattern))
        shown = self.proxy.rowCount()
        total = self.model.rowCount()
        weeks = wording.count(shown, "week")
        self.count.setText(f"{weeks} of {total}" if chosen else weeks)
        if not self.weeks.currentIndex().isValid() and shown:
            self.weeks.setCurrentIndex(self.proxy.index(0, 0))
        elif not shown:
            self._show(None)

    def _selected_week(self) -> date | None:
        index = self.weeks.currentIndex()
        value = index.data(WeekRole) if index.isValid() else None
        return value if isinstance(value, date) else None

    def _select(self, week: date) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(WeekRole) == week:
                self.weeks.setCurrentIndex(index)
                return

    def _show_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        week = current.data(WeekRole) if current.isValid() else None
        self._show(self.reflections.get(week) if isinstance(week, date) else None)

    def _show(self, reflection: ReflectionView | None) -> None:
        if reflection is None:
            chosen = self.principle_filter.currentText().split(". ", 1)[-1]
            self.week_title.setText("No week on this principle yet")
            self.principle_title.setText("")
            self.intent.setText(f"No reflection on “{chosen}” so far. Pick another principle.")
            self.prompts.setText("")
            self.text.setPlainText("")
            self.updated.setText("")
            return
        principle = reflection.principle
        self.week_title.setText(f"Week of {wording.full_day(reflection.week_start)}")
        self.principle_title.setText(f"Principle {int(principle)} of 6 — {principle.title}")
        self.intent.setText(principle.text.intent)
        self.prompts.setText("<ol>" + "".join(f"<li>{p}</li>" for p in principle.text.prompts))
        if self.ctx.presenter:
            self.text.setPlainText(f"Reflection text {HIDDEN}.")
        else:
            self.text.setPlainText(reflection.text)
        edited = reflection.updated_at.replace(tzinfo=UTC).astimezone()
        self.updated.setText(
            f"Last edited {wording.weekday(edited.date())}, {wording.clock(edited)}"
        )
