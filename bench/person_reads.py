"""Per-person reads at two sizes of org: each should cost the same at 200 and 2,000 reports.

Used by `bench_services.py --scale`. Every read is a first read (the read cache is cleared
before each call), for a fixed random sample of direct reports, median of the sample.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from leaddesk.demo import build_demo
from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store.store import open_store

# A fixed raw key so a built store can be reopened by the next run (--reuse): bench data only.
BENCH_KEY = StoreKey("5e" * 32, "keychain")

PER_PERSON: list[tuple[str, Callable[[Desk, int], Any]]] = [
    ("person header (person)", lambda d, p: d.person(p)),
    ("person overview", lambda d, p: d.person_overview(p)),
    ("trust series", lambda d, p: d.trust_series(p)),
    ("1:1 agenda", lambda d, p: d.agenda(p)),
    ("promises", lambda d, p: d.promises(p)),
    ("delegations", lambda d, p: d.delegations(p)),
    ("feedback", lambda d, p: d.feedback(p)),
    ("assessments", lambda d, p: d.assessments(p)),
    ("1:1s", lambda d, p: d.one_on_ones(p)),
    ("open topics", lambda d, p: d.open_topics(p)),
    ("relationship notes", lambda d, p: d.relationship_notes(p)),
    ("timeline", lambda d, p: d.timeline(p)),
    ("terms (team + theirs)", lambda d, p: d.terms(p)),
    ("1:1 draft", lambda d, p: d.one_on_one_draft(p)),
    ("last 1:1", lambda d, p: d.last_one_on_one(p)),
]

ORG_WIDE: list[tuple[str, Callable[[Desk], Any]]] = [
    ("direct_reports()", lambda d: d.direct_reports()),
    ("people()", lambda d: d.people()),
]


def build(out: Path, people: int, years: float, seed: int, reuse: bool) -> tuple[Path, float]:
    """The store for `people` direct reports; seconds spent building it (0 when reused)."""
    path = out / f"scale-{people}x{years:g}-seed{seed}.db"
    if reuse and path.exists():
        return path, 0.0
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    start = time.perf_counter()
    desk = Desk(open_store(path, BENCH_KEY))
    build_demo(desk, people=people, years=years, seed=seed)
    desk.close()
    return path, time.perf_counter() - start


def measure(
    path: Path, sample_size: int, seed: int, pool: int
) -> tuple[dict[str, float], dict[str, int], list[str]]:
    """Median ms of each read over a sample of direct reports; row counts; the sample's names.

    The sample is drawn from the first `pool` direct reports made: with the same seed the
    generator makes the same first people with the same histories at every size, so each size
    reads the same people's rows and only the org around them grows.
    """
    desk = Desk(open_store(path, BENCH_KEY))
    try:
        people = sorted(p.id for p in desk.direct_reports())[:pool]
        sample = random.Random(seed).sample(people, min(sample_size, len(people)))
        names = [desk.person(pid).name for pid in sample]
        figures: dict[str, float] = {}
        for name, read in PER_PERSON:
            read(desk, sample[0])  # warm the connection pool and statement caches
            samples = []
            for pid in sample:
                desk._cache.clear()  # a first visit, not the cache
                start = time.perf_counter()
                read(desk, pid)
                samples.append((time.perf_counter() - start) * 1000)
            figures[name] = statistics.median(samples)
        for name, read_all in ORG_WIDE:
            read_all(desk)
            samples = []
            for _ in range(5):
                start = time.perf_counter()
                read_all(desk)
                samples.append((time.perf_counter() - start) * 1000)
            figures[name] = statistics.median(samples)
        counts = dict(desk.counts().counts)
    finally:
        desk.close()
    return figures, counts, names


def report(sizes: list[tuple[int, float, float, dict[str, float], dict[str, int]]]) -> None:
    """Print each read at every size side by side, with the ratio of the largest to the smallest."""
    for people, years, built, _, counts in sizes:
        took = f"built in {built:.1f} s" if built else "reused"
        rows = ", ".join(f"{k} {v:,}" for k, v in counts.items())
        print(f"{people} direct reports x {years:g} years ({took}): {rows}")
    head = "".join(f"{f'{p} ms':>10}" for p, *_ in sizes)
    print(f"  {'per-person read (first read)':<32}{head}{'ratio':>8}")
    names = [n for n, _ in PER_PERSON] + [n for n, _ in ORG_WIDE]
    for name in names:
        if name == ORG_WIDE[0][0]:
            print("  org-wide lists (grow with the org by nature):")
        values = [figs[name] for *_, figs, _ in sizes]
        cells = "".join(f"{v:>10.2f}" for v in values)
        print(f"  {name:<32}{cells}{values[-1] / values[0]:>7.2f}x")
