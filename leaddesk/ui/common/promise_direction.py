"""Which way a new promise points when a capture form opens: the same in quick capture and in
1:1 mode, mine until the user records one the other way, then the way they recorded last.

Both forms used to disagree (quick capture 'Mine', 1:1 mode 'They promise me'), so a promise
typed in a hurry was filed the wrong way round in one of them. Mine comes first as it does
everywhere in LeadDesk (the person page, the weekly focus): the leader's own word is the one
most easily forgotten. After that, the form opens the way the last promise recorded pointed.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from leaddesk.domain.promises import PromiseDirection

_KEY = "capture/promiseDirection"
DEFAULT = PromiseDirection.MINE


def last_promise_direction() -> PromiseDirection:
    """The direction of the promise the user recorded last (mine before any)."""
    stored = QSettings().value(_KEY, DEFAULT.value)
    try:
        return PromiseDirection(stored)
    except ValueError:
        return DEFAULT


def remember_promise_direction(direction: PromiseDirection) -> None:
    """Open the next capture form, in either place, the way this promise pointed."""
    QSettings().setValue(_KEY, direction.value)
