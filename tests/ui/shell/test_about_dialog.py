"""Help > About, reached from the menu bar as a user does: the version, LeadDesk's licence, the Qt
and PySide6 versions under the LGPL, and where the third-party licence notices are — the path in
the bundle, the package metadata in a pip install."""

from __future__ import annotations

import platform
import sys
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
from helpers.qt import open_main_window, press
from helpers.visible_text import visible_texts
from PySide6.QtCore import QObject, Qt, QUrl, Slot, qVersion
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from leaddesk import __version__
from leaddesk.services.desk import Desk
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.shell.about_dialog import AboutDialog


def menu_action(window: MainWindow, menu_title: str, text: str) -> QAction:
    """An action as the menu bar shows it (found by its menu and its text, like a user)."""
    for top in window.menuBar().actions():
        if top.text() == menu_title and top.menu() is not None:
            for action in top.menu().actions():  # type: ignore[union-attr]
                if action.text() == text:
                    return action
    raise AssertionError(f"no {text!r} in the {menu_title!r} menu")


def open_about(window: MainWindow, qtbot: object) -> AboutDialog:
    """Help > About LeadDesk, and the dialog it shows."""
    menu_action(window, "&Help", "&About LeadDesk").trigger()

    def shown() -> AboutDialog | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, AboutDialog) and widget.isVisible():
                return widget
        return None

    qtbot.waitUntil(lambda: shown() is not None)  # type: ignore[attr-defined]
    dialog = shown()
    assert dialog is not None
    return dialog


def text_of(dialog: AboutDialog) -> str:
    return "\n".join(visible_texts(dialog))


@pytest.fixture
def window(desk: Desk, qtbot: object) -> MainWindow:
    return open_main_window(desk, qtbot)


@pytest.fixture
def bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run as the PyInstaller bundle does: frozen, with `_internal` as sys._MEIPASS."""
    internal = tmp_path / "LeadDesk" / "_internal"
    (internal / "licenses").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(internal), raising=False)
    return internal


class Opened(QObject):
    """Receives the URLs the desktop would open (Qt's own hook for a scheme's handler)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened() -> Iterator[Opened]:
    handler = Opened()
    QDesktopServices.setUrlHandler("file", handler, "open")
    yield handler
    QDesktopServices.unsetUrlHandler("file")


def test_about_shows_version_licence_libraries_and_pip_notice(
    window: MainWindow, qtbot: object
) -> None:
    dialog = open_about(window, qtbot)
    shown = text_of(dialog)
    assert "About LeadDesk" in shown
    assert f"LeadDesk {__version__}" in shown
    assert "MIT · Copyright (c) 2026 The LeadDesk developers" in shown
    assert f"Uses Qt {qVersion()} and PySide6 {PySide6.__version__} under the LGPL-3.0." in shown
    assert "No account, no server, no telemetry." in shown
    assert platform.python_version() in shown
    # Tests run from the source tree, as a pip install does: no generated notices file.
    assert "each library names its licence in its package metadata" in shown
    assert "pip show -f PACKAGE" in shown
    assert (
        "Qt and PySide6 ship none; the LGPL-3.0 is at\nhttps://www.gnu.org/licenses/lgpl-3.0"
        in shown
    )
    assert "Open licence notices" not in shown
    for label in dialog.findChildren(QLabel):
        if label.text() and label.isVisible():
            assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_the_mit_text_is_shown_on_request(window: MainWindow, qtbot: object) -> None:
    dialog = open_about(window, qtbot)
    licence = Path(__file__).resolve().parents[3] / "LICENSE"
    assert "Permission is hereby granted" not in text_of(dialog)
    button = dialog.findChild(QPushButton, "aboutShowLicence")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "Permission is hereby granted" in text_of(dialog))  # type: ignore[attr-defined]
    assert licence.read_text(encoding="utf-8") in text_of(dialog)
    assert "Hide licence" in text_of(dialog)


def test_esc_closes_it(window: MainWindow, qtbot: object) -> None:
    dialog = open_about(window, qtbot)
    press(qtbot, dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())  # type: ignore[attr-defined]


def test_in_the_bundle_it_shows_where_the_notices_are_and_opens_them(
    window: MainWindow, qtbot: object, bundle: Path, opened: Opened
) -> None:
    notices = bundle / "licenses" / "THIRD-PARTY-NOTICES.txt"
    notices.write_text("LeadDesk 0.1.0: third-party notices\n", encoding="utf-8")
    (bundle / "licenses" / "LICENSE").write_text("MIT License\n\nbundled copy\n", encoding="utf-8")
    dialog = open_about(window, qtbot)
    shown = text_of(dialog)
    assert str(notices) in shown
    assert "pip show" not in shown
    button = dialog.findChild(QPushButton, "aboutOpenNotices")
    assert button is not None and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: len(opened.urls) == 1)  # type: ignore[attr-defined]
    assert Path(opened.urls[0].toLocalFile()) == notices
    qtbot.mouseClick(  # type: ignore[attr-defined]
        dialog.findChild(QPushButton, "aboutShowLicence"), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: "bundled copy" in text_of(dialog))  # type: ignore[attr-defined]


def test_a_bundle_missing_its_notices_says_so(
    window: MainWindow, qtbot: object, bundle: Path
) -> None:
    shown = text_of(open_about(window, qtbot))
    assert f"Missing: they should be in {bundle / 'licenses'}." in shown
    assert "pip show" not in shown
