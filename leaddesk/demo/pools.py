"""The format the text pools are written in: one item per line, fields separated by " | ".

Plain text blocks keep the many short strings readable and cheap to edit.
"""


def lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def fields(text: str, count: int) -> tuple[tuple[str, ...], ...]:
    rows = tuple(tuple(f.strip() for f in line.split("|")) for line in lines(text))
    assert all(len(row) == count for row in rows), rows
    return rows


def pairs(text: str) -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in fields(text, 2))
