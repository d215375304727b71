"""`leaddesk due [--days N] [--json]`: what is due, for a terminal, a cron job or a status bar.

The same list the tray and the notifications use (Desk.due_items): overdue first, then today,
then the next N days (default 7). Exit 0 whenever it ran, whatever it found; 2 on bad input.

`--json` prints one object, a stable shape for scripts (fields are only ever added):

    {"version": 1, "today": "2026-11-25", "days": 7,
     "counts": {"overdue": 1, "today": 2, "upcoming": 3, "due_now": 3},
     "items": [{"when": "overdue" | "today" | "upcoming",
                "kind": "promise" | "checkpoint" | "one_on_one" | "feedback",
                "due": "2026-11-23", "days": -2,   # days from today; negative when overdue
                "person": "Ana Lima", "person_id": 4,
                "id": 17 | null,                   # the promise, checkpoint or request
                "what": "Send the budget", "text": "My promise: Send the budget"}]}

`id` is null for a 1:1 (it is about the person); `what` is the user's own words, `text` the
line the terminal prints.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from leaddesk.domain.errors import UserError

if TYPE_CHECKING:
    from leaddesk.services.action_item import ActionItem
    from leaddesk.services.desk import Desk
    from leaddesk.services.due import DueList

DEFAULT_DAYS = 7
JSON_VERSION = 1


def days_argument(text: str) -> int:
    """--days: a whole number of days ahead, 0 to 366 (argparse's `type`)."""
    from leaddesk.services.due import MAX_DUE_DAYS

    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number of days, not {text!r}") from None
    if not 0 <= days <= MAX_DUE_DAYS:
        raise argparse.ArgumentTypeError(f"must be between 0 and {MAX_DUE_DAYS}, not {days}")
    return days


def add_due_arguments(due: argparse.ArgumentParser) -> None:
    """The options of `leaddesk due` (cli/parser.py registers the command)."""
    due.add_argument(
        "--days",
        type=days_argument,
        default=DEFAULT_DAYS,
        metavar="N",
        help=f"how many days ahead to look (0-366, default {DEFAULT_DAYS})",
    )
    due.add_argument("--json", action="store_true", help="print JSON for scripts (stable shape)")


def due(args: argparse.Namespace, desk: Desk) -> int:
    """Print what is due; exit 0 whatever it found."""
    days = getattr(args, "days", DEFAULT_DAYS)
    if not isinstance(days, int):
        raise UserError("--days must be a whole number of days.")
    found = desk.due_items(days=days)
    print(due_json(found) if args.json else due_text(found))
    return 0


def due_text(found: DueList) -> str:
    """Overdue / Today / Next N days, each line: when, who, what."""
    from leaddesk.reports.due_wording import due_what, due_when
    from leaddesk.reports.wording import plural

    today = found.today
    ahead = f"Next {found.days} {plural(found.days, 'day')}"
    groups = (("Overdue", found.overdue), ("Today", found.due_today), (ahead, found.upcoming))
    if not found.all:
        span = "today" if found.days == 0 else f"today or in the next {ahead[5:]}"
        return f"Nothing is overdue or due {span}."
    rows = [(due_when(i.on or today, today), i.person_name, due_what(i, today)) for i in found.all]
    when_width = max(len(r[0]) for r in rows)
    who_width = min(30, max(len(r[1]) for r in rows))
    lines: list[str] = []
    position = 0
    for title, group in groups:
        if title == ahead and found.days == 0:
            continue
        if lines:
            lines.append("")
        lines.append(f"{title} ({len(group)})" if group else f"{title}: nothing")
        for _ in group:
            when, who, what = rows[position]
            position += 1
            lines.append(f"  {when:<{when_width}}  {who:<{who_width}}  {what}")
    return "\n".join(lines)


def due_json(found: DueList) -> str:
    """The documented JSON shape (see the module docstring)."""
    from leaddesk.reports.due_wording import JSON_KINDS, due_what

    today = found.today

    def entry(when: str, item: ActionItem) -> dict[str, object]:
        on = item.on or today
        return {
            "when": when,
            "kind": JSON_KINDS.get(item.kind, item.kind.name.lower()),
            "due": on.isoformat(),
            "days": (on - today).days,
            "person": item.person_name,
            "person_id": item.person_id,
            "id": item.ref_id,
            "what": item.subject,
            "text": due_what(item, today),
        }

    payload = {
        "version": JSON_VERSION,
        "today": today.isoformat(),
        "days": found.days,
        "counts": {
            "overdue": len(found.overdue),
            "today": len(found.due_today),
            "upcoming": len(found.upcoming),
            "due_now": found.now_count,
        },
        "items": [entry("overdue", i) for i in found.overdue]
        + [entry("today", i) for i in found.due_today]
        + [entry("upcoming", i) for i in found.upcoming],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
