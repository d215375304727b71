"""The unlock PIN of a keychain store: what the lock screen asks when the key needs no passphrase.

With the key in the OS keychain, a one-click Unlock protects nobody. The user may set a PIN (or
any secret of at least MIN_PIN characters); only a slow scrypt verifier of it is kept, in the
keychain beside the store's key (entry `<store entry>:unlock-pin`), never the PIN itself. The PIN
guards the locked window, not the file: the file's key stays in the keychain.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import secrets
from pathlib import Path

import keyring
import keyring.errors

from leaddesk.domain.errors import UserError
from leaddesk.security.keys import SERVICE, entry_name

MIN_PIN = 4
MAX_PIN = 256
PIN_SUFFIX = ":unlock-pin"
# scrypt cost: ~0.25 s per try here (N=2^16, r=8: 64 MiB), so guessing is slow even offline.
_LOG2_N, _R, _P = 16, 8, 1
_MAXMEM = 256 * 1024 * 1024


class UnlockPinError(UserError):
    """The PIN cannot be set or removed as asked (too short, keychain refused)."""


def _pin_entry(store: Path) -> str:
    return entry_name(store) + PIN_SUFFIX


def _hash(pin: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8", "surrogatepass"),
        salt=salt,
        n=1 << log2_n,
        r=r,
        p=p,
        maxmem=_MAXMEM,
        dklen=32,
    )


def make_verifier(pin: str) -> str:
    """`scrypt$log2N$r$p$salt$hash`: what is kept instead of the PIN."""
    salt = secrets.token_bytes(16)
    digest = _hash(pin, salt, _LOG2_N, _R, _P)
    return f"scrypt${_LOG2_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def matches(verifier: str, pin: str) -> bool:
    """Whether `pin` is the one `verifier` was made from (constant-time comparison)."""
    try:
        kind, log2_n, r, p, salt, digest = verifier.split("$")
        if kind != "scrypt" or not 10 <= int(log2_n) <= 22:
            return False
        actual = _hash(pin, bytes.fromhex(salt), int(log2_n), int(r), int(p))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(actual, bytes.fromhex(digest))


def check_new_pin(pin: str) -> None:
    """A PIN must be MIN_PIN to MAX_PIN characters long."""
    if not MIN_PIN <= len(pin) <= MAX_PIN:
        raise UnlockPinError(f"The unlock PIN must be {MIN_PIN} to {MAX_PIN} characters long.")


def has_pin(store: Path) -> bool:
    """Whether an unlock PIN is set for this store."""
    return _verifier(store) is not None


def _verifier(store: Path) -> str | None:
    try:
        return keyring.get_password(SERVICE, _pin_entry(store))
    except keyring.errors.KeyringError:
        return None


def verify_pin(store: Path, pin: str) -> bool:
    """Whether `pin` is this store's unlock PIN (False when none is set)."""
    verifier = _verifier(store)
    return verifier is not None and matches(verifier, pin)


def set_pin(store: Path, pin: str) -> None:
    """Keep a verifier of a new unlock PIN in the keychain (replacing any earlier one)."""
    check_new_pin(pin)
    try:
        keyring.set_password(SERVICE, _pin_entry(store), make_verifier(pin))
    except keyring.errors.KeyringError:
        raise UnlockPinError(
            "The OS keychain refused to keep the unlock PIN (is it locked?). Nothing changed."
        ) from None


def clear_pin(store: Path) -> None:
    """Remove the unlock PIN: Unlock then needs no secret."""
    with contextlib.suppress(keyring.errors.PasswordDeleteError):
        keyring.delete_password(SERVICE, _pin_entry(store))
