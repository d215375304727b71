"""Installed-app figures: bundle and installer sizes, and the bundle's cold start beside the venv's.

Run after packaging/build.sh, from the repository root, with a display (Xvfb is fine) and xdotool:
    .venv/bin/python bench/bench_bundle.py [--baseline] [--runs 7]
--baseline also bundles a bare PySide6 window with PyInstaller's defaults (the build venv's
PyInstaller) so the sizes are compared in the same run. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "packaging"
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.setWindowTitle("Bare"); w.show()
sys.exit(app.exec())
"""


def tree_mb(folder: Path) -> float:
    """Unpacked size: the bytes of every file (symlinks not followed)."""
    total = sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return total / 1e6


def bare_bundle(workdir: Path) -> Path:
    """A bare PySide6 window bundled with PyInstaller's defaults, by the build venv."""
    script = workdir / "bare.py"
    script.write_text(BARE)
    subprocess.run(
        [
            str(BUILD / "venv" / "bin" / "python"),
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(workdir / "dist"),
            "--workpath",
            str(workdir / "work"),
            "--specpath",
            str(workdir),
            str(script),
        ],
        check=True,
    )
    return workdir / "dist" / "bare"


def seconds(command: list[str], env: dict[str, str]) -> float:
    """Wall time of a command that exits by itself (e.g. --version)."""
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def window_seconds(command: list[str], env: dict[str, str]) -> float:
    """Wall time from launch until a LeadDesk window is mapped on the display, as a user sees it."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        subprocess.run(
            [
                "xdotool",
                "search",
                "--sync",
                "--onlyvisible",
                "--pid",
                str(process.pid),
                "--name",
                ".",
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return time.perf_counter() - start
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="starts of each kind, alternating")
    parser.add_argument("--baseline", action="store_true", help="also bundle a bare PySide6 window")
    args = parser.parse_args()
    bundle = BUILD / "dist" / "LeadDesk"
    if not (bundle / "leaddesk").exists():
        sys.exit("No bundle: run packaging/build.sh first.")
    if not os.environ.get("DISPLAY"):
        sys.exit("No display: run under Xvfb (Xvfb :99 & DISPLAY=:99 ...).")

    print("Sizes")
    print(f"  bundle, unpacked: {tree_mb(bundle):.0f} MB ({bundle})")
    for pattern in ("LeadDesk-*-linux-*.tar.gz", "leaddesk_*.deb"):
        for path in sorted((ROOT / "dist").glob(pattern)):
            print(f"  {path.name}: {path.stat().st_size / 1e6:.0f} MB")
    if args.baseline:
        with tempfile.TemporaryDirectory(prefix="leaddesk-bare-") as work:
            bare = bare_bundle(Path(work))
            bare_mb, ours = tree_mb(bare), tree_mb(bundle)
            print(f"  bare PySide6 window, PyInstaller defaults: {bare_mb:.0f} MB unpacked")
            print(f"  ratio LeadDesk / bare: {ours / bare_mb:.2f}x")

    with tempfile.TemporaryDirectory(prefix="leaddesk-bench-") as folder:
        store = Path(folder) / "bench.db"
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": folder,
            "LANG": "C.UTF-8",
            "DISPLAY": os.environ["DISPLAY"],
            "LEADDESK_PASSPHRASE": "bench passphrase",
            "LEADDESK_LOG_DIR": folder,
        }
        subprocess.run(
            [str(bundle / "leaddesk"), "--db", str(store), "demo", "--people", "12"],
            env=env,
            check=True,
            capture_output=True,
        )
        kinds = {
            "bundle": [str(bundle / "leaddesk")],
            "python -m leaddesk": [str(ROOT / ".venv" / "bin" / "python"), "-m", "leaddesk"],
        }
        version: dict[str, list[float]] = {k: [] for k in kinds}
        window: dict[str, list[float]] = {k: [] for k in kinds}
        for _ in range(args.runs):
            for kind, command in kinds.items():
                version[kind].append(seconds([*command, "--version"], env))
                window[kind].append(window_seconds([*command, "--db", str(store)], env))
        print(f"Start-up (medians of {args.runs}, alternating; same run, warm disk cache)")
        for label, figures in (("--version, start to exit", version), ("first window", window)):
            bundle_s = statistics.median(figures["bundle"])
            python_s = statistics.median(figures["python -m leaddesk"])
            print(
                f"  {label}: bundle {bundle_s * 1000:.0f} ms, python -m leaddesk "
                f"{python_s * 1000:.0f} ms, ratio {bundle_s / python_s:.2f}x"
            )


if __name__ == "__main__":
    main()
