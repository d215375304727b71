"""Quit for good: File ▸ Quit and the tray's Quit end LeadDesk even when closing the window
would only put it in the tray (ui/shell/tray_icon.py asks `is_quitting`)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

_QUITTING = "leaddeskQuitting"


def quit_for_good(window: QWidget) -> bool:
    """Close `window` as a quit; False when it stayed open (a 1:1 draft's Cancel)."""
    window.setProperty(_QUITTING, True)
    closed = window.close()
    window.setProperty(_QUITTING, closed)
    return closed


def is_quitting(window: QWidget) -> bool:
    """Whether the close under way (or done) is a quit, not a close into the tray."""
    return bool(window.property(_QUITTING))
