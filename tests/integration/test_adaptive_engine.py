"""Adaptive connections and live bandwidth schedules through the engine, against the sandbox.

No timing is asserted: the tests check what a user sees (the connection count in events, limits obeyed, a
schedule changed by another process taking effect without restarting the transfer)."""

from __future__ import annotations

import threading

import pytest

from tests.helpers.workspace import wait_for, write_file
from vodgui.core.store import QueueStore
from vodgui.core.transfer.engine import LIMIT_KEY, TransferEngine
from vodgui.core.transfer.events import Connections, JobChanged, JobState, Retrying
from vodgui.core.workspace import Workspace

pytestmark = pytest.mark.timeout(60)


class Recorder:
    def __init__(self) -> None:
        self.events: list[object] = []
        self.lock = threading.Lock()

    def on_event(self, event: object) -> None:
        with self.lock:
            self.events.append(event)

    def of(self, kind: type) -> list:  # type: ignore[type-arg]
        with self.lock:
            return [e for e in self.events if isinstance(e, kind)]


def test_connection_count_travels_in_events_and_respects_the_maximum(tmp_path, ws: Workspace) -> None:
    engine = TransferEngine(ws.store, ws.sessions, parts_in_flight=2, max_connections=3)
    rec = Recorder()
    engine.subscribe(rec)
    files = [write_file(tmp_path / f"{i}.mp4", 200_000, seed=i) for i in range(3)]
    try:
        ids = engine.add_files([str(f) for f in files], "credential-accesskey")
        assert engine.wait_idle(45)
        assert all(engine.snapshot(i).state is JobState.DONE for i in ids)  # type: ignore[union-attr]
    finally:
        engine.shutdown()
    conns = rec.of(Connections)
    assert conns, "no Connections event"
    assert max(c.active for c in conns) >= 1
    assert all(c.active <= c.limit <= c.maximum == 3 and c.adaptive for c in conns)
    assert conns[-1].active == 0  # the last word: nothing in flight


def test_fixed_connections_never_exceed_parts_times_files(tmp_path, ws: Workspace) -> None:
    engine = TransferEngine(ws.store, ws.sessions, adaptive=False, parts_in_flight=2, concurrent_files=1)
    rec = Recorder()
    engine.subscribe(rec)
    path = write_file(tmp_path / "big.mp4", 300_000)
    try:
        [job] = engine.add_files([str(path)], "credential-accesskey")
        assert engine.wait_idle(45)
        assert engine.snapshot(job).state is JobState.DONE  # type: ignore[union-attr]
    finally:
        engine.shutdown()
    conns = rec.of(Connections)
    assert conns and all(not c.adaptive and c.limit == 2 and c.active <= 2 for c in conns)


def test_a_schedule_set_by_another_process_changes_a_running_upload(tmp_path, ws: Workspace) -> None:
    engine = TransferEngine(ws.store, ws.sessions)
    engine.set_bandwidth_schedule("20k")  # slow: the upload is still running when the limit changes
    rec = Recorder()
    engine.subscribe(rec)
    path = write_file(tmp_path / "slow.mp4", 400_000)
    other = QueueStore(ws.store.path)  # as `vodgui queue limit off` in another terminal
    try:
        [job] = engine.add_files([str(path)], "credential-accesskey")
        wait_for(lambda: (engine.snapshot(job).bytes_done or 0) > 0, timeout=20, interval=0.02)  # type: ignore
        other.set_meta(LIMIT_KEY, "off")
        assert engine.wait_idle(45)
        snap = engine.snapshot(job)
    finally:
        engine.shutdown()
        other.close()
    assert snap is not None and snap.state is JobState.DONE
    states = [e.snapshot.state for e in rec.of(JobChanged) if e.snapshot.job_id == job]
    assert JobState.PAUSED not in states and JobState.QUEUED not in states  # never restarted
    assert not rec.of(Retrying)
    limits = [c.bandwidth for c in rec.of(Connections)]
    assert limits[0] == 20 * 1024 and limits[-1] == 0
