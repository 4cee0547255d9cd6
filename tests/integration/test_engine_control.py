"""Pause, resume, cancel, progress, speed/ETA and restore, through the engine against the sandbox."""

from __future__ import annotations

import threading

import pytest

from tests.helpers.workspace import part_uploads, wait_for, write_file
from vodgui.core.clock import FakeClock
from vodgui.core.integrity import crc64_file
from vodgui.core.transfer.body import InlineExecutor
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import JobChanged, JobState, Progress
from vodgui.core.workspace import Workspace
from vodgui.sandbox.client import SandboxControl


class Recorder:
    def __init__(self) -> None:
        self.events: list[object] = []
        self.lock = threading.Lock()

    def on_event(self, event: object) -> None:
        with self.lock:
            self.events.append(event)

    def progress(self, job_id: int) -> list[Progress]:
        with self.lock:
            return [e for e in self.events if isinstance(e, Progress) and e.job_id == job_id]

    def states(self, job_id: int) -> list[JobState]:
        with self.lock:
            return [e.snapshot.state for e in self.events
                    if isinstance(e, JobChanged) and e.snapshot.job_id == job_id]


def bytes_in(engine: TransferEngine, job_id: int) -> int:
    snap = engine.snapshot(job_id)
    return snap.bytes_done if snap else 0


def test_pause_keeps_the_upload_and_resume_sends_only_the_rest(tmp_path, control: SandboxControl,
                                                                engine: TransferEngine) -> None:
    engine.set_bandwidth_limit(100_000)
    path = write_file(tmp_path / "p.mp4", 500_000, seed=1)
    [job_id] = engine.add_files([str(path)], "credential-accesskey")
    wait_for(lambda: bytes_in(engine, job_id) > 150_000)
    speed = engine.snapshot(job_id).speed  # type: ignore[union-attr]
    assert speed is not None and 30_000 < speed < 300_000  # near the limit
    assert engine.snapshot(job_id).eta is not None  # type: ignore[union-attr]
    engine.pause([job_id])
    wait_for(lambda: engine.snapshot(job_id).state is JobState.PAUSED)  # type: ignore[union-attr]
    paused = engine.snapshot(job_id)
    assert paused is not None and paused.speed is None and paused.eta is None  # unknown, not a false 0
    log = control.log()
    assert not [e for e in log if e.get("op") == "AbortMultipartUpload"]
    video = control.video(paused.video_id or "")
    done_before = {n for n, s in part_uploads(log, video["key"]) if s == 200}
    seq = max(e["seq"] for e in log)

    engine.set_bandwidth_limit(0)
    engine.resume([job_id])
    assert engine.wait_idle(30)
    assert engine.snapshot(job_id).state is JobState.DONE  # type: ignore[union-attr]
    after = [e for e in control.log() if e["seq"] > seq]
    resent = {n for n, s in part_uploads(after, video["key"]) if s == 200}
    assert not resent & done_before
    assert int(control.object(video["bucket"], video["key"])["crc64"]) == crc64_file(str(path))


def test_cancel_aborts_the_multipart_upload(tmp_path, control: SandboxControl, engine: TransferEngine) -> None:
    engine.set_bandwidth_limit(80_000)
    path = write_file(tmp_path / "c.mp4", 400_000, seed=2)
    [job_id] = engine.add_files([str(path)], "credential-accesskey")
    wait_for(lambda: bytes_in(engine, job_id) > 60_000)
    engine.cancel([job_id])
    wait_for(lambda: engine.snapshot(job_id).state is JobState.CANCELLED)  # type: ignore[union-attr]
    aborts = [e for e in control.log() if e.get("op") == "AbortMultipartUpload"]
    assert aborts and aborts[0]["status"] == 204
    engine.resume([job_id])  # a cancelled item never runs again
    assert engine.snapshot(job_id).state is JobState.CANCELLED  # type: ignore[union-attr]


def test_cancel_of_a_paused_item_aborts_too(tmp_path, control: SandboxControl, engine: TransferEngine) -> None:
    engine.set_bandwidth_limit(80_000)
    path = write_file(tmp_path / "c.mp4", 300_000, seed=3)
    [job_id] = engine.add_files([str(path)], "sts-accesskey")
    wait_for(lambda: bytes_in(engine, job_id) > 40_000)
    engine.pause([job_id])
    wait_for(lambda: engine.snapshot(job_id).state is JobState.PAUSED)  # type: ignore[union-attr]
    engine.cancel([job_id])
    wait_for(lambda: engine.snapshot(job_id).state is JobState.CANCELLED)  # type: ignore[union-attr]
    assert [e for e in control.log() if e.get("op") == "AbortMultipartUpload" and e["status"] == 204]


def test_progress_is_byte_level_and_rewinds_failed_parts(tmp_path, control: SandboxControl,
                                                         engine: TransferEngine) -> None:
    control.add_fault(service="oss", op="UploadPart", effect="drop", nth=[2, 5], drop_after=0.9)
    rec = Recorder()
    engine.subscribe(rec)
    path = write_file(tmp_path / "g.mp4", 200_000, seed=4)
    [job_id] = engine.add_files([str(path)], "credential-accesskey")
    assert engine.wait_idle(30)
    events = rec.progress(job_id)
    assert sum(e.delta for e in events) == 200_000
    assert any(e.delta < 0 for e in events)  # the dropped parts' bytes were taken back
    assert len(events) > 200_000 // 16384  # finer than one event per part
    assert all(0 <= e.bytes_done <= 200_000 for e in events)
    states = rec.states(job_id)
    assert states[0] is JobState.PREPARING and states[-1] is JobState.DONE
    assert JobState.UPLOADING in states and JobState.COMPLETING in states


def test_restore_after_a_crash_requeues_running_items(tmp_path, ws: Workspace) -> None:
    ids = ws.store.add_items([])  # nothing yet
    from vodgui.core.store import NewItem

    ids = ws.store.add_items([NewItem(str(tmp_path / "x.mp4"), "credential-accesskey", 1, 1),
                              NewItem(str(tmp_path / "y.mp4"), "credential-accesskey", 1, 1)])
    ws.store.update(ids[0], state="uploading", video_id="v" * 32)
    ws.store.update(ids[1], state="paused")
    engine = TransferEngine(ws.store, ws.sessions, auto_start=False)
    snaps = {s.job_id: s for s in engine.restore(resume=True)}
    assert snaps[ids[0]].state is JobState.QUEUED and snaps[ids[0]].video_id == "v" * 32
    assert snaps[ids[1]].state is JobState.PAUSED
    engine2 = TransferEngine(ws.store, ws.sessions, auto_start=False)
    ws.store.update(ids[0], state="completing")
    ws.store.update(ids[1], state="queued")  # waiting, never started
    states = {s.job_id: s.state for s in engine2.restore(resume=False)}
    # "Resume on click": with auto-resume off nothing starts by itself, interrupted or merely waiting.
    assert states[ids[0]] is JobState.PAUSED and states[ids[1]] is JobState.PAUSED


def test_retry_backoff_runs_on_a_fake_clock(tmp_path, ws: Workspace, control: SandboxControl) -> None:
    """With a fake clock and an inline executor, backoff is recorded instead of waited for."""
    clock = FakeClock()
    control.add_fault(service="oss", op="UploadPart", effect="error", nth=[1, 2, 3], status=503,
                      code="ServiceUnavailable")
    engine = TransferEngine(ws.store, ws.sessions, clock=clock, part_executor=InlineExecutor())
    try:
        path = write_file(tmp_path / "r.mp4", 100_000, seed=5)
        [job_id] = engine.add_files([str(path)], "credential-accesskey")
        assert engine.wait_idle(30)
        assert engine.snapshot(job_id).state is JobState.DONE  # type: ignore[union-attr]
    finally:
        engine.shutdown()
    assert len(clock.sleeps) == 3
    assert clock.sleeps[0] <= 0.05 and clock.sleeps[2] > clock.sleeps[0]  # doubling (FAST: 0.05 s base)


@pytest.mark.parametrize("count", [3])
def test_concurrent_files_limit(tmp_path, engine: TransferEngine, count: int) -> None:
    engine.set_concurrent_files(1)
    engine.set_bandwidth_limit(200_000)
    rec = Recorder()
    engine.subscribe(rec)
    files = [write_file(tmp_path / f"{i}.mp4", 60_000, seed=i) for i in range(count)]
    ids = engine.add_files([str(f) for f in files], "credential-accesskey")
    running_max = 0

    def watch() -> bool:
        nonlocal running_max
        running = sum(1 for i in ids if engine.snapshot(i).state.active)  # type: ignore[union-attr]
        running_max = max(running_max, running)
        return all(engine.snapshot(i).state is JobState.DONE for i in ids)  # type: ignore[union-attr]

    wait_for(watch, timeout=30, interval=0.01)
    assert running_max == 1


def test_object_crc_mismatch_is_caught_at_completion(tmp_path, control: SandboxControl,
                                                     engine: TransferEngine) -> None:
    """After a resume the object CRC64 is combined from recorded part CRCs; a wrong record must not pass."""
    engine.set_bandwidth_limit(100_000)
    path = write_file(tmp_path / "x.mp4", 300_000, seed=8)
    [job_id] = engine.add_files([str(path)], "credential-accesskey")
    wait_for(lambda: bytes_in(engine, job_id) > 100_000)
    engine.pause([job_id])
    wait_for(lambda: engine.snapshot(job_id).state is JobState.PAUSED)  # type: ignore[union-attr]
    row = engine.store.get(job_id)
    assert row is not None and row.upload_id
    parts = engine.store.parts(job_id, row.upload_id)
    first = parts[min(parts)]
    from vodgui.core.store import PartRecord

    engine.store.record_part(job_id, row.upload_id, PartRecord(first.part_number, first.size, first.etag,
                                                               (first.crc64 or 0) ^ 1))
    engine.set_bandwidth_limit(0)
    engine.resume([job_id])
    assert engine.wait_idle(30)
    snap = engine.snapshot(job_id)
    assert snap is not None and snap.state is JobState.FAILED
    assert snap.error is not None and snap.error.code == "InconsistentError" and snap.error.kind == "integrity"
