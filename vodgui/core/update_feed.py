"""The release feed: its format, its Ed25519 signature, and the checks a feed must pass before vodgui believes it.

A feed is one JSON document describing the newest release (``latest.json``) with a detached signature next to it
(``latest.json.sig``: the base64 of the 64-byte Ed25519 signature over the feed's exact bytes)::

    {"schema": 1, "name": "vodgui", "version": "0.2.0", "date": "2026-12-04",
     "notes": "What changed", "notes_zh_CN": "…", "url": "https://…/releases/tag/v0.2.0",
     "assets": [{"platform": "linux-x86_64", "kind": "deb", "name": "vodgui_0.2.0_amd64.deb",
                 "url": "vodgui_0.2.0_amd64.deb", "size": 123, "sha256": "<64 hex>"}]}

Asset and page URLs may be relative: they resolve against the feed's own URL, so a company mirror that copies the
release directory as is serves working links. The signature covers the bytes, so nothing in the feed can change
(an asset hash, a version) without the release key. Written by ``packaging/release_feed.py``; read here.
"""

from __future__ import annotations

import base64
import binascii
import json
import platform
import re
import sys
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any
from urllib.parse import urljoin, urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

SCHEMA = 1
#: A feed is a few KB; anything much larger is not a feed (and is not read to the end).
MAX_FEED_BYTES = 256 * 1024
MAX_SIGNATURE_BYTES = 1024
#: The release keys vodgui trusts (raw Ed25519 public keys, base64). The private half never enters the
#: repository; a new key is added here one release before the old one is retired.
RELEASE_PUBLIC_KEYS: tuple[str, ...] = ("ugmcSz47oVzhWIGM47HVc2fsb90I1gFMyRrHcTf9Xng=",)

_VERSION = re.compile(r"^\d{1,6}(\.\d{1,6}){1,3}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_PLATFORM = re.compile(r"^[a-z0-9_]+-[a-z0-9_]+$")
_KIND = re.compile(r"^[a-z0-9.]{1,16}$")
_NAME = re.compile(r"^[A-Za-z0-9._+-]{1,200}$")


class Refusal(StrEnum):
    """Why a feed was not believed. Each is logged once per check; none is shown to the user."""

    UNSIGNED = "unsigned"  # no signature next to the feed
    BAD_SIGNATURE = "bad_signature"  # a signature no trusted key made, over these bytes
    MALFORMED = "malformed"  # signed, but not a feed this version understands
    DOWNGRADE = "downgrade"  # signed and well formed, but older than the installed version
    TOO_LARGE = "too_large"  # larger than MAX_FEED_BYTES (or the signature than MAX_SIGNATURE_BYTES)
    TRUNCATED = "truncated"  # the connection ended before the announced length


class FeedRefused(Exception):
    """A feed failed a check. ``reason`` says which; ``detail`` is for the log (English, no secrets)."""

    def __init__(self, reason: Refusal, detail: str) -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class Asset:
    platform: str  # "linux-x86_64", "windows-x64", "macos-arm64"…
    kind: str  # "deb", "rpm", "tar.gz", "exe", "dmg"
    name: str
    url: str  # absolute (resolved against the feed URL)
    size: int
    sha256: str


@dataclass(frozen=True)
class Release:
    version: str
    date: str
    notes: str
    notes_zh_cn: str
    url: str  # the release page (absolute), or "" when the feed names none
    assets: tuple[Asset, ...]

    def assets_for(self, platform_tag: str, kinds: tuple[str, ...] = ()) -> list[Asset]:
        """This platform's assets, those of the preferred ``kinds`` first (in that order)."""
        mine = [a for a in self.assets if a.platform == platform_tag]
        rank = {kind: i for i, kind in enumerate(kinds)}
        return sorted(mine, key=lambda a: rank.get(a.kind, len(rank)))

    def download_url(self, platform_tag: str, kinds: tuple[str, ...] = ()) -> str:
        """Where to send a user of this platform: the release page, else the asset of the kind this system
        installs (a .deb on Debian, an .rpm on Fedora...)."""
        if self.url:
            return self.url
        mine = self.assets_for(platform_tag, kinds)
        return mine[0].url if mine else ""


def version_key(version: str) -> tuple[int, ...]:
    """"0.10.1" -> (0, 10, 1, 0): comparable, with missing parts as zero. ValueError for anything else."""
    if not _VERSION.match(version):
        raise ValueError(f"not a version: {version!r}")
    parts = [int(p) for p in version.split(".")]
    return tuple(parts + [0] * (4 - len(parts)))


def current_platform() -> str:
    """This machine's platform tag, as assets name it."""
    machine = platform.machine().lower()
    if sys.platform.startswith("win"):
        return "windows-arm64" if machine in ("arm64", "aarch64") else "windows-x64"
    if sys.platform == "darwin":
        return "macos-arm64" if machine in ("arm64", "aarch64") else "macos-x86_64"
    aliases = {"amd64": "x86_64", "arm64": "aarch64"}
    return f"linux-{aliases.get(machine, machine)}"


_DEB_FAMILY = {"debian", "ubuntu", "linuxmint", "pop", "elementary", "deepin", "uos", "kylin"}
_RPM_FAMILY = {"fedora", "rhel", "centos", "rocky", "almalinux", "suse", "opensuse", "opensuse-leap",
               "opensuse-tumbleweed", "sles", "anolis", "alinux", "openeuler"}


def preferred_kinds(os_release: str | None = None) -> tuple[str, ...]:
    """The installer kinds this system takes, best first. ``os_release``: the text of /etc/os-release (read when
    None) — its ID and ID_LIKE name the family."""
    if sys.platform.startswith("win"):
        return ("exe",)
    if sys.platform == "darwin":
        return ("dmg",)
    if os_release is None:
        try:
            with open("/etc/os-release", encoding="utf-8") as f:
                os_release = f.read()
        except OSError:
            os_release = ""
    ids: set[str] = set()
    for line in os_release.splitlines():
        name, _, value = line.partition("=")
        if name in ("ID", "ID_LIKE"):
            ids.update(value.strip().strip("\"'").lower().split())
    if ids & _DEB_FAMILY:
        return ("deb", "tar.gz", "rpm")
    if ids & _RPM_FAMILY:
        return ("rpm", "tar.gz", "deb")
    return ("tar.gz", "deb", "rpm")


def load_public_key(text: str) -> Ed25519PublicKey:
    """A raw Ed25519 public key in base64 (44 characters). ValueError if it is not one."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError) as exc:
        raise ValueError("not a base64 Ed25519 public key (32 bytes)") from exc


def public_key_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return base64.b64encode(public.public_bytes(Encoding.Raw, PublicFormat.Raw)).decode("ascii")


def sign(feed: bytes, key: Ed25519PrivateKey) -> bytes:
    """The detached signature file's contents for ``feed``."""
    return base64.b64encode(key.sign(feed)) + b"\n"


def verify_signature(feed: bytes, signature: bytes, keys: list[Ed25519PublicKey]) -> None:
    """Raise FeedRefused unless one of ``keys`` signed exactly these bytes."""
    text = signature.strip()
    if not text:
        raise FeedRefused(Refusal.UNSIGNED, "the signature file is empty")
    try:
        raw = base64.b64decode(text, validate=True)
    except binascii.Error:
        raise FeedRefused(Refusal.BAD_SIGNATURE, "the signature is not base64") from None
    if len(raw) != 64:
        raise FeedRefused(Refusal.BAD_SIGNATURE, f"the signature has {len(raw)} bytes, not 64")
    for key in keys:
        try:
            key.verify(raw, feed)
            return
        except InvalidSignature:
            continue
    raise FeedRefused(Refusal.BAD_SIGNATURE, "no trusted release key made this signature over this feed")


def parse_release(feed: bytes, feed_url: str) -> Release:
    """Read a (verified) feed. FeedRefused(MALFORMED) names the first thing wrong with it."""

    def bad(detail: str) -> FeedRefused:
        return FeedRefused(Refusal.MALFORMED, detail)

    try:
        data = json.loads(feed.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise bad(f"not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise bad("not a JSON object")
    if data.get("schema") != SCHEMA:
        raise bad(f"schema {data.get('schema')!r}, this version reads {SCHEMA}")
    if data.get("name") != "vodgui":
        raise bad(f"a feed for {data.get('name')!r}, not vodgui")
    version = _string(data, "version", bad)
    try:
        version_key(version)
    except ValueError:
        raise bad(f"version {version!r} is not like 1.2.3") from None
    released = _string(data, "date", bad)
    try:
        date.fromisoformat(released)
    except ValueError:
        raise bad(f"date {released!r} is not YYYY-MM-DD") from None
    notes = _string(data, "notes", bad, required=False)
    notes_zh = _string(data, "notes_zh_CN", bad, required=False)
    page = _url(_string(data, "url", bad, required=False), feed_url, bad) if data.get("url") else ""
    raw_assets = data.get("assets")
    if not isinstance(raw_assets, list) or not raw_assets:
        raise bad("no assets")
    assets = tuple(_asset(item, i, feed_url, bad) for i, item in enumerate(raw_assets))
    return Release(version, released, notes, notes_zh, page, assets)


#: The longest text field a feed may carry (a feed is refused past it; the release tool shortens its notes to fit).
MAX_TEXT = 20_000


def _string(data: dict[str, Any], name: str, bad: Any, *, required: bool = True) -> str:
    value = data.get(name, None if required else "")
    if not isinstance(value, str) or (required and not value):
        raise bad(f"{name!r} is missing or not a string")
    if len(value) > MAX_TEXT:
        raise bad(f"{name!r} is too long")
    return value


def _url(value: str, base: str, bad: Any) -> str:
    absolute = urljoin(base, value)
    if urlsplit(absolute).scheme not in ("https", "http"):
        raise bad(f"URL {value!r} is not http(s)")
    return absolute


def _asset(item: Any, index: int, feed_url: str, bad: Any) -> Asset:
    where = f"assets[{index}]"
    if not isinstance(item, dict):
        raise bad(f"{where} is not an object")
    fields = {name: _string(item, name, lambda d: bad(f"{where}: {d}")) for name in
              ("platform", "kind", "name", "url", "sha256")}
    size = item.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
        raise bad(f"{where}: size {size!r} is not a positive integer")
    for name, pattern in (("platform", _PLATFORM), ("kind", _KIND), ("name", _NAME), ("sha256", _SHA256)):
        if not pattern.match(fields[name]):
            raise bad(f"{where}: {name} {fields[name]!r} is not valid")
    return Asset(fields["platform"], fields["kind"], fields["name"], _url(fields["url"], feed_url, bad), size,
                 fields["sha256"])
