"""The upload queue as a table model: a thin layer over engine snapshots.

Rows are job ids in queue order; each row shows the latest :class:`JobSnapshot`, as the engine's events carried
it. Progress batches from the bridge update confirmed and in-flight bytes, speed and ETA, and emit one
``dataChanged`` spanning the changed rows. Nothing here asks the engine or the store.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPalette

from vodgui.core.media_items import display_name
from vodgui.core.profiles import SANDBOX_PROFILE
from vodgui.core.transfer.events import JobSnapshot, JobState, Progress
from vodgui.ui.errors import describe_job_error, details, job_error_line
from vodgui.ui.format import human_duration, human_size, human_speed
from vodgui.ui.kind_texts import kind_tooltip
from vodgui.ui.message_texts import render
from vodgui.ui.style import Tone, tone_color

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
    ACCOUNT = 6
    VIDEO_ID = 7
    ERROR = 8


#: Marked for lupdate here, translated when a model is built (:func:`state_label`).
_STATE_TEXT = {
    JobState.QUEUED: QT_TRANSLATE_NOOP("QueueModel", "Queued"),
    JobState.PREPARING: QT_TRANSLATE_NOOP("QueueModel", "Preparing"),
    JobState.UPLOADING: QT_TRANSLATE_NOOP("QueueModel", "Uploading"),
    JobState.COMPLETING: QT_TRANSLATE_NOOP("QueueModel", "Completing"),
    JobState.DONE: QT_TRANSLATE_NOOP("QueueModel", "Done"),
    JobState.PAUSED: QT_TRANSLATE_NOOP("QueueModel", "Paused"),
    JobState.FAILED: QT_TRANSLATE_NOOP("QueueModel", "Failed"),
    JobState.CANCELLED: QT_TRANSLATE_NOOP("QueueModel", "Cancelled"),
}


def state_label(state: JobState) -> str:
    return QCoreApplication.translate("QueueModel", _STATE_TEXT[state])


def account_label(profile: str, sandbox: bool) -> str:
    """How a profile is named in the queue: the sandbox says it is offline."""
    if sandbox:
        return QCoreApplication.translate("QueueModel", "{0} (offline)").format(profile)
    return profile


def sandbox_tooltip() -> str:
    return QCoreApplication.translate("QueueModel", "Sandbox — offline, nothing leaves this computer")


@dataclass(frozen=True)
class QueueCounts:
    """Every number the window shows about the queue, read from the rows in one go (one flush)."""

    uploading: int = 0  # preparing, uploading or completing
    waiting: int = 0
    paused: int = 0
    failed: int = 0
    done: int = 0
    cancelled: int = 0
    bytes_done: int = 0  # of the items not cancelled
    bytes_total: int = 0

    @property
    def busy(self) -> bool:
        return bool(self.uploading or self.waiting)

    @property
    def rows(self) -> int:
        return self.uploading + self.waiting + self.paused + self.failed + self.done + self.cancelled


_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_SPOKEN = Qt.ItemDataRole.AccessibleTextRole
_SPOKEN_MORE = Qt.ItemDataRole.AccessibleDescriptionRole
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGN, _FOREGROUND, JOB_ID_ROLE, SNAPSHOT_ROLE, FRACTION_ROLE, _SPOKEN,
                    _SPOKEN_MORE})
#: Where the State column's text is drawn (a selected row uses the palette's highlighted text instead).
_ROWS = (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)


class QueueModel(QAbstractTableModel):
    """The queue for views: one row per job, in queue order.

    ``data()`` is called for every visible cell and role at each repaint, so it answers unknown roles first and
    keeps labels cached; totals and per-state counts are kept up to date as rows change instead of being
    recounted over 10,000 rows twice a second.

    Signals: none of its own beyond the Qt model signals.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._ids: list[int] = []
        self._rows: dict[int, int] = {}
        self._snaps: dict[int, JobSnapshot] = {}
        self._totals = [0, 0, 0, 0]
        self._counts: dict[JobState, int] = {}
        self._sandboxes: frozenset[str] = frozenset({SANDBOX_PROFILE})
        self._shown: dict[int, int] = {}  # job id -> bytes the bar shows (see _shown_bytes)
        self._labels: dict[JobState, str] = {}
        self._headers: list[str] = []
        self.retranslate()

    def retranslate(self) -> None:
        """Labels and headers in the current language (after a language change)."""
        self._labels = {state: state_label(state) for state in JobState}
        self._headers = [self.tr("File"), self.tr("Size"), self.tr("State"), self.tr("Progress"), self.tr("Speed"),
                         self.tr("ETA"), self.tr("Account"), self.tr("VideoId"), self.tr("Error")]
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._ids:
            self._changed(list(range(len(self._ids))), 0, len(Column) - 1)

    def set_sandbox_profiles(self, names: Iterable[str]) -> None:
        """Profiles that are the built-in sandbox: their rows say "offline"."""
        self._sandboxes = frozenset(names)

    # -- Qt model API ----------------------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != _DISPLAY:
            return None
        return self._headers[section] if 0 <= section < len(self._headers) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._ids):
            return None
        snap = self._snaps[self._ids[row]]
        if role == _DISPLAY:
            return self._display(snap, index.column())
        if role == JOB_ID_ROLE:
            return snap.job_id
        if role == SNAPSHOT_ROLE:
            return snap
        if role == FRACTION_ROLE:
            return self._fraction(snap)
        col = index.column()
        if role in (_SPOKEN, _SPOKEN_MORE):
            # The progress cell is painted (a bar): a screen reader hears the whole row's state from it instead.
            if col != Column.PROGRESS:
                return None
            return self._spoken(snap) if role == _SPOKEN else self._spoken_more(snap)
        if role == _ALIGN:
            return _RIGHT if col in (Column.SIZE, Column.SPEED, Column.ETA) else None
        if role == _FOREGROUND:
            return tone_color(Tone.ERROR, None, _ROWS) if col == Column.STATE and snap.state is JobState.FAILED \
                else None
        # tooltips
        if col == Column.FILE:
            return kind_tooltip(snap.kind, snap.details, snap.path)
        if col == Column.ERROR and snap.error:
            rid = f"\nRequestId: {snap.error.request_id}" if snap.error.request_id else ""
            return f"{describe_job_error(snap.error)}\n{details(snap.error.code, snap.error.message, None)}{rid}"
        if col == Column.STATE and snap.error:
            return describe_job_error(snap.error)
        if col == Column.STATE and snap.waiting:
            return render(snap.waiting)
        if col == Column.STATE and snap.note:
            return render(snap.note)
        if col == Column.VIDEO_ID and snap.media_id:
            return snap.media_id
        if col == Column.ACCOUNT:
            return sandbox_tooltip() if snap.profile in self._sandboxes else snap.profile
        return None

    def _display(self, snap: JobSnapshot, col: int) -> Any:
        if col == Column.FILE:
            return display_name(snap.kind, snap.path)
        if col == Column.SIZE:
            return human_size(snap.size) if snap.progress_known else ""
        if col == Column.STATE:
            return self._labels[snap.state]
        if col == Column.PROGRESS:
            return f"{self._fraction(snap) * 100:.0f}%" if snap.progress_known else ""
        if col == Column.SPEED:
            return human_speed(snap.speed) if snap.speed is not None else ""
        if col == Column.ETA:
            return human_duration(snap.eta) if snap.eta is not None else ""
        if col == Column.ACCOUNT:
            return account_label(snap.profile, snap.profile in self._sandboxes)
        if col == Column.VIDEO_ID:
            return snap.media_id or ""
        if col == Column.ERROR:
            if snap.error is None:
                return ""
            rid = f" [{snap.error.request_id}]" if snap.error.request_id else ""
            return f"{job_error_line(snap.error)}{rid}"
        return None

    def _spoken(self, snap: JobSnapshot) -> str:
        """The progress cell for a screen reader: "clip.mp4, Uploading, 45% done, 3.2 MB/s"."""
        parts = [display_name(snap.kind, snap.path), self._labels[snap.state]]
        if snap.progress_known and (snap.state.active or snap.state in (JobState.PAUSED, JobState.FAILED)):
            parts.append(self.tr("{0}% done").format(f"{self._fraction(snap) * 100:.0f}"))
        if snap.speed is not None and snap.state.active:
            parts.append(human_speed(snap.speed))
        return self.tr(", ", "between the parts of a spoken queue row").join(parts)

    def _spoken_more(self, snap: JobSnapshot) -> str:
        """What else the row says: time left, why it waits, or why it failed."""
        if snap.error is not None:
            return describe_job_error(snap.error)
        if snap.waiting:
            return render(snap.waiting)
        if snap.eta is not None and snap.state.active:
            return self.tr("{0} left").format(human_duration(snap.eta))
        return render(snap.note) if snap.note else ""

    # -- updates from the bridge -----------------------------------------------------------------------------
    def _put(self, snap: JobSnapshot) -> None:
        """Store ``snap``, keeping totals and counts in step."""
        old = self._snaps.get(snap.job_id)
        if old is not None:
            self._account(old, -1)
        self._snaps[snap.job_id] = snap
        self._shown[snap.job_id] = self._shown_bytes(old, snap)
        self._account(snap, 1)

    def _shown_bytes(self, old: JobSnapshot | None, snap: JobSnapshot) -> int:
        """What the bar shows: it never runs backwards. Bytes in flight that a pause or a retried request gives
        back stay shown until the confirmed bytes pass them; only a new start (fewer confirmed bytes: a new
        upload, a cancelled item queued again) moves the bar back."""
        now = snap.bytes_done
        if old is None or snap.confirmed < old.confirmed:
            return now
        return max(now, self._shown.get(snap.job_id, 0))

    def _fraction(self, snap: JobSnapshot) -> float:
        if snap.size <= 0:
            return snap.fraction
        return min(1.0, self._shown.get(snap.job_id, snap.bytes_done) / snap.size)

    def _account(self, snap: JobSnapshot, sign: int, shown: int | None = None) -> None:
        """Count ``snap`` in (``sign`` 1) or out (-1); ``shown``: the bytes its bar shows, if known already."""
        state = snap.state
        self._counts[state] = self._counts.get(state, 0) + sign
        if state is not JobState.CANCELLED:
            totals = self._totals
            totals[0] += sign * (self._shown.get(snap.job_id, snap.bytes_done) if shown is None else shown)
            totals[1] += sign * snap.size
            if state is JobState.QUEUED or state.active:
                totals[2] += sign
            elif state is JobState.FAILED:
                totals[3] += sign

    def add(self, snaps: Iterable[JobSnapshot]) -> None:
        rows = self._rows
        new = list({s.job_id: s for s in snaps if s.job_id not in rows}.values())
        if not new:
            return
        first = len(self._ids)
        ids = [s.job_id for s in new]
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        # In bulk (thousands of rows per call): what _put does for a new row, without a call per row.
        self._ids.extend(ids)
        rows.update(zip(ids, range(first, first + len(new)), strict=True))
        self._snaps.update(zip(ids, new, strict=True))
        shown = [s.bytes_done for s in new]
        self._shown.update(zip(ids, shown, strict=True))
        account = self._account
        for snap, done in zip(new, shown, strict=True):
            account(snap, 1, done)
        self.endInsertRows()

    def remove(self, job_ids: Iterable[int]) -> None:
        doomed = sorted((self._rows[i] for i in set(job_ids) if i in self._rows), reverse=True)
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
                snap = self._snaps.pop(job_id, None)
                if snap is not None:
                    self._account(snap, -1)
                self._shown.pop(job_id, None)
            del self._ids[first:last + 1]
            self.endRemoveRows()
        self._rows = {job_id: row for row, job_id in enumerate(self._ids)}

    def update(self, snaps: Iterable[JobSnapshot]) -> None:
        rows = []
        for snap in snaps:
            row = self._rows.get(snap.job_id)
            if row is not None:
                self._put(snap)
                rows.append(row)
        self._changed(rows, 0, len(Column) - 1)

    def set_progress(self, progress: dict[int, Progress]) -> None:
        rows = []
        for job_id, event in progress.items():
            row = self._rows.get(job_id)
            if row is None:
                continue
            self._put(replace(self._snaps[job_id], confirmed=event.confirmed, in_flight=event.in_flight,
                              speed=event.speed, eta=event.eta))
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

    def snapshots_in(self, spans: Iterable[tuple[int, int]]) -> list[JobSnapshot]:
        """The snapshots of the rows in ``spans`` (first and last row, inclusive; they may overlap), each once, in
        row order. A select-all of 100,000 rows is one span: read by slices, not row by row."""
        ids, snaps, out = self._ids, self._snaps, []
        end = -1  # the rows up to here are taken
        for first, last in sorted(spans):
            first = max(first, end + 1)
            if first <= last:
                out.extend([snaps[i] for i in ids[first:last + 1]])
                end = last
        return out

    def totals(self) -> tuple[int, int, int, int]:
        """(bytes done, bytes total, items active or queued, items failed) for the window title; cancelled
        items do not count."""
        done, total, active, failed = self._totals
        return done, total, active, failed

    def counts(self) -> QueueCounts:
        """The numbers of the footer, the title, the tray and the status bar, from the rows as they are now."""
        c = self._counts
        return QueueCounts(sum(c.get(s, 0) for s in (JobState.PREPARING, JobState.UPLOADING, JobState.COMPLETING)),
                           c.get(JobState.QUEUED, 0), c.get(JobState.PAUSED, 0), c.get(JobState.FAILED, 0),
                           c.get(JobState.DONE, 0), c.get(JobState.CANCELLED, 0), self._totals[0], self._totals[1])

    def state_counts(self) -> dict[JobState, int]:
        """How many items are in each state (states with none are left out)."""
        return {state: n for state, n in self._counts.items() if n > 0}
