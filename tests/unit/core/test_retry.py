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


# -- throttling: more patience than for network errors, bounded, Retry-After honoured --------------------------
def throttled(code: str = "Throttling.User", retry_after: str | None = None) -> VodError:
    return VodError(code, "slow down", kind=ErrorKind.THROTTLED, retryable=True,
                    details={"retry_after": retry_after} if retry_after is not None else None)


def test_throttling_outlasts_the_network_budget_and_the_caller_hears_each_wait() -> None:
    clock = FakeClock()
    fn, calls = flaky([throttled() for _ in range(12)])  # far more than 3 retries, well within 5 minutes
    heard: list[tuple[str, str, int, float]] = []
    result = call_with_retry(fn, policy=RetryPolicy(), clock=clock, what="vod:CreateUploadVideo",
                             on_retry=lambda what, err, n, delay: heard.append((what, err.code, n, delay)),
                             rng=random.Random(3))
    assert result == "ok" and calls["n"] == 13
    assert [h[2] for h in heard] == list(range(1, 13)) and {h[0] for h in heard} == {"vod:CreateUploadVideo"}
    assert [h[3] for h in heard] == clock.sleeps
    for attempt, delay in enumerate(clock.sleeps, start=1):  # doubling from 1 s, capped at 60 s, jittered
        full = min(60.0, 1.0 * 2 ** (attempt - 1))
        assert full / 2 <= delay <= full
    assert sum(clock.sleeps) <= 300


def test_throttling_gives_up_after_the_patience_never_forever() -> None:
    clock = FakeClock()
    fn, calls = flaky([throttled() for _ in range(10_000)])
    with pytest.raises(VodError, match=r"Throttling\.User"):
        call_with_retry(fn, policy=RetryPolicy(), clock=clock, what="t", rng=random.Random(1))
    assert 295 <= sum(clock.sleeps) <= 300  # five minutes of trying, the last wait trimmed to the patience
    assert 8 < calls["n"] < 40
    # Configurable: a patience of 20 s.
    clock = FakeClock()
    fn, calls = flaky([throttled() for _ in range(10_000)])
    with pytest.raises(VodError):
        call_with_retry(fn, policy=RetryPolicy(throttle_patience=20), clock=clock, what="t", rng=random.Random(1))
    assert sum(clock.sleeps) <= 20


def test_network_errors_keep_the_sdk_budget_while_throttling_has_its_own() -> None:
    clock = FakeClock()
    errors = [throttled(), retryable(), throttled(), retryable(), throttled(), retryable(), retryable()]
    fn, calls = flaky(errors)
    with pytest.raises(VodError, match="ServiceUnavailable"):
        call_with_retry(fn, policy=RetryPolicy(retries=3), clock=clock, what="t")
    assert calls["n"] == 7  # 3 throttled waits did not use up the 3 network retries; the 4th failure ends it


def test_retry_after_is_honoured_and_one_beyond_the_patience_ends_the_call() -> None:
    clock = FakeClock()
    fn, _ = flaky([throttled("SlowDown", retry_after="42"), throttled("SlowDown", retry_after="7")])
    assert call_with_retry(fn, policy=RetryPolicy(), clock=clock, what="t") == "ok"
    assert clock.sleeps[0] >= 42 and clock.sleeps[1] >= 7
    clock = FakeClock()
    fn, calls = flaky([throttled(retry_after="3600")])
    with pytest.raises(VodError):
        call_with_retry(fn, policy=RetryPolicy(), clock=clock, what="t")
    assert calls["n"] == 1 and clock.sleeps == []  # asked to wait an hour: say so now rather than hang


def test_retry_after_as_an_http_date() -> None:
    from email.utils import formatdate

    from vodgui.core.retry import parse_retry_after

    now = 1_800_000_000.0
    assert parse_retry_after(formatdate(now + 30, usegmt=True), now) == pytest.approx(30, abs=1)
    assert parse_retry_after("12", now) == 12 and parse_retry_after("soon", now) is None
    assert parse_retry_after(None, now) is None


def test_http_429_and_oss_slowdown_are_throttling() -> None:
    import oss2

    from vodgui.core.errors import classify_pop, from_oss_exception

    assert classify_pop("TooManyRequests", 429).kind is ErrorKind.THROTTLED
    assert classify_pop("Throttling.User", 400).kind is ErrorKind.THROTTLED
    slow = from_oss_exception(oss2.exceptions.ServerError(503, {"Retry-After": "5"}, b"", {
        "Code": "SlowDown", "Message": "Please reduce your request rate."}))
    assert slow.kind is ErrorKind.THROTTLED and slow.retryable and slow.details["retry_after"] == "5"
    busy = from_oss_exception(oss2.exceptions.ServerError(503, {}, b"", {"Code": "ServiceUnavailable"}))
    assert busy.kind is ErrorKind.SERVER
    for code, status in (("TotalQpsLimitExceeded", 503), ("QpsLimitExceeded", 429), ("SomethingNew", 429)):
        err = from_oss_exception(oss2.exceptions.ServerError(status, {}, b"", {"Code": code}))
        assert err.kind is ErrorKind.THROTTLED and err.retryable, code
