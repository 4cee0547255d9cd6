"""Retry with exponential backoff and jitter, driven by the error's ``retryable`` flag and ``kind``.

Two budgets per call:

* Network and server errors keep the official SDKs' defaults (3 retries, 2 s base delay, doubled each time).
* Throttling answers (VOD ``Throttling*``, OSS ``503 SlowDown``, HTTP 429: :attr:`ErrorKind.THROTTLED`) mean
  "come back later", not "broken": they are retried with capped exponential backoff and full jitter for up to
  ``throttle_patience`` seconds per call (5 minutes by default), waiting at least as long as the service's
  ``Retry-After`` asks. Past the patience the error is raised like any other: nothing retries forever.

A request that failed because temporary credentials expired gets at most one forced refresh and an immediate
retry, which does not count as a retry.

Whoever wants to hear about retries (a job, to show "waiting: the service is throttling") passes ``on_retry``
down explicitly; there is no ambient observer.
"""

from __future__ import annotations

import email.utils
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from vodgui.core.clock import Clock
from vodgui.core.errors import Cancelled, ErrorKind, VodError

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Told about each retry: ``(what, error, attempt, delay)``; ``attempt`` counts within the error's budget
#: (throttling or other), ``delay`` is the wait before the next attempt in seconds.
RetryObserver = Callable[[str, VodError, int, float], None]

#: Message code of the state detail a front end shows while a call waits out throttling (params: ``delay``).
WAITING_THROTTLED = "waiting.throttled"
#: ... and while it waits to retry after another retryable error (params: ``code``, ``attempt``, ``delay``).
WAITING_RETRY = "waiting.retry"

_MAX_THROTTLE_ATTEMPTS = 1000  # a bound that holds even for a clock that does not move


@dataclass(frozen=True)
class RetryPolicy:
    """How one call is retried.

    Attributes:
        retries / base_delay / max_delay: the budget for network and server errors.
        throttle_patience: seconds a call keeps trying while the service throttles (0: throttling gets the
            ordinary budget).
        throttle_base_delay / throttle_max_delay: backoff while throttled (doubling, capped, jittered).
    """

    retries: int = 3
    base_delay: float = 2.0
    max_delay: float = 30.0
    jitter: bool = True
    throttle_patience: float = 300.0
    throttle_base_delay: float = 1.0
    throttle_max_delay: float = 60.0

    def delay(self, attempt: int, rng: random.Random | None = None) -> float:
        """Delay before retry number ``attempt`` (1-based): ``base * 2**(attempt-1)``, capped, jittered into
        [50 %, 100 %] so parallel parts that failed together do not retry in lockstep."""
        return _backoff(self.base_delay, self.max_delay, attempt, self.jitter, rng)

    def throttle_delay(self, attempt: int, retry_after: float | None = None,
                       rng: random.Random | None = None) -> float:
        """Delay before the ``attempt``-th retry of a throttled call: the backoff, but never less than the
        service's ``Retry-After``."""
        delay = _backoff(self.throttle_base_delay, self.throttle_max_delay, attempt, self.jitter, rng)
        return max(delay, retry_after) if retry_after is not None else delay


def _backoff(base: float, cap: float, attempt: int, jitter: bool, rng: random.Random | None) -> float:
    raw = float(min(cap, base * (2 ** min(30, max(0, attempt - 1)))))
    return raw * (0.5 + 0.5 * float((rng or random).random())) if jitter else raw


def is_throttling(err: VodError) -> bool:
    """The service asked us to slow down (not a failure of the request itself)."""
    return err.kind is ErrorKind.THROTTLED


def parse_retry_after(value: object, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header value (delta-seconds or an HTTP date), or None."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now)


def waiting_detail(err: VodError, attempt: int, delay: float) -> tuple[str, dict[str, object]]:
    """The message (code, params) a front end shows for a job whose call waits before retrying."""
    if is_throttling(err):
        return WAITING_THROTTLED, {"delay": round(delay, 1), "code": err.code}
    return WAITING_RETRY, {"code": err.code, "attempt": attempt, "delay": round(delay, 1)}


def call_with_retry(
    fn: Callable[[], T],
    *,
    policy: RetryPolicy,
    clock: Clock,
    what: str,
    refresh: Callable[[], None] | None = None,
    interrupt: threading.Event | None = None,
    on_retry: RetryObserver | None = None,
    rng: random.Random | None = None,
) -> T:
    """Run ``fn`` until it succeeds, a non-retryable error occurs, or the error's retry budget is used up.

    Args:
        fn: the call; raises :class:`VodError` (already translated) on failure.
        refresh: forces new temporary credentials; called at most once per failed request when the error says
            the credentials expired.
        interrupt: when set (pause/cancel), waiting stops and :class:`Cancelled` is raised.
        on_retry: told about each retry (what, error, attempt number, delay) for logs and the UI.
    """
    attempt = 0
    throttled = 0
    throttled_since: float | None = None
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
        if not last.retryable:
            raise last
        if is_throttling(last) and policy.throttle_patience > 0:
            now = clock.monotonic()
            if throttled_since is None:
                throttled_since = now
            throttled += 1
            retry_after = parse_retry_after(last.details.get("retry_after"), clock.now())
            delay = policy.throttle_delay(throttled, retry_after, rng)
            left = policy.throttle_patience - (now - throttled_since)
            if left <= 0 or throttled > _MAX_THROTTLE_ATTEMPTS or (retry_after is not None and retry_after > left):
                log.warning("%s: still throttled after %.0f s; giving up", what, now - throttled_since)
                raise last
            delay = min(delay, left)
            n = throttled
            log.info("%s throttled (%s); waiting %.1f s (retry %d)", what, last.code, delay, n)
        else:
            if attempt >= policy.retries:
                raise last
            attempt += 1
            n = attempt
            delay = policy.delay(attempt, rng)
            log.warning("%s failed (%s); retry %d/%d in %.1f s", what, last, attempt, policy.retries, delay)
        if on_retry is not None:
            on_retry(what, last, n, delay)
        if clock.sleep(delay, interrupt):
            raise Cancelled(what)
