"""Search (Ctrl+K, `leaddesk search`) on the reference data set: latency, index size, upgrade time.

Run from the repository root:  .venv/bin/python bench/bench_search.py [--people 200 --years 10]
(from a worktree: PYTHONPATH=. .venv/bin/python bench/bench_search.py)

1. Builds the reference data set (seed 1) at the current schema, so the index is filled by its
   triggers as the demo loads (the generation time is printed beside the README's 6.6 s).
2. Takes the store back to schema 0005 (no index), VACUUMs it, and times the upgrade a user of the
   previous version goes through: the migration alone, then a whole open (pre-upgrade backup
   included) on a second copy. The index size is the growth of the VACUUMed file.
3. Times ~50 typical queries of 1-3 words drawn from the store's own texts and names (the last word
   often a prefix, as while typing), median of 3 runs each; prints the median and p95 over the
   queries, for a full search, a presenter-mode search and a search within one person.
Prints figures; asserts nothing (shared machines are noisy).
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from alembic import command

from leaddesk.demo import build_demo
from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store import migrate
from leaddesk.store.engine import make_engine
from leaddesk.store.store import open_store

OUT = Path(__file__).with_name("out")
BEFORE = "0005"  # the schema before the search index


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def raw(path: Path, key: StoreKey) -> Any:
    conn = sqlcipher.connect(str(path))
    conn.execute(f"PRAGMA key = {key.pragma_literal()}")
    return conn


def vacuumed_size(path: Path, key: StoreKey) -> int:
    conn = raw(path, key)
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path.stat().st_size


def alembic(path: Path, key: StoreKey, action: Callable[..., None], target: str) -> float:
    """Run one Alembic command on the store; seconds it took."""
    engine = make_engine(path, key)
    config = migrate.alembic_config()
    start = time.perf_counter()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        action(config, target)
    took = time.perf_counter() - start
    engine.dispose()
    return took


def queries(path: Path, key: StoreKey, count: int, seed: int) -> list[str]:
    """Typical queries: 1-3 words from the store's own texts and names, many a prefix."""
    conn = raw(path, key)
    texts = [r[0] for r in conn.execute("SELECT text FROM promise ORDER BY random() LIMIT 400")]
    texts += [r[0] for r in conn.execute("SELECT title FROM delegation LIMIT 300")]
    texts += [r[0] for r in conn.execute("SELECT text FROM relationship_note LIMIT 300")]
    texts += [r[0] for r in conn.execute("SELECT shared_notes FROM one_on_one LIMIT 300")]
    names = [r[0] for r in conn.execute("SELECT name FROM person")]
    conn.close()
    words = sorted({w for t in texts for w in re.findall(r"[^\W\d_]{4,}", t.casefold())})
    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < count:
        shape = len(out) % 5
        if shape == 0:  # a name being typed
            out.append(rng.choice(names).split()[0][: rng.randint(3, 6)])
        elif shape == 1:  # one word
            out.append(rng.choice(words))
        elif shape == 2:  # one word being typed
            out.append(rng.choice(words)[: rng.randint(3, 5)])
        else:  # two or three words from one text, the last being typed
            picked = re.findall(r"[^\W\d_]{3,}", rng.choice(texts))
            if len(picked) < 3:
                continue
            at = rng.randrange(len(picked) - 2)
            n = 2 if shape == 3 else 3
            chosen = picked[at : at + n]
            chosen[-1] = chosen[-1][: max(3, len(chosen[-1]) - 2)]
            out.append(" ".join(chosen))
    return out


def latency(fn: Callable[[str], Any], typed: list[str]) -> tuple[float, float, float]:
    """Median and p95 over the queries (each its median of 3) and the worst, in ms."""
    each = []
    for q in typed:
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            fn(q)
            runs.append((time.perf_counter() - start) * 1000)
        each.append(statistics.median(runs))
    each.sort()
    return statistics.median(each), each[int(len(each) * 0.95) - 1], each[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--reuse", action="store_true", help="reuse the store of an earlier run")
    parser.add_argument(
        "--baseline",
        action="store_true",
        help="also time the demo generation without the index (its triggers dropped), same run",
    )
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    path = OUT / f"search-{args.people}x{args.years:g}.db"
    key = StoreKey("ab" * 32, "keychain")  # a raw key, as the OS keychain gives; bench only
    if args.baseline:
        bare = OUT / "search-without-index.db"
        remove(bare)
        start = time.perf_counter()
        desk = Desk(open_store(bare, key))
        with desk.store.engine.begin() as conn:
            names = conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE 'search_index_%'"
            ).scalars()
            for name in list(names):
                conn.exec_driver_sql(f"DROP TRIGGER {name}")
        build_demo(desk, people=args.people, years=args.years, seed=args.seed)
        desk.close()
        print(f"Demo generation without the index: {time.perf_counter() - start:.1f} s")
        remove(bare)
    if not (args.reuse and path.exists()):
        remove(path)
        start = time.perf_counter()
        desk = Desk(open_store(path, key))
        build_demo(desk, people=args.people, years=args.years, seed=args.seed)
        desk.close()
        print(
            f"Demo generation with the index kept by triggers: {time.perf_counter() - start:.1f} s"
        )

    # -- the upgrade a store of the previous version goes through ------------------------------
    old = OUT / "search-old.db"
    remove(old)
    shutil.copyfile(path, old)
    alembic(old, key, command.downgrade, BEFORE)
    before = vacuumed_size(old, key)
    second = OUT / "search-old-2.db"
    remove(second)
    shutil.copyfile(old, second)
    build = alembic(old, key, command.upgrade, "head")
    after = vacuumed_size(old, key)
    shutil.rmtree(OUT / "backups", ignore_errors=True)
    start = time.perf_counter()
    open_store(second, key).close()
    whole_open = time.perf_counter() - start
    index = after - before
    print(
        f"Store at {BEFORE} (VACUUMed): {before / 1e6:.1f} MB; with the index: {after / 1e6:.1f} MB"
    )
    print(
        f"Index size: {index:,} bytes ({index / 1e6:.1f} MB), "
        f"{100 * index / after:.0f}% of the store"
    )
    print(f"Index build on upgrade (migration {BEFORE} -> head): {build:.2f} s")
    print(
        f"Whole first open of a {BEFORE} store (pre-upgrade backup + upgrade): {whole_open:.2f} s"
    )

    # -- typical queries -----------------------------------------------------------------------
    desk = Desk(open_store(path, key))
    typed = queries(path, key, args.queries, args.seed)
    someone = desk.direct_reports()[0].id
    desk.search("warm up")
    hits = [len(desk.search(q)) for q in typed]
    print(f"{len(typed)} queries, e.g. {', '.join(repr(q) for q in typed[:6])}")
    print(
        f"Hits per query (limit 20): median {statistics.median(hits):g}, none for {hits.count(0)}"
    )
    for label, fn in (
        ("search (all, limit 20)", lambda q: desk.search(q)),
        ("search, presenter mode", lambda q: desk.search(q, include_private=False)),
        ("search within one person", lambda q: desk.search(q, person_id=someone)),
    ):
        median, p95, worst = latency(fn, typed)
        print(f"{label:28} median {median:5.1f} ms   p95 {p95:5.1f} ms   worst {worst:5.1f} ms")
    desk.close()
    for leftover in (old, second):
        remove(leftover)
    shutil.rmtree(OUT / "backups", ignore_errors=True)


if __name__ == "__main__":
    main()
