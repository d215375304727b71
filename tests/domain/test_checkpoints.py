"""Tests for leaddesk/domain/checkpoints.py: checkpoint outcomes and the evidence they give."""

from __future__ import annotations

import pytest

from leaddesk.domain.checkpoints import CheckpointOutcome as Outcome


@pytest.mark.parametrize(
    ("outcome", "evidence"),
    [
        (Outcome.ON_TRACK, (1.0, 0.0)),
        (Outcome.CONCERNS, (0.5, 0.5)),
        (Outcome.OFF_TRACK, (0.0, 1.0)),
    ],
)
def test_outcome_gives_the_evidence_product_defines(
    outcome: Outcome, evidence: tuple[float, float]
) -> None:
    assert outcome.evidence == evidence


def test_skipped_checkpoint_gives_no_evidence() -> None:
    assert Outcome.SKIPPED.evidence is None


def test_every_outcome_has_an_evidence_entry() -> None:
    counted = [outcome for outcome in Outcome if outcome.evidence is not None]
    assert counted == [Outcome.ON_TRACK, Outcome.CONCERNS, Outcome.OFF_TRACK]
    assert all(sum(o.evidence or ()) == 1.0 for o in counted)


@pytest.mark.parametrize(
    ("outcome", "label"),
    [
        (Outcome.ON_TRACK, "on track"),
        (Outcome.CONCERNS, "concerns"),
        (Outcome.OFF_TRACK, "off track"),
        (Outcome.SKIPPED, "skipped"),
    ],
)
def test_outcome_label_uses_human_words(outcome: Outcome, label: str) -> None:
    assert outcome.label == label


@pytest.mark.parametrize("value", ["on-track", "concerns", "off-track", "skipped"])
def test_outcome_round_trips_through_its_stored_value(value: str) -> None:
    assert Outcome(value).value == value
