"""Feedback kinds and directions, and who proposed a calibration."""

from __future__ import annotations

import enum


class FeedbackDirection(enum.Enum):
    """Given (me -> them), received (them -> me), solicited (I asked; open until answered)."""

    GIVEN = "given"
    RECEIVED = "received"
    SOLICITED = "solicited"


class FeedbackKind(enum.Enum):
    """The three kinds of feedback."""

    APPRECIATION = "appreciation"
    COACHING = "coaching"
    EVALUATION = "evaluation"


class Proposer(enum.Enum):
    """Who proposed a calibration of a success factor."""

    ME = "me"
    THEM = "them"
    BOTH = "both"
