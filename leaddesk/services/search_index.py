"""Reading the FTS5 search index (migration 0007) and the texts its hits come from.

The index is contentless: it knows which words each row holds, not the words themselves, so the
texts for snippets and titles are read from the rows a hit names (at most a page of them).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from leaddesk.domain.search import HitKind

# A query matching more than WINDOW rows (a very common word) is ranked among its newest WINDOW
# matches: ranking all of 100,000 rows costs half a second, and for such a word the newest are
# what the user is after. The rowid orders rows by date (migration 0007), people after every
# date, so names are always in the window.
WINDOW = 3000
WEIGHTS = "10.0, 1.0, 1.0, 0.0"  # title, body, secret, who: names and titles weigh most

_NTH = (
    "SELECT rowid FROM search_index WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?"
)
_RANKED = (
    f"SELECT rowid, bm25(search_index, {WEIGHTS}) AS score FROM search_index "
    "WHERE search_index MATCH ? AND rowid >= ? ORDER BY score, rowid DESC LIMIT ?"
)
_DETAILS = """
WITH hit(rowid) AS (VALUES {rows})
SELECT s.rowid, s.kind, s.item_id, coalesce(d.person_id, s.person_id), s.day, s.detail,
       p.name, d.title, f.name,
       p.deleted_at IS NOT NULL OR d.deleted_at IS NOT NULL OR f.deleted_at IS NOT NULL
           OR o.deleted_at IS NOT NULL,
       CASE s.kind WHEN 'calibration' THEN s.factor_id WHEN 'topic' THEN t.discussed_in_id END
FROM hit
JOIN search_index AS s ON s.rowid = hit.rowid
LEFT JOIN delegation AS d ON d.id = s.delegation_id
LEFT JOIN success_factor AS f ON f.id = s.factor_id
LEFT JOIN person AS p ON p.id = coalesce(d.person_id, s.person_id)
LEFT JOIN agenda_topic AS t ON s.kind = 'topic' AND t.id = s.item_id
LEFT JOIN one_on_one AS o ON o.id = t.discussed_in_id
"""

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
    shown_under: int | None  # see SearchHit.shown_under


def ranked_rows(session: Session, match: str, limit: int) -> list[IndexRow]:
    """The best `limit` live rows for an FTS5 expression, best first, ties newest first.

    Rows under a deleted person, delegation or success factor are skipped; when they crowd the
    first page, a longer page is read until `limit` live rows are found or the matches end.
    """
    conn = session.connection()
    cut = conn.exec_driver_sql(_NTH, (match, WINDOW - 1)).scalar()
    page = limit
    while True:
        ranked = [int(r[0]) for r in conn.exec_driver_sql(_RANKED, (match, int(cut or 0), page))]
        if not ranked:
            return []
        values = ", ".join(f"({rowid})" for rowid in ranked)
        details = {int(r[0]): r for r in conn.exec_driver_sql(_DETAILS.format(rows=values)).all()}
        live = [_index_row(tuple(details[r])) for r in ranked if r in details and not details[r][9]]
        if len(live) >= limit or len(ranked) < page:
            return live[:limit]
        page *= 4


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
        shown_under=int(str(row[10])) if row[10] is not None else None,
    )


def row_texts(session: Session, rows: list[IndexRow]) -> dict[tuple[HitKind, int], list[str]]:
    """(kind, id) -> [title, body, secret] as indexed, read from the rows themselves."""
    wanted: dict[HitKind, list[int]] = defaultdict(list)
    for row in rows:
        wanted[row.kind].append(row.item_id)
    out: dict[tuple[HitKind, int], list[str]] = {}
    conn = session.connection()
    for kind, ids in wanted.items():
        listed = ", ".join(str(int(i)) for i in ids)
        for r in conn.exec_driver_sql(f"{_TEXTS[kind]} WHERE id IN ({listed})"):
            out[(kind, int(r[0]))] = [str(r[1] or ""), str(r[2] or ""), str(r[3] or "")]
    return out
