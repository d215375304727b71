"""Promises in both directions and the only transitions they may take."""

from __future__ import annotations

import enum
from datetime import date

from leaddesk.domain.errors import ValidationError


class PromiseDirection(enum.Enum):
    """Mine: I promised them. Theirs: they promised me."""

    MINE = "mine"
    THEIRS = "theirs"


class PromiseState(enum.Enum):
    """Where a promise stands. Renegotiated promises are still open, with a new due date."""

    OPEN = "open"
    KEPT = "kept"
    BROKEN = "broken"
    RENEGOTIATED = "renegotiated"
    RELEASED = "released"

    @property
    def is_open(self) -> bool:
        """Still to be kept: open, or renegotiated to a new date."""
        return self in (PromiseState.OPEN, PromiseState.RENEGOTIATED)


_OPEN_EXITS = frozenset(
    {PromiseState.KEPT, PromiseState.BROKEN, PromiseState.RENEGOTIATED, PromiseState.RELEASED}
)
_TRANSITIONS: dict[PromiseState, frozenset[PromiseState]] = {
    PromiseState.OPEN: _OPEN_EXITS,
    PromiseState.RENEGOTIATED: _OPEN_EXITS,
    PromiseState.KEPT: frozenset(),
    PromiseState.BROKEN: frozenset(),
    PromiseState.RELEASED: frozenset(),
}


def allowed_transitions(state: PromiseState) -> frozenset[PromiseState]:
    """The states a promise in `state` may move to (none once kept, broken or released)."""
    return _TRANSITIONS[state]


def check_transition(current: PromiseState, target: PromiseState) -> None:
    """Raise ValidationError unless `current` -> `target` is a valid promise transition."""
    if target not in _TRANSITIONS[current]:
        if not _TRANSITIONS[current]:
            raise ValidationError(
                f"This promise is already {current.value}; it can no longer change."
            )
        raise ValidationError(f"A promise that is {current.value} cannot become {target.value}.")


def check_renegotiation(current_due: date | None, new_due: date, on: date) -> None:
    """A renegotiation needs a new due date that differs from the old one and is not in the past."""
    if new_due < on:
        raise ValidationError("The new due date of a renegotiated promise cannot be in the past.")
    if current_due is not None and new_due == current_due:
        raise ValidationError("The new due date is the same as the current one.")


def promise_evidence(state: PromiseState, on_time: bool | None) -> tuple[float, float] | None:
    """(positive, negative) evidence a resolved promise gives; None when it says nothing."""
    if state is PromiseState.KEPT:
        return (0.5, 0.5) if on_time is False else (1.0, 0.0)
    if state is PromiseState.BROKEN:
        return (0.0, 1.0)
    return None


def kept_on_time(due: date | None, kept_on: date) -> bool:
    """Kept on time when there was no due date or it was kept on or before it."""
    return due is None or kept_on <= due
