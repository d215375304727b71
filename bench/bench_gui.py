"""Desktop app figures: cold start beside a bare PySide6 window, screen switches, memory.

Run from the repository root (needs a display, or QT_QPA_PLATFORM=offscreen):
    .venv/bin/python bench/bench_gui.py [--people 200 --years 10]
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BARE = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1280, 820)
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.perf_counter() - t0, flush=True); app.quit()
        return False
f = Painted(); w.installEventFilter(f); w.show(); app.exec()
"""

LEADDESK = """
import time, sys
t0 = time.perf_counter()
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from leaddesk.ui.app import make_application, run_app
app = make_application(sys.argv[:1])
seen = {}
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.isWidgetType() and obj.isWindow():
            seen.setdefault("first", time.perf_counter() - t0)
            if obj.objectName() == "mainWindow":
                week = obj.view("week")
                if not week.loading and "main" not in seen:
                    seen["main"] = time.perf_counter() - t0
                    print(seen["first"], seen["main"], flush=True)
                    obj.close()
        return False
f = Painted(); app.installEventFilter(f)
run_app(Path(sys.argv[1]))
"""


def start_times(code: str, *args: str) -> list[float]:
    """Seconds from interpreter start to first paints, as the child process prints them."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True, timeout=120
    )
    return [float(x) for x in out.stdout.strip().splitlines()[-1].split()]


def ms(fn: Callable[[], object], runs: int = 5) -> float:
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--start-runs", type=int, default=9, help="cold starts of each kind")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "")
    if not os.environ["QT_QPA_PLATFORM"]:
        del os.environ["QT_QPA_PLATFORM"]

    from leaddesk.demo import build_demo
    from leaddesk.security.keys import StoreKey
    from leaddesk.services.desk import Desk
    from leaddesk.store.store import open_store

    folder = Path(tempfile.mkdtemp(prefix="leaddesk-bench-"))
    path = folder / "reference.db"
    key = secrets.token_hex(32)
    desk = Desk(open_store(path, StoreKey(key, "keychain")))
    build_demo(desk, people=args.people, years=args.years, seed=1)
    desk.close()
    # The app opens it as a user without a keychain would: with a passphrase (SQLCipher's KDF).
    passphrase_path = folder / "passphrase.db"
    os.environ["LEADDESK_PASSPHRASE"] = "bench passphrase"
    raw = Desk.open(passphrase_path)
    raw.close()
    Path(f"{passphrase_path}").unlink()
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")  # no remembered window state
    import sqlcipher3.dbapi2 as sqlcipher

    conn = sqlcipher.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    conn.execute("PRAGMA rekey = 'bench passphrase'")
    conn.close()

    bare, first, main_window = [], [], []
    for _ in range(args.start_runs):  # alternate, so both see the same machine load
        bare.append(start_times(BARE)[0])
        opened, full = start_times(LEADDESK, str(path))
        first.append(opened)
        main_window.append(full)
    bare_s, app_s = statistics.median(bare), statistics.median(first)
    # Each LeadDesk start divided by the bare start just before it: both saw the same moment of
    # this shared machine, so the ratio drifts less than the ratio of the two medians.
    paired = sorted(a / b for a, b in zip(first, bare, strict=True))
    full_s = statistics.median(main_window)

    from PySide6.QtWidgets import QApplication

    from leaddesk.ui.app import make_application
    from leaddesk.ui.common.navigation import PersonTarget
    from leaddesk.ui.main_window import MainWindow

    qapp = make_application([sys.argv[0]])
    desk = Desk(open_store(path, StoreKey("bench passphrase", "passphrase")))
    window = MainWindow(desk)
    window.resize(1400, 900)
    window.show()
    qapp.processEvents()
    people = [p.id for p in desk.direct_reports()]
    rss_before = rss_mb()

    def visit(name: str, argument: object = None, wait: Callable[[], bool] | None = None) -> None:
        desk._cache.clear()  # the first visit after a change, not a cached one
        window.show_view("week")
        qapp.processEvents()
        window.view(name)._dirty = True  # as after any write: the next show reads again
        start = time.perf_counter()
        window.show_view(name, argument)
        qapp.processEvents()  # the show event starts any background read
        while wait is not None and not wait():
            time.sleep(0.002)  # let the worker thread run (a busy loop would hold the GIL)
            qapp.processEvents()
        window.repaint()
        qapp.processEvents()
        timings.setdefault(name, []).append((time.perf_counter() - start) * 1000)

    timings: dict[str, list[float]] = {}
    for i in range(args.runs):
        visit("person", PersonTarget(people[(i * 37) % len(people)]))
        board = window.view("board")
        visit("board", None, lambda b=board: not getattr(b, "loading", False))
        visit("people")
        visit("reflections")
        visit("settings")
        one = window.view("one_on_one")
        agenda_ready: list[bool] = []
        one.agenda_loaded.connect(lambda r=agenda_ready: r.append(True))
        visit("one_on_one", people[(i * 11) % len(people)], lambda r=agenda_ready: bool(r))
        one.agenda_loaded.disconnect()
    week_view = window.view("week")
    week = []
    for _ in range(args.runs):
        window.show_view("people")
        qapp.processEvents()
        desk._cache.clear()
        week_view._dirty = True  # as after any write: the next show reads again
        start = time.perf_counter()
        window.show_view("week")
        qapp.processEvents()
        while week_view.loading:
            time.sleep(0.002)
            qapp.processEvents()
        window.repaint()
        qapp.processEvents()
        week.append((time.perf_counter() - start) * 1000)
    rss_after = rss_mb()
    window.close()
    QApplication.processEvents()

    print(
        f"Reference data set: {args.people} direct reports x {args.years:g} years; "
        f"platform {qapp.platformName()}"
    )
    print(
        f"  cold start to first painted window: LeadDesk {app_s * 1000:.0f} ms, bare PySide6 "
        f"window {bare_s * 1000:.0f} ms, ratio {app_s / bare_s:.2f}x (target <= 1.5x); "
        f"paired ratios median {statistics.median(paired):.2f}x, "
        f"range {paired[0]:.2f}-{paired[-1]:.2f}x, best-of ratio {min(first) / min(bare):.2f}x"
    )
    print(
        f"  cold start to the main window with This week filled (passphrase store): "
        f"{full_s * 1000:.0f} ms, ratio {full_s / bare_s:.2f}x"
    )
    print(
        f"  This week (team grid, focus, needs attention): {statistics.median(week):.0f} ms "
        "(target < 300 ms)"
    )
    targets = {"person": 150, "board": 300}
    for name, values in timings.items():
        goal = f" (target < {targets[name]} ms)" if name in targets else ""
        print(f"  switch to {name}: {statistics.median(values):.0f} ms{goal}")
    print(
        f"  RSS: {rss_before:.0f} MB with the window open, {rss_after:.0f} MB after visiting "
        "every screen (target < 300 MB)"
    )


if __name__ == "__main__":
    main()
