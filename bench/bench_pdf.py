"""PDF one-pagers on the reference data set: person (private and shareable) and team pages.

Run from the repository root:  .venv/bin/python bench/bench_pdf.py [--people 200 --years 10]
Builds the reference store (seed 1) and a 50-person store, then prints median wall times of
the whole export (read models with a cold cache + layout + QPdfWriter at 300 dpi + rename).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from leaddesk.demo import build_demo
from leaddesk.reports.pdf_layout import ensure_gui_application
from leaddesk.reports.pdf_person import write_person_pdf
from leaddesk.reports.pdf_team import write_team_pdf
from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store.store import open_store

OUT = Path(__file__).with_name("out")


def timed(fn: Callable[[], Any], runs: int) -> list[float]:
    """Wall times of `fn` in milliseconds."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def build(path: Path, people: int, years: float, seed: int) -> Desk:
    """A fresh demo store at `path` (a raw key, as the OS keychain gives)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    desk = Desk(open_store(path, StoreKey(secrets.token_hex(32), "keychain")))
    build_demo(desk, people=people, years=years, seed=seed)
    return desk


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    ensure_gui_application()
    target = Path(tempfile.mkdtemp()) / "bench.pdf"

    reference = OUT / f"pdf-reference-{args.people}x{args.years:g}.db"
    desk = build(reference, args.people, args.years, args.seed)
    people = desk.direct_reports()
    busiest = max(people, key=lambda p: len(desk.delegations(p.id, True)))
    busiest_note = (
        f"{len(desk.delegations(busiest.id, True))} active delegations, "
        f"{len(desk.promises(busiest.id, open_only=True))} open promises, "
        f"{len(desk.feedback(busiest.id))} feedback items"
    )
    rng = random.Random(args.seed)

    def person(shareable: bool, pick: Callable[[], int]) -> Callable[[], Any]:
        def call() -> Any:
            desk._cache.clear()  # a first export after a change, not a cached read
            return write_person_pdf(desk, pick(), target, shareable=shareable)

        return call

    rows = [
        ("person, private, busiest", timed(person(False, lambda: busiest.id), args.runs)),
        ("person, shareable, busiest", timed(person(True, lambda: busiest.id), args.runs)),
        (
            "person, private, random people",
            timed(person(False, lambda: rng.choice(people).id), args.runs),
        ),
    ]

    def team(d: Desk) -> Callable[[], Any]:
        def call() -> Any:
            d._cache.clear()
            d._evidence.clear()  # the first team read after opening the store
            return write_team_pdf(d, target)

        return call

    rows.append((f"team, {len(people)} direct reports (+N more)", timed(team(desk), 5)))
    desk.close()
    fifty = build(OUT / f"pdf-50x{args.years:g}.db", 50, args.years, args.seed)
    rows.append(("team, 50 direct reports", timed(team(fifty), 5)))
    fifty.close()

    print(f"PDF one-pagers: {args.people} direct reports x {args.years:g} years, seed {args.seed}")
    print(f"  busiest person: {busiest_note}")
    print(f"  {'export':<40}{'median ms':>10}{'max ms':>9}")
    for name, samples in rows:
        print(f"  {name:<40}{statistics.median(samples):>10.0f}{max(samples):>9.0f}")
    print("  targets: person < 500 ms, team (50 people) < 5000 ms")


if __name__ == "__main__":
    main()
