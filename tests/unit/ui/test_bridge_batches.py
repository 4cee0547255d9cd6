"""A big batch of new items reaches the window in chunks, one per turn of the event loop, and nothing said about
an item is lost or comes before its row."""

from __future__ import annotations

from typing import Any

from tests.unit.ui.test_queue_model import progress, snap
from vodgui.core.transfer.events import JobChanged, JobsAdded, JobsRemoved, JobState
from vodgui.ui.bridge import ADD_CHUNK, EngineBridge
from vodgui.ui.queue_model import QueueModel


def _wired(qtbot: Any) -> tuple[EngineBridge, QueueModel, list[tuple[str, Any]]]:
    bridge, model = EngineBridge(), QueueModel()
    seen: list[tuple[str, Any]] = []
    bridge.jobs_added.connect(model.add)
    bridge.jobs_changed.connect(model.update)
    bridge.progress_changed.connect(model.set_progress)
    bridge.jobs_removed.connect(model.remove)
    bridge.jobs_added.connect(lambda snaps: seen.append(("added", [s.job_id for s in snaps])))
    bridge.jobs_changed.connect(lambda snaps: seen.append(("changed", [s.job_id for s in snaps])))
    bridge.progress_changed.connect(lambda prog: seen.append(("progress", sorted(prog))))
    bridge.jobs_removed.connect(lambda ids: seen.append(("removed", list(ids))))
    return bridge, model, seen


def test_a_big_batch_arrives_in_chunks_in_order(qtbot: Any) -> None:
    bridge, model, seen = _wired(qtbot)
    total = 2 * ADD_CHUNK + 10
    bridge.on_event(JobsAdded(tuple(snap(i) for i in range(1, total + 1))))
    bridge.flush()
    assert model.rowCount() == ADD_CHUNK  # one chunk per turn: the window paints in between
    qtbot.waitUntil(lambda: model.rowCount() == total, timeout=5000)
    assert [len(ids) for what, ids in seen if what == "added"] == [ADD_CHUNK, ADD_CHUNK, 10]
    assert [model.job_id(r) for r in range(total)] == list(range(1, total + 1))
    assert model.counts().waiting == total
    bridge.stop()


def test_news_of_an_item_waits_for_its_row(qtbot: Any) -> None:
    bridge, model, seen = _wired(qtbot)
    total = ADD_CHUNK + 5
    late = total - 1  # in the second chunk
    bridge.on_event(JobsAdded(tuple(snap(i) for i in range(1, total + 1))))
    bridge.on_event(JobChanged(snap(1, JobState.UPLOADING), JobState.QUEUED))
    bridge.on_event(JobChanged(snap(late, JobState.UPLOADING), JobState.QUEUED))
    bridge.on_event(progress(late, 300))
    bridge.on_event(JobChanged(snap(2, JobState.UPLOADING), JobState.QUEUED))
    bridge.on_event(progress(2, 200))
    bridge.on_event(JobsRemoved((total,)))  # gone before its row was shown: it never appears
    bridge.flush()
    assert ("changed", [1, 2]) in seen and ("progress", [2]) in seen
    assert model.snapshot(late) is None
    qtbot.waitUntil(lambda: model.rowCount() == total - 1, timeout=5000)
    qtbot.waitUntil(lambda: ("progress", [late]) in seen, timeout=5000)
    [row_came] = [n for n, (what, ids) in enumerate(seen) if what == "added" and late in ids]
    assert seen.index(("changed", [late])) > row_came
    assert model.snapshot(late).state is JobState.UPLOADING and model.snapshot(late).confirmed == 300
    assert model.snapshot(2).confirmed == 200 and model.row_of(total) is None
    assert model.counts().uploading == 3
    bridge.stop()


def test_a_change_of_every_row_arrives_in_chunks_with_progress_after_its_state(qtbot: Any) -> None:
    bridge, model, seen = _wired(qtbot)
    total = ADD_CHUNK + 3
    bridge.on_event(JobsAdded(tuple(snap(i) for i in range(1, total + 1))))
    qtbot.waitUntil(lambda: model.rowCount() == total, timeout=5000)
    seen.clear()
    for i in range(1, total + 1):  # everything paused at once
        bridge.on_event(JobChanged(snap(i, JobState.PAUSED), JobState.QUEUED))
    bridge.on_event(progress(total, 500))  # newer than its change: shown after it
    bridge.flush()
    assert [len(ids) for what, ids in seen if what == "changed"] == [ADD_CHUNK]
    assert not [what for what, _ in seen if what == "progress"]
    qtbot.waitUntil(lambda: model.counts().paused == total, timeout=5000)
    qtbot.waitUntil(lambda: ("progress", [total]) in seen, timeout=5000)
    assert seen.index(("progress", [total])) > seen.index(("changed", list(range(ADD_CHUNK + 1, total + 1))))
    assert model.snapshot(total).confirmed == 500
    bridge.stop()
