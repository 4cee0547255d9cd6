"""How many requests go at once: a gate shared by every upload of an engine, sized by measurement.

Every part upload and every single PUT takes a slot of the :class:`ConnectionGate` for as long as its request
runs; the engine starts one more file at once for each connection the limit grew by. In adaptive mode the gate
measures the aggregate throughput (bytes read into requests, plus a fixed weight per finished request so that
a batch of tiny files counts its files) in epochs and moves the limit:

* while every slot is busy and more work waits, each increase is kept only if the throughput rose by at least
  30 % of what the extra connections should bring (the epoch right after a change is not measured); in "slow
  start" the limit doubles, afterwards it grows by one;
* an increase that brought less than that means the link is full: the limit goes back to the value before it
  and stays there for a few epochs before it probes again (rising latency shows here:
  more connections, same bytes);
* an error or a throttling answer (any retried request) halves the limit at once (multiplicative decrease).

Epochs where fewer requests wait than there are slots (the end of a file), or while the user's bandwidth limit
is in force (it decides the speed, and "files at once" stays what the user set), teach nothing and change
nothing. With ``adaptive=False`` the limit stays where it was set.
No Qt, no I/O; time comes from a clock so unit tests drive it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from vodgui.core.clock import Clock, SystemClock

#: What a finished request is worth in the throughput measure, in bytes (tiny files count by the file).
REQUEST_WEIGHT = 64 * 1024
#: An increase is kept when the throughput grew by at least this share of what it should have brought. Low on
#: purpose: a connection too many on a full link costs little (they share it), one too few costs its share.
KEEP_SHARE = 0.3
HOLD_EPOCHS = 6
#: Bytes per slot that make an epoch long enough to measure without finished requests.
STREAM_BYTES = 256 * 1024


@dataclass(frozen=True)
class GateState:
    """What a front end shows: requests in flight now, the current limit, and whether it adapts."""

    active: int
    limit: int
    maximum: int
    adaptive: bool


class ConnectionGate:
    """Slots for requests in flight, with an adaptive (AIMD) limit.

    Args:
        initial: the starting limit (the fixed one when ``adaptive`` is False).
        maximum: the most the limit may grow to.
        adaptive: measure and adapt, or keep ``initial``.
        clock: monotonic time source.
        epoch: seconds per measurement.
        on_change: called (outside the lock) with a :class:`GateState` when the limit changes, and when the
            number of requests in flight changed and the last call is at least ``report_every`` seconds old or
            nothing is in flight any more (or something is again).
    """

    def __init__(self, initial: int = 4, maximum: int = 16, *, adaptive: bool = True, clock: Clock | None = None,
                 epoch: float = 0.5, on_change: Callable[[GateState], None] | None = None,
                 report_every: float = 0.25) -> None:
        self._cond = threading.Condition()
        self._clock = clock or SystemClock()
        self.maximum = max(1, int(maximum))
        self._limit = min(self.maximum, max(1, int(initial)))
        self.adaptive = adaptive
        self.epoch = epoch
        self.on_change = on_change
        self._report_every = report_every
        self._active = 0
        self._reported = (-1, -1)
        self._reported_at = -1e9
        # measurement
        self._epoch_start = self._clock.monotonic()
        self._bytes = 0.0
        self._raw = 0
        self._done = 0
        self._starved = False
        self._congested = False
        self._slow_start = True
        self._base: tuple[int, float] | None = None  # (limit, rate) before the last increase
        self._hold = 0

    # -- what front ends see ---------------------------------------------------------------------------------
    @property
    def limit(self) -> int:
        return self._limit

    @property
    def active(self) -> int:
        return self._active

    def state(self) -> GateState:
        return GateState(self._active, self._limit, self.maximum, self.adaptive)

    def configure(self, *, initial: int | None = None, maximum: int | None = None,
                  adaptive: bool | None = None) -> None:
        """Change the mode while uploads run (Settings, ``vodgui queue limit``)."""
        with self._cond:
            if maximum is not None:
                self.maximum = max(1, int(maximum))
            if adaptive is not None:
                self.adaptive = adaptive
            if initial is not None:
                self._limit = max(1, int(initial))
            self._limit = min(self._limit, self.maximum)
            self._restart(self._clock.monotonic())
            self._settling = True
            self._slow_start = True
            self._base = None
            self._cond.notify_all()
        self._report(force=True)

    # -- slots -----------------------------------------------------------------------------------------------
    def try_acquire(self) -> bool:
        with self._cond:
            self._tick()
            if self._active < self._limit:
                self._active += 1
                ok = True
            else:
                self._starved = True
                ok = False
        if ok:
            self._report()
        return ok

    def acquire(self, stop: threading.Event | None = None) -> bool:
        """Wait for a slot; False if ``stop`` got set first."""
        with self._cond:
            while self._active >= self._limit:
                self._starved = True
                if stop is not None and stop.is_set():
                    return False
                self._cond.wait(0.1)
                self._tick()
            self._active += 1
        self._report()
        return True

    def release(self) -> None:
        with self._cond:
            self._active = max(0, self._active - 1)
            self._bytes += REQUEST_WEIGHT
            self._done += 1
            self._tick()
            self._cond.notify()
        self._report()

    @contextmanager
    def slot(self, stop: threading.Event | None = None) -> Iterator[bool]:
        got = self.acquire(stop)
        try:
            yield got
        finally:
            if got:
                self.release()

    # -- measurement -----------------------------------------------------------------------------------------
    def record(self, nbytes: int) -> None:
        """Bytes read into requests (the HTTP layer takes them as fast as the link carries them)."""
        with self._cond:
            self._bytes += nbytes
            self._raw += nbytes
            self._tick()
            moved = self._notify_later
        if moved:
            self._report()

    def demand(self) -> None:
        """More work waits than there are slots (the engine has queued files it may not start)."""
        with self._cond:
            self._starved = True
            self._tick()
        self._report()

    def capped(self) -> None:
        """The user's bandwidth limit held requests back this epoch: more connections could not help."""
        with self._cond:
            self._capped = True

    def congestion(self) -> None:
        """A request failed or the service throttled: back off now."""
        changed = False
        with self._cond:
            self._congested = True
            if self.adaptive and not self._congested_this_epoch:
                self._congested_this_epoch = True
                new = max(1, self._limit // 2)
                changed = new != self._limit
                self._limit = new
                self._settling = True
                self._slow_start = False
                self._base = None
                self._hold = HOLD_EPOCHS
        if changed:
            self._report(force=True)

    _congested_this_epoch = False
    _capped = False

    def _restart(self, now: float) -> None:
        self._epoch_start = now
        self._bytes = 0.0
        self._raw = 0
        self._done = 0
        self._starved = False
        self._capped = False
        self._congested = False
        self._congested_this_epoch = False

    def _tick(self) -> None:
        """Close the epoch if it is over and adapt (called with the lock held)."""
        now = self._clock.monotonic()
        elapsed = now - self._epoch_start
        # An epoch needs enough events to mean something: a stream of bytes (large parts), or about one finished
        # request per slot (tiny files finish in lumps); a quiet one ends after 8 epochs' time regardless.
        if elapsed < self.epoch or (self._done < self._limit and self._raw < self._limit * STREAM_BYTES
                                    and elapsed < 8 * self.epoch):
            return
        rate = self._bytes / elapsed
        saturated = self._starved and not self._congested and not self._capped
        self._restart(now)
        if self._settling:
            # The epoch after a change mixes both limits, and new requests first fill their socket buffers (a
            # burst the link never carried): it is not measured.
            self._settling = False
            return
        if not self.adaptive or not saturated:
            self._base = None
            return
        old = self._limit
        if self._hold > 0:
            self._hold -= 1
            return
        if self._base is not None:
            base_limit, base_rate = self._base
            expected = base_rate * (old / base_limit - 1)
            if rate - base_rate < KEEP_SHARE * expected:
                # The extra connections did not pay: the link (or the service, or this CPU) is full.
                self._limit = base_limit
                self._settling = True
                self._slow_start = False
                self._base = None
                self._hold = HOLD_EPOCHS
                self._notify_later = self._limit != old
                return
        if old >= self.maximum:
            self._base = None
            return
        self._base = (old, rate)
        self._limit = min(self.maximum, old * 2 if self._slow_start else old + 1)
        self._settling = True
        self._notify_later = True
        self._cond.notify_all()

    _notify_later = False
    _settling = True
    _later: threading.Timer | None = None

    def _report_later(self) -> None:
        with self._cond:
            self._later = None
        self._report(force=True)

    def _report(self, force: bool = False) -> None:
        if self.on_change is None:
            return
        with self._cond:
            state = self.state()
            now = self._clock.monotonic()
            limit_moved = self._notify_later or state.limit != self._reported[1]
            self._notify_later = False
            # Busy <-> idle always; other changes of the count at most every ``report_every`` seconds.
            idle_moved = (state.active == 0) != (self._reported[0] == 0)
            if not (force or limit_moved or idle_moved or (state.active != self._reported[0]
                                                           and now - self._reported_at >= self._report_every)):
                if state.active != self._reported[0] and self._later is None:
                    # Too soon after the last report: say it a little later, or a count that then stays put
                    # (every request waiting on a slow link) would never be shown.
                    self._later = threading.Timer(self._report_every, self._report_later)
                    self._later.daemon = True
                    self._later.start()
                return
            self._reported = (state.active, state.limit)
            self._reported_at = now
        if self.on_change is not None:
            self.on_change(state)
