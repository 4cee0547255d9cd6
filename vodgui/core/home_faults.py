"""Faults of the local machine: a vodgui home that is full or cannot be written.

The queue, the ledger, profiles, settings and logs all live under the home (``VODGUI_HOME`` or the platform's
folders). When the disk under it is full or the folder is read-only, SQLite and file writes fail deep inside
whatever was running; :func:`home_fault` recognises those failures and turns them into one typed error that names
the directory and what to free, for a front end to show instead of a traceback.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.paths import AppDirs

HOME_FULL = "HomeFull"
HOME_NOT_WRITABLE = "HomeNotWritable"

#: Free space to ask for: the queue, the ledger and the logs grow by a few MB in a long session.
WANTED_FREE = 50_000_000

_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT} if hasattr(errno, "EDQUOT") else {errno.ENOSPC}
_READONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}
_SQLITE_FULL = ("database or disk is full", "disk i/o error")
_SQLITE_READONLY = ("attempt to write a readonly database", "unable to open database file", "readonly database")


class HomeFault(VodError):
    """The vodgui home is full or not writable.

    ``details``: ``directory`` (where the write failed), ``free`` (bytes free on its disk, None if unknown),
    ``used`` (bytes vodgui's own files take there, by folder: ``{"logs": n, "sandbox": n, "queue": n}``).
    """


def _size(path: Path) -> int:
    total = 0
    if path.is_file():
        return path.stat().st_size
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


def _usage(dirs: AppDirs) -> dict[str, int]:
    """What vodgui itself keeps in the home, largest first (what the user could free)."""
    parts = {
        "logs": dirs.logs,
        "sandbox": dirs.data / "sandbox",
        "queue": dirs.data / "queue.sqlite3",
        "ledger": dirs.data / "ledger.sqlite3",
    }
    sizes: dict[str, int] = {}
    for name, path in parts.items():
        try:
            if path.exists():
                sizes[name] = _size(path)
        except OSError:
            continue
    for name in ("queue", "ledger"):  # WAL and shared-memory files belong to their database
        for suffix in ("-wal", "-shm"):
            extra = parts[name].with_name(parts[name].name + suffix)
            if extra.exists():
                sizes[name] = sizes.get(name, 0) + extra.stat().st_size
    return dict(sorted(sizes.items(), key=lambda kv: -kv[1]))


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def _kind_of(exc: BaseException) -> str | None:
    if isinstance(exc, OSError) and exc.errno is not None:
        if exc.errno in _FULL_ERRNOS:
            return HOME_FULL
        if exc.errno in _READONLY_ERRNOS:
            return HOME_NOT_WRITABLE
        return None
    if isinstance(exc, sqlite3.Error):
        text = str(exc).lower()
        if any(s in text for s in _SQLITE_FULL):
            return HOME_FULL
        if any(s in text for s in _SQLITE_READONLY):
            return HOME_NOT_WRITABLE
    return None


def _inside(path: Path, dirs: AppDirs) -> bool:
    for top in (dirs.config, dirs.data, dirs.logs):
        try:
            path.resolve().relative_to(top.resolve())
            return True
        except ValueError:
            continue
    return False


def home_fault(exc: BaseException, dirs: AppDirs | None = None, *, data_dir: Path | None = None) -> HomeFault | None:
    """A :class:`HomeFault` when ``exc`` (or what caused it) is a write into the home that failed because the
    disk is full or the folder is read-only; None for anything else (a video file that cannot be read is the
    job's business, not the home's).

    ``dirs``: the home's folders; a database that knows only where it lives passes its ``data_dir`` instead.
    """
    if dirs is None:
        if data_dir is None:
            raise TypeError("home_fault needs dirs or data_dir")
        dirs = AppDirs(data_dir.parent / "config", data_dir, data_dir.parent / "logs")
    if isinstance(exc, HomeFault):
        return exc
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        kind = _kind_of(cur)
        if kind is not None:
            filename = getattr(cur, "filename", None)
            if filename and not _inside(Path(str(filename)), dirs):
                return None
            return _fault(kind, Path(str(filename)).parent if filename else dirs.data, dirs)
        cur = cur.__cause__ or cur.__context__
    return None


def _fault(kind: str, directory: Path, dirs: AppDirs) -> HomeFault:
    try:
        free: int | None = shutil.disk_usage(directory if directory.exists() else dirs.data).free
    except OSError:
        free = None
    used = _usage(dirs)
    params: dict[str, object] = {"directory": str(directory)}
    if kind == HOME_FULL:
        params.update(free=_mb(free) if free is not None else "0 MB", want=_mb(WANTED_FREE),
                      used=", ".join(f"{name} {_mb(n)}" for name, n in used.items() if n) or "-")
    return HomeFault(kind, params=params, kind=ErrorKind.CONFIG,
                     details={"directory": str(directory), "free": free, "used": used})

@contextmanager
def raise_home_faults(data_dir: Path) -> Iterator[None]:
    """Within this block, a write to a database in ``data_dir`` that fails because the disk is full or read-only
    raises :class:`HomeFault` (typed, with the directory and what to free) instead of ``sqlite3.Error``."""
    try:
        yield
    except (OSError, sqlite3.Error) as exc:
        fault = home_fault(exc, data_dir=data_dir)
        if fault is None:
            raise
        raise fault from exc
