"""The programs a bundled LeadDesk starts get the user's library path, not the bundle's."""

from __future__ import annotations

import sys

import pytest

from leaddesk.bundle_env import restore_library_path

BUNDLE = "/opt/LeadDesk/_internal"


@pytest.fixture
def frozen_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")


@pytest.mark.usefixtures("frozen_linux")
def test_the_users_own_library_path_comes_back() -> None:
    environ = {
        "LD_LIBRARY_PATH": f"{BUNDLE}:/usr/lib/custom",
        "LD_LIBRARY_PATH_ORIG": "/usr/lib/custom",
    }
    restore_library_path(environ)
    assert environ == {"LD_LIBRARY_PATH": "/usr/lib/custom"}


@pytest.mark.usefixtures("frozen_linux")
def test_without_one_the_bundles_path_goes() -> None:
    environ = {"LD_LIBRARY_PATH": BUNDLE, "HOME": "/home/a"}
    restore_library_path(environ)
    assert environ == {"HOME": "/home/a"}


def test_outside_a_bundle_nothing_changes() -> None:
    environ = {"LD_LIBRARY_PATH": "/usr/lib/custom", "LD_LIBRARY_PATH_ORIG": "/x"}
    restore_library_path(environ)
    assert environ == {"LD_LIBRARY_PATH": "/usr/lib/custom", "LD_LIBRARY_PATH_ORIG": "/x"}
