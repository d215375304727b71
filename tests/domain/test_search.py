"""Reading a typed query and cutting snippets: the rules Ctrl+K and `leaddesk search` share."""

from __future__ import annotations

import pytest

from leaddesk.domain.search import HitKind, first_line, fold, match_count, read_query, snippet


def test_every_piece_is_quoted_and_the_last_is_a_prefix_while_typing() -> None:
    terms = read_query("budget revi")
    assert terms is not None
    assert terms.match == '"budget" "revi"*'
    assert terms.words == ("budget", "revi")
    assert terms.prefix == "revi"


def test_a_trailing_space_ends_the_last_word() -> None:
    terms = read_query("budget ")
    assert terms is not None
    assert terms.match == '"budget"'
    assert terms.prefix == ""


@pytest.mark.parametrize("typed", ["", "   ", "\n\t", '"', "*", "()", "- + :", "^"])
def test_nothing_to_find_is_none(typed: str) -> None:
    assert read_query(typed) is None


@pytest.mark.parametrize(
    ("typed", "match"),
    [
        ('say "hi', '"say" """hi"*'),  # a quote is doubled inside the quoted piece
        ("a*", '"a*"*'),
        ("NEAR(a b)", '"NEAR(a" "b)"*'),
        ("x AND y ", '"x" "AND" "y"'),
        ("{title}:z", '"{title}:z"*'),
        ("col:", '"col:"*'),
    ],
)
def test_syntax_is_taken_literally(typed: str, match: str) -> None:
    terms = read_query(typed)
    assert terms is not None
    assert terms.match == match


def test_restricted_to_columns_wraps_the_whole_expression() -> None:
    terms = read_query("one two")
    assert terms is not None
    assert terms.restricted_to(("title", "body")) == '{title body} : ("one" "two"*)'


def test_fold_drops_case_and_accents_as_the_tokenizer_does() -> None:
    assert fold("Café Zoë ÅNGSTRÖM") == "cafe zoe angstrom"


def test_snippet_marks_matches_whatever_their_accents() -> None:
    terms = read_query("cafe")
    assert terms is not None
    assert snippet("Met at the Café on Monday", terms) == (
        ("Met at the ", False),
        ("Café", True),
        (" on Monday", False),
    )


def test_snippet_marks_the_prefix_only_on_the_last_word() -> None:
    terms = read_query("bud rev")
    assert terms is not None
    spans = snippet("budget review and bud", terms)
    assert [t for t, hit in spans if hit] == ["review", "bud"]


def test_snippet_of_a_long_text_is_cut_around_the_first_match() -> None:
    text = " ".join(f"word{i}" for i in range(200)) + " needle " + "tail " * 50
    terms = read_query("needle ")
    assert terms is not None
    spans = snippet(text, terms, width=80)
    joined = "".join(t for t, _ in spans)
    assert spans[0][0].startswith("…") and spans[-1][0].endswith("…")
    assert ("needle", True) in spans
    assert len(joined) <= 84
    assert "\n" not in joined


def test_snippet_without_a_match_is_the_start_of_the_text() -> None:
    terms = read_query("zzz")
    assert terms is not None
    assert snippet("Line one\nline two", terms) == (("Line one line two", False),)


def test_match_count_counts_distinct_words_and_the_prefix() -> None:
    terms = read_query("roadmap burn")
    assert terms is not None
    assert match_count("the roadmap", terms) == 1
    assert match_count("roadmap and burnout", terms) == 2


def test_first_line_and_kind_labels() -> None:
    assert first_line("\n  Send the budget \nsecond") == "Send the budget"
    assert first_line("x" * 100, 10) == "x" * 9 + "…"
    assert HitKind.ONE_ON_ONE.label == "1:1" and HitKind.ONE_ON_ONE.value == "one_on_one"


def test_control_characters_are_spaces() -> None:
    terms = read_query("road\x00map\x1b")
    assert terms is not None
    assert terms.match == '"road" "map"'


def test_found_in_reads_pieces_as_fts5_phrases() -> None:
    terms = read_query("o'brien budg")
    assert terms is not None
    assert terms.phrases == (("o", "brien"), ("budg",))
    assert terms.found_in(["Ask O'Brien", "the budget"])  # each piece in one of the texts
    assert not terms.found_in(["Ask O. Smith Brien about the budget"])  # "o brien" not in a row
    assert not terms.found_in(["O'Brien"])  # "budg" is nowhere
    done = read_query("o'brien budg ")
    assert done is not None and not done.found_in(["O'Brien's budget"]), "no prefix after a space"
