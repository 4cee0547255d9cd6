"""The adaptive connection gate, driven by a fake clock and a simulated link (no network, no sleeps)."""

from __future__ import annotations

import pytest

from vodgui.core.clock import FakeClock
from vodgui.core.transfer.adaptive import REQUEST_WEIGHT, ConnectionGate, GateState

pytestmark = pytest.mark.timeout(10)

MB = 1_000_000


def simulate(gate: ConnectionGate, clock: FakeClock, rate_for: callable, seconds: float, *,  # type: ignore[valid-type]
             busy: bool = True, step: float = 0.05) -> list[int]:
    """Move time in steps; each step the link carries ``rate_for(limit)`` bytes/s and (``busy``) more work waits
    than there are slots. Returns the limit after each step."""
    limits = []
    for _ in range(int(seconds / step)):
        clock.advance(step)
        if busy:
            gate.demand()
        gate.record(int(rate_for(gate.limit) * step))
        limits.append(gate.limit)
    return limits


def test_grows_until_the_link_is_full_and_stays_there() -> None:
    # 8 MB/s per connection, 64 MB/s link: eight connections fill it; more bring nothing.
    clock = FakeClock()
    gate = ConnectionGate(4, 32, clock=clock)
    limits = simulate(gate, clock, lambda n: min(n * 8 * MB, 64 * MB), 20)
    assert max(limits) > 8  # it probed beyond
    assert 8 <= limits[-1] <= 10  # and settled where the link is full, not at the maximum
    assert limits[-1] < 32


def test_a_thin_link_is_not_crowded() -> None:
    # 16 MB/s link, 8 MB/s per connection: four connections fill it already.
    clock = FakeClock()
    gate = ConnectionGate(4, 16, clock=clock)
    limits = simulate(gate, clock, lambda n: min(n * 8 * MB, 16 * MB), 20)
    assert limits[-1] <= 5


def test_keeps_growing_while_throughput_follows_up_to_the_maximum() -> None:
    clock = FakeClock()
    gate = ConnectionGate(2, 12, clock=clock)
    limits = simulate(gate, clock, lambda n: n * 5 * MB, 10)
    assert limits[-1] == 12


def test_errors_halve_the_limit_at_once() -> None:
    clock = FakeClock()
    gate = ConnectionGate(8, 16, clock=clock)
    gate.congestion()
    assert gate.limit == 4
    gate.congestion()  # the same epoch: one backoff per epoch, not one per failed request
    assert gate.limit == 4
    clock.advance(0.6)
    gate.record(1 << 30)  # the next epoch
    gate.congestion()
    assert gate.limit == 2


def test_nothing_changes_without_demand() -> None:
    # The end of a file, or a bandwidth limit below the link: fewer requests than slots teach nothing.
    clock = FakeClock()
    gate = ConnectionGate(4, 16, clock=clock)
    limits = simulate(gate, clock, lambda n: n * 8 * MB, 5, busy=False)
    assert set(limits) == {4}


def test_the_users_bandwidth_limit_is_not_a_reason_to_grow() -> None:
    clock = FakeClock()
    gate = ConnectionGate(4, 16, clock=clock)
    for _ in range(100):
        clock.advance(0.05)
        gate.demand()
        gate.capped()  # the RateLimiter made requests wait
        gate.record(400_000)
    assert gate.limit == 4


def test_fixed_mode_keeps_its_value() -> None:
    clock = FakeClock()
    gate = ConnectionGate(6, 6, adaptive=False, clock=clock)
    limits = simulate(gate, clock, lambda n: n * 8 * MB, 5)
    gate.congestion()
    assert set(limits) == {6} and gate.limit == 6


def test_tiny_requests_are_measured_over_enough_of_them() -> None:
    # Tiny files: no stream of bytes, so an epoch lasts until about one request per slot has finished.
    clock = FakeClock()
    gate = ConnectionGate(4, 16, clock=clock)

    def one_request() -> None:
        clock.advance(0.5)
        gate.demand()
        assert gate.try_acquire()
        gate.release()

    for _ in range(4):
        one_request()  # the first epoch (after a start or a change) is not measured
    for _ in range(3):
        one_request()
    assert gate.limit == 4  # three requests in 1.5 s: not yet an epoch
    one_request()
    assert gate.limit == 8  # the fourth closes it; demand waited: slow start doubles


def test_slots_and_reports() -> None:
    clock = FakeClock()
    seen: list[GateState] = []
    gate = ConnectionGate(2, 4, clock=clock, on_change=seen.append)
    assert gate.try_acquire() and gate.try_acquire()
    assert not gate.try_acquire()  # the limit holds
    gate.release()
    gate.release()
    assert gate.active == 0
    assert seen[-1].active == 0 and seen[-1].limit == 2  # the last word is "nothing in flight"
    # a finished request counts in the throughput measure, so tiny files count by the file
    assert REQUEST_WEIGHT > 0


def test_a_count_that_changed_too_soon_is_reported_a_little_later() -> None:
    import threading

    clock = FakeClock()
    seen: list[GateState] = []
    told = threading.Event()
    gate = ConnectionGate(2, 4, clock=clock, report_every=0.05,
                          on_change=lambda st: (seen.append(st), told.set() if st.active == 2 else None))
    assert gate.try_acquire()  # idle -> busy: reported at once
    assert gate.try_acquire()  # too soon (fake time stands still): deferred
    assert seen[-1].active == 1
    assert told.wait(5)  # then the 2 in flight are shown although nothing else happens
    gate.release()
    gate.release()


def test_configure_switches_modes_live() -> None:
    clock = FakeClock()
    seen: list[GateState] = []
    gate = ConnectionGate(4, 16, clock=clock, on_change=seen.append)
    gate.configure(initial=3, maximum=3, adaptive=False)
    assert (gate.limit, gate.adaptive) == (3, False)
    assert seen[-1] == GateState(0, 3, 3, False)
