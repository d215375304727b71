"""The checks of what LeadDesk writes for others: a one-page PDF and an iCalendar file."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

from leaddesk.diagnostics.result import CheckFailed, scratch_folder

PDF_PROBE = "LeadDesk self-test"
PDFTOTEXT_TIMEOUT_S = 20
_PAGE = re.compile(rb"/Type\s*/Page(?!s)")
REINSTALL = "reinstall LeadDesk"


def _text_of(pdf: Path) -> str | None:
    """The PDF's text, read back by pdftotext; None where pdftotext is not installed."""
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    done = subprocess.run(
        [tool, str(pdf), "-"], capture_output=True, text=True, timeout=PDFTOTEXT_TIMEOUT_S
    )
    return done.stdout


def pdf_rendering() -> str:
    """Write a one-page PDF through the reports' writer and read it back."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QPainter

    from leaddesk.diagnostics.qt_platform import ensure_app
    from leaddesk.reports.pdf_layout import Canvas, Type, write_pdf

    ensure_app()

    def paint(painter: QPainter, rect: QRectF) -> None:
        Canvas(painter).text(rect.left(), rect.top(), PDF_PROBE, Type.TITLE, rect.width())

    with scratch_folder() as folder:
        target = folder / "self-test.pdf"
        write_pdf(target, "A4", paint)
        data = target.read_bytes()
        text = _text_of(target)
    pages = len(_PAGE.findall(data))
    if not data.startswith(b"%PDF-") or pages != 1:
        raise CheckFailed(f"the PDF written is not a one-page PDF ({pages} pages)", REINSTALL)
    if text is None:
        size = len(data) // 1024
        return f"one page written and read back ({size} KB; text not checked: no pdftotext)"
    if PDF_PROBE not in " ".join(text.split()):
        raise CheckFailed(
            "the PDF has a page but its text did not come back",
            "install a font (Debian/Ubuntu: sudo apt install fonts-dejavu-core)",
        )
    return f"one page written, its text read back ({len(data) // 1024} KB)"


def ics_calendar() -> str:
    """Build a one-event calendar with the calendar export's code, then parse it back."""
    import icalendar

    from leaddesk.domain.levels import EmpowermentLevel
    from leaddesk.reports.calendar_ics import calendar_bytes
    from leaddesk.services.calendar import CalendarCheckpoint, CalendarItems

    day = date(2026, 1, 5)
    checkpoint = CalendarCheckpoint(1, day, "Self-test", "Nobody", EmpowermentLevel.CONSULT, ())
    data = calendar_bytes(CalendarItems((checkpoint,), ()), datetime(2026, 1, 1, tzinfo=UTC))
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    if len(events) != 1:
        raise CheckFailed(f"a one-event calendar came back with {len(events)} events", REINSTALL)
    event = events[0]
    if event.decoded("dtstart") != day or "Self-test" not in str(event.get("summary")):
        raise CheckFailed("a calendar event did not come back as written", REINSTALL)
    return f"icalendar {icalendar.__version__}: a calendar written and parsed back"
