"""The seven levels of empowerment (the delegation-poker scale)."""

from __future__ import annotations

import enum

from leaddesk.domain.errors import ValidationError


class EmpowermentLevel(enum.IntEnum):
    """How much of a decision is handed over: 1 (I decide) to 7 (you decide)."""

    TELL = 1
    SELL = 2
    CONSULT = 3
    AGREE = 4
    ADVISE = 5
    INQUIRE = 6
    DELEGATE = 7

    @property
    def label(self) -> str:
        """The short name shown in the UI, e.g. 'Consult'."""
        return self.name.capitalize()

    @property
    def meaning(self) -> str:
        """What the level means in one phrase, from the leader's point of view."""
        return _MEANINGS[self]

    @classmethod
    def parse(cls, value: int | str) -> EmpowermentLevel:
        """A level from its number (1-7) or its name, case-insensitively."""
        if isinstance(value, str):
            text = value.strip()
            if text.isascii() and text.isdigit() and len(text) < 4:
                return cls.parse(int(text))
            try:
                return cls[text.upper()]
            except KeyError:
                names = ", ".join(level.label for level in cls)
                raise ValidationError(
                    f"'{value}' is not a level of empowerment; use 1-7 or one of {names}."
                ) from None
        try:
            return cls(value)
        except ValueError:
            raise ValidationError(
                f"Level {value} does not exist; levels go from 1 (Tell) to 7 (Delegate)."
            ) from None


_MEANINGS = {
    EmpowermentLevel.TELL: "I decide",
    EmpowermentLevel.SELL: "I decide and convince",
    EmpowermentLevel.CONSULT: "I decide after hearing you",
    EmpowermentLevel.AGREE: "we decide together",
    EmpowermentLevel.ADVISE: "you decide after hearing me",
    EmpowermentLevel.INQUIRE: "you decide, then tell me",
    EmpowermentLevel.DELEGATE: "you decide, I don't need to know",
}


class LevelKind(enum.Enum):
    """Which of a delegation's levels a change is about."""

    MINE = "mine"
    THEIRS = "theirs"
    TARGET = "target"


class DelegationState(enum.Enum):
    """Life of a delegation."""

    ACTIVE = "active"
    COMPLETED = "completed"
    WITHDRAWN = "withdrawn"


def has_clarity_gap(mine: EmpowermentLevel, theirs: EmpowermentLevel | None) -> bool:
    """A clarity gap: the person believes they hold a different level than the one I gave."""
    return theirs is not None and theirs != mine
