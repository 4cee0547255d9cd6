"""The crash-safe queue: SQLite (WAL) in the data directory.

Every queue item is written before anything is sent for it, and every step that the server would remember
(VideoId and upload address after CreateUploadVideo, the OSS upload id after InitiateMultipartUpload, each
finished part with its CRC64) is committed the moment it happens. After a crash the rows say exactly where each
upload stood; resuming re-reads the server's part list anyway (the server is the truth, the rows are hints).

Secrets never land here: UploadAuth is not stored (a resume asks RefreshUploadVideo for new keys).

Each item row is written by one writer only, the item's :class:`~vodgui.core.transfer.job.Job`, from its typed
:class:`~vodgui.core.transfer.record.JobRecord` (:meth:`QueueStore.save`). Items have a ``kind`` and ``details``,
the JSON form of that kind's dataclass. The media id of every kind (VideoId, ImageId, MediaId) is ``media_id``.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, ClassVar, NamedTuple

from vodgui.core.home_faults import raise_home_faults
from vodgui.core.messages import Message
from vodgui.core.sqlite_file import SqliteFile
from vodgui.core.transfer.events import JobError, JobState
from vodgui.core.transfer.record import (
    JobRecord,
    Kind,
    NewItem,
    default_details,
    details_from_json,
    details_to_json,
)

SCHEMA_VERSION = 3

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
    media_id TEXT,
    upload_address TEXT,
    endpoint TEXT,
    bucket TEXT,
    object_key TEXT,
    upload_id TEXT,
    part_size INTEGER,
    confirmed_bytes INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    note TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    started_at REAL,
    finished_at REAL,
    crc64 TEXT,
    details TEXT NOT NULL DEFAULT '{}',
    owner_pid INTEGER
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

#: Columns renamed in schema 3 (old -> new). Applied to an older database when it is opened.
_RENAMED_COLUMNS = (
    ("items", "video_id", "media_id"),
    ("items", "extra", "details"),
    ("items", "bytes_done", "confirmed_bytes"),
)
#: Columns added after schema 1: (table, column, definition). Added to an older database when it is opened.
_ADDED_COLUMNS = (
    ("items", "details", "TEXT NOT NULL DEFAULT '{}'"),
    ("items", "error", "TEXT"),
    ("items", "owner_pid", "INTEGER"),
    ("history", "kind", "TEXT NOT NULL DEFAULT 'video'"),
)
#: Columns of schema 2 that schema 3 folds into others (the error as one JSON object).
_OLD_ERROR_COLUMNS = ("error_code", "error_message", "error_request_id", "error_kind")


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


#: The item columns, in the order :meth:`QueueStore._row_to_record` reads them.
_COLUMNS = ("id", "position", "kind", "path", "size", "mtime_ns", "metadata", "profile", "state", "details",
            "media_id", "upload_address", "endpoint", "bucket", "object_key", "upload_id", "part_size",
            "confirmed_bytes", "error", "note", "attempts", "created_at", "updated_at", "started_at", "finished_at",
            "crc64", "owner_pid")
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM items"
#: Writes per transaction inside :meth:`QueueStore.batch`.
BATCH_WRITES = 500
#: Ids per ``IN (...)`` query: below SQLite's bound-parameter limit on every version (999 before 3.32).
_ID_CHUNK = 900


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _object(text: str | None) -> Any:
    """A JSON column (metadata, details): most rows hold ``{}``, which needs no parser."""
    return {} if not text or text == "{}" else json.loads(text)


class _JsonCache:
    """The JSON of the last value seen: a batch of 100,000 files shares its metadata and details, encoded once."""

    def __init__(self, encode: Any) -> None:
        self._encode = encode
        self._value: Any = object()
        self._text = ""

    def __call__(self, value: Any) -> str:
        if value is not self._value and value != self._value:
            self._value, self._text = value, self._encode(value)
        return self._text


def _record_values(rec: JobRecord, metadata: Any = _json, details: Any = None) -> dict[str, Any]:
    """The row for ``rec`` (every column but ``id`` and ``created_at``). ``metadata`` and ``details`` encode
    those columns (a :class:`_JsonCache` when many rows are written at once)."""
    return {
        "position": rec.position, "kind": rec.kind.value, "path": rec.path, "size": rec.size,
        "mtime_ns": rec.mtime_ns, "metadata": metadata(rec.metadata), "profile": rec.profile,
        "state": rec.state.value,
        "details": details(rec.details) if details is not None else _json(details_to_json(rec.details)),
        "media_id": rec.media_id,
        "upload_address": rec.upload_address, "endpoint": rec.endpoint, "bucket": rec.bucket,
        "object_key": rec.object_key, "upload_id": rec.upload_id, "part_size": rec.part_size,
        "confirmed_bytes": rec.confirmed_bytes, "error": _json(rec.error.to_dict()) if rec.error else None,
        "note": _json(rec.note.to_dict()) if rec.note else None, "attempts": rec.attempts,
        "updated_at": rec.updated_at, "started_at": rec.started_at, "finished_at": rec.finished_at,
        "crc64": rec.crc64, "owner_pid": rec.owner_pid,
    }


def _message(text: str | None) -> Message | None:
    if not text:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None  # an English note written by schema 2: informational only, and not translatable
    return Message.from_dict(data) if isinstance(data, dict) and "code" in data else None


def _error(text: str | None) -> JobError | None:
    data = json.loads(text) if text else None
    return JobError.from_dict(data) if isinstance(data, dict) else None


#: Column text -> enum member, without the call of ``Kind(...)`` per row.
_KINDS: dict[str, Kind] = {kind.value: kind for kind in Kind}
_STATES: dict[str, JobState] = {state.value: state for state in JobState}


class QueueLine(NamedTuple):
    """What ``vodgui queue list`` shows of an item, read without building its job (:meth:`QueueStore.lines`).
    ``state`` and ``note`` are as stored; :func:`~vodgui.core.transfer.engine.list_queue` says which items
    were left running by a process that is gone. (A tuple: 100,000 of them are made in a blink.)"""

    job_id: int
    kind: Kind
    path: str
    size: int
    profile: str
    state: JobState
    confirmed: int
    media_id: str | None
    error: JobError | None
    note: Message | None
    owner_pid: int | None

    @property
    def fraction(self) -> float:
        """How far the upload is, as :attr:`JobSnapshot.fraction` says it with nothing in flight."""
        if self.size <= 0:
            return 1.0 if self.state is JobState.DONE else 0.0
        return min(self.size, self.confirmed) / self.size


class QueueStore(SqliteFile):
    """Thread-safe access to the queue database. Each method is one transaction."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._batching = 0  # depth of batch() blocks
        self._batch_writes = 0  # writes in the open batch transaction
        self._migrate_renames()
        self._db.executescript(_SCHEMA)  # executescript commits by itself: not inside _tx
        self._migrate()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Within this block, writes (from any thread) share transactions of up to :data:`BATCH_WRITES` writes:
        a transaction per write costs more than the write, and pausing 100,000 items is 100,000 writes. Each write
        stays atomic on its own (a savepoint). The lock is held per write only, as outside, so a job that holds its
        own lock while it writes never waits for the block's thread."""
        with self._lock:
            self._batching += 1
        try:
            yield
        finally:
            with self._lock, raise_home_faults(self.path.parent):
                self._batching -= 1
                if not self._batching:
                    self._commit_batch()

    def _commit_batch(self) -> None:
        self._batch_writes = 0
        if self._db.in_transaction:
            self._commit()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if not self._batching and not self._db.in_transaction:
                with super()._tx() as db:
                    yield db
                return
            with raise_home_faults(self.path.parent):
                if not self._db.in_transaction:
                    self._db.execute("BEGIN IMMEDIATE")
                self._db.execute("SAVEPOINT write")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK TO write")
                    self._db.execute("RELEASE write")
                    raise
                self._db.execute("RELEASE write")
                self._batch_writes += 1
                if self._batch_writes >= BATCH_WRITES or not self._batching:
                    self._commit_batch()

    def _columns(self, table: str) -> list[str]:
        return [row[1] for row in self._db.execute(f"PRAGMA table_info({table})")]

    def _migrate_renames(self) -> None:
        """Schema 2 -> 3 renames (before the schema script, whose indexes name the new columns)."""
        for table, old, new in _RENAMED_COLUMNS:
            have = self._columns(table)
            if old in have and new not in have:
                self._db.execute(f"ALTER TABLE {table} RENAME COLUMN {old} TO {new}")

    def _migrate(self) -> None:
        """Bring a database written by an older version up to this schema."""
        for table, column, definition in _ADDED_COLUMNS:
            if column not in self._columns(table):
                self._db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {definition}")
        have = self._columns("items")
        if all(c in have for c in _OLD_ERROR_COLUMNS):
            rows = self._db.execute("SELECT id, error_code, error_message, error_request_id, error_kind FROM items"
                                    " WHERE error_code IS NOT NULL").fetchall()
            for item_id, code, message, request_id, kind in rows:
                error = JobError(code, message or "", request_id, kind or "unknown")
                self._db.execute("UPDATE items SET error = ? WHERE id = ?", (_json(error.to_dict()), item_id))
            for column in _OLD_ERROR_COLUMNS:
                self._db.execute(f"ALTER TABLE items DROP COLUMN {column}")
        self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema', ?)", (str(SCHEMA_VERSION),))

    # -- items -----------------------------------------------------------------------------------------------
    @staticmethod
    def _row_to_record(row: tuple[Any, ...]) -> JobRecord:
        (item_id, position, kind_text, path, size, mtime_ns, metadata, profile, state, details, media_id,
         upload_address, endpoint, bucket, object_key, upload_id, part_size, confirmed_bytes, error, note, attempts,
         created_at, updated_at, started_at, finished_at, crc64, owner_pid) = row
        kind = _KINDS.get(kind_text, Kind.VIDEO)
        return JobRecord(
            id=item_id, position=position, kind=kind, path=path, size=size, mtime_ns=mtime_ns,
            metadata=_object(metadata), profile=profile, state=_STATES.get(state) or JobState(state),
            details=details_from_json(kind, _object(details)) if details and details != "{}" else default_details(kind),
            media_id=media_id, upload_address=upload_address, endpoint=endpoint, bucket=bucket,
            object_key=object_key, upload_id=upload_id, part_size=part_size, confirmed_bytes=confirmed_bytes or 0,
            error=_error(error), note=_message(note), attempts=attempts or 0, created_at=created_at,
            updated_at=updated_at, started_at=started_at, finished_at=finished_at, crc64=crc64, owner_pid=owner_pid)

    def add_items(self, items: Iterable[NewItem], *, state: JobState | None = None) -> list[JobRecord]:
        """Insert ``items`` at the end of the queue (all in ``state`` when given, else each in its own), in one
        transaction; their records, in order. ``items`` may be a generator: each is read once, before the
        transaction starts."""
        now = time.time()
        records = [JobRecord(0, 0.0, item.kind, item.path, item.size, item.mtime_ns, dict(item.metadata),
                             item.profile, item.state if state is None else state, item.details, created_at=now,
                             updated_at=now) for item in items]
        if not records:
            return records
        metadata, details = _JsonCache(_json), _JsonCache(lambda d: _json(details_to_json(d)))
        names = list(_record_values(records[0]))

        def rows() -> Iterator[tuple[Any, ...]]:  # one at a time: 100,000 rows of 29 values add up
            for rec in records:
                yield (rec.id, now, *_record_values(rec, metadata, details).values())

        with self._tx() as db:
            (top,) = db.execute("SELECT COALESCE(MAX(position), 0) FROM items").fetchone()
            # The ids AUTOINCREMENT would give, one after the other: larger than any id the table ever had.
            (last,) = db.execute("SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'items'), 0),"
                                 " COALESCE((SELECT MAX(id) FROM items), 0))").fetchone()
            for i, rec in enumerate(records, start=1):
                rec.id, rec.position = last + i, top + i
            db.executemany(f"INSERT INTO items (id, created_at, {', '.join(names)}) VALUES "
                           f"(?, ?, {', '.join('?' for _ in names)})", rows())
        return records

    def get(self, item_id: int) -> JobRecord | None:
        with self._lock:
            row = self._db.execute(_SELECT + " WHERE id = ?", (item_id,)).fetchone()
        return self._row_to_record(row) if row else None

    def items(self) -> list[JobRecord]:
        with self._lock:
            rows = self._db.execute(_SELECT + " ORDER BY position").fetchall()
        return [self._row_to_record(r) for r in rows]

    def lines(self) -> list[QueueLine]:
        """Every item as a listing shows it, in queue order: one query, and no JSON decoded but the few errors and
        notes (100,000 items in a fraction of a second; no job is built)."""
        with self._lock:
            rows = self._db.execute("SELECT id, kind, path, size, profile, state, confirmed_bytes, media_id, error,"
                                    " note, owner_pid FROM items ORDER BY position").fetchall()
        return [QueueLine(item_id, _KINDS.get(kind, Kind.VIDEO), path, size, profile,
                          _STATES.get(state) or JobState(state), confirmed or 0, media_id, _error(error),
                          _message(note), owner_pid)
                for item_id, kind, path, size, profile, state, confirmed, media_id, error, note, owner_pid in rows]

    def items_by_ids(self, item_ids: Iterable[int]) -> list[JobRecord]:
        """The items with these ids, in the order given (ids not in the queue are left out)."""
        ids = list(item_ids)
        found: dict[int, JobRecord] = {}
        with self._lock:
            for start in range(0, len(ids), _ID_CHUNK):
                chunk = ids[start:start + _ID_CHUNK]
                rows = self._db.execute(_SELECT + f" WHERE id IN ({', '.join('?' for _ in chunk)})",
                                        chunk).fetchall()
                for row in rows:
                    rec = self._row_to_record(row)
                    found[rec.id] = rec
        return [found[i] for i in ids if i in found]

    def save(self, rec: JobRecord, *, parts: Iterable[PartRecord] = (), forget_parts: bool = False) -> None:
        """Write the whole row of ``rec`` (its Job is the only caller), with ``parts`` recorded under its upload
        id and, with ``forget_parts``, the parts of earlier uploads deleted first: one transaction."""
        rec.updated_at = time.time()
        values = _record_values(rec)
        with self._tx() as db:
            if forget_parts:
                db.execute("DELETE FROM parts WHERE item_id = ?", (rec.id,))
            db.execute(f"UPDATE items SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?",
                       (*values.values(), rec.id))
            if rec.upload_id:
                db.executemany(
                    "INSERT OR REPLACE INTO parts (item_id, upload_id, part_number, size, etag, crc64)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    [(rec.id, rec.upload_id, p.part_number, p.size, p.etag,
                      None if p.crc64 is None else str(p.crc64)) for p in parts])

    def save_many(self, records: Iterable[JobRecord]) -> None:
        """:meth:`save` for several records in one transaction (start-up marks every interrupted item at once)."""
        now = time.time()
        rows = []
        for rec in records:
            rec.updated_at = now
            values = _record_values(rec)
            rows.append((values, rec.id))
        if not rows:
            return
        names = list(rows[0][0])
        with self._tx() as db:
            db.executemany(f"UPDATE items SET {', '.join(f'{k} = ?' for k in names)} WHERE id = ?",
                           [(*values.values(), item_id) for values, item_id in rows])

    def remove(self, item_ids: Iterable[int]) -> None:
        ids = [(i,) for i in item_ids]
        with self._tx() as db:
            db.executemany("DELETE FROM parts WHERE item_id = ?", ids)
            db.executemany("DELETE FROM items WHERE id = ?", ids)

    # -- parts -----------------------------------------------------------------------------------------------
    def parts(self, item_id: int, upload_id: str) -> dict[int, PartRecord]:
        """The parts recorded for the item's multipart upload ``upload_id``: hints, proven before reuse."""
        with self._lock:
            rows = self._db.execute(
                "SELECT part_number, size, etag, crc64 FROM parts WHERE item_id = ? AND upload_id = ?",
                (item_id, upload_id),
            ).fetchall()
        return {r[0]: PartRecord(r[0], r[1], r[2], int(r[3]) if r[3] is not None else None) for r in rows}

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

    def add_history(self, item: JobRecord, title: str, crc64: str | None, media_status: str | None = None) -> int:
        """Record a finished upload (any kind; ``video_id`` holds its VideoId, ImageId or MediaId).

        ``media_status`` is for media without a transcoding life cycle, known to be final at once.
        """
        with self._tx() as db:
            cur = db.execute(
                "INSERT INTO history (item_id, path, size, mtime_ns, crc64, video_id, title, profile, finished_at,"
                " kind, media_status, status_checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (item.id, item.path, item.size, item.mtime_ns, crc64, item.media_id or "", title, item.profile,
                 time.time(), item.kind.value, media_status, time.time() if media_status else None),
            )
            return int(cur.lastrowid or 0)

    def history(self, limit: int | None = None) -> list[HistoryRecord]:
        query = f"SELECT {', '.join(self._HISTORY_FIELDS)} FROM history ORDER BY finished_at DESC, id DESC"
        if limit is not None:
            query += f" LIMIT {int(limit)}"
        with self._lock:
            rows = self._db.execute(query).fetchall()
        return [HistoryRecord(*r) for r in rows]

    def update_history_title(self, video_id: str, title: str) -> None:
        """The video's title changed in VOD (UpdateVideoInfo): its history rows show the new one."""
        with self._tx() as db:
            db.execute("UPDATE history SET title = ? WHERE video_id = ?", (title, video_id))

    def update_history_status(self, video_id: str, status: str, duration: float | None = None) -> None:
        with self._tx() as db:
            db.execute("UPDATE history SET media_status = ?, status_checked_at = ?, duration = COALESCE(?, duration)"
                       " WHERE video_id = ?", (status, time.time(), duration, video_id))
