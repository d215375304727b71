"""Keyboard movement between cards on the delegation board: reading order and arrow keys."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt


class _Card(Protocol):
    lane: int
    column: int  # my level as a plain int (IntEnum hashing is slow for thousands of cards)


C = TypeVar("C", bound=_Card)


class BoardGrid(Generic[C]):
    """Cards by lane and column, to find the card an arrow key, Tab, Home or End goes to."""

    def __init__(self, cells: Sequence[dict[int, list[C]]]) -> None:
        self.cells = list(cells)
        self.order: list[C] = [
            card for cell in self.cells for column in sorted(cell) for card in cell[column]
        ]
        self._index = {id(card): i for i, card in enumerate(self.order)}

    def position(self, card: C) -> int:
        """Where a card is in reading order."""
        return self._index[id(card)]

    def linear(self, current: C | None, forward: bool) -> C | None:
        """The next (or previous) card in reading order; None past either end."""
        if not self.order:
            return None
        if current is None or id(current) not in self._index:
            return self.order[0] if forward else self.order[-1]
        i = self._index[id(current)] + (1 if forward else -1)
        return self.order[i] if 0 <= i < len(self.order) else None

    def step(self, current: C | None, key: Qt.Key) -> C | None:
        """The card an arrow, Home or End key moves to; None when there is nowhere to go."""
        if not self.order:
            return None
        if key == Qt.Key.Key_Home:
            return self.order[0]
        if key == Qt.Key.Key_End:
            return self.order[-1]
        if current is None or id(current) not in self._index:
            return self.order[0]
        stack = self.cells[current.lane][current.column]
        row = stack.index(current)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = 1 if key == Qt.Key.Key_Right else -1
            column = current.column + step
            while 1 <= column <= 7:
                other = self.cells[current.lane].get(column)
                if other:
                    return other[min(row, len(other) - 1)]
                column += step
            return None
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            down = key == Qt.Key.Key_Down
            row += 1 if down else -1
            if 0 <= row < len(stack):
                return stack[row]
            lane = current.lane + (1 if down else -1)
            if not 0 <= lane < len(self.cells):
                return None
            return self._nearest(self.cells[lane], current.column, first=down)
        return None

    @staticmethod
    def _nearest(cell: dict[int, list[C]], column: int, first: bool) -> C | None:
        """In another lane: the card in the same column, else in the closest column."""
        for distance in range(7):
            for candidate in (column - distance, column + distance):
                if 1 <= candidate <= 7:
                    stack = cell.get(candidate)
                    if stack:
                        return stack[0] if first else stack[-1]
        return None
