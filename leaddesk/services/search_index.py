"""Reading the FTS5 search index (migration 0007) and the texts its hits come from.

The index is contentless: it knows which words each row holds, not the words themselves, so the
texts for snippets and titles are read from the rows a hit names (at most a page of them).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from leaddesk.domain.search import HitKind

# A query matching more rows than WINDOW (a very common word) is ranked among the newest
# PER_KIND matches of each kind: ranking every one of 100,000 rows costs half a second, and for
# such a word the newest are what the user is after. Each kind is one rowid range (code * 2^40 +
# id, migration 0007), in the order its rows were made.
WINDOW = 3000
PER_KIND = 300
KIND_SPAN = 2**40
KIND_CODES = range(1, len(HitKind) + 1)  # the codes migration 0007 gives the kinds

_NTH = """
SELECT rowid FROM search_index
WHERE search_index MATCH :match AND rowid BETWEEN :low AND :high
ORDER BY rowid DESC LIMIT 1 OFFSET :skip
"""
_RANKED = """
SELECT rowid, rank FROM search_index
WHERE search_index MATCH :match AND rowid BETWEEN :low AND :high
ORDER BY rank, rowid DESC LIMIT :n
"""
_DETAILS = """
SELECT s.rowid, s.kind, s.item_id, coalesce(d.person_id, s.person_id), s.day, s.detail,
       p.name, d.title, f.name,
       p.deleted_at IS NOT NULL OR d.deleted_at IS NOT NULL OR f.deleted_at IS NOT NULL
FROM search_index AS s
LEFT JOIN delegation AS d ON d.id = s.delegation_id
LEFT JOIN success_factor AS f ON f.id = s.factor_id
LEFT JOIN person AS p ON p.id = coalesce(d.person_id, s.person_id)
WHERE s.rowid = :rowid
"""
_MATCHES_ROW = "SELECT 1 FROM search_index WHERE search_index MATCH :match AND rowid = :rowid"

# Each kind's texts as the index holds them: (id, title, body, secret). Same columns, same order.
_TEXTS: dict[HitKind, str] = {
    HitKind.PERSON: "SELECT id, name, coalesce(role, '') || ' ' || coalesce(area, ''), '' "
    "FROM person",
    HitKind.DELEGATION: "SELECT id, title, done_means || char(10) || involve_me_when, '' "
    "FROM delegation",
    HitKind.CHECKPOINT: "SELECT id, '', '', note || char(10) || evidence FROM checkpoint",
    HitKind.SUCCESS_FACTOR: "SELECT id, name, definition || ' ' || coalesce(target, '') || ' ' "
    "|| coalesce(unit, ''), '' FROM success_factor",
    HitKind.CALIBRATION: "SELECT id, '', new_definition || char(10) || old_definition || "
    "char(10) || coalesce(new_target, '') || ' ' || coalesce(old_target, ''), reason "
    "FROM calibration",
    HitKind.TERM: "SELECT id, term, meaning, '' FROM term",
    HitKind.PROMISE: "SELECT id, '', text, '' FROM promise",
    HitKind.ONE_ON_ONE: "SELECT id, '', shared_notes, private_notes FROM one_on_one",
    HitKind.TOPIC: "SELECT id, '', text, '' FROM agenda_topic",
    HitKind.RELATIONSHIP_NOTE: "SELECT id, '', '', topic || char(10) || text "
    "FROM relationship_note",
    HitKind.FEEDBACK: "SELECT id, '', '', text || char(10) || coalesce(answer, '') || char(10) "
    "|| follow_up FROM feedback",
    HitKind.ASSESSMENT: "SELECT id, '', '', note FROM trust_assessment",
    HitKind.REFLECTION: "SELECT id, '', '', text FROM reflection",
}


@dataclass(frozen=True, slots=True)
class IndexRow:
    """One ranked row of the index, with what its parents say about it."""

    rowid: int
    kind: HitKind
    item_id: int
    person_id: int | None
    on: date | None
    detail: str
    person_name: str
    delegation_title: str
    factor_name: str


def ranked_rows(session: Session, match: str, limit: int) -> list[IndexRow]:
    """The best `limit` live rows for an FTS5 expression, best first, ties newest first.

    Rows under a deleted person, delegation or success factor are skipped; when they crowd the
    first page, a longer page is read until `limit` live rows are found or the matches end.
    """
    ranges = _ranges(session, match)
    page = limit
    while True:
        found: list[tuple[float, int]] = []
        more = False  # whether some range has matches past this page
        for low, high in ranges:
            params = {"match": match, "low": low, "high": high, "n": page}
            ranked = [(float(r[1]), int(r[0])) for r in session.execute(text(_RANKED), params)]
            more = more or len(ranked) == page
            found += ranked
        found.sort(key=lambda hit: (hit[0], -hit[1]))
        rank = dict((rowid, score) for score, rowid in found[:page])
        rows = [_details(session, rowid) for rowid in rank]
        live = [row for row, dead in rows if not dead]
        # Equal ranks: the newest first (by date: ids follow entry, not the day written about).
        live.sort(key=lambda row: (rank[row.rowid], -(row.on or date.max).toordinal()))
        if len(live) >= limit or not more:
            return live[:limit]
        page *= 4


def _ranges(session: Session, match: str) -> list[tuple[int, int]]:
    """Where to rank: every row, or for a very common word each kind's newest PER_KIND."""
    everything = (0, (len(KIND_CODES) + 1) * KIND_SPAN)
    params = {"match": match, "low": everything[0], "high": everything[1], "skip": WINDOW - 1}
    if session.execute(text(_NTH), params).first() is None:
        return [everything]
    ranges = []
    for code in KIND_CODES:
        low, high = code * KIND_SPAN, (code + 1) * KIND_SPAN - 1
        params = {"match": match, "low": low, "high": high, "skip": PER_KIND - 1}
        cut = session.execute(text(_NTH), params).scalar()
        ranges.append((int(cut) if cut is not None else low, high))
    return ranges


def _details(session: Session, rowid: int) -> tuple[IndexRow, bool]:
    row = session.execute(text(_DETAILS), {"rowid": rowid}).one()
    return _index_row(tuple(row)), bool(row[9])


def _index_row(row: tuple[object, ...]) -> IndexRow:
    person = row[3]
    return IndexRow(
        rowid=int(str(row[0])),
        kind=HitKind(str(row[1])),
        item_id=int(str(row[2])),
        person_id=int(str(person)) if person is not None else None,
        on=date.fromisoformat(str(row[4])[:10]) if row[4] else None,
        detail=str(row[5] or ""),
        person_name=str(row[6] or ""),
        delegation_title=str(row[7] or ""),
        factor_name=str(row[8] or ""),
    )


def matching_rowids(session: Session, match: str, rowids: list[int]) -> set[int]:
    """Which of these rows `match` matches (each a seek on its rowid, not a new search)."""
    found = set()
    for rowid in rowids:
        hit = session.execute(text(_MATCHES_ROW), {"match": match, "rowid": rowid}).first()
        if hit is not None:
            found.add(rowid)
    return found


def row_texts(session: Session, rows: list[IndexRow]) -> dict[tuple[HitKind, int], list[str]]:
    """(kind, id) -> [title, body, secret] as indexed, read from the rows themselves."""
    wanted: dict[HitKind, list[int]] = defaultdict(list)
    for row in rows:
        wanted[row.kind].append(row.item_id)
    out: dict[tuple[HitKind, int], list[str]] = {}
    for kind, ids in wanted.items():
        listed = ", ".join(str(int(i)) for i in ids)
        for r in session.execute(text(f"{_TEXTS[kind]} WHERE id IN ({listed})")):
            out[(kind, int(r[0]))] = [str(r[1] or ""), str(r[2] or ""), str(r[3] or "")]
    return out
