"""Secrets in the operating system's keychain (through keyring), and nowhere else.

keyring picks a backend by priority; on a headless Linux it may pick one that fails, and a ``keyrings.alt``
backend stores secrets in a plaintext file while claiming success. We refuse both and say what to do instead.
"""

from __future__ import annotations

import logging
from typing import Any

import keyring
import keyring.backend
import keyring.errors

from vodgui.core.credentials import Secret
from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.messages import Message

log = logging.getLogger(__name__)

SERVICE = "vodgui"
FIELDS = ("access_key_secret", "appserver_token", "proxy_password")

# Backends that do not keep secrets safe, by "module.Class".
_REFUSED = {
    "keyring.backends.fail.Keyring": Message("keychain.none"),
    "keyring.backends.null.Keyring": Message("keychain.disabled"),
}


def backend_label(backend: Any) -> str:
    name = getattr(backend, "name", None) or type(backend).__name__
    return f"{name} ({type(backend).__module__}.{type(backend).__name__})"


def unsafe_reason(backend: Any) -> Message | None:
    """Why ``backend`` must not hold secrets, or None if it is a real keychain."""
    full = f"{type(backend).__module__}.{type(backend).__name__}"
    if full in _REFUSED:
        return _REFUSED[full]
    if type(backend).__module__.startswith("keyrings.alt"):
        return Message("keychain.plain_file")
    children = getattr(backend, "backends", None)
    if children is not None:
        if not children:
            return Message("keychain.none")
        reasons = [unsafe_reason(b) for b in children]
        if all(reasons):
            return reasons[0]
    return None


class KeychainUnavailable(VodError):
    def __init__(self, reason: Message) -> None:
        super().__init__("KeychainUnavailable", params={"reason": reason.to_dict()}, kind=ErrorKind.KEYCHAIN)
        self.reason = reason


class SecretStore:
    """Per-profile secrets: ``(profile, field) -> Secret``."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend

    @property
    def backend(self) -> keyring.backend.KeyringBackend:
        return self._backend or keyring.get_keyring()

    def describe(self) -> str:
        return backend_label(self.backend)

    def problem(self) -> Message | None:
        """Why this computer's keychain cannot hold secrets, or None."""
        return unsafe_reason(self.backend)

    def _check(self) -> keyring.backend.KeyringBackend:
        backend = self.backend
        reason = unsafe_reason(backend)
        if reason:
            raise KeychainUnavailable(reason)
        return backend

    @staticmethod
    def _user(profile: str, field: str) -> str:
        if field not in FIELDS:
            raise ValueError(field)
        return f"{profile}:{field}"

    def set(self, profile: str, field: str, value: str) -> str:
        """Store a secret; returns the backend's label (the UI shows where it went)."""
        backend = self._check()
        try:
            backend.set_password(SERVICE, self._user(profile, field), value)
        except keyring.errors.KeyringError as exc:
            raise KeychainUnavailable(Message("keychain.refused", {"error": str(exc)})) from None
        return backend_label(backend)

    def get(self, profile: str, field: str) -> Secret | None:
        backend = self._check()
        try:
            value = backend.get_password(SERVICE, self._user(profile, field))
        except keyring.errors.KeyringError as exc:
            raise KeychainUnavailable(Message("keychain.unreadable", {"error": str(exc)})) from None
        return Secret(value) if value else None

    def delete(self, profile: str, field: str) -> None:
        try:
            self._check().delete_password(SERVICE, self._user(profile, field))
        except keyring.errors.PasswordDeleteError:
            pass
        except keyring.errors.KeyringError as exc:
            log.warning("could not delete %s of %s from the keychain: %s", field, profile, exc)

    def rename(self, old: str, new: str) -> None:
        for field in FIELDS:
            value = self.get(old, field)
            if value is not None:
                self.set(new, field, value.reveal())
                self.delete(old, field)
