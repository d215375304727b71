"""What a notification says and when the morning digest is given: pure rules, no Qt.

A notification shows on a screen others may see, perhaps on a locked desktop: by default it says
only how many things are due ("3 things are due today"), never whose or what. Names and texts
appear only when the user turned "Show details in notifications" on, and never while LeadDesk is
locked or in presenter mode (`details_allowed`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from leaddesk.domain.errors import ValidationError

APP = "LeadDesk"
DEFAULT_DIGEST_TIME = "08:30"
MAX_DETAIL_LINES = 5  # a notification is a glance, not the list


@dataclass(frozen=True, slots=True)
class NoticeLine:
    """One item as a detailed notification names it: who, and what (already worded)."""

    who: str
    what: str


@dataclass(frozen=True, slots=True)
class Notice:
    """A notification's title and body."""

    title: str
    body: str


def details_allowed(setting_on: bool, locked: bool, presenting: bool) -> bool:
    """Whether a notification may name people and quote texts: only when asked, never while
    locked (nothing private is shown or announced) or presenting (the screen is shared)."""
    return setting_on and not locked and not presenting


def _things(n: int) -> str:
    return "1 thing is" if n == 1 else f"{n:,} things are"


def digest_notice(due_now: int, details: Sequence[NoticeLine] | None = None) -> Notice:
    """The morning digest: how many things are due today (overdue included); with `details`
    (only where `details_allowed`), the first few of them by name."""
    if due_now <= 0:
        return Notice(APP, "Nothing is due today.")
    body = f"{_things(due_now)} due today."
    if details:
        body += "\n" + _lines(details)
    return Notice(APP, body)


def due_now_notice(count: int, details: Sequence[NoticeLine] | None = None) -> Notice:
    """A notice that something fell due since the digest; with `details`, what it is."""
    if details:
        return Notice(f"{APP}: due now", _lines(details))
    if count <= 1:
        return Notice(APP, "Something in LeadDesk is due now.")
    return Notice(APP, f"{count:,} things in LeadDesk are due now.")


def tray_tooltip(due_now: int | None) -> str:
    """The tray icon's tooltip: the count only ("LeadDesk — 3 due"); None while locked."""
    if due_now is None:
        return f"{APP} — locked"
    return f"{APP} — {due_now:,} due" if due_now else f"{APP} — nothing due"


def _lines(details: Sequence[NoticeLine]) -> str:
    shown = [f"{line.who} — {line.what}" for line in details[:MAX_DETAIL_LINES]]
    rest = len(details) - len(shown)
    if rest > 0:
        shown.append(f"+{rest:,} more")
    return "\n".join(shown)


STILL_IN_TRAY = Notice(
    APP, "LeadDesk is still running in the tray. Quit from the tray menu or File ▸ Quit."
)


def parse_digest_time(text: str) -> time:
    """'08:30' (24-hour clock) as a time; anything else is explained."""
    try:
        hours, minutes = text.strip().split(":")
        if len(minutes) != 2 or not hours.isdigit() or not minutes.isdigit():
            raise ValueError(text)
        return time(int(hours), int(minutes))
    except ValueError:
        raise ValidationError(
            "The morning digest time must be hours and minutes on a 24-hour clock, like 08:30."
        ) from None


def digest_time_text(at: time) -> str:
    """A digest time as stored and shown: '08:30'."""
    return f"{at.hour:02d}:{at.minute:02d}"


def digest_due(now: datetime, at: time, last_given: date | None) -> bool:
    """Whether the morning digest is due: its time has come today and today's is not given.
    Starting LeadDesk after the time gives it at once; it is never given twice a day."""
    if last_given is not None and last_given >= now.date():
        return False
    return now.time() >= at
