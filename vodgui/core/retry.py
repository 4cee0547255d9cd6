"""Retry with exponential backoff and full jitter, driven by the error's ``retryable`` flag.

Defaults follow the official SDKs (3 retries, 2 s base delay). A request that failed because temporary
credentials expired gets at most one forced refresh and an immediate retry, which does not count as a retry.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from vodgui.core.clock import Clock
from vodgui.core.errors import Cancelled, VodError

log = logging.getLogger(__name__)

T = TypeVar("T")

_observer = threading.local()
RetryObserver = Callable[[str, VodError, int, float], None]


class observe_retries:
    """Within this block, every retry on this thread is also reported to ``observer(what, error, attempt,
    delay)``: how a job learns about retries inside VOD/AppServer calls it does not make itself."""

    def __init__(self, observer: RetryObserver) -> None:
        self._observer = observer
        self._previous: RetryObserver | None = None

    def __enter__(self) -> None:
        self._previous = getattr(_observer, "fn", None)
        _observer.fn = self._observer

    def __exit__(self, *exc: object) -> None:
        _observer.fn = self._previous


@dataclass(frozen=True)
class RetryPolicy:
    retries: int = 3
    base_delay: float = 2.0
    max_delay: float = 30.0
    jitter: bool = True

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        """Delay before retry number ``attempt`` (1-based): ``base * 2**(attempt-1)``, capped, fully jittered
        into [50 %, 100 %] so parallel parts that failed together do not retry in lockstep."""
        raw = float(min(self.max_delay, self.base_delay * (2 ** max(0, attempt - 1))))
        if not self.jitter:
            return raw
        return raw * (0.5 + 0.5 * float((rng or random).random()))


def call_with_retry(
    fn: Callable[[], T],
    *,
    policy: RetryPolicy,
    clock: Clock,
    what: str,
    refresh: Callable[[], None] | None = None,
    interrupt: threading.Event | None = None,
    on_retry: Callable[[VodError, int, float], None] | None = None,
    rng: random.Random | None = None,
) -> T:
    """Run ``fn`` until it succeeds, a non-retryable error occurs, or the retries are used up.

    Args:
        fn: the call; raises :class:`VodError` (already translated) on failure.
        refresh: forces new temporary credentials; called at most once per failed request when the error says
            the credentials expired.
        interrupt: when set (pause/cancel), waiting stops and :class:`Cancelled` is raised.
        on_retry: told about each retry (error, attempt number, delay) for logs and the UI.
    """
    attempt = 0
    while True:
        refreshed = False
        while True:
            if interrupt is not None and interrupt.is_set():
                raise Cancelled(what)
            try:
                return fn()
            except VodError as err:
                if err.refresh_credentials and refresh is not None and not refreshed:
                    log.info("%s: %s; refreshing credentials and trying again", what, err.code)
                    refresh()
                    refreshed = True
                    continue
                last = err
                break
        if not last.retryable or attempt >= policy.retries:
            raise last
        attempt += 1
        delay = policy.delay(attempt, rng)
        log.warning("%s failed (%s); retry %d/%d in %.1f s", what, last, attempt, policy.retries, delay)
        if on_retry is not None:
            on_retry(last, attempt, delay)
        else:
            observer: RetryObserver | None = getattr(_observer, "fn", None)
            if observer is not None:
                observer(what, last, attempt, delay)
        if clock.sleep(delay, interrupt):
            raise Cancelled(what)
