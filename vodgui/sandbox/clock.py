"""The sandbox's two notions of time.

``now()`` is the logical time that expiries and the media life cycle are measured against; the control plane
can advance it to make credentials, PlayAuths and signed URLs expire without waiting.

``wall()`` is what request timestamps (RPC ``Timestamp``, OSS ``Date``) are compared with. It is the real
clock plus an optional *skew*, so QA can rehearse "your computer's clock is wrong" without touching expiries.
Keeping them apart matters: advancing logical time by an hour must not make every request fail the 15-minute
timestamp check.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.utils import formatdate


class SandboxClock:
    """Thread-safe clock with a logical offset and a request-time skew."""

    def __init__(self, base: Callable[[], float] = time.time) -> None:
        self._base = base
        self._lock = threading.Lock()
        self._offset = 0.0
        self._skew = 0.0

    def now(self) -> float:
        """Logical time (seconds since the epoch) for expiries and life cycles."""
        with self._lock:
            return self._base() + self._offset

    def wall(self) -> float:
        """Time that request timestamps are checked against."""
        with self._lock:
            return self._base() + self._skew

    @property
    def offset(self) -> float:
        with self._lock:
            return self._offset

    @property
    def skew(self) -> float:
        with self._lock:
            return self._skew

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._offset += seconds

    def set_offset(self, seconds: float) -> None:
        with self._lock:
            self._offset = seconds

    def set_skew(self, seconds: float) -> None:
        with self._lock:
            self._skew = seconds

    def reset(self) -> None:
        with self._lock:
            self._offset = 0.0
            self._skew = 0.0


def iso_utc(ts: float) -> str:
    """``2026-11-22T07:32:39Z``: the time format VOD and STS use everywhere."""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso_utc(text: str) -> float:
    """Parse ``YYYY-MM-DDTHH:MM:SSZ`` (the only form the RPC SDK sends). Raises ValueError otherwise."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()


def iso_millis(ts: float) -> str:
    """``2026-11-22T07:32:39.000Z``: the timestamp form of OSS XML bodies."""
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def http_date(ts: float) -> str:
    """``Sun, 22 Nov 2026 07:32:39 GMT``: an HTTP date (``Last-Modified``)."""
    return formatdate(ts, usegmt=True)
