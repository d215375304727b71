"""The self-test run: every check in turn, one line each, a summary, exit 0 only if all passed.

It runs offscreen (no display, over ssh, in a packaging CI) and only on scratch files in a
temporary folder: the user's store, keychain and settings are never opened or written.
"""

from __future__ import annotations

import os
import platform
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from importlib import import_module
from typing import TextIO

from leaddesk import __version__
from leaddesk.diagnostics.result import Check, CheckResult

EXIT_PASSED = 0
EXIT_FAILED = 1


def prepare_environment() -> None:
    """Run Qt offscreen unless told otherwise; to take effect it must precede the Qt app."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _lazy(module: str, name: str) -> Callable[[], str]:
    """A check body imported only when it runs: a part that cannot load fails its own line."""

    def body() -> str:
        check: Callable[[], str] = getattr(import_module(f"leaddesk.diagnostics.{module}"), name)
        return check()

    return body


def all_checks() -> list[Check]:
    """The checks, in the order they are run (Qt first: the PDF and icons need it)."""
    return [
        Check("Qt", _lazy("qt_platform", "qt_platform")),
        Check("SQLCipher", _lazy("storage_checks", "sqlcipher_store")),
        Check("Keychain", _lazy("storage_checks", "keychain")),
        Check("Migrations", _lazy("storage_checks", "migrations")),
        Check("PDF", _lazy("document_checks", "pdf_rendering")),
        Check("ICS", _lazy("document_checks", "ics_calendar")),
        Check("Resources", _lazy("resource_checks", "icons")),
    ]


@contextmanager
def qt_messages(keep: list[str]) -> Iterator[None]:
    """Qt's own warnings (a broken SVG, a missing font) are kept for --verbose, not printed
    between the lines; Qt's fatal messages still reach stderr before Qt ends the process."""
    if "PySide6.QtCore" not in sys.modules:
        yield
        return
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handle(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        keep.append(message)
        if kind == QtMsgType.QtFatalMsg:
            print(f"Qt: {message}", file=sys.stderr)

    previous = qInstallMessageHandler(handle)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def run_checks(
    checks: list[Check] | None = None, each: Callable[[CheckResult], None] | None = None
) -> list[CheckResult]:
    """Run every check (each isolated from the others); `each` sees each result as it comes."""
    prepare_environment()
    results: list[CheckResult] = []
    for check in all_checks() if checks is None else checks:
        result = check.run()
        results.append(result)
        if each is not None:
            each(result)
    return results


def summary(results: list[CheckResult], seconds: float) -> str:
    """The last line: how many passed, which LeadDesk, which Python, how long."""
    failed = sum(not r.ok for r in results)
    where = "bundle" if getattr(sys, "frozen", False) else "Python " + platform.python_version()
    about = f"(LeadDesk {__version__}, {where}, {sys.platform}, {seconds:.1f} s)"
    if failed:
        return f"Self-test FAILED: {failed} of {len(results)} checks failed {about}"
    return f"Self-test passed: all {len(results)} checks ok {about}"


def run(verbose: bool = False, out: TextIO | None = None) -> int:
    """`leaddesk --self-test`: print one line per check and a summary; 0 if all passed, else 1."""
    stream = out or sys.stdout
    started = time.monotonic()
    messages: list[str] = []

    def show(result: CheckResult) -> None:
        print(result.line, file=stream, flush=True)
        if verbose and result.trace:
            print(result.trace.rstrip(), file=sys.stderr)

    prepare_environment()
    with suppress(ImportError):  # imported now so Qt's messages are caught from the start
        import PySide6.QtCore  # noqa: F401
    with qt_messages(messages):
        results = run_checks(each=show)
    if verbose and messages:
        print("Qt said:", *(f"  {m}" for m in messages), sep="\n", file=sys.stderr)
    print(summary(results, time.monotonic() - started), file=stream)
    return EXIT_PASSED if all(r.ok for r in results) else EXIT_FAILED
