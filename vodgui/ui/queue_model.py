"""The upload queue as a table model: a thin layer over engine snapshots.

Rows are job ids in queue order; each row shows the latest :class:`JobSnapshot` plus live byte counts. Progress
batches from the bridge update ``bytes_done`` and emit one ``dataChanged`` spanning the changed rows.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from vodgui.core.transfer.events import JobSnapshot, JobState
from vodgui.ui.errors import describe_job_error
from vodgui.ui.format import human_duration, human_size, human_speed

JOB_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SNAPSHOT_ROLE = Qt.ItemDataRole.UserRole + 2
FRACTION_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    FILE = 0
    SIZE = 1
    STATE = 2
    PROGRESS = 3
    SPEED = 4
    ETA = 5
    VIDEO_ID = 6
    ERROR = 7


def state_label(state: JobState) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        JobState.QUEUED: "Queued", JobState.PREPARING: "Preparing", JobState.UPLOADING: "Uploading",
        JobState.COMPLETING: "Completing", JobState.DONE: "Done", JobState.PAUSED: "Paused",
        JobState.FAILED: "Failed", JobState.CANCELLED: "Cancelled",
    }
    return QCoreApplication.translate("QueueModel", labels[state])


class QueueModel(QAbstractTableModel):
    """Signals: none of its own beyond the Qt model signals."""

    def __init__(self, live_stats: Callable[[int], JobSnapshot | None] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._rows: dict[int, int] = {}
        self._snaps: dict[int, JobSnapshot] = {}
        self._live = live_stats  # the engine's snapshot(), for speed and ETA (computed there)

    # -- Qt model API ----------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = [self.tr("File"), self.tr("Size"), self.tr("State"), self.tr("Progress"), self.tr("Speed"),
                 self.tr("ETA"), self.tr("VideoId"), self.tr("Error")]
        return names[section] if 0 <= section < len(names) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        snap = self._snaps[self._ids[index.row()]]
        col = Column(index.column())
        if role == JOB_ID_ROLE:
            return snap.job_id
        if role == SNAPSHOT_ROLE:
            return snap
        if role == FRACTION_ROLE:
            return snap.fraction
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(snap, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col is Column.FILE:
                return snap.path
            if col is Column.ERROR and snap.error:
                rid = f"\nRequestId: {snap.error.request_id}" if snap.error.request_id else ""
                return f"{describe_job_error(snap.error)}\n{snap.error.code}: {snap.error.message}{rid}"
            if col is Column.STATE and snap.note:
                return snap.note
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (Column.SIZE, Column.SPEED, Column.ETA):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, snap: JobSnapshot, col: Column) -> Any:
        if col is Column.FILE:
            return os.path.basename(snap.path)
        if col is Column.SIZE:
            return human_size(snap.size)
        if col is Column.STATE:
            return state_label(snap.state)
        if col is Column.PROGRESS:
            return f"{snap.fraction * 100:.0f}%"
        if col is Column.SPEED:
            return human_speed(snap.speed) if snap.speed is not None else ""
        if col is Column.ETA:
            return human_duration(snap.eta) if snap.eta is not None else ""
        if col is Column.VIDEO_ID:
            return snap.video_id or ""
        if col is Column.ERROR:
            if snap.error is None:
                return ""
            rid = f" [{snap.error.request_id}]" if snap.error.request_id else ""
            return f"{snap.error.code}: {snap.error.message}{rid}"
        return None

    # -- updates from the bridge -----------------------------------------------------------------------------
    def add(self, snaps: Iterable[JobSnapshot]) -> None:
        new = [s for s in snaps if s.job_id not in self._rows]
        if not new:
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        for snap in new:
            self._rows[snap.job_id] = len(self._ids)
            self._ids.append(snap.job_id)
            self._snaps[snap.job_id] = snap
        self.endInsertRows()

    def remove(self, job_ids: Iterable[int]) -> None:
        doomed = sorted((self._rows[i] for i in job_ids if i in self._rows), reverse=True)
        if not doomed:
            return
        # Remove contiguous runs, from the bottom, so each beginRemoveRows stays valid.
        runs: list[tuple[int, int]] = []
        for row in doomed:
            if runs and runs[-1][0] == row + 1:
                runs[-1] = (row, runs[-1][1])
            else:
                runs.append((row, row))
        for first, last in runs:
            self.beginRemoveRows(QModelIndex(), first, last)
            for job_id in self._ids[first:last + 1]:
                self._snaps.pop(job_id, None)
            del self._ids[first:last + 1]
            self.endRemoveRows()
        self._rows = {job_id: row for row, job_id in enumerate(self._ids)}

    def update(self, snaps: Iterable[JobSnapshot]) -> None:
        rows = []
        for snap in snaps:
            row = self._rows.get(snap.job_id)
            if row is not None:
                self._snaps[snap.job_id] = snap
                rows.append(row)
        self._changed(rows, 0, len(Column) - 1)

    def set_progress(self, progress: dict[int, int]) -> None:
        rows = []
        for job_id, done in progress.items():
            row = self._rows.get(job_id)
            if row is None:
                continue
            snap = self._snaps[job_id]
            live = self._live(job_id) if self._live else None
            speed, eta = (live.speed, live.eta) if live is not None else (snap.speed, snap.eta)
            self._snaps[job_id] = replace(snap, bytes_done=done, speed=speed, eta=eta)
            rows.append(row)
        self._changed(rows, Column.PROGRESS, Column.ETA)

    def _changed(self, rows: list[int], first_col: int, last_col: int) -> None:
        if rows:
            self.dataChanged.emit(self.index(min(rows), first_col), self.index(max(rows), last_col))

    # -- queries ---------------------------------------------------------------------------------------------
    def job_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, job_id: int) -> int | None:
        return self._rows.get(job_id)

    def snapshot(self, job_id: int) -> JobSnapshot | None:
        return self._snaps.get(job_id)

    def snapshots(self) -> list[JobSnapshot]:
        return [self._snaps[i] for i in self._ids]

    def totals(self) -> tuple[int, int, int, int]:
        """(bytes done, bytes total, items active or queued, items failed) for the window title."""
        done = total = active = failed = 0
        for snap in self._snaps.values():
            if snap.state is JobState.CANCELLED:
                continue
            done += snap.bytes_done
            total += snap.size
            if snap.state.active or snap.state is JobState.QUEUED:
                active += 1
            if snap.state is JobState.FAILED:
                failed += 1
        return done, total, active, failed
