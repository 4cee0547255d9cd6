"""Numbers and times for people: sizes, speeds, durations, local dates and times."""

from __future__ import annotations

import time
from datetime import datetime


def human_size(n: float | None) -> str:
    if n is None:
        return ""
    value = float(n)
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if abs(value) < 1000 or unit == "TB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"


def human_speed(bps: float | None) -> str:
    return "" if bps is None else f"{human_size(bps)}/s"


def human_duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    s = round(seconds)
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def local_time(ts: float, *, short: bool = False, seconds: bool = True) -> str:
    """Local date and time, ``2024-05-01 12:34:56``; without ``seconds``, to the minute; with ``short``, only the
    time (``12:34:56``) when it is today."""
    local = time.localtime(ts)
    if short and local[:3] == time.localtime()[:3]:
        return clock_time(ts)
    return time.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M", local)


def clock_time(ts: float) -> str:
    """The local time of day, ``12:34:56``."""
    return time.strftime("%H:%M:%S", time.localtime(ts))


def iso_time(ts: float) -> str:
    """ISO 8601 with the local offset, ``2024-05-01T12:34:56+08:00`` (for files other programs read)."""
    return datetime.fromtimestamp(ts).astimezone().isoformat(timespec="seconds")
