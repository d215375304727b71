"""The change notice: a closed set of areas the type checker enforces, and an initiator."""

from __future__ import annotations

from mypy import api

from leaddesk.domain.promises import PromiseDirection
from leaddesk.services.changes import Change, ChangeArea
from leaddesk.services.desk import Desk


def test_every_write_names_an_area_and_no_initiator(desk: Desk) -> None:
    heard: list[Change] = []
    desk.subscribe(heard.append)
    ada = desk.add_person("Ada Lovelace")
    desk.add_promise(ada, PromiseDirection.MINE, "Send the plan")
    assert [c.area for c in heard] == [ChangeArea.PEOPLE, ChangeArea.PROMISES]
    assert all(c.initiator is None for c in heard)


def test_an_initiator_is_compared_by_identity_and_kept_out_of_equality() -> None:
    me = object()
    change = Change(ChangeArea.PROMISES, 3).made_by(me)
    assert change.initiator is me
    assert change == Change(ChangeArea.PROMISES, 3)


def test_the_type_checker_rejects_a_string_area() -> None:
    source = (
        "from leaddesk.services.changes import Change\n"
        "from leaddesk.ui.common.base_view import BaseView\n"
        "Change('promises')\n"
        "class TypoView(BaseView):\n"
        "    areas = frozenset({'promisse'})\n"
    )
    out, _err, status = api.run(["--no-error-summary", "-c", source])
    assert status == 1
    assert out.count("error:") == 2, out
