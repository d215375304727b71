"""A first end-to-end pass over the facade on a real encrypted store."""

from __future__ import annotations

from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.desk import Desk


def test_kept_promise_raises_person_track_record(desk: Desk) -> None:
    ada = desk.add_person("Ada Lovelace", role="VP Engineering")
    before = desk.person_overview(ada).current.expectation
    promise = desk.add_promise(ada, PromiseDirection.THEIRS, "Send the hiring plan")
    assert desk.keep_promise(promise) is True
    assert desk.person_overview(ada).current.expectation > before
