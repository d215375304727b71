"""What search found, as rows: people first, then the screens named, then everything written.

Each row keeps what it stands for (a `SearchHit` or a `Screen`) so Enter can open it, and the
words a row shows: its kind, title, whose and when, and the snippet's spans with the matched
words marked. The snippet is the user's own text: it is painted as plain text and escaped
wherever Qt could read it as markup (the tooltip).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon

from leaddesk.domain.search import HitKind, SearchHit
from leaddesk.reports import wording
from leaddesk.ui import theme
from leaddesk.ui.search.search_screens import SCREEN_ABOUT, Screen, marked_words

Spans = tuple[tuple[str, bool], ...]
Found = SearchHit | Screen
Index = QModelIndex | QPersistentModelIndex
RowRole = Qt.ItemDataRole.UserRole + 1

#: Each kind of hit's icon, as the timeline shows the same kinds.
KIND_ICONS: dict[HitKind, str] = {
    HitKind.PERSON: "people",
    HitKind.DELEGATION: "board",
    HitKind.CHECKPOINT: "week",
    HitKind.SUCCESS_FACTOR: "fit",
    HitKind.CALIBRATION: "fit",
    HitKind.TERM: "capture",
    HitKind.PROMISE: "edit",
    HitKind.ONE_ON_ONE: "one-on-one",
    HitKind.TOPIC: "one-on-one",
    HitKind.RELATIONSHIP_NOTE: "people",
    HitKind.FEEDBACK: "reflections",
    HitKind.ASSESSMENT: "lock",
    HitKind.REFLECTION: "reflections",
}
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class SearchRow:
    """One result line: what it opens and what it shows."""

    found: Found
    kind: str  # "Promise", "Screen"
    icon: str
    title: str
    meta: str  # whose and when: "Ada Lovelace · 3 days ago"
    snippet: Spans  # the second line; empty when the match is in the title
    private: bool = False
    title_spans: Spans = ()  # the title with its matched words marked (else the title, plain)

    @property
    def snippet_text(self) -> str:
        """The snippet as one plain line."""
        return "".join(text for text, _match in self.snippet)


def when(on: date, today: date) -> str:
    """'today', '3 days ago', 'in 2 days' within a week either way; else '5 Nov' as in lists."""
    if abs((today - on).days) < 7:
        return wording.days_ago(on, today)
    return wording.day(on, today)


def hit_row(hit: SearchHit, today: date) -> SearchRow:
    """A hit as a row: its kind's words and icon, whose, when, and its one-line snippet."""
    kind, icon_name = hit.kind.label, KIND_ICONS.get(hit.kind, "search")
    meta = [hit.person_name] if hit.person_name and hit.kind is not HitKind.PERSON else []
    if hit.on is not None:
        meta.append(when(hit.on, today))
    title = _SPACES.sub(" ", hit.title).strip()
    snippet = tuple((_SPACES.sub(" ", text), match) for text, match in hit.snippet if text)
    in_title = _within(title, snippet)
    if in_title:  # the words matched are in the title: marked there, not said twice
        return SearchRow(hit, kind, icon_name, title, " · ".join(meta), (), hit.private, in_title)
    return SearchRow(hit, kind, icon_name, title, " · ".join(meta), snippet, hit.private)


def _within(title: str, snippet: Spans) -> Spans:
    """`title` with the snippet's marks, when the snippet is a piece of the title ("They
    promised: Send the budget" and its snippet "Send the budget"); else nothing."""
    spans = list(snippet)
    if spans and spans[0] == ("…", False):
        spans.pop(0)
    if spans and spans[-1] == ("…", False):
        spans.pop()
    plain = "".join(text for text, _match in spans)
    at = title.find(plain) if plain.strip() else -1
    if at < 0 or not any(match for _text, match in spans):
        return ()
    before, after = title[:at], title[at + len(plain) :]
    return tuple([(before, False)] * bool(before) + spans + [(after, False)] * bool(after))


def screen_row(screen: Screen, query: str = "") -> SearchRow:
    """A screen as a row, the words typed marked in its name; Enter goes there, as its key
    (shown beside it) does from anywhere."""
    about = ((SCREEN_ABOUT.get(screen.name, ""), False),)
    return SearchRow(
        screen,
        "Screen",
        screen.icon,
        screen.label,
        screen.shortcut,
        about,
        False,
        marked_words(screen.label, query),
    )


def arrange(
    hits: list[SearchHit], screens: list[Screen], today: date, query: str = ""
) -> list[SearchRow]:
    """People first (a name is what is typed most), then the screens named, then the rest in
    the order the search ranked them."""
    people = [hit_row(h, today) for h in hits if h.kind is HitKind.PERSON]
    rest = [hit_row(h, today) for h in hits if h.kind is not HitKind.PERSON]
    return people + [screen_row(s, query) for s in screens] + rest


def tooltip(row: SearchRow) -> str:
    """The row in full as rich text; the user's words escaped (a note may hold '<' or '&')."""
    head = " · ".join(p for p in (row.kind, row.meta) if p)
    private = " · private" if row.private else ""
    body = f"<p>{_marked(row.snippet)}</p>" if row.snippet else ""
    title = _marked(row.title_spans or ((row.title, False),))
    return f"<p><b>{title}</b><br>{html.escape(head)}{private}</p>{body}"


def _marked(spans: Spans) -> str:
    """Spans as rich text: the user's words escaped, the matched ones underlined."""
    return "".join(f"<u>{html.escape(t)}</u>" if match else html.escape(t) for t, match in spans)


class SearchModel(QAbstractListModel):
    """The rows of one search, replaced whole by each new query."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[SearchRow] = []
        self._icons: dict[str, QIcon] = {}

    def set_rows(self, rows: list[SearchRow]) -> None:
        """Show these rows instead."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_at(self, index: Index) -> SearchRow | None:
        """The row at `index` (None for an invalid index)."""
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = 0) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DecorationRole:
            if row.icon not in self._icons:
                self._icons[row.icon] = theme.icon(row.icon)
            return self._icons[row.icon]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            head = ", ".join(p for p in (row.kind, row.meta.replace(" · ", ", ")) if p)
            return f"{head}: {row.title}. {row.snippet_text}"
        return None
