"""Checking for a newer release: fetch the feed and its signature (bounded in size and time), verify them, compare
versions. Never downloads or installs anything: the result is a notice with a link, or a log line.

The app checks at most once a day and only when the user allowed it (``AppSettings.update_checks``: None until
asked, which counts as no). The feed URL comes from ``VODGUI_UPDATE_FEED``, else the setting, else the project's
release feed, so a company can point every machine at an internal mirror.
"""

from __future__ import annotations

import http.client
import json
import logging
import os
import ssl
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from vodgui import __version__
from vodgui.core.clock import Clock, SystemClock
from vodgui.core.network import load_ca_file
from vodgui.core.paths import atomic_write_json
from vodgui.core.update_feed import (
    MAX_FEED_BYTES,
    MAX_SIGNATURE_BYTES,
    RELEASE_PUBLIC_KEYS,
    FeedRefused,
    Refusal,
    Release,
    current_platform,
    load_public_key,
    parse_release,
    preferred_kinds,
    verify_signature,
    version_key,
)

log = logging.getLogger(__name__)

FEED_ENV = "VODGUI_UPDATE_FEED"
#: Replaces the shipped release key: for a company that builds and signs its own releases for its mirror.
KEY_ENV = "VODGUI_UPDATE_PUBLIC_KEY"
DEFAULT_FEED_URL = "https://github.com/vodgui/vodgui/releases/latest/download/latest.json"
CHECK_INTERVAL = 24 * 3600
TIMEOUT = 15.0


class Outcome(StrEnum):
    AVAILABLE = "available"  # a verified feed names a newer version
    CURRENT = "current"  # a verified feed names this version
    REFUSED = "refused"  # the feed failed a check (reason: a Refusal)
    FAILED = "failed"  # no answer (reason: "unreachable", "untrusted_certificate", "http_error" or "bad_url")


@dataclass(frozen=True)
class CheckResult:
    outcome: Outcome
    feed_url: str
    installed: str
    release: Release | None = None
    reason: str = ""
    detail: str = ""

    def to_json(self, platform_tag: str | None = None) -> dict[str, Any]:
        """The CLI's ``--json`` object."""
        out: dict[str, Any] = {"outcome": self.outcome.value, "installed": self.installed, "feed": self.feed_url}
        if self.reason:
            out["reason"] = self.reason
            out["detail"] = self.detail
        if self.release is not None:
            tag = platform_tag or current_platform()
            kinds = preferred_kinds() if platform_tag is None else ()
            out.update(version=self.release.version, date=self.release.date, notes=self.release.notes,
                       notes_zh_CN=self.release.notes_zh_cn,
                       download_url=self.release.download_url(tag, kinds),
                       assets=[asdict(a) for a in self.release.assets_for(tag, kinds)])
        return out


class _FetchFailed(Exception):
    def __init__(self, reason: str, detail: str, status: int = 0) -> None:
        super().__init__(detail)
        self.reason, self.detail, self.status = reason, detail, status


def feed_url(setting: str = "") -> str:
    return os.environ.get(FEED_ENV, "").strip() or setting.strip() or DEFAULT_FEED_URL


def trusted_keys() -> list[Ed25519PublicKey]:
    override = os.environ.get(KEY_ENV, "").strip()
    return [load_public_key(override)] if override else [load_public_key(k) for k in RELEASE_PUBLIC_KEYS]


def _fetch(url: str, limit: int, timeout: float) -> bytes:
    """GET ``url`` reading at most ``limit`` bytes. FeedRefused for too large or cut short, _FetchFailed else."""
    request = Request(url, headers={"User-Agent": f"vodgui/{__version__} (update check)",
                                    "Accept-Encoding": "identity"})
    try:
        # The OS trust store (plus REQUESTS_CA_BUNDLE), as for every other connection: a company mirror behind a
        # TLS-inspecting proxy is trusted when IT installed its CA. Proxies: the environment and the OS settings.
        with urlopen(request, timeout=timeout, context=load_ca_file("")) as response:
            announced = response.headers.get("Content-Length", "")
            if announced.isdigit() and int(announced) > limit:
                raise FeedRefused(Refusal.TOO_LARGE, f"{url} announces {int(announced)} bytes; the limit is {limit}")
            body = bytearray()
            while len(body) <= limit:
                chunk = response.read(limit + 1 - len(body))
                if not chunk:
                    break
                body += chunk
    except HTTPError as exc:
        raise _FetchFailed("http_error", f"{url}: HTTP {exc.code}", exc.code) from None
    except http.client.IncompleteRead as exc:
        raise FeedRefused(Refusal.TRUNCATED, f"{url} ended after {len(exc.partial)} bytes") from None
    except (URLError, OSError, http.client.HTTPException) as exc:
        reason = getattr(exc, "reason", exc)
        if isinstance(reason, ssl.SSLCertVerificationError):
            raise _FetchFailed("untrusted_certificate", f"{url}: {reason.verify_message or reason}") from None
        raise _FetchFailed("unreachable", f"{url}: {reason}") from None
    if len(body) > limit:
        raise FeedRefused(Refusal.TOO_LARGE, f"{url} is larger than {limit} bytes")
    if announced.isdigit() and len(body) < int(announced):
        raise FeedRefused(Refusal.TRUNCATED, f"{url} ended after {len(body)} of {int(announced)} bytes")
    return bytes(body)


def check_feed(url: str, *, installed: str = __version__, keys: list[Ed25519PublicKey] | None = None,
               timeout: float = TIMEOUT) -> CheckResult:
    """Fetch, verify and compare one feed; every outcome is logged once, refusals as warnings."""
    result = _check(url, installed, keys, timeout)
    if result.outcome is Outcome.AVAILABLE:
        assert result.release is not None
        log.info("update available: vodgui %s (installed %s) from %s", result.release.version, installed, url)
    elif result.outcome is Outcome.CURRENT:
        log.info("update check: vodgui %s is the newest release (%s)", installed, url)
    elif result.outcome is Outcome.REFUSED:
        log.warning("update feed refused (%s): %s", result.reason, result.detail)
    else:
        log.warning("update check failed (%s): %s", result.reason, result.detail)
    return result


def _check(url: str, installed: str, keys: list[Ed25519PublicKey] | None, timeout: float) -> CheckResult:
    def refused(exc: FeedRefused) -> CheckResult:
        return CheckResult(Outcome.REFUSED, url, installed, reason=exc.reason.value, detail=exc.detail)

    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        return CheckResult(Outcome.FAILED, url, installed, reason="bad_url",
                           detail=f"{url!r} is not an http(s) URL")
    try:
        feed = _fetch(url, MAX_FEED_BYTES, timeout)
        try:
            signature = _fetch(url + ".sig", MAX_SIGNATURE_BYTES, timeout)
        except _FetchFailed as exc:
            if exc.status in (404, 410):
                raise FeedRefused(Refusal.UNSIGNED, f"no signature at {url}.sig (HTTP {exc.status})") from None
            raise
        verify_signature(feed, signature, keys if keys is not None else trusted_keys())
        release = parse_release(feed, url)
        if version_key(release.version) < version_key(installed):
            raise FeedRefused(Refusal.DOWNGRADE, f"the feed offers {release.version}, older than the installed "
                                                 f"{installed}")
    except FeedRefused as exc:
        return refused(exc)
    except _FetchFailed as exc:
        return CheckResult(Outcome.FAILED, url, installed, reason=exc.reason, detail=exc.detail)
    newer = version_key(release.version) > version_key(installed)
    return CheckResult(Outcome.AVAILABLE if newer else Outcome.CURRENT, url, installed, release)


@dataclass
class UpdateState:
    """What the app remembers between checks: ``update-state.json`` in the data directory."""

    #: Epoch seconds of the last check started (failed ones count: at most one attempt a day).
    last_attempt: float = 0.0
    last_outcome: str = ""
    last_reason: str = ""
    #: The newest version a verified feed announced.
    latest_version: str = ""
    #: The user closed the notice for this version: it is not shown again.
    dismissed_version: str = ""


class UpdateScheduler:
    """Runs :func:`check_feed` when allowed and due, and remembers the answer.

    ``run_if_due`` may be called as often as convenient (at start, hourly): it starts at most one check per
    ``interval`` and never two at once.
    """

    def __init__(self, data_dir: Path, *, clock: Clock | None = None,
                 check: Callable[[str], CheckResult] = check_feed, interval: float = CHECK_INTERVAL) -> None:
        self.path = Path(data_dir) / "update-state.json"
        self.clock = clock or SystemClock()
        self._check = check
        self.interval = interval
        self._lock = threading.Lock()
        self._running = False

    def load(self) -> UpdateState:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return UpdateState()
        names = {f.name for f in fields(UpdateState)}
        try:
            return UpdateState(**{k: v for k, v in data.items() if k in names}) if isinstance(data, dict) \
                else UpdateState()
        except TypeError:
            return UpdateState()

    def _save(self, state: UpdateState) -> None:
        atomic_write_json(self.path, asdict(state))

    def due(self) -> bool:
        last = self.load().last_attempt
        now = self.clock.now()
        # A clock set back by more than a day would otherwise stop checks until it caught up again.
        return now - last >= self.interval or last - now > self.interval

    def run_if_due(self, *, allowed: bool | None, url: str) -> CheckResult | None:
        """Check ``url`` if the user allowed checks (``True``, not None) and the last attempt is a day old."""
        if allowed is not True:
            return None
        with self._lock:
            if self._running or not self.due():
                return None
            self._running = True
            state = self.load()
            state.last_attempt = self.clock.now()
            self._save(state)
        try:
            result = self._check(url)
        finally:
            with self._lock:
                self._running = False
        with self._lock:
            state = self.load()
            result = self._refuse_rollback(result, state.latest_version)
            state.last_outcome, state.last_reason = result.outcome.value, result.reason
            if result.release is not None:
                state.latest_version = result.release.version
            self._save(state)
        return result

    @staticmethod
    def _refuse_rollback(result: CheckResult, seen: str) -> CheckResult:
        """A verified feed older than one already seen is an old signed feed replayed (or a mirror behind):
        refused like a downgrade, so it cannot hide the newer release."""
        if result.release is None or not seen:
            return result
        try:
            older = version_key(result.release.version) < version_key(seen)
        except ValueError:
            return result
        if not older:
            return result
        detail = f"the feed offers {result.release.version}, older than {seen} announced before"
        log.warning("update feed refused (%s): %s", Refusal.DOWNGRADE.value, detail)
        return CheckResult(Outcome.REFUSED, result.feed_url, result.installed, reason=Refusal.DOWNGRADE.value,
                           detail=detail)

    def should_notify(self, result: CheckResult | None) -> bool:
        """A notice for a newer version the user has not dismissed."""
        return (result is not None and result.outcome is Outcome.AVAILABLE and result.release is not None
                and result.release.version != self.load().dismissed_version)

    def dismiss(self, version: str) -> None:
        with self._lock:
            state = self.load()
            state.dismissed_version = version
            self._save(state)
