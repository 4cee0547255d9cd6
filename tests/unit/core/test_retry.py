from __future__ import annotations

import random
import threading

import pytest

from vodgui.core.clock import FakeClock
from vodgui.core.errors import Cancelled, ErrorKind, VodError
from vodgui.core.retry import RetryPolicy, call_with_retry


def flaky(errors: list[VodError], result: str = "ok"):
    calls = {"n": 0}

    def fn() -> str:
        calls["n"] += 1
        if errors:
            raise errors.pop(0)
        return result

    return fn, calls


def retryable(code: str = "ServiceUnavailable") -> VodError:
    return VodError(code, "x", kind=ErrorKind.SERVER, retryable=True)


def test_backoff_doubles_with_jitter_and_gives_up_after_the_retries() -> None:
    clock = FakeClock()
    fn, calls = flaky([retryable() for _ in range(10)])
    with pytest.raises(VodError, match="ServiceUnavailable"):
        call_with_retry(fn, policy=RetryPolicy(3, 2.0, 30.0), clock=clock, what="t", rng=random.Random(1))
    assert calls["n"] == 4  # 1 try + 3 retries, never forever
    assert len(clock.sleeps) == 3
    for attempt, delay in enumerate(clock.sleeps, start=1):
        full = 2.0 * 2 ** (attempt - 1)
        assert full / 2 <= delay <= full


def test_non_retryable_error_is_raised_at_once() -> None:
    clock = FakeClock()
    fn, calls = flaky([VodError("Forbidden.RAM", "no", kind=ErrorKind.PERMISSION)])
    with pytest.raises(VodError, match=r"Forbidden\.RAM"):
        call_with_retry(fn, policy=RetryPolicy(), clock=clock, what="t")
    assert calls["n"] == 1 and clock.sleeps == []


def test_expired_credentials_get_one_refresh_without_backoff() -> None:
    clock = FakeClock()
    expired = VodError("SecurityTokenExpired", "x", kind=ErrorKind.AUTH_EXPIRED, retryable=True,
                       refresh_credentials=True)
    fn, _calls = flaky([expired])
    refreshed: list[int] = []
    assert call_with_retry(fn, policy=RetryPolicy(), clock=clock, what="t",
                           refresh=lambda: refreshed.append(1)) == "ok"
    assert refreshed == [1] and clock.sleeps == []


def test_at_most_one_forced_refresh_per_failed_request() -> None:
    clock = FakeClock()
    expired = [VodError("SecurityTokenExpired", "x", retryable=True, refresh_credentials=True) for _ in range(10)]
    fn, calls = flaky(expired)
    refreshed: list[int] = []
    with pytest.raises(VodError):
        call_with_retry(fn, policy=RetryPolicy(retries=2, base_delay=1), clock=clock, what="t",
                        refresh=lambda: refreshed.append(1))
    # each of the 3 attempts may refresh once: the refreshed retry fails again and counts as a failure
    assert len(refreshed) == 3
    assert calls["n"] == 6


def test_interrupt_stops_waiting() -> None:
    clock = FakeClock()
    stop = threading.Event()
    stop.set()
    fn, calls = flaky([retryable()])
    with pytest.raises(Cancelled):
        call_with_retry(fn, policy=RetryPolicy(), clock=clock, what="t", interrupt=stop)
    assert calls["n"] == 0
