"""Emoji and other symbols in a PDF: printed in a font that has them or spelled out, never boxes."""

from __future__ import annotations

import subprocess
from pathlib import Path

from helpers.pdf import pdf_text
from PySide6.QtGui import QFont

from leaddesk.domain.promises import PromiseDirection
from leaddesk.reports.pdf_glyphs import Printable, clusters, spoken
from leaddesk.reports.pdf_person import write_person_pdf
from leaddesk.services.desk import Desk

PARTY = "\N{PARTY POPPER}"


def _pdf_images(path: Path) -> int:
    """How many images the PDF draws (a colour emoji font prints emoji as images)."""
    out = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return max(len(out.splitlines()) - 2, 0)


def _pdf_fonts(path: Path) -> str:
    return subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout


def test_an_emoji_in_a_note_prints_as_an_emoji_or_in_words(desk: Desk, tmp_path: Path) -> None:
    pid = desk.add_person("Lena Park", role="Head of Growth")
    desk.add_relationship_note(
        pid, f"Loves a launch party {PARTY} and a good plan", topic="motivation"
    )
    desk.add_promise(pid, PromiseDirection.THEIRS, f"Ship the launch {PARTY} checklist")
    target = write_person_pdf(desk, pid, tmp_path / "p.pdf", shareable=False)
    text = pdf_text(target)
    drawable = Printable(QFont()).drawable(PARTY)
    if drawable:
        # A font on this machine has it: the glyph is in the PDF, as text or (colour) image.
        assert PARTY in text or _pdf_images(target) >= 2
    else:
        assert "Loves a launch party [party popper] and a good plan" in text
        assert "Ship the launch [party popper] checklist" in text
    # The words around it stay (pdftotext may read an emoji image's line in another order).
    assert "Loves a launch party" in text and "good plan" in text
    fonts = _pdf_fonts(target)
    assert "Type 3" not in fonts  # no bitmap stand-ins: every font is embedded outlines
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # all embedded


def test_symbols_keep_their_selectors_skin_tones_and_joins() -> None:
    thumbs = "\N{THUMBS UP SIGN}\N{EMOJI MODIFIER FITZPATRICK TYPE-4}"
    coder = "\N{WOMAN}\u200d\N{PERSONAL COMPUTER}"
    heart = "\N{HEAVY BLACK HEART}\ufe0f"
    flag = "\N{REGIONAL INDICATOR SYMBOL LETTER D}\N{REGIONAL INDICATOR SYMBOL LETTER E}"
    text = f"ok {thumbs} by {coder}, {heart} from {flag}!"
    assert clusters(text) == [
        ("ok ", False),
        (thumbs, True),
        (" by ", False),
        (coder, True),
        (", ", False),
        (heart, True),
        (" from ", False),
        (flag, True),
        ("!", False),
    ]
    assert spoken(thumbs) == "[thumbs up sign]"
    assert spoken(coder) == "[woman + personal computer]"
    assert spoken(heart) == "[heavy black heart]"
    assert spoken(flag) == "[flag DE]"


def test_text_every_font_has_is_left_alone() -> None:
    printable = Printable(QFont())
    text = "Zoë Ångström → 5–7 days · naïve, Łódź, Ελλάδα"
    assert printable(text) == text


def test_a_symbol_no_font_has_is_spelled_out() -> None:
    printable = Printable(QFont())
    missing = "\U0001fae9"  # Unicode 16 (2024): newer than the emoji fonts of most machines
    if printable.drawable(missing):
        return  # this machine's fonts are newer than the test: nothing to spell out
    assert printable(f"tired {missing} today") == "tired [U+1FAE9] today"
