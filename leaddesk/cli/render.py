"""Plain-text rendering of read models for a terminal."""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TextIO

from leaddesk.reports import wording
from leaddesk.reports.item_wording import item_text
from leaddesk.services.action_item import ActionItem
from leaddesk.services.desk import StoreCounts
from leaddesk.services.focus import WeekFocus
from leaddesk.services.people import PersonSummary
from leaddesk.services.roster import FieldValue, RosterPlan

MAX_ITEMS = 15


def terminal_width() -> int:
    """The terminal's width, kept between 60 and 100 columns for readability."""
    return max(60, min(100, shutil.get_terminal_size((80, 24)).columns))


def people_lines(people: Iterable[PersonSummary]) -> list[str]:
    """Name first, then role, area and reporting line, aligned."""
    rows = list(people)
    width = max((len(p.name) for p in rows), default=0)
    out = []
    for p in rows:
        details = [p.role or "", p.area or ""]
        line = f"{p.name:<{width}}  " + "  ".join(d for d in details if d)
        if not p.is_direct_report:
            line += f"  (reports to {p.reports_to_name or 'someone archived'})"
        if p.archived:
            line += "  [archived]"
        out.append(line.rstrip())
    return out


def _items(
    found: Iterable[ActionItem], width: int, today: date | None, limit: int | None = MAX_ITEMS
) -> list[str]:
    rows = list(found)
    shown = rows if limit is None else rows[:limit]
    lines = []
    for item in shown:
        mark = "!" if item.overdue else "-"
        lines.extend(
            textwrap.wrap(
                f"{item.person_name}: {item_text(item, today)}",
                width=width,
                initial_indent=f"  {mark} ",
                subsequent_indent="    ",
            )
        )
    if len(rows) > len(shown):
        lines.append(f"    … and {len(rows) - len(shown):,} more (use --all)")
    return lines


def week_report(
    focus: WeekFocus,
    attention: list[ActionItem],
    width: int,
    today: date | None = None,
    limit: int | None = MAX_ITEMS,
) -> str:
    """The weekly focus and needs-attention, for a terminal (dates in `today`'s year lack it);
    each list cut at `limit` items (None: all)."""
    heading = (
        f"Week of {wording.full_day(focus.week_start)} — principle {int(focus.principle)} of 6: "
        f"{focus.title}"
    )
    lines = [heading, "=" * min(len(heading), width), ""]
    lines += textwrap.wrap(focus.intent, width=width)
    lines += ["", "Reflect on:"]
    for n, prompt in enumerate(focus.prompts, 1):
        lines += textwrap.wrap(
            prompt, width=width, initial_indent=f"  {n}. ", subsequent_indent="     "
        )
    if focus.reflection:
        lines += ["", "Your reflection so far:"]
        lines += textwrap.wrap(
            focus.reflection, width=width, initial_indent="  ", subsequent_indent="  "
        )
    lines += ["", f"This principle points at ({focus.points_at.rstrip('.')}):"]
    lines += _items(focus.items, width, today, limit) or ["  Nothing: well done."]
    lines += ["", f"Needs attention ({len(attention)}):"]
    lines += _items(attention, width, today, limit) or ["  Nothing overdue or due."]
    if any(i.overdue for i in [*focus.items, *attention]):
        lines += ["", "  ! = overdue"]
    return "\n".join(lines)


def check_report(path: Path, revision: str | None, problems: list[str], counts: StoreCounts) -> str:
    """The output of `leaddesk check` (counts as plain numbers, aligned in a column)."""
    lines = [
        f"Store:     {path}",
        f"Schema:    {revision}",
        "Integrity: " + ("ok" if not problems else wording.count(len(problems), "problem")),
    ]
    lines += [f"  - {p}" for p in problems]
    lines.append("Counts:")
    width = max(len(label) for label, _ in counts.counts)
    lines += [f"  {label:<{width}}  {n:>8,}" for label, n in counts.counts]
    return "\n".join(lines)


def progress_printer(stream: TextIO) -> Callable[[int, int], None]:
    """A progress callback that redraws one line on a terminal and stays quiet otherwise."""
    interactive = stream.isatty()

    def report(done: int, total: int) -> None:
        if interactive and total:
            stream.write(f"\rGenerating demo data… {100 * done // total:3d}%")
            if done >= total:
                stream.write("\n")
            stream.flush()

    return report


def _shown(value: FieldValue) -> str:
    """Dates as ISO, as the CSV file has them, so the user finds the cell."""
    if value is None:
        return "—"
    return value.isoformat() if isinstance(value, date) else repr(value)


def roster_plan_lines(plan: RosterPlan, ignored_columns: Iterable[str] = ()) -> list[str]:
    """One line per roster row: line number, what happens, who, and which fields change."""
    ignored = list(ignored_columns)
    out = [f"Ignored columns: {', '.join(ignored)}"] if ignored else []
    width = max((len(e.name) for e in plan.entries), default=0)
    for entry in plan.entries:
        line = f"line {entry.line:>4}  {entry.action.value:<9}  {entry.name:<{width}}"
        changes = [c for c in entry.changes if entry.person_id is not None or c.field != "name"]
        if changes:
            line += "  " + "; ".join(
                f"{c.field}: {_shown(c.old)} → {_shown(c.new)}"
                if entry.person_id is not None
                else f"{c.field}: {_shown(c.new)}"
                for c in changes
            )
        out.append(line.rstrip())
    return out
