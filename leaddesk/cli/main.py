"""Entry point: parse, open the store, run the command, turn user errors into one line."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from leaddesk.cli.parser import UsageError, build_parser
from leaddesk.domain.errors import UserError

EXIT_BAD_INPUT = 2


def default_store() -> Path:
    """$LEADDESK_DB, else leaddesk.db in the user data folder."""
    env = os.environ.get("LEADDESK_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("LeadDesk", appauthor=False)) / "leaddesk.db"


def terminal_prompt(new: bool) -> str:
    """Ask for the passphrase on the terminal (twice for a new store); '' when not interactive."""
    if not sys.stdin.isatty():
        return ""
    from leaddesk.security.keys import check_new_passphrase

    if not new:
        return getpass.getpass("Passphrase for this LeadDesk store: ")
    print("No OS keychain is available: choose a passphrase for this new store.", file=sys.stderr)
    first = getpass.getpass("New passphrase (8+ characters): ")
    check_new_passphrase(first)
    if getpass.getpass("Repeat it: ") != first:
        raise UserError("The two passphrases differ; nothing was created.")
    return first


def has_display() -> bool:
    """Whether a window can be shown (always on macOS/Windows; X11/Wayland on Linux)."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or os.environ.get("QT_QPA_PLATFORM")
    )


def open_window(path: Path, demo: bool, in_tray: bool = False) -> int:
    """Start the desktop app (the default with no command)."""
    if not has_display():
        raise UserError(
            "No display found, so the window cannot open. Run LeadDesk in a desktop session; "
            "terminal commands: leaddesk --help"
        )
    from leaddesk.ui.app import run_app

    return run_app(path, demo=demo, in_tray=in_tray)


def self_test(args: argparse.Namespace) -> int:
    """`leaddesk --self-test`: checks the installation on scratch files; never opens a store."""
    if not args.self_test:
        raise UsageError("--verbose goes with --self-test.")
    if args.command is not None or args.demo or args.db:
        raise UsageError("--self-test checks this installation and opens no store; use it alone.")
    from leaddesk.diagnostics.self_test import run

    return run(verbose=args.verbose)


def check_arguments(argv: Sequence[str]) -> None:
    """Refuse arguments that are not valid UTF-8 (Python keeps their bytes as lone surrogates,
    which no store, terminal or file can take) before anything runs."""
    for position, argument in enumerate(argv, start=1):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            raise UserError(
                f"Argument {position} is not valid UTF-8 text, so nothing was done. Set your "
                "terminal to UTF-8 (e.g. LANG=en_US.UTF-8) and type it again."
            ) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run `leaddesk`; returns the exit code (0 ok, 1 check found problems, 2 bad input)."""
    parser = build_parser()
    try:
        check_arguments(sys.argv[1:] if argv is None else argv)
        args = parser.parse_args(argv)
        if args.self_test or args.verbose:
            return self_test(args)
        path = Path(args.db).expanduser() if args.db else default_store()
        if args.command is None:
            return open_window(path, args.demo, args.tray)
        if args.demo or args.tray:
            raise UsageError("--demo and --tray open the app; they do not go with a command.")
        from leaddesk.cli import commands  # not on the way to the window: it loads the services
        from leaddesk.logs import setup_logging

        setup_logging()
        return commands.run(args, path, terminal_prompt)
    except UserError as error:
        print(f"leaddesk: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("leaddesk: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `leaddesk people | head`: the reader went away; not an error worth a traceback.
        sys.stderr.close()
        return 0
    except Exception as error:  # the last resort: a bug, said in one line, its frames logged
        from leaddesk.logs import record_fault

        log = record_fault(error, "A command failed")
        print(
            "leaddesk: an internal fault stopped this command (a bug, not your doing; nothing "
            f"half-written was kept). Details without private text are in {log}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
