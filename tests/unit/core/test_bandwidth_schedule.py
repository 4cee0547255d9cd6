"""Bandwidth by time of day (rclone's timetable) and a limit changed by another process."""

from __future__ import annotations

import time

import pytest

from vodgui.core.errors import VodError
from vodgui.core.store import QueueStore
from vodgui.core.transfer.bandwidth import BandwidthSchedule, RateLimiter, parse_rate
from vodgui.core.transfer.engine import LIMIT_KEY, stored_schedule

pytestmark = pytest.mark.timeout(10)

MiB = 1024 * 1024


def test_rates() -> None:
    assert parse_rate("4M") == 4 * MiB
    assert parse_rate("512k") == 512 * 1024
    assert parse_rate("1.5G") == int(1.5 * 1024**3)
    assert parse_rate("off") == 0 and parse_rate("0") == 0


def test_time_of_day_steps() -> None:
    sched = BandwidthSchedule.parse("08:00,4M 18:00,off")
    assert sched.rate_at(8 * 60) == 4 * MiB
    assert sched.rate_at(12 * 60) == 4 * MiB
    assert sched.rate_at(18 * 60) == 0
    assert sched.rate_at(3 * 60) == 0  # before the first step: the last step of the day before
    night = BandwidthSchedule.parse("18:00,1M 08:00,off")  # order does not matter
    assert night.rate_at(2 * 60) == 1 * MiB and night.rate_at(9 * 60) == 0
    assert BandwidthSchedule.parse("4M").rate_at(0) == 4 * MiB


@pytest.mark.parametrize("bad", ["08:00,4X", "25:00,1M", "4M 18:00,off", "08:00", "fast"])
def test_bad_schedules_name_the_step(bad: str) -> None:
    with pytest.raises(VodError) as info:
        BandwidthSchedule.parse(bad)
    assert info.value.code == "InvalidBandwidthSchedule"
    assert info.value.params["value"] in bad


def test_limiter_follows_the_clock() -> None:
    hour = [7]
    limiter = RateLimiter(0, localtime=lambda: time.struct_time((2026, 1, 1, hour[0], 30, 0, 0, 1, 0)), poll=0)
    limiter.set_schedule(BandwidthSchedule.parse("08:00,4M 18:00,off"))
    assert limiter.rate == 0
    hour[0] = 9
    assert limiter.rate == 4 * MiB
    hour[0] = 19
    assert limiter.rate == 0


def test_limiter_follows_a_schedule_stored_by_another_process(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = QueueStore(tmp_path / "q.sqlite3")
    limiter = RateLimiter(1000, source=lambda: stored_schedule(store), poll=0)
    assert limiter.rate == 1000  # nothing stored: the profile's limit
    other = QueueStore(tmp_path / "q.sqlite3")  # `vodgui queue limit 2M` in another terminal
    other.set_meta(LIMIT_KEY, "2M")
    assert limiter.rate == 2 * MiB
    limiter.set_rate(5000)  # the GUI's box afterwards wins until the stored schedule changes again
    assert limiter.rate == 5000
    other.set_meta(LIMIT_KEY, "off")
    assert limiter.rate == 0
    other.close()
    store.close()
