"""The queue model: Qt's model contract (pytest-qt's qtmodeltester), batched updates, totals."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt

from vodgui.core.messages import Message
from vodgui.core.transfer.events import JobError, JobSnapshot, JobState, Progress
from vodgui.core.transfer.record import Kind, VideoDetails
from vodgui.ui.queue_model import FRACTION_ROLE, JOB_ID_ROLE, SNAPSHOT_ROLE, Column, QueueModel


def snap(job_id: int, state: JobState = JobState.QUEUED, done: int = 0, size: int = 1000, **kw: Any) -> JobSnapshot:
    return JobSnapshot(job_id, Kind.VIDEO, f"/videos/clip {job_id}.mp4", size, "Sandbox", state, f"clip {job_id}",
                       VideoDetails(), done, **kw)


def progress(job_id: int, confirmed: int, in_flight: int = 0, speed: float | None = None,
             eta: float | None = None) -> Progress:
    return Progress(job_id, confirmed, in_flight, speed, eta)


def test_model_contract_with_rows_added_updated_and_removed(qtmodeltester: Any) -> None:
    model = QueueModel()
    qtmodeltester.check(model)
    model.add([snap(i) for i in range(1, 6)])
    model.update([snap(2, JobState.UPLOADING, 500, speed=1000.0, eta=0.5),
                  snap(3, JobState.FAILED, error=JobError("AccessDenied", "no", "RID-1", "permission")),
                  snap(4, JobState.DONE, 1000, media_id="v4")])
    model.set_progress({2: progress(2, 700), 99: progress(99, 5)})  # an unknown job is ignored
    model.remove([1, 3, 5])
    model.add([snap(6), snap(2)])  # 2 is already there
    qtmodeltester.check(model, force_py=True)
    assert [model.job_id(r) for r in range(model.rowCount())] == [2, 4, 6]
    assert [model.row_of(i) for i in (2, 4, 6, 1)] == [0, 1, 2, None]


def test_roles_and_display(qtbot: Any) -> None:
    model = QueueModel()
    err = JobError("AccessDenied", "You have no right", "RID-9", "permission")
    model.add([snap(1, JobState.UPLOADING, 250, speed=2_000_000.0, eta=65.0), snap(2, JobState.FAILED, error=err)])
    index = model.index(0, Column.PROGRESS)
    assert model.data(index, FRACTION_ROLE) == 0.25 and model.data(index) == "25%"
    assert model.data(index, JOB_ID_ROLE) == 1 and model.data(index, SNAPSHOT_ROLE).state is JobState.UPLOADING
    assert model.data(model.index(0, Column.FILE)) == "clip 1.mp4"
    assert model.data(model.index(0, Column.FILE), Qt.ItemDataRole.ToolTipRole) == "/videos/clip 1.mp4"
    assert model.data(model.index(0, Column.SPEED)) == "2.0 MB/s" and model.data(model.index(0, Column.ETA)) == "1:05"
    assert model.data(model.index(1, Column.ERROR)) == "AccessDenied: You have no right [RID-9]"
    tip = model.data(model.index(1, Column.ERROR), Qt.ItemDataRole.ToolTipRole)
    assert "not allowed" in tip and "RID-9" in tip
    assert model.data(model.index(1, Column.STATE)) == "Failed"
    assert model.data(model.index(1, Column.SPEED)) == ""  # unknown speed is blank, never a false 0


def test_progress_is_one_data_changed_per_batch(qtbot: Any) -> None:
    model = QueueModel()
    model.add([snap(i) for i in range(100)])
    seen: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles: seen.append((a.row(), a.column(), b.row(), b.column())))
    model.set_progress({5: progress(5, 10), 50: progress(50, 16, 4), 70: progress(70, 30)})
    assert seen == [(5, Column.PROGRESS, 70, Column.ETA)]
    assert model.snapshot(50).bytes_done == 20  # type: ignore[union-attr]


def test_speed_and_eta_come_with_the_progress_event(qtbot: Any) -> None:
    """The model shows what the job measured, as its event carried it; it asks nobody."""
    model = QueueModel()
    model.add([snap(1, JobState.UPLOADING)])
    model.set_progress({1: progress(1, 10, 5, speed=123.0, eta=7.0)})
    shown = model.snapshot(1)
    assert shown is not None and (shown.confirmed, shown.in_flight, shown.speed, shown.eta) == (10, 5, 123.0, 7.0)
    assert model.data(model.index(0, Column.SPEED)) == "123 B/s"


def test_a_note_and_a_wait_are_rendered_in_the_window_language(qtbot: Any) -> None:
    model = QueueModel()
    model.add([snap(1, JobState.DONE, 1000, note=Message("note.parts_reused", {"count": 3})),
               snap(2, JobState.UPLOADING, waiting=Message("waiting.throttled", {"code": "SlowDown", "delay": 4}))])
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.data(model.index(0, Column.STATE), tip) == "3 parts reused after resume"
    assert "throttling" in model.data(model.index(1, Column.STATE), tip)


def test_totals_for_the_title(qtbot: Any) -> None:
    model = QueueModel()
    model.add([snap(1, JobState.UPLOADING, 500), snap(2), snap(3, JobState.FAILED, 100), snap(4, JobState.CANCELLED),
               replace(snap(5, JobState.DONE, 1000))])
    assert model.totals() == (1600, 4000, 2, 1)


def test_the_snapshots_of_a_selection_come_once_each_in_row_order(qtbot: Any) -> None:
    model = QueueModel()
    model.add([snap(i) for i in range(1, 11)])
    # A selection may hold overlapping and unordered spans (Ctrl+click, Shift+click over rows already selected).
    picked = model.snapshots_in([(6, 8), (0, 1), (1, 3), (7, 7), (9, 9)])
    assert [s.job_id for s in picked] == [1, 2, 3, 4, 7, 8, 9, 10]
    assert model.snapshots_in([]) == []
    assert [s.job_id for s in model.snapshots_in([(0, 9)])] == list(range(1, 11))
