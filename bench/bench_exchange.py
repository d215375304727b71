"""JSON export and import of the reference data set (target: each under 60 s).

Run from the repository root:  .venv/bin/python bench/bench_exchange.py [--people 200 --years 10]
Builds the reference store (`leaddesk demo --people 200 --years 10`, seed 1) in bench/out, exports
it, imports the file into a new store, exports that again and checks both files agree. Keys live in
an in-memory keyring for the run: your keychain is not touched. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import time
from pathlib import Path

import keyring

from leaddesk.demo import build_demo
from leaddesk.reports.exchange_json import export_json, import_json, read_exchange
from leaddesk.security.keys import StoreKey
from leaddesk.services.desk import Desk
from leaddesk.store.store import open_store

OUT = Path(__file__).with_name("out")
sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
from helpers.memory_keyring import MemoryKeyring  # noqa: E402 - the tests' own backend


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    OUT.mkdir(exist_ok=True)
    source = OUT / f"exchange-{args.people}x{args.years:g}.db"
    copy = OUT / "exchange-imported.db"
    first, second = OUT / "exchange-first.json", OUT / "exchange-second.json"
    for path in (source, copy):
        _remove(path)

    start = time.perf_counter()
    desk = Desk(open_store(source, StoreKey(secrets.token_hex(32), "keychain")))
    build_demo(desk, people=args.people, years=args.years, seed=args.seed)
    print(f"Reference store built in {time.perf_counter() - start:.1f} s")

    start = time.perf_counter()
    exported = export_json(desk, first)
    export_s = time.perf_counter() - start
    desk.close()
    size_mb = first.stat().st_size / 1e6
    print(f"Export: {exported.rows:,} rows in {exported.tables} tables, {size_mb:.1f} MB")

    start = time.perf_counter()
    read_exchange(first)
    check_s = time.perf_counter() - start
    start = time.perf_counter()
    imported = import_json(first, copy)
    import_s = time.perf_counter() - start

    again = Desk.open(copy)
    export_json(again, second)
    again.close()
    same = _body(first) == _body(second)

    print(f"JSON export:                  {export_s:6.1f} s   (target < 60 s)")
    print(f"JSON import (new store):      {import_s:6.1f} s   (target < 60 s)")
    print(f"  of which read and check:    {check_s:6.1f} s")
    print(f"Rows imported: {imported.rows:,}; export -> import -> export identical: {same}")
    for path in (source, copy):
        _remove(path)
    first.unlink()
    second.unlink()


def _body(path: Path) -> list[str]:
    """The file without its exported_at line."""
    return [line for line in path.read_text("utf-8").splitlines() if '"exported_at"' not in line]


if __name__ == "__main__":
    main()
