"""Light, dark or the system's: the palette and the app style sheet, switched at once.

The choice is a UI preference of this computer, so it lives in QSettings (as the window geometry
does, STYLE.md), not in the store: it applies before the store is unlocked (the opening window,
the passphrase dialog) and to the demo as to the real store. `LEADDESK_APPEARANCE=light|dark`
overrides it (screenshots, tests).
"""

from __future__ import annotations

import enum
import os
import re

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from leaddesk.ui import theme
from leaddesk.ui.common.style_sheet import apply_style_sheet

SETTINGS_KEY = "appearance/scheme"
ENV = "LEADDESK_APPEARANCE"


class Appearance(enum.Enum):
    """What the user chose in Settings › Appearance."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        """How the choice reads in Settings."""
        return {"system": "Same as the system", "light": "Light", "dark": "Dark"}[self.value]


class _Notifier(QObject):
    changed = Signal()


_notifier: _Notifier | None = None
_system_palette: QPalette | None = None
_own_palette = False  # whether LeadDesk replaced the system's palette


def notifier() -> _Notifier:
    """The object whose `changed` signal says the scheme was switched (views repaint colours
    they computed once)."""
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def stored_appearance() -> Appearance:
    """The choice in force: the environment override, else the saved one, else the system's."""
    for raw in (os.environ.get(ENV, ""), QSettings().value(SETTINGS_KEY, "")):
        try:
            return Appearance(str(raw).strip().lower())
        except ValueError:
            continue
    return Appearance.SYSTEM


def save_appearance(choice: Appearance) -> None:
    """Remember `choice` on this computer and apply it now."""
    QSettings().setValue(SETTINGS_KEY, choice.value)
    apply_appearance(choice)


def _palette(dark: bool) -> QPalette:
    """A calm palette for the Fusion look: neutral greys, the accent for selection."""
    if dark:
        window, base, alt, text, button = "#1f2227", "#272b31", "#2d3239", "#e6e8eb", "#30353c"
    else:
        window, base, alt, text, button = "#f3f4f6", "#ffffff", "#f7f8fa", "#1f2328", "#fbfbfc"
    palette = QPalette()
    role = QPalette.ColorRole
    accent = QColor("#7ab3e8" if dark else "#2d5b88")
    colours = {
        role.Window: window,
        role.WindowText: text,
        role.Base: base,
        role.AlternateBase: alt,
        role.Text: text,
        role.Button: button,
        role.ButtonText: text,
        role.ToolTipBase: base,
        role.ToolTipText: text,
        role.BrightText: "#ffffff",
        role.Highlight: accent.name(),
        role.HighlightedText: "#10161d" if dark else "#ffffff",
        role.Link: accent.name(),
        role.LinkVisited: accent.name(),
    }
    for name, value in colours.items():
        palette.setColor(name, QColor(value))
    text_colour = QColor(text)
    window_colour = QColor(window)
    palette.setColor(role.PlaceholderText, theme.mix(text_colour, window_colour, 0.45))
    palette.setColor(
        role.Light, theme.mix(QColor(button), QColor("#ffffff"), 0.5 if not dark else 0.1)
    )
    palette.setColor(role.Midlight, theme.mix(QColor(button), text_colour, 0.08))
    palette.setColor(role.Mid, theme.mix(window_colour, text_colour, 0.25))
    palette.setColor(role.Dark, theme.mix(window_colour, text_colour, 0.45))
    palette.setColor(role.Shadow, QColor("#000000"))
    disabled = theme.mix(text_colour, window_colour, 0.55)
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, name, disabled)
    return palette


def _inline_colours() -> dict[str, str]:
    """The token colours as widgets' own style sheets spell them (`color: #rrggbb`)."""
    return {name: color().name() for name, color in theme.TONES.items()}


def apply_appearance(choice: Appearance | None = None) -> None:
    """Switch to `choice` (default: the stored one) now: palette, style sheet, and the token
    colours already written into widgets' own style sheets."""
    global _system_palette, _own_palette
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    choice = choice or stored_appearance()
    if _system_palette is None:
        _system_palette = QPalette(app.palette())
    before = _inline_colours()
    scheme = {
        Appearance.LIGHT: Qt.ColorScheme.Light,
        Appearance.DARK: Qt.ColorScheme.Dark,
    }.get(choice, Qt.ColorScheme.Unknown)
    app.styleHints().setColorScheme(scheme)  # native where the platform supports it
    if choice is Appearance.SYSTEM:
        if _own_palette:
            app.setPalette(_system_palette)
            _own_palette = False
    elif theme.is_dark() != (choice is Appearance.DARK) or app.style().name() == "fusion":
        # The platform did not switch (or the look is Fusion, whose stock palette is flat
        # grey): LeadDesk's own palette for the wished scheme.
        app.setPalette(_palette(choice is Appearance.DARK))
        _own_palette = True
    apply_style_sheet(app)
    after = _inline_colours()
    _restyle_inline(before, after)
    notifier().changed.emit()


def _restyle_inline(before: dict[str, str], after: dict[str, str]) -> None:
    """Widgets that wrote a token colour into their own style sheet get the new scheme's."""
    swaps = {old: after[name] for name, old in before.items() if old != after[name]}
    if not swaps:
        return
    pattern = re.compile("|".join(re.escape(old) for old in swaps))
    for widget in QApplication.allWidgets():
        sheet = widget.styleSheet()
        if sheet and "#" in sheet:
            changed = pattern.sub(lambda found: swaps[found.group(0)], sheet)
            if changed != sheet:
                widget.setStyleSheet(changed)
