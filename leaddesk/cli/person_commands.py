"""People from the terminal: finding one by a typed name, and `leaddesk add person`."""

from __future__ import annotations

import argparse
import shlex
from difflib import SequenceMatcher

from leaddesk.cli.main import default_store
from leaddesk.domain.errors import ValidationError
from leaddesk.domain.matching import match_name
from leaddesk.domain.rhythm import rhythm_words
from leaddesk.domain.typed_dates import parse_typed_date
from leaddesk.domain.validation import clean_name
from leaddesk.services.desk import Desk
from leaddesk.services.people import PersonSummary

LISTED = 10
CLOSE = 0.7  # alike enough to be a likely typo: "grce" is Grace (0.89), "smit" Schmidt (0.73)


def find_person(desk: Desk, name: str) -> PersonSummary:
    """The one person (archived too) `name` names: exactly, else a unique prefix or part, any
    case. Otherwise a one-line ValidationError listing who is meant, closest first."""
    everyone = desk.people(include_archived=True)
    hits = match_name(everyone, clean_name(name, "--person"), lambda p: p.name)
    if len(hits) == 1:
        return hits[0]
    if hits:
        raise ValidationError(
            f"'{name}' matches several people: {_listed(hits)}; give more of the name."
        )
    if not everyone:
        raise ValidationError(
            f"Nobody is called '{name}'; there is nobody yet. Add someone with "
            "`leaddesk add person NAME`."
        )
    ranked, close = _closest_first(everyone, name)
    heading = "People (closest first)" if close else "People"
    hint = f"; {_people_command(desk)} lists them all" if len(everyone) > LISTED else ""
    raise ValidationError(f"Nobody is called '{name}'. {heading}: {_listed(ranked)}{hint}.")


def add_person(args: argparse.Namespace, desk: Desk) -> int:
    """`leaddesk add person NAME [--role] [--area] [--email] [--reports-to] [--started]
    [--rhythm DAYS]`."""
    name = clean_name(" ".join(args.name), "NAME")
    same = [p for p in desk.people(include_archived=True) if p.name.casefold() == name.casefold()]
    if same:
        archived = " (archived)" if same[0].archived else ""
        raise ValidationError(
            f"Someone is already called '{same[0].name}'{archived}; the terminal finds people by "
            f"name, so give the new person one that tells them apart, e.g. '{name} (Sales)'."
        )
    boss = find_person(desk, args.reports_to) if args.reports_to else None
    started = (
        parse_typed_date(args.started, desk.today(), "--started", toward="past")
        if args.started
        else None
    )
    desk.add_person(
        name,
        role=args.role,
        area=args.area,
        email=args.email,
        in_role_since=started,
        reports_to_id=boss.id if boss else None,
        one_on_one_every_days=args.rhythm,
    )
    line = f"Added {name}" + (f" ({args.role.strip()})" if args.role and args.role.strip() else "")
    line += f", reporting to {boss.name}" if boss else ", a direct report"
    line += f", in the role since {started.isoformat()}" if started else ""
    line += f", a 1:1 {rhythm_words(args.rhythm)}." if args.rhythm is not None else "."
    print(line)
    return 0


def _people_command(desk: Desk) -> str:
    """The command that lists everyone in this store (with its --db unless it is the default)."""
    if desk.path.resolve() == default_store().resolve():
        return "`leaddesk people --all`"
    return f"`leaddesk --db {shlex.quote(str(desk.path))} people --all`"


def _listed(people: list[PersonSummary]) -> str:
    """Up to ten names, then how many more there are."""
    shown = ", ".join(p.name for p in people[:LISTED])
    more = len(people) - LISTED
    return f"{shown} … and {more:,} more" if more > 0 else shown


def _closest_first(people: list[PersonSummary], typed: str) -> tuple[list[PersonSummary], bool]:
    """Names like the one typed first (most alike first), then everyone else by name; and
    whether any name was alike at all."""
    likeness = {p.id: _likeness(p.name, typed) for p in people}
    close = sorted((p for p in people if likeness[p.id] >= CLOSE), key=lambda p: -likeness[p.id])
    return close + [p for p in people if likeness[p.id] < CLOSE], bool(close)


def _likeness(name: str, typed: str) -> float:
    """How alike, 0 to 1: the whole name or any one word of it, against what was typed."""
    wanted = typed.strip().casefold()
    parts = [name.casefold(), *name.casefold().split()]
    return max(SequenceMatcher(None, wanted, part).ratio() for part in parts)
