"""The user's vodgui home: directories, profiles, keychain, queue store, and the single-owner queue lock."""

from __future__ import annotations

import logging
import os
import sys
import threading
from pathlib import Path
from typing import IO, Any

from vodgui.core.clock import Clock
from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.keychain import FIELDS, KeychainUnavailable, SecretStore
from vodgui.core.ledger import Ledger
from vodgui.core.paths import AppDirs, app_dirs
from vodgui.core.profiles import ProfileStore
from vodgui.core.session import SandboxInfo, SessionFactory
from vodgui.core.store import QueueStore

log = logging.getLogger(__name__)


class QueueBusy(VodError):
    def __init__(self, holder: str) -> None:
        super().__init__("QueueBusy", params={"holder": holder}, kind=ErrorKind.CONFIG)


class QueueLock:
    """An advisory lock on the data directory: one engine per queue (two would upload the same items).

    The OS releases it when the process dies, even by SIGKILL, so a crash never leaves the queue locked.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        if self._file is not None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        f = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held for the process lifetime
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            f.seek(0)
            holder = f.read().strip() or "unknown"
            f.close()
            raise QueueBusy(holder) from None
        f.seek(0)
        f.truncate()
        f.write(f"pid {os.getpid()}")
        f.flush()
        self._file = f

    def release(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


class Workspace:
    def __init__(self, home: str | None = None, *, secrets: SecretStore | None = None,
                 sandbox_info: SandboxInfo | None = None, clock: Clock | None = None) -> None:
        self.dirs: AppDirs = app_dirs(home).ensure()
        self.profiles = ProfileStore(self.dirs.config)
        self.secrets = secrets or SecretStore()
        self.profiles.migrate_proxy_passwords(self.secrets)
        self.sessions = SessionFactory(self.profiles, self.secrets, clock=clock, sandbox_info=sandbox_info,
                                       ledger=lambda: self.ledger)
        self._store: QueueStore | None = None
        self._ledger: Ledger | None = None
        self._ledger_lock = threading.Lock()
        self.lock = QueueLock(self.dirs.data / "queue.lock")

    @property
    def store(self) -> QueueStore:
        if self._store is None:
            self._store = QueueStore(self.dirs.data / "queue.sqlite3")
        return self._store

    @property
    def ledger(self) -> Ledger:
        """The finished uploads of every profile, keyed by account (the duplicate guard)."""
        # Job threads build sessions at the same time: two first opens raced on the WAL pragma ("database is
        # locked"), failing an upload.
        with self._ledger_lock:
            if self._ledger is None:
                self._ledger = Ledger(self.dirs.data / "ledger.sqlite3")
            return self._ledger

    def delete_profile(self, name: str) -> list[str]:
        """Delete profile ``name`` and every secret the keychain holds for it (whichever source it had before).

        The profile goes first; a keychain that cannot be reached leaves a stale secret behind, which is harmless
        (no profile uses it) but reported: the returned list names what could not be deleted, empty when all was.
        """
        self.profiles.delete(name)
        self.sessions.invalidate(name)
        left: list[str] = []
        for field in FIELDS:
            try:
                self.secrets.delete(name, field)
            except KeychainUnavailable as exc:
                log.warning("could not delete %s of %s: %s", field, name, exc.message)
                left.append(field)
        return left

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
        if self._ledger is not None:
            self._ledger.close()
            self._ledger = None
        self.lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
