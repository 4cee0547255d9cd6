"""Starting the app on a big queue: it loads off the GUI thread, says so, and files dropped meanwhile wait for it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers.workspace import write_file
from tests.unit.ui.conftest import close_ctx, make_ctx, open_window
from vodgui.core.transfer.events import JobState
from vodgui.core.transfer.record import NewItem
from vodgui.ui.bridge import ADD_CHUNK

WAIT_MS = 30_000


def test_a_big_queue_loads_in_the_background_and_a_drop_meanwhile_waits_for_it(qtbot: Any, tmp_path: Path,
                                                                               sandbox: Any) -> None:
    media = tmp_path / "media"
    media.mkdir()
    queued = write_file(media / "queued.mp4", 2000)
    new = write_file(media / "new.mp4", 2000, seed=1)
    count = 2 * ADD_CHUNK + 7  # more than one chunk of rows
    ctx = make_ctx(tmp_path / "home", sandbox)
    try:
        ctx.workspace.store.add_items(
            [NewItem(str(queued), "Sandbox", 2000, 1, state=JobState.PAUSED)]
            + [NewItem(f"/videos/left-{n}.mp4", "Sandbox", 10, 1, state=JobState.PAUSED) for n in range(count - 1)])
        window = open_window(qtbot, ctx)
        page = window.upload_page
        reports: list[Any] = []
        page.intake.batch_finished.connect(reports.append)

        page.load_queue(resume=False)
        page.add_paths([str(queued), str(new)])  # dropped before the queue is loaded
        assert not page.queue_loaded
        assert page.summary.text().startswith("Loading the queue")  # not "The queue is empty"
        assert not reports  # the drop waits: it is checked against rows that are not there yet

        qtbot.waitUntil(lambda: page.queue_loaded and len(reports) == 1, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: window.model.rowCount() == count + 1, timeout=WAIT_MS)
        paths = [s.path for s in window.model.snapshots()]
        assert paths.count(str(queued)) == 1 and paths.count(str(new)) == 1  # queued once, not twice
        assert reports[0].added == 1 and reports[0].already_queued == 1
        assert "Loading" not in page.summary.text() and "paused" in page.summary.text()
    finally:
        close_ctx(ctx)
