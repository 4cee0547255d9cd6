"""Pause, resume, cancel, progress, speed/ETA and restore, through the engine against the sandbox."""

from __future__ import annotations

import itertools
import threading

import pytest

from tests.helpers.queue import InlineExecutor, set_row
from tests.helpers.workspace import part_uploads, wait_for, write_file
from vodgui.core.clock import FakeClock
from vodgui.core.integrity import crc64_file
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import JobChanged, JobState, Progress
from vodgui.core.workspace import Workspace
from vodgui.sandbox.client import SandboxControl, SandboxControlError


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
    video = control.video(paused.media_id or "")
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
    placeholder = engine.snapshot(job_id).media_id  # type: ignore[union-attr]
    assert placeholder and control.video(placeholder)["status"] == "Uploading"
    engine.cancel([job_id])
    wait_for(lambda: engine.snapshot(job_id).state is JobState.CANCELLED)  # type: ignore[union-attr]
    aborts = [e for e in control.log() if e.get("op") == "AbortMultipartUpload"]
    assert aborts and aborts[0]["status"] == 204
    assert [e["status"] for e in control.log() if e.get("op") == "DeleteVideo"] == [200]
    with pytest.raises(SandboxControlError, match="404"):
        control.video(placeholder)
    cancelled = engine.snapshot(job_id)
    assert cancelled is not None and cancelled.media_id is None and cancelled.note is not None
    assert cancelled.note.code == "note.video_deleted" and cancelled.note.params["video_id"] == placeholder
    engine.set_bandwidth_limit(0)
    engine.resume([job_id])  # queued again: a new attempt, with a new video
    assert engine.wait_idle(30)
    done = engine.snapshot(job_id)
    assert done is not None and done.state is JobState.DONE and done.media_id not in (None, placeholder)


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


def test_progress_is_byte_level_and_confirmed_bytes_never_go_back(tmp_path, control: SandboxControl,
                                                                   engine: TransferEngine) -> None:
    """Dropped parts take their bytes back from "in flight"; what OSS acknowledged only grows."""
    control.add_fault(service="oss", op="UploadPart", effect="drop", nth=[2, 5], drop_after=0.9)
    rec = Recorder()
    engine.subscribe(rec)
    path = write_file(tmp_path / "g.mp4", 200_000, seed=4)
    [job_id] = engine.add_files([str(path)], "credential-accesskey")
    assert engine.wait_idle(30)
    events = rec.progress(job_id)
    confirmed = [e.confirmed for e in events]
    assert confirmed == sorted(confirmed) and confirmed[-1] == 200_000
    flights = [e.in_flight for e in events]
    assert any(b < a for a, b in itertools.pairwise(flights))  # a dropped attempt gave its bytes back
    assert len(events) > 200_000 // 16384  # finer than one event per part
    states = rec.states(job_id)
    assert states[0] is JobState.PREPARING and states[-1] is JobState.DONE
    assert JobState.UPLOADING in states and JobState.COMPLETING in states


def test_pause_never_moves_the_bar_back(tmp_path, engine: TransferEngine) -> None:
    """A paused row shows what OSS acknowledged; resuming starts from there, not from zero."""
    engine.set_bandwidth_limit(100_000)
    rec = Recorder()
    engine.subscribe(rec)
    path = write_file(tmp_path / "p.mp4", 400_000, seed=11)
    [job_id] = engine.add_files([str(path)], "credential-accesskey")
    wait_for(lambda: getattr(engine.snapshot(job_id), "confirmed", 0) > 100_000)
    engine.pause([job_id])
    wait_for(lambda: engine.snapshot(job_id).state is JobState.PAUSED)  # type: ignore[union-attr]
    paused = engine.snapshot(job_id)
    assert paused is not None and paused.in_flight == 0 and paused.confirmed > 100_000
    engine.set_bandwidth_limit(0)
    engine.resume([job_id])
    assert engine.wait_idle(30)
    shown = [e.confirmed for e in rec.progress(job_id)]
    assert shown == sorted(shown) and shown[-1] == 400_000


def test_restore_after_a_crash_requeues_running_items(tmp_path, ws: Workspace) -> None:
    from vodgui.core.transfer.record import NewItem

    x, y = ws.store.add_items([NewItem(str(tmp_path / "x.mp4"), "credential-accesskey", 1, 1),
                               NewItem(str(tmp_path / "y.mp4"), "credential-accesskey", 1, 1)])
    # A process that is gone (no pid is that high) left x uploading.
    set_row(ws.store, x.id, state="uploading", media_id="v" * 32, owner_pid=2**22 + 1)
    set_row(ws.store, y.id, state="paused")
    engine = TransferEngine(ws.store, ws.sessions, auto_start=False)
    snaps = {s.job_id: s for s in engine.restore(resume=True)}
    assert snaps[x.id].state is JobState.QUEUED and snaps[x.id].media_id == "v" * 32
    assert snaps[x.id].note is not None and snaps[x.id].note.code == "note.interrupted"
    assert snaps[y.id].state is JobState.PAUSED
    row = ws.store.get(x.id)
    assert row is not None and row.state is JobState.QUEUED and row.owner_pid is None  # the row says so too
    engine2 = TransferEngine(ws.store, ws.sessions, auto_start=False)
    set_row(ws.store, x.id, state="completing")
    set_row(ws.store, y.id, state="queued")  # waiting, never started
    states = {s.job_id: s.state for s in engine2.restore(resume=False)}
    # "Resume on click": with auto-resume off nothing starts by itself, interrupted or merely waiting.
    assert states[x.id] is JobState.PAUSED and states[y.id] is JobState.PAUSED


def test_an_item_another_live_process_runs_is_left_alone(tmp_path, ws: Workspace) -> None:
    import os

    from vodgui.core.transfer.record import NewItem

    [x] = ws.store.add_items([NewItem(str(tmp_path / "x.mp4"), "credential-accesskey", 1, 1)])
    set_row(ws.store, x.id, state="uploading", owner_pid=os.getppid())  # alive, and not us
    engine = TransferEngine(ws.store, ws.sessions, auto_start=False)
    [snap] = engine.restore(resume=True)
    assert snap.state is JobState.UPLOADING
    engine.pause([x.id])
    engine.cancel([x.id])
    assert (engine.snapshot(x.id) or snap).state is JobState.UPLOADING


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


def test_a_wrong_part_record_is_not_trusted_on_resume(tmp_path, control: SandboxControl,
                                                     engine: TransferEngine) -> None:
    """A recorded part CRC that does not match the bytes is not reused: the part is sent again and the object
    ends an exact copy of the file."""
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

    set_row(engine.store, job_id, parts=[PartRecord(first.part_number, first.size, first.etag,
                                                    (first.crc64 or 0) ^ 1)])
    seq = max(e["seq"] for e in control.log())
    engine.set_bandwidth_limit(0)
    engine.resume([job_id])
    assert engine.wait_idle(30)
    snap = engine.snapshot(job_id)
    assert snap is not None and snap.state is JobState.DONE
    assert snap.note is not None and snap.note.code == "note.parts_resent"
    video = control.video(snap.media_id or "")
    resent = {n for n, s in part_uploads([e for e in control.log() if e["seq"] > seq], video["key"]) if s == 200}
    assert first.part_number in resent
    assert int(control.object(video["bucket"], video["key"])["crc64"]) == crc64_file(str(path))


def test_a_file_edited_in_place_with_size_and_mtime_kept_ends_an_exact_copy(tmp_path, control: SandboxControl,
                                                                           engine: TransferEngine) -> None:
    """Between a pause (or a crash) and the resume, bytes of parts already on the server change while the size
    and the modification time stay: those parts are proven different and sent again; the object is the file."""
    import os

    engine.set_bandwidth_limit(100_000)
    path = write_file(tmp_path / "edit.mp4", 300_000, seed=12)
    [job_id] = engine.add_files([str(path)], "credential-accesskey")
    wait_for(lambda: getattr(engine.snapshot(job_id), "confirmed", 0) > 100_000)
    engine.pause([job_id])
    wait_for(lambda: engine.snapshot(job_id).state is JobState.PAUSED)  # type: ignore[union-attr]
    st = os.stat(path)
    with open(path, "r+b") as f:  # the first part, certainly on the server already
        f.seek(100)
        f.write(b"edited in place" * 10)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert (os.stat(path).st_size, os.stat(path).st_mtime_ns) == (st.st_size, st.st_mtime_ns)
    seq = max(e["seq"] for e in control.log())
    engine.set_bandwidth_limit(0)
    engine.resume([job_id])
    assert engine.wait_idle(30)
    snap = engine.snapshot(job_id)
    assert snap is not None and snap.state is JobState.DONE, snap
    video = control.video(snap.media_id or "")
    resent = {n for n, s in part_uploads([e for e in control.log() if e["seq"] > seq], video["key"]) if s == 200}
    assert 1 in resent
    assert int(control.object(video["bucket"], video["key"])["crc64"]) == crc64_file(str(path))
    [hist] = engine.store.history()
    assert hist.crc64 == str(crc64_file(str(path)))


def _chosen_job(ws: Workspace, tmp_path, events: list[object]):  # type: ignore[no-untyped-def]
    """A queued job as the scheduler has it just before starting its thread."""
    from vodgui.core.media_items import file_item
    from vodgui.core.transfer.job import Job

    path = write_file(tmp_path / "chosen.mp4", 300_000)
    [record] = ws.store.add_items([file_item(str(path), "credential-accesskey")])
    return Job(record, ws.store, FakeClock(), events.append, lambda *_: None)


def test_a_pause_that_comes_before_the_chosen_job_runs_is_kept(ws: Workspace, tmp_path,  # type: ignore[no-untyped-def]
                                                              control: SandboxControl) -> None:
    # The scheduler picks a queued job, then starts its thread; a mass pause on another thread can come in between.
    events: list[object] = []
    job = _chosen_job(ws, tmp_path, events)
    assert job.request_pause()  # before the thread is attached: paused at once
    job.attach_thread(threading.Thread(target=lambda: None))
    job.run(ws.sessions("credential-accesskey"), FakeClock(), InlineExecutor(), None)  # the late thread: no-op
    assert job.state is JobState.PAUSED
    assert [e.snapshot.state for e in events if isinstance(e, JobChanged)] == [JobState.PAUSED]

    events.clear()
    job = _chosen_job(ws, tmp_path, events)
    job.attach_thread(threading.Thread(target=lambda: None))
    assert job.request_pause()  # after: it reaches the thread that is about to run
    job.run(ws.sessions("credential-accesskey"), FakeClock(), InlineExecutor(), None)
    assert job.state is JobState.PAUSED  # it stopped at its first check instead of uploading the file
    assert ws.store.get(job.id).state is JobState.PAUSED  # type: ignore[union-attr]
    assert not [e for e in control.log() if e["service"] == "oss"]  # not one byte of the file was sent
