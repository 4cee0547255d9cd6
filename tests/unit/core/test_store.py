from __future__ import annotations

import sqlite3

from vodgui.core.store import NewItem, PartRecord, QueueStore


def test_items_parts_and_history_survive_reopening(tmp_path) -> None:
    path = tmp_path / "q.sqlite3"
    store = QueueStore(path)
    ids = store.add_items([NewItem("/a.mp4", "p", 10, 5, {"title": "标题"}), NewItem("/b.mp4", "p", 20, 6)])
    store.update(ids[0], state="uploading", video_id="v1", upload_id="U1", part_size=4)
    store.record_part(ids[0], "U1", PartRecord(1, 4, '"E1"', 123))
    store.record_part(ids[0], "U1", PartRecord(2, 4, '"E2"', None))
    rec = store.get(ids[0])
    assert rec is not None
    store.add_history(rec, "标题", "999")
    store.close()  # no explicit commit: each call is its own transaction

    again = QueueStore(path)
    items = again.items()
    assert [i.path for i in items] == ["/a.mp4", "/b.mp4"]
    assert items[0].metadata == {"title": "标题"} and items[0].video_id == "v1" and items[0].state == "uploading"
    assert again.parts(ids[0], "U1") == {1: PartRecord(1, 4, '"E1"', 123), 2: PartRecord(2, 4, '"E2"', None)}
    assert [(h.path, h.video_id, h.crc64) for h in again.history()] == [("/a.mp4", "v1", "999")]
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    again.remove([ids[0]])
    assert [i.id for i in again.items()] == [ids[1]]
    assert again.parts(ids[0], "U1") == {}
    assert len(again.history()) == 1  # history outlives the queue item
