"""`leaddesk search QUERY [--person NAME] [--limit N]`: the Ctrl+K hits, in a terminal.

The terminal is the user at their own desk, so private hits are listed too, each marked
"(private)" so a shared screen or a pasted output is read knowingly. Matches are bold on a terminal
and in [brackets] otherwise (a pipe, a file, a cron mail).
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Callable
from datetime import date
from typing import TextIO

from leaddesk.cli import render
from leaddesk.cli.person_commands import find_person
from leaddesk.domain.search import SearchHit, Spans
from leaddesk.reports import wording
from leaddesk.services.desk import Desk

# Marks around a match while wrapping (control characters no text holds), replaced afterwards.
_OPEN, _CLOSE = "\x0e", "\x0f"
_BOLD, _PLAIN = "\x1b[1m", "\x1b[0m"


def search(args: argparse.Namespace, desk: Desk) -> int:
    """Print the hits, best first; "No matches" is an answer, not an error (exit 0)."""
    person = find_person(desk, args.person) if args.person else None
    query = " ".join(args.query)
    hits = desk.search(query, person_id=person.id if person else None, limit=args.limit)
    where = f" in {person.name}'s records" if person else ""
    if not hits:
        print(f"No matches for “{query.strip()}”{where}.")
        return 0
    print("\n".join(hit_lines(hits, render.terminal_width(), sys.stdout, desk.today())))
    return 0


def hit_lines(hits: list[SearchHit], width: int, stream: TextIO, today: date) -> list[str]:
    """Each hit: kind, date ('3 Dec', '3 Dec 2025' as elsewhere), person and title on one line,
    its snippet indented below."""
    bold = stream.isatty()
    out: list[str] = []
    for hit in hits:
        head = [hit.kind.label, wording.day(hit.on, today) if hit.on else "", hit.person_name]
        if hit.title and hit.title not in (hit.kind.label, hit.person_name):
            head.append(hit.title)
        line = " · ".join(part for part in head if part)
        out.append(line + ("  (private)" if hit.private else ""))
        text = _marked(hit.snippet)
        if text.replace(_OPEN, "").replace(_CLOSE, "").strip():
            for wrapped in textwrap.wrap(
                text,
                width=width,
                initial_indent="    ",
                subsequent_indent="    ",
                break_long_words=False,
            ):
                out.append(_shown(wrapped, bold))
    return out


def _marked(spans: Spans) -> str:
    return "".join(f"{_OPEN}{text}{_CLOSE}" if hit else text for text, hit in spans)


def _shown(line: str, bold: bool) -> str:
    """A wrapped line with its marks as bold (terminal) or brackets. A match is one word, and
    words are never broken, so both marks of a match are on the same line."""
    start, end = (_BOLD, _PLAIN) if bold else ("[", "]")
    return line.replace(_OPEN, start).replace(_CLOSE, end)


def upgrade_printer(stream: TextIO) -> Callable[[int, int], None]:
    """Progress of a store upgrade's long step on one redrawn line of a terminal; quiet when the
    output is not a terminal (a cron job's mail gets no carriage returns)."""
    interactive = stream.isatty()

    def report(done: int, total: int) -> None:
        if interactive and total:
            stream.write(
                f"\rUpgrading the store: building the search index… {100 * done // total:3d}%"
            )
            if done >= total:
                stream.write("\n")
            stream.flush()

    return report
