"""Reading `Requires-Dist` lines without third-party help, for third_party_notices.py.

The build venv normally has `packaging` (PyInstaller depends on it) and then its parser is used.
This module is the fallback for a venv without it: a small evaluator of PEP 508 environment
markers that errs towards *including* a dependency it cannot decide, because a notice too many is
harmless and a notice too few is a licence breach.
"""

from __future__ import annotations

import os
import platform
import re
import sys
from collections.abc import Callable
from typing import NamedTuple

NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
TOKEN = re.compile(
    r"""\s*(?:(?P<str>'[^']*'|"[^"]*")|(?P<op>===|==|!=|<=|>=|~=|<|>|\(|\)|not\s+in\b|in\b)"""
    r"""|(?P<word>[A-Za-z_][A-Za-z0-9_.]*))"""
)


class Requirement(NamedTuple):
    """One `Requires-Dist` entry: the distribution, the extras it asks for, its marker."""

    name: str
    extras: frozenset[str]
    marker: str


def canonical(name: str) -> str:
    """The PEP 503 normalised name: `PySide6_Essentials` and `pyside6-essentials` are one."""
    return re.sub(r"[-_.]+", "-", name).lower()


def parse_requirement(line: str) -> Requirement:
    """Split `name[extra] >= 1 ; marker` into its parts (the version does not matter here)."""
    spec, _, marker = line.partition(";")
    match = NAME.match(spec)
    if match is None:
        raise ValueError(f"not a requirement: {line!r}")
    extras = frozenset(canonical(e) for e in (match.group(2) or "").split(",") if e.strip())
    return Requirement(match.group(1), extras, marker.strip())


def environment() -> dict[str, str]:
    """The PEP 508 marker variables for the running interpreter."""
    impl = sys.implementation
    version = f"{impl.version.major}.{impl.version.minor}.{impl.version.micro}"
    return {
        "os_name": os.name,
        "sys_platform": sys.platform,
        "platform_machine": platform.machine(),
        "platform_python_implementation": platform.python_implementation(),
        "platform_release": platform.release(),
        "platform_system": platform.system(),
        "platform_version": platform.version(),
        "python_version": ".".join(platform.python_version_tuple()[:2]),
        "python_full_version": platform.python_version(),
        "implementation_name": impl.name,
        "implementation_version": version,
    }


def _version_key(text: str) -> tuple[int, ...] | None:
    """`3.11` -> (3, 11); None for anything that is not a plain release number."""
    if not re.fullmatch(r"\d+(\.\d+)*", text):
        return None
    return tuple(int(p) for p in text.split("."))


ORDER: dict[str, Callable[[tuple[int, ...], tuple[int, ...]], bool]] = {
    "==": lambda x, y: x == y,
    "===": lambda x, y: x == y,
    "!=": lambda x, y: x != y,
    "<": lambda x, y: x < y,
    "<=": lambda x, y: x <= y,
    ">": lambda x, y: x > y,
    ">=": lambda x, y: x >= y,
}


def _compare(left: str, op: str, right: str) -> bool:
    op = " ".join(op.split())
    if op == "in":
        return left in right
    if op == "not in":
        return left not in right
    a, b = _version_key(left), _version_key(right)
    if a is not None and b is not None:  # release order for python_version and friends
        if op == "~=":  # compatible release: >= right, same prefix but for its last part
            return len(b) > 1 and a[: len(b) - 1] == b[:-1] and ORDER[">="](*_padded(a, b))
        return ORDER[op](*_padded(a, b))
    if op in ("==", "==="):
        return left == right
    if op == "!=":
        return left != right
    return True  # an order between non-versions is undecidable: include the dependency


def _padded(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    width = max(len(a), len(b))
    return a + (0,) * (width - len(a)), b + (0,) * (width - len(b))


def _tokens(marker: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(marker.rstrip()):
        match = TOKEN.match(marker, pos)
        if match is None:
            raise ValueError(f"cannot read marker {marker!r}")
        kind = match.lastgroup or ""
        out.append((kind, match.group(kind)))
        pos = match.end()
    return out


def _fallback(marker: str, env: dict[str, str]) -> bool:
    tokens = _tokens(marker)
    pos = 0

    def value() -> str:
        nonlocal pos
        kind, text = tokens[pos]
        pos += 1
        if kind == "str":
            return text[1:-1]
        found = env.get(text, "")
        return canonical(found) if text == "extra" else found

    def atom() -> bool:
        nonlocal pos
        if tokens[pos] == ("op", "("):
            pos += 1
            result = either()
            pos += 1  # the closing parenthesis
            return result
        left_is_extra = tokens[pos] == ("word", "extra")
        left = value()
        op = tokens[pos][1]
        pos += 1
        right_is_extra = tokens[pos] == ("word", "extra")
        right = value()
        if left_is_extra:  # extras compare by normalised name, as pip does
            right = canonical(right)
        if right_is_extra:
            left = canonical(left)
        return _compare(left, op, right)

    def both() -> bool:
        nonlocal pos
        result = atom()
        while pos < len(tokens) and tokens[pos] == ("word", "and"):
            pos += 1
            result = atom() and result
        return result

    def either() -> bool:
        nonlocal pos
        result = both()
        while pos < len(tokens) and tokens[pos] == ("word", "or"):
            pos += 1
            result = both() or result
        return result

    return either()


def marker_applies(marker: str, extra: str = "") -> bool:
    """Whether a requirement with this marker is installed here when `extra` is requested."""
    if not marker:
        return True
    try:
        from packaging.markers import Marker
    except ImportError:
        env = environment() | {"extra": extra}
        return _fallback(marker, env)
    return Marker(marker).evaluate({"extra": extra})
