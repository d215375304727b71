"""GUI fixtures: a real AppContext over a real encrypted store, and a main window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings

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
