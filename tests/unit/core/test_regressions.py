"""Regression tests for bugs found in review: the engine's error paths and idle aborts, the stale job record,
lost settings updates, doubled log filters, temporary files left by a failed atomic write."""

from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path

import pytest

from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.paths import atomic_write_json
from vodgui.core.redact import RedactingFilter, install_log_filter
from vodgui.core.settings import SettingsStore
from vodgui.core.store import NewItem, QueueStore
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import JobState
from vodgui.core.transfer.context import ProfileSession


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
    [item_id] = store.add_items([NewItem("/nowhere/a.mp4", "p", 10, 1, state=JobState.PAUSED.value)])
    store.update(item_id, video_id="v1", upload_id="U1", part_size=4)
    return item_id


def test_a_crashing_session_factory_fails_the_job_instead_of_starting_it_again(tmp_path: Path) -> None:
    sessions = Sessions(RuntimeError("boom"))
    engine = TransferEngine(QueueStore(tmp_path / "q.sqlite3"), sessions)
    try:
        [job_id] = engine.add([NewItem("/nowhere/a.mp4", "p", 10, 1)])
        assert engine.wait_idle(5)
        time.sleep(0.2)  # a job left QUEUED was started again at once, thousands of times a second
        snap = engine.snapshot(job_id)
        assert snap is not None and snap.state is JobState.FAILED
        assert snap.error is not None and snap.error.code == "InternalError" and "boom" in snap.error.message
        assert sessions.calls == 1
        assert engine.store.get(job_id).state == JobState.FAILED.value  # type: ignore[union-attr]
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
    sessions = Sessions(VodError("NetworkDown", "no route", kind=ErrorKind.NETWORK), wait=True)
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
    sessions = Sessions(VodError("NetworkDown", "no route", kind=ErrorKind.NETWORK), wait=True)
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


def test_set_state_leaves_the_job_record_as_stored(tmp_path: Path) -> None:
    """The record was refreshed before the update was written: it kept the old attempts, upload id and CRC."""
    engine = TransferEngine(QueueStore(tmp_path / "q.sqlite3"), Sessions(RuntimeError("unused")),
                            auto_start=False)
    try:
        [job_id] = engine.add([NewItem("/nowhere/a.mp4", "p", 10, 1)])
        record = lambda: engine._jobs[job_id].record  # noqa: E731
        engine.set_state(job_id, JobState.PREPARING)
        assert record().attempts == 1 and record().started_at is not None
        engine.set_state(job_id, JobState.UPLOADING, upload_id="U1")
        assert record().upload_id == "U1"
        engine.set_state(job_id, JobState.DONE, crc64="123", upload_id=None)
        assert record().crc64 == "123" and record().upload_id is None and record().finished_at is not None
        stored = engine.store.get(job_id)
        assert stored is not None and (stored.attempts, stored.crc64, stored.bytes_done) == (1, "123", 10)
    finally:
        engine.shutdown(timeout=5)


def test_concurrent_settings_updates_are_not_lost(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)

    def change(name: str) -> None:
        for i in range(150):
            store.update(**{name: f"{name}-{i}"})

    threads = [threading.Thread(target=change, args=(name,)) for name in ("language", "last_profile")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    settings = store.load()
    assert (settings.language, settings.last_profile) == ("language-149", "last_profile-149")


def test_install_log_filter_adds_no_second_redacting_filter() -> None:
    logger = logging.getLogger("vodgui.tests.regressions")
    own, plain = logging.NullHandler(), logging.NullHandler()
    own.addFilter(RedactingFilter())  # like the log file's handler and the Log page's buffer
    logger.addHandler(own)
    logger.addHandler(plain)
    try:
        install_log_filter(logger)
        install_log_filter(logger)
        for handler in (own, plain):
            assert sum(isinstance(f, RedactingFilter) for f in handler.filters) == 1
    finally:
        logger.removeHandler(own)
        logger.removeHandler(plain)


def test_a_failed_atomic_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    atomic_write_json(path, {"a": 1})
    with pytest.raises(TypeError):
        atomic_write_json(path, {"a": object()})
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
