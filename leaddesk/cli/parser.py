"""The argument parser: every subcommand accepts --db, and errors are one line."""

from __future__ import annotations

import argparse
import re
from typing import Any, NoReturn

from leaddesk import __version__
from leaddesk.cli.due_command import add_due_arguments
from leaddesk.domain.checkpoints import CheckpointOutcome
from leaddesk.domain.errors import UserError
from leaddesk.domain.feedback import FeedbackKind

# The forms leaddesk.domain.typed_dates reads, as --help says them.
DATES = "YYYY-MM-DD, today, tomorrow, fri, 2 Dec, +3d, +2w, +1m"


class UsageError(UserError):
    """The command line itself is wrong (unknown option, missing argument...)."""


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line on stderr and exit code 2, never a wall of text."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # `--date -1w` is a date counted back, as `-5` is a number: a value, not an option.
        self._negative_number_matcher = re.compile(r"^-\d+$|^-\d*\.\d+$|^-\d+ ?[a-z]+$")

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (try: {self.prog} --help)")


def _db_option(parser: argparse.ArgumentParser, top: bool) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        # Subcommands must not overwrite a --db given before the subcommand.
        default=None if top else argparse.SUPPRESS,
        help="the store file (default: $LEADDESK_DB, else your user data folder)",
    )


def _text(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument(
        "text", nargs="+" if required else "*", metavar="TEXT", help="the words (quotes optional)"
    )


def _person(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--person",
        required=True,
        metavar="NAME",
        help="who it is about (any case; a unique part of the name is enough)",
    )


def _export_to(exports: Any, name: str, help_text: str) -> argparse.ArgumentParser:
    """One `leaddesk export NAME --out FILE` command (json, ics; pdf plugs in the same way)."""
    parser: argparse.ArgumentParser = exports.add_parser(name, help=help_text)
    _db_option(parser, top=False)
    parser.add_argument(
        "--out",
        required=True,
        metavar="FILE",
        help="the file to write (replaced only once the new one is complete)",
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    """The whole command line of LeadDesk."""
    parser = OneLineParser(
        prog="leaddesk",
        description="LeadDesk: a private, encrypted dashboard for leading leaders.",
        epilog="Without a command, LeadDesk opens its window on the store.",
    )
    parser.add_argument("--version", action="version", version=f"LeadDesk {__version__}")
    _db_option(parser, top=True)
    parser.add_argument(
        "--demo", action="store_true", help="open the app on a throwaway store full of demo data"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (Qt, SQLCipher, keychain, migrations, PDF, ICS, icons) "
        "without a display and without opening your store; exit 1 if a check fails",
    )
    parser.add_argument(
        "--verbose", action="store_true", help="with --self-test: show the details of failures"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)

    init = sub.add_parser(
        "init",
        help="create a new, empty store where the app keeps it (or at --db PATH); its key goes "
        "into the OS keychain, else you choose a passphrase (or set LEADDESK_PASSPHRASE)",
    )
    _db_option(init, top=False)

    demo = sub.add_parser(
        "demo",
        help="create a new store full of realistic demo data at --db PATH (never your real store)",
    )
    _db_option(demo, top=False)
    demo.add_argument("--people", type=int, default=8, help="direct reports (default 8)")
    demo.add_argument("--years", type=float, default=2.0, help="years of history (default 2)")
    demo.add_argument("--seed", type=int, default=0, help="same seed, same data (default 0)")

    check = sub.add_parser("check", help="check the store: integrity, schema, counts")
    _db_option(check, top=False)

    backup = sub.add_parser("backup", help="write an encrypted, timestamped copy of the store")
    _db_option(backup, top=False)
    backup.add_argument("--to", metavar="DIR", help="folder for the copy (default: backups/)")

    restore = sub.add_parser(
        "restore", help="replace the store with a backup (the current store is kept first)"
    )
    _db_option(restore, top=False)
    restore.add_argument("backup", metavar="BACKUP", help="the backup file to restore")
    restore.add_argument("--yes", action="store_true", help="restore without asking")

    people = sub.add_parser("people", help="list people, one a line, name first")
    _db_option(people, top=False)
    people.add_argument("--all", action="store_true", help="include archived people")

    week = sub.add_parser("week", help="this week's principle, prompts and what needs attention")
    _db_option(week, top=False)
    week.add_argument(
        "--date",
        metavar="DATE",
        help=f"show the week of another day ({DATES}; -1w is a week back)",
    )
    week.add_argument(
        "--all", action="store_true", help="list every item (otherwise the first 15 of each list)"
    )

    due = sub.add_parser(
        "due", help="what is due: overdue, today, the next days (for a terminal or status bar)"
    )
    _db_option(due, top=False)
    add_due_arguments(due)

    add = sub.add_parser(
        "add", help="quick capture: a note, promise, feedback or checkpoint; or a new person"
    )
    _db_option(add, top=False)
    what = add.add_subparsers(
        dest="what", metavar="WHAT", required=True, parser_class=OneLineParser
    )

    _add_person(what)

    note = what.add_parser("note", help="a relationship note about a person")
    _db_option(note, top=False)
    _person(note)
    _text(note)

    promise = what.add_parser("promise", help="a promise, mine (default) or theirs")
    _db_option(promise, top=False)
    _person(promise)
    side = promise.add_mutually_exclusive_group()
    side.add_argument(
        "--mine",
        dest="theirs",
        action="store_false",
        default=False,
        help="I promised them (default)",
    )
    side.add_argument("--theirs", dest="theirs", action="store_true", help="they promised me")
    promise.add_argument(
        "--due", metavar="DATE", help=f"{DATES} (a weekday or a day is the next one)"
    )
    _text(promise)

    feedback = what.add_parser("feedback", help="feedback given, received or solicited")
    _db_option(feedback, top=False)
    _person(feedback)
    direction = feedback.add_mutually_exclusive_group(required=True)
    for name, meaning in (
        ("given", "I gave them"),
        ("received", "they gave me"),
        ("solicited", "I asked them for it"),
    ):
        direction.add_argument(
            f"--{name}", dest="direction", action="store_const", const=name, help=meaning
        )
    feedback.add_argument("--kind", choices=[k.value for k in FeedbackKind])
    _text(feedback)

    checkpoint = what.add_parser("checkpoint", help="the outcome of a checkpoint")
    _db_option(checkpoint, top=False)
    _person(checkpoint)
    checkpoint.add_argument(
        "--delegation",
        required=True,
        metavar="TITLE",
        help="which delegation (a unique part of its title is enough)",
    )
    checkpoint.add_argument(
        "--outcome", required=True, choices=[o.value for o in CheckpointOutcome]
    )
    _text(checkpoint, required=False)

    export = sub.add_parser("export", help="write the store, or part of it, to a file")
    _db_option(export, top=False)
    exports = export.add_subparsers(
        dest="what", metavar="FORMAT", required=True, parser_class=OneLineParser
    )
    pdf = _export_to(exports, "pdf", "a PDF: one person (--person) or the team (--team)")
    who = pdf.add_mutually_exclusive_group(required=True)
    who.add_argument(
        "--person", metavar="NAME", help="their one-pager (a unique part of the name is enough)"
    )
    who.add_argument("--team", action="store_true", help="every direct report, on one page or more")
    pdf.add_argument(
        "--shareable",
        action="store_true",
        help="the agreement sheet to hand to the person: no trust scores, assessments or notes",
    )
    pdf.add_argument(
        "--page-size",
        choices=["A4", "Letter"],
        help="paper size (default: the one in Settings, A4 unless changed)",
    )
    _export_to(exports, "json", "everything, as a versioned JSON file (import json reads it)")
    ics = _export_to(
        exports,
        "ics",
        "open checkpoints, promise due dates and each person's next 1:1 for a calendar app (.ics)",
    )
    ics.add_argument(
        "--include-notes",
        action="store_true",
        help="add the items' own notes, and let alarms name what is due (never relationship "
        "notes, private 1:1 notes or assessments)",
    )
    ics.add_argument(
        "--todos",
        action="store_true",
        help="also write promise due dates as to-dos, for apps with task lists (the all-day "
        "events are always written: Google Calendar and Outlook drop to-dos)",
    )
    alarms = ics.add_mutually_exclusive_group()
    alarms.add_argument(
        "--alarm",
        type=int,
        metavar="MINUTES",
        help="remind this many minutes before the due day starts, on checkpoints and your own "
        "promises (default: the setting, 420 = the day before at 17:00 unless changed)",
    )
    alarms.add_argument("--no-alarm", action="store_true", help="write no alarms")

    import_ = sub.add_parser("import", help="bring data in: a JSON export or a CSV roster")
    _db_option(import_, top=False)
    imports = import_.add_subparsers(
        dest="what", metavar="FORMAT", required=True, parser_class=OneLineParser
    )
    from_json = imports.add_parser(
        "json", help="create a NEW store (--db) from a file written by export json"
    )
    _db_option(from_json, top=False)
    from_json.add_argument("file", metavar="FILE", help="the JSON export to read")
    roster = imports.add_parser(
        "roster",
        help="add or update people from a CSV file (name, role, area, email, reports-to, "
        "in-role-since)",
    )
    _db_option(roster, top=False)
    roster.add_argument("file", metavar="FILE", help="the CSV roster (UTF-8, comma or semicolon)")
    roster.add_argument(
        "--dry-run", action="store_true", help="show who would be added or updated; write nothing"
    )
    _key_commands(sub)
    _search_command(sub)
    return parser


def _add_person(what: Any) -> None:
    """`leaddesk add person NAME [...]` (run by cli/person_commands.py)."""
    person = what.add_parser("person", help="a new person: a direct report unless --reports-to")
    _db_option(person, top=False)
    person.add_argument("name", nargs="+", metavar="NAME", help="their name (quotes optional)")
    person.add_argument("--role", metavar="ROLE", help="e.g. 'VP Engineering'")
    person.add_argument("--area", metavar="AREA", help="e.g. 'Platform'")
    person.add_argument("--email", metavar="EMAIL", help="their e-mail address")
    person.add_argument(
        "--reports-to",
        metavar="NAME",
        help="their manager, someone already in LeadDesk (a unique part of the name is enough)",
    )
    person.add_argument(
        "--started",
        metavar="DATE",
        help=f"in the role since ({DATES}; a weekday or a day is the last one)",
    )
    person.add_argument(
        "--rhythm",
        type=int,
        metavar="DAYS",
        help="meet them for a 1:1 every DAYS days (1-365; default: the 1:1 interval of Settings, "
        "or the skip-level interval for skip-levels)",
    )


def _positive(text: str) -> int:
    """A whole number of 1 or more (argparse makes the error a one-line usage error)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of 1 or more")
    return value


def _search_command(sub: Any) -> None:
    """`leaddesk search QUERY [--person NAME] [--limit N]` (run by cli/search_command.py)."""
    search = sub.add_parser(
        "search", help="find people and anything you wrote (notes, promises, 1:1s...), best first"
    )
    _db_option(search, top=False)
    search.add_argument(
        "query",
        nargs="+",
        metavar="QUERY",
        help="words to find (any case and accents; the last may be the start of a word)",
    )
    search.add_argument(
        "--person", metavar="NAME", help="only their records (a unique part of the name is enough)"
    )
    search.add_argument(
        "--limit", type=_positive, default=20, metavar="N", help="at most N hits (default 20)"
    )


def _key_commands(sub: Any) -> None:
    """`leaddesk key passphrase` and `leaddesk key keychain` (run by cli/key_commands.py)."""
    key = sub.add_parser("key", help="change the passphrase, or move the key into the keychain")
    _db_option(key, top=False)
    what = key.add_subparsers(
        dest="what", metavar="WHAT", required=True, parser_class=OneLineParser
    )
    for name, help_text in (
        (
            "passphrase",
            "protect the store with a new passphrase (asks the current one first; automation: "
            "LEADDESK_PASSPHRASE and LEADDESK_NEW_PASSPHRASE)",
        ),
        ("keychain", "replace the passphrase by a random key kept in the OS keychain"),
    ):
        _db_option(what.add_parser(name, help=help_text), top=False)
