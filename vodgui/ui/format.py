"""Numbers for people: sizes, speeds, durations."""

from __future__ import annotations


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
