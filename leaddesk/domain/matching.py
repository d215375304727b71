"""Finding one item by a typed name: exact first, then a unique prefix, then a unique part."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def match_name(items: Sequence[T], wanted: str, name: Callable[[T], str]) -> list[T]:
    """The items the typed `wanted` names, any case: the first rule with hits wins.

    One hit is the answer; several are ambiguous (the caller lists them); none is unknown.
    """
    needle = wanted.strip().casefold()
    for rule in (
        lambda text: text == needle,
        lambda text: text.startswith(needle),
        lambda text: needle in text,
    ):
        hits = [item for item in items if rule(name(item).casefold())]
        if hits:
            return hits
    return []
