"""A 1:1 agenda row is worded from the item's fields: the user's own words are never rewritten."""

from __future__ import annotations

from datetime import date

from leaddesk.domain.feedback import FeedbackDirection
from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.ui.one_on_one.one_on_one_agenda_row import AgendaRow

TODAY = date(2026, 11, 25)
L = EmpowermentLevel


def _rows(desk: Desk, person: int) -> list[tuple[str, str]]:
    return [(r.tag, r.text) for r in AgendaRow.from_agenda(desk.agenda(person), TODAY)]


def test_a_promise_that_reads_like_a_sentence_or_a_date_stays_as_typed(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    typed = "I promised: call the vendor by 2026-01-02"
    desk.add_promise(ada, PromiseDirection.THEIRS, typed, due_on=date(2026, 12, 1))
    assert _rows(desk, ada) == [("Their promise", f"{typed} (due 1 Dec)")]


def test_titles_and_topics_that_look_like_service_words_stay_as_typed(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    title = "Checkpoint on 2025-03-04: clarity gap — review"
    gap = desk.add_delegation(ada, title, L.AGREE, their_level=L.DELEGATE, plan_checkpoint=False)
    desk.plan_checkpoint(gap, date(2026, 11, 20))
    desk.add_feedback(ada, FeedbackDirection.SOLICITED, "I asked for feedback: 2026-01-02?")
    assert _rows(desk, ada) == [
        ("Checkpoint", f"{title} overdue since 20 Nov"),
        ("Clarity gap", f"{title} — I said Agree, they think Delegate"),
        ("Feedback I asked for", "I asked for feedback: 2026-01-02?"),
    ]


def test_dates_of_another_year_keep_their_year(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    made = date(2026, 11, 1)
    desk.add_promise(ada, PromiseDirection.MINE, "Plan", due_on=date(2027, 1, 8), made_on=made)
    assert _rows(desk, ada) == [("My promise", "Plan (due 8 Jan 2027)")]
