"""Each person's 1:1 rhythm: their own, else every 2 weeks for direct reports and every month for
skip-levels; used by Needs attention, the weekly focus, the team grid and the person page."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.focus import Principle
from leaddesk.reports.item_wording import item_text
from leaddesk.services.action_item import ItemKind
from leaddesk.services.desk import Desk
from leaddesk.services.undo import Deletable

TODAY = date(2026, 11, 25)
MONDAY = date(2026, 11, 23)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def late_1_1s(desk: Desk) -> dict[int, str]:
    """Whose 1:1 Needs attention lists, with what it says."""
    return {
        i.person_id: item_text(i, TODAY)
        for i in desk.needs_attention()
        if i.kind is ItemKind.ONE_ON_ONE
    }


def test_a_three_week_rhythm_is_not_late_where_the_default_would_be(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    bob = desk.add_person("Bob", one_on_one_every_days=21)
    for pid in (ada, bob):
        desk.record_one_on_one(pid, held_on=days_ago(18))
    assert late_1_1s(desk) == {ada: "No 1:1 for 18 days (last 7 Nov)"}
    desk.record_one_on_one(bob, held_on=days_ago(22))  # an older 1:1 changes nothing
    assert bob not in late_1_1s(desk)


def test_a_weekly_rhythm_is_late_after_a_week(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    desk.record_one_on_one(ada, held_on=days_ago(8))
    assert late_1_1s(desk) == {}
    desk.set_one_on_one_rhythm(ada, 7)
    assert late_1_1s(desk) == {ada: "No 1:1 for 8 days (last 17 Nov)"}
    desk.set_one_on_one_rhythm(ada, None)  # back to the default: every 2 weeks
    assert late_1_1s(desk) == {}


def test_skip_levels_are_listed_once_a_month_has_passed(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    desk.record_one_on_one(ada, held_on=days_ago(3))
    zoe = desk.add_person("Zoe", reports_to_id=ada)
    yan = desk.add_person("Yan", reports_to_id=ada)
    assert late_1_1s(desk) == {}  # new skip-levels are not asked for a first 1:1 at once
    desk.record_one_on_one(zoe, held_on=days_ago(30))
    desk.record_one_on_one(yan, held_on=days_ago(31))
    assert late_1_1s(desk) == {yan: "No 1:1 for 31 days (last 25 Oct)"}
    desk.update_settings(skip_level_interval_days=20)
    assert set(late_1_1s(desk)) == {zoe, yan}
    desk.set_one_on_one_rhythm(zoe, 45)
    assert set(late_1_1s(desk)) == {yan}


def test_people_further_down_are_met_only_with_a_rhythm_of_their_own(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    zoe = desk.add_person("Zoe", reports_to_id=ada)
    kit = desk.add_person("Kit", reports_to_id=zoe)
    desk.record_one_on_one(kit, held_on=days_ago(100))
    assert kit not in desk.next_one_on_ones() and kit not in late_1_1s(desk)
    desk.update_person(kit, one_on_one_every_days=60)
    assert desk.next_one_on_ones()[kit] == days_ago(40)
    assert late_1_1s(desk)[kit] == "No 1:1 for 100 days (last 17 Aug)"


def test_next_1_1s_of_everyone_met_by_their_rhythm(desk: Desk) -> None:
    ada = desk.add_person("Ada", one_on_one_every_days=21)
    bob = desk.add_person("Bob")
    zoe = desk.add_person("Zoe", reports_to_id=ada)
    gone = desk.add_person("Gone")
    desk.archive_person(gone)
    desk.record_one_on_one(ada, held_on=days_ago(5))
    desk.record_one_on_one(zoe, held_on=days_ago(40))
    assert desk.next_one_on_ones() == {
        ada: TODAY + timedelta(days=16),
        bob: TODAY + timedelta(days=14),  # nobody met yet: one interval after they came
        zoe: days_ago(10),  # overdue: in the past
    }
    rhythm = desk.one_on_one_rhythms()[zoe]
    assert (rhythm.interval_days, rhythm.own, rhythm.direct, rhythm.overdue(TODAY)) == (
        30,
        False,
        False,
        True,
    )


def test_the_team_grid_and_the_person_page_carry_the_next_1_1(desk: Desk) -> None:
    ada = desk.add_person("Ada", one_on_one_every_days=21)
    desk.record_one_on_one(ada, held_on=days_ago(25))
    [member] = desk.team_overview().members
    assert member.next_one_on_one == days_ago(4)
    overview = desk.person_overview(ada)
    assert overview.rhythm is not None
    assert (overview.rhythm.interval_days, overview.rhythm.own) == (21, True)
    assert overview.rhythm.next_due == days_ago(4)
    desk.set_one_on_one_rhythm(ada, 28)  # a write refreshes the cached grid
    assert desk.team_overview().members[0].next_one_on_one == TODAY + timedelta(days=3)


def test_the_relationship_week_lists_late_skip_levels(desk: Desk) -> None:
    desk.update_settings(focus_start=MONDAY - timedelta(weeks=int(Principle.RELATIONSHIP) - 1))
    ada = desk.add_person("Ada")
    desk.record_one_on_one(ada, held_on=days_ago(1))
    desk.add_relationship_note(ada, "Likes early starts")
    zoe = desk.add_person("Zoe", reports_to_id=ada)
    desk.record_one_on_one(zoe, held_on=days_ago(35))
    focus = desk.week_focus()
    assert [(i.person_id, item_text(i, TODAY)) for i in focus.items] == [
        (zoe, "No 1:1 for 35 days (last 21 Oct)")
    ]


def test_the_rhythm_is_kept_on_the_person(desk: Desk) -> None:
    ada = desk.add_person("Ada", one_on_one_every_days=10)
    assert desk.person(ada).one_on_one_every_days == 10
    desk.update_person(ada, name="Ada L.")  # other edits keep it
    assert desk.person(ada).one_on_one_every_days == 10
    assert [p.one_on_one_every_days for p in desk.people()] == [10]
    desk.update_person(ada, one_on_one_every_days=None)
    assert desk.person(ada).one_on_one_every_days is None


@pytest.mark.parametrize("days", [0, -1, 366, 2.5, True])
def test_a_rhythm_outside_1_to_365_days_is_refused_and_nothing_changes(
    desk: Desk, days: object
) -> None:
    ada = desk.add_person("Ada", one_on_one_every_days=21)
    with pytest.raises(ValidationError, match=r"between 1 and 365 days|whole number of days"):
        desk.set_one_on_one_rhythm(ada, days)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        desk.update_person(ada, name="Changed", one_on_one_every_days=days)
    with pytest.raises(ValidationError):
        desk.add_person("Bob", one_on_one_every_days=days)  # type: ignore[arg-type]
    assert [(p.name, p.one_on_one_every_days) for p in desk.people()] == [("Ada", 21)]


def test_the_rhythm_of_someone_deleted_cannot_be_set(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    desk.delete(Deletable.PERSON, ada)
    with pytest.raises(ValidationError, match="does not exist"):
        desk.set_one_on_one_rhythm(ada, 7)


@pytest.mark.parametrize(("value", "ok"), [(1, True), (365, True), (0, False), (366, False)])
def test_the_skip_level_default_is_a_setting_from_1_to_365(
    desk: Desk, value: int, ok: bool
) -> None:
    assert desk.settings().skip_level_interval_days == 30
    if ok:
        assert (
            desk.update_settings(skip_level_interval_days=value).skip_level_interval_days == value
        )
    else:
        with pytest.raises(ValidationError, match="Skip-level 1:1 interval"):
            desk.update_settings(skip_level_interval_days=value)
