"""The team one-pager, read back from the real PDF."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers.pdf import pdf_info, pdf_text
from helpers.pdf_page import ink_colour, pdf_words

from leaddesk.demo import build_demo
from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports.pdf_team import read_team_sheet, write_team_pdf
from leaddesk.services.desk import Desk

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(("size", "points"), [("A4", "595 x 842"), ("Letter", "612 x 792")])
def test_fifty_direct_reports_fit_on_one_page_with_every_name(
    desk: Desk, tmp_path: Path, size: str, points: str
) -> None:
    build_demo(desk, people=50, years=0.5, seed=5)
    people = desk.direct_reports()
    assert len(people) == 50
    target = write_team_pdf(desk, tmp_path / "team.pdf", page_size=size)  # type: ignore[arg-type]
    info = pdf_info(target)
    assert info["Pages"] == "1" and info["Page size"].startswith(points)
    assert info["Title"] == "LeadDesk one-pager"
    text = pdf_text(target)
    assert [p.name for p in people if p.name not in text] == []
    assert "more direct reports" not in text
    skip_levels = [p.name for p in desk.people() if not p.is_direct_report]
    assert skip_levels and [n for n in skip_levels if n in text] == []


def test_row_shows_levels_and_open_and_overdue_counts(desk: Desk, tmp_path: Path) -> None:
    ada = desk.add_person("Ada Quill", role="Head of Finance")
    desk.add_delegation(ada, "Budget", EmpowermentLevel.INQUIRE, plan_checkpoint=False)
    for i in range(3):
        desk.add_promise(
            ada,
            PromiseDirection.THEIRS,
            f"P{i}",
            due_on=TODAY - timedelta(days=i),
            made_on=TODAY - timedelta(days=9),
        )
    sheet = read_team_sheet(desk)
    counts = sheet.counts[ada]
    assert counts.levels[int(EmpowermentLevel.INQUIRE) - 1] == 1
    assert (counts.open_promises, counts.overdue_promises) == (3, 2)
    text = pdf_text(write_team_pdf(desk, tmp_path / "t.pdf"))
    assert "Ada Quill Head of Finance" in text
    assert "Levels 1–7" in text and "Promises" in text and "Checkpoints" in text


def test_a_team_too_big_for_a_page_goes_on_to_a_second_page_with_everyone(
    desk: Desk, tmp_path: Path
) -> None:
    for i in range(90):
        desk.add_person(f"Person {i:02d}", role="Team lead")
    target = write_team_pdf(desk, tmp_path / "t.pdf")
    assert pdf_info(target)["Pages"] == "2"
    text = pdf_text(target)
    assert [i for i in range(90) if f"Person {i:02d}" not in text] == []
    assert "more direct reports" not in text
    assert "page 1 of 2" in text and "page 2 of 2" in text
    assert "…" not in text  # not a name, role or footer cut
    words, _size = pdf_words(target)
    second = " ".join(w.text for w in words if w.page == 2)
    assert "Person 89" in second and "continued" in second and "overdue" in second  # header too


def test_a_team_of_eight_fills_most_of_the_page_with_whole_roles(
    desk: Desk, tmp_path: Path
) -> None:
    build_demo(desk, people=8, years=0.5, seed=5)
    long_role = "Director of Customer Success, Renewals and Support Operations for EMEA and APAC"
    first = desk.direct_reports()[0]
    desk.update_person(first.id, role=long_role)
    target = write_team_pdf(desk, tmp_path / "t.pdf")
    assert pdf_info(target)["Pages"] == "1"
    assert long_role in pdf_text(target)
    words, (_width, height) = pdf_words(target)
    footer = max(w.y0 for w in words)
    body = [w for w in words if w.y0 < footer - 5]
    lowest = max(w.y1 for w in body)
    assert lowest > 0.6 * height  # the table reaches well down the page


def test_overdue_counts_print_red(desk: Desk, tmp_path: Path) -> None:
    ada = desk.add_person("Ada Quill", role="Head of Finance")
    for i in range(7):
        desk.add_promise(
            ada,
            PromiseDirection.THEIRS,
            f"P{i}",
            due_on=TODAY - timedelta(days=3),
            made_on=TODAY - timedelta(days=9),
        )
    target = write_team_pdf(desk, tmp_path / "t.pdf")
    words, _size = pdf_words(target)
    row = next(w for w in words if w.text == "Quill")
    sevens = [w for w in words if w.text == "7" and abs(w.y0 - row.y0) < 8]
    overdue = max(sevens, key=lambda w: w.x0)  # the promises' overdue column
    colour = ink_colour(target, overdue)
    assert colour.red() > colour.blue() + 60 and colour.red() > colour.green() + 60
    key = [w for w in words if w.text == "Overdue:"]
    assert key, "the page says what red means"
