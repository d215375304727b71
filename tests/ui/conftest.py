"""GUI fixtures: a real AppContext over a real encrypted store, and a main window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from leaddesk.services.desk import Desk
from leaddesk.ui.context import AppContext


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path, qapp) -> Iterator[None]:
    """QSettings in a temporary folder so tests never read or write the user's settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    qapp.setOrganizationName("LeadDeskTests")
    qapp.setApplicationName("LeadDeskTests")
    yield


@pytest.fixture(autouse=True)
def no_window_left_open(qapp) -> Iterator[None]:
    """Close any dialog or box a test left on screen: a stray modal would be answered (or
    waited on) by the next test's `on_modal` instead of the dialog that test opens."""
    yield
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()


@pytest.fixture
def ctx(desk: Desk, qapp) -> Iterator[AppContext]:
    """The context views are built on, over the test's fresh store."""
    context = AppContext(desk)
    yield context
    context.close()


@pytest.fixture
def demo_desk(desk: Desk) -> Desk:
    """The test store filled with a small demo world (5 direct reports, 1 year)."""
    from leaddesk.demo import build_demo

    build_demo(desk, people=5, years=1, seed=3)
    return desk


@pytest.fixture
def demo_ctx(demo_desk: Desk, qapp) -> Iterator[AppContext]:
    """A context over the demo world."""
    context = AppContext(demo_desk)
    yield context
    context.close()
