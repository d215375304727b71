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
from typing import TextIO

from leaddesk import __version__
from leaddesk.diagnostics.result import Check, CheckResult

EXIT_PASSED = 0
EXIT_FAILED = 1


def prepare_environment() -> None:
    """Run Qt offscreen unless told otherwise; to take effect it must precede the Qt app."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# Each check's module is imported when the check runs, so a part that cannot load (Qt missing
# from a broken bundle) fails its own lines only; the imports are written out so that
# PyInstaller's analysis finds every module.


def _qt() -> str:
    from leaddesk.diagnostics.qt_platform import qt_platform

    return qt_platform()


def _sqlcipher() -> str:
    from leaddesk.diagnostics.storage_checks import sqlcipher_store

    return sqlcipher_store()


def _keychain() -> str:
    from leaddesk.diagnostics.storage_checks import keychain

    return keychain()


def _migrations() -> str:
    from leaddesk.diagnostics.storage_checks import migrations

    return migrations()


def _pdf() -> str:
    from leaddesk.diagnostics.document_checks import pdf_rendering

    return pdf_rendering()


def _ics() -> str:
    from leaddesk.diagnostics.document_checks import ics_calendar

    return ics_calendar()


def _resources() -> str:
    from leaddesk.diagnostics.resource_checks import icons

    return icons()


def _modules() -> str:
    from leaddesk.diagnostics.module_checks import app_modules

    return app_modules()


def all_checks() -> list[Check]:
    """The checks, in the order they are run (Qt first: the PDF and icons need it)."""
    return [
        Check("Qt", _qt),
        Check("SQLCipher", _sqlcipher),
        Check("Keychain", _keychain),
        Check("Migrations", _migrations),
        Check("PDF", _pdf),
        Check("ICS", _ics),
        Check("Resources", _resources),
        Check("App modules", _modules),
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
