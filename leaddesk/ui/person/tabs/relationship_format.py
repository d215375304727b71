"""How 1:1s, agenda topics and relationship notes are shown (presenter mode decides what exists)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor

from leaddesk.reports import wording
from leaddesk.services.meetings import OneOnOneView, TopicView
from leaddesk.services.relationship_notes import RelationshipNoteView
from leaddesk.ui import theme
from leaddesk.ui.common.column_table_model import Column, ColumnTableModel
from leaddesk.ui.person.tabs.tab_parts import DATE_SAMPLE, day, energy_dots, esc, first_line

PRIVATE_TIP = "Private — only you see this; hidden in presenter mode."
TOPICS_EMPTY = (
    "Nothing on the agenda yet. Type a topic above; anything not discussed carries "
    "forward to the next 1:1."
)


def energy_text(o: OneOnOneView) -> str:
    """'Energy 3 of 5' for tooltips and screen readers."""
    return f"Energy {o.energy} of 5" if o.energy is not None else "Energy not recorded"


def one_on_one_columns(presenter: bool) -> list[Column[OneOnOneView]]:
    """Date | Energy | Shared notes | Private notes | Discussed; while presenting, without the
    two private columns (energy and private notes)."""
    columns: list[Column[OneOnOneView]] = [Column("Date", lambda o: day(o.held_on))]
    if not presenter:
        columns.append(Column("Energy", lambda o: energy_dots(o.energy), tooltip=energy_text))
    columns.append(Column("Shared notes", lambda o: first_line(o.shared_notes)))
    if not presenter:
        columns.append(
            Column(
                "Private notes",
                lambda o: ("private · " + first_line(o.private_notes)) if o.private_notes else "",
                tooltip=lambda o: f"{PRIVATE_TIP}\n\n{o.private_notes}" if o.private_notes else "",
                color=lambda _o: theme.mine_color(),
                icon=lambda o: theme.icon("lock") if o.private_notes else None,
            )
        )
    columns.append(
        Column(
            "Discussed",
            lambda o: wording.count(len(o.discussed), "topic") if o.discussed else "",
            tooltip=lambda o: "\n".join(o.discussed) if o.discussed else "No topics recorded",
        )
    )
    return columns


def one_on_one_sizing(presenter: bool) -> tuple[set[int], dict[int, str]]:
    """The 1:1 history's stretching columns and the samples the others are sized for."""
    if presenter:
        return {1}, {0: DATE_SAMPLE, 2: "12 topics"}
    return {2, 3}, {0: DATE_SAMPLE, 1: "●●●●●", 4: "12 topics"}


def one_on_one_tooltip(o: OneOnOneView, presenter: bool) -> str:
    """Shared notes in full (never the private ones; energy only outside presenter mode)."""
    energy = "" if presenter else f" · {energy_text(o)}"
    return f"1:1 on {day(o.held_on)}{energy}\n\n{o.shared_notes}".strip()


def one_on_one_html(o: OneOnOneView, presenter: bool) -> str:
    """The detail pane for a 1:1; energy and private notes only outside presenter mode."""
    energy = "" if presenter else f" · {esc(energy_text(o))} {energy_dots(o.energy)}"
    parts = [
        f"<b>1:1 on {day(o.held_on)}</b>{energy}",
        "<p style='margin-top:6px'><b>Shared notes</b><br>"
        + (esc(o.shared_notes) if o.shared_notes else "<i>none</i>")
        + "</p>",
    ]
    if not presenter and o.private_notes:
        parts.append(
            f"<p><b style='color:{theme.mine_color().name()}'>Private notes</b> "
            f"<i>(private — only you see this)</i><br>{esc(o.private_notes)}</p>"
        )
    if o.discussed:
        parts.append(
            "<b>Discussed</b><ul style='margin-top:0'>"
            + "".join(f"<li>{esc(t)}</li>" for t in o.discussed)
            + "</ul>"
        )
    return "".join(parts)


def carried_color(t: TopicView) -> QColor | None:
    """Topics carried twice or more stand out: they keep slipping."""
    return theme.warn() if t.carried >= 2 else None


def topic_columns() -> list[Column[TopicView]]:
    """Topic | Added | Carried."""
    return [
        Column("Topic", lambda t: first_line(t.text)),
        Column("Added", lambda t: day(t.created_on)),
        Column(
            "Carried",
            lambda t: f"carried {wording.count(t.carried, 'time')}" if t.carried else "new",
            tooltip=lambda t: (
                f"Carried forward from {wording.count(t.carried, 'earlier 1:1')}"
                if t.carried
                else "Not carried yet: added since the last 1:1"
            ),
            color=carried_color,
        ),
    ]


def note_columns() -> list[Column[RelationshipNoteView]]:
    """Date | About | Note."""
    return [
        Column("Date", lambda n: day(n.on)),
        Column("About", lambda n: n.topic or "—"),
        Column("Note", lambda n: first_line(n.text)),
    ]


def note_html(n: RelationshipNoteView) -> str:
    """The detail pane for a relationship note."""
    about = f" · {esc(n.topic)}" if n.topic else ""
    return f"<b>{day(n.on)}</b>{about}<p style='margin-top:4px'>{esc(n.text)}</p>"


def summary(name: str, meetings: list[OneOnOneView], topics: list[TopicView]) -> str:
    """'Last 1:1 with Ana: 5 Nov 2026 · 2 open topics' (meetings newest first)."""
    last = day(meetings[0].held_on) if meetings else "never"
    return f"Last 1:1 with {name}: {last} · {wording.count(len(topics), 'open topic')}"


def empty_texts(name: str) -> tuple[str, str]:
    """What the 1:1 history and the relationship notes say while there is nothing yet."""
    return (
        f"No 1:1 with {name} recorded yet.\nPress S (Start 1:1) to hold the first one.",
        f"No relationship notes about {name} yet. Press N to note what motivates them, "
        "their aspirations, working style, or context they chose to share.",
    )


def models(
    presenter: Callable[[], bool],
) -> tuple[
    ColumnTableModel[OneOnOneView],
    ColumnTableModel[TopicView],
    ColumnTableModel[RelationshipNoteView],
]:
    """The tab's three lists: 1:1s (tooltips follow presenter mode), open topics, notes."""
    return (
        ColumnTableModel(
            one_on_one_columns(False), row_tooltip=lambda o: one_on_one_tooltip(o, presenter())
        ),
        ColumnTableModel(topic_columns(), row_tooltip=lambda t: t.text),
        ColumnTableModel(note_columns(), row_tooltip=lambda n: n.text),
    )
