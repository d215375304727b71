"""Search across everything, on a real encrypted store with the real migrations and triggers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic import command

from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.feedback import FeedbackDirection, Proposer
from leaddesk.domain.promises import PromiseDirection
from leaddesk.domain.search import HitKind, SearchHit
from leaddesk.services import search_index
from leaddesk.services.desk import Desk
from leaddesk.services.search import reporting_upgrade_progress
from leaddesk.services.undo import Deletable
from leaddesk.store import migrate

TODAY = date(2026, 11, 25)


@dataclass
class World:
    """One of every searchable thing about Ada (each with its own word), and Bob."""

    ada: int
    bob: int
    delegation: int
    checkpoint: int
    factor: int
    term: int
    team_term: int
    promise: int
    one_on_one: int
    topic: int
    note: int
    feedback: int
    assessment: int


@pytest.fixture
def world(desk: Desk) -> World:
    ada = desk.add_person("Ada Lovelace", role="VP Engineering", area="Analytics")
    bob = desk.add_person("Bob Martin", role="Head of Sales")
    delegation = desk.add_delegation(
        ada,
        "Quarterly forecast",
        3,
        done_means="a signed spreadsheet",
        involve_me_when="headcount changes",
        plan_checkpoint=False,
        on=date(2026, 3, 2),
    )
    checkpoint = desk.plan_checkpoint(delegation, date(2026, 11, 20))
    desk.complete_checkpoint(
        checkpoint, CheckpointOutcome.ON_TRACK, note="lagging behind", evidence="dashboard"
    )
    factor = desk.add_success_factor(delegation, "Accuracy", "within tolerance", target="5%")
    desk.calibrate_success_factor(
        factor, "auditors insisted", Proposer.THEM, definition="within narrow tolerance"
    )
    term = desk.add_term("Runway", "months of cash left", ada)
    team_term = desk.add_term("Burn", "monthly spend", None)
    promise = desk.add_promise(ada, PromiseDirection.MINE, "Send the offsite agenda")
    one_on_one = desk.record_one_on_one(
        ada, shared_notes="Discussed the roadmap", private_notes="Seems exhausted lately"
    )
    topic = desk.add_topic(ada, "Conference budget")
    note = desk.add_relationship_note(ada, "Loves climbing at the café wall")
    feedback = desk.add_feedback(ada, FeedbackDirection.GIVEN, "Great facilitation")
    desk.set_follow_up(feedback, "mentor the juniors")
    assessment = desk.add_assessment(ada, 4, 4, 3, 4, note="reliable under pressure")
    desk.save_reflection("Delegated too little this week", TODAY)
    return World(
        ada,
        bob,
        delegation,
        checkpoint,
        factor,
        term,
        team_term,
        promise,
        one_on_one,
        topic,
        note,
        feedback,
        assessment,
    )


def kinds(hits: list[SearchHit]) -> list[tuple[HitKind, int]]:
    return [(h.kind, h.item_id) for h in hits]


def marked(hit: SearchHit) -> list[str]:
    return [text for text, is_match in hit.snippet if is_match]


def test_every_kind_is_found_by_a_word_of_its_own(desk: Desk, world: World) -> None:
    calibration = desk.search("auditors")[0]
    reflection = desk.search("delegated")[0]
    expected = {
        "lovelace": (HitKind.PERSON, world.ada, world.ada, False),
        "analytics": (HitKind.PERSON, world.ada, world.ada, False),
        "spreadsheet": (HitKind.DELEGATION, world.delegation, world.ada, False),
        "headcount": (HitKind.DELEGATION, world.delegation, world.ada, False),
        "lagging": (HitKind.CHECKPOINT, world.checkpoint, world.ada, True),
        "dashboard": (HitKind.CHECKPOINT, world.checkpoint, world.ada, True),
        "accuracy": (HitKind.SUCCESS_FACTOR, world.factor, world.ada, False),
        "auditors": (HitKind.CALIBRATION, calibration.item_id, world.ada, True),
        "runway": (HitKind.TERM, world.term, world.ada, False),
        "offsite": (HitKind.PROMISE, world.promise, world.ada, False),
        "roadmap": (HitKind.ONE_ON_ONE, world.one_on_one, world.ada, False),
        "exhausted": (HitKind.ONE_ON_ONE, world.one_on_one, world.ada, True),
        "conference": (HitKind.TOPIC, world.topic, world.ada, False),
        "climbing": (HitKind.RELATIONSHIP_NOTE, world.note, world.ada, True),
        "facilitation": (HitKind.FEEDBACK, world.feedback, world.ada, True),
        "juniors": (HitKind.FEEDBACK, world.feedback, world.ada, True),
        "pressure": (HitKind.ASSESSMENT, world.assessment, world.ada, True),
        "delegated": (HitKind.REFLECTION, reflection.item_id, None, True),
    }
    for word, (kind, item_id, person_id, private) in expected.items():
        hits = desk.search(word + " ")
        assert len(hits) == 1, word
        hit = hits[0]
        assert (hit.kind, hit.item_id, hit.person_id, hit.private) == (
            kind,
            item_id,
            person_id,
            private,
        ), word
        assert marked(hit) and all(w.casefold().startswith(word) for w in marked(hit)), word
    assert desk.search("lagging")[0].title == "Checkpoint on Quarterly forecast"
    # The new definition is the factor's now, and the calibration's (public: no reason in it).
    narrow = {h.kind: h for h in desk.search("narrow")}
    assert set(narrow) == {HitKind.SUCCESS_FACTOR, HitKind.CALIBRATION}
    assert narrow[HitKind.CALIBRATION].title == "Calibration of Accuracy"
    assert not narrow[HitKind.CALIBRATION].private
    assert desk.search("offsite")[0].title == "I promised: Send the offsite agenda"
    assert desk.search("roadmap")[0].person_name == "Ada Lovelace"
    assert desk.search("roadmap")[0].on == TODAY
    assert desk.search("spreadsheet")[0].on == date(2026, 3, 2)
    team = desk.search("burn")[0]
    assert (team.kind, team.item_id, team.person_id, team.person_name) == (
        HitKind.TERM,
        world.team_term,
        None,
        "Team",
    )
    assert reflection.person_name == "" and reflection.title.startswith("Reflection, week of")


def test_accents_and_case_are_folded_both_ways(desk: Desk, world: World) -> None:
    assert kinds(desk.search("cafe")) == [(HitKind.RELATIONSHIP_NOTE, world.note)]
    assert kinds(desk.search("CAFÉ")) == [(HitKind.RELATIONSHIP_NOTE, world.note)]
    zoe = desk.add_person("Zoë Ångström")
    assert kinds(desk.search("zoe angstrom")) == [(HitKind.PERSON, zoe)]
    assert marked(desk.search("zoe angstrom")[0]) == ["Zoë", "Ångström"]


def test_the_last_word_is_a_prefix_while_typing_and_not_after_a_space(
    desk: Desk, world: World
) -> None:
    assert kinds(desk.search("Lovel")) == [(HitKind.PERSON, world.ada)]
    assert kinds(desk.search("ada lov")) == [(HitKind.PERSON, world.ada)]
    assert desk.search("lov ") == []
    assert desk.search("lov ada") == [], "only the last word is a prefix"
    assert marked(desk.search("offs")[0]) == ["offsite"]


def test_names_and_titles_rank_above_mentions(desk: Desk, world: World) -> None:
    mention = desk.add_promise(world.bob, PromiseDirection.MINE, "Ask Ada Lovelace for the deck")
    hits = desk.search("lovelace")
    assert kinds(hits)[:2] == [(HitKind.PERSON, world.ada), (HitKind.PROMISE, mention)]


def test_ties_come_newest_first(desk: Desk, world: World) -> None:
    days = [TODAY - timedelta(days=n) for n in (30, 10, 20)]
    ids = [desk.add_topic(world.bob, "Pipeline review", on=day) for day in days]
    hits = desk.search("pipeline")
    assert [h.item_id for h in hits] == [ids[1], ids[2], ids[0]]
    assert [h.on for h in hits] == sorted(days, reverse=True)


def test_search_within_one_person_and_the_limit(desk: Desk, world: World) -> None:
    for n in range(5):
        desk.add_promise(world.bob, PromiseDirection.THEIRS, f"Close deal {n}")
    desk.add_promise(world.ada, PromiseDirection.THEIRS, "Close the books")
    assert len(desk.search("close")) == 6
    assert {h.person_id for h in desk.search("close", person_id=world.ada)} == {world.ada}
    assert len(desk.search("close", person_id=world.bob)) == 5
    assert len(desk.search("close", limit=3)) == 3
    assert desk.search("close", limit=0) == []
    assert desk.search("lovelace", person_id=world.bob) == []


def test_presenter_mode_never_returns_private_text(desk: Desk, world: World) -> None:
    for word in ("exhausted", "climbing", "facilitation", "pressure", "lagging", "auditors"):
        assert desk.search(word) != []
        assert desk.search(word, include_private=False) == [], word
    assert desk.search("delegated", include_private=False) == []
    # A 1:1 found by its shared notes is shown, with a snippet from the shared notes only,
    # even when its private notes hold the word too.
    desk.update_one_on_one(
        world.one_on_one,
        shared_notes="Discussed the roadmap",
        private_notes="roadmap worries him",
    )
    (hit,) = desk.search("roadmap", include_private=False)
    assert hit.kind is HitKind.ONE_ON_ONE and not hit.private
    assert "worries" not in "".join(t for t, _ in hit.snippet)
    # The words found partly in private text make a private hit when private hits are wanted.
    (both,) = desk.search("roadmap worries")
    assert both.private
    assert desk.search("roadmap worries", include_private=False) == []


def test_edits_reindex_the_item(desk: Desk, world: World) -> None:
    desk.edit_promise(world.promise, "Book the venue")
    assert desk.search("offsite") == []
    assert kinds(desk.search("venue")) == [(HitKind.PROMISE, world.promise)]
    desk.update_person(world.ada, name="Ada King")
    assert desk.search("lovelace") == []
    assert desk.search("roadmap")[0].person_name == "Ada King"


@pytest.mark.parametrize(
    ("kind", "attr", "word"),
    [
        (Deletable.PROMISE, "promise", "offsite"),
        (Deletable.NOTE, "note", "climbing"),
        (Deletable.ONE_ON_ONE, "one_on_one", "roadmap"),
        (Deletable.CHECKPOINT, "checkpoint", "lagging"),
        (Deletable.FEEDBACK, "feedback", "juniors"),
        (Deletable.ASSESSMENT, "assessment", "pressure"),
        (Deletable.TOPIC, "topic", "conference"),
        (Deletable.TERM, "term", "runway"),
        (Deletable.FACTOR, "factor", "accuracy"),
        (Deletable.DELEGATION, "delegation", "spreadsheet"),
    ],
)
def test_a_deleted_item_vanishes_and_undo_brings_it_back(
    desk: Desk, world: World, kind: Deletable, attr: str, word: str
) -> None:
    assert desk.search(word) != []
    desk.delete(kind, getattr(world, attr))
    assert desk.search(word) == []
    desk.undo()
    assert [h.item_id for h in desk.search(word)] == [getattr(world, attr)]


def test_what_hangs_under_a_deleted_parent_vanishes_with_it(desk: Desk, world: World) -> None:
    desk.delete(Deletable.FACTOR, world.factor)
    assert desk.search("auditors") == [], "a calibration goes with its factor"
    desk.undo()
    desk.delete(Deletable.DELEGATION, world.delegation)
    for word in ("lagging", "accuracy", "auditors"):
        assert desk.search(word) == [], word
    desk.undo()
    desk.delete(Deletable.PERSON, world.ada)
    for word in ("lovelace", "roadmap", "climbing", "lagging", "runway", "offsite"):
        assert desk.search(word) == [], word
    assert desk.search("burn") != [], "the team's terms stay"
    desk.undo()
    for word in ("lovelace", "roadmap", "climbing", "lagging", "runway", "offsite", "auditors"):
        assert desk.search(word) != [], word


def test_a_topic_goes_with_the_1_1_it_was_discussed_in(desk: Desk, world: World) -> None:
    topic = desk.add_topic(world.ada, "The zanzibar reorg")
    held = desk.record_one_on_one(world.ada, date(2026, 11, 24), discussed_topic_ids=[topic])
    [hit] = desk.search("zanzibar")
    assert (hit.kind, hit.item_id, hit.shown_under) == (HitKind.TOPIC, topic, held)
    desk.delete(Deletable.ONE_ON_ONE, held)
    assert desk.search("zanzibar") == [], "nowhere to open it"
    desk.undo()
    assert kinds(desk.search("zanzibar")) == [(HitKind.TOPIC, topic)]


def test_purged_items_are_gone_from_the_index(desk: Desk, world: World) -> None:
    desk.delete(Deletable.PERSON, world.ada)
    desk.purge_deleted()
    with desk.store.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM search_index").scalar() == 3
    assert kinds(desk.search("martin")) == [(HitKind.PERSON, world.bob)]


def test_archived_people_are_still_found(desk: Desk, world: World) -> None:
    desk.archive_person(world.ada)
    assert kinds(desk.search("lovelace")) == [(HitKind.PERSON, world.ada)]
    assert desk.search("roadmap") != []


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        '""',
        "'",
        "*",
        "a*b",
        "(",
        ")",
        "(roadmap",
        "NEAR(roadmap discussed)",
        "NEAR",
        "AND",
        "OR roadmap",
        "NOT",
        "roadmap NOT",
        "-roadmap",
        "+",
        "^roadmap",
        "title:roadmap",
        "{title}: roadmap",
        "secret : exhausted",
        "who:p1",
        ":",
        "\\",
        "roadmap\x00",
        "日本語",
        "🙂",
        "x" * 5000,
        "   ",
        "",
    ],
)
def test_no_input_is_a_syntax_error(desk: Desk, world: World, typed: str) -> None:
    desk.search(typed)
    desk.search(typed, include_private=False, person_id=world.ada)


def test_syntax_words_are_found_as_words(desk: Desk, world: World) -> None:
    topic = desk.add_topic(world.bob, 'Tools: "NEAR" and (AND) or x*y')
    for typed in ('"NEAR"', "(AND)", "near and", "x*y", "NEAR("):
        assert kinds(desk.search(typed)) == [(HitKind.TOPIC, topic)], typed
    assert desk.search("title:roadmap") == [], "no column filter by typing one"
    assert desk.search("who : p1") == []


def test_a_store_from_before_search_gets_its_index_on_upgrade(
    desk: Desk, world: World, store_path: Path
) -> None:
    desk.delete(Deletable.NOTE, world.note)
    desk.close()
    engine = Desk.open(store_path).store.engine  # a second handle, only to step the schema back
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0005")
    with engine.connect() as conn:
        assert (
            conn.exec_driver_sql(
                "SELECT group_concat(name) FROM sqlite_master WHERE name LIKE 'search_index%'"
            ).scalar()
            is None
        )
    engine.dispose()

    steps: list[tuple[int, int]] = []
    with reporting_upgrade_progress(lambda done, total: steps.append((done, total))):
        upgraded = Desk.open(store_path, today=lambda: TODAY)
    assert steps[0][0] == 0 and steps[-1][0] == steps[-1][1] and len(steps) > 10
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)
    try:
        assert upgraded.revision() == migrate.head_revision()
        assert kinds(upgraded.search("roadmap")) == [(HitKind.ONE_ON_ONE, world.one_on_one)]
        assert upgraded.search("exhausted")[0].private
        assert kinds(upgraded.search("auditors"))[0][0] is HitKind.CALIBRATION
        assert upgraded.search("delegated")[0].kind is HitKind.REFLECTION
        assert upgraded.search("climbing") == [], "deleted before the upgrade: not indexed"
        upgraded.restore(Deletable.NOTE, world.note)
        assert kinds(upgraded.search("climbing")) == [(HitKind.RELATIONSHIP_NOTE, world.note)]
        # And the triggers run from then on.
        upgraded.add_promise(world.bob, PromiseDirection.MINE, "Renew the licence")
        assert upgraded.search("licence")[0].kind is HitKind.PROMISE
        assert upgraded.integrity_problems() == []
    finally:
        upgraded.close()
        backups = list((store_path.parent / "backups").glob("leaddesk-pre-0005-*"))
        assert len(backups) == 1, "the store was backed up before the index was built"


def test_a_very_common_word_is_ranked_among_its_newest_matches_and_names(
    desk: Desk, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The window is 3,000 matches in the app; a handful here, so the test stays quick.
    monkeypatch.setattr(search_index, "WINDOW", 3)
    topics = [
        desk.add_topic(world.bob, f"Common thread {n}", on=TODAY - timedelta(days=n))
        for n in (5, 0, 9, 2, 7)
    ]
    sense = desk.add_person("Common Sense")
    hits = desk.search("common")
    assert kinds(hits) == [
        (HitKind.PERSON, sense),  # a name is always in the window, and ranks first
        (HitKind.TOPIC, topics[1]),
        (HitKind.TOPIC, topics[3]),
    ]
    monkeypatch.setattr(search_index, "WINDOW", 100)
    assert len(desk.search("common")) == 6, "under the window every match is ranked"


def test_a_person_id_is_no_word_of_their_records(desk: Desk, world: World) -> None:
    """The index keeps `p<id>` to search within one person; typing "p1" must not match it."""
    ada = world.ada
    assert desk.search(f"p{ada}") == []
    assert desk.search(f"p{ada} ") == []  # not as a prefix, not as a whole word
    assert desk.search(f"p{ada}", include_private=False) == []
