"""Screens are found by the words of their name, or by the words a user has in mind for them."""

from __future__ import annotations

from leaddesk.ui.main_window import SIDEBAR, VIEWS
from leaddesk.ui.search.search_screens import Screen, marked_words, matching_screens

SCREENS = [Screen(n, VIEWS[n][1], VIEWS[n][2], VIEWS[n][3]) for n in SIDEBAR]


def names(query: str) -> list[str]:
    return [s.name for s in matching_screens(SCREENS, query)]


def test_a_word_of_the_name_or_its_beginning_finds_the_screen() -> None:
    assert names("board") == ["board"]
    assert names("deleg bo") == ["board"]
    assert names("SETT") == ["settings"]
    assert names("refl") == ["reflections"]


def test_other_words_for_a_screen_find_it_after_those_matched_by_name() -> None:
    assert names("home") == ["week"]
    assert names("backups") == ["settings"]
    # "team" begins no label; it is People's other word and This week's ("team grid")
    assert names("team") == ["week", "people"]
    # "delegation" names the board; "delegations" (another word for it) adds nothing twice
    assert names("delegation") == ["board"]


def test_every_word_must_match_and_accents_and_case_do_not_matter() -> None:
    assert names("board people") == []
    assert names("xyzzy") == []
    assert names("") == []
    assert names("Réflections") == ["reflections"]


def test_the_words_typed_are_marked_in_the_name() -> None:
    assert marked_words("Delegation board", "boa") == (("Delegation ", False), ("board", True))
    assert marked_words("This week", "zz") == (("This week", False),)
