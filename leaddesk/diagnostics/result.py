"""What a self-test check is and what it reports: one line, ok or FAIL, with what to do."""

from __future__ import annotations

import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# Where the reason for an unexpected exception is cut: the line must stay one line.
MAX_REASON = 160


class CheckFailed(Exception):
    """A check found a problem: `reason` says what happened, `hint` what to do about it."""

    def __init__(self, reason: str, hint: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.hint = hint


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The outcome of one check, printed as one line."""

    title: str
    ok: bool
    detail: str
    hint: str = ""
    trace: str = ""  # the traceback of an unexpected exception, shown only with --verbose

    @property
    def line(self) -> str:
        """`ok    Title: detail` or `FAIL  Title: what happened — what to do`."""
        status = "ok" if self.ok else "FAIL"
        text = f"{status:<6}{self.title}: {self.detail}"
        return f"{text} — {self.hint}" if self.hint else text


@dataclass(frozen=True, slots=True)
class Check:
    """One check: `body` returns what it found, or raises CheckFailed."""

    title: str
    body: Callable[[], str]

    def run(self) -> CheckResult:
        """Run the check; any exception becomes a FAIL line, so the other checks still run."""
        try:
            return CheckResult(self.title, True, self.body())
        except CheckFailed as failed:
            return CheckResult(self.title, False, failed.reason, failed.hint)
        except ImportError as error:  # a broken installation (a bundle missing a module)
            return CheckResult(
                self.title,
                False,
                f"a part of LeadDesk cannot be loaded ({_first_line(error)})",
                "reinstall LeadDesk",
                traceback.format_exc(),
            )
        except Exception as error:
            return CheckResult(
                self.title,
                False,
                f"unexpected {type(error).__name__}: {_first_line(error)}",
                "run `leaddesk --self-test --verbose` for the details, and report them",
                traceback.format_exc(),
            )


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    text = lines[0] if lines else "(no message)"
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 1] + "…"


@contextmanager
def scratch_folder() -> Iterator[Path]:
    """A private temporary folder for one check, removed afterwards even when the check fails."""
    with tempfile.TemporaryDirectory(prefix="leaddesk-self-test-") as name:
        yield Path(name)
