"""Search across everything the user wrote, from the FTS5 index inside the encrypted store.

The index (migration 0007) is kept in step by SQLite triggers, so this module only reads it. Rows
under a deleted person, delegation or success factor are still indexed (undoing the deletion must
bring them back) and are left out here; archived people and their records are found, as the people
list finds them with --all: their history is still the user's.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

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

PUBLIC_COLUMNS = ("title", "body")  # what presenter mode may show; `secret` holds the rest
MAX_LIMIT = 500

_HITS = """
SELECT s.rowid, s.kind, s.item_id, coalesce(d.person_id, s.person_id), s.day, s.title, s.body,
       s.secret, s.detail, p.name, d.title, f.name
FROM search_index AS s
LEFT JOIN delegation AS d ON d.id = s.delegation_id
LEFT JOIN success_factor AS f ON f.id = s.factor_id
LEFT JOIN person AS p ON p.id = coalesce(d.person_id, s.person_id)
WHERE s.search_index MATCH :match
  AND p.deleted_at IS NULL AND d.deleted_at IS NULL AND f.deleted_at IS NULL
  {person}
ORDER BY s.rank, s.day DESC
LIMIT :limit
"""
_FOR_PERSON = "AND coalesce(d.person_id, s.person_id) = :person_id"
_PUBLIC = "SELECT rowid FROM search_index WHERE search_index MATCH :match AND rowid IN ({ids})"

_FEEDBACK = {"given": "Feedback given", "received": "Feedback received"}
_PROMISE = {"mine": "I promised", "theirs": "They promised"}


def _day_label(on: date | None) -> str:
    return f"{on.day} {on:%b %Y}" if on else ""


def _title(kind: HitKind, row: tuple[object, ...], on: date | None) -> str:
    """A short label for the hit: its own title where it has one, else what it is and when."""
    own, body, detail, person = str(row[5]), str(row[6]), row[8], str(row[9] or "")
    delegation, factor = str(row[10] or ""), str(row[11] or "")
    if kind is HitKind.PERSON:
        return person
    if kind in (HitKind.DELEGATION, HitKind.SUCCESS_FACTOR, HitKind.TERM):
        return own
    if kind is HitKind.CHECKPOINT:
        return f"Checkpoint on {delegation}"
    if kind is HitKind.CALIBRATION:
        return f"Calibration of {factor}"
    if kind is HitKind.PROMISE:
        return f"{_PROMISE.get(str(detail), 'Promise')}: {first_line(body, 70)}"
    if kind is HitKind.TOPIC:
        return first_line(body)
    if kind is HitKind.ONE_ON_ONE:
        return f"1:1 on {_day_label(on)}"
    if kind is HitKind.RELATIONSHIP_NOTE:
        return f"Note: {detail}" if detail else "Relationship note"
    if kind is HitKind.FEEDBACK:
        return _FEEDBACK.get(str(detail), "Feedback requested")
    if kind is HitKind.ASSESSMENT:
        return f"Trust assessment of {_day_label(on)}"
    return f"Reflection, week of {_day_label(on)}"


def _best_text(texts: list[str], terms: SearchTerms) -> str:
    """The text the snippet comes from: the one holding most of the query's words."""
    scored = [(match_count(t, terms), -i, t) for i, t in enumerate(texts) if t.strip()]
    return max(scored)[2] if scored else ""


def _hit(row: tuple[object, ...], terms: SearchTerms, private: bool) -> SearchHit:
    kind = HitKind(str(row[1]))
    on = date.fromisoformat(str(row[4])) if row[4] else None
    texts = [str(row[5]), str(row[6])]
    if private:
        texts.append(str(row[7]))
    person = row[3]
    return SearchHit(
        kind=kind,
        item_id=int(str(row[2])),
        person_id=int(str(person)) if person is not None else None,
        person_name=str(row[9] or ("Team" if kind is HitKind.TERM and person is None else "")),
        on=on,
        title=_title(kind, row, on),
        snippet=snippet(_best_text(texts, terms), terms),
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
        searched, so no private hit or private snippet comes back.
        """
        terms = read_query(query)
        if terms is None or limit <= 0:
            return []
        match = terms.match if include_private else terms.restricted_to(PUBLIC_COLUMNS)
        params: dict[str, object] = {"match": match, "limit": min(limit, MAX_LIMIT)}
        if person_id is not None:
            params["person_id"] = person_id
        sql = _HITS.format(person=_FOR_PERSON if person_id is not None else "")
        with self._read() as session:
            rows = [tuple(r) for r in session.execute(text(sql), params)]
            public: set[int] = set()
            if include_private and rows:
                ids = ", ".join(str(int(str(r[0]))) for r in rows)
                found = session.execute(
                    text(_PUBLIC.format(ids=ids)),
                    {"match": terms.restricted_to(PUBLIC_COLUMNS)},
                )
                public = {int(r[0]) for r in found}
        return [
            _hit(row, terms, include_private and int(str(row[0])) not in public) for row in rows
        ]
