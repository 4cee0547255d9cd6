"""The CLI's rich progress: per-file and total bars with speed, ETA and connections, from engine events only;
nothing at all when stderr is not a terminal (piped output and --json stay as they were)."""

from __future__ import annotations

import io
import sys

import pytest

from vodgui.cli.progress import ProgressBars
from vodgui.core.transfer.events import Connections, JobChanged, JobsAdded, JobSnapshot, JobState, Progress
from vodgui.core.transfer.record import Kind, VideoDetails

pytestmark = pytest.mark.timeout(10)


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def snap(job_id: int, state: JobState) -> JobSnapshot:
    return JobSnapshot(job_id, Kind.VIDEO, f"/media/clip{job_id}.mp4", 10_000_000, "p", state, f"clip{job_id}",
                       VideoDetails())


def feed(bars: ProgressBars) -> None:
    bars.on_event(JobsAdded((snap(1, JobState.QUEUED), snap(2, JobState.QUEUED))))
    bars.on_event(JobChanged(snap(1, JobState.UPLOADING), JobState.QUEUED))
    bars.on_event(Connections(3, 8, 16, True))
    bars.on_event(Progress(1, 4_000_000, 1_000_000, 2_500_000.0, 2.0))


def test_bars_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    out = Tty()
    monkeypatch.setattr(sys, "stderr", out)
    bars = ProgressBars([1, 2], enabled=True)
    feed(bars)
    bars.close()
    text = out.getvalue()
    assert "clip1.mp4" in text  # the running file's own bar
    assert "total [0/2]" in text and "conn 3/8" in text
    assert "2.5 MB/s" in text and "ETA 00:02" in text
    assert "50.0%" in text  # 5 of 10 MB (confirmed + in flight)


def test_nothing_when_not_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.StringIO()
    monkeypatch.setattr(sys, "stderr", out)
    bars = ProgressBars([1, 2], enabled=True)
    feed(bars)
    bars.close()
    assert out.getvalue() == ""


def test_nothing_when_disabled(monkeypatch: pytest.MonkeyPatch) -> None:  # --json, --no-progress
    out = Tty()
    monkeypatch.setattr(sys, "stderr", out)
    bars = ProgressBars([1, 2], enabled=False)
    feed(bars)
    bars.close()
    assert out.getvalue() == ""
