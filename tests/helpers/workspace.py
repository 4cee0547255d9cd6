"""A vodgui workspace wired to a sandbox, with one profile per mode x source."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from tests.helpers.keyrings import MemoryKeyring
from vodgui.core.keychain import SecretStore
from vodgui.core.profiles import Profile
from vodgui.core.transfer.config import TransferConfig
from vodgui.core.workspace import Workspace

#: Tiny parts and short retry delays, so tests exercise multipart quickly.
FAST = TransferConfig(part_size=16 * 1024, min_part_size=1024, multipart_threshold=32 * 1024, retry_delay=0.05,
                      retry_max_delay=0.2, connect_timeout=5, read_timeout=10)

COMBOS = [("credential", "accesskey"), ("sts", "accesskey"), ("credential", "appserver"), ("sts", "appserver")]

T = TypeVar("T")


def profile_from_info(name: str, info: dict[str, Any], mode: str, source: str,
                      transfer: TransferConfig = FAST) -> tuple[Profile, str, str]:
    """(profile, keychain field, secret) for the sandbox ``info``."""
    kw: dict[str, Any] = dict(region=info["region"], vod_endpoint=info["vod_endpoint"],
                              sts_endpoint=info["sts_endpoint"], appserver_url=info["appserver_url"],
                              transfer=transfer)
    if source == "appserver":
        field, secret = "appserver_token", info["appserver_token"]
    elif mode == "sts":
        kw.update(access_key_id=info["ram_user"]["access_key_id"], role_arn=info["role_arn"])
        field, secret = "access_key_secret", info["ram_user"]["access_key_secret"]
    else:
        kw.update(access_key_id=info["access_key_id"])
        field, secret = "access_key_secret", info["access_key_secret"]
    return Profile(name, mode=mode, source=source, **kw), field, secret


def store_profile(ws: Workspace, profile: Profile, field: str, secret: str) -> Profile:
    """Put ``secret`` in the keychain under ``(profile.name, field)``, then save ``profile``."""
    ws.secrets.set(profile.name, field, secret)
    ws.profiles.put(profile)
    return profile


def add_sandbox_profiles(ws: Workspace, info: dict[str, Any], transfer: TransferConfig = FAST) -> None:
    """One profile per mode x source (:data:`COMBOS`), named ``"{mode}-{source}"``, for the sandbox ``info``."""
    for mode, source in COMBOS:
        store_profile(ws, *profile_from_info(f"{mode}-{source}", info, mode, source, transfer))


def make_workspace(home: Path, info: dict[str, Any], transfer: TransferConfig = FAST) -> Workspace:
    ws = Workspace(str(home), secrets=SecretStore(MemoryKeyring()))
    add_sandbox_profiles(ws, info, transfer)
    return ws


def write_file(path: Path, size: int, seed: int = 0) -> Path:
    import random

    rng = random.Random(seed)
    path.write_bytes(rng.randbytes(size) if size else b"")
    return path


def wait_for(cond: Callable[[], T], timeout: float = 20.0, interval: float = 0.02) -> T:
    """Poll ``cond()`` until it returns something true, and return that; AssertionError after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while not (value := cond()):
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(interval)
    return value


def ops(log: list[dict[str, Any]], name: str, status: int | None = None) -> list[dict[str, Any]]:
    """The entries of a sandbox ``log`` for operation ``name``, in log order; only those answered with ``status``
    if it is given.

    Filters on ``"op"``, which the sandbox sets on every entry: the RPC action (``CreateUploadVideo``), the OSS
    operation (``PutObject``) or the AppServer endpoint (``create-upload-video``). RPC entries also carry an
    ``"action"`` (the same name) once the request reached its handler; a fault answered before that has only "op".
    """
    return [e for e in log if e.get("op") == name and (status is None or e.get("status") == status)]


def part_uploads(log: list[dict[str, Any]], key: str) -> list[tuple[int, int]]:
    """(part number, status) of every UploadPart the sandbox saw for ``key``."""
    return [(int(e["part_number"]), int(e["status"])) for e in log
            if e.get("op") == "UploadPart" and e.get("key") == key and e.get("part_number")]


def env_without_proxies() -> dict[str, str]:
    env = dict(os.environ)
    for k in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        env.pop(k, None)
    return env
