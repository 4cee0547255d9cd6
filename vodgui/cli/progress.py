"""The CLI's live progress on a terminal: a bar per running file and one for the whole batch, with speed, ETA and
the engine's connection count, drawn by rich (redrawn 5 times a second on stderr).

It keeps its own snapshots from the engine's events alone (like the GUI's bridge) and draws nothing when stderr
is not a terminal, so ``--json`` and piped output stay exactly as they were.
"""

from __future__ import annotations

import os
import sys
import threading
from dataclasses import replace

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn

from vodgui.core.transfer.events import (
    Connections,
    Event,
    JobChanged,
    JobsAdded,
    JobSnapshot,
    JobState,
)
from vodgui.core.transfer.events import Progress as JobProgress


def _speed(bps: float | None) -> str:
    return f"{bps / 1e6:6.1f} MB/s" if bps else "   -- MB/s"


def _eta(seconds: float | None) -> str:
    if seconds is None:
        return "--:--"
    seconds = int(seconds)
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02}:{rest % 60:02}" if hours else f"{rest // 60:02}:{rest % 60:02}"


class ProgressBars:
    """Per-file and total bars from engine events. ``enabled`` False (``--json``, ``--no-progress``) or a stderr
    that is not a terminal: nothing is drawn."""

    MAX_FILE_BARS = 8  # a batch of 100,000 tiny files shows the total and the files running now, not 100,000 bars

    def __init__(self, job_ids: list[int], enabled: bool) -> None:
        self.ids = set(job_ids)
        self.enabled = enabled and sys.stderr.isatty()
        self._lock = threading.Lock()
        self._snaps: dict[int, JobSnapshot] = {}
        self._tasks: dict[int, TaskID] = {}
        self._conn: Connections | None = None
        self._progress: Progress | None = None
        self._total: TaskID | None = None
        if self.enabled:
            self._progress = Progress(
                TextColumn("{task.description}", style="bold"), BarColumn(bar_width=None),
                TextColumn("{task.percentage:>5.1f}%"), TextColumn("{task.fields[speed]}"),
                TextColumn("ETA {task.fields[eta]}"), TextColumn("{task.fields[extra]}"),
                console=Console(stderr=True), refresh_per_second=5, transient=False, expand=True)
            self._total = self._progress.add_task("total", total=1, speed="", eta="--:--", extra="")
            self._progress.start()

    def on_event(self, event: Event) -> None:
        with self._lock:
            if isinstance(event, JobsAdded):
                self._snaps.update((s.job_id, s) for s in event.snapshots if s.job_id in self.ids)
            elif isinstance(event, JobChanged) and event.snapshot.job_id in self.ids:
                self._snaps[event.snapshot.job_id] = event.snapshot
            elif isinstance(event, JobProgress) and event.job_id in self._snaps:
                self._snaps[event.job_id] = replace(self._snaps[event.job_id], confirmed=event.confirmed,
                                                    in_flight=event.in_flight, speed=event.speed, eta=event.eta)
            elif isinstance(event, Connections):
                self._conn = event
            else:
                return
            if self._progress is not None:
                self._draw(event)

    def _draw(self, event: Event) -> None:
        progress = self._progress
        assert progress is not None and self._total is not None
        job_id = event.snapshot.job_id if isinstance(event, JobChanged) else \
            event.job_id if isinstance(event, JobProgress) else None
        if job_id is not None:
            snap = self._snaps[job_id]
            task = self._tasks.get(job_id)
            if snap.state.active and task is None and len(self._tasks) < self.MAX_FILE_BARS:
                name = os.path.basename(snap.path)
                task = self._tasks[job_id] = progress.add_task(name[:30], total=max(1, snap.size), speed="",
                                                               eta="--:--", extra="")
            if task is not None:
                if snap.state.active:
                    progress.update(task, completed=snap.bytes_done, speed=_speed(snap.speed), eta=_eta(snap.eta))
                else:
                    progress.remove_task(task)
                    del self._tasks[job_id]
        snaps = self._snaps.values()
        total = sum(s.size for s in snaps) or 1
        done = sum(s.bytes_done for s in snaps)
        finished = sum(1 for s in snaps if s.state is JobState.DONE)
        speed = sum(s.speed or 0 for s in snaps if s.state.active)
        eta = (total - done) / speed if speed else None
        conn = f"conn {self._conn.active}/{self._conn.limit}" if self._conn is not None else ""
        progress.update(self._total, total=total, completed=done, speed=_speed(speed), eta=_eta(eta),
                        description=f"total [{finished}/{len(self._snaps)}]", extra=conn)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
