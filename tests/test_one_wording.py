"""The house rule of issue 12: dates, durations and counts are worded in one place.

Seven hand-written copies once disagreed ('2 y 8 m' beside '2 years 7 months', '1 days ago',
'1 direct reports'): every screen, report and command words them through
leaddesk/reports/wording.py. These tests read the source, so a new copy fails here, with its line.
"""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "leaddesk"
WORDING = PACKAGE / "reports" / "wording.py"
# What a person reads is made by ui, reports and the cli.
SURFACES = ("ui", "reports", "cli")
# ISO dates where a machine or a sort reads them; every other date goes through the wording.
MACHINE_DATES = {
    "reports/exchange_json.py": "the JSON exchange file",
    "ui/exports/export_menu.py": "suggested file names, which sort by date",
    "ui/exports/roster_plan_model.py": "roster preview: the CSV cell as the file has it",
    "cli/render.py": "roster preview: the CSV cell as the file has it",
    "cli/commands.py": "`add` echoes the exact date a --due resolved to, for scripts",
    "cli/person_commands.py": "`add person` echoes the exact start date --started resolved to",
    "cli/due_command.py": "`due --json`, read by scripts and status bars",
}

HAND_FORMATTED_DATE = re.compile(r"strftime\(|\{[^{}\n]*:%[a-zA-Z]")
ISO_DATE = re.compile(r"\.isoformat\(\)")
HAND_PLURAL = re.compile(
    r"""['"](s|y|ies)?['"] if [^\n]*[!=<>]=? ?1\b"""  # f"{n} day{'s' if n != 1 else ''}"
    r"""|else ['"](s|ies)['"]"""  # f"{n} topic{'' if n == 1 else 's'}"
    r"""|['"]person['"] if"""  # 'person' if n == 1 else 'people'
)


def surface_modules() -> list[Path]:
    """Every module that words something for a person, except the wording itself."""
    return sorted(
        path for folder in SURFACES for path in (PACKAGE / folder).rglob("*.py") if path != WORDING
    )


def offending_lines(pattern: re.Pattern[str], allowed: dict[str, str] | None = None) -> list[str]:
    found = []
    for path in surface_modules():
        name = path.relative_to(PACKAGE).as_posix()
        if allowed and name in allowed:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{name}:{number}: {line.strip()}")
    return found


def test_no_date_is_formatted_by_hand() -> None:
    assert offending_lines(HAND_FORMATTED_DATE, MACHINE_DATES) == [], (
        "word dates with leaddesk.reports.wording (day, weekday, full_day, month, clock, moment)"
    )


def test_iso_dates_appear_only_where_a_machine_or_a_sort_reads_them() -> None:
    assert offending_lines(ISO_DATE, MACHINE_DATES) == [], (
        "a person reads this date: use wording.day(); a machine reads it: list the module in "
        "MACHINE_DATES with the reason"
    )


def test_no_plural_is_made_by_hand() -> None:
    assert offending_lines(HAND_PLURAL) == [], "use wording.count(n, 'thing') or wording.plural()"


def test_the_rules_catch_the_copies_they_replaced() -> None:
    """The patterns themselves: a rule that matches nothing proves nothing."""
    copies = [
        "return f\"{since:%b %Y} · {span or 'new'}\"",
        'return row.info.made_at.astimezone().strftime("%Y-%m-%d %H:%M")',
    ]
    assert all(HAND_FORMATTED_DATE.search(line) for line in copies)
    assert ISO_DATE.search('Column("Date", lambda a: a.on.isoformat())')
    plurals = [
        "f\"{o.clarity_gaps} clarity gap{'s' if o.clarity_gaps != 1 else ''}\"",
        "f\"+{more} more success factor{'s' if more > 1 else ''}\"",
        "count = f\"{len(topics)} open topic{'' if len(topics) == 1 else 's'}\"",
        "f\"{'person' if len(self.lanes) == 1 else 'people'} · \"",
        'plural = "s" if carried != 1 else ""',
    ]
    assert all(HAND_PLURAL.search(line) for line in plurals)
    assert not HAND_PLURAL.search("wording.count(gaps, 'clarity gap')")
