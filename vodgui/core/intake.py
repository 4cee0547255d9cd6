"""Turning what the user dropped or picked into queue items: folder walks, the media filter, and the
"already uploaded" check against the history (same file, or same content).

Everything here does file-system I/O and hashing, so the GUI runs it off its thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from vodgui.core.integrity import crc64_file
from vodgui.core.store import HistoryRecord, QueueStore
from vodgui.core.vod import MEDIA_EXTENSIONS, extension_of


@dataclass(frozen=True)
class FoundFile:
    """A file to queue, with the size and mtime read when it was found."""

    path: str
    size: int
    mtime_ns: int


@dataclass
class ScanResult:
    """What a walk found.

    Attributes:
        files: media files (or all files, when asked), absolute paths, in a stable order.
        ignored: files left out because their extension is not video or audio.
        unreadable: paths that could not be read (gone, no permission).
    """

    files: list[FoundFile] = field(default_factory=list)
    ignored: int = 0
    unreadable: list[str] = field(default_factory=list)


def scan(paths: Iterable[str], *, all_files: bool = False,
         extensions: frozenset[str] = MEDIA_EXTENSIONS) -> ScanResult:
    """Expand ``paths`` (files and folders, recursively) into files to upload.

    Folders are walked depth first, entries sorted by name so the queue keeps the order a file manager shows; a
    folder's own files come before those of its subfolders.
    Hidden entries inside folders (``.DS_Store``, ``._clip.mov``) are skipped; symbolic links to folders are not
    followed (no loops). A path given twice, directly or through a folder, is listed once.
    """
    result = ScanResult()
    seen: set[str] = set()

    def take(path: str, st: os.stat_result | None) -> None:
        if path in seen:
            return
        seen.add(path)
        if not all_files and extension_of(path) not in extensions:
            result.ignored += 1
            return
        if st is None:
            try:
                st = os.stat(path)
            except OSError:
                result.unreadable.append(path)
                return
        result.files.append(FoundFile(path, st.st_size, st.st_mtime_ns))

    for raw in paths:
        top = os.path.abspath(raw)
        if os.path.isdir(top):
            _walk(top, take, result)
        elif os.path.exists(top):
            take(top, None)
        else:
            result.unreadable.append(top)
    return result


def _walk(top: str, take: Callable[[str, os.stat_result | None], None], result: ScanResult) -> None:
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name.casefold())
        except OSError:
            result.unreadable.append(folder)
            continue
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir(follow_symlinks=False):
                    subfolders.append(entry.path)
                elif entry.is_file():
                    take(entry.path, entry.stat())
            except OSError:
                result.unreadable.append(entry.path)
        stack.extend(reversed(subfolders))  # popped in name order


@dataclass(frozen=True)
class Duplicate:
    """A found file that the history says was uploaded before.

    Attributes:
        file: the file being added.
        record: the earlier upload (the most recent one when there are several).
        same_content: True when matched by size and CRC64 (a copy, or a moved or touched file); False when the
            path, size and modification time are all the same.
    """

    file: FoundFile
    record: HistoryRecord
    same_content: bool


def find_uploaded(store: QueueStore, files: list[FoundFile],
                  checksum: Callable[[str], int] = crc64_file) -> list[Duplicate]:
    """Which ``files`` were uploaded before: same path, size and mtime, or else same size and CRC64.

    The history is read once and indexed (one query for any batch size, instead of two per file), so adding
    10,000 files stays fast; a file is hashed only when an earlier upload has exactly its size.
    """
    if not files:
        return []
    by_identity: dict[tuple[str, int, int], HistoryRecord] = {}
    by_size: dict[int, list[HistoryRecord]] = {}
    for rec in store.history():  # newest first: the first one kept is the latest upload
        by_identity.setdefault((rec.path, rec.size, rec.mtime_ns), rec)
        if rec.crc64:
            by_size.setdefault(rec.size, []).append(rec)
    found: list[Duplicate] = []
    for f in files:
        same = by_identity.get((f.path, f.size, f.mtime_ns))
        if same is not None:
            found.append(Duplicate(f, same, False))
            continue
        candidates = by_size.get(f.size)
        if not candidates:
            continue
        try:
            crc = str(checksum(f.path))
        except OSError:
            continue  # unreadable now: the job will report it
        match = next((r for r in candidates if r.crc64 == crc), None)
        if match is not None:
            found.append(Duplicate(f, match, True))
    return found
