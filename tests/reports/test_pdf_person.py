"""The person one-pager, read back from the real PDF with pdftotext and pdfinfo."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pytest
from helpers.pdf import pdf_info, pdf_text
from helpers.pdf_page import Word, ink_colour, pdf_words

from leaddesk.domain.feedback import FeedbackDirection, FeedbackKind
from leaddesk.domain.levels import EmpowermentLevel
from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports import pdf_person
from leaddesk.reports.pdf_person import person_page_image, read_person_sheet, write_person_pdf
from leaddesk.services.desk import Desk

TODAY = date(2026, 11, 25)
NOTE = "Caring for a parent; prefers no meetings after five"
ASSESSMENT_NOTE = "Hesitant on the budget numbers this quarter"
PRIVATE_1ON1 = "Seemed worried about the reorg rumours"
FEEDBACK = "Your pricing memo was the clearest this year"


def _busiest(desk: Desk) -> int:
    return max(desk.direct_reports(), key=lambda p: len(desk.delegations(p.id, True))).id


@pytest.fixture
def person(demo_desk: Desk) -> int:
    """The demo's busiest direct report, with a private note, assessment, 1:1 and feedback."""
    pid = _busiest(demo_desk)
    demo_desk.add_relationship_note(pid, NOTE, topic="personal context")
    demo_desk.add_assessment(pid, 4, 5, 3, 4, note=ASSESSMENT_NOTE)
    demo_desk.record_one_on_one(pid, shared_notes="Walked the roadmap", private_notes=PRIVATE_1ON1)
    demo_desk.add_feedback(pid, FeedbackDirection.GIVEN, FEEDBACK, FeedbackKind.APPRECIATION)
    return pid


@pytest.fixture
def crowded(demo_desk: Desk, person: int) -> int:
    """The busiest person with far more than one page holds: every list must end in "+N more"."""
    for i in range(14):
        d = demo_desk.add_delegation(
            person,
            f"Extra area {i} with a rather long title that needs eliding somewhere on the page",
            EmpowermentLevel.ADVISE,
            involve_me_when="Anything that changes a customer commitment or costs more than 50k",
            done_means="Signed off by the steering group and announced to the whole company",
        )
        for j in range(5):
            demo_desk.add_success_factor(d, f"Factor {j}", "An agreed definition " * 12, "95", "%")
    for i in range(25):
        for direction in PromiseDirection:
            demo_desk.add_promise(
                person,
                direction,
                f"Extra promise {i} " + "with many words " * 10,
                due_on=TODAY + timedelta(days=i - 5),
                made_on=TODAY - timedelta(days=20),
            )
    for i in range(12):
        demo_desk.add_relationship_note(person, f"Extra note {i} " * 20, topic="motivation")
        demo_desk.add_assessment(person, 3, 3, 3, 3, note=f"Extra assessment {i}")
    return person


def test_private_one_pager_shows_name_delegations_and_relationship_note(
    demo_desk: Desk, person: int, tmp_path: Path
) -> None:
    target = write_person_pdf(demo_desk, person, tmp_path / "p.pdf", shareable=False)
    text = pdf_text(target)
    assert demo_desk.person(person).name in text
    for d in demo_desk.delegations(person, active_only=True)[:2]:
        assert d.title in text
    assert NOTE in text
    assert "Trust over time" in text and "TRACK RECORD" in text
    assert pdf_info(target)["Pages"] == "1"


def test_shareable_sheet_has_agreements_and_no_private_text(
    demo_desk: Desk, person: int, tmp_path: Path
) -> None:
    target = write_person_pdf(
        demo_desk, person, tmp_path / "s.pdf", shareable=True, leader_name="Dana Whitfield"
    )
    text = pdf_text(target)
    name = demo_desk.person(person).name
    assert f"{name} and Dana Whitfield" in text and "WORKING AGREEMENT" in text
    delegations = demo_desk.delegations(person, active_only=True)
    for d in delegations[:2]:
        assert d.title in text
    assert any(d.involve_me_when and d.involve_me_when in text for d in delegations)
    assert any(f.definition[:30] in text for d in delegations for f in d.factors)
    score = f"{demo_desk.person_overview(person).current.expectation:.2f}"
    private = [NOTE, ASSESSMENT_NOTE, PRIVATE_1ON1, FEEDBACK, "Integrity", "RECORD", score]
    private += [n.text[:25] for n in demo_desk.relationship_notes(person)]
    private += [a.note[:25] for a in demo_desk.assessments(person) if a.note]
    private += [o.private_notes[:25] for o in demo_desk.one_on_ones(person) if o.private_notes]
    assert [p for p in private if p in text] == []
    assert pdf_info(target)["Pages"] == "1"


def test_shareable_sheet_is_read_without_any_private_data(demo_desk: Desk, person: int) -> None:
    sheet = read_person_sheet(demo_desk, person, shareable=True)
    assert (sheet.overview, sheet.series, sheet.feedback, sheet.notes) == (None, None, (), ())


@pytest.mark.parametrize(("size", "points"), [("A4", "595 x 842"), ("Letter", "612 x 792")])
def test_private_page_overflowing_lists_end_in_more_on_exactly_one_page(
    demo_desk: Desk, crowded: int, tmp_path: Path, size: str, points: str
) -> None:
    target = write_person_pdf(
        demo_desk,
        crowded,
        tmp_path / "c.pdf",
        shareable=False,
        page_size=size,  # type: ignore[arg-type]
    )
    info = pdf_info(target)
    assert info["Pages"] == "1"
    assert info["Page size"].startswith(points)
    text = pdf_text(target)
    assert "more delegations" in text and "more promises" in text
    assert "…" in text  # long titles and texts are elided, not cut off at the page edge
    assert "more notes" in text and "more assessments" in text


@pytest.mark.parametrize(("size", "points"), [("A4", "595 x 842"), ("Letter", "612 x 792")])
def test_crowded_agreement_sheet_flows_over_pages_with_every_word_whole(
    demo_desk: Desk, crowded: int, tmp_path: Path, size: str, points: str
) -> None:
    target = write_person_pdf(
        demo_desk,
        crowded,
        tmp_path / "c.pdf",
        shareable=True,
        page_size=size,  # type: ignore[arg-type]
    )
    info = pdf_info(target)
    pages = int(info["Pages"])
    assert pages > 1 and info["Page size"].startswith(points)
    text = pdf_text(target)
    assert "more delegations" not in text and "more promises" not in text
    assert "more success factors" not in text and "…" not in text
    delegations = demo_desk.delegations(crowded, active_only=True)
    assert [d.title for d in delegations if d.title not in text] == []
    definitions = {" ".join(f.definition.split()) for d in delegations for f in d.factors}
    assert [d for d in definitions if d not in text] == []
    promises = demo_desk.promises(crowded, open_only=True)
    assert [p.text for p in promises if " ".join(p.text.split()) not in text] == []
    assert f"page 1 of {pages}" in text and f"page {pages} of {pages}" in text
    assert "Delegations, continued" in text


def test_agreed_definitions_are_printed_whole_on_a_one_page_sheet(
    desk: Desk, tmp_path: Path
) -> None:
    pid = desk.add_person("Mara Lind", role="Head of Platform")
    definition = (
        "Share of customer-facing API requests answered successfully within 800 ms, measured "
        "by the external probe over a rolling 30-day window, excluding announced maintenance "
        "windows and incidents caused by customers' own misconfiguration, reported monthly "
        "to the steering group with the raw numbers attached"
    )
    d = desk.add_delegation(
        pid,
        "Platform reliability for the customer API and the partner integrations",
        EmpowermentLevel.ADVISE,
        involve_me_when="A customer commitment changes, anything costs more than 50k, or an "
        "outage is likely to last longer than four hours during European business hours",
    )
    desk.add_success_factor(d, "Availability", definition, "99.9", "%")
    target = write_person_pdf(desk, pid, tmp_path / "s.pdf", shareable=True)
    assert pdf_info(target)["Pages"] == "1"
    text = pdf_text(target)
    assert definition in text
    assert "outage is likely to last longer than four hours during European business hours" in text
    assert "…" not in text


def test_private_page_fills_its_column_before_saying_more(desk: Desk, tmp_path: Path) -> None:
    """Four delegations with full detail overflow the column: the later ones are shown in a few
    lines rather than left out while half the column is empty."""
    pid = desk.add_person("Tom Reyes", role="Head of Sales")
    titles = [f"Area {i}: regional pricing and discounts" for i in range(4)]
    for title in titles:
        d = desk.add_delegation(
            pid,
            title,
            EmpowermentLevel.CONSULT,
            involve_me_when="Any discount above twenty percent or a new reseller agreement",
            done_means="Pricing published and signed off by finance for the next fiscal year",
        )
        for j in range(3):
            desk.add_success_factor(d, f"Factor {j}", "A definition in many words " * 6, "9", "%")
    target = write_person_pdf(desk, pid, tmp_path / "p.pdf", shareable=False)
    text = pdf_text(target)
    assert [t for t in titles if t not in text] == []
    assert "more delegations" not in text


def test_overdue_prints_red_and_due_soon_amber(desk: Desk, tmp_path: Path) -> None:
    pid = desk.add_person("Ivo Brandt", role="Head of Data")
    desk.add_promise(
        pid,
        PromiseDirection.THEIRS,
        "Send the forecast",
        due_on=TODAY - timedelta(days=2),
        made_on=TODAY - timedelta(days=20),
    )
    desk.add_promise(
        pid,
        PromiseDirection.MINE,
        "Review the hiring plan",
        due_on=TODAY + timedelta(days=3),
        made_on=TODAY - timedelta(days=20),
    )
    for shareable in (False, True):
        target = write_person_pdf(desk, pid, tmp_path / f"{shareable}.pdf", shareable=shareable)
        words, _size = pdf_words(target)
        forecast = next(w for w in words if w.text == "forecast")
        hiring = next(w for w in words if w.text == "hiring")

        def status(of: Word, words: list[Word] = words) -> Word:
            """The rightmost word on the promise's line, in its column."""
            line = [w for w in words if abs(w.y0 - of.y0) < 3 and 0 <= w.x0 - of.x0 < 250]
            return max(line, key=lambda w: w.x1)

        assert status(forecast).text == "overdue" and status(hiring).text == "days"
        late = ink_colour(target, status(forecast))
        assert late.red() > late.green() + 60 and late.red() > late.blue() + 60
        soon = ink_colour(target, status(hiring))
        assert soon.red() > soon.blue() + 60 and soon.green() > soon.blue() + 20  # amber


def test_metadata_carries_no_private_text(demo_desk: Desk, person: int, tmp_path: Path) -> None:
    target = write_person_pdf(demo_desk, person, tmp_path / "p.pdf", shareable=False)
    info = pdf_info(target)
    assert info["Title"] == "LeadDesk one-pager"
    assert info["Creator"] == "LeadDesk"
    meta = pdf_info(target, "-meta")["_raw"] + info["_raw"]
    name = demo_desk.person(person).name
    assert name not in meta and name.split()[-1] not in meta and NOTE not in meta


def test_failure_mid_render_leaves_no_file(
    demo_desk: Desk, person: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "p.pdf"
    target.write_bytes(b"the previous export")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk gone mid-chart")

    monkeypatch.setattr(pdf_person, "draw_trust_chart", broken)
    with pytest.raises(RuntimeError):
        write_person_pdf(demo_desk, person, target, shareable=False)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in folder.iterdir()] == ["p.pdf"]
    target.unlink()
    with pytest.raises(RuntimeError):
        write_person_pdf(demo_desk, person, target, shareable=False)
    assert list(folder.iterdir()) == []


def test_progress_runs_from_zero_to_hundred(demo_desk: Desk, person: int, tmp_path: Path) -> None:
    seen: list[int] = []
    write_person_pdf(demo_desk, person, tmp_path / "p.pdf", shareable=True, progress=seen.append)
    assert seen[0] == 0 and seen[-1] == 100 and seen == sorted(seen)


def test_preview_image_is_the_page_with_ink_on_it(demo_desk: Desk, person: int) -> None:
    image = person_page_image(read_person_sheet(demo_desk, person, shareable=True), "A4", 72)
    assert (image.width(), image.height()) == (595, 842)
    colours = {image.pixel(x, y) for x in range(0, 595, 7) for y in range(0, 842, 7)}
    assert len(colours) > 5  # text and rules, not a blank page


def test_headless_export_creates_its_own_offscreen_application(tmp_path: Path) -> None:
    """The CLI has no QApplication and may have no display: the export still works."""
    script = textwrap.dedent(
        f"""
        from datetime import date
        from pathlib import Path
        from leaddesk.reports.pdf_person import write_person_pdf
        from leaddesk.services.desk import Desk
        desk = Desk.open_throwaway(Path({str(tmp_path / "h.db")!r}))
        pid = desk.add_person("Headless Hana")
        desk.add_delegation(pid, "Night builds", 5, involve_me_when="A release slips")
        write_person_pdf(desk, pid, Path({str(tmp_path / "h.pdf")!r}), shareable=True)
        desk.close()
        """
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=Path(__file__).parents[2],
        check=True,
        timeout=120,
    )
    text = pdf_text(tmp_path / "h.pdf")
    assert "Headless Hana" in text and "Night builds" in text and "A release slips" in text


def test_a_delegation_longer_than_a_column_is_split_between_columns_not_cut(
    desk: Desk, tmp_path: Path
) -> None:
    pid = desk.add_person("Rui Costa", role="Head of Operations")
    d = desk.add_delegation(pid, "Everything about the warehouse", EmpowermentLevel.DELEGATE)
    definitions = [f"Definition {i} " + "measured weekly by the floor team " * 8 for i in range(20)]
    for i, definition in enumerate(definitions):
        desk.add_success_factor(d, f"Measure {i}", definition, str(i), "%")
    target = write_person_pdf(desk, pid, tmp_path / "w.pdf", shareable=True)
    text = pdf_text(target)
    assert [i for i, t in enumerate(definitions) if " ".join(t.split()) not in text] == []
    assert "…" not in text and "more success factors" not in text
    words, (_width, height) = pdf_words(target)
    assert all(w.y1 <= height for w in words)  # nothing runs off a page
    assert "continued" in text
