"""`leaddesk restore BACKUP [--yes]`: put a backup in place of the store, the current one kept."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from leaddesk.domain.errors import UserError
from leaddesk.reports.wording import count
from leaddesk.security.keys import PassphrasePrompt
from leaddesk.services.backups import BackupSummary, restore_store


def describe(contents: BackupSummary) -> str:
    """What a backup holds, in a few words."""
    return (
        f"{count(contents.people, 'person', 'people')}, "
        f"{count(contents.delegations, 'delegation')}, {count(contents.promises, 'promise')}, "
        f"{count(contents.one_on_ones, '1:1')}"
    )


def restore(args: argparse.Namespace, path: Path, prompt: PassphrasePrompt) -> int:
    """Check the backup, ask (unless --yes), keep the current store, restore, open once."""
    source = Path(args.backup).expanduser()
    folder = path.parent / "backups"

    def confirm(contents: BackupSummary) -> bool:
        if args.yes:
            return True
        if not sys.stdin.isatty():
            raise UserError(
                "Restoring replaces the data in the store: pass --yes to confirm when not "
                "running at a terminal. Nothing was changed."
            )
        kept = (
            f"The current store is kept first as a pre-restore backup in {folder}."
            if path.exists()
            else "There is no store at that path yet."
        )
        print(
            f"Restore {source} ({describe(contents)}) into {path}?\n"
            f"This replaces the data in the store. {kept}",
            file=sys.stderr,
        )
        try:
            answer = input("Restore? [y/N] ")
        except EOFError:
            answer = ""
        return answer.strip().lower() in ("y", "yes")

    done = restore_store(path, source, prompt, confirm=confirm)
    if done is None:
        print("Not restored; nothing was changed.", file=sys.stderr)
        return 1
    print(f"Restored {source} into {path}: {describe(done.contents)}.")
    if done.kept is not None:
        print(f"The data it replaced is kept in {done.kept} (restore that to go back).")
    return 0
