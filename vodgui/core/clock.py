"""Time, passed in so tests can replace it (retry backoff and expiry tests run in milliseconds)."""

from __future__ import annotations

import threading
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Wall-clock epoch seconds (for credential expiry)."""

    def monotonic(self) -> float:
        """Monotonic seconds (for speed, ETA and timeouts)."""

    def sleep(self, seconds: float, interrupt: threading.Event | None = None) -> bool:
        """Sleep; return True early if ``interrupt`` gets set."""


class SystemClock:
    def now(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float, interrupt: threading.Event | None = None) -> bool:
        if interrupt is None:
            time.sleep(max(0.0, seconds))
            return False
        return interrupt.wait(max(0.0, seconds))


class FakeClock:
    """A clock that only moves when told to; ``sleep`` advances it instantly and records the delays."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self._now = start
        self._mono = 0.0
        self._lock = threading.Lock()
        self.sleeps: list[float] = []

    def now(self) -> float:
        with self._lock:
            return self._now

    def monotonic(self) -> float:
        with self._lock:
            return self._mono

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += seconds
            self._mono += seconds

    def sleep(self, seconds: float, interrupt: threading.Event | None = None) -> bool:
        if interrupt is not None and interrupt.is_set():
            return True
        with self._lock:
            self.sleeps.append(seconds)
        self.advance(max(0.0, seconds))
        return False
