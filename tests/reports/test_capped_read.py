"""Input size is counted in bytes read: /dev/zero and endless FIFOs end in one clear error."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from leaddesk.reports.capped_read import InputTooLarge, NotText, WrongStart, read_capped
from leaddesk.reports.exchange_json import ExchangeFileError, read_exchange
from leaddesk.reports.roster_csv import read_roster

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


@contextmanager
def endless_fifo(folder: Path, head: bytes, body: bytes) -> Iterator[Path]:
    """A FIFO whose writer sends `head`, then `body` again and again until the reader leaves."""
    fifo = folder / "endless.json"
    os.mkfifo(fifo)
    sent = [0]

    def write() -> None:
        try:
            with fifo.open("wb") as out:
                out.write(head)
                chunk = body * (65536 // len(body) + 1)
                while True:
                    out.write(chunk)
                    sent[0] += len(chunk)
        except (BrokenPipeError, ValueError):  # the reader closed its end: done
            return

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        yield fifo
    finally:
        writer.join(timeout=30)
        assert not writer.is_alive(), "the reader never stopped reading"


def test_dev_zero_stops_at_the_first_chunk() -> None:
    with pytest.raises(NotText):
        read_capped(Path("/dev/zero"), 10 * 2**30)  # never gets near 10 GB


def test_a_stream_longer_than_the_cap_stops_at_the_cap(tmp_path: Path) -> None:
    with endless_fifo(tmp_path, b"{", b" ") as fifo, pytest.raises(InputTooLarge):
        read_capped(fifo, 3 * 2**20, starts_with=b"{")


def test_a_stream_of_something_else_stops_at_once(tmp_path: Path) -> None:
    with (
        endless_fifo(tmp_path, b"\xef\xbb\xbf \n", b"not json ") as fifo,
        pytest.raises(WrongStart),
    ):
        read_capped(fifo, 10 * 2**30, starts_with=b"{")


def test_a_short_stream_is_read_whole(tmp_path: Path) -> None:
    fifo = tmp_path / "short"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(b"{}" * 700_000))
    writer.start()
    assert read_capped(fifo, 2 * 2**20, starts_with=b"{") == b"{}" * 700_000
    writer.join()


def test_exchange_import_of_dev_zero_is_one_clear_error() -> None:
    with pytest.raises(ExchangeFileError, match=r"^/dev/zero: holds NUL bytes, so it is not JSON"):
        read_exchange(Path("/dev/zero"))


def test_exchange_import_of_an_endless_fifo_stops_at_the_limit(tmp_path: Path) -> None:
    message = r"an import takes at most 4 MB and this file holds more"
    head = b'{"format": "leaddesk", "tables": '
    with (
        endless_fifo(tmp_path, head, b"[") as fifo,
        pytest.raises(ExchangeFileError, match=message),
    ):
        read_exchange(fifo, max_bytes=4 * 2**20)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("/dev/zero", "The file holds NUL bytes, so it is not CSV text"),
        ("fifo", "The file is over 20 MB"),
    ],
)
def test_roster_of_dev_zero_or_an_endless_fifo_is_one_problem(
    tmp_path: Path, source: str, message: str
) -> None:
    if source == "/dev/zero":
        roster = read_roster(Path(source))
    else:  # at the real limit: 20 MB of "name," lines through a pipe
        with endless_fifo(tmp_path, b"name,role\n", b"Ada,VP\n") as fifo:
            roster = read_roster(fifo)
    assert roster.rows == ()
    assert len(roster.problems) == 1
    assert roster.problems[0].message.startswith(message)
