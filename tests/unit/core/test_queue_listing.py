"""``vodgui queue list`` reads rows straight into listing lines (no job per item): it must say exactly what the
jobs say (read_queue: a job per row, interrupted as at start-up, the way the listing was made before)."""

from __future__ import annotations

import json
import os

from tests.helpers.queue import set_row
from vodgui.cli import main
from vodgui.core.messages import Message
from vodgui.core.store import QueueStore
from vodgui.core.transfer.engine import list_queue, read_queue
from vodgui.core.transfer.events import JobError, JobState
from vodgui.core.transfer.record import CoverTarget, ImageDetails, Kind, NewItem, UrlDetails
from vodgui.core.workspace import Workspace

_NO_SUCH_PID = 2**22 + 1


def _mixed_queue(store: QueueStore) -> None:
    """One row of each kind of story a queue tells."""
    recs = store.add_items([
        NewItem("/media/queued.mp4", "p", 1000, 1, {"title": "标题"}),
        NewItem("/media/paused.png", "p", 300, 2, kind=Kind.IMAGE,
                details=ImageDetails("cover", (CoverTarget(item_id=1),)), state=JobState.PAUSED),
        NewItem("/media/failed.mp4", "p", 500, 3),
        NewItem("/media/done.mp4", "other", 700, 4),
        NewItem("/media/cancelled.mp4", "p", 900, 5),
        NewItem("/media/killed.mp4", "p", 4000, 6),
        NewItem("/media/elsewhere.mp4", "p", 4000, 7),
        NewItem("https://example.com/a/clip.mp4", "p", kind=Kind.URL, details=UrlDetails()),
        NewItem("/media/done-by-url.mp4", "p", 0, 0, kind=Kind.URL),
        NewItem("/media/subs.srt", "p", 80, 8, kind=Kind.ATTACHED),
    ])
    ids = [r.id for r in recs]
    set_row(store, ids[2], state="failed", confirmed_bytes=100,
            error=JobError("InvalidStorage.NotFound", "no such storage", "RID-1", "config", {"where": "oss"}))
    set_row(store, ids[3], state="done", media_id="v" * 32, confirmed_bytes=700,
            note=Message("note.parts_reused", {"count": 2}))
    set_row(store, ids[4], state="cancelled", note=Message("note.video_deleted", {"video_id": "x" * 32}))
    # Left "uploading" by a process that is gone: listed as interrupted.
    set_row(store, ids[5], state="uploading", media_id="k" * 32, confirmed_bytes=2048, owner_pid=_NO_SUCH_PID)
    # Uploading in another live process: listed as it is.
    set_row(store, ids[6], state="uploading", confirmed_bytes=1024, owner_pid=os.getppid())
    set_row(store, ids[7], state="preparing")  # interrupted too (no owner recorded)
    set_row(store, ids[8], state="done")


def test_the_listing_says_what_the_jobs_say(tmp_path) -> None:
    store = QueueStore(tmp_path / "q.sqlite3")
    _mixed_queue(store)
    lines = list_queue(store)
    snaps = read_queue(store)
    assert [(s.job_id, s.kind, s.path, s.size, s.profile, s.state, s.confirmed, s.media_id, s.error, s.note,
             s.fraction) for s in snaps] == \
        [(x.job_id, x.kind, x.path, x.size, x.profile, x.state, x.confirmed, x.media_id, x.error, x.note,
          x.fraction) for x in lines]
    states = [x.state for x in lines]
    assert states.count(JobState.UPLOADING) == 1  # the one another live process runs
    assert lines[5].state is JobState.PAUSED and lines[5].note == Message("note.interrupted", {})
    # Listing changes nothing: the rows still say what they said.
    assert [r.state for r in store.items()][5:8] == [JobState.UPLOADING, JobState.UPLOADING, JobState.PREPARING]


def test_queue_list_json_prints_the_same_lines_as_before(tmp_path, capsys) -> None:
    home = tmp_path / "home"
    ws = Workspace(str(home))
    _mixed_queue(ws.store)
    expected = [{"job_id": s.job_id, "file": s.path, "profile": s.profile, "state": s.state.value, "size": s.size,
                 "confirmed_bytes": s.confirmed, "video_id": s.media_id,
                 "note": s.note.english() if s.note else None, "error": s.error.to_dict() if s.error else None,
                 "kind": s.kind.value} for s in read_queue(ws.store)]
    ws.close()
    assert main(["--home", str(home), "queue", "list", "--json"]) == 0
    out = capsys.readouterr().out
    assert out.endswith("\n") and [json.loads(line) for line in out.splitlines()] == expected
    assert main(["--home", str(home), "queue", "list"]) == 0
    text = capsys.readouterr().out.splitlines()
    assert len(text) == len(expected)
    assert "paused" in text[5] and " 51.2%" in text[5] and "killed.mp4" in text[5]
    assert "InvalidStorage.NotFound: no such storage" in text[2] and "100.0%" in text[8]
