"""Reading an input file with a limit on the bytes actually read, whatever the file claims to be.

`stat` says nothing true about `/dev/zero`, a FIFO or a file still growing: an import reads in
chunks and stops at its cap, so no input can exhaust memory. Text formats never hold a NUL byte,
so one ends the read at once (a device full of zeros, a binary file given by mistake).
"""

from __future__ import annotations

from pathlib import Path

CHUNK_BYTES = 1 << 20


class InputTooLarge(Exception):
    """More than the cap was read; the caller turns it into a message for its format."""


class NotText(Exception):
    """A NUL byte was read: this is not a text file (the caller says so in its own words)."""


class WrongStart(Exception):
    """The first byte that is not white space is not the one the format starts with."""


_BOM = b"\xef\xbb\xbf"


def read_capped(
    path: Path, max_bytes: int, text_only: bool = True, starts_with: bytes | None = None
) -> bytes:
    """At most `max_bytes` bytes of `path`, else InputTooLarge (after reading max_bytes + 1).

    With `starts_with` (e.g. b"{" for JSON), a stream whose first byte past white space and a
    byte-order mark is another one ends at once with WrongStart. OSError is left to the caller.
    """
    # A regular file too large is refused before reading a byte: the message comes quicker.
    if path.is_file() and path.stat().st_size > max_bytes:
        raise InputTooLarge
    chunks: list[bytes] = []
    total = 0
    head = b""  # the start of the stream, until its first byte past white space is known
    with path.open("rb", buffering=0) as handle:
        while True:
            chunk = handle.read(min(CHUNK_BYTES, max_bytes + 1 - total))
            if not chunk:
                return b"".join(chunks)
            if text_only and b"\0" in chunk:
                raise NotText
            total += len(chunk)
            if total > max_bytes:
                raise InputTooLarge
            chunks.append(chunk)
            if starts_with is not None:
                head = (head + chunk[:64]).removeprefix(_BOM).lstrip()
                if len(head) >= len(starts_with) or (head and not starts_with.startswith(head)):
                    if not head.startswith(starts_with):
                        raise WrongStart
                    starts_with = None
