"""The facade's layout: each use case sits in the module its name points to, beside its read models.

A newcomer who knows a Desk method's name should find its module in one guess. AREAS is the one
place that says which words send you to which module of leaddesk/services; a new method whose name
carries none of its module's words belongs elsewhere (or the table gains a word, on purpose).
"""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

from leaddesk.services.desk import Desk

SERVICES = Path(__file__).resolve().parents[2] / "leaddesk" / "services"

# module of leaddesk/services -> the words the names of its use cases carry
AREAS: dict[str, tuple[str, ...]] = {
    "people": ("person", "people", "direct_reports"),
    "team": ("team",),
    "trust": ("trust", "assessment"),
    "delegations": ("delegation", "level", "board"),
    "checkpoints": ("checkpoint", "outcome"),
    "success_factors": ("success_factor",),
    "terms": ("term",),
    "promises": ("promise",),
    "meetings": ("one_on_one", "topic"),
    "agenda": ("agenda",),
    "relationship_notes": ("relationship_note",),
    "feedback": ("feedback", "solicitation", "follow_up"),
    "focus": ("focus", "needs_attention"),
    "reflections": ("reflection",),
    "timeline": ("timeline",),
    "settings": ("settings",),
    "open_items": ("open_item",),
    "calendar": ("calendar",),
    "roster": ("roster",),
    "exchange": ("exchange",),
    "bulk": ("world",),
    "undo": ("delete", "undo", "restore"),
    "backups": ("backup",),
    "recovery": ("damage",),
    "lock": ("lock",),
    "keys": ("key", "passphrase"),
    "due": ("due", "digest", "tray"),
    "one_on_one_rhythm": ("one_on_one",),
    "search": ("search",),
    # the facade itself: opening, closing and checking the store file
    "desk": ("open", "create", "close", "path", "counts", "integrity", "revision"),
    # the plumbing every area shares
    "base": ("today", "subscribe"),
}
# Read models more than one area returns (the rest live beside the use cases that build them).
SHARED_READ_MODELS = "leaddesk.services.action_item"


def use_cases() -> dict[str, tuple[str, Any]]:
    """Every public Desk method or property -> (the module defining it, the function itself)."""
    found = {}
    for name in dir(Desk):
        if name.startswith("_"):
            continue
        owner = next(k for k in Desk.__mro__ if name in k.__dict__)
        member = owner.__dict__[name]
        function = member.fget if isinstance(member, property) else member
        function = getattr(function, "__func__", function)  # classmethod, staticmethod
        found[name] = (owner.__module__.rsplit(".", 1)[-1], function)
    return found


def classes_in(hint: Any) -> set[type]:
    """The classes a return annotation names, inside list[...], X | None, Iterator[...] and such."""
    if isinstance(hint, type) and not typing.get_args(hint):
        return {hint}
    return {c for arg in typing.get_args(hint) for c in classes_in(arg)}


def test_every_use_case_lives_in_the_module_its_name_points_to() -> None:
    methods = use_cases()
    assert len(methods) > 100  # the whole facade, not an empty class
    misplaced = {
        name: module
        for name, (module, _) in methods.items()
        if not any(word in name for word in AREAS.get(module, ()))
    }
    assert misplaced == {}, "move these, or give their module's entry in AREAS the word"
    unused = set(AREAS) - {module for module, _ in methods.values()}
    assert unused == set(), "these modules hold no use case any more: drop them from AREAS"


def test_read_models_live_beside_the_use_cases_that_build_them() -> None:
    astray = {}
    for name, (module, function) in use_cases().items():
        returned = typing.get_type_hints(function).get("return")
        for cls in classes_in(returned):
            home = cls.__module__
            if not home.startswith("leaddesk.services.") or home == SHARED_READ_MODELS:
                continue
            if home.rsplit(".", 1)[-1] not in (module, f"{module}_models"):
                astray[name] = f"{cls.__name__} in {home}, built in {module}"
    assert astray == {}


def test_no_service_module_grows_past_400_lines() -> None:
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in SERVICES.glob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 400} == {}
