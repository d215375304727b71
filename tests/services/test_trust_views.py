"""Trust read models: the trust series, the person overview and the team grid."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.levels import DelegationState, EmpowermentLevel, LevelKind
from leaddesk.domain.promises import PromiseDirection
from leaddesk.domain.trust import Trend
from leaddesk.services.desk import Desk
from leaddesk.services.undo import Deletable

TODAY = date(2026, 11, 25)
MINE = PromiseDirection.MINE
THEIRS = PromiseDirection.THEIRS
L = EmpowermentLevel


@pytest.fixture
def ada(desk: Desk) -> int:
    """A direct report with no evidence yet."""
    return desk.add_person("Ada")


def _resolved(
    desk: Desk, person: int, how: str, direction: PromiseDirection = THEIRS, on: date = TODAY
) -> int:
    """A promise made on `on`, due that day, then resolved `how` on that day (late: a day after)."""
    ident = desk.add_promise(person, direction, f"Promise to {how}", due_on=on, made_on=on)
    if how == "keep":
        desk.keep_promise(ident, on=on)
    elif how == "keep late":
        desk.keep_promise(ident, on=on + timedelta(days=1))
    elif how == "break":
        desk.break_promise(ident, on=on)
    elif how == "release":
        desk.release_promise(ident, on=on)
    elif how == "renegotiate":
        desk.renegotiate_promise(ident, on + timedelta(days=10), on=on)
    return ident


def _checkpoint(desk: Desk, person: int, outcome: CheckpointOutcome) -> None:
    delegation = desk.add_delegation(person, f"Area {outcome.value}", L.CONSULT)
    nxt = desk.delegation(delegation).next_checkpoint
    assert nxt is not None
    desk.complete_checkpoint(nxt.id, outcome, on=TODAY, plan_next=False)


# -- trust_series ----------------------------------------------------------------------------
def test_without_evidence_the_score_is_half_with_the_widest_band(desk: Desk, ada: int) -> None:
    current = desk.trust_series(ada).current
    assert (current.expectation, current.belief, current.plausibility) == (0.5, 0.0, 1.0)


def test_promise_kept_on_time_raises_the_track_record(desk: Desk, ada: int) -> None:
    _resolved(desk, ada, "keep")
    current = desk.trust_series(ada).current
    assert current.expectation == pytest.approx(2 / 3)
    assert (current.positive, current.negative) == (1.0, 0.0)


def test_broken_promise_lowers_the_track_record(desk: Desk, ada: int) -> None:
    _resolved(desk, ada, "break")
    current = desk.trust_series(ada).current
    assert current.expectation == pytest.approx(1 / 3)
    assert (current.positive, current.negative) == (0.0, 1.0)


def test_promise_kept_late_counts_half_positive_half_negative(desk: Desk, ada: int) -> None:
    _resolved(desk, ada, "keep late", on=TODAY - timedelta(days=1))
    current = desk.trust_series(ada).current
    assert current.expectation == pytest.approx(0.5)
    assert (current.positive, current.negative) == (0.5, 0.5)
    assert current.uncertainty < 1.0


@pytest.mark.parametrize("how", ["release", "renegotiate"])
def test_released_or_renegotiated_promise_is_no_evidence(desk: Desk, ada: int, how: str) -> None:
    _resolved(desk, ada, how)
    current = desk.trust_series(ada).current
    assert current.evidence_weight == 0.0
    assert current.expectation == 0.5


def test_open_promise_is_no_evidence(desk: Desk, ada: int) -> None:
    desk.add_promise(
        ada, THEIRS, "Plan", due_on=TODAY - timedelta(days=3), made_on=date(2026, 11, 1)
    )
    assert desk.trust_series(ada).current.evidence_weight == 0.0


def test_my_promises_feed_my_record_not_theirs(desk: Desk, ada: int) -> None:
    _resolved(desk, ada, "keep", direction=MINE)
    _resolved(desk, ada, "keep", direction=MINE)
    series = desk.trust_series(ada)
    assert series.my_current.expectation == pytest.approx(3 / 4)
    assert series.mine[-1].expectation == pytest.approx(3 / 4)
    assert series.current.evidence_weight == 0.0
    assert series.track[-1].expectation == 0.5


def test_my_broken_promise_lowers_my_record(desk: Desk, ada: int) -> None:
    _resolved(desk, ada, "break", direction=MINE)
    series = desk.trust_series(ada)
    assert series.my_current.expectation == pytest.approx(1 / 3)
    assert series.current.expectation == 0.5


@pytest.mark.parametrize(
    ("outcome", "positive", "negative"),
    [
        (CheckpointOutcome.ON_TRACK, 1.0, 0.0),
        (CheckpointOutcome.CONCERNS, 0.5, 0.5),
        (CheckpointOutcome.OFF_TRACK, 0.0, 1.0),
        (CheckpointOutcome.SKIPPED, 0.0, 0.0),
    ],
)
def test_checkpoint_outcomes_are_evidence_about_the_person(
    desk: Desk, ada: int, outcome: CheckpointOutcome, positive: float, negative: float
) -> None:
    _checkpoint(desk, ada, outcome)
    current = desk.trust_series(ada).current
    assert (current.positive, current.negative) == (positive, negative)


def test_evidence_fades_with_the_half_life(desk: Desk, ada: int) -> None:
    _resolved(desk, ada, "keep", on=TODAY - timedelta(days=180))
    series = desk.trust_series(ada)
    assert series.half_life_days == 180.0
    assert series.current.positive == pytest.approx(0.5)
    past = next(p for p in series.track if p.on >= TODAY - timedelta(days=180))
    assert past.expectation > series.current.expectation


def test_series_is_sampled_weekly_and_ends_today(desk: Desk, ada: int) -> None:
    _resolved(desk, ada, "keep", on=TODAY - timedelta(days=400))
    series = desk.trust_series(ada)
    assert series.track[-1].on == TODAY
    assert series.track[0].on <= TODAY - timedelta(days=400)
    assert len(series.track) == len(series.mine)
    gaps = {(b.on - a.on).days for a, b in zip(series.track[:-1], series.track[1:], strict=True)}
    assert max(gaps) == 7
    assert series.track[-1].expectation == series.current.expectation


def test_band_narrows_as_evidence_grows(desk: Desk, ada: int) -> None:
    _resolved(desk, ada, "keep")
    one = desk.trust_series(ada).current.uncertainty
    for _ in range(3):
        _resolved(desk, ada, "keep")
    assert desk.trust_series(ada).current.uncertainty < one


def test_recent_good_evidence_trends_up(desk: Desk, ada: int) -> None:
    for _ in range(3):
        _resolved(desk, ada, "keep")
    assert desk.trust_series(ada).trend is Trend.UP


def test_recent_bad_evidence_trends_down(desk: Desk, ada: int) -> None:
    _resolved(desk, ada, "break")
    assert desk.trust_series(ada).trend is Trend.DOWN


def test_level_changes_of_my_level_are_events_with_their_reason(desk: Desk, ada: int) -> None:
    budget = desk.add_delegation(ada, "Budget", L.CONSULT, on=date(2026, 9, 1))
    desk.change_level(budget, L.ADVISE, "Two clean quarters", on=date(2026, 11, 1))
    desk.change_level(budget, L.AGREE, "Missed forecast", on=date(2026, 11, 20))
    desk.change_level(budget, L.INQUIRE, kind=LevelKind.THEIRS)
    desk.change_level(budget, L.DELEGATE, "Goal", kind=LevelKind.TARGET)
    events = desk.trust_series(ada).events
    assert [(e.on, e.to_level, e.reason, e.is_up) for e in events] == [
        (date(2026, 11, 1), L.ADVISE, "Two clean quarters", True),
        (date(2026, 11, 20), L.AGREE, "Missed forecast", False),
    ]
    assert events[0].delegation_title == "Budget"


def test_assessments_are_points_on_the_chart(desk: Desk, ada: int) -> None:
    desk.add_assessment(ada, 5, 5, 5, 5, on=date(2026, 10, 1))
    desk.add_assessment(ada, 3, 3, 3, 3, on=date(2026, 11, 1))
    points = desk.trust_series(ada).assessments
    assert [(a.on, a.score) for a in points] == [(date(2026, 10, 1), 1.0), (date(2026, 11, 1), 0.5)]
    assert desk.trust_series(ada).current.evidence_weight == 0.0


def test_series_is_refreshed_after_every_write(desk: Desk, ada: int) -> None:
    assert desk.trust_series(ada).current.expectation == 0.5
    _resolved(desk, ada, "keep")
    assert desk.trust_series(ada).current.expectation > 0.5


def test_evidence_about_someone_else_does_not_count(desk: Desk, ada: int) -> None:
    bob = desk.add_person("Bob")
    _resolved(desk, bob, "break")
    assert desk.trust_series(ada).current.evidence_weight == 0.0


def test_trust_series_of_an_unknown_person_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.trust_series(999)


# -- person_overview -------------------------------------------------------------------------
def test_person_overview_sums_up_what_is_open_with_them(desk: Desk, ada: int) -> None:
    desk.update_person(ada, role="VP Engineering")
    skip = desk.add_person("Zoe", reports_to_id=ada)
    archived_skip = desk.add_person("Yan", reports_to_id=ada)
    desk.archive_person(archived_skip)
    desk.add_promise(ada, MINE, "Intro to CFO")
    desk.add_promise(ada, THEIRS, "Hiring plan")
    desk.add_promise(ada, THEIRS, "Budget")
    _resolved(desk, ada, "keep")
    gap = desk.add_delegation(ada, "Budget", L.CONSULT, their_level=L.DELEGATE)
    desk.add_delegation(ada, "Hiring", L.ADVISE, their_level=L.ADVISE)
    done = desk.add_delegation(ada, "Old", L.TELL, their_level=L.DELEGATE)
    desk.set_delegation_state(done, DelegationState.COMPLETED)
    desk.record_one_on_one(ada, held_on=date(2026, 11, 18))
    desk.record_one_on_one(ada, held_on=date(2026, 11, 4))
    desk.add_assessment(ada, 2, 2, 2, 2, on=date(2026, 6, 1))
    desk.add_assessment(ada, 4, 4, 4, 4, on=date(2026, 11, 1))
    overview = desk.person_overview(ada)
    assert overview.person.role == "VP Engineering"
    assert overview.open_promises_mine == 1
    assert overview.open_promises_theirs == 2
    assert overview.active_delegations == 2
    assert overview.clarity_gaps == 1
    assert overview.last_one_on_one == date(2026, 11, 18)
    assert overview.latest_assessment is not None
    assert overview.latest_assessment.score == 0.75
    assert [p.id for p in overview.reports] == [skip]
    assert overview.current.expectation == pytest.approx(2 / 3)
    assert overview.trend is Trend.UP
    assert overview.next_checkpoint is not None
    assert overview.next_checkpoint.delegation_id == gap
    assert overview.next_checkpoint.due_on == TODAY + timedelta(days=14)


def test_person_overview_shows_my_record_with_them(desk: Desk, ada: int) -> None:
    _resolved(desk, ada, "break", direction=MINE)
    overview = desk.person_overview(ada)
    assert overview.my_record.expectation == pytest.approx(1 / 3)
    assert overview.current.expectation == 0.5


def test_person_overview_of_a_new_person_is_empty(desk: Desk, ada: int) -> None:
    overview = desk.person_overview(ada)
    assert overview.next_checkpoint is None
    assert overview.last_one_on_one is None
    assert overview.latest_assessment is None
    assert (overview.open_promises_mine, overview.open_promises_theirs) == (0, 0)
    assert overview.reports == ()


def test_person_overview_shows_whom_a_skip_level_reports_to(desk: Desk, ada: int) -> None:
    zoe = desk.add_person("Zoe", reports_to_id=ada)
    assert desk.person_overview(zoe).person.reports_to_name == "Ada"


def test_person_overview_of_an_unknown_person_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.person_overview(999)


# -- team_overview ---------------------------------------------------------------------------
def test_team_shows_only_active_direct_reports_by_name(desk: Desk, ada: int) -> None:
    bob = desk.add_person("bob")
    desk.add_person("Zoe", reports_to_id=ada)
    archived = desk.add_person("Carl")
    desk.archive_person(archived)
    deleted = desk.add_person("Dora")
    desk.delete(Deletable.PERSON, deleted)
    team = desk.team_overview()
    assert [m.person.id for m in team.members] == [ada, bob]


def test_team_sparkline_has_thirteen_points_ending_today(desk: Desk, ada: int) -> None:
    _resolved(desk, ada, "keep", on=TODAY - timedelta(days=100))
    _resolved(desk, ada, "keep")
    team = desk.team_overview()
    (member,) = team.members
    assert len(team.sparkline_dates) == 13
    assert team.sparkline_dates[-1] == TODAY
    assert len(member.sparkline) == 13
    assert member.sparkline[-1] == member.score
    assert member.sparkline[0] == 0.5
    assert member.score == pytest.approx(desk.trust_series(ada).current.expectation)
    assert member.trend is Trend.UP


def test_team_counts_open_and_overdue_items_and_last_1on1(desk: Desk, ada: int) -> None:
    bob = desk.add_person("Bob")
    desk.add_promise(ada, MINE, "Intro", due_on=date(2026, 12, 1), made_on=date(2026, 11, 1))
    desk.add_promise(ada, THEIRS, "Plan", due_on=date(2026, 11, 20), made_on=date(2026, 11, 1))
    _resolved(desk, ada, "keep")
    desk.add_delegation(ada, "Budget", L.CONSULT, on=date(2026, 10, 1))
    desk.record_one_on_one(ada, held_on=date(2026, 11, 18))
    members = {m.person.id: m for m in desk.team_overview().members}
    assert members[ada].open_promises == 2
    assert members[ada].overdue_items == 2
    assert members[ada].last_one_on_one == date(2026, 11, 18)
    assert (members[bob].open_promises, members[bob].overdue_items) == (0, 0)
    assert members[bob].last_one_on_one is None


def test_team_overview_is_refreshed_after_writes(desk: Desk, ada: int) -> None:
    assert desk.team_overview().members[0].open_promises == 0
    desk.add_promise(ada, MINE, "Intro")
    assert desk.team_overview().members[0].open_promises == 1
