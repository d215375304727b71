"""Running the command line in-process, as the CLI tests do."""

from __future__ import annotations

import pytest

from leaddesk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`leaddesk ARGV...`: the exit code, then what it printed on stdout and stderr."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
