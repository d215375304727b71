"""Search across everything the user wrote, from the FTS5 index inside the encrypted store.

The index (migration 0007) is kept in step by SQLite triggers, so this module only reads it. Rows
under a deleted person, delegation or success factor are still indexed (undoing the deletion must
bring them back) and are left out here; archived people and their records are found, as the people
list finds them with --all: their history is still the user's.
"""

from __future__ import annotations

from datetime import date

from leaddesk.domain.search import (
    HitKind,
    SearchHit,
    SearchTerms,
    first_line,
    match_count,
    read_query,
    snippet,
)
from leaddesk.services.base import DeskBase
from leaddesk.services.search_index import IndexRow, ranked_rows, row_texts
from leaddesk.store.migrate import reporting_progress as reporting_upgrade_progress

__all__ = ["SearchMixin", "reporting_upgrade_progress"]

PUBLIC_COLUMNS = ("title", "body")  # what presenter mode may show; `secret` holds the rest
MAX_LIMIT = 500

_FEEDBACK = {"given": "Feedback given", "received": "Feedback received"}
_PROMISE = {"mine": "I promised", "theirs": "They promised"}


def _day_label(on: date | None) -> str:
    return f"{on.day} {on:%b %Y}" if on else ""


def _title(row: IndexRow, texts: list[str]) -> str:
    """A short label for the hit: its own title where it has one, else what it is and when."""
    kind, own, body, on = row.kind, texts[0], texts[1], row.on
    if kind in (HitKind.PERSON, HitKind.DELEGATION, HitKind.SUCCESS_FACTOR, HitKind.TERM):
        return own
    if kind is HitKind.CHECKPOINT:
        return f"Checkpoint on {row.delegation_title}"
    if kind is HitKind.CALIBRATION:
        return f"Calibration of {row.factor_name}"
    if kind is HitKind.PROMISE:
        return f"{_PROMISE.get(row.detail, 'Promise')}: {first_line(body, 70)}"
    if kind is HitKind.TOPIC:
        return first_line(body)
    if kind is HitKind.ONE_ON_ONE:
        return f"1:1 on {_day_label(on)}"
    if kind is HitKind.RELATIONSHIP_NOTE:
        return f"Note: {row.detail}" if row.detail else "Relationship note"
    if kind is HitKind.FEEDBACK:
        return _FEEDBACK.get(row.detail, "Feedback requested")
    if kind is HitKind.ASSESSMENT:
        return f"Trust assessment of {_day_label(on)}"
    return f"Reflection, week of {_day_label(on)}"


def _best_text(texts: list[str], terms: SearchTerms) -> str:
    """The text the snippet comes from: the one holding most of the query's words."""
    scored = [(match_count(t, terms), -i, t) for i, t in enumerate(texts) if t.strip()]
    return max(scored)[2] if scored else ""


def _hit(row: IndexRow, texts: list[str], terms: SearchTerms, private: bool) -> SearchHit:
    shown = texts if private else texts[:2]  # a public hit's snippet never shows private text
    team = row.kind is HitKind.TERM and row.person_id is None
    return SearchHit(
        kind=row.kind,
        item_id=row.item_id,
        person_id=row.person_id,
        person_name="Team" if team else row.person_name,
        on=row.on,
        title=_title(row, texts),
        snippet=snippet(_best_text(shown, terms), terms),
        private=private,
    )


class SearchMixin(DeskBase):
    """Ctrl+K and `leaddesk search`: one box over people and every text the user wrote."""

    def search(
        self,
        query: str,
        *,
        person_id: int | None = None,
        limit: int = 20,
        include_private: bool = True,
    ) -> list[SearchHit]:
        """The best hits for what the user typed, best first (ties: newest first).

        Any input is safe (it is matched as text, never as FTS5 syntax); an empty query finds
        nothing. With include_private=False (presenter mode) only text presenter mode shows is
        searched, so no private hit or private snippet comes back. A hit is private when it
        needed text presenter mode hides to match.
        """
        terms = read_query(query)
        if terms is None or limit <= 0:
            return []
        public = terms.restricted_to(PUBLIC_COLUMNS)
        match = terms.match if include_private else public
        if person_id is not None:
            match = f'({match}) AND who : "p{int(person_id)}"'
        with self._read() as session:
            rows = ranked_rows(session, match, min(limit, MAX_LIMIT))
            texts = row_texts(session, rows)
        hits = []
        for row in rows:
            own = texts.get((row.kind, row.item_id), ["", "", ""])
            # Private unless its shareable texts hold the whole query (checked on the texts as
            # FTS5 reads them: a wrong "private" hides a hit, never shows private text).
            private = include_private and not terms.found_in(own[:2])
            hits.append(_hit(row, own, terms, private))
        return hits
