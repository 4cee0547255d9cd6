"""Token caching for STS mode: shared until shortly before expiry, renewed once per expired token."""

from __future__ import annotations

import threading

from vodgui.core.clock import FakeClock
from vodgui.core.credentials import Secret, StsToken
from vodgui.core.pop import CachingTokenSigner


def make_fetch(clock: FakeClock, lifetime: float):
    calls: list[int] = []
    lock = threading.Lock()

    def fetch() -> StsToken:
        with lock:
            calls.append(1)
            n = len(calls)
        return StsToken(f"STS.token{n}", Secret(f"secret-number-{n}"), Secret(f"CAIS-token-number-{n}"),
                        clock.now() + lifetime)

    return fetch, calls


def test_token_is_shared_then_renewed_before_it_expires() -> None:
    clock = FakeClock()
    fetch, calls = make_fetch(clock, 3600)
    signer = CachingTokenSigner(fetch, clock, margin=300, label="test")
    first = signer.current()
    assert signer.current() is first and len(calls) == 1
    clock.advance(3600 - 301)
    assert signer.current() is first
    clock.advance(2)  # inside the 5-minute margin
    assert signer.current().access_key_id == "STS.token2" and len(calls) == 2


def test_short_lived_tokens_use_a_quarter_of_their_lifetime_as_margin() -> None:
    clock = FakeClock()
    fetch, calls = make_fetch(clock, 40)
    signer = CachingTokenSigner(fetch, clock, margin=300, label="test")
    signer.current()
    clock.advance(29)
    signer.current()
    assert len(calls) == 1  # a 300 s margin would refetch on every use
    clock.advance(2)
    signer.current()
    assert len(calls) == 2


def test_forced_refresh_happens_once_per_expired_token_across_threads() -> None:
    clock = FakeClock()
    fetch, calls = make_fetch(clock, 3600)
    signer = CachingTokenSigner(fetch, clock, margin=300, label="test")
    failed = signer.current()
    threads = [threading.Thread(target=signer.force_refresh, args=(failed,)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 2  # eight requests failed with the same token: one renewal
    assert signer.current().access_key_id == "STS.token2"
