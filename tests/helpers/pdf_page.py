"""Where words sit on a real PDF's pages and what colour they print in (poppler's tools)."""

from __future__ import annotations

import html
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QColor, QImage

_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>'
)
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


@dataclass(frozen=True)
class Word:
    """A word of the PDF's text with its box in points from the page's top-left."""

    page: int  # 1-based
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


def pdf_words(path: Path) -> tuple[list[Word], tuple[float, float]]:
    """Every word with its box, and the page size in points (pdftotext -bbox)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    words: list[Word] = []
    size = (0.0, 0.0)
    for number, page in enumerate(out.split("<page ")[1:], start=1):
        head = _PAGE.match("<page " + page)
        if head:
            size = (float(head.group(1)), float(head.group(2)))
        for m in _WORD.finditer(page):
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            words.append(Word(number, x0, y0, x1, y1, html.unescape(m.group(5))))
    return words, size


def ink_colour(path: Path, word: Word, dpi: int = 144) -> QColor:
    """The darkest colour inside `word`'s box on the rendered page: the colour it prints in."""
    with tempfile.TemporaryDirectory() as folder:
        stem = Path(folder) / "page"
        subprocess.run(
            [
                *("pdftoppm", "-png", "-r", str(dpi), "-f", str(word.page), "-l", str(word.page)),
                str(path),
                str(stem),
            ],
            check=True,
        )
        image = QImage(str(next(Path(folder).glob("page*.png"))))
    k = dpi / 72
    darkest = QColor("white")
    for x in range(int(word.x0 * k), int(word.x1 * k)):
        for y in range(int(word.y0 * k), int(word.y1 * k)):
            colour = QColor(image.pixel(x, y))
            if colour.lightness() < darkest.lightness():
                darkest = colour
    return darkest
