"""Closing the app mid-upload: suspended items come back queued (auto-resume) or paused; a user's pause stays."""

from __future__ import annotations

from tests.helpers.workspace import wait_for, write_file
from vodgui.core.transfer.engine import SUSPENDED_KEY, TransferEngine
from vodgui.core.transfer.events import JobState
from vodgui.core.workspace import Workspace


def _state(engine: TransferEngine, job_id: int) -> JobState:
    snap = engine.snapshot(job_id)
    assert snap is not None
    return snap.state


def test_suspended_items_resume_on_restore_but_paused_ones_do_not(tmp_path, ws: Workspace) -> None:
    engine = TransferEngine(ws.store, ws.sessions, bandwidth_limit=40_000)
    paths = [write_file(tmp_path / f"s{n}.mp4", 120_000, seed=n) for n in range(2)]
    ids = engine.add_files([str(p) for p in paths], "credential-accesskey")
    wait_for(lambda: all(_state(engine, i) is JobState.UPLOADING for i in ids))
    engine.pause([ids[0]])  # the user's pause
    engine.suspend([ids[1]])  # the app closing
    assert engine.shutdown(pause=True, timeout=10)
    assert [r.state for r in ws.store.items()] == ["paused", "paused"]

    again = TransferEngine(ws.store, ws.sessions, auto_start=False)
    snaps = {s.job_id: s.state for s in again.restore(resume=True)}
    assert snaps == {ids[0]: JobState.PAUSED, ids[1]: JobState.QUEUED}
    assert ws.store.get_meta(SUSPENDED_KEY) is None  # used once
    again.shutdown(timeout=5)


def test_suspended_items_stay_paused_without_auto_resume(tmp_path, ws: Workspace) -> None:
    ws.store.set_meta(SUSPENDED_KEY, "[1]")
    from vodgui.core.transfer.record import NewItem

    [item] = ws.store.add_items([NewItem(str(tmp_path / "x.mp4"), "credential-accesskey", 1, 1,
                                         state=JobState.PAUSED)])
    engine = TransferEngine(ws.store, ws.sessions, auto_start=False)
    assert [s.state for s in engine.restore(resume=False)] == [JobState.PAUSED]
    assert item.id == 1 and ws.store.get_meta(SUSPENDED_KEY) is None
    engine.shutdown(timeout=5)
