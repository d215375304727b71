"""Demo data: a believable, deterministic world, loaded in one go into a new store."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from leaddesk.demo import Story, build_demo, generate_world
from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.focus import principle_for, week_start
from leaddesk.domain.levels import EmpowermentLevel, LevelKind
from leaddesk.domain.promises import PromiseDirection, PromiseState
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.desk import Desk


def _names(desk: Desk) -> list[str]:
    return [p.name for p in desk.people()]


def test_same_seed_gives_the_same_store_and_another_seed_does_not(
    desk: Desk, tmp_path: Path
) -> None:
    build_demo(desk, people=5, years=1, seed=3)
    twin = Desk.open(tmp_path / "twin.db", today=desk.today)
    other = Desk.open(tmp_path / "other.db", today=desk.today)
    try:
        build_demo(twin, people=5, years=1, seed=3)
        build_demo(other, people=5, years=1, seed=4)
        assert _names(twin) == _names(desk)
        assert twin.counts() == desk.counts()
        assert _names(other) != _names(desk)
        assert other.counts() != desk.counts()
    finally:
        twin.close()
        other.close()


def test_generation_is_a_pure_function_of_seed_and_today() -> None:
    today = date(2026, 11, 25)
    world = generate_world(6, 1.5, seed=9, today=today)
    assert generate_world(6, 1.5, seed=9, today=today) == world
    tomorrow = generate_world(6, 1.5, seed=9, today=today + timedelta(days=1))
    assert tomorrow.people[0]["in_role_since"] == world.people[0]["in_role_since"] + timedelta(1)


def test_each_story_is_visible_in_the_trust_read_models(desk: Desk) -> None:
    stories = build_demo(desk, people=5, years=2, seed=1)
    assert list(stories.values()) == list(Story)  # the first five tell one story each
    who = {story: pid for pid, story in stories.items()}
    series = {story: desk.trust_series(pid) for story, pid in who.items()}
    today = desk.today()

    def band(story: Story) -> float:
        return series[story].current.plausibility - series[story].current.belief

    rising, slipping = series[Story.RISING_STAR], series[Story.SLIPPING]
    assert rising.current.expectation > slipping.current.expectation
    assert sum(e.is_up for e in rising.events) > sum(not e.is_up for e in rising.events)
    half_year_ago = [p for p in slipping.track if p.on <= today - timedelta(days=180)][-1]
    assert slipping.current.expectation < half_year_ago.expectation - 0.1
    assert band(Story.NEW_HIRE) > band(Story.STEADY_VETERAN)
    new_hire = desk.person(who[Story.NEW_HIRE])
    assert new_hire.in_role_since is not None
    assert (today - new_hire.in_role_since).days < 90
    veteran_levels = [d.my_level for d in desk.delegations(who[Story.STEADY_VETERAN])]
    assert {EmpowermentLevel.INQUIRE, EmpowermentLevel.DELEGATE} <= set(veteran_levels)
    recovery = series[Story.RECOVERY]
    low_point = min(recovery.track[-52:], key=lambda p: p.expectation)
    assert recovery.current.expectation > low_point.expectation + 0.1
    assert any(p.state is PromiseState.BROKEN for p in desk.promises(who[Story.RECOVERY]))


def test_world_uses_the_whole_vocabulary(desk: Desk) -> None:
    stories = build_demo(desk, people=6, years=2, seed=2)
    today = desk.today()
    delegations = desk.delegations()
    assert {d.my_level for d in delegations} == set(EmpowermentLevel)
    active = [d for d in delegations if d.state.value == "active"]
    assert any(d.clarity_gap for d in active)
    assert any(d.their_level is None for d in active)
    assert any(d.target_level is not None for d in active)
    history = [h for d in delegations for h in d.history if h.kind is LevelKind.MINE]
    ups = [h for h in history if h.from_level is not None and h.is_up]
    downs = [h for h in history if h.from_level is not None and not h.is_up]
    assert len(ups) > len(downs) > 0
    assert all(h.reason for h in history)
    checkpoints = [c for d in delegations for c in d.checkpoints]
    assert {c.outcome for c in checkpoints} == {*CheckpointOutcome, None}
    assert any(c.overdue for c in checkpoints)
    assert any(c.outcome is None and c.due_on > today for c in checkpoints)
    factors = [f for d in delegations for f in d.factors]
    assert {c.proposed_by.value for f in factors for c in f.calibrations} == {"me", "them", "both"}

    promises = desk.promises()
    assert {p.state for p in promises} == set(PromiseState)
    for direction in PromiseDirection:  # my own record varies too
        one_way = [p for p in promises if p.direction is direction]
        assert any(p.state is PromiseState.KEPT and p.on_time for p in one_way)
        assert any(p.state is PromiseState.KEPT and p.on_time is False for p in one_way)
        assert any(p.state is PromiseState.BROKEN for p in one_way)
        assert any(p.overdue for p in one_way)
    renegotiated = [e for p in promises for e in p.history if e.to_state.value == "renegotiated"]
    assert renegotiated and all(e.old_due_on != e.new_due_on for e in renegotiated)

    assert desk.feedback(open_only=True)
    assert {f.direction.value for f in desk.feedback()} == {"given", "received", "solicited"}
    assert any(t.carried > 0 for pid in stories for t in desk.open_topics(pid))
    meetings = [m for pid in stories for m in desk.one_on_ones(pid)]
    assert any(m.private_notes for m in meetings) and any(m.discussed for m in meetings)
    topics = {n.topic for pid in stories for n in desk.relationship_notes(pid)}
    assert topics == {"motivation", "working style", "aspirations", "personal context"}
    assert any(t.person_id is None for t in desk.terms())
    assert any(t.person_id is not None for pid in stories for t in desk.terms(pid))
    for pid in stories:
        assert 1 <= len(desk.person_overview(pid).reports) <= 3
    assert desk.integrity_problems() == []


def test_reflections_follow_the_stored_focus_rotation(desk: Desk) -> None:
    build_demo(desk, people=5, years=1, seed=5)
    start = desk.settings().focus_start
    assert start == week_start(desk.today() - timedelta(days=365))
    reflections = desk.reflections()
    assert len(reflections) > 30
    assert all(r.week_start < week_start(desk.today()) for r in reflections)
    assert all(r.principle is principle_for(r.week_start, start) for r in reflections)


def test_full_names_are_unique_at_the_reference_scale() -> None:
    world = generate_world(200, 0.2, seed=1, today=date(2026, 11, 25))
    names = Counter(p["name"] for p in world.people)
    assert len(world.people) >= 400
    assert max(names.values()) == 1


def test_rows_are_consistent_and_dated_no_later_than_today() -> None:
    today = date(2026, 11, 25)
    world = generate_world(8, 2, seed=7, today=today)
    events: dict[int, list[dict[str, object]]] = {}
    for e in world.promise_events:
        events.setdefault(int(e["promise_id"]), []).append(e)
    for p in world.promises:
        chain = events.get(p["id"], [])
        assert p["made_on"] <= today
        states = ["open", *(e["to_state"] for e in chain)]
        assert [e["from_state"] for e in chain] == states[:-1]
        assert p["state"] == states[-1]
        assert all(p["made_on"] <= e["on"] <= today for e in chain)
        if p["state"] in ("kept", "broken", "released"):
            assert chain[-1]["to_state"] == p["state"] and chain[-1]["on"] == p["resolved_on"]
            assert (p["on_time"] is not None) == (p["state"] == "kept")
        else:
            assert p["resolved_on"] is None and p["on_time"] is None
        if p["state"] == "kept" and p["due_on"] is not None:
            assert p["on_time"] == (p["resolved_on"] <= p["due_on"])
    for c in world.checkpoints:
        assert (c["outcome"] is None) == (c["completed_on"] is None)
        assert c["completed_on"] is None or c["completed_on"] <= today
    dated = [
        *(r["on"] for r in world.level_changes),
        *(r["held_on"] for r in world.one_on_ones),
        *(r["created_on"] for r in world.agenda_topics),
        *(r["on"] for r in world.feedback),
        *(r["answered_on"] for r in world.feedback if r["answered_on"]),
        *(r["on"] for r in world.trust_assessments),
        *(r["agreed_on"] for r in world.success_factors),
        *(r["on"] for r in world.calibrations),
        *(r["on"] for r in world.relationship_notes),
        *(r["created_on"] for r in world.delegations),
    ]
    assert max(dated) <= today


def test_refuses_a_store_that_already_has_people(desk: Desk) -> None:
    desk.add_person("Ada Lovelace")
    before = desk.counts()
    with pytest.raises(ValidationError, match="already has data; demo data goes into a new store"):
        build_demo(desk, people=5, years=1)
    assert desk.counts() == before


def test_loading_reports_progress_and_tells_listeners(desk: Desk) -> None:
    seen: list[tuple[int, int]] = []
    changes: list[Change] = []
    desk.subscribe(changes.append)
    build_demo(
        desk, people=5, years=1, seed=0, progress=lambda done, total: seen.append((done, total))
    )
    total = seen[-1][1]
    assert seen[-1] == (total, total)
    assert total == sum(n for _, n in desk.counts().counts) + 1  # + the focus start setting
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert changes == [Change(ChangeArea.BULK)]


@pytest.mark.parametrize(("people", "years"), [(0, 1), (5, 0), (5, -1)])
def test_rejects_an_empty_world(people: int, years: float) -> None:
    with pytest.raises(ValidationError):
        generate_world(people, years, today=date(2026, 11, 25))
