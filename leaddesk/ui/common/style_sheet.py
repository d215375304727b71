"""The app-wide style sheet, built from the design tokens in `leaddesk.ui.theme`.

Rules match object names and properties (`card`, `textStyle`, `tone`) rather than widget kinds
where they can, so native controls (buttons, fields, combo boxes) keep the platform's look; only
what Qt's stock look gets wrong for a calm desktop app is restyled: the sidebar, sections as
cards, table headers and row height, the toolbar's frame.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from leaddesk.ui import theme
from leaddesk.ui.theme import RADIUS, RADIUS_SMALL, Space


def _rgb(color: QColor) -> str:
    return color.name()


def build_style_sheet() -> str:
    """The style sheet for the current palette (rebuilt when the scheme changes)."""
    palette = QApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    base = theme.surface()
    text = theme.text_color()
    line = theme.hairline()
    accent = theme.accent()
    muted = theme.muted_color()
    header = theme.mix(base, window, 0.5)
    selected = theme.soft(accent)
    tones = "\n".join(
        f'QLabel[tone="{name}"] {{ color: {_rgb(color())}; }}'
        for name, color in theme.TONES.items()
    )
    return f"""
QMainWindow, QMainWindow > QWidget#centralWidget {{ background: {_rgb(window)}; }}
QToolBar#mainToolbar {{ border: none; border-bottom: 1px solid {_rgb(line)}; }}
QStatusBar {{ border-top: 1px solid {_rgb(line)}; }}
QStatusBar QLabel {{ color: {_rgb(muted)}; padding: 0 {Space.S}px; }}

QListWidget#sidebar {{
    background: {_rgb(window)}; border: none; border-right: 1px solid {_rgb(line)};
    padding: {Space.M}px {Space.S}px; outline: 0;
}}
QListWidget#sidebar::item {{
    padding: {Space.XS + 2}px {Space.S}px; margin: 1px 0; border-radius: {RADIUS_SMALL}px;
    color: {_rgb(text)};
}}
QListWidget#sidebar::item:hover {{ background: {_rgb(theme.mix(window, text, 0.06))}; }}
QListWidget#sidebar::item:selected {{
    background: {_rgb(selected)}; color: {_rgb(text)};
}}

QFrame[card="true"] {{
    background: {_rgb(base)}; border: 1px solid {_rgb(line)}; border-radius: {RADIUS}px;
}}
QFrame[card="true"] > QLabel {{ background: transparent; }}
QFrame[card="quiet"] {{
    background: {_rgb(theme.surface_alt())}; border: 1px solid {_rgb(line)};
    border-radius: {RADIUS}px;
}}

QGroupBox {{
    background: {_rgb(base)}; border: 1px solid {_rgb(line)}; border-radius: {RADIUS}px;
    margin-top: 0; padding: {Space.XXL + Space.XS}px {Space.L}px {Space.M}px {Space.L}px;
    font-weight: 600;
}}
QGroupBox::title {{
    subcontrol-origin: padding; subcontrol-position: top left;
    left: {Space.L}px; top: {Space.M}px;
}}
QGroupBox > QWidget, QGroupBox QLabel, QGroupBox QCheckBox {{ font-weight: normal; }}
QGroupBox QLabel[textStyle="subtitle"], QGroupBox QLabel[textStyle="title"] {{ font-weight: 600; }}

QHeaderView::section {{
    background: {_rgb(header)}; color: {_rgb(muted)}; font-weight: 600;
    border: none; border-bottom: 1px solid {_rgb(line)}; border-right: 1px solid {_rgb(line)};
    padding: {Space.XS + 1}px {Space.S}px;
}}
QHeaderView::section:last {{ border-right: none; }}
QTableView, QTreeView {{
    gridline-color: {_rgb(line)}; border: 1px solid {_rgb(line)};
    border-radius: {RADIUS_SMALL}px;
    selection-background-color: {_rgb(selected)}; selection-color: {_rgb(text)};
}}
QListView {{
    border: 1px solid {_rgb(line)}; border-radius: {RADIUS_SMALL}px;
    selection-background-color: {_rgb(selected)}; selection-color: {_rgb(text)};
}}
QListWidget#sidebar {{ border-radius: 0; }}
QTreeView::item {{ min-height: {Space.XL}px; }}
QFrame[card="true"] QTableView, QFrame[card="true"] QTreeView, QFrame[card="true"] QListView {{
    border-color: {_rgb(theme.mix(line, base, 0.3))};
}}
QTabWidget::pane {{ border: 1px solid {_rgb(line)}; border-radius: {RADIUS_SMALL}px; top: -1px; }}
QScrollArea#settingsScroll, QScrollArea#settingsScroll > QWidget > QWidget {{
    background: transparent;
}}
{tones}
"""


def apply_style_sheet(app: QApplication | None = None) -> None:
    """Style the whole app from the tokens for the palette in use now."""
    target = app or QApplication.instance()
    if isinstance(target, QApplication):
        target.setStyleSheet(build_style_sheet())
