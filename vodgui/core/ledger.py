"""The ledger of finished uploads: one duplicate guard for the CLI and the GUI, keyed by account.

A file counts as "already uploaded" only for the account (and region) it went to: the same file sent with a
profile of another Alibaba Cloud account is a new upload. The account is what STS GetCallerIdentity answers for
the credential that signs the VOD calls (``acs:<AccountId>``), or, for a profile whose AppServer makes the VOD
calls and never hands out a credential, the AppServer's normalised URL (``appserver:<url>``).

A file is identified by its path, size and modification time, and by its content: the object CRC64 the upload
computed from the bytes it read. :meth:`Ledger.find` matches the same path, size and mtime; failing that, a file
of a recorded size is hashed and matched by CRC64 (a copy, a moved or touched file). Nothing is hashed when no
upload of that size was recorded for the account.

The ledger is its own SQLite file in the data directory (``ledger.sqlite3``), so the queue database can change
shape without touching it. An entry is written before its queue item becomes DONE: a crash in between leaves an
item that resumes (same VideoId), never a finished upload the guard does not know.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit, urlunsplit

from vodgui.core.integrity import crc64_file
from vodgui.core.sqlite_file import SqliteFile
from vodgui.core.transfer.record import AttachedDetails, Details, ImageDetails, JobRecord, Kind

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS uploads (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account TEXT NOT NULL,
    region TEXT NOT NULL,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    crc64 TEXT,
    media_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    finished_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS uploads_identity ON uploads(account, region, size);
"""

Checksum = Callable[[str], int]


@dataclass(frozen=True)
class LedgerEntry:
    """One finished upload.

    Attributes:
        media_id: the VideoId, ImageId or MediaId it created.
        same_content: set by :meth:`Ledger.find`: True when matched by size and CRC64 rather than by path, size
            and mtime.
    """

    account: str
    region: str
    path: str
    size: int
    mtime_ns: int
    crc64: str | None
    media_id: str
    kind: str
    finished_at: float
    same_content: bool = False


class Ledger(SqliteFile):
    """Thread-safe access to the ledger file; each method is one transaction."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self._db.executescript(_SCHEMA)

    def record(self, account: str, region: str, path: str, size: int, mtime_ns: int, crc64: int | str | None,
               media_id: str, kind: str) -> None:
        """Remember that ``path`` (this size, mtime and content) became ``media_id`` in ``account``/``region``."""
        with self._tx() as db:
            db.execute(
                "INSERT INTO uploads (account, region, path, size, mtime_ns, crc64, media_id, kind, finished_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (account, region, path, size, mtime_ns, None if crc64 is None else str(crc64), media_id, kind,
                 time.time()),
            )

    def has_size(self, size: int) -> bool:
        """Whether any upload of ``size`` bytes is recorded, in any account (answers without the account)."""
        with self._lock:
            return self._db.execute("SELECT 1 FROM uploads WHERE size = ? LIMIT 1", (size,)).fetchone() is not None

    def find(self, account: str, region: str, path: str, size: int, mtime_ns: int, *, kind: str | None = None,
             checksum: Checksum = crc64_file) -> LedgerEntry | None:
        """The latest upload of this file to ``account``/``region`` (of ``kind``, if given), or None.

        The same path, size and mtime match at once; otherwise, when an upload of the same size with a CRC64 is
        recorded, the file is hashed with ``checksum`` and matched by content. An unreadable file matches only by
        path, size and mtime.
        """
        query = ("SELECT account, region, path, size, mtime_ns, crc64, media_id, kind, finished_at FROM uploads"
                 " WHERE account = ? AND region = ? AND size = ?")
        args: list[object] = [account, region, size]
        if kind is not None:
            query += " AND kind = ?"
            args.append(kind)
        with self._lock:
            rows = self._db.execute(query + " ORDER BY finished_at DESC, id DESC", args).fetchall()
        entries = [LedgerEntry(*row) for row in rows]
        for entry in entries:
            if entry.path == path and entry.mtime_ns == mtime_ns:
                return entry
        by_content = [e for e in entries if e.crc64 is not None]
        if not by_content:
            return None
        try:
            crc = str(checksum(path))
        except OSError:
            return None
        match = next((e for e in by_content if e.crc64 == crc), None)
        return None if match is None else replace(match, same_content=True)

    def entries(self) -> list[LedgerEntry]:
        """Every recorded upload, newest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT account, region, path, size, mtime_ns, crc64, media_id, kind, finished_at FROM uploads"
                " ORDER BY finished_at DESC, id DESC").fetchall()
        return [LedgerEntry(*row) for row in rows]


def appserver_account(url: str) -> str:
    """What identifies the account behind an AppServer that makes the VOD calls itself: its URL, normalised
    (scheme and host lower case, default port and trailing slash dropped)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    default_port = {"http": 80, "https": 443}.get(scheme)
    netloc = host if parts.port in (None, default_port) else f"{host}:{parts.port}"
    return "appserver:" + urlunsplit((scheme, netloc, parts.path.rstrip("/"), parts.query, ""))


class AccountIdentity:
    """The account key of one profile, learned once (``learn`` may call GetCallerIdentity) and then cached.

    ``learn`` runs on first use, not when the profile's session is built: building a session stays offline.
    A failed lookup is not cached, so the next use tries again.
    """

    def __init__(self, learn: Callable[[], str], region: str) -> None:
        self._learn = learn
        self.region = region
        self._lock = threading.Lock()
        self._key: str | None = None

    def key(self) -> str:
        with self._lock:
            if self._key is None:
                self._key = self._learn()
                log.info("uploads of this profile go to %s (%s)", self._key, self.region)
            return self._key


def ledger_kind(kind: Kind, details: Details | None = None) -> str:
    """What a file was uploaded as: the item kind, refined by the image type or the attached media's business
    type (a subtitle file uploaded as a watermark is another upload, not a duplicate)."""
    sub = details.business_type if isinstance(details, AttachedDetails) else (
        details.image_type if isinstance(details, ImageDetails) else None)
    return f"{kind.value}/{sub}" if sub else kind.value


class ProfileLedger:
    """The ledger seen from one profile: its account and region are filled in."""

    def __init__(self, ledger: Ledger, identity: AccountIdentity) -> None:
        self.ledger = ledger
        self.identity = identity

    def account(self) -> str:
        return self.identity.key()

    def find(self, path: str, size: int, mtime_ns: int, *, kind: str | None = None,
             checksum: Checksum = crc64_file) -> LedgerEntry | None:
        """The earlier upload of this file to this profile's account, or None. No network call unless an upload
        of this size is recorded (then the account may have to be learned once)."""
        if not self.ledger.has_size(size):
            return None
        return self.ledger.find(self.account(), self.identity.region, path, size, mtime_ns, kind=kind,
                                checksum=checksum)

    def record_item(self, item: JobRecord, crc64: int | str | None) -> None:
        """Record a finished queue item (called by the job before the item becomes DONE)."""
        if not item.media_id:
            return
        self.ledger.record(self.account(), self.identity.region, item.path, item.size, item.mtime_ns, crc64,
                           item.media_id, ledger_kind(item.kind, item.details))


class _Session(Protocol):
    ledger: ProfileLedger | None


def account_key(session: _Session) -> str | None:
    """The account a profile's session uploads to (cached per session), or None for a session without ledger."""
    return session.ledger.account() if session.ledger is not None else None


def record_finished(session: _Session, item: JobRecord, crc64: int | str | None) -> None:
    """The job's finalize step: remember the upload in the ledger before the item becomes DONE.

    A local write failure propagates (the item then fails and resumes later with the same media id); an account
    that cannot be learned (the network is down right after the upload) is logged, since the upload itself
    succeeded.
    """
    if session.ledger is None:
        return
    from vodgui.core.errors import VodError

    try:
        session.ledger.record_item(item, crc64)
    except VodError as err:
        log.warning("the upload of %s is not in the ledger (its account is unknown: %s)", item.path, err.code)
