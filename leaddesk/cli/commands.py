"""The terminal commands, each a thin layer over the service facade."""

from __future__ import annotations

import argparse
import shlex
import sys
import time
from collections.abc import Callable
from pathlib import Path

from leaddesk.cli import due_command, exchange, init_command, key_commands, render, restore_command
from leaddesk.cli.person_commands import add_person, find_person
from leaddesk.cli.search_command import search, upgrade_printer
from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import UserError, ValidationError
from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind
from leaddesk.domain.levels import DelegationState
from leaddesk.domain.matching import match_name
from leaddesk.domain.promises import PromiseDirection
from leaddesk.domain.typed_dates import parse_typed_date
from leaddesk.reports.wording import count
from leaddesk.security.keys import PassphrasePrompt
from leaddesk.services.delegations_models import DelegationView
from leaddesk.services.desk import Desk
from leaddesk.services.errors import StoreDamagedError
from leaddesk.services.search import reporting_upgrade_progress

EXIT_PROBLEMS = 1
MAX_DEMO_PEOPLE = 1000
MAX_DEMO_YEARS = 30.0


def run(args: argparse.Namespace, path: Path, prompt: PassphrasePrompt) -> int:
    """Dispatch one parsed command line on the store at `path`."""
    if args.command == "init":
        return init_command.init(args, path, prompt)
    if args.command == "demo":
        return demo(args, path, prompt)
    if args.command == "restore":
        return restore_command.restore(args, path, prompt)  # the store may be missing or damaged
    if args.command == "import" and args.what == "json":
        return exchange.import_json(args, path, prompt)  # it creates the store
    if not path.exists():
        raise UserError(no_store(path, explicit=args.db is not None))
    if args.command == "key":
        return key_commands.run(args, path, prompt)
    try:
        with reporting_upgrade_progress(upgrade_printer(sys.stderr)):  # a store from before search
            desk = Desk.open(path, prompt)
    except StoreDamagedError as damaged:
        if args.command != "check":
            raise
        return _report_damage(path, damaged)
    try:
        if args.command != "check":  # check reports the damage; every other command refuses it
            desk.refuse_if_damaged()
        handler: Callable[[argparse.Namespace, Desk], int] = {
            "check": check,
            "backup": backup,
            "people": people,
            "week": week,
            "due": due_command.due,
            "add": add,
            "export": exchange.export,
            "import": exchange.import_roster,
            "search": search,
        }[args.command]
        return handler(args, desk)
    finally:
        desk.close()


def no_store(path: Path, explicit: bool) -> str:
    """What to do when there is no store at `path`: make it, or try demo data in another file
    (never at `path`, where demo data would pass for the user's own)."""
    db = f" --db {shlex.quote(str(path))}" if explicit else ""
    demo_path = path.with_name("leaddesk-demo.db")
    if demo_path == path:
        demo_path = path.with_name("leaddesk-demo-2.db")
    return (
        f"There is no LeadDesk store at {path}. Create it with `leaddesk{db} init` (or open the "
        f"app), or try demo data in a separate file: `leaddesk demo --db "
        f"{shlex.quote(str(demo_path))}`."
    )


def demo(args: argparse.Namespace, path: Path, prompt: PassphrasePrompt) -> int:
    """Create a new store filled with a believable leader's world."""
    from leaddesk.demo import build_demo

    if args.db is None:  # the default is where the user's real store belongs
        raise UserError(
            "Demo data goes into a store of its own: name its file with --db, e.g. "
            "`leaddesk demo --db ~/leaddesk-demo.db`."
        )
    if not 1 <= args.people <= MAX_DEMO_PEOPLE:
        raise ValidationError(f"--people must be between 1 and {MAX_DEMO_PEOPLE}.")
    if not 0.25 <= args.years <= MAX_DEMO_YEARS:
        raise ValidationError(f"--years must be between 0.25 and {MAX_DEMO_YEARS:g}.")
    if path.exists():
        raise UserError(
            f"{path} already exists. Demo data goes into a new store: choose another --db."
        )
    started = time.perf_counter()
    with Desk.create(path, prompt) as desk:  # a failure leaves no half-made store
        build_demo(
            desk,
            people=args.people,
            years=args.years,
            seed=args.seed,
            progress=render.progress_printer(sys.stderr),
        )
        counts = dict(desk.counts().counts)
    seconds = time.perf_counter() - started
    print(
        f"Created a demo store at {path} in {seconds:.1f} s: "
        f"{count(counts['people'], 'person', 'people')}, "
        f"{count(counts['delegations'], 'delegation')}, {count(counts['promises'], 'promise')}, "
        f"{count(counts['1:1s'], '1:1')}."
    )
    print(f"Next: leaddesk --db {path} week")
    return 0


def check(args: argparse.Namespace, desk: Desk) -> int:
    """Integrity check, schema revision and counts; exit 1 on any problem."""
    try:
        desk.refuse_if_damaged()
    except StoreDamagedError as damaged:
        return _report_damage(desk.path, damaged)
    problems = desk.integrity_problems()
    revision = desk.revision()
    if revision != desk.current_revision():
        problems.append(f"schema revision {revision} is not the current {desk.current_revision()}")
    print(render.check_report(desk.path, revision, problems, desk.counts()))
    return EXIT_PROBLEMS if problems else 0


def _report_damage(path: Path, damaged: StoreDamagedError) -> int:
    """`leaddesk check` on a damaged store: what is wrong and what to do, no counts to read."""
    lines = [f"Store:     {path}", f"Integrity: {count(len(damaged.problems), 'problem')}"]
    lines += [f"  - {p}" for p in damaged.problems[:20]]
    if len(damaged.problems) > 20:
        lines.append(f"  … and {len(damaged.problems) - 20} more")
    lines.append(str(damaged))
    print("\n".join(lines))
    return EXIT_PROBLEMS


def backup(args: argparse.Namespace, desk: Desk) -> int:
    """An encrypted, timestamped copy."""
    folder = Path(args.to).expanduser() if args.to else None
    if folder is not None and folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} is a file, not a folder.")
    made = desk.backup(folder)
    print(f"Backed up to {made} (encrypted with the same key as the store).")
    return 0


def people(args: argparse.Namespace, desk: Desk) -> int:
    """One person a line, name first."""
    everyone = desk.people(include_archived=args.all)
    if not everyone:
        print("Nobody yet. Add your first direct report in the app.", file=sys.stderr)
    for line in render.people_lines(everyone):
        print(line)
    return 0


def week(args: argparse.Namespace, desk: Desk) -> int:
    """This week's principle, prompts, items and needs-attention."""
    day = parse_typed_date(args.date, desk.today(), "--date") if args.date else None
    focus = desk.week_focus(day)
    attention = desk.needs_attention(day)
    limit = None if args.all else render.MAX_ITEMS
    print(render.week_report(focus, attention, render.terminal_width(), day or desk.today(), limit))
    return 0


def add(args: argparse.Namespace, desk: Desk) -> int:
    """Quick capture from a terminal."""
    if args.what == "person":
        return add_person(args, desk)
    person = find_person(desk, args.person)
    text = " ".join(args.text).strip()
    if args.what == "note":
        desk.add_relationship_note(person.id, text)
        print(f"Added a note about {person.name}.")
    elif args.what == "promise":
        due = parse_typed_date(args.due, desk.today(), "--due") if args.due is not None else None
        direction = PromiseDirection.THEIRS if args.theirs else PromiseDirection.MINE
        desk.add_promise(person.id, direction, text, due_on=due)
        who = f"{person.name}'s promise to me" if args.theirs else f"my promise to {person.name}"
        print(f"Added {who}" + (f", due {due.isoformat()}." if due else " (no due date)."))
    elif args.what == "feedback":
        kind = FeedbackKind(args.kind) if args.kind else None
        desk.add_feedback(person.id, FeedbackDirection(args.direction), text, kind)
        print(f"Added feedback ({args.direction}) for {person.name}.")
    else:
        return _checkpoint(args, desk, person.id, person.name, text)
    return 0


def _checkpoint(args: argparse.Namespace, desk: Desk, person_id: int, name: str, text: str) -> int:
    delegation = _find_delegation(desk.delegations(person_id), args.delegation, name)
    outcome = CheckpointOutcome(args.outcome)
    planned = delegation.next_checkpoint
    checkpoint_id = planned.id if planned else desk.plan_checkpoint(delegation.id, desk.today())
    following = desk.complete_checkpoint(checkpoint_id, outcome, note=text)
    print(
        f"Recorded '{outcome.label}' on {delegation.title} ({name}). "
        f"Next checkpoint planned for {following.isoformat()}."
    )
    return 0


def _find_delegation(found: list[DelegationView], title: str, name: str) -> DelegationView:
    active = [d for d in found if d.state is DelegationState.ACTIVE]
    hits = match_name(active, title, lambda d: d.title)
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise ValidationError(
            f"'{title}' matches several of {name}'s delegations: "
            + "; ".join(d.title for d in hits)
            + "."
        )
    listed = "; ".join(d.title for d in active) or "none"
    raise ValidationError(f"{name} has no active delegation called '{title}'. Active: {listed}.")
