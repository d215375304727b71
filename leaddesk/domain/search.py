"""Search across everything: what a hit is, how typed words become an FTS5 query, and snippets.

Pure rules, no storage: the service runs the query inside the encrypted store. Whatever the user
types is taken literally (each word quoted), so no input can be an FTS5 syntax error, and the last
word is matched as a prefix while it is still being typed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class HitKind(StrEnum):
    """What a hit is; the value is stored in the index."""

    PERSON = "person"
    DELEGATION = "delegation"
    CHECKPOINT = "checkpoint"
    SUCCESS_FACTOR = "success_factor"
    CALIBRATION = "calibration"
    TERM = "term"
    PROMISE = "promise"
    ONE_ON_ONE = "one_on_one"
    TOPIC = "topic"
    RELATIONSHIP_NOTE = "relationship_note"
    FEEDBACK = "feedback"
    ASSESSMENT = "assessment"
    REFLECTION = "reflection"

    @property
    def label(self) -> str:
        """The kind as a person reads it ("1:1", "Success factor")."""
        return _LABELS[self]


_LABELS = {
    HitKind.PERSON: "Person",
    HitKind.DELEGATION: "Delegation",
    HitKind.CHECKPOINT: "Checkpoint",
    HitKind.SUCCESS_FACTOR: "Success factor",
    HitKind.CALIBRATION: "Calibration",
    HitKind.TERM: "Term",
    HitKind.PROMISE: "Promise",
    HitKind.ONE_ON_ONE: "1:1",
    HitKind.TOPIC: "Topic",
    HitKind.RELATIONSHIP_NOTE: "Relationship note",
    HitKind.FEEDBACK: "Feedback",
    HitKind.ASSESSMENT: "Assessment",
    HitKind.REFLECTION: "Reflection",
}

Spans = tuple[tuple[str, bool], ...]


@dataclass(frozen=True)
class SearchHit:
    """One search result, enough to list it and to open it where it lives.

    `private` is true when the hit needs text presenter mode hides (relationship notes, private
    1:1 notes, feedback, assessment notes, checkpoint notes and evidence, calibration reasons,
    reflections): a search made with include_private=False never returns such a hit.
    """

    kind: HitKind
    item_id: int  # id of the row of that kind (person id for PERSON, reflection id, ...)
    person_id: int | None  # None for reflections and the team's terms
    person_name: str
    on: date | None  # the item's date (due, held, made, noted...), for display
    title: str
    snippet: Spans  # (text, is_match) around the matched words
    private: bool


_PIECE_HAS_WORD = re.compile(r"[^\W_]")
_WORD = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class SearchTerms:
    """The typed query, read: the FTS5 expression and the folded words to highlight."""

    match: str  # the FTS5 MATCH expression: every piece quoted, the last one a prefix if typed on
    words: tuple[str, ...]  # folded words to highlight
    prefix: str  # the folded word matched as a prefix ("" when the query ends with a space)
    phrases: tuple[tuple[str, ...], ...] = ()  # each piece's folded words, as FTS5 reads it

    def found_in(self, texts: list[str]) -> bool:
        """Whether every piece occurs in one of `texts` as FTS5 matches it (its words in a row,
        the last word of the last piece as a prefix while typing): a hit whose public texts
        hold the whole query needs no private text to be found."""
        tokens = [[fold(w) for w in _WORD.findall(t)] for t in texts]
        last = len(self.phrases) - 1
        return all(
            any(_has_phrase(words, phrase, bool(self.prefix) and i == last) for words in tokens)
            for i, phrase in enumerate(self.phrases)
        )

    def restricted_to(self, columns: tuple[str, ...]) -> str:
        """The same expression searching only these columns (presenter mode: public text)."""
        return "{" + " ".join(columns) + "} : (" + self.match + ")"


def fold(text: str) -> str:
    """Case and accents folded as the index's tokenizer folds them ("Café" -> "cafe")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def read_query(query: str) -> SearchTerms | None:
    """The typed query as FTS5 syntax that cannot fail, or None when there is nothing to find.

    Each whitespace-separated piece becomes a quoted string, so quotes, asterisks, brackets,
    column filters and the words AND/OR/NOT/NEAR are matched as text, never as syntax. While the
    user is typing (no trailing space) the last piece is a prefix: "caf" finds "café".
    """
    # Control characters (a NUL above all) are no text anyone searches for: they become spaces.
    text = _CONTROL.sub(" ", unicodedata.normalize("NFC", query))
    pieces = [p for p in text.split() if _PIECE_HAS_WORD.search(p)]
    if not pieces:
        return None
    typing_on = not text[-1:].isspace()
    quoted = ['"' + p.replace('"', '""') + '"' for p in pieces]
    if typing_on:
        quoted[-1] += "*"
    phrases = tuple(tuple(_WORD.findall(fold(p))) for p in pieces)
    words = tuple(w for phrase in phrases for w in phrase)
    prefix = words[-1] if typing_on and words else ""
    return SearchTerms(" ".join(quoted), words, prefix, phrases)


def _has_phrase(words: list[str], phrase: tuple[str, ...], prefix_last: bool) -> bool:
    n = len(phrase)
    for at in range(len(words) - n + 1):
        head_ok = all(words[at + k] == phrase[k] for k in range(n - 1))
        tail = words[at + n - 1]
        if head_ok and (tail.startswith(phrase[-1]) if prefix_last else tail == phrase[-1]):
            return True
    return False


def _matches(token: str, terms: SearchTerms) -> bool:
    folded = fold(token)
    return folded in terms.words or bool(terms.prefix and folded.startswith(terms.prefix))


def match_count(text: str, terms: SearchTerms) -> int:
    """How many of the query's words occur in `text` (to pick the text a snippet comes from)."""
    found = {fold(t) for t in _WORD.findall(text)}
    hits = sum(1 for w in set(terms.words) if w in found)
    if terms.prefix and terms.prefix not in found:
        hits += any(f.startswith(terms.prefix) for f in found)
    return hits


def snippet(text: str, terms: SearchTerms, width: int = 140) -> Spans:
    """About `width` characters of `text` around its first matched word, matches marked.

    Line breaks become spaces; a cut end shows "…". Without a match, the text's start.
    """
    flat = " ".join(text.split())
    tokens = [(m.start(), m.end()) for m in _WORD.finditer(flat) if _matches(m.group(), terms)]
    start = 0
    if tokens and tokens[0][1] > width * 2 // 3:
        start = max(0, tokens[0][0] - width // 3)
        space = flat.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and start - space < 20 else start
    end = min(len(flat), start + width)
    if end < len(flat):
        space = flat.rfind(" ", start + width // 2, end)
        end = space if space > 0 else end
    spans: list[tuple[str, bool]] = [("…", False)] if start > 0 else []
    at = start
    for a, b in tokens:
        if b <= start or a >= end:
            continue
        a, b = max(a, start), min(b, end)
        if a > at:
            spans.append((flat[at:a], False))
        spans.append((flat[a:b], True))
        at = b
    if at < end:
        spans.append((flat[at:end], False))
    if end < len(flat):
        spans.append(("…", False))
    return _merged(spans)


def _merged(spans: list[tuple[str, bool]]) -> Spans:
    out: list[tuple[str, bool]] = []
    for text, hit in spans:
        if out and out[-1][1] == hit:
            out[-1] = (out[-1][0] + text, hit)
        else:
            out.append((text, hit))
    return tuple(out)


def first_line(text: str, width: int = 80) -> str:
    """The first non-empty line of `text`, cut to `width` characters with "…"."""
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"
