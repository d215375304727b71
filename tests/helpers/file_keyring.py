"""A keyring backend in a JSON file, so a child process killed mid-rekey has a 'keychain'.

Tests only: set PYTHON_KEYRING_BACKEND=helpers.file_keyring.FileKeyring, PYTHONPATH=tests and
LEADDESK_TEST_KEYRING=<file>. Each write replaces the file atomically, like a real keychain
that either kept an entry or did not.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend

ENV = "LEADDESK_TEST_KEYRING"


class FileKeyring(KeyringBackend):
    """Secrets in the JSON file named by $LEADDESK_TEST_KEYRING, as {"service\\nuser": secret}."""

    priority = 10  # type: ignore[assignment]

    @staticmethod
    def _file() -> Path:
        return Path(os.environ[ENV])

    def entries(self) -> dict[str, str]:
        try:
            data: dict[str, str] = json.loads(self._file().read_text())
        except FileNotFoundError:
            return {}
        return data

    def _write(self, data: dict[str, str]) -> None:
        partial = self._file().with_suffix(".partial")
        with open(partial, "w") as handle:
            json.dump(data, handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, self._file())

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries().get(f"{service}\n{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        self._write({**self.entries(), f"{service}\n{username}": password})

    def delete_password(self, service: str, username: str) -> None:
        data = self.entries()
        data.pop(f"{service}\n{username}", None)
        self._write(data)
