"""A damaged store: finding the damage, refusing to write into it, naming the backup to restore."""

from __future__ import annotations

from pathlib import Path

from leaddesk.security.keys import PassphrasePrompt, resolve_key
from leaddesk.services.base import DeskBase
from leaddesk.store import damage


class RecoveryMixin(DeskBase):
    """Damage checks on the open store (cheap enough for every start: one read of each page)."""

    def damage(self) -> list[str]:
        """Pages of the store that fail their checks; empty when the file is whole."""
        return self.store.damage()

    def refuse_if_damaged(self) -> None:
        """Raise StoreDamagedError (naming the newest whole backup) if the store is damaged."""
        self.store.check_not_damaged()


def newest_good_backup(path: Path, prompt: PassphrasePrompt | None = None) -> Path | None:
    """The newest backup beside the store at `path` that opens with its key and is whole."""
    path = Path(path).expanduser()
    return damage.newest_good_backup(path, resolve_key(path, prompt))
