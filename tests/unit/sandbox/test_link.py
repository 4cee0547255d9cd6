"""Link emulation: the capacity all connections share, the per-connection cap and the control plane's knobs.

Time is a fake clock patched into the link module (sleeping advances it), so the shares are exact and nothing
waits."""

from __future__ import annotations

import pytest

from vodgui.sandbox import http as sandbox_http
from vodgui.sandbox.client import SandboxControl
from vodgui.sandbox.http import SharedLink, Throttle

pytestmark = pytest.mark.timeout(10)


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept = 0.0

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        self.slept += seconds


@pytest.fixture
def fake_time(monkeypatch: pytest.MonkeyPatch) -> FakeTime:
    t = FakeTime()
    monkeypatch.setattr(sandbox_http, "time", t)
    return t


def test_the_link_is_shared(fake_time: FakeTime) -> None:
    # Two connections without a cap of their own, 1 MB/s link: 2 MB take two seconds, whoever sends them.
    link = SharedLink(lambda: 1e6)
    a, b = Throttle(lambda: 0, link), Throttle(lambda: 0, link)
    for _ in range(16):
        a.consume(62_500)
        b.consume(62_500)
    assert fake_time.now - 100.0 == pytest.approx(2.0, abs=SharedLink.BURST + 0.01)


def test_the_per_connection_cap_holds_on_a_wide_link(fake_time: FakeTime) -> None:
    link = SharedLink(lambda: 100e6)
    conn = Throttle(lambda: 1e6, link)
    for _ in range(20):
        conn.consume(100_000)  # 2 MB at 1 MB/s
    assert fake_time.now - 100.0 == pytest.approx(2.0, rel=0.15)


def test_loss_costs_a_round_trip(fake_time: FakeTime) -> None:
    link = SharedLink(lambda: 0, rtt_ms=lambda: 40, loss=lambda: 1.0)
    link.consume(1000)
    assert fake_time.slept == pytest.approx(0.04)


def test_control_plane_sets_the_link(control: SandboxControl) -> None:
    got = control.settings(link_bps=64e6, bandwidth_bps=8e6, latency_ms=40, jitter_ms=5, loss_rate=0.01)
    assert (got["link_bps"], got["bandwidth_bps"], got["latency_ms"], got["jitter_ms"], got["loss_rate"]) == \
        (64e6, 8e6, 40, 5, 0.01)
