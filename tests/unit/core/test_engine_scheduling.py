"""The engine's scheduling when a job cannot start or its clean-up fails: nothing restarts forever, an idle
abort holds its job, a removal waits for it."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from tests.helpers.queue import set_row
from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.store import QueueStore
from vodgui.core.transfer.context import ProfileSession
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import JobState
from vodgui.core.transfer.record import NewItem


class Sessions:
    """A session factory that counts its calls, optionally waits for ``release``, then raises ``error``."""

    def __init__(self, error: Exception, *, wait: bool = False) -> None:
        self.error = error
        self.calls = 0
        self.release = threading.Event()
        if not wait:
            self.release.set()

    def __call__(self, name: str) -> ProfileSession:
        self.calls += 1
        self.release.wait(10)
        raise self.error


def _state(engine: TransferEngine, job_id: int) -> JobState | None:
    snap = engine.snapshot(job_id)
    return snap.state if snap is not None else None


def _idle_item_with_upload(store: QueueStore) -> int:
    """A paused video item whose multipart upload was started: cancelling it means aborting that upload."""
    [rec] = store.add_items([NewItem("/nowhere/a.mp4", "p", 10, 1, state=JobState.PAUSED)])
    set_row(store, rec.id, media_id="v1", upload_id="U1", part_size=4)
    return rec.id


def test_a_crashing_session_factory_fails_the_job_instead_of_starting_it_again(tmp_path: Path) -> None:
    sessions = Sessions(RuntimeError("boom"))
    engine = TransferEngine(QueueStore(tmp_path / "q.sqlite3"), sessions)
    try:
        [job_id] = engine.add([NewItem("/nowhere/a.mp4", "p", 10, 1)])
        assert engine.wait_idle(5)
        time.sleep(0.2)  # a job left QUEUED was started again at once, thousands of times a second
        snap = engine.snapshot(job_id)
        assert snap is not None and snap.state is JobState.FAILED
        assert snap.error is not None and snap.error.code == "UnexpectedError" and "boom" in snap.error.message
        assert sessions.calls == 1
        assert engine.store.get(job_id).state is JobState.FAILED  # type: ignore[union-attr]
    finally:
        engine.shutdown(timeout=5)


def test_cancel_of_an_idle_job_still_cancels_when_the_abort_crashes(tmp_path: Path) -> None:
    store = QueueStore(tmp_path / "q.sqlite3")
    job_id = _idle_item_with_upload(store)
    engine = TransferEngine(store, Sessions(RuntimeError("boom")))
    try:
        engine.restore(resume=False)
        engine.cancel([job_id])
        assert engine.wait_idle(5)
        assert _state(engine, job_id) is JobState.CANCELLED
    finally:
        engine.shutdown(timeout=5)


def test_an_idle_abort_holds_its_job_until_it_ends(tmp_path: Path) -> None:
    store = QueueStore(tmp_path / "q.sqlite3")
    job_id = _idle_item_with_upload(store)
    sessions = Sessions(VodError("NetworkError", params={"service": "OSS", "reason": "no route"},
                                             kind=ErrorKind.NETWORK), wait=True)
    engine = TransferEngine(store, sessions)
    try:
        engine.restore(resume=False)
        engine.cancel([job_id])
        deadline = time.monotonic() + 5
        while sessions.calls < 1 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert sessions.calls == 1
        assert not engine.wait_idle(0.1)  # the abort is under way: the engine is not idle
        engine.resume([job_id])  # must not queue (and start) the item while its upload is being aborted
        engine.cancel([job_id])  # must not start a second abort
        time.sleep(0.2)
        assert _state(engine, job_id) is JobState.PAUSED
        assert sessions.calls == 1
        sessions.release.set()
        assert engine.wait_idle(5)
        assert _state(engine, job_id) is JobState.CANCELLED
        assert sessions.calls == 1
    finally:
        sessions.release.set()
        engine.shutdown(timeout=5)


def test_remove_during_an_idle_abort_drops_the_item_once_the_abort_ends(tmp_path: Path) -> None:
    store = QueueStore(tmp_path / "q.sqlite3")
    job_id = _idle_item_with_upload(store)
    sessions = Sessions(VodError("NetworkError", params={"service": "OSS", "reason": "no route"},
                                             kind=ErrorKind.NETWORK), wait=True)
    engine = TransferEngine(store, sessions)
    try:
        engine.restore(resume=False)
        engine.cancel([job_id])
        engine.remove([job_id])
        assert engine.snapshot(job_id) is not None  # still being aborted
        sessions.release.set()
        assert engine.wait_idle(5)
        deadline = time.monotonic() + 5
        while engine.snapshot(job_id) is not None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert engine.snapshot(job_id) is None and store.get(job_id) is None
    finally:
        sessions.release.set()
        engine.shutdown(timeout=5)


class StartLog:
    """A session factory that notes which item (by its profile name) starts, then fails the start (each item ends
    at once, FAILED)."""

    def __init__(self) -> None:
        self.started: list[str] = []

    def __call__(self, name: str) -> ProfileSession:
        self.started.append(name)
        raise RuntimeError("no session in this test")


def test_items_paused_and_resumed_while_waiting_start_once_each_in_queue_order(tmp_path: Path) -> None:
    log = StartLog()
    engine = TransferEngine(QueueStore(tmp_path / "q.sqlite3"), log, concurrent_files=3, auto_start=False)
    try:
        ids = engine.add([NewItem(f"/nowhere/{n}.mp4", f"p{n}", 10, 1) for n in range(6)])
        engine.pause(ids[1:])
        engine.resume([ids[4], ids[1]])  # back in the queue, out of order
        engine.resume([ids[1]])
        engine.start_queue()
        assert engine.wait_idle(5)
        time.sleep(0.1)
        assert log.started == ["p0", "p1", "p4"]  # in queue order, each once (p1 waited twice); paused ones never
        assert [_state(engine, i) for i in ids] == [JobState.FAILED, JobState.FAILED, JobState.PAUSED,
                                                    JobState.PAUSED, JobState.FAILED, JobState.PAUSED]
    finally:
        engine.shutdown(timeout=5)
