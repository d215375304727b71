"""The screens search finds by name: "board" or "sett" goes to a screen as a word typed.

Each screen is found by the words of its label and by the words a user may have in mind for it
("home", "team", "backups"); a query matches when every word of it begins a word there, without
regard to case or accents.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

#: Other words a user may type for a screen (its label's words match too).
SCREEN_WORDS: dict[str, tuple[str, ...]] = {
    "week": ("home", "needs attention", "weekly focus", "team grid", "dashboard", "today"),
    "people": ("team", "direct reports", "skip-levels", "roster", "archived"),
    "board": ("delegations", "levels of empowerment", "delegation poker"),
    "reflections": ("weekly focus history", "principles", "journal"),
    "settings": (
        "preferences",
        "options",
        "backups",
        "auto-lock",
        "passphrase",
        "unlock pin",
        "presenter mode",
        "appearance",
        "dark mode",
        "half-life",
        "cadence",
    ),
}

#: What each screen is for, in a line (a screen's result says it).
SCREEN_ABOUT: dict[str, str] = {
    "week": "The weekly focus, what needs attention and your team at a glance",
    "people": "Everyone you lead: add, edit, archive, find",
    "board": "Every delegation by its level of empowerment",
    "reflections": "Your weekly reflections, week by week",
    "settings": "Trust, cadence, 1:1 interval, lock, backups, appearance",
}


@dataclass(frozen=True, slots=True)
class Screen:
    """A screen of the window: its view name, label, icon and the key that shows it."""

    name: str
    label: str
    icon: str
    shortcut: str = ""


def fold(text: str) -> str:
    """Lower case without accents, so "cafe" finds "Café"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(text: str) -> list[str]:
    return fold(text).replace("-", " ").replace("/", " ").split()


def match_score(screen: Screen, query: str) -> int:
    """2 when every query word begins a word of the label, 1 when of its other words, else 0."""
    wanted = _words(query)
    if not wanted:
        return 0
    label = _words(screen.label)
    if all(any(word.startswith(w) for word in label) for w in wanted):
        return 2
    others = label + [w for phrase in SCREEN_WORDS.get(screen.name, ()) for w in _words(phrase)]
    if all(any(word.startswith(w) for word in others) for w in wanted):
        return 1
    return 0


def matching_screens(screens: Iterable[Screen], query: str) -> list[Screen]:
    """The screens `query` names, those matched by their label first."""
    scored = [(match_score(s, query), i, s) for i, s in enumerate(screens)]
    return [s for score, _i, s in sorted(scored, key=lambda t: (-t[0], t[1])) if score]


def marked_words(label: str, query: str) -> tuple[tuple[str, bool], ...]:
    """`label` in spans, the words the query's words begin marked (as a hit's snippet is)."""
    wanted = _words(query)
    spans: list[tuple[str, bool]] = []
    for piece in re.split(r"(\s+)", label):
        match = bool(piece.strip()) and any(fold(piece).startswith(w) for w in wanted)
        if spans and spans[-1][1] == match:
            spans[-1] = (spans[-1][0] + piece, match)
        elif piece:
            spans.append((piece, match))
    return tuple(spans)
