"""`leaddesk add person --rhythm DAYS`: the person's own 1:1 rhythm from the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.cli import run

from leaddesk.services.desk import Desk


@pytest.fixture
def store(desk: Desk) -> Path:
    desk.add_person("Ada Lovelace")
    path = desk.path
    desk.close()
    return path


def rhythms(path: Path) -> dict[str, int | None]:
    desk = Desk.open(path)
    try:
        return {p.name: p.one_on_one_every_days for p in desk.people()}
    finally:
        desk.close()


def test_add_person_with_a_rhythm_of_their_own(store: Path, capsys) -> None:
    code, out, err = run(capsys, "--db", str(store), "add", "person", "Mary", "--rhythm", "21")
    assert (code, err) == (0, "")
    assert out == "Added Mary, a direct report, a 1:1 every 3 weeks.\n"
    code, out, _ = run(
        capsys, "--db", str(store), "add", "person", "Dot", "--reports-to", "ada", "--rhythm=45"
    )
    assert out == "Added Dot, reporting to Ada Lovelace, a 1:1 every 45 days.\n"
    assert rhythms(store) == {"Ada Lovelace": None, "Dot": 45, "Mary": 21}


def test_without_rhythm_the_default_applies(store: Path, capsys) -> None:
    assert run(capsys, "--db", str(store), "add", "person", "Mary")[0] == 0
    assert rhythms(store)["Mary"] is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0", "The 1:1 rhythm must be between 1 and 365 days; 0 is not."),
        ("400", "The 1:1 rhythm must be between 1 and 365 days; 400 is not."),
        ("weekly", "argument --rhythm: invalid int value: 'weekly'"),
    ],
)
def test_a_rhythm_out_of_range_is_one_line_and_adds_nobody(
    store: Path, capsys, typed: str, message: str
) -> None:
    code, out, err = run(capsys, "--db", str(store), "add", "person", "Mary", "--rhythm", typed)
    assert (code, out) == (2, "")
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert rhythms(store) == {"Ada Lovelace": None}
