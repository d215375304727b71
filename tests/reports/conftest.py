"""PDF report fixtures: a QApplication first (so later widget tests get one), demo data."""

from __future__ import annotations

import pytest

from leaddesk.services.desk import Desk


@pytest.fixture(autouse=True)
def _gui_app(qapp) -> None:  # type: ignore[no-untyped-def]
    """QPdfWriter needs a QGuiApplication; pytest-qt's QApplication serves every test alike."""


@pytest.fixture
def demo_desk(desk: Desk) -> Desk:
    """The test store filled with a small demo world (5 direct reports, 1 year)."""
    from leaddesk.demo import build_demo

    build_demo(desk, people=5, years=1, seed=3)
    return desk
