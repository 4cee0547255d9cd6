from __future__ import annotations

import pytest
from keyring.backends import fail

from tests.helpers.keyrings import MemoryKeyring
from vodgui.core.keychain import KeychainUnavailable, SecretStore


class PlaintextKeyring(MemoryKeyring):
    """Looks like keyrings.alt's plaintext file backend."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


def test_secret_round_trip_and_backend_label() -> None:
    store = SecretStore(MemoryKeyring())
    label = store.set("prod", "access_key_secret", "s3cr3t-value")
    assert "MemoryKeyring" in label
    assert store.get("prod", "access_key_secret").reveal() == "s3cr3t-value"
    store.rename("prod", "production")
    assert store.get("prod", "access_key_secret") is None
    assert store.get("production", "access_key_secret").reveal() == "s3cr3t-value"


@pytest.mark.parametrize("backend", [fail.Keyring(), PlaintextKeyring()], ids=["fail", "keyrings.alt"])
def test_refuses_backends_that_cannot_keep_secrets(backend: object) -> None:
    store = SecretStore(backend)  # type: ignore[arg-type]
    with pytest.raises(KeychainUnavailable, match="never in a plain file"):
        store.set("prod", "access_key_secret", "x")
    assert store.problem()
