"""Turning what the user dropped or picked into queue items: folder walks, the media filter, and the
"already uploaded" check against the ledger of the profile's account (same file, or same content).

Everything here does file-system I/O and hashing, so the GUI runs it off its thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from vodgui.core.integrity import crc64_file
from vodgui.core.ledger import LedgerEntry, ProfileLedger, ledger_kind
from vodgui.core.media_items import kind_for_path
from vodgui.core.transfer.record import AttachedDetails, Details, ImageDetails, Kind
from vodgui.core.vod import MEDIA_EXTENSIONS, extension_of


class FoundFile(NamedTuple):
    """A file to queue, with the size and mtime read when it was found. (A tuple of plain values: the garbage
    collector stops walking it at once, which matters when a folder holds 100,000 files.)"""

    path: str
    size: int
    mtime_ns: int


#: Why a dropped path is not queued (it could only fail): the front ends word these.
REJECT_UNSUPPORTED = "unsupported"  # a file whose extension VOD does not take
REJECT_EMPTY = "empty"  # 0 bytes: VOD refuses it
REJECT_UNREADABLE = "unreadable"  # no permission, or an I/O error
REJECT_MISSING = "missing"  # gone between the drop and the walk
REJECT_NO_MEDIA = "no_media"  # a folder with no file to upload in it


@dataclass(frozen=True)
class Rejected:
    path: str
    reason: str


@dataclass
class ScanResult:
    """What a walk found.

    Attributes:
        files: media files (or all files, when asked), absolute paths, in a stable order.
        ignored: files left out because their extension is not video or audio.
        unreadable: paths that could not be read (gone, no permission).
        rejected: what was given but can only fail, with the reason (see the ``REJECT_`` codes): each file given
            directly, and each folder with nothing to upload. Files inside folders that are not media are only
            counted in ``ignored`` (a folder of clips usually holds other files too).
    """

    files: list[FoundFile] = field(default_factory=list)
    ignored: int = 0
    unreadable: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


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

    def reject(path: str, reason: str) -> None:
        result.rejected.append(Rejected(path, reason))
        if reason in (REJECT_UNREADABLE, REJECT_MISSING):
            result.unreadable.append(path)

    def take(path: str, st: os.stat_result | None, direct: bool = False) -> None:
        if path in seen:
            return
        seen.add(path)
        if not all_files and extension_of(path) not in extensions:
            if direct:
                reject(path, REJECT_UNSUPPORTED)
            else:
                result.ignored += 1
            return
        if st is None:
            try:
                st = os.stat(path)
            except FileNotFoundError:
                reject(path, REJECT_MISSING)
                return
            except OSError:
                reject(path, REJECT_UNREADABLE)
                return
        if st.st_size == 0:
            reject(path, REJECT_EMPTY)
        elif not os.access(path, os.R_OK):
            reject(path, REJECT_UNREADABLE)
        else:
            result.files.append(FoundFile(path, st.st_size, st.st_mtime_ns))

    for raw in paths:
        top = os.path.abspath(raw)
        if os.path.isdir(top):
            before = (len(result.files), len(result.rejected))
            ignored = result.ignored
            _walk(top, take, result)
            if (len(result.files), len(result.rejected)) == before:
                result.ignored = ignored  # said once, by the folder
                reject(top, REJECT_NO_MEDIA)
        elif os.path.exists(top):
            take(top, None, direct=True)
        else:
            reject(top, REJECT_MISSING)
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
            result.rejected.append(Rejected(folder, REJECT_UNREADABLE))
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
                result.rejected.append(Rejected(entry.path, REJECT_UNREADABLE))
        stack.extend(reversed(subfolders))  # popped in name order


@dataclass(frozen=True)
class Duplicate:
    """A found file that the ledger says was uploaded before to the same account.

    Attributes:
        file: the file being added.
        entry: the earlier upload (the most recent one when there are several); ``entry.same_content`` is True
            when it matched by size and CRC64 (a copy, or a moved or touched file), False when the path, size and
            modification time are all the same.
    """

    file: FoundFile
    entry: LedgerEntry

    @property
    def same_content(self) -> bool:
        return self.entry.same_content


def dropped_kind(path: str) -> str:
    """The ledger kind of a dropped file queued as it is (images as ``default``, subtitles as ``subtitle``)."""
    kind = kind_for_path(path)
    defaults: dict[Kind, Details] = {Kind.IMAGE: ImageDetails("default"), Kind.ATTACHED: AttachedDetails("subtitle")}
    return ledger_kind(kind, defaults.get(kind))


def find_uploaded(ledger: ProfileLedger, files: list[FoundFile], kind_of: Callable[[str], str] | None = None,
                  checksum: Callable[[str], int] = crc64_file) -> list[Duplicate]:
    """Which ``files`` were uploaded before to the ledger's account: same path, size and mtime, or else same size
    and CRC64 (:meth:`ProfileLedger.find`). ``kind_of`` gives the kind a file would be queued as (an earlier upload
    of another kind does not count).

    A file is hashed only when an earlier upload to the account has exactly its size; the account is learned
    (one GetCallerIdentity per profile) only when some earlier upload has the size of a file of the batch.
    """
    found: list[Duplicate] = []
    for f in files:
        entry = ledger.find(f.path, f.size, f.mtime_ns, kind=kind_of(f.path) if kind_of else None,
                            checksum=checksum)
        if entry is not None:
            found.append(Duplicate(f, entry))
    return found
