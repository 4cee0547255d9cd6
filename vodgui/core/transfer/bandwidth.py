"""A shared token bucket: one bandwidth limit for all parts of all uploads, optionally by time of day.

A schedule is rclone's ``--bwlimit`` timetable: ``"08:00,4M 18:00,off"`` means 4 MiB/s from 08:00 and no limit
from 18:00 (until 08:00 the next day). A single value (``"4M"``, ``"512k"``, ``"off"``) is a constant limit.
Units are bytes per second with binary suffixes K, M, G (rclone's); ``off`` and ``0`` mean unlimited.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vodgui.core.errors import config_error

if TYPE_CHECKING:
    from vodgui.core.transfer.adaptive import ConnectionGate

_UNITS = {"": 1, "B": 1, "K": 1024, "M": 1024**2, "G": 1024**3}
_STEP = re.compile(r"^(?:(\d{1,2}):(\d{2}),)?(off|[0-9]+(?:\.[0-9]+)?[bkmgBKMG]?)$")


def parse_rate(text: str) -> int:
    """``"4M"`` -> 4194304 bytes/s; ``"off"`` or ``"0"`` -> 0 (unlimited)."""
    value = text.strip()
    if value.lower() in ("off", "0", ""):
        return 0
    m = re.fullmatch(r"([0-9]+(?:\.[0-9]+)?)([bkmgBKMG]?)", value)
    if not m:
        raise config_error("InvalidBandwidthSchedule", params={"value": text})
    return int(float(m.group(1)) * _UNITS[m.group(2).upper()])


@dataclass(frozen=True)
class BandwidthSchedule:
    """Time-of-day steps: ``steps`` is a sorted tuple of (minute of the day, bytes per second)."""

    steps: tuple[tuple[int, int], ...]
    text: str = ""

    @classmethod
    def parse(cls, text: str) -> BandwidthSchedule:
        """Parse rclone's timetable (or one constant value). Bad input names itself in a ConfigError."""
        items = text.replace(";", " ").split()
        if not items:
            return cls(((0, 0),), "off")
        steps: dict[int, int] = {}
        for item in items:
            m = _STEP.match(item)
            if not m or (m.group(1) is None and len(items) > 1):
                raise config_error("InvalidBandwidthSchedule", params={"value": item})
            hour, minute = int(m.group(1) or 0), int(m.group(2) or 0)
            if hour > 23 or minute > 59:
                raise config_error("InvalidBandwidthSchedule", params={"value": item})
            steps[hour * 60 + minute] = parse_rate(m.group(3))
        return cls(tuple(sorted(steps.items())), " ".join(items))

    def rate_at(self, minute_of_day: int) -> int:
        """The limit in force at that minute (before the first step, the last step of the day before)."""
        current = self.steps[-1][1]
        for start, rate in self.steps:
            if start <= minute_of_day:
                current = rate
        return current

    def rate_now(self, localtime: Callable[[], time.struct_time] = time.localtime) -> int:
        t = localtime()
        return self.rate_at(t.tm_hour * 60 + t.tm_min)


class RateLimiter:
    """Blocks callers so that the bytes they report do not exceed ``rate`` per second on average.

    ``rate`` can change at any time (the GUI's limit box, a schedule step, ``vodgui queue limit`` from another
    process); 0 means unlimited. Bursts are capped at a quarter of a second's worth, so a limit takes effect
    quickly. ``source``, if given, is asked at most every ``poll`` seconds for the schedule in force (a
    :class:`BandwidthSchedule` or None to keep the current one). ``gate``, the engine's adaptive connection gate,
    travels with the limiter to every upload: it sees every byte (its throughput measure) and hands out the slots
    for requests in flight.
    """

    def __init__(self, rate: int = 0, *, source: Callable[[], BandwidthSchedule | None] | None = None,
                 poll: float = 2.0, gate: ConnectionGate | None = None,
                 localtime: Callable[[], time.struct_time] = time.localtime) -> None:
        self._lock = threading.Lock()
        self._rate = rate
        self._tokens = 0.0
        self._last = time.monotonic()
        self._schedule: BandwidthSchedule | None = None
        self._source = source
        self._poll = poll
        self._polled = -1e9
        self._stored: BandwidthSchedule | None = None
        self._localtime = localtime
        self.gate = gate

    @property
    def rate(self) -> int:
        self._refresh()
        return self._rate

    @property
    def schedule(self) -> BandwidthSchedule | None:
        return self._schedule

    def set_rate(self, rate: int) -> None:
        with self._lock:
            self._schedule = None
            self._rate = max(0, int(rate))

    def set_schedule(self, schedule: BandwidthSchedule | None) -> None:
        """Follow ``schedule`` from now on (None: keep the current rate as a constant)."""
        with self._lock:
            self._schedule = schedule
            if schedule is not None:
                self._rate = schedule.rate_now(self._localtime)

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._polled < self._poll:
            return
        self._polled = now
        if self._source is not None:
            try:
                schedule = self._source()
            except Exception:  # a locked or vanished database: keep the limit in force
                schedule = None
            if schedule is not None and schedule != self._stored:  # changed by another process (or first seen)
                self._stored = schedule
                self.set_schedule(schedule)
                return
        sched = self._schedule
        if sched is not None:
            with self._lock:
                self._rate = sched.rate_now(self._localtime)

    def acquire(self, nbytes: int, interrupt: threading.Event | None = None) -> None:
        if self.gate is not None:
            self.gate.record(nbytes)
        self._refresh()
        if self.gate is not None and self._rate > 0:
            # A limit of the user's is in force: it, not the connection count, decides the speed.
            self.gate.capped()
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
