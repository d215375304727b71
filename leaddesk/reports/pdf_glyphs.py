"""Text a page can print: a symbol no installed font can draw is written as words, not a box.

Qt falls back to any installed font that has a character, so with an emoji font installed
(fonts-noto-color-emoji on Debian and Ubuntu, Apple Color Emoji, Segoe UI Emoji) emoji print as
emoji. Without one the PDF would show an empty box where the user wrote 🎉, which reads as a
printing fault; the symbol is then printed as its Unicode name in brackets ("[party popper]").
Only symbols are replaced: letters of any script are left to Qt's own fallback.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtGui import QFont, QTextLayout

_ZWJ = 0x200D
_KEYCAP = 0x20E3
_FAST = 0x2000  # below this nothing is a symbol worth checking (Latin, Greek, Cyrillic...)


def _regional(cp: int) -> bool:
    return 0x1F1E6 <= cp <= 0x1F1FF


def _trailing(cp: int) -> bool:
    """Marks that belong to the symbol before them: variation selectors, skin tones, tags."""
    return (
        0xFE00 <= cp <= 0xFE0F
        or 0x1F3FB <= cp <= 0x1F3FF
        or 0xE0020 <= cp <= 0xE007F
        or cp == _KEYCAP
    )


def _symbol(ch: str) -> bool:
    cp = ord(ch)
    return cp >= _FAST and (cp >= 0x1F000 or unicodedata.category(ch) == "So")


def clusters(text: str) -> list[tuple[str, bool]]:
    """`text` cut into (piece, is_symbol): a symbol keeps its selectors, skin tone and the
    symbols it is joined to (👩‍💻), a flag is its two regional letters."""
    out: list[tuple[str, bool]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if not _symbol(ch):
            j = i + 1
            while j < n and not _symbol(text[j]):
                j += 1
            out.append((text[i:j], False))
            i = j
            continue
        j = i + 1
        if _regional(ord(ch)) and j < n and _regional(ord(text[j])):
            j += 1
        while j < n:
            cp = ord(text[j])
            if _trailing(cp):
                j += 1
            elif cp == _ZWJ and j + 1 < n and _symbol(text[j + 1]):
                j += 2
            else:
                break
        out.append((text[i:j], True))
        i = j
    return out


def spoken(symbol: str) -> str:
    """A symbol cluster as words in brackets: '[party popper]', '[woman + personal computer]',
    '[flag DE]'."""
    cps = [ord(ch) for ch in symbol]
    if len(cps) == 2 and all(_regional(cp) for cp in cps):
        return "[flag " + "".join(chr(cp - 0x1F1E6 + ord("A")) for cp in cps) + "]"
    names = [
        unicodedata.name(chr(cp)).lower() if unicodedata.name(chr(cp), "") else f"U+{cp:04X}"
        for cp in cps
        if cp != _ZWJ and not _trailing(cp)
    ]
    return "[" + " + ".join(names) + "]"


class Printable:
    """Checks, once per symbol, whether the fonts reachable from `font` draw it."""

    def __init__(self, font: QFont) -> None:
        self._font = QFont(font)
        self._known: dict[str, bool] = {}

    def drawable(self, symbol: str) -> bool:
        """Whether every glyph Qt picks for `symbol` (after font fallback) is a real one."""
        if symbol not in self._known:
            layout = QTextLayout(symbol, self._font)
            layout.beginLayout()
            line = layout.createLine()
            layout.endLayout()
            runs = line.glyphRuns()
            self._known[symbol] = bool(runs) and all(0 not in run.glyphIndexes() for run in runs)
        return self._known[symbol]

    def __call__(self, text: str) -> str:
        """`text` with every symbol no font can draw spelled out."""
        if all(ord(ch) < _FAST for ch in text):
            return text
        return "".join(
            spoken(piece) if symbol and not self.drawable(piece) else piece
            for piece, symbol in clusters(text)
        )
