"""Settings > Encryption key: change the passphrase, move the key in and out of the keychain."""

from __future__ import annotations

from typing import Any

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from leaddesk.security.keys import SERVICE, store_entry_name
from leaddesk.services.desk import Desk
from leaddesk.services.keys import KeyLocation
from leaddesk.ui.context import AppContext
from leaddesk.ui.settings.settings_key import KeyChangeDialog, KeySettings
from leaddesk.ui.settings.settings_view import SettingsView

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

OLD = "old horse battery staple"
NEW = "new horse battery staple"
WAIT_MS = 30_000


def settings(qtbot: Any, ctx: AppContext) -> KeySettings:
    view = SettingsView(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 900)
    view.show()
    qtbot.waitExposed(view)
    return view.key_settings


def click(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_into(qtbot: Any, field: QLineEdit, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field, text)


def dialog_of(qtbot: Any, group: KeySettings) -> KeyChangeDialog:
    qtbot.waitUntil(lambda: group.dialog is not None and group.dialog.isVisible())
    assert group.dialog is not None
    return group.dialog


def wait_done(qtbot: Any, group: KeySettings) -> None:
    qtbot.waitUntil(lambda: group.busy.isHidden(), timeout=WAIT_MS)


def test_keychain_store_can_switch_to_a_passphrase_and_keeps_working(
    qtbot: Any, ctx: AppContext, desk: Desk, memory_keyring: Any
) -> None:
    old_entry = store_entry_name(desk.path)
    group = settings(qtbot, ctx)
    assert group.where.text() == "Key kept in the OS keychain"
    assert group.to_passphrase.isVisible()
    assert not group.change_passphrase.isVisible() and not group.to_keychain.isVisible()

    click(qtbot, group.to_passphrase)
    dialog = dialog_of(qtbot, group)
    assert not dialog.current.isVisible(), "a keychain store has no passphrase to ask"
    type_into(qtbot, dialog.new, NEW)
    type_into(qtbot, dialog.repeat, NEW)
    click(qtbot, dialog.ok_button)
    wait_done(qtbot, group)

    assert "protected by your passphrase" in group.result.text()
    assert group.where.text() == "Protected by a passphrase"
    assert group.change_passphrase.isVisible() and group.to_keychain.isVisible()
    assert desk.key_location() is KeyLocation.PASSPHRASE
    assert desk.check_passphrase(NEW)
    assert memory_keyring.get_password(SERVICE, old_entry) is not None  # for old backups
    person = desk.add_person("Ada Lovelace")  # the open Desk carries on, on the rekeyed file
    assert desk.person(person).name == "Ada Lovelace"


def test_change_passphrase_asks_the_current_one_first(
    qtbot: Any, ctx: AppContext, desk: Desk
) -> None:
    desk.change_passphrase(OLD)
    group = settings(qtbot, ctx)
    assert group.where.text() == "Protected by a passphrase"

    click(qtbot, group.change_passphrase)
    dialog = dialog_of(qtbot, group)
    type_into(qtbot, dialog.current, "not the passphrase")
    type_into(qtbot, dialog.new, NEW)
    type_into(qtbot, dialog.repeat, NEW)
    click(qtbot, dialog.ok_button)
    wait_done(qtbot, group)
    assert "not the current passphrase" in group.result.text()
    assert desk.check_passphrase(OLD) and not desk.check_passphrase(NEW)

    group.dialog = None
    click(qtbot, group.change_passphrase)
    dialog = dialog_of(qtbot, group)
    type_into(qtbot, dialog.current, OLD)
    type_into(qtbot, dialog.new, NEW)
    type_into(qtbot, dialog.repeat, NEW)
    click(qtbot, dialog.ok_button)
    wait_done(qtbot, group)
    assert group.result.text() == "The passphrase was changed."
    assert desk.check_passphrase(NEW) and not desk.check_passphrase(OLD)
    assert desk.people() == []


def test_a_short_or_mistyped_new_passphrase_is_explained_and_changes_nothing(
    qtbot: Any, ctx: AppContext, desk: Desk
) -> None:
    group = settings(qtbot, ctx)
    before = desk.path.read_bytes()
    click(qtbot, group.to_passphrase)
    dialog = dialog_of(qtbot, group)
    type_into(qtbot, dialog.new, "short")
    type_into(qtbot, dialog.repeat, "short")
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "at least 8" in dialog.error.text()
    dialog.new.clear()
    type_into(qtbot, dialog.new, NEW)
    click(qtbot, dialog.ok_button)
    assert dialog.isVisible() and "differ" in dialog.error.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert desk.key_location() is KeyLocation.KEYCHAIN
    assert desk.path.read_bytes() == before


def test_passphrase_store_moves_its_key_into_the_keychain(
    qtbot: Any, ctx: AppContext, desk: Desk, memory_keyring: Any
) -> None:
    desk.change_passphrase(OLD)
    group = settings(qtbot, ctx)
    assert group.to_keychain.isEnabled()
    click(qtbot, group.to_keychain)
    dialog = dialog_of(qtbot, group)
    assert not dialog.new.isVisible()
    type_into(qtbot, dialog.current, OLD)
    click(qtbot, dialog.ok_button)
    wait_done(qtbot, group)
    assert group.where.text() == "Key kept in the OS keychain"
    assert desk.key_location() is KeyLocation.KEYCHAIN
    assert memory_keyring.get_password(SERVICE, store_entry_name(desk.path)) is not None
    assert not desk.check_passphrase(OLD)
    desk.add_person("Ada Lovelace")
    assert [p.name for p in desk.people()] == ["Ada Lovelace"]


def test_without_a_keychain_the_move_is_offered_but_disabled(
    qtbot: Any, ctx: AppContext, desk: Desk
) -> None:
    desk.change_passphrase(OLD)
    keyring.set_keyring(fail.Keyring())
    group = settings(qtbot, ctx)
    assert group.to_keychain.isVisible() and not group.to_keychain.isEnabled()
    assert "no usable OS keychain" in group.to_keychain.toolTip()
