"""Search rows built from hits as the service returns them: the order, the words, the escaping."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from leaddesk.domain.search import HitKind, SearchHit
from leaddesk.ui.search.search_model import SearchModel, arrange, hit_row
from leaddesk.ui.search.search_screens import Screen

TODAY = date(2026, 11, 25)
BOARD = Screen("board", "Delegation board", "board", "Alt+3")


def hit(
    kind: HitKind,
    title: str,
    snippet: tuple[tuple[str, bool], ...],
    *,
    on: date | None = None,
    private: bool = False,
    person: str = "Ada Lovelace",
) -> SearchHit:
    return SearchHit(kind, 7, 1, person, on, title, snippet, private)


def test_people_come_first_then_the_screens_named_then_what_was_written(qapp) -> None:
    note = hit(HitKind.ONE_ON_ONE, "1:1 on 3 Nov 2026", (("the board pack", False),))
    ada = hit(HitKind.PERSON, "Ada Board", (("Ada ", False), ("Board", True)))
    rows = arrange([note, ada], [BOARD], TODAY, "board")
    assert [r.kind for r in rows] == ["Person", "Screen", "1:1"]
    assert rows[0].found is ada and rows[1].found is BOARD and rows[2].found is note


def test_dates_read_as_elsewhere_relative_within_a_week(qapp) -> None:
    def meta(on: date) -> str:
        return hit_row(hit(HitKind.PROMISE, "x", (("x", True),), on=on), TODAY).meta

    assert meta(date(2026, 11, 25)) == "Ada Lovelace · today"
    assert meta(date(2026, 11, 22)) == "Ada Lovelace · 3 days ago"
    assert meta(date(2026, 11, 27)) == "Ada Lovelace · in 2 days"
    assert meta(date(2026, 10, 5)) == "Ada Lovelace · 5 Oct"
    assert meta(date(2025, 10, 5)) == "Ada Lovelace · 5 Oct 2025"


def test_a_match_in_the_title_is_marked_there_and_not_said_twice(qapp) -> None:
    promise = hit(
        HitKind.PROMISE,
        "I promised: Send the budget",
        (("Send the ", False), ("budget", True)),
    )
    row = hit_row(promise, TODAY)
    assert row.snippet == ()
    assert row.title_spans == (("I promised: ", False), ("Send the ", False), ("budget", True))
    body = hit(HitKind.ONE_ON_ONE, "1:1 on 3 Nov", (("…about the ", False), ("budget", True)))
    assert hit_row(body, TODAY).snippet == (("…about the ", False), ("budget", True))


def test_the_users_words_are_escaped_where_qt_could_read_markup(qapp) -> None:
    note = hit(
        HitKind.RELATIONSHIP_NOTE,
        "Note: <i>career</i>",
        (("salary < 90k & ", False), ("<b>bonus</b>", True)),
        private=True,
    )
    model = SearchModel()
    model.set_rows(arrange([note], [], TODAY))
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;i&gt;career&lt;/i&gt;" in tip
    assert "salary &lt; 90k &amp; <u>&lt;b&gt;bonus&lt;/b&gt;</u>" in tip
    assert "<i>" not in tip and "<b>bonus" not in tip
    assert "private" in tip
    spoken = model.data(model.index(0, 0), Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == (
        "Relationship note, Ada Lovelace: Note: <i>career</i>. salary < 90k & <b>bonus</b>"
    )
