from __future__ import annotations

import json
import sqlite3

from vodgui.core.messages import Message
from vodgui.core.store import PartRecord, QueueStore
from vodgui.core.transfer.events import JobError, JobState
from vodgui.core.transfer.record import CoverTarget, ImageDetails, Kind, NewItem, UrlDetails, VideoDetails


def test_records_parts_and_history_survive_reopening(tmp_path) -> None:
    path = tmp_path / "q.sqlite3"
    store = QueueStore(path)
    a, b = store.add_items([NewItem("/a.mp4", "p", 10, 5, {"title": "标题"}),
                            NewItem("/c.png", "p", 20, 6, kind=Kind.IMAGE,
                                    details=ImageDetails("cover", (CoverTarget(item_id=1),)))])
    a.state, a.media_id, a.upload_id, a.part_size = JobState.UPLOADING, "v1", "U1", 4
    a.note = Message("note.parts_reused", {"count": 2})
    a.error = JobError("Throttling", "slow down", "RID", "throttled", {"n": 1})
    store.save(a, parts=[PartRecord(1, 4, '"E1"', 123), PartRecord(2, 4, '"E2"', None)])
    store.add_history(a, "标题", "999")
    store.close()  # no explicit commit: each call is its own transaction

    again = QueueStore(path)
    items = again.items()
    assert [i.path for i in items] == ["/a.mp4", "/c.png"]
    first = items[0]
    assert (first.metadata, first.media_id, first.state) == ({"title": "标题"}, "v1", JobState.UPLOADING)
    assert first.note == Message("note.parts_reused", {"count": 2})
    assert first.error is not None and (first.error.code, first.error.params) == ("Throttling", {"n": 1})
    assert items[1].kind is Kind.IMAGE and items[1].details == ImageDetails("cover", (CoverTarget(item_id=1),))
    assert again.parts(a.id, "U1") == {1: PartRecord(1, 4, '"E1"', 123), 2: PartRecord(2, 4, '"E2"', None)}
    assert [(h.path, h.video_id, h.crc64) for h in again.history()] == [("/a.mp4", "v1", "999")]
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    again.remove([a.id])
    assert [i.id for i in again.items()] == [b.id]
    assert again.parts(a.id, "U1") == {}
    assert len(again.history()) == 1  # history outlives the queue item


def test_a_new_upload_forgets_the_parts_of_the_old_one(tmp_path) -> None:
    store = QueueStore(tmp_path / "q.sqlite3")
    [rec] = store.add_items([NewItem("/a.mp4", "p", 10, 5)])
    rec.upload_id = "U1"
    store.save(rec, parts=[PartRecord(1, 4, '"E1"', 1)])
    rec.upload_id = "U2"
    store.save(rec, forget_parts=True)
    assert store.parts(rec.id, "U1") == {}


def test_a_schema_2_database_is_migrated(tmp_path) -> None:
    """Rows written by the previous version keep their media id, details, progress and error."""
    path = tmp_path / "q.sqlite3"
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, position REAL NOT NULL, kind TEXT NOT NULL
            DEFAULT 'video', path TEXT NOT NULL, size INTEGER NOT NULL DEFAULT 0, mtime_ns INTEGER NOT NULL
            DEFAULT 0, metadata TEXT NOT NULL DEFAULT '{}', profile TEXT NOT NULL, state TEXT NOT NULL,
            video_id TEXT, upload_address TEXT, endpoint TEXT, bucket TEXT, object_key TEXT, upload_id TEXT,
            part_size INTEGER, bytes_done INTEGER NOT NULL DEFAULT 0, error_code TEXT, error_message TEXT,
            error_request_id TEXT, error_kind TEXT, note TEXT, attempts INTEGER NOT NULL DEFAULT 0,
            created_at REAL NOT NULL, updated_at REAL NOT NULL, started_at REAL, finished_at REAL, crc64 TEXT,
            extra TEXT NOT NULL DEFAULT '{}');
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """)
    db.execute("INSERT INTO items (position, kind, path, profile, state, video_id, bytes_done, error_code, "
               "error_message, error_kind, note, created_at, updated_at, extra) VALUES "
               "(1, 'url', 'http://h/a.mp4', 'p', 'failed', 'M1', 7, 'URLJobNotFound', 'gone', 'not_found', "
               "'old English note', 0, 0, ?)", (json.dumps({"job_id": "J1"}),))
    db.commit()
    db.close()
    [rec] = QueueStore(path).items()
    assert (rec.kind, rec.media_id, rec.confirmed_bytes, rec.details) == (Kind.URL, "M1", 7, UrlDetails("J1"))
    assert rec.error is not None and (rec.error.code, rec.error.message) == ("URLJobNotFound", "gone")
    assert rec.note is None  # an English sentence of the old version: not shown in another language


def test_a_batch_is_written_in_one_go_with_the_ids_and_positions_of_one_by_one_inserts(tmp_path) -> None:
    """A batch gets the ids AUTOINCREMENT gives (never one a removed item had) and goes to the end of the queue;
    a generator of items is read once; ``state`` applies to the whole batch."""
    store = QueueStore(tmp_path / "q.sqlite3")
    first = store.add_items([NewItem(f"/a{n}.mp4", "p", n + 1, n) for n in range(3)])
    store.remove([first[-1].id])  # the largest id is gone: it is not given again
    read = []

    def items():
        for n in range(1000):
            read.append(n)
            yield NewItem(f"/b{n}.mp4", "p", 10, n, {"title": "标题"} if n % 2 else {},
                          kind=Kind.IMAGE if n == 7 else Kind.VIDEO,
                          details=ImageDetails("cover") if n == 7 else VideoDetails(reference_id=f"r{n}"))

    batch = store.add_items(items(), state=JobState.PAUSED)
    assert read == list(range(1000))
    assert [r.id for r in batch] == list(range(first[-1].id + 1, first[-1].id + 1001))
    assert all(r.state is JobState.PAUSED for r in batch)
    again = QueueStore(tmp_path / "q.sqlite3").items()
    assert [r.id for r in again] == [first[0].id, first[1].id] + [r.id for r in batch]
    assert [r.position for r in again] == sorted(r.position for r in again)
    assert again[-1].position > first[-1].position
    stored = {r.id: r for r in again}
    for rec in batch:
        assert stored[rec.id] == rec  # every column as the record says, the shared JSON of the batch included
    assert stored[batch[7].id].details == ImageDetails("cover")
    assert stored[batch[8].id].details == VideoDetails(reference_id="r8")
    nxt = store.add_items([NewItem("/c.mp4", "p", 1, 1)])
    assert nxt[0].id == batch[-1].id + 1 and nxt[0].state is JobState.QUEUED


def test_writes_in_a_batch_share_transactions_and_stay_atomic_each(tmp_path) -> None:
    import threading

    path = tmp_path / "q.sqlite3"
    store = QueueStore(path)
    recs = store.add_items([NewItem(f"/a{n}.mp4", "p", 10, n) for n in range(1200)])
    other = sqlite3.connect(path)  # another process's view: only committed rows

    def committed_paused() -> int:
        return other.execute("SELECT COUNT(*) FROM items WHERE state = 'paused'").fetchone()[0]

    with store.batch():
        for rec in recs[:10]:
            rec.state = JobState.PAUSED
            store.save(rec)
        assert committed_paused() == 0  # one transaction for many writes: not committed yet
        bad = recs[10]
        bad.state = JobState.PAUSED
        try:
            with store._tx() as db:  # a write that fails half-way leaves nothing behind
                db.execute("UPDATE items SET state = 'paused' WHERE id = ?", (bad.id,))
                raise sqlite3.IntegrityError("failed")
        except sqlite3.IntegrityError:
            pass
        worker = threading.Thread(target=lambda: store.set_meta("from", "another thread"))
        worker.start()
        worker.join(5)
        assert not worker.is_alive()
        for rec in recs[11:]:
            rec.state = JobState.PAUSED
            store.save(rec)
        assert committed_paused() >= 900  # committed in steps, not all at the end
    assert committed_paused() == 1199
    assert other.execute("SELECT state FROM items WHERE id = ?", (bad.id,)).fetchone()[0] == "queued"
    assert store.get_meta("from") == "another thread"
    store.save(recs[0])  # outside a batch again: its own transaction
    assert not store._db.in_transaction
