"""The exchange commands: export (json, ics) and import (json, roster)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import cast

from leaddesk.cli import render
from leaddesk.cli.parser import UsageError
from leaddesk.cli.person_commands import find_person
from leaddesk.domain.calendar_alarms import DEFAULT_LEAD_MINUTES, MAX_LEAD_MINUTES, alarm_moment
from leaddesk.reports.atomic import check_target
from leaddesk.reports.wording import count
from leaddesk.security.keys import PassphrasePrompt
from leaddesk.services.desk import Desk
from leaddesk.services.roster import RosterAction

SUFFIXES = {"pdf": (".pdf", "a PDF"), "json": (".json", "a JSON"), "ics": (".ics", "an ICS")}


def export(args: argparse.Namespace, desk: Desk) -> int:
    """`leaddesk export FORMAT --out FILE`."""
    check_out(args.what, Path(args.out), desk.path)
    return EXPORTS[args.what](args, desk)


def check_out(what: str, target: Path, store: Path) -> None:
    """Refuse an --out that would replace the store (said first: it matters most), then one
    whose name says another kind of file (a PDF in `x.txt` opens nowhere)."""
    check_target(target, protect=store)
    suffix, kind = SUFFIXES[what]
    if target.suffix.lower() != suffix:
        raise UsageError(
            f"--out {target.name}: {kind} export goes into a {suffix} file; "
            f"give a name ending in {suffix}, e.g. {target.with_suffix(suffix).name}."
        )


def export_json(args: argparse.Namespace, desk: Desk) -> int:
    """Every table, as the versioned JSON exchange file."""
    from leaddesk.reports.exchange_json import export_json as write

    done = write(desk, Path(args.out))
    print(f"Exported {count(done.rows, 'row')} in {count(done.tables, 'table')} to {done.path}.")
    return 0


def export_ics(args: argparse.Namespace, desk: Desk) -> int:
    """Open checkpoints and promise due dates, for a calendar app."""
    from leaddesk.reports.calendar_ics import export_ics as write

    lead = 0 if args.no_alarm else args.alarm
    if lead is not None and not 0 <= lead <= MAX_LEAD_MINUTES:
        raise UsageError(
            f"--alarm {lead}: give the minutes before the due day, from 0 (no alarms) "
            f"to {MAX_LEAD_MINUTES} (two weeks), e.g. --alarm {DEFAULT_LEAD_MINUTES}."
        )
    done = write(
        desk, Path(args.out), include_notes=args.include_notes, todos=args.todos, alarm_minutes=lead
    )
    if lead is None:
        lead = desk.settings().ics_alarm_lead_minutes
    notes = " with their notes" if args.include_notes else ""
    todos = " (also as to-dos)" if args.todos and done.promises else ""
    print(
        f"Exported {count(done.checkpoints, 'checkpoint')}, "
        f"{count(done.promises, 'promise due date')}{todos}{notes} and "
        f"{count(done.one_on_ones, 'next 1:1')} to {done.path}."
    )
    if lead:
        print(f"Alarms: {alarm_moment(lead)}, on checkpoints and your own promises.")
    elif args.no_alarm:
        print("No alarms.")
    else:
        print("No alarms: they are off in Settings (--alarm MINUTES adds them to this file).")
    return 0


def export_pdf(args: argparse.Namespace, desk: Desk) -> int:
    """A person's one-pager (private, or the shareable agreement sheet) or the team's."""
    from leaddesk.reports.pdf_layout import PageSizeName, ensure_gui_application

    settings = desk.settings()
    # argparse and the settings both allow only A4 and Letter.
    page_size = cast(PageSizeName, args.page_size or settings.page_size)
    target = Path(args.out)
    ensure_gui_application()
    if args.team:
        if args.shareable:
            raise UsageError(
                "The team one-pager shows trust scores, so it has no shareable flavour; "
                "use --shareable with --person."
            )
        from leaddesk.reports.pdf_team import write_team_pdf

        written = write_team_pdf(desk, target, page_size=page_size)
        print(f"Team one-pager ({page_size}) written to {written}.")
        return 0
    from leaddesk.reports.pdf_person import write_person_pdf

    person = find_person(desk, args.person)
    written = write_person_pdf(
        desk,
        person.id,
        target,
        shareable=args.shareable,
        page_size=page_size,
        leader_name=settings.your_name,
    )
    flavour = "shareable agreement sheet" if args.shareable else "private one-pager"
    print(f"{person.name}: {flavour} ({page_size}) written to {written}.")
    return 0


EXPORTS: dict[str, Callable[[argparse.Namespace, Desk], int]] = {
    "pdf": export_pdf,
    "json": export_json,
    "ics": export_ics,
}


def import_json(args: argparse.Namespace, path: Path, prompt: PassphrasePrompt) -> int:
    """A new store at --db from a JSON export, loaded in one transaction."""
    from leaddesk.reports.exchange_json import import_json as load

    done = load(Path(args.file).expanduser(), path, prompt)
    rows = f"{count(done.rows, 'row')} in {count(done.tables, 'table')}"
    print(f"Imported {rows} into a new store at {done.path}.")
    return 0


def import_roster(args: argparse.Namespace, desk: Desk) -> int:
    """People from a CSV roster: previewed with --dry-run, else applied in one transaction."""
    from leaddesk.reports.roster_csv import plan_roster_file

    source = Path(args.file).expanduser()
    roster, plan = plan_roster_file(desk, source)
    if args.dry_run:
        for line in render.roster_plan_lines(plan, roster.ignored_columns):
            print(line)
    else:
        plan = desk.apply_roster(plan)
    added, updated, unchanged = (plan.count(action) for action in RosterAction)
    if args.dry_run:
        print(
            f"Roster {source}: would add {added:,}, update {updated:,}, leave {unchanged:,} "
            "unchanged (dry run: nothing was written)."
        )
    else:
        print(f"Roster {source}: added {added:,}, updated {updated:,}, {unchanged:,} unchanged.")
    return 0
