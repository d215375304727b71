"""The change notice a write sends, shared by every area (each area keeps its own read models)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Change:
    """What a write changed, so views refresh only when they care."""

    area: str
    person_id: int | None = None
