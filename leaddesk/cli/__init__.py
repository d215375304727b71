"""The `leaddesk` command: opens the app, or runs a terminal command on a store."""

from __future__ import annotations

from leaddesk.cli.main import main

__all__ = ["main"]
