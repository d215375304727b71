"""One person's reads pick that person in the store: others' rows, however many, never show."""

from __future__ import annotations

from datetime import date

from leaddesk.domain.feedback import FeedbackDirection
from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.action_item import ItemKind
from leaddesk.services.desk import Desk
from leaddesk.services.undo import Deletable

ASKED = FeedbackDirection.SOLICITED


def test_agenda_lists_only_that_persons_open_requests_when_others_have_many(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    bob = desk.add_person("Bob")
    for day in range(1, 25):
        desk.add_feedback(bob, ASKED, f"Bob, question {day}?", on=date(2026, 10, day))
    late = desk.add_feedback(ada, ASKED, "Ada, later question?", on=date(2026, 11, 20))
    early = desk.add_feedback(ada, ASKED, "Ada, earlier question?", on=date(2026, 10, 2))
    answered = desk.add_feedback(ada, ASKED, "Ada, answered?", on=date(2026, 10, 1))
    desk.answer_solicitation(answered, "Yes")
    found = [i for i in desk.agenda(ada).items if i.kind is ItemKind.FEEDBACK]
    assert [(i.ref_id, i.person_id, i.person_name, i.on) for i in found] == [
        (early, ada, "Ada", date(2026, 10, 2)),
        (late, ada, "Ada", date(2026, 11, 20)),
    ]
    assert len([i for i in desk.agenda(bob).items if i.kind is ItemKind.FEEDBACK]) == 24


def test_agenda_of_an_archived_person_lists_no_open_items_as_before(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    desk.add_feedback(ada, ASKED, "How am I doing?")
    desk.add_promise(ada, PromiseDirection.THEIRS, "The plan")
    desk.archive_person(ada)
    assert desk.agenda(ada).items == ()


def test_direct_reports_leave_out_skip_levels_archived_and_deleted_people(desk: Desk) -> None:
    ada = desk.add_person("ada")
    desk.add_person("Bea", reports_to_id=ada)
    carl = desk.add_person("Carl")
    desk.archive_person(carl)
    dora = desk.add_person("Dora")
    desk.delete(Deletable.PERSON, dora)
    ben = desk.add_person("Ben")
    assert [(p.id, p.name, p.reports_to_name) for p in desk.direct_reports()] == [
        (ada, "ada", None),
        (ben, "Ben", None),
    ]


def test_people_keep_the_name_of_an_archived_boss_and_every_field(desk: Desk) -> None:
    ada = desk.add_person("Ada", role="VP", area="Platform", email="ada@example.com")
    bea = desk.add_person("Bea", in_role_since=date(2025, 1, 6), reports_to_id=ada)
    desk.archive_person(ada)
    assert [(p.name, p.reports_to_name, p.archived) for p in desk.people()] == [
        ("Bea", "Ada", False)
    ]
    listed = desk.people(include_archived=True)
    assert listed == [desk.person(ada), desk.person(bea)]


def test_people_with_the_same_name_stay_in_the_order_they_were_added(desk: Desk) -> None:
    first = desk.add_person("Sam")
    second = desk.add_person("sam")
    third = desk.add_person("Sam")
    assert [p.id for p in desk.people()] == [first, second, third]
    assert [p.id for p in desk.direct_reports()] == [first, second, third]


def test_terms_show_the_team_and_that_persons_only_when_others_agreed_the_same_words(
    desk: Desk,
) -> None:
    ada = desk.add_person("Ada")
    bob = desk.add_person("Bob")
    for word in ("done", "launched", "ready"):
        desk.add_term(word, f"Bob's {word}", person_id=bob)
    team = desk.add_term("done", "The team's done")
    hers = desk.add_term("done", "Ada's done", person_id=ada)
    ready = desk.add_term("ready", "Ada's ready", person_id=ada)
    assert [t.id for t in desk.terms(ada)] == [team, hers, ready]
    assert [t.id for t in desk.terms()] == [team]
