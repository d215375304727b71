"""The checks of the store's machinery: SQLCipher, the keychain and the Alembic migrations.

They run on scratch stores in a temporary folder, through the store's own opening code; the
user's store is never opened, and no key is ever written to the user's keychain.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from leaddesk.diagnostics.result import CheckFailed, scratch_folder
from leaddesk.security.keys import StoreKey

PROBE = "LeadDesk self-test probe"
REINSTALL = "reinstall LeadDesk"


def _scratch_key() -> StoreKey:
    """A random raw key that lives in memory only (never in a keychain)."""
    return StoreKey(secrets.token_hex(32), "keychain")


def _plaintext_on_disk(folder: Path) -> bool:
    for file in folder.iterdir():
        data = file.read_bytes()
        if data.startswith(b"SQLite format 3\0") or PROBE.encode() in data:
            return True
    return False


def sqlcipher_store() -> str:
    """Create, key, write, reopen and read back a scratch store; a wrong key must be refused."""
    from leaddesk.store.engine import connect
    from leaddesk.store.errors import WrongKeyError

    with scratch_folder() as folder:
        path, key = folder / "scratch.db", _scratch_key()
        conn = connect(path, key)
        try:
            version = str(conn.execute("PRAGMA cipher_version").fetchone()[0] or "")
            conn.execute("CREATE TABLE probe (word TEXT NOT NULL)")
            conn.execute("INSERT INTO probe VALUES (?)", (PROBE,))
            conn.commit()
        finally:
            conn.close()
        if not version:
            raise CheckFailed(
                "the SQLite driver has no SQLCipher: stores would not be encrypted",
                REINSTALL + " (it needs the sqlcipher3-binary package)",
            )
        if _plaintext_on_disk(folder):
            raise CheckFailed(f"SQLCipher {version} wrote the scratch store unencrypted", REINSTALL)
        conn = connect(path, key)
        try:
            rows = conn.execute("SELECT word FROM probe").fetchall()
        finally:
            conn.close()
        if rows != [(PROBE,)]:
            raise CheckFailed(f"SQLCipher {version} did not read back what it wrote", REINSTALL)
        try:
            connect(path, _scratch_key()).close()
        except WrongKeyError:
            pass
        else:
            raise CheckFailed(f"SQLCipher {version} opened a store with a wrong key", REINSTALL)
    return (
        f"{version}: created, keyed, reopened and deleted a scratch store; a wrong key is refused"
    )


def keychain() -> str:
    """Which keychain keeps store keys, judged as LeadDesk judges it; only inspected."""
    from leaddesk.security.keys import keyring_backend

    backend = keyring_backend()
    if backend is None:
        return "no OS keychain; the passphrase fallback will be used"
    first = next(iter(getattr(backend, "backends", None) or [backend]))
    name = getattr(first, "name", "") or type(first).__name__
    return f"{name} (new stores keep their key there)"


def migrations() -> str:
    """Bring an empty scratch store to the newest schema with the shipped migrations."""
    from leaddesk.store import migrate
    from leaddesk.store.store import open_store

    versions = sorted((migrate.MIGRATIONS / "versions").glob("*.py"))
    if not versions or not (migrate.MIGRATIONS / "env.py").is_file():
        raise CheckFailed(
            "the schema migrations are missing from this installation",
            REINSTALL + " (a packager must include leaddesk/store/migrations)",
        )
    head = migrate.head_revision()
    with scratch_folder() as folder:
        store = open_store(folder / "scratch.db", _scratch_key())
        try:
            reached = store.revision()
        finally:
            store.close()
    if reached != head:
        raise CheckFailed(f"an empty store reached {reached}, not the head {head}", REINSTALL)
    return f"an empty store upgraded to head {head} ({len(versions)} revisions)"
