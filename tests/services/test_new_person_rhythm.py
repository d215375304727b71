"""A person added today: their first 1:1 is planned, not overdue; the trust series starts with
them; the team grid has no score for them yet."""

from __future__ import annotations

from datetime import date, timedelta

from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports.item_wording import item_text
from leaddesk.services.action_item import ItemKind
from leaddesk.services.desk import Desk

TODAY = date(2026, 11, 25)


def first_1_1(desk: Desk, pid: int):
    [item] = [
        i for i in desk.needs_attention() if i.person_id == pid and i.kind is ItemKind.ONE_ON_ONE
    ]
    return item


def test_someone_new_is_not_late_for_a_1_1(desk: Desk) -> None:
    nia = desk.add_person("Nia")
    item = first_1_1(desk, nia)
    assert (item.overdue, item.on) == (False, TODAY + timedelta(days=14))
    assert item_text(item, TODAY) == "No 1:1 yet — plan the first"


def test_someone_starting_next_month_is_due_one_interval_after_their_start(desk: Desk) -> None:
    desk.update_settings(one_on_one_interval_days=30)
    nia = desk.add_person("Nia", in_role_since=TODAY + timedelta(days=10))
    assert first_1_1(desk, nia).on == TODAY + timedelta(days=40)


def test_the_trust_series_starts_the_day_they_were_added(desk: Desk) -> None:
    nia = desk.add_person("Nia")
    series = desk.trust_series(nia)
    assert [p.on for p in series.track] == [TODAY]
    assert series.current.evidence_weight == 0


def test_the_team_grid_has_no_score_before_any_evidence(desk: Desk) -> None:
    nia = desk.add_person("Nia")
    ada = desk.add_person("Ada")
    kept = desk.add_promise(ada, PromiseDirection.THEIRS, "Send the plan", due_on=TODAY)
    desk.keep_promise(kept)
    members = {m.person.id: m for m in desk.team_overview().members}
    assert (members[nia].has_evidence, members[nia].sparkline) == (False, ())
    assert members[ada].has_evidence and len(members[ada].sparkline) == 13
