"""Feedback given, received and solicited; answers, follow-up; trust assessments."""

from __future__ import annotations

from datetime import date

import pytest

from leaddesk.domain.errors import ValidationError
from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.desk import Desk
from leaddesk.services.undo import Deletable

TODAY = date(2026, 11, 25)
GIVEN = FeedbackDirection.GIVEN
RECEIVED = FeedbackDirection.RECEIVED
SOLICITED = FeedbackDirection.SOLICITED


@pytest.fixture
def ada(desk: Desk) -> int:
    """A direct report."""
    return desk.add_person("Ada")


@pytest.mark.parametrize("direction", list(FeedbackDirection))
def test_feedback_is_recorded_with_direction_and_kind(
    desk: Desk, ada: int, direction: FeedbackDirection
) -> None:
    ident = desk.add_feedback(
        ada, direction, "The board deck was clear", kind=FeedbackKind.APPRECIATION
    )
    (fb,) = desk.feedback(ada)
    assert fb.id == ident
    assert fb.direction is direction
    assert fb.kind is FeedbackKind.APPRECIATION
    assert (fb.text, fb.on, fb.person_name) == ("The board deck was clear", TODAY, "Ada")
    assert (fb.answer, fb.answered_on, fb.follow_up) == (None, None, "")


def test_feedback_kind_is_optional(desk: Desk, ada: int) -> None:
    desk.add_feedback(ada, RECEIVED, "You interrupt in meetings")
    assert desk.feedback(ada)[0].kind is None


def test_feedback_is_listed_newest_first(desk: Desk, ada: int) -> None:
    old = desk.add_feedback(ada, GIVEN, "Old", on=date(2026, 10, 1))
    new = desk.add_feedback(ada, GIVEN, "New", on=date(2026, 11, 1))
    bob = desk.add_person("Bob")
    desk.add_feedback(bob, GIVEN, "Other")
    assert [f.id for f in desk.feedback(ada)] == [new, old]
    assert len(desk.feedback()) == 3


def test_solicitation_is_open_until_answered(desk: Desk, ada: int) -> None:
    asked = desk.add_feedback(ada, SOLICITED, "How could my 1:1s be more useful?")
    desk.add_feedback(ada, GIVEN, "Great launch")
    assert [f.id for f in desk.feedback(open_only=True)] == [asked]
    assert desk.feedback(ada, open_only=True)[0].is_open


def test_given_and_received_feedback_is_never_open(desk: Desk, ada: int) -> None:
    desk.add_feedback(ada, GIVEN, "Great launch")
    desk.add_feedback(ada, RECEIVED, "Be on time")
    assert desk.feedback(open_only=True) == []
    assert not any(f.is_open for f in desk.feedback())


def test_answering_a_solicitation_records_the_answer_and_closes_it(desk: Desk, ada: int) -> None:
    asked = desk.add_feedback(ada, SOLICITED, "What should I stop doing?", on=date(2026, 11, 1))
    desk.answer_solicitation(asked, "Stop rewriting my slides", on=date(2026, 11, 3))
    (fb,) = desk.feedback(ada)
    assert fb.answer == "Stop rewriting my slides"
    assert fb.answered_on == date(2026, 11, 3)
    assert not fb.is_open
    assert desk.feedback(open_only=True) == []


@pytest.mark.parametrize("direction", [GIVEN, RECEIVED])
def test_only_solicited_feedback_can_be_answered(
    desk: Desk, ada: int, direction: FeedbackDirection
) -> None:
    ident = desk.add_feedback(ada, direction, "Great launch")
    with pytest.raises(ValidationError, match="Only solicited feedback can be answered"):
        desk.answer_solicitation(ident, "Thanks")
    assert desk.feedback(ada)[0].answer is None


def test_a_solicitation_is_answered_only_once(desk: Desk, ada: int) -> None:
    asked = desk.add_feedback(ada, SOLICITED, "What should I stop doing?")
    desk.answer_solicitation(asked, "Rewriting my slides")
    with pytest.raises(ValidationError, match="already answered"):
        desk.answer_solicitation(asked, "Something else")
    assert desk.feedback(ada)[0].answer == "Rewriting my slides"


def test_an_answer_before_the_question_is_refused(desk: Desk, ada: int) -> None:
    asked = desk.add_feedback(ada, SOLICITED, "Question", on=date(2026, 11, 20))
    with pytest.raises(ValidationError, match="cannot come before the question"):
        desk.answer_solicitation(asked, "Answer", on=date(2026, 11, 19))
    assert desk.feedback(ada)[0].is_open


def test_an_answer_on_the_day_of_the_question_is_fine(desk: Desk, ada: int) -> None:
    asked = desk.add_feedback(ada, SOLICITED, "Question", on=date(2026, 11, 20))
    desk.answer_solicitation(asked, "Answer", on=date(2026, 11, 20))
    assert not desk.feedback(ada)[0].is_open


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("", "Answer cannot be empty"),
        ("a" * 100_001, "Answer is 100,001 characters long"),
        ("bad\x08", "Answer contains a control character"),
    ],
)
def test_invalid_answer_is_refused_and_leaves_it_open(
    desk: Desk, ada: int, answer: str, message: str
) -> None:
    asked = desk.add_feedback(ada, SOLICITED, "Question")
    with pytest.raises(ValidationError, match=message):
        desk.answer_solicitation(asked, answer)
    assert desk.feedback(ada)[0].is_open


def test_follow_up_records_what_i_did_with_it(desk: Desk, ada: int) -> None:
    ident = desk.add_feedback(ada, RECEIVED, "You interrupt in meetings")
    desk.set_follow_up(ident, "Count to three before speaking")
    assert desk.feedback(ada)[0].follow_up == "Count to three before speaking"


def test_invalid_follow_up_is_refused(desk: Desk, ada: int) -> None:
    ident = desk.add_feedback(ada, RECEIVED, "You interrupt in meetings")
    with pytest.raises(ValidationError, match="Follow-up is 100,001 characters long"):
        desk.set_follow_up(ident, "f" * 100_001)
    with pytest.raises(ValidationError, match="Follow-up contains a control character"):
        desk.set_follow_up(ident, "\x00")
    assert desk.feedback(ada)[0].follow_up == ""


@pytest.mark.parametrize(
    ("text", "kwargs", "message"),
    [
        ("", {}, "Feedback cannot be empty"),
        ("f" * 100_001, {}, "Feedback is 100,001 characters long; the limit is 100,000"),
        ("bad\x7f", {}, "Feedback contains a control character"),
        ("Fine", {"on": date(2201, 1, 1)}, "Date 2201-01-01 is out of range"),
    ],
)
def test_invalid_feedback_is_refused_with_a_readable_message(
    desk: Desk, ada: int, text: str, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        desk.add_feedback(ada, GIVEN, text, **kwargs)  # type: ignore[arg-type]
    assert desk.feedback() == []


def test_feedback_captured_in_a_1on1_must_be_from_that_persons_1on1(desk: Desk, ada: int) -> None:
    bob = desk.add_person("Bob")
    adas = desk.record_one_on_one(ada)
    bobs = desk.record_one_on_one(bob)
    desk.add_feedback(ada, GIVEN, "Great launch", one_on_one_id=adas)
    with pytest.raises(ValidationError, match="1:1 was with someone else"):
        desk.add_feedback(ada, GIVEN, "Great launch", one_on_one_id=bobs)
    with pytest.raises(ValidationError, match="That 1:1 does not exist"):
        desk.add_feedback(ada, GIVEN, "Great launch", one_on_one_id=999)
    assert len(desk.feedback(ada)) == 1


def test_feedback_for_unknown_person_or_item_is_refused(desk: Desk) -> None:
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.add_feedback(999, GIVEN, "Great launch")
    with pytest.raises(ValidationError, match="That feedback does not exist"):
        desk.answer_solicitation(999, "Answer")
    with pytest.raises(ValidationError, match="That feedback does not exist"):
        desk.set_follow_up(999, "Done")


def test_feedback_of_a_deleted_person_is_hidden(desk: Desk, ada: int) -> None:
    desk.add_feedback(ada, SOLICITED, "Question")
    desk.delete(Deletable.PERSON, ada)
    assert desk.feedback() == []
    assert desk.feedback(open_only=True) == []


def test_listeners_hear_about_feedback(desk: Desk, ada: int) -> None:
    heard: list[Change] = []
    desk.subscribe(heard.append)
    asked = desk.add_feedback(ada, SOLICITED, "Question")
    desk.answer_solicitation(asked, "Answer")
    desk.set_follow_up(asked, "Acted on it")
    assert heard == [
        Change(ChangeArea.FEEDBACK, ada),
        Change(ChangeArea.FEEDBACK),
        Change(ChangeArea.FEEDBACK),
    ]


# -- trust assessments -----------------------------------------------------------------------
def test_assessment_keeps_the_four_cores_and_note(desk: Desk, ada: int) -> None:
    ident = desk.add_assessment(ada, 5, 4, 3, 2, note="Strong on integrity", on=date(2026, 11, 1))
    (a,) = desk.assessments(ada)
    assert a.id == ident
    assert (a.integrity, a.intent, a.capabilities, a.results) == (5, 4, 3, 2)
    assert (a.note, a.on) == ("Strong on integrity", date(2026, 11, 1))


@pytest.mark.parametrize(
    ("cores", "score"),
    [((5, 5, 5, 5), 1.0), ((1, 1, 1, 1), 0.0), ((3, 3, 3, 3), 0.5), ((5, 4, 3, 2), 0.625)],
)
def test_assessment_score_is_the_mean_of_the_cores_scaled_to_0_1(
    desk: Desk, ada: int, cores: tuple[int, int, int, int], score: float
) -> None:
    desk.add_assessment(ada, *cores)
    assert desk.assessments(ada)[0].score == pytest.approx(score)


def test_assessments_are_listed_oldest_first(desk: Desk, ada: int) -> None:
    new = desk.add_assessment(ada, 4, 4, 4, 4, on=date(2026, 11, 1))
    old = desk.add_assessment(ada, 3, 3, 3, 3, on=date(2026, 5, 1))
    assert [a.id for a in desk.assessments(ada)] == [old, new]


@pytest.mark.parametrize("core", ["Integrity", "Intent", "Capabilities", "Results"])
@pytest.mark.parametrize("value", [0, 6, 2.5, True, None])
def test_each_core_must_be_a_whole_number_from_1_to_5(
    desk: Desk, ada: int, core: str, value: object
) -> None:
    cores: dict[str, object] = {"integrity": 3, "intent": 3, "capabilities": 3, "results": 3}
    cores[core.lower()] = value
    with pytest.raises(ValidationError, match=f"{core} must be a whole number from 1 to 5"):
        desk.add_assessment(ada, **cores)  # type: ignore[arg-type]
    assert desk.assessments(ada) == []


def test_invalid_assessment_note_or_person_is_refused(desk: Desk, ada: int) -> None:
    with pytest.raises(ValidationError, match="Note is 100,001 characters long"):
        desk.add_assessment(ada, 3, 3, 3, 3, note="n" * 100_001)
    with pytest.raises(ValidationError, match="That person does not exist"):
        desk.add_assessment(999, 3, 3, 3, 3)
    assert desk.assessments(ada) == []
