"""The search window (Ctrl+K) on the reference data set: what one pause in typing costs.

Run from the repository root (QT_QPA_PLATFORM=offscreen, or with a display):
    .venv/bin/python bench/bench_search_ui.py [--people 200 --years 10] [--store PATH]
For typical queries (a name, a word of the notes, two words, a word being typed) it times the
search the window runs in the background (`Desk.search`, 30 hits as the window asks) and the
GUI thread's part when it comes back (rows ordered with the screens named, shown, painted).
Median and worst of 5 runs each; asserts nothing. With --store the reference data set is kept
there and reused by the next run.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from leaddesk.demo import build_demo
from leaddesk.domain.search import SearchHit
from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store.store import open_store
from leaddesk.ui.main_window import MainWindow
from leaddesk.ui.search.search_dialog import LIMIT, SearchDialog

QUERIES = ("ada", "budget", "hiring plan", "calibrat", "customer", "feedback on the", "roadmap q")


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """Median and worst of 5 runs, in ms."""
    times = []
    for _ in range(5):
        begin = time.perf_counter()
        work()
        times.append((time.perf_counter() - begin) * 1000)
    return statistics.median(times), max(times)


def open_reference(path: Path, people: int, years: float) -> Desk:
    key_file = path.with_suffix(".key")
    fresh = not path.exists()
    if fresh:
        key_file.write_text(secrets.token_hex(32))
    desk = Desk(open_store(path, StoreKey(key_file.read_text(), "keychain")))
    if fresh:
        start = time.perf_counter()
        build_demo(desk, people=people, years=years, seed=1)
        print(
            f"reference data set ({people} × {years:g} years): "
            f"{time.perf_counter() - start:.1f} s to build"
        )
    return desk


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--store", type=Path)
    args = parser.parse_args()
    app = QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        desk = open_reference(args.store or Path(folder) / "bench.db", args.people, args.years)
        window = MainWindow(desk, demo=True)
        window.show()
        window.search_action.trigger()
        [dialog] = window.findChildren(SearchDialog)
        print(f"{'query':20} rows  search (background)   rows shown (GUI thread)")
        for query in QUERIES:
            hits = desk.search(query, limit=LIMIT)
            search = timed(lambda q=query: desk.search(q, limit=LIMIT))

            def show(q: str = query, found: list[SearchHit] = hits) -> None:
                dialog._show_rows(q, found)
                dialog.results.viewport().repaint()

            shown = timed(show)
            print(
                f"{query!r:20} {len(dialog.model.rows):4}  "
                f"{search[0]:6.1f} ms (worst {search[1]:6.1f})  "
                f"{shown[0]:5.1f} ms (worst {shown[1]:5.1f})"
            )
        dialog.reject()
        window.close()
        desk.close()
    app.quit()


if __name__ == "__main__":
    main()
