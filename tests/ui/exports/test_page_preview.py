"""The one-pager preview zooms as a user expects: Ctrl+plus/minus, Ctrl+0, Ctrl+wheel, buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QToolButton

from leaddesk.services.desk import Desk
from leaddesk.ui.context import AppContext
from leaddesk.ui.exports.export_person_dialog import ExportPersonDialog

pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support propagateSizeHints", "This plugin does not support raise"
)
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def dialog(qtbot, demo_ctx: AppContext, demo_desk: Desk) -> ExportPersonDialog:
    """The export dialog, shown and active, its page drawn."""
    person = demo_desk.direct_reports()[0].id
    shown = ExportPersonDialog(demo_ctx, None, person)
    qtbot.addWidget(shown)
    shown.show()
    shown.activateWindow()
    qtbot.waitUntil(shown.isActiveWindow, timeout=5_000)
    qtbot.waitUntil(lambda: not shown.preview.pixmap().isNull(), timeout=10_000)
    return shown


def page_width(dialog: ExportPersonDialog) -> int:
    return dialog.preview.pixmap().width()


def focused(dialog: ExportPersonDialog):  # type: ignore[no-untyped-def]
    return QApplication.focusWidget() or dialog


def test_ctrl_plus_and_minus_zoom_and_ctrl_0_fits_again(qtbot, dialog: ExportPersonDialog) -> None:
    view = dialog.page_view
    fit = page_width(dialog)
    assert view.fitting() and not view.fit_action.isEnabled()
    qtbot.keyClick(focused(dialog), Qt.Key.Key_Plus, CTRL)
    assert page_width(dialog) > fit
    assert view.zoom_label.text().endswith("%") and view.fit_action.isEnabled()
    bigger = page_width(dialog)
    qtbot.keyClick(focused(dialog), Qt.Key.Key_Plus, CTRL)
    assert page_width(dialog) > bigger
    qtbot.keyClick(focused(dialog), Qt.Key.Key_Minus, CTRL)
    assert page_width(dialog) == bigger
    qtbot.keyClick(focused(dialog), Qt.Key.Key_0, CTRL)
    assert page_width(dialog) == fit and view.fitting()
    for _ in range(12):  # past the smallest step it stays there
        qtbot.keyClick(focused(dialog), Qt.Key.Key_Minus, CTRL)
    assert view.zoom_label.text() == "50%" and not view.zoom_out_action.isEnabled()
    assert page_width(dialog) < fit


def test_ctrl_wheel_over_the_page_zooms_and_the_wheel_alone_does_not(
    qtbot, dialog: ExportPersonDialog
) -> None:
    viewport = dialog.page_view.scroll_area.viewport()
    fit = page_width(dialog)

    def wheel(delta: int, modifiers: Qt.KeyboardModifier) -> None:
        at = QPointF(viewport.width() / 2, viewport.height() / 2)
        event = QWheelEvent(
            at,
            QPointF(viewport.mapToGlobal(QPoint(int(at.x()), int(at.y())))),
            QPoint(0, 0),
            QPoint(0, delta),
            Qt.MouseButton.NoButton,
            modifiers,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(viewport, event)

    wheel(120, Qt.KeyboardModifier.NoModifier)
    assert page_width(dialog) == fit
    wheel(120, CTRL)
    assert page_width(dialog) > fit
    wheel(-120, CTRL)
    wheel(-120, CTRL)
    assert page_width(dialog) < fit or dialog.page_view.zoom() < 1.0


def test_the_zoom_buttons_zoom(qtbot, dialog: ExportPersonDialog) -> None:
    view = dialog.page_view
    fit = page_width(dialog)
    zoom_in = view.findChild(QToolButton, "pagePreviewZoomIn")
    assert "Ctrl" in zoom_in.toolTip()
    qtbot.mouseClick(zoom_in, Qt.MouseButton.LeftButton)
    assert page_width(dialog) > fit
    fit_button = view.findChild(QToolButton, "pagePreviewFit")
    qtbot.mouseClick(fit_button, Qt.MouseButton.LeftButton)
    assert page_width(dialog) == fit
    qtbot.mouseClick(view.findChild(QToolButton, "pagePreviewZoomOut"), Qt.MouseButton.LeftButton)
    assert page_width(dialog) < fit


def test_a_zoomed_preview_keeps_its_zoom_when_the_choice_changes(
    qtbot, dialog: ExportPersonDialog
) -> None:
    qtbot.keyClick(focused(dialog), Qt.Key.Key_Plus, CTRL)
    zoomed = dialog.page_view.zoom_label.text()
    before = dialog.preview.pixmap().toImage()
    dialog.shareable.click()
    qtbot.waitUntil(lambda: dialog.preview.pixmap().toImage() != before, timeout=10_000)
    assert dialog.page_view.zoom_label.text() == zoomed
