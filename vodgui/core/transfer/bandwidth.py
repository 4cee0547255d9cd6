"""A shared token bucket: one bandwidth limit for all parts of all uploads."""

from __future__ import annotations

import threading
import time


class RateLimiter:
    """Blocks callers so that the bytes they report do not exceed ``rate`` per second on average.

    ``rate`` can change at any time (the GUI's limit box); 0 means unlimited. Bursts are capped at a quarter of a
    second's worth, so a limit takes effect quickly.
    """

    def __init__(self, rate: int = 0) -> None:
        self._lock = threading.Lock()
        self._rate = rate
        self._tokens = 0.0
        self._last = time.monotonic()

    @property
    def rate(self) -> int:
        return self._rate

    def set_rate(self, rate: int) -> None:
        with self._lock:
            self._rate = max(0, int(rate))

    def acquire(self, nbytes: int, interrupt: threading.Event | None = None) -> None:
        while True:
            with self._lock:
                if self._rate <= 0:
                    return
                now = time.monotonic()
                self._tokens = min(self._rate / 4, self._tokens + (now - self._last) * self._rate)
                self._last = now
                if self._tokens >= 0:
                    self._tokens -= nbytes  # may go negative: the next caller waits for the debt
                    return
                wait = -self._tokens / self._rate
            if interrupt is not None:
                if interrupt.wait(min(wait, 0.25)):
                    return
            else:
                time.sleep(min(wait, 0.25))
