"""`leaddesk --self-test`: checks that this installation of LeadDesk can run, without a display
and without touching the user's store. Packaging smoke tests and the tests reuse the checks."""

from __future__ import annotations

from leaddesk.diagnostics.result import Check, CheckFailed, CheckResult

__all__ = ["Check", "CheckFailed", "CheckResult"]
