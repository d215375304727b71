"""The resources check: every icon of the app's icon set draws, found the way the app finds it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage

from leaddesk.diagnostics.qt_platform import ensure_app
from leaddesk.diagnostics.result import CheckFailed

SIZE = QSize(32, 32)
REINSTALL = "reinstall LeadDesk (a packager must include leaddesk/resources)"


def draws(icon: QIcon) -> bool:
    """Whether the icon paints something: a broken SVG gives an icon that is all transparent."""
    if icon.isNull():
        return False
    pixmap = icon.pixmap(SIZE)
    if pixmap.isNull():
        return False
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    blank = QImage(image.size(), QImage.Format.Format_ARGB32)
    blank.fill(Qt.GlobalColor.transparent)
    return image != blank


def icons() -> str:
    """Every icon in resources/icons, and the application icon, load and draw."""
    ensure_app()
    from leaddesk.ui import theme

    folder = theme.resources_dir() / "icons"
    names = sorted(p.stem for p in folder.glob("*.svg")) if folder.is_dir() else []
    if not names:
        raise CheckFailed("no icons found in this installation", REINSTALL)
    broken = [name for name in names if not draws(theme.icon(name))]
    if not draws(theme.app_icon()):
        broken.append("the application icon")
    if broken:
        raise CheckFailed(
            f"{len(broken)} of {len(names)} icons do not load: {', '.join(broken)}", REINSTALL
        )
    return f"{len(names)} icons and the application icon load"
