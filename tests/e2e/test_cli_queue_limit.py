"""``vodgui queue limit``: the queue's bandwidth schedule, set from the command line, shown, and checked."""

from __future__ import annotations

import json
from collections.abc import Callable
from subprocess import CompletedProcess

import pytest

pytestmark = pytest.mark.timeout(120)


def test_set_show_and_clear(vodgui: Callable[..., CompletedProcess[str]]) -> None:
    shown = vodgui("queue", "limit", "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == {"schedule": "off", "bytes_per_second_now": 0}
    steps = vodgui("queue", "limit", "00:00,4M 23:59,4M", "--json")
    assert steps.returncode == 0, steps.stderr
    assert json.loads(steps.stdout) == {"schedule": "00:00,4M 23:59,4M", "bytes_per_second_now": 4 * 1024 * 1024}
    text = vodgui("queue", "limit")
    assert "bandwidth schedule: 00:00,4M 23:59,4M; now: 4.00 MiB/s" in text.stdout
    off = vodgui("queue", "limit", "off")
    assert "now: unlimited" in off.stdout


def test_bad_schedule_is_named_and_nothing_changes(vodgui: Callable[..., CompletedProcess[str]]) -> None:
    assert vodgui("queue", "limit", "2M").returncode == 0
    bad = vodgui("queue", "limit", "08:00,4Q 18:00,off")
    assert bad.returncode == 2
    assert "08:00,4Q is not a bandwidth schedule step" in bad.stderr
    assert "Traceback" not in bad.stderr
    assert json.loads(vodgui("queue", "limit", "--json").stdout)["schedule"] == "2M"
