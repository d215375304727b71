"""The Settings group for the tray and notifications: the morning digest, details, the tray,
and starting LeadDesk at login."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QMessageBox,
    QSystemTrayIcon,
    QTimeEdit,
    QWidget,
)

from leaddesk.domain.errors import UserError
from leaddesk.domain.notices import parse_digest_time
from leaddesk.services.keys import KeyLocation
from leaddesk.services.settings import Settings
from leaddesk.ui.context import AppContext
from leaddesk.ui.shell import autostart

Field = Callable[[QFormLayout, str, QWidget, str], None]
Save = Callable[[str, object, str], None]
DETAILS = (
    'Off: a notification says only how many things are due ("3 things are due today"), '
    "never whose or what. On: names and texts too, but never while LeadDesk is locked or in "
    "presenter mode."
)
NO_TRAY = "This desktop has no system tray, so closing the window quits LeadDesk."


class NotificationSettings:
    """Digest time, details in notifications, keep running in the tray, start at login."""

    def __init__(self, form: QFormLayout, field: Field, save: Save, ctx: AppContext) -> None:
        self._save = save
        self.ctx = ctx
        self.digest_time = QTimeEdit()
        self.digest_time.setObjectName("digest_time")
        self.digest_time.setDisplayFormat("HH:mm")
        self.digest_time.setKeyboardTracking(False)  # saved on Enter or leaving, not per digit
        self.digest_time.setMinimumWidth(150)
        self.digest_time.timeChanged.connect(self._save_digest_time)
        field(
            form,
            "Morning digest at",
            self.digest_time,
            "Once a day at this time (or when LeadDesk starts later) a notification says how "
            "many things are due today or overdue.",
        )
        self.details = QCheckBox("Show details in notifications")
        self.details.setObjectName("notify_details")
        self.details.toggled.connect(self._save_details)
        field(form, "Notifications", self.details, DETAILS)
        self.keep_in_tray = QCheckBox("Keep running in the tray when the window is closed")
        self.keep_in_tray.setObjectName("keep_in_tray")
        self.keep_in_tray.toggled.connect(self._save_keep)
        tray = QSystemTrayIcon.isSystemTrayAvailable()
        field(
            form,
            "&Tray",
            self.keep_in_tray,
            "LeadDesk stays in the tray to give the morning digest; quit it from the tray "
            "menu or File ▸ Quit."
            if tray
            else NO_TRAY,
        )
        self.keep_in_tray.setEnabled(tray)
        self.at_login = QCheckBox("Start LeadDesk when I log in")
        self.at_login.setObjectName("start_at_login")
        self.at_login.toggled.connect(self._save_at_login)
        field(form, "At login", self.at_login, self._login_note())

    def _login_note(self) -> str:
        if not autostart.autostart_supported():
            return autostart.NOT_AVAILABLE
        if self._is_demo():
            return "Not for the throwaway demo: it is gone when its window closes."
        return f"Adds {autostart.autostart_file()} (removed when you turn this off)."

    def _is_demo(self) -> bool:
        return self.ctx.desk.key_location() is KeyLocation.MEMORY

    def show(self, settings: Settings) -> None:
        """Show the stored values (without saving them again)."""
        at = parse_digest_time(settings.digest_time)
        for box, on in (
            (self.details, settings.notify_details),
            (self.keep_in_tray, settings.keep_in_tray),
            (self.at_login, autostart.autostart_supported() and autostart.autostart_enabled()),
        ):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self.digest_time.blockSignals(True)
        self.digest_time.setTime(QTime(at.hour, at.minute))
        self.digest_time.blockSignals(False)
        self.at_login.setEnabled(autostart.autostart_supported() and not self._is_demo())

    def _save_digest_time(self, value: QTime) -> None:
        text = value.toString("HH:mm")
        self._save("digest_time", text, f"The morning digest now comes at {text}.")

    def _save_details(self, on: bool) -> None:
        done = (
            "Notifications now name people and items (never while locked or presenting)."
            if on
            else "Notifications now say only how many things are due."
        )
        self._save("notify_details", on, done)

    def _save_keep(self, on: bool) -> None:
        done = (
            "Closing the window keeps LeadDesk in the tray."
            if on
            else "Closing the window quits LeadDesk."
        )
        self._save("keep_in_tray", on, done)

    def _save_at_login(self, on: bool) -> None:
        try:  # the store open now is the one opened at login, wherever LEADDESK_DB points then
            entry = autostart.set_autostart(on, self.ctx.desk.path)
        except UserError as error:
            QMessageBox.warning(self.at_login, "LeadDesk", str(error))
            self.at_login.blockSignals(True)
            self.at_login.setChecked(autostart.autostart_enabled())
            self.at_login.blockSignals(False)
            return
        self.ctx.message.emit(
            f"LeadDesk starts when you log in ({entry})."
            if on
            else "LeadDesk no longer starts at login."
        )
