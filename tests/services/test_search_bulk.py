"""Search over stores filled in bulk: the demo generator and a JSON import go through the same
triggers as every other write, so their rows are found, within each person too."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from leaddesk.demo import build_demo
from leaddesk.domain.search import HitKind
from leaddesk.reports.exchange_json import export_json, import_json
from leaddesk.services.desk import Desk

TODAY = date(2026, 11, 25)


def checkpoint_notes(desk: Desk) -> list[tuple[int, int, str]]:
    """(checkpoint id, person id, a word of its note) for checkpoints with a note."""
    with desk.store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT c.id, d.person_id, c.note FROM checkpoint c "
            "JOIN delegation d ON d.id = c.delegation_id "
            "WHERE c.note != '' AND c.deleted_at IS NULL ORDER BY c.id LIMIT 5"
        ).all()
    return [(int(r[0]), int(r[1]), str(r[2]).split()[0]) for r in rows]


def test_demo_data_is_found_and_a_json_import_keeps_it_findable(desk: Desk, tmp_path: Path) -> None:
    build_demo(desk, people=3, years=0.5, seed=4)
    samples = checkpoint_notes(desk)
    assert samples
    for checkpoint, person, word in samples:
        hits = desk.search(word + " ", person_id=person, limit=500)
        assert (HitKind.CHECKPOINT, checkpoint) in {(h.kind, h.item_id) for h in hits}
    someone = desk.people()[0]
    assert desk.search(someone.name)[0].item_id == someone.id

    export_json(desk, tmp_path / "all.json")
    import_json(tmp_path / "all.json", tmp_path / "copy.db", today=lambda: TODAY)
    copy = Desk.open(tmp_path / "copy.db", today=lambda: TODAY)
    try:
        for checkpoint, person, word in samples:
            hits = copy.search(word + " ", person_id=person, limit=500)
            assert (HitKind.CHECKPOINT, checkpoint) in {(h.kind, h.item_id) for h in hits}
        assert copy.search(someone.name)[0].item_id == someone.id
    finally:
        copy.close()
