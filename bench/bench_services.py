"""Service read models and demo generation on the reference data set, beside a raw-SQL floor.

Run from the repository root:  .venv/bin/python bench/bench_services.py [--people 200 --years 10]
Per-person reads at 200 and 2,000 direct reports side by side:
  .venv/bin/python bench/bench_services.py --scale 200,2000 [--scale-years 10] [--reuse]
Prints figures; asserts nothing (shared machines are noisy: read the ratios).
"""

from __future__ import annotations

import argparse
import random
import secrets
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import person_reads  # beside this file
import sqlcipher3.dbapi2 as sqlcipher

from leaddesk.demo import build_demo
from leaddesk.domain.promises import PromiseDirection
from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store.store import open_store

OUT = Path(__file__).with_name("out")


def timed(fn: Callable[[], Any], runs: int) -> float:
    """Median wall time of `fn` in milliseconds."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def raw_connection(path: Path, key: StoreKey) -> Any:
    conn = sqlcipher.connect(str(path))
    conn.execute(f"PRAGMA key = {key.pragma_literal()}")
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def raw_person(conn: Any, pid: int) -> None:
    """The rows a person overview + trust series read, fetched with plain SQL (no computation)."""
    conn.execute("SELECT * FROM person WHERE id = ?", (pid,)).fetchall()
    conn.execute(
        "SELECT direction, state, on_time, resolved_on FROM promise WHERE person_id = ? "
        "AND deleted_at IS NULL",
        (pid,),
    ).fetchall()
    conn.execute(
        "SELECT c.outcome, c.completed_on, c.due_on FROM checkpoint c JOIN delegation d "
        "ON d.id = c.delegation_id WHERE d.person_id = ?",
        (pid,),
    ).fetchall()
    conn.execute("SELECT * FROM trust_assessment WHERE person_id = ?", (pid,)).fetchall()
    conn.execute(
        "SELECT l.* FROM level_change l JOIN delegation d ON d.id = l.delegation_id "
        "WHERE d.person_id = ?",
        (pid,),
    ).fetchall()
    conn.execute("SELECT max(held_on) FROM one_on_one WHERE person_id = ?", (pid,)).fetchall()
    conn.execute("SELECT * FROM person WHERE reports_to_id = ?", (pid,)).fetchall()


def raw_team(conn: Any) -> None:
    """The rows the team grid reads (the same evidence and counts), with plain SQL."""
    conn.execute(
        "SELECT id, name FROM person WHERE reports_to_id IS NULL AND deleted_at IS NULL "
        "AND NOT archived"
    ).fetchall()
    conn.execute(
        "SELECT person_id, state, on_time, julianday(resolved_on) FROM promise "
        "WHERE direction = 'theirs' AND state IN ('kept', 'broken') "
        "AND deleted_at IS NULL AND resolved_on IS NOT NULL"
    ).fetchall()
    conn.execute(
        "SELECT d.person_id, c.outcome, julianday(c.completed_on) FROM checkpoint c "
        "JOIN delegation d ON d.id = c.delegation_id WHERE c.outcome IN "
        "('on-track', 'concerns', 'off-track') AND c.deleted_at IS NULL "
        "AND c.completed_on IS NOT NULL AND d.deleted_at IS NULL"
    ).fetchall()
    conn.execute(
        "SELECT person_id, count(*) FROM promise WHERE state IN ('open','renegotiated') "
        "AND deleted_at IS NULL GROUP BY person_id"
    ).fetchall()
    conn.execute(
        "SELECT person_id, max(held_on) FROM one_on_one WHERE deleted_at IS NULL GROUP BY person_id"
    ).fetchall()


def raw_focus(conn: Any) -> None:
    """The rows the week focus and needs-attention read, with plain SQL."""
    conn.execute(
        "SELECT id, person_id, title, my_level, their_level FROM delegation "
        "WHERE state = 'active' AND deleted_at IS NULL"
    ).fetchall()
    conn.execute(
        "SELECT id, delegation_id, due_on FROM checkpoint WHERE outcome IS NULL "
        "AND deleted_at IS NULL"
    ).fetchall()
    conn.execute(
        "SELECT * FROM promise WHERE state IN ('open','renegotiated') AND deleted_at IS NULL"
    ).fetchall()
    conn.execute(
        "SELECT person_id, max(held_on) FROM one_on_one WHERE deleted_at IS NULL GROUP BY person_id"
    ).fetchall()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--scale",
        default="",
        help="comma-separated sizes (e.g. 200,2000): per-person reads at each size, side by side",
    )
    parser.add_argument("--scale-years", type=float, default=None, help="years for --scale")
    parser.add_argument("--reuse", action="store_true", help="reuse stores built by --scale")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    if args.scale:
        scale(args)
        return
    path = OUT / f"reference-{args.people}x{args.years:g}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    key = StoreKey(secrets.token_hex(32), "keychain")  # a raw key, as the OS keychain gives

    start = time.perf_counter()
    desk = Desk(open_store(path, key))
    build_demo(desk, people=args.people, years=args.years, seed=args.seed)
    generation = time.perf_counter() - start
    desk.close()
    size_mb = (
        sum(
            Path(f"{path}{s}").stat().st_size
            for s in ("", "-wal", "-shm")
            if Path(f"{path}{s}").exists()
        )
        / 1e6
    )

    open_ms = timed(lambda: open_store(path, key).close(), 5)
    raw_open_ms = timed(lambda: raw_connection(path, key).close(), 5)
    pass_key = StoreKey("bench passphrase", "passphrase")
    pass_path = OUT / "passphrase.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{pass_path}{suffix}").unlink(missing_ok=True)
    open_store(pass_path, pass_key).close()
    pass_open_ms = timed(lambda: open_store(pass_path, pass_key).close(), 5)

    desk = Desk(open_store(path, key))
    conn = raw_connection(path, key)
    people = [p.id for p in desk.direct_reports()]
    rng = random.Random(args.seed)
    sample = [rng.choice(people) for _ in range(args.runs)]
    it = iter(sample * 4)

    def cold(fn: Callable[[int], Any]) -> Callable[[], Any]:
        def call() -> Any:
            desk._cache.clear()  # measure the first visit, not the cache
            return fn(next(it))

        return call

    def cold_all(fn: Callable[[], Any]) -> Callable[[], Any]:
        def call() -> Any:
            desk._cache.clear()
            desk._evidence.clear()  # nothing read yet: the first view after opening the store
            return fn()

        return call

    changed = iter(sample * 4)

    def after_change() -> Any:
        """The team grid after a promise about one person was recorded (the usual case)."""
        desk.add_promise(next(changed), PromiseDirection.THEIRS, "bench: a change")
        start = time.perf_counter()
        desk.team_overview()
        return (time.perf_counter() - start) * 1000

    desk.team_overview()
    after_change_ms = statistics.median(after_change() for _ in range(args.runs))

    rows = [
        (
            "person overview",
            timed(cold(desk.person_overview), args.runs),
            timed(lambda: raw_person(conn, rng.choice(people)), args.runs),
            50,
        ),
        (
            "trust series (one person)",
            timed(cold(desk.trust_series), args.runs),
            timed(lambda: raw_person(conn, rng.choice(people)), args.runs),
            50,
        ),
        (
            "team overview, after a change",
            after_change_ms,
            timed(lambda: raw_team(conn), args.runs),
            300,
        ),
        (
            "team overview, first read",
            timed(cold_all(desk.team_overview), args.runs),
            timed(lambda: raw_team(conn), args.runs),
            300,
        ),
        (
            "week focus",
            timed(cold_all(desk.week_focus), args.runs),
            timed(lambda: raw_focus(conn), args.runs),
            100,
        ),
        (
            "needs attention",
            timed(cold_all(desk.needs_attention), args.runs),
            timed(lambda: raw_focus(conn), args.runs),
            None,
        ),
    ]
    today = desk.today()
    focus_start = desk.settings().focus_start
    per_principle = []
    for k in range(6):
        day = today + timedelta(weeks=k)
        principle = int(desk.week_focus(day).principle)
        per_principle.append((principle, timed(cold_all(lambda d=day: desk.week_focus(d)), 5)))
    counts = dict(desk.counts().counts)
    desk.close()
    conn.close()

    print(
        f"Reference data set: {args.people} direct reports x {args.years:g} years, "
        f"seed {args.seed}, on {date.today().isoformat()}"
    )
    print("  rows: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    print(f"  demo generation: {generation:.1f} s (target < 120 s)")
    print(f"  store size: {size_mb:.1f} MB (target < 200 MB)")
    print(
        f"  store open (raw key, migrations checked): {open_ms:.1f} ms; raw sqlcipher3 open "
        f"{raw_open_ms:.1f} ms; ratio {open_ms / raw_open_ms:.1f}x"
    )
    print(f"  store open with a passphrase (KDF): {pass_open_ms:.1f} ms")
    print(f"  {'read model':<32}{'service ms':>11}{'raw SQL ms':>11}{'ratio':>8}{'target':>9}")
    for name, service, raw, target in rows:
        goal = f"< {target}" if target else "-"
        print(f"  {name:<32}{service:>11.1f}{raw:>11.1f}{service / raw:>7.1f}x{goal:>9}")
    print(
        "  week focus by principle (ms): "
        + ", ".join(f"{p}: {ms:.1f}" for p, ms in sorted(per_principle))
    )
    print(f"  (focus rotation starts {focus_start.isoformat()})")


def scale(args: argparse.Namespace) -> None:
    """Per-person reads at each size in --scale, printed side by side with the ratio."""
    years = args.scale_years if args.scale_years is not None else args.years
    sizes, samples = [], []
    counts_of = [int(n) for n in args.scale.split(",")]
    for people in counts_of:
        path, built = person_reads.build(OUT, people, years, args.seed, args.reuse)
        figures, counts, names = person_reads.measure(path, args.runs, args.seed, min(counts_of))
        sizes.append((people, years, built, figures, counts))
        samples.append(names)
    same = all(names == samples[0] for names in samples)
    print(
        f"Seed {args.seed}, the same {args.runs} direct reports at every size: "
        f"{'yes' if same else 'NO (the generator differs by size)'}, on {date.today().isoformat()}"
    )
    person_reads.report(sizes)


if __name__ == "__main__":
    main()
