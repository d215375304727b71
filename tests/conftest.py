"""Every test: offscreen Qt, a real in-memory keyring backend, a fresh encrypted store on disk."""

from __future__ import annotations

import gc
import os
import secrets
import shutil
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import keyring
import pytest
from helpers.memory_keyring import MemoryKeyring
from PySide6.QtCore import QLocale

from leaddesk.domain.clock import TODAY_ENV
from leaddesk.security.keys import SERVICE, StoreKey, entry_name
from leaddesk.services.desk import Desk
from leaddesk.store.store import open_store
from leaddesk.ui.shell.gui_thread_gc import collect_if_due

TODAY = date(2026, 11, 25)

# Dates are worded in the user's locale (leaddesk.reports.wording): every test reads British
# English, whatever the machine's locale.
QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))

# As the app does (leaddesk/ui/shell/gui_thread_gc.py): no automatic garbage collection, which
# would run in whichever thread allocates and could destroy Qt objects in a worker; the main thread
# collects what is due after each test instead.
_GC_THRESHOLD = gc.get_threshold()
gc.disable()


@pytest.fixture(autouse=True)
def collect_garbage_on_the_main_thread() -> Iterator[None]:
    yield
    collect_if_due(_GC_THRESHOLD)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> date:
    """Every test, and every process it starts, lives on TODAY: no expectation reads the real date.

    LEADDESK_TODAY is the one way "today" is injected (leaddesk.domain.clock); the suite passes
    with the real clock moved (e.g. `faketime -f +365d`).
    """
    monkeypatch.setenv(TODAY_ENV, TODAY.isoformat())
    return TODAY


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Install a fresh in-memory keyring and clear the passphrase variable for each test."""
    monkeypatch.delenv("LEADDESK_PASSPHRASE", raising=False)
    monkeypatch.delenv("LEADDESK_DB", raising=False)
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def log_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """LeadDesk's log goes to a folder of this test, never into the user's log folder."""
    folder = tmp_path_factory.mktemp("logs")
    monkeypatch.setenv("LEADDESK_LOG_DIR", str(folder))
    return folder


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """Where this test's store lives."""
    return tmp_path / "leaddesk.db"


@pytest.fixture(scope="session")
def template_store(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """One freshly created and migrated store, copied for each test (migrating is the slow part)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    key = secrets.token_hex(32)
    Desk(open_store(path, StoreKey(key, "keychain")), today=lambda: TODAY).close()
    assert not Path(f"{path}-wal").exists()
    return path, key


@pytest.fixture
def desk(
    store_path: Path, template_store: tuple[Path, str], memory_keyring: MemoryKeyring
) -> Iterator[Desk]:
    """A fresh encrypted store (key in the test keyring) whose 'today' is fixed at TODAY."""
    template, key = template_store
    shutil.copyfile(template, store_path)
    memory_keyring.set_password(SERVICE, entry_name(store_path), key)
    opened = Desk.open(store_path, today=lambda: TODAY)
    yield opened
    if "PySide6.QtCore" in sys.modules:  # views read off the GUI thread: let those reads end
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone(10_000)
    opened.close()
