"""From engine threads to the GUI thread, in batches.

The engine calls :meth:`EngineBridge.on_event` on its own threads, possibly thousands of times a second. The
bridge only appends to buffers under a lock there; a timer on the GUI thread flushes them every
``FLUSH_MS`` as a handful of signals (qutebrowser repaints all downloads from one timer the same way). No signal
is ever emitted from a worker thread, so the GUI cannot be flooded. A big batch of new items is handed on in
chunks, one per turn of the event loop (so are 100,000 changes, after a pause of everything); what is said of an
item not handed on yet waits for it.
"""

from __future__ import annotations

import threading
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from vodgui.core.transfer.events import (
    Connections,
    Event,
    JobChanged,
    JobsAdded,
    JobSnapshot,
    JobsRemoved,
    Progress,
)

FLUSH_MS = 200
#: New rows (and changed rows) handed on per turn of the event loop. A batch of 100,000 arrives as one event;
#: inserted at once it would hold the window for half a second, in chunks of this size each turn stays short (4,000
#: took 15-30 ms a turn with every page's handlers, which added up with a repaint in the same turn).
ADD_CHUNK = 2000


class EngineBridge(QObject):
    """Engine events as Qt signals, batched.

    Signals:
        jobs_added(list[JobSnapshot]): new queue items, in order.
        jobs_removed(list[int]): job ids gone from the queue.
        jobs_changed(list[JobSnapshot]): state, VideoId, error or note changed (latest snapshot per job).
        progress_changed(dict[int, Progress]): job id -> its latest progress (confirmed and in-flight bytes, speed,
            ETA), for jobs that moved since the last flush.
        connections_changed(Connections): requests in flight, the connection limit and the bandwidth in force.
        flushed(): emitted after the signals of a flush that had any: counts read now match the rows.
    """

    jobs_added = Signal(list)
    jobs_removed = Signal(list)
    jobs_changed = Signal(list)
    progress_changed = Signal(object)  # dict[int, Progress]: Signal(dict) would try (and fail) to make a QVariantMap
    connections_changed = Signal(object)  # Connections
    flushed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._added: dict[int, JobSnapshot] = {}  # job id -> snapshot, in order of arrival
        self._removed: list[int] = []
        self._changed: dict[int, JobSnapshot] = {}
        self._progress: dict[int, Progress] = {}
        self._connections: Connections | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self.flush)
        self._timer.start()
        self._again = QTimer(self)  # the rest of a big batch, at the next turn of the event loop
        self._again.setSingleShot(True)
        self._again.setInterval(0)
        self._again.timeout.connect(self.flush)

    # -- engine threads --------------------------------------------------------------------------------------
    def on_event(self, event: Event) -> None:
        if isinstance(event, JobsAdded) and len(event.snapshots) > ADD_CHUNK:
            # Indexed before the lock is taken: 100,000 of them would keep a flush on the GUI thread waiting.
            added = {snap.job_id: snap for snap in event.snapshots}
            with self._lock:
                self._added.update(added)
            return
        with self._lock:
            if isinstance(event, Progress):
                self._progress[event.job_id] = event
            elif isinstance(event, JobChanged):
                self._changed[event.snapshot.job_id] = event.snapshot
                self._progress.pop(event.snapshot.job_id, None)  # the snapshot is newer
            elif isinstance(event, Connections):
                self._connections = event
            elif isinstance(event, JobsAdded):
                for snap in event.snapshots:
                    self._added[snap.job_id] = snap
            elif isinstance(event, JobsRemoved):
                self._removed.extend(event.job_ids)
                for job_id in event.job_ids:
                    self._added.pop(job_id, None)
                    self._changed.pop(job_id, None)
                    self._progress.pop(job_id, None)

    # -- GUI thread ------------------------------------------------------------------------------------------
    def flush(self) -> None:
        with self._lock:
            added = list(_take(self._added, ADD_CHUNK).values())
            # What is said of items whose rows are not there yet waits for them (the model would drop it), and a
            # job's progress waits for its newer state.
            changed = _take(self._changed, ADD_CHUNK, self._added)
            progress = _take(self._progress, None, self._added, self._changed)
            if self._added or self._changed:
                self._again.start()
            removed, self._removed = self._removed, []
            connections, self._connections = self._connections, None
        if connections is not None:
            self.connections_changed.emit(connections)
        if added:
            self.jobs_added.emit(added)
        if changed:
            self.jobs_changed.emit(list(changed.values()))
        if progress:
            self.progress_changed.emit(progress)
        if removed:
            self.jobs_removed.emit(removed)
        if added or changed or progress or removed:
            self.flushed.emit()

    def rows_pending(self) -> bool:
        """New items not handed on yet (a big batch goes in chunks)."""
        with self._lock:
            return bool(self._added)

    def stop(self) -> None:
        self._timer.stop()
        self._again.stop()


_V = TypeVar("_V")


def _take(pending: dict[int, _V], limit: int | None, *waiting: dict[int, Any]) -> dict[int, _V]:
    """Remove and return what of ``pending`` can be handed on now: at most ``limit`` entries (None: all), and none
    of a job that still has an entry in one of ``waiting``."""
    waits = [w for w in waiting if w]
    if not waits and (limit is None or len(pending) <= limit):
        taken = pending.copy()
        pending.clear()
        return taken
    taken = {}
    for job_id in list(pending):
        if limit is not None and len(taken) >= limit:
            break
        if not any(job_id in w for w in waits):
            taken[job_id] = pending.pop(job_id)
    return taken
