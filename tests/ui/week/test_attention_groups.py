"""Needs attention's grouping and words, without a window: who leads, what a folded group says."""

from __future__ import annotations

from datetime import date

from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.action_item import ActionItem, ItemDetail, ItemKind
from leaddesk.ui.week.attention_groups import (
    Fix,
    GroupBy,
    fix_for,
    group_items,
    group_summary,
    row_text,
    when_text,
)

TODAY = date(2026, 11, 25)


def promise(pid: int, name: str, on: date, mine: bool = True) -> ActionItem:
    return ActionItem(
        ItemKind.PROMISE,
        pid * 10 + on.day,
        pid,
        name,
        ItemDetail.PROMISE,
        f"Promise to {name}",
        on,
        overdue=on < TODAY,
        direction=PromiseDirection.MINE if mine else PromiseDirection.THEIRS,
    )


def gap(pid: int, name: str) -> ActionItem:
    return ActionItem(
        ItemKind.DELEGATION,
        pid,
        pid,
        name,
        ItemDetail.CLARITY_GAP,
        "Hiring",
        date(2026, 1, 1),
        my_level=EmpowermentLevel(4),
        their_level=EmpowermentLevel(2),
    )


def test_people_with_the_most_overdue_lead_then_the_oldest_date_then_the_name() -> None:
    items = [
        promise(1, "Zoe", date(2026, 11, 20)),
        promise(2, "Abe", date(2026, 11, 24)),
        promise(3, "Cy", date(2026, 11, 23)),
        promise(3, "Cy", date(2026, 11, 24)),
        gap(4, "Bo"),
    ]
    groups = group_items(items, GroupBy.PERSON)
    assert [g.title for g in groups] == ["Cy", "Zoe", "Abe", "Bo"]
    assert [g.overdue for g in groups] == [2, 1, 1, 0]


def test_a_folded_person_says_what_kinds_wait_and_clarity_gaps_have_no_date() -> None:
    items = [promise(1, "Ada", TODAY), promise(1, "Ada", TODAY, mine=False), gap(1, "Ada")]
    (group,) = group_items(items, GroupBy.PERSON)
    assert group_summary(group, GroupBy.PERSON) == "2 promises, 1 clarity gap"
    assert row_text(gap(1, "Ada"), GroupBy.PERSON, TODAY).startswith("Clarity gap: Hiring")
    assert when_text(gap(1, "Ada"), TODAY) == ""
    assert fix_for(gap(1, "Ada")) is None
    assert fix_for(items[0]) is Fix.KEEP


def test_an_unknown_kind_is_grouped_as_other_not_as_a_clarity_gap() -> None:
    asked = ActionItem(ItemKind.FEEDBACK, 7, 1, "Ada", ItemDetail.FEEDBACK_ASKED, "How am I doing")
    groups = group_items([asked, gap(1, "Ada")], GroupBy.KIND)
    assert [g.title for g in groups] == ["Clarity gap", "Other item"]
    assert row_text(asked, GroupBy.KIND, TODAY) == "Ada — How am I doing"
