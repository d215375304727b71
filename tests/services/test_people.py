"""People: adding, editing, archiving, reports-to, finding one by name, change notices."""

from __future__ import annotations

from datetime import date

import pytest

from leaddesk.domain.errors import ValidationError
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.desk import Desk
from leaddesk.services.undo import Deletable


def test_added_person_is_listed_with_every_field(desk: Desk) -> None:
    ada = desk.add_person(
        "  Ada Lovelace  ",
        role="VP Engineering",
        area="Platform",
        email="ada@example.com",
        in_role_since=date(2024, 3, 1),
    )
    person = desk.person(ada)
    assert person.name == "Ada Lovelace"
    assert person.role == "VP Engineering"
    assert person.area == "Platform"
    assert person.email == "ada@example.com"
    assert person.in_role_since == date(2024, 3, 1)
    assert person.archived is False
    assert [p.id for p in desk.people()] == [ada]


def test_person_without_reports_to_is_a_direct_report(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    assert desk.person(ada).is_direct_report
    assert [p.id for p in desk.direct_reports()] == [ada]


def test_skip_level_reports_to_a_direct_report_and_is_not_a_direct_report(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    bob = desk.add_person("Bob", reports_to_id=ada)
    bob_view = desk.person(bob)
    assert bob_view.reports_to_id == ada
    assert bob_view.reports_to_name == "Ada"
    assert not bob_view.is_direct_report
    assert [p.id for p in desk.direct_reports()] == [ada]
    assert {p.name: p.reports_to_name for p in desk.people()} == {"Ada": None, "Bob": "Ada"}


def test_people_are_sorted_by_name_ignoring_case(desk: Desk) -> None:
    for name in ("carol", "Bob", "ada"):
        desk.add_person(name)
    assert [p.name for p in desk.people()] == ["ada", "Bob", "carol"]


def test_people_query_matches_name_role_or_area_case_insensitively(desk: Desk) -> None:
    desk.add_person("Ada", role="VP Engineering", area="Platform")
    desk.add_person("Bob", role="Head of Finance", area="Money")
    desk.add_person("Carol", role="Data Lead", area="Analytics")
    assert [p.name for p in desk.people(query="ENGINEER")] == ["Ada"]
    assert [p.name for p in desk.people(query="money")] == ["Bob"]
    assert [p.name for p in desk.people(query="carol")] == ["Carol"]
    assert desk.people(query="nobody-matches") == []


def test_update_person_changes_only_the_fields_passed(desk: Desk) -> None:
    ada = desk.add_person("Ada", role="VP Engineering", area="Platform", email="ada@example.com")
    desk.update_person(ada, role="CTO")
    person = desk.person(ada)
    assert person.role == "CTO"
    assert person.name == "Ada"
    assert person.area == "Platform"
    assert person.email == "ada@example.com"


def test_update_person_renames_and_clears_optional_fields(desk: Desk) -> None:
    ada = desk.add_person(
        "Ada", role="VP", area="Platform", email="ada@example.com", in_role_since=date(2024, 1, 1)
    )
    desk.update_person(ada, name="Ada King", role=None, area="", email=None, in_role_since=None)
    person = desk.person(ada)
    assert person.name == "Ada King"
    assert person.role is None
    assert person.area is None
    assert person.email is None
    assert person.in_role_since is None


def test_update_person_sets_in_role_since(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    desk.update_person(ada, in_role_since=date(2025, 6, 1))
    assert desk.person(ada).in_role_since == date(2025, 6, 1)


def test_archived_person_is_hidden_from_the_team_but_kept(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    bob = desk.add_person("Bob")
    desk.archive_person(ada)
    assert [p.id for p in desk.people()] == [bob]
    assert [p.id for p in desk.direct_reports()] == [bob]
    assert desk.person(ada).archived is True
    assert {p.id for p in desk.people(include_archived=True)} == {ada, bob}


def test_archived_person_can_be_brought_back(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    desk.archive_person(ada)
    desk.archive_person(ada, archived=False)
    assert [p.id for p in desk.people()] == [ada]
    assert desk.person(ada).archived is False


def test_reports_to_can_be_set_and_cleared(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    bob = desk.add_person("Bob")
    desk.update_person(bob, reports_to_id=ada)
    assert desk.person(bob).reports_to_id == ada
    desk.update_person(bob, reports_to_id=None)
    assert desk.person(bob).is_direct_report


def test_reporting_to_oneself_is_refused_as_a_loop(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    with pytest.raises(ValidationError, match="loop"):
        desk.update_person(ada, reports_to_id=ada)
    assert desk.person(ada).reports_to_id is None


def test_reports_to_loop_through_a_chain_is_refused(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    bob = desk.add_person("Bob", reports_to_id=ada)
    carol = desk.add_person("Carol", reports_to_id=bob)
    with pytest.raises(ValidationError, match="loop"):
        desk.update_person(ada, reports_to_id=carol)
    assert desk.person(ada).reports_to_id is None


def test_reports_to_someone_unknown_is_refused(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    with pytest.raises(ValidationError, match="does not exist"):
        desk.add_person("Bob", reports_to_id=999)
    with pytest.raises(ValidationError, match="does not exist"):
        desk.update_person(ada, reports_to_id=999)
    assert [p.name for p in desk.people()] == ["Ada"]


def test_reports_to_a_deleted_person_is_refused(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    bob = desk.add_person("Bob")
    desk.delete(Deletable.PERSON, ada)
    with pytest.raises(ValidationError, match="does not exist"):
        desk.update_person(bob, reports_to_id=ada)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": ""}, "Name cannot be empty"),
        ({"name": "   "}, "Name cannot be empty"),
        ({"name": "A" * 201}, "Name is 201 characters long; the limit is 200"),
        ({"name": "Ada\nLovelace"}, "Name must fit on one line"),
        ({"name": "Ada\x00"}, "Name contains a control character"),
        ({"name": "Ada", "role": "VP\x07"}, "Role contains a control character"),
        ({"name": "Ada", "area": "x" * 201}, "Area is 201 characters long"),
        ({"name": "Ada", "email": "not-an-address"}, "does not look like an e-mail address"),
        ({"name": "Ada", "in_role_since": date(1850, 1, 1)}, "In role since 1850-01-01 is out"),
    ],
)
def test_invalid_person_is_refused_with_a_readable_message(
    desk: Desk, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        desk.add_person(**kwargs)  # type: ignore[arg-type]
    assert desk.people(include_archived=True) == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": ""}, "Name cannot be empty"),
        ({"role": "x" * 201}, "Role is 201 characters long"),
        ({"email": "ada@"}, "does not look like an e-mail address"),
        ({"in_role_since": date(2300, 1, 1)}, "out of range"),
    ],
)
def test_invalid_update_is_refused_and_changes_nothing(
    desk: Desk, kwargs: dict[str, object], message: str
) -> None:
    ada = desk.add_person("Ada", role="VP", email="ada@example.com")
    with pytest.raises(ValidationError, match=message):
        desk.update_person(ada, **kwargs)  # type: ignore[arg-type]
    person = desk.person(ada)
    assert (person.name, person.role, person.email) == ("Ada", "VP", "ada@example.com")


def test_unknown_person_id_is_refused_everywhere(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.person(42)
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.update_person(42, name="X")
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.archive_person(42)


def test_deleted_person_cannot_be_read_or_edited(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    desk.delete(Deletable.PERSON, ada)
    with pytest.raises(ValidationError, match="does not exist"):
        desk.person(ada)
    with pytest.raises(ValidationError, match="does not exist"):
        desk.update_person(ada, role="VP")


# -- find_person -----------------------------------------------------------------------------
def test_find_person_matches_the_exact_name_in_any_case(desk: Desk) -> None:
    ada = desk.add_person("Ada Lovelace")
    desk.add_person("Bob")
    assert desk.find_person("ADA LOVELACE").id == ada


def test_find_person_accepts_a_unique_prefix(desk: Desk) -> None:
    desk.add_person("Ada Lovelace")
    bob = desk.add_person("Bob Marley")
    assert desk.find_person("bo").id == bob


def test_find_person_accepts_a_unique_part_of_the_name(desk: Desk) -> None:
    ada = desk.add_person("Ada Lovelace")
    desk.add_person("Bob Marley")
    assert desk.find_person("lovel").id == ada


def test_find_person_prefers_an_exact_match_over_a_longer_name(desk: Desk) -> None:
    ann = desk.add_person("Ann")
    desk.add_person("Anna")
    assert desk.find_person("ann").id == ann


def test_find_person_finds_archived_people_too(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    desk.archive_person(ada)
    assert desk.find_person("ada").id == ada


def test_ambiguous_name_lists_the_candidates(desk: Desk) -> None:
    desk.add_person("Anna Smith")
    desk.add_person("Anne Jones")
    desk.add_person("Bob")
    with pytest.raises(ValidationError) as caught:
        desk.find_person("an")
    message = str(caught.value)
    assert "matches several people" in message
    assert "Anna Smith" in message
    assert "Anne Jones" in message
    assert "Bob" not in message


def test_unknown_name_lists_the_people_there_are(desk: Desk) -> None:
    desk.add_person("Ada")
    desk.add_person("Bob")
    with pytest.raises(ValidationError) as caught:
        desk.find_person("Zed")
    message = str(caught.value)
    assert "Nobody is called 'Zed'" in message
    assert "Ada" in message
    assert "Bob" in message


def test_unknown_name_in_an_empty_store_says_nobody_yet(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="nobody yet"):
        desk.find_person("Ada")


def test_find_person_with_an_empty_name_is_refused(desk: Desk) -> None:
    desk.add_person("Ada")
    with pytest.raises(ValidationError, match="cannot be empty"):
        desk.find_person("   ")


def test_deleted_person_is_not_found(desk: Desk) -> None:
    ada = desk.add_person("Ada")
    desk.delete(Deletable.PERSON, ada)
    with pytest.raises(ValidationError, match="Nobody is called"):
        desk.find_person("Ada")


# -- change notices --------------------------------------------------------------------------
def test_listeners_hear_about_people_writes(desk: Desk) -> None:
    heard: list[Change] = []
    desk.subscribe(heard.append)
    ada = desk.add_person("Ada")
    desk.update_person(ada, role="VP")
    desk.archive_person(ada)
    assert heard == [
        Change(ChangeArea.PEOPLE),
        Change(ChangeArea.PEOPLE, ada),
        Change(ChangeArea.PEOPLE, ada),
    ]


def test_listener_is_called_after_the_write_is_committed(desk: Desk) -> None:
    seen: list[list[str]] = []
    desk.subscribe(lambda change: seen.append([p.name for p in desk.people()]))
    desk.add_person("Ada")
    assert seen == [["Ada"]]


def test_unsubscribed_listener_is_no_longer_called(desk: Desk) -> None:
    heard: list[Change] = []
    unsubscribe = desk.subscribe(heard.append)
    desk.add_person("Ada")
    unsubscribe()
    desk.add_person("Bob")
    assert len(heard) == 1


def test_refused_write_tells_no_listener(desk: Desk) -> None:
    heard: list[Change] = []
    desk.subscribe(heard.append)
    with pytest.raises(ValidationError):
        desk.add_person("Bob", reports_to_id=999)
    assert heard == []


def test_has_people_ignores_archived_and_deleted(desk: Desk) -> None:
    assert not desk.has_people()
    ada = desk.add_person("Ada Lovelace")
    assert desk.has_people()
    desk.archive_person(ada, True)
    assert not desk.has_people()
    desk.archive_person(ada, False)
    desk.delete(Deletable.PERSON, ada)
    assert not desk.has_people()
