"""What day it is: the one place LeadDesk asks, so tests (and demos of a given day) can say.

`LEADDESK_TODAY=YYYY-MM-DD` fixes "today" for the services, the CLI and the GUI of this process and
its children. The test suite sets it, so no expectation depends on the real date; without it the
real local date is used. Timestamps (when something was written) always use the real clock.
"""

from __future__ import annotations

import os
from datetime import date

from leaddesk.domain.errors import UserError

TODAY_ENV = "LEADDESK_TODAY"


def today() -> date:
    """The current calendar date, or the one fixed in LEADDESK_TODAY."""
    fixed = os.environ.get(TODAY_ENV)
    if not fixed:
        return date.today()
    try:
        return date.fromisoformat(fixed)
    except ValueError:
        raise UserError(f"{TODAY_ENV} must be a date like 2026-11-25, not {fixed!r}.") from None
