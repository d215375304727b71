"""What every part of the builder shares: the world being built, the dates, the text filling.

The builder is split into mixins (`meetings`, `promises`, `delegations`, `feedback`) only to keep
modules small; they all draw from the one `rng` held here, so the call order in `Builder` alone
decides the data.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from leaddesk.demo.stories import DemoWorld
from leaddesk.demo.texts_areas import Area
from leaddesk.domain.focus import week_start
from leaddesk.services.bulk import Row

DAY = timedelta(days=1)


def _lower_first(text: str) -> str:
    """'Month-end close' -> 'month-end close', but 'SOC 2 audit' stays."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def add_row(rows: list[Row], **values: object) -> Row:
    """Append a row with the next id of its table (ids are explicit: children refer to them)."""
    values["id"] = len(rows) + 1
    rows.append(values)
    return values


class BuilderBase:
    """The state of one world in the making; every random draw comes from `rng`."""

    def __init__(self, rng: random.Random, today: date, years: float) -> None:
        self.rng = rng
        self.today = today
        self.span = max(7, round(years * 365.25))
        self.start = today - timedelta(days=self.span)
        self.focus_start = week_start(self.start)
        self.world = DemoWorld(settings={"focus_start": self.focus_start.isoformat()})
        busy = today - timedelta(days=rng.randint(200, max(200, min(700, self.span))))
        self.busy = (busy, busy + timedelta(days=90))  # a rough quarter: my promises slipped
        self.used_names: set[int] = set()
        self.joined: list[tuple[date, str]] = []

    def _text(self, template: str, area: Area, day: date, work: str | None = None) -> str:
        """Fill {work}, {team}, {year} and {q} in a template from the person's area."""
        if "{" not in template:
            return template
        fields: dict[str, object] = {
            "team": self.rng.choice(area.teams),
            "year": day.year,
            "q": (day.month - 1) // 3 + 1,
        }
        if "{work}" in template:
            work = work or self.rng.choice(area.work)[0].format(**fields)
            fields["work"] = _lower_first(work)
        return template.format(**fields)
