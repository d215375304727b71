"""The weekly-focus rotation: one principle per ISO week, 1 -> 6, then again."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class PrincipleText:
    """What the dashboard says about a principle."""

    title: str
    intent: str
    prompts: tuple[str, str, str]
    points_at: str


class Principle(enum.IntEnum):
    """The six principles of leading leaders."""

    CLARITY = 1
    SMART_TRUST = 2
    SUCCESS_FACTORS = 3
    FOUNDATION_OF_TRUST = 4
    RELATIONSHIP = 5
    FEEDBACK = 6

    @property
    def text(self) -> PrincipleText:
        """Title, intent, prompts and what the principle's item list shows."""
        return _TEXTS[self]

    @property
    def title(self) -> str:
        """Short title, e.g. 'Clarity of expectations'."""
        return _TEXTS[self].title


_TEXTS: dict[Principle, PrincipleText] = {
    Principle.CLARITY: PrincipleText(
        "Clarity of expectations",
        "For every delegated item, agree on the level of empowerment and on when you want to be "
        "involved.",
        (
            "Which delegation would each of us place at a different level if asked today?",
            "Where have I stepped in without having said I would want to be involved?",
            "Is 'involve me when' written down for everything that matters this quarter?",
        ),
        "Active delegations with no agreed (their) level, or a clarity gap.",
    ),
    Principle.SMART_TRUST: PrincipleText(
        "Extending smart trust",
        "Trust and verify: checkpoints whose cadence follows the level and the trust earned.",
        (
            "Where am I checking more often than the trust earned justifies?",
            "Which delegation has run without any checkpoint for too long?",
            "What evidence would let me move someone one level up?",
        ),
        "Checkpoints overdue or due this week; active delegations with no checkpoint planned.",
    ),
    Principle.SUCCESS_FACTORS: PrincipleText(
        "Agreement on success factors",
        "Agree on terms, language and measures, and calibrate them together over time.",
        (
            "Would we both describe 'done' the same way for each delegation?",
            "Which measure no longer measures what we care about?",
            "Which word do we use that means different things to each of us?",
        ),
        "Delegations with no success factor; factors not calibrated for 90 days.",
    ),
    Principle.FOUNDATION_OF_TRUST: PrincipleText(
        "A foundation of trust",
        "Promises made and kept, in both directions: my record counts as much as theirs.",
        (
            "Which of my promises is at risk, and have I said so before the date?",
            "Where did I let a promise slide without renegotiating it?",
            "Whose promises have I stopped tracking because I expect them to slip?",
        ),
        "My open promises (overdue first), then theirs.",
    ),
    Principle.RELATIONSHIP: PrincipleText(
        "A rock-solid relationship",
        "Know the person: regular 1:1s, their context, and what matters to them.",
        (
            "What does each of my direct reports want from the next two years?",
            "Whom have I only talked to about work lately?",
            "Who seemed low on energy at our last 1:1, and what did I do about it?",
        ),
        "People with no 1:1 for longer than the 1:1 interval; people with no relationship notes.",
    ),
    Principle.FEEDBACK: PrincipleText(
        "A culture of feedback",
        "Give feedback, and solicit it just as much.",
        (
            "When did I last ask each person what I should do differently?",
            "What feedback have I received and not acted on yet?",
            "Is my feedback mostly appreciation, mostly coaching, or balanced?",
        ),
        "Feedback given vs solicited in the last 30 days per person; open solicitations.",
    ),
}


def week_start(day: date) -> date:
    """The Monday of the ISO week containing `day`."""
    return day - timedelta(days=day.weekday())


def principle_for(day: date, start: date) -> Principle:
    """The principle of the ISO week containing `day`, counting from the week of `start`."""
    weeks = (week_start(day) - week_start(start)).days // 7
    return Principle(weeks % 6 + 1)
