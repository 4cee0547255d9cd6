"""One SQLite file of the home (the queue, the ledger): WAL, one transaction at a time, disk faults explained."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from vodgui.core.home_faults import raise_home_faults


class SqliteFile:
    """A database file shared by the threads of one process. Subclasses create their schema after ``__init__``."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        # NORMAL is durable against application crashes (our case); FULL would add an fsync per write.
        self._db.execute("PRAGMA synchronous=NORMAL")

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; a full or read-only home raises HomeFault (naming the folder)."""
        with self._lock, raise_home_faults(self.path.parent):
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._commit()

    def _commit(self) -> None:
        """COMMIT the open transaction; if that fails (a full disk) and it is still open, roll it back."""
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
