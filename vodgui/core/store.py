"""The crash-safe queue: SQLite (WAL) in the data directory.

Every queue item is written before anything is sent for it, and every step that the server would remember
(VideoId and upload address after CreateUploadVideo, the OSS upload id after InitiateMultipartUpload, each
finished part with its CRC64) is committed the moment it happens. After a crash the rows say exactly where each
upload stood; resuming re-reads the server's part list anyway (the server is the truth, the rows are hints).

Secrets never land here: UploadAuth is not stored (a resume asks RefreshUploadVideo for new keys).

Items have a ``kind`` (``video``, ``image``, ``attached``, ``m3u8``, ``url``) and ``extra``, a JSON object with
what that kind needs beyond the common columns (image type, business type, the URL job's JobId, the image's
URLs...). The media id of every kind (VideoId, ImageId, MediaId) is kept in ``video_id``.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any, ClassVar

from vodgui.core.home_faults import raise_home_faults

SCHEMA_VERSION = 2

_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    position REAL NOT NULL,
    kind TEXT NOT NULL DEFAULT 'video',
    path TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    mtime_ns INTEGER NOT NULL DEFAULT 0,
    metadata TEXT NOT NULL DEFAULT '{}',
    profile TEXT NOT NULL,
    state TEXT NOT NULL,
    video_id TEXT,
    upload_address TEXT,
    endpoint TEXT,
    bucket TEXT,
    object_key TEXT,
    upload_id TEXT,
    part_size INTEGER,
    bytes_done INTEGER NOT NULL DEFAULT 0,
    error_code TEXT,
    error_message TEXT,
    error_request_id TEXT,
    error_kind TEXT,
    note TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    started_at REAL,
    finished_at REAL,
    crc64 TEXT,
    extra TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS items_state ON items(state);
CREATE TABLE IF NOT EXISTS parts (
    item_id INTEGER NOT NULL,
    upload_id TEXT NOT NULL,
    part_number INTEGER NOT NULL,
    size INTEGER NOT NULL,
    etag TEXT NOT NULL,
    crc64 TEXT,
    PRIMARY KEY (item_id, upload_id, part_number)
);
CREATE TABLE IF NOT EXISTS history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    crc64 TEXT,
    video_id TEXT NOT NULL,
    title TEXT NOT NULL,
    profile TEXT NOT NULL,
    finished_at REAL NOT NULL,
    media_status TEXT,
    status_checked_at REAL,
    duration REAL,
    kind TEXT NOT NULL DEFAULT 'video'
);
DROP INDEX IF EXISTS history_size;
CREATE INDEX IF NOT EXISTS history_video ON history(video_id);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

#: Columns added after schema 1: (table, column, definition). Added to an older database when it is opened.
_ADDED_COLUMNS = (
    ("items", "extra", "TEXT NOT NULL DEFAULT '{}'"),
    ("history", "kind", "TEXT NOT NULL DEFAULT 'video'"),
)


@dataclass
class ItemRecord:
    id: int
    position: float
    kind: str
    path: str
    size: int
    mtime_ns: int
    metadata: dict[str, Any]
    profile: str
    state: str
    video_id: str | None = None
    upload_address: str | None = None
    endpoint: str | None = None
    bucket: str | None = None
    object_key: str | None = None
    upload_id: str | None = None
    part_size: int | None = None
    bytes_done: int = 0
    error_code: str | None = None
    error_message: str | None = None
    error_request_id: str | None = None
    error_kind: str | None = None
    note: str | None = None
    attempts: int = 0
    created_at: float = 0.0
    updated_at: float = 0.0
    started_at: float | None = None
    finished_at: float | None = None
    crc64: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class PartRecord:
    part_number: int
    size: int
    etag: str
    crc64: int | None


@dataclass
class HistoryRecord:
    id: int
    item_id: int | None
    path: str
    size: int
    mtime_ns: int
    crc64: str | None
    video_id: str
    title: str
    profile: str
    finished_at: float
    media_status: str | None
    status_checked_at: float | None
    duration: float | None
    kind: str = "video"


@dataclass
class NewItem:
    path: str
    profile: str
    size: int = 0
    mtime_ns: int = 0
    metadata: dict[str, Any] = field(default_factory=dict)
    kind: str = "video"
    state: str = "queued"
    extra: dict[str, Any] = field(default_factory=dict)


_ITEM_FIELDS = [f.name for f in fields(ItemRecord)]
_UPDATABLE = set(_ITEM_FIELDS) - {"id", "created_at"}
#: Ids per ``IN (...)`` query: below SQLite's bound-parameter limit on every version (999 before 3.32).
_ID_CHUNK = 900


class QueueStore:
    """Thread-safe access to the queue database. Each method is one transaction."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        # NORMAL is durable against application crashes (our case); FULL would add an fsync per part.
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.executescript(_SCHEMA)  # executescript commits by itself: not inside _tx
        self._migrate()

    def _migrate(self) -> None:
        """Bring a database written by an older version up to this schema (columns are only ever added)."""
        for table, column, definition in _ADDED_COLUMNS:
            have = {row[1] for row in self._db.execute(f"PRAGMA table_info({table})")}
            if column not in have:
                self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
        self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock, raise_home_faults(self.path.parent):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            try:
                self._db.execute("COMMIT")
            except sqlite3.Error:  # a full disk: the transaction may still be open
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    # -- items -----------------------------------------------------------------------------------------------
    @staticmethod
    def _row_to_item(row: sqlite3.Row | tuple[Any, ...]) -> ItemRecord:
        data = dict(zip(_ITEM_FIELDS, row))
        data["metadata"] = json.loads(data["metadata"] or "{}")
        data["extra"] = json.loads(data["extra"] or "{}")
        return ItemRecord(**data)

    def add_items(self, items: Iterable[NewItem]) -> list[int]:
        now = time.time()
        ids: list[int] = []
        with self._tx() as db:
            (top,) = db.execute("SELECT COALESCE(MAX(position), 0) FROM items").fetchone()
            for i, item in enumerate(items, start=1):
                cur = db.execute(
                    "INSERT INTO items (position, kind, path, size, mtime_ns, metadata, profile, state, created_at,"
                    " updated_at, extra) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (top + i, item.kind, item.path, item.size, item.mtime_ns,
                     json.dumps(item.metadata, ensure_ascii=False), item.profile, item.state, now, now,
                     json.dumps(item.extra, ensure_ascii=False)),
                )
                ids.append(int(cur.lastrowid or 0))
        return ids

    def get(self, item_id: int) -> ItemRecord | None:
        with self._lock:
            row = self._db.execute(f"SELECT {', '.join(_ITEM_FIELDS)} FROM items WHERE id = ?",
                                   (item_id,)).fetchone()
        return self._row_to_item(row) if row else None

    def items(self, states: Iterable[str] | None = None) -> list[ItemRecord]:
        query = f"SELECT {', '.join(_ITEM_FIELDS)} FROM items"
        args: tuple[Any, ...] = ()
        if states is not None:
            wanted = list(states)
            query += f" WHERE state IN ({', '.join('?' for _ in wanted)})"
            args = tuple(wanted)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY position", args).fetchall()
        return [self._row_to_item(r) for r in rows]

    def items_by_ids(self, item_ids: Iterable[int]) -> list[ItemRecord]:
        """The items with these ids, in the order given (ids not in the queue are left out)."""
        ids = list(item_ids)
        found: dict[int, ItemRecord] = {}
        query = f"SELECT {', '.join(_ITEM_FIELDS)} FROM items WHERE id IN "
        with self._lock:
            for start in range(0, len(ids), _ID_CHUNK):
                chunk = ids[start:start + _ID_CHUNK]
                rows = self._db.execute(query + f"({', '.join('?' for _ in chunk)})", chunk).fetchall()
                for row in rows:
                    rec = self._row_to_item(row)
                    found[rec.id] = rec
        return [found[i] for i in ids if i in found]

    @staticmethod
    def _assignments(values: dict[str, Any]) -> tuple[str, list[Any]]:
        """``col = ?, ...`` and its arguments for an UPDATE of ``values`` (plus ``updated_at``)."""
        unknown = set(values) - _UPDATABLE
        if unknown:
            raise KeyError(f"unknown item fields: {sorted(unknown)}")
        values = dict(values)
        for name in ("metadata", "extra"):
            if name in values:
                values[name] = json.dumps(values[name], ensure_ascii=False)
        values["updated_at"] = time.time()
        return ", ".join(f"{k} = ?" for k in values), list(values.values())

    def update(self, item_id: int, **values: Any) -> None:
        cols, args = self._assignments(values)
        with self._tx() as db:
            db.execute(f"UPDATE items SET {cols} WHERE id = ?", (*args, item_id))

    def update_many(self, item_ids: Iterable[int], **values: Any) -> None:
        """The same change to several items, in one transaction."""
        cols, args = self._assignments(values)
        rows = [(*args, item_id) for item_id in item_ids]
        if not rows:
            return
        with self._tx() as db:
            db.executemany(f"UPDATE items SET {cols} WHERE id = ?", rows)

    def reset_upload(self, item_id: int, **values: Any) -> None:
        """Forget the item's multipart upload (its upload id, part size and recorded parts) and apply ``values``,
        in one transaction. ``values`` may set a new ``upload_id`` / ``part_size``."""
        cols, args = self._assignments({"upload_id": None, "part_size": None, **values})
        with self._tx() as db:
            db.execute("DELETE FROM parts WHERE item_id = ?", (item_id,))
            db.execute(f"UPDATE items SET {cols} WHERE id = ?", (*args, item_id))

    def remove(self, item_ids: Iterable[int]) -> None:
        ids = [(i,) for i in item_ids]
        with self._tx() as db:
            db.executemany("DELETE FROM parts WHERE item_id = ?", ids)
            db.executemany("DELETE FROM items WHERE id = ?", ids)

    # -- parts -----------------------------------------------------------------------------------------------
    def record_part(self, item_id: int, upload_id: str, part: PartRecord) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO parts (item_id, upload_id, part_number, size, etag, crc64)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (item_id, upload_id, part.part_number, part.size, part.etag,
                 None if part.crc64 is None else str(part.crc64)),
            )

    def parts(self, item_id: int, upload_id: str) -> dict[int, PartRecord]:
        with self._lock:
            rows = self._db.execute(
                "SELECT part_number, size, etag, crc64 FROM parts WHERE item_id = ? AND upload_id = ?",
                (item_id, upload_id),
            ).fetchall()
        return {r[0]: PartRecord(r[0], r[1], r[2], int(r[3]) if r[3] is not None else None) for r in rows}

    def clear_parts(self, item_id: int) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM parts WHERE item_id = ?", (item_id,))

    # -- small facts about the queue as a whole -------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None

    def set_meta(self, key: str, value: str | None) -> None:
        """Store ``value`` under ``key``; None deletes it."""
        with self._tx() as db:
            if value is None:
                db.execute("DELETE FROM meta WHERE key = ?", (key,))
            else:
                db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # -- history ---------------------------------------------------------------------------------------------
    _HISTORY_FIELDS: ClassVar[list[str]] = [f.name for f in fields(HistoryRecord)]

    def add_history(self, item: ItemRecord, title: str, crc64: str | None, media_status: str | None = None) -> int:
        """Record a finished upload (any kind; ``video_id`` holds its VideoId, ImageId or MediaId).

        ``media_status`` is for media without a transcoding life cycle, known to be final at once.
        """
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO history (item_id, path, size, mtime_ns, crc64, video_id, title, profile, finished_at,"
                " kind, media_status, status_checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (item.id, item.path, item.size, item.mtime_ns, crc64, item.video_id or "", title, item.profile,
                 time.time(), item.kind, media_status, time.time() if media_status else None),
            )
            return int(cur.lastrowid or 0)

    def history(self, limit: int | None = None) -> list[HistoryRecord]:
        query = f"SELECT {', '.join(self._HISTORY_FIELDS)} FROM history ORDER BY finished_at DESC, id DESC"
        if limit is not None:
            query += f" LIMIT {int(limit)}"
        with self._lock:
            rows = self._db.execute(query).fetchall()
        return [HistoryRecord(*r) for r in rows]

    def update_history_status(self, video_id: str, status: str, duration: float | None = None) -> None:
        with self._tx() as db:
            db.execute("UPDATE history SET media_status = ?, status_checked_at = ?, duration = COALESCE(?, duration)"
                       " WHERE video_id = ?", (status, time.time(), duration, video_id))
