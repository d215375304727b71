"""Settings: every setting kept with the data, saved as soon as it changes; backups; privacy."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.calendar_alarms import alarm_moment
from leaddesk.domain.errors import UserError
from leaddesk.domain.focus import principle_for
from leaddesk.reports import wording
from leaddesk.services.changes import ChangeArea
from leaddesk.services.settings import Settings
from leaddesk.ui import theme
from leaddesk.ui.common.base_view import BaseView
from leaddesk.ui.context import AppContext
from leaddesk.ui.settings.settings_appearance import AppearanceSetting
from leaddesk.ui.settings.settings_backups import BackupsPanel
from leaddesk.ui.settings.settings_exports import ExportSettings
from leaddesk.ui.settings.settings_key import KeySettings
from leaddesk.ui.settings.settings_notifications import NotificationSettings
from leaddesk.ui.settings.settings_numbers import GROUPS, NUMBERS, NumberSetting
from leaddesk.ui.settings.settings_unlock import UnlockSetting
from leaddesk.ui.settings.wheel_guard import guard_wheel


class SettingsView(BaseView):
    """One form; each value is saved when it changes (a wrong one is explained and undone)."""

    title = "Settings"
    areas = frozenset({ChangeArea.SETTINGS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.errors: dict[str, QLabel] = {}
        outer = QVBoxLayout(self)
        theme.page_margins(outer)
        heading = QLabel("Settings")
        theme.emphasize(heading, 1.5)
        outer.addWidget(heading)
        intro = self._muted("Every change is saved at once and applies to all your data.")
        outer.addWidget(intro)
        scroll = QScrollArea()
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll, 1)
        body = QWidget()
        body.setMaximumWidth(1000)  # lines a reader can follow on a wide screen
        self.body = QVBoxLayout(body)
        scroll.setWidget(body)
        forms = {title: self._group(title) for title, _names in GROUPS}
        for title, names in GROUPS:
            for number in NUMBERS:
                if number.name in names:
                    self._add_number(forms[title], number)
        self._add_focus_start(forms["Checkpoints and 1:1s"])
        self._add_privacy(forms["Privacy and safety"])
        self.backups = BackupsPanel(self.ctx)
        forms["Backups"].addRow(self.backups)
        self.exports = ExportSettings(forms["One-pagers (PDF)"], self._field, self._save)
        self.alarm_preview = QLabel()
        self.alarm_preview.setObjectName("alarmPreview")
        forms["Calendar export (ICS)"].addRow("", self.alarm_preview)
        self.appearance = AppearanceSetting(forms["Appearance"], self._field, self.ctx.message.emit)
        self.notifications = NotificationSettings(
            forms["Tray and notifications"], self._field, self._save, ctx
        )
        self.key_settings = KeySettings(ctx)
        after_privacy = [title for title, _names in GROUPS].index("Privacy and safety") + 1
        self.body.insertWidget(after_privacy, self.key_settings)  # the groups come first, in order
        self.body.addStretch(1)
        self.wheel_guard = guard_wheel(self)  # the wheel scrolls the page, not the field below

    # -- construction ------------------------------------------------------------------------
    @staticmethod
    def _muted(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setStyleSheet(f"color: {theme.muted_color().name()};")
        return label

    @staticmethod
    def _caption(text: str) -> QLabel:
        """A row label; all as wide as the widest, so the groups line up."""
        caption = QLabel(text)
        caption.setMinimumWidth(caption.fontMetrics().horizontalAdvance("Weekly focus from") + 12)
        return caption

    def _group(self, title: str) -> QFormLayout:
        box = QGroupBox(title)
        box.setObjectName(f"settingsGroup{title.split()[0]}")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(10)
        self.body.addWidget(box)
        return form

    def _field(self, form: QFormLayout, label: str, control: QWidget, explanation: str) -> None:
        """A row: the control, then its one-line explanation and a place for a problem."""
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        row = QHBoxLayout()
        row.addWidget(control)
        row.addStretch(1)
        box.addLayout(row)
        box.addWidget(self._muted(explanation))
        caption = self._caption(label)
        caption.setBuddy(control)
        form.addRow(caption, cell)
        control.setToolTip(explanation)
        control.setAccessibleName(label.replace("&", ""))
        control.setAccessibleDescription(explanation)
        error = QLabel()
        error.setObjectName(f"{control.objectName()}Error")
        error.setWordWrap(True)
        error.setStyleSheet(f"color: {theme.bad().name()}; font-weight: 600;")
        error.hide()
        box.addWidget(error)
        self.errors[control.objectName()] = error

    def _add_number(self, form: QFormLayout, number: NumberSetting) -> None:
        spin = QDoubleSpinBox()
        spin.setObjectName(number.name)
        spin.setDecimals(0 if number.whole else 2)
        # Wide bounds on purpose: the service judges the value and says what is allowed.
        spin.setRange(0, 99_999)
        spin.setSingleStep(number.step)
        spin.setPrefix(number.prefix)
        spin.setSuffix(number.suffix)
        spin.setSpecialValueText(number.never)
        spin.setKeyboardTracking(False)  # save on Enter or leaving the field, not per digit
        spin.setMinimumWidth(150)
        spin.valueChanged.connect(lambda value, n=number: self._save_number(n, value))
        self.spins[number.name] = spin
        self._field(form, number.label, spin, number.explanation)

    def _add_focus_start(self, form: QFormLayout) -> None:
        self.focus_start = QDateEdit()
        self.focus_start.setObjectName("focus_start")
        self.focus_start.setCalendarPopup(True)
        self.focus_start.setDisplayFormat("d MMM yyyy")
        self.focus_start.setKeyboardTracking(False)
        self.focus_start.setMinimumWidth(150)
        self.focus_start.dateChanged.connect(self._save_focus_start)
        self._field(
            form,
            "Weekly f&ocus from",
            self.focus_start,
            "The week principle 1 (Clarity) was in focus; the six principles then take turns, "
            "one a week.",
        )
        self.focus_preview = QLabel()
        self.focus_preview.setObjectName("focusPreview")
        form.addRow("", self.focus_preview)

    def _add_privacy(self, form: QFormLayout) -> None:
        self.store_path = QLabel()
        self.store_path.setObjectName("storePath")
        self.store_path.setAccessibleName("Store file")
        self.store_path.setWordWrap(True)
        self.store_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self._caption("Store"), self.store_path)
        self.unlock = UnlockSetting(self.ctx)
        form.addRow(self._caption("Unlock"), self.unlock)
        self.presenter = QCheckBox("Presenter mode (Ctrl+Shift+P)")
        self.presenter.setObjectName("presenterToggle")
        self.presenter.toggled.connect(self.ctx.set_presenter)
        self.ctx.presenter_changed.connect(self._mirror_presenter)
        self._field(
            form,
            "&Screen sharing",
            self.presenter,
            "Hides trust assessments, scores, relationship notes and private 1:1 notes "
            "everywhere, with a banner, until you turn it off.",
        )

    # -- rendering ---------------------------------------------------------------------------
    def load(self) -> None:
        settings = self.ctx.desk.settings()
        for name, spin in self.spins.items():
            spin.blockSignals(True)
            spin.setValue(float(getattr(settings, name)))
            spin.blockSignals(False)
        self.focus_start.blockSignals(True)
        start = settings.focus_start
        self.focus_start.setDate(QDate(start.year, start.month, start.day))
        self.focus_start.blockSignals(False)
        self._preview_focus(settings)
        self.alarm_preview.setText(_alarm_preview(settings.ics_alarm_lead_minutes))
        self.exports.show(settings)
        self.appearance.show()
        self.notifications.show(settings)
        desk = self.ctx.desk
        self.store_path.setText(str(desk.path))
        self.unlock.show_state()
        self._mirror_presenter(self.ctx.presenter)

    def _preview_focus(self, settings: Settings) -> None:
        today = self.ctx.desk.today()
        principle = principle_for(today, settings.focus_start)
        self.focus_preview.setText(
            f"This week: principle {int(principle)} of 6 — {principle.title}."
        )

    def _mirror_presenter(self, on: bool) -> None:
        if self.presenter.isChecked() != on:
            self.presenter.blockSignals(True)
            self.presenter.setChecked(on)
            self.presenter.blockSignals(False)

    # -- saving ------------------------------------------------------------------------------
    def _save(self, name: str, value: object, done: str) -> None:
        error = self.errors[name]
        try:
            self.ctx.desk.update_settings(**{name: value})
        except UserError as problem:
            error.setText(f"{problem} Kept the previous value.")
            error.show()
            self.load()  # back to what is stored
            return
        error.hide()
        self.ctx.message.emit(done)

    def _save_number(self, number: NumberSetting, value: float) -> None:
        amount: float = round(value) if number.whole else round(value, 2)
        shown = f"{number.prefix}{self.spins[number.name].textFromValue(value)}{number.suffix}"
        if number.never and amount == 0:
            shown = number.never.lower()
        self._save(number.name, amount, f"{number.label.replace('&', '')}: {shown}. Saved.")

    def _save_focus_start(self, value: QDate) -> None:
        day = date(value.year(), value.month(), value.day())
        self._save("focus_start", day, f"Weekly focus now counts from {wording.day(day)}.")


def _alarm_preview(minutes: int) -> str:
    """What the lead time means on the clock, for all-day items."""
    if minutes <= 0:
        return "Calendar exports carry no alarms."
    return f"Your calendar app reminds you {alarm_moment(minutes)}."
