"""Durable state for one sandbox instance.

Models keep their own in-memory dictionaries (fast lookups under their own locks) and write every change
through to a :class:`StateStore`. With a data directory the store is an SQLite file that survives a restart;
without one it keeps nothing and the blob directory is a temporary folder removed at shutdown. Request and
part bodies always go to files under :attr:`StateStore.blob_dir`, never whole into memory.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import threading
from pathlib import Path
from typing import Any


class StateStore:
    """A tiny typed key-value store: ``(kind, key) -> JSON object``."""

    def __init__(self, data_dir: Path | None) -> None:
        self._lock = threading.Lock()
        self._temp = data_dir is None
        self._kept: set[str] = set()
        if data_dir is None:
            self.root = Path(tempfile.mkdtemp(prefix="vodgui-sandbox-"))
            self._db: sqlite3.Connection | None = None
        else:
            self.root = Path(data_dir)
            self.root.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.root / "state.sqlite3", check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS kv (kind TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,"
                " PRIMARY KEY (kind, key))"
            )
        self.blob_dir = self.root / "blobs"
        self.blob_dir.mkdir(parents=True, exist_ok=True)

    # Every access checks ``self._db`` under the lock: :meth:`close` may set it to None from another thread.
    def load(self, kind: str) -> dict[str, dict[str, Any]]:
        with self._lock:
            if self._db is None:
                return {}
            rows = self._db.execute("SELECT key, value FROM kv WHERE kind = ?", (kind,)).fetchall()
        return {k: json.loads(v) for k, v in rows}

    def put(self, kind: str, key: str, value: dict[str, Any]) -> None:
        if self._temp:  # fixed at construction: skips the encoding when nothing is ever kept
            return
        text = json.dumps(value, separators=(",", ":"), sort_keys=True)
        with self._lock:
            if self._db is None:
                return
            self._db.execute("INSERT OR REPLACE INTO kv (kind, key, value) VALUES (?, ?, ?)", (kind, key, text))

    def delete(self, kind: str, key: str) -> None:
        self.delete_many(kind, [key])

    def delete_many(self, kind: str, keys: list[str]) -> None:
        with self._lock:
            if self._db is None or not keys:
                return
            self._db.executemany("DELETE FROM kv WHERE kind = ? AND key = ?", [(kind, k) for k in keys])

    def keep_on_clear(self, kind: str) -> None:
        """Make :meth:`clear` keep the records of ``kind`` (state a reset must not forget, e.g. OSS buckets)."""
        with self._lock:
            self._kept.add(kind)

    def clear(self) -> None:
        """Forget every record (but those of the kinds registered with :meth:`keep_on_clear`) and every blob."""
        with self._lock:
            if self._db is not None:
                kept = sorted(self._kept)
                marks = ",".join("?" * len(kept))
                self._db.execute(f"DELETE FROM kv WHERE kind NOT IN ({marks})", kept)
        shutil.rmtree(self.blob_dir, ignore_errors=True)
        self.blob_dir.mkdir(parents=True, exist_ok=True)

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
        if self._temp:
            shutil.rmtree(self.root, ignore_errors=True)
