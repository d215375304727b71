"""Hostile input to every use case of the Desk facade: success or a ValidationError, never more.

Each example calls one use case with arguments drawn from what users and files can produce at
its worst: texts with control characters, lone surrogates, line breaks and 100,001 characters;
dates from year 1 to 9999; ids that never existed or were deleted; levels and scores out of
range. Whatever happens, a refused call writes nothing and the store stays intact.
"""

from __future__ import annotations

import inspect
import os
import string
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import UserError
from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind, Proposer
from leaddesk.domain.levels import DelegationState, LevelKind
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk
from leaddesk.services.roster import RosterRow
from leaddesk.services.undo import Deletable

# Not use cases a user drives with typed input, or covered elsewhere: the importers are fuzzed
# in test_import_fuzz.py; backups write beside the store; close/subscribe are plumbing.
NOT_FUZZED = {
    "apply_roster",  # takes a plan from plan_roster: fuzzed together below
    "backup",
    "backup_if_due",
    "backup_summary",  # backups and restore: tests/store/test_restore.py, reliability
    "restore_backup",
    "set_backup_clock",  # test plumbing
    "change_passphrase",  # rekeys: tests/security/test_key_commands.py, killed at random
    "move_key_to_keychain",
    "lock",  # the lock: tests/services/test_lock.py, tests/reliability/test_lock_holds.py
    "unlock",
    "close",
    "exchange_snapshot",
    "load_exchange",
    "load_world",
    "subscribe",
}

ENUMS: dict[str, type[Any]] = {
    "PromiseDirection": PromiseDirection,
    "FeedbackDirection": FeedbackDirection,
    "FeedbackKind": FeedbackKind,
    "CheckpointOutcome": CheckpointOutcome,
    "Proposer": Proposer,
    "DelegationState": DelegationState,
    "LevelKind": LevelKind,
    "Deletable": Deletable,
}

# -- hostile values ---------------------------------------------------------------------------
any_char = st.characters(codec=None, exclude_categories=())  # surrogates and controls too
plain = st.text(st.sampled_from(string.ascii_letters + " .-'é"), min_size=1, max_size=30)
hostile_chars = st.sampled_from("\x00\x07\x1b\x7f\x85\u2028\ud800\udfff\n\r\t")


def _spiked(base: str, spike: str, where: int) -> str:
    where %= len(base) + 1
    return base[:where] + spike + base[where:]


texts = st.one_of(
    plain,  # most calls must succeed, or later ones only ever meet an empty store
    st.builds(_spiked, plain, hostile_chars, st.integers(0, 30)),  # one bad character
    st.text(any_char, max_size=40),
    st.sampled_from(["", "   ", "x" * 201, "y" * 100_001, "a@b.c", "Ada Lovelace"]),
)
dates = st.one_of(
    st.dates(date(2000, 1, 1), date(2040, 12, 31)),  # in range: the edits go through
    st.dates(),  # year 1 to 9999: far out of range, and overflows in any date arithmetic
    st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(1899, 12, 31), date(2201, 1, 1)]),
)
scores = st.one_of(st.integers(-3, 9), st.sampled_from([2**63, -(2**63) - 1, True, False]))
levels = st.one_of(st.integers(-2, 10), st.sampled_from([2**70, True]))
missing_ids = st.sampled_from([0, -1, 10**6, 2**63 - 1, 2**63, -(2**64)])


def ids(pool: list[int]) -> st.SearchStrategy[int]:
    """Ids of rows made at the start, ids of rows examples made (and deleted), missing ids.

    The strategy is the same for every example (hypothesis replays them), so it names small
    ids rather than the ones the store holds at the time."""
    return st.one_of(st.sampled_from(pool), st.integers(1, 12), missing_ids)


class World:
    """The ids that exist in the fuzzed store, by kind (deleted ones stay: they are hostile too)."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        ada = desk.add_person("Ada Lovelace", role="VP", email="ada@example.com")
        grace = desk.add_person("Grace Hopper", reports_to_id=ada)
        delegation = desk.add_delegation(ada, "Hiring plan", 3, done_means="Plan signed")
        meeting = desk.record_one_on_one(ada, shared_notes="s", private_notes="p", energy=3)
        factor = desk.add_success_factor(delegation, "Offers", "Accepted offers", "5", "offers")
        self.pool: dict[str, list[int]] = {
            "person": [ada, grace],
            "delegation": [delegation],
            "checkpoint": [desk.plan_checkpoint(delegation)],
            "factor": [factor],
            "promise": [desk.add_promise(ada, PromiseDirection.MINE, "Intro to the CFO")],
            "feedback": [desk.add_feedback(grace, FeedbackDirection.GIVEN, "Great demo")],
            "note": [desk.add_relationship_note(ada, "Likes long walks")],
            "term": [desk.add_term("Done", "Shipped to users", ada)],
            "one_on_one": [meeting],
            "topic": [desk.add_topic(ada, "Budget")],
        }

    def ident(self, kind: str) -> st.SearchStrategy[int]:
        return ids(self.pool[kind])


ID_PARAMS = {
    "person_id": "person",
    "reports_to_id": "person",
    "delegation_id": "delegation",
    "checkpoint_id": "checkpoint",
    "factor_id": "factor",
    "promise_id": "promise",
    "feedback_id": "feedback",
    "note_id": "note",
    "term_id": "term",
    "one_on_one_id": "one_on_one",
}
SCORES = {"integrity", "intent", "capabilities", "results", "energy"}
LEVELS = {"my_level", "their_level", "target_level", "level"}
SETTINGS = [
    "half_life_days",
    "one_on_one_interval_days",
    "focus_start",
    "high_trust_factor",
    "low_trust_factor",
    "auto_lock_minutes",
    "backup_keep",
    "your_name",
    "page_size",
    "skip_level_interval_days",
]


def argument(world: World, name: str, annotation: str) -> st.SearchStrategy[Any]:
    """A hostile value for one parameter, chosen by its name and type."""
    optional = "None" in annotation
    value: st.SearchStrategy[Any]
    if name in ID_PARAMS:
        value = world.ident(ID_PARAMS[name])
    elif name == "ident":
        value = st.one_of(*(world.ident(kind) for kind in world.pool))
    elif name in ("discussed_topic_ids", "person_ids"):
        kind = "topic" if name == "discussed_topic_ids" else "person"
        value = st.lists(world.ident(kind), max_size=4)
    elif name in SCORES:
        value = scores
    elif name in LEVELS:
        value = levels
    elif annotation.startswith("date") or annotation == "timedelta":
        value = dates
    elif annotation.startswith("bool"):
        value = st.booleans()
    elif annotation.startswith("int"):
        value = st.one_of(st.integers(-5, 50), missing_ids)
    elif annotation.split(" |")[0] in ENUMS:
        value = st.sampled_from(list(ENUMS[annotation.split(" |")[0]]))
    elif annotation.startswith("str"):
        value = texts
    else:
        raise AssertionError(f"no hostile values for {name}: {annotation}")
    return st.one_of(st.none(), value) if optional else value


def use_cases() -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(function)
        for name, function in inspect.getmembers(Desk, predicate=inspect.isfunction)
        if not name.startswith("_") and name not in NOT_FUZZED
    }


USE_CASES = use_cases()
OUTCOMES: dict[str, list[str]] = {}


def call(world: World, data: st.DataObject, name: str) -> Callable[[], Any]:
    """The use case `name` with drawn arguments, ready to call."""
    desk = world.desk
    if name == "update_settings":
        changes = data.draw(
            st.dictionaries(
                st.sampled_from([*SETTINGS, "no_such_setting"]),
                st.one_of(texts, dates, scores, st.floats(allow_nan=True), st.none()),
                max_size=3,
            )
        )
        return lambda: desk.update_settings(**changes)
    if name == "plan_roster":  # a plan, then applying it, as the roster import does
        rows = data.draw(
            st.lists(
                st.builds(
                    RosterRow,
                    line=st.integers(1, 50),
                    name=texts,
                    role=st.one_of(st.none(), texts),
                    area=st.one_of(st.none(), texts),
                    email=st.one_of(st.none(), texts),
                    reports_to=st.one_of(st.none(), texts),
                    in_role_since=st.one_of(st.none(), dates),
                ),
                max_size=4,
            )
        )
        return lambda: desk.apply_roster(desk.plan_roster(rows))
    kwargs: dict[str, Any] = {}
    for param in list(USE_CASES[name].parameters.values())[1:]:
        if param.kind is param.VAR_KEYWORD:
            continue
        if param.default is not param.empty and data.draw(st.booleans()):
            continue  # leave some optional arguments out, as callers do
        kwargs[param.name] = data.draw(argument(world, param.name, str(param.annotation)))
    return lambda: desk.__getattribute__(name)(**kwargs)


@pytest.fixture
def world(desk: Desk) -> Iterator[World]:
    yield World(desk)


def test_every_use_case_is_fuzzed_with_typed_arguments(world: World) -> None:
    for name, signature in USE_CASES.items():
        for param in list(signature.parameters.values())[1:]:
            if param.kind is not param.VAR_KEYWORD and name != "plan_roster":
                argument(world, param.name, str(param.annotation))  # raises when unknown
    assert len(USE_CASES) > 60


@settings(
    max_examples=int(os.environ.get("LEADDESK_FUZZ_EXAMPLES", "1200")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_hostile_input_to_any_use_case_is_refused_cleanly_and_the_store_stays_intact(
    world: World, data: st.DataObject
) -> None:
    desk = world.desk
    name = data.draw(st.sampled_from(sorted(USE_CASES)), label="use case")
    action = call(world, data, name)
    before = desk.counts()
    try:
        result = action()
    except UserError as error:  # ValidationError is one; nothing may have been written
        message = str(error)
        assert message.strip(), "a refusal says why"
        message.encode("utf-8")  # printable on any terminal: no lone surrogate in it
        assert desk.counts() == before, f"{name} failed but wrote"
    else:
        OUTCOMES.setdefault(name, []).append(type(result).__name__)
    assert desk.integrity_problems() == []
    # Every read model still builds on what was written.
    desk.team_overview()
    desk.needs_attention()
    desk.board_cards()
    for person in desk.people(include_archived=True)[:3]:
        desk.person_overview(person.id)
        desk.timeline(person.id)
        desk.trust_series(person.id)
