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

    @property
    def persistent(self) -> bool:
        return self._db is not None

    def load(self, kind: str) -> dict[str, dict[str, Any]]:
        if self._db is None:
            return {}
        with self._lock:
            rows = self._db.execute("SELECT key, value FROM kv WHERE kind = ?", (kind,)).fetchall()
        return {k: json.loads(v) for k, v in rows}

    def put(self, kind: str, key: str, value: dict[str, Any]) -> None:
        if self._db is None:
            return
        text = json.dumps(value, separators=(",", ":"), sort_keys=True)
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO kv (kind, key, value) VALUES (?, ?, ?)", (kind, key, text))

    def delete(self, kind: str, key: str) -> None:
        if self._db is None:
            return
        with self._lock:
            self._db.execute("DELETE FROM kv WHERE kind = ? AND key = ?", (kind, key))

    def clear(self, kinds: list[str] | None = None) -> None:
        """Forget state (all kinds, or the given ones) and, when clearing everything, every blob."""
        if self._db is not None:
            with self._lock:
                if kinds is None:
                    self._db.execute("DELETE FROM kv")
                else:
                    self._db.executemany("DELETE FROM kv WHERE kind = ?", [(k,) for k in kinds])
        if kinds is None:
            shutil.rmtree(self.blob_dir, ignore_errors=True)
            self.blob_dir.mkdir(parents=True, exist_ok=True)

    def close(self) -> None:
        if self._db is not None:
            with self._lock:
                self._db.close()
                self._db = None
        if self._temp:
            shutil.rmtree(self.root, ignore_errors=True)
