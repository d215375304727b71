"""Every action item is worded from its fields, as the lists, the CLI and the 1:1 agenda show it."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports.item_wording import agenda_text, item_text
from leaddesk.services.action_item import ActionItem, ItemDetail, ItemKind

TODAY = date(2026, 11, 25)
L = EmpowermentLevel
D = ItemDetail
K = ItemKind


def _item(kind: ItemKind, detail: ItemDetail, subject: str = "", **facts: Any) -> ActionItem:
    return ActionItem(kind, 7, 1, "Ada", detail, subject, **facts)


@pytest.mark.parametrize(
    ("item", "sentence", "row"),
    [
        (
            _item(
                K.PROMISE,
                D.PROMISE,
                "Intro",
                on=date(2026, 11, 20),
                direction=PromiseDirection.MINE,
            ),
            "I promised: Intro (due 20 Nov)",
            "Intro (due 20 Nov)",
        ),
        (
            _item(K.PROMISE, D.PROMISE, "Plan\nmore", direction=PromiseDirection.THEIRS),
            "They promised: Plan",
            "Plan",
        ),
        (
            _item(K.CHECKPOINT, D.CHECKPOINT_DUE, "Budget", on=date(2026, 11, 20), overdue=True),
            "Checkpoint on Budget overdue since 20 Nov",
            "Budget overdue since 20 Nov",
        ),
        (
            _item(K.CHECKPOINT, D.CHECKPOINT_DUE, "Budget", on=date(2027, 1, 4)),
            "Checkpoint on Budget due 4 Jan 2027",
            "Budget due 4 Jan 2027",
        ),
        (
            _item(K.DELEGATION, D.CLARITY_GAP, "Hiring", my_level=L.ADVISE, their_level=L.DELEGATE),
            "Hiring: clarity gap — I said Advise, they think Delegate",
            "Hiring — I said Advise, they think Delegate",
        ),
        (
            _item(K.DELEGATION, D.LEVEL_NOT_AGREED, "Budget", my_level=L.CONSULT),
            "Budget: level not agreed yet (mine: Consult)",
            "Budget: level not agreed yet (mine: Consult)",
        ),
        (
            _item(K.DELEGATION, D.NO_CHECKPOINT, "Pricing"),
            "Pricing: no checkpoint planned",
            "Pricing: no checkpoint planned",
        ),
        (
            _item(K.DELEGATION, D.NO_FACTOR, "Budget"),
            "Budget: no success factor agreed",
            "Budget: no success factor agreed",
        ),
        (
            _item(K.FACTOR, D.NOT_CALIBRATED, "Time to hire", on=date(2025, 8, 1), within="Hiring"),
            "Time to hire (Hiring): not calibrated since 1 Aug 2025",
            "Time to hire (Hiring): not calibrated since 1 Aug 2025",
        ),
        (
            _item(K.FEEDBACK, D.FEEDBACK_ASKED, "How are my 1:1s?"),
            "I asked for feedback: How are my 1:1s?",
            "How are my 1:1s?",
        ),
        (
            _item(K.FEEDBACK, D.FEEDBACK_BALANCE, given=1, solicited=0),
            "Last 30 days: given 1, solicited 0",
            "Last 30 days: given 1, solicited 0",
        ),
        (
            _item(K.ONE_ON_ONE, D.NO_ONE_ON_ONE_YET, on=date(2026, 12, 9)),
            "No 1:1 yet — plan the first",
            "No 1:1 yet — plan the first",
        ),
        (
            _item(K.ONE_ON_ONE, D.NO_ONE_ON_ONE_YET, on=date(2026, 11, 20), overdue=True),
            "No 1:1 yet: the first was due 20 Nov",
            "No 1:1 yet: the first was due 20 Nov",
        ),
        (
            _item(K.ONE_ON_ONE, D.ONE_ON_ONE_OVERDUE, last=date(2026, 11, 5), days=20),
            "No 1:1 for 20 days (last 5 Nov)",
            "No 1:1 for 20 days (last 5 Nov)",
        ),
        (
            _item(K.RELATIONSHIP, D.NO_RELATIONSHIP_NOTES),
            "No relationship notes yet",
            "No relationship notes yet",
        ),
    ],
)
def test_each_detail_reads_as_a_sentence_and_as_an_agenda_row(
    item: ActionItem, sentence: str, row: str
) -> None:
    assert item_text(item, TODAY) == sentence
    assert agenda_text(item, TODAY) == row


def test_every_detail_has_a_wording() -> None:
    for detail in ItemDetail:
        assert item_text(_item(K.DELEGATION, detail, "S"), TODAY).strip()


def test_the_users_words_are_never_reworded_only_cut_to_their_first_line() -> None:
    typed = "They promised: see 2026-01-02 — " + "x" * 100
    item = _item(K.PROMISE, D.PROMISE, typed, direction=PromiseDirection.MINE)
    assert item_text(item, TODAY) == f"I promised: {typed[:79]}…"


def test_one_day_overdue_reads_in_the_singular() -> None:
    item = _item(K.ONE_ON_ONE, D.ONE_ON_ONE_OVERDUE, last=date(2026, 11, 24), days=1)
    assert item_text(item, TODAY) == "No 1:1 for 1 day (last 24 Nov)"


def test_the_wording_loads_without_widgets_or_sqlalchemy_so_the_cli_and_reports_can_use_it() -> (
    None
):
    import subprocess
    import sys

    probe = (
        "import sys, leaddesk.reports.item_wording; "
        "print('PySide6.QtWidgets' in sys.modules, 'PySide6.QtGui' in sys.modules, "
        "'sqlalchemy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False", "False"]
