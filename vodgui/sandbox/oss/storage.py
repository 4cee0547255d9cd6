"""Object and part bodies on disk: streaming ingest with MD5 + CRC-64, and multipart assembly.

Bodies never sit whole in memory. :meth:`BlobStore.ingest` reads the request body into a reused 1 MiB buffer,
feeds each chunk to MD5 (hashlib releases the GIL for large inputs) and CRC-64 (anycrc) and writes
it to a *sink*: a fresh temporary file (PutObject, odd parts) or a region of the upload's data file (see below).
A failure, including a client that hangs up mid-body, removes the temporary file or leaves the region
unregistered: no half object or part ever becomes visible.

Why an upload data file: every SDK splits a file into equal parts plus a shorter last one. Once part 1 fixes that
stride, part *n* of the same size belongs at offset ``(n - 1) * stride`` of the final object, so it is written
there directly (sparse file). CompleteMultipartUpload then only copies the few parts that could not be placed
(the short last part, parts that arrived before part 1, re-uploads) and renames the file: no second pass over
gigabytes. Anything unusual (a skipped part number...) falls back to copying every part into a new file.

Layout under ``<blob_dir>/oss``: ``objects/<2 hex>/<sha1>-<rand>.obj``, ``parts/<upload id>/data.bin`` and
``parts/<upload id>/<nnnnn>-<rand>.part``, and ``tmp/`` for bodies in flight. Every object version gets a fresh
file name, so a GET that already opened the previous version keeps reading consistent bytes.
"""

from __future__ import annotations

import errno
import hashlib
import os
import queue
import shutil
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from vodgui.sandbox.oss.crc64 import new_crc64

#: Read size for request bodies. 1 MiB keeps syscall and per-chunk Python overhead low (a 16 MiB part is 16
#: iterations) while a handful of concurrent uploads stay far below the RSS budget.
CHUNK = 1 << 20

#: Writing a part far into a file is free where files are sparse; NTFS would zero-fill the gap first.
SPARSE_FILES = sys.platform.startswith(("linux", "darwin", "freebsd"))

_O_BINARY = getattr(os, "O_BINARY", 0)


class BodySource(Protocol):
    """What :meth:`BlobStore.ingest` reads: a request body (:class:`~vodgui.sandbox.http.BodyReader`) or a URL
    pull's download."""

    def readinto(self, buf: memoryview) -> int:
        """Fill up to ``len(buf)`` bytes; 0 at the end."""


class StaleWrite(Exception):
    """A region write was stopped because its upload is being completed or was aborted."""


class _Buffer:
    """A read buffer and a view of it (MD5 and the CRC hash slices of the view in place, without a copy)."""

    def __init__(self, size: int) -> None:
        self.data = bytearray(size)
        self.view = memoryview(self.data)


class _BufferPool:
    """Reusable read buffers: the server runs one thread per connection, so allocate per concurrent body."""

    def __init__(self, size: int, keep: int = 16) -> None:
        self._size = size
        self._free: queue.LifoQueue[_Buffer] = queue.LifoQueue(maxsize=keep)

    def acquire(self) -> _Buffer:
        try:
            return self._free.get_nowait()
        except queue.Empty:
            return _Buffer(self._size)

    def release(self, buf: _Buffer) -> None:
        try:
            self._free.put_nowait(buf)
        except queue.Full:
            pass


_BUFFERS = _BufferPool(CHUNK)


@dataclass(frozen=True)
class Ingested:
    """A received body: where it is, how big, and its checksums."""

    path: Path
    offset: int
    size: int
    md5: bytes
    crc64: int


@dataclass(frozen=True)
class Segment:
    """``size`` bytes of ``path`` starting at ``offset``."""

    path: Path
    offset: int
    size: int


class Region:
    """Where a region write goes: ``path`` at ``offset``, guarded by ``lock`` while ``alive()`` holds."""

    def __init__(self, path: Path, offset: int, lock: threading.Lock, alive: Callable[[], bool]) -> None:
        self.path = path
        self.offset = offset
        self.lock = lock
        self.alive = alive


class BlobStore:
    """File naming and the heavy operations (ingest, assemble) for one sandbox's OSS data."""

    def __init__(self, blob_dir: Path) -> None:
        self.blob_dir = blob_dir

    @property
    def root(self) -> Path:
        return self.blob_dir / "oss"

    def _dir(self, *parts: str) -> Path:
        # Created on demand: a control-plane reset wipes the whole blob directory under our feet.
        path = self.root.joinpath(*parts)
        path.mkdir(parents=True, exist_ok=True)
        return path

    def relative(self, path: Path) -> str:
        return path.relative_to(self.blob_dir).as_posix()

    def absolute(self, rel: str) -> Path:
        return self.blob_dir / rel

    def object_path(self, bucket: str, key: str) -> Path:
        digest = hashlib.sha1(f"{bucket}\0{key}".encode()).hexdigest()
        return self._dir("objects", digest[:2]) / f"{digest}-{os.urandom(6).hex()}.obj"

    def part_path(self, upload_id: str, part_number: int) -> Path:
        return self._dir("parts", upload_id) / f"{part_number:05d}-{os.urandom(6).hex()}.part"

    def data_path(self, upload_id: str) -> Path:
        return self._dir("parts", upload_id) / "data.bin"

    def remove_upload_dir(self, upload_id: str) -> None:
        shutil.rmtree(self.root / "parts" / upload_id, ignore_errors=True)

    def clean_tmp(self) -> None:
        """Remove bodies left in flight by a crash (called at start-up)."""
        shutil.rmtree(self.root / "tmp", ignore_errors=True)

    def _tmp_file(self) -> tuple[int, Path]:
        name = self._dir("tmp") / f"{os.urandom(8).hex()}.tmp"
        return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o600), name

    # -- ingest ----------------------------------------------------------------------------------------------
    def ingest(self, body: BodySource, region: Region | None = None) -> Ingested:
        """Stream the rest of ``body`` into a temporary file (or into ``region``), hashing as it goes.

        Re-raises whatever the body raises (e.g. :class:`~vodgui.sandbox.http.ClientGone`), and
        :class:`StaleWrite` if the region's upload went away, after removing the temporary file.
        """
        if region is None:
            fd, path = self._tmp_file()
            offset = 0
        else:
            path, offset = region.path, region.offset
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | _O_BINARY, 0o600)
        buf = _BUFFERS.acquire()
        view = buf.view
        md5 = hashlib.md5()
        crc = new_crc64()
        size = 0
        ok = False
        try:
            while True:
                n = body.readinto(view)
                if n <= 0:
                    break
                chunk = view[:n]
                md5.update(chunk)  # hashlib releases the GIL for large inputs
                crc.update(chunk)  # anycrc: several GB/s, a tiny share of the request's time
                if region is None:
                    _write_all(fd, chunk)
                else:
                    # Under the upload's region lock, so Complete can stop late writers of a stale request
                    # before it reuses or renames the data file.
                    with region.lock:
                        if not region.alive():
                            raise StaleWrite
                        _pwrite_all(fd, chunk, offset + size)
                size += n
            ok = True
        finally:
            _BUFFERS.release(buf)
            os.close(fd)
            if not ok and region is None:
                _unlink(path)
        return Ingested(path, offset, size, md5.digest(), crc.crcValue)

    # -- assembly --------------------------------------------------------------------------------------------
    def assemble(self, segments: list[Segment], dest: Path) -> None:
        """Concatenate ``segments`` into a new file ``dest`` (a temporary file renamed at the end)."""
        fd, tmp = self._tmp_file()
        try:
            position = 0
            for seg in segments:
                _copy_segment(seg, fd, position)
                position += seg.size
            os.close(fd)
            fd = -1
            os.replace(tmp, dest)
        except BaseException:
            if fd >= 0:
                os.close(fd)
            _unlink(tmp)
            raise

    def assemble_in_place(self, data: Path, fixups: list[tuple[Segment, int]], total: int, dest: Path) -> None:
        """Finish an upload data file: copy each fixup segment to its offset, cut at ``total``, rename."""
        fd = os.open(data, os.O_RDWR | _O_BINARY)
        try:
            for seg, position in fixups:
                _copy_segment(seg, fd, position)
            os.ftruncate(fd, total)
        finally:
            os.close(fd)
        os.replace(data, dest)

    @staticmethod
    def commit(tmp: Path, dest: Path) -> None:
        os.replace(tmp, dest)

    @staticmethod
    def discard(path: Path | None) -> None:
        if path is not None:
            _unlink(path)


def _write_all(fd: int, data: memoryview) -> None:
    while data:
        data = data[os.write(fd, data):]


def _pwrite_all(fd: int, data: memoryview, offset: int) -> None:
    while data:
        written = os.pwrite(fd, data, offset)
        data = data[written:]
        offset += written


_NO_COPY_FILE_RANGE = frozenset({errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ETXTBSY})


def _copy_segment(seg: Segment, dst: int, position: int) -> None:
    """Copy ``seg`` to ``dst`` at ``position``: in the kernel where possible (``copy_file_range`` moves
    page-cache pages without a trip through user space), else with a large buffer."""
    src = os.open(seg.path, os.O_RDONLY | _O_BINARY)
    try:
        copied = 0
        if hasattr(os, "copy_file_range"):  # Linux
            try:
                while copied < seg.size:
                    n = os.copy_file_range(src, dst, seg.size - copied, seg.offset + copied, position + copied)
                    if n == 0:
                        raise OSError(errno.EIO, f"{seg.path} is shorter than expected")
                    copied += n
                return
            except OSError as exc:
                if exc.errno not in _NO_COPY_FILE_RANGE or copied:
                    raise
        # Portable fallback (os.pread/pwrite do not exist on Windows): seek both descriptors, large buffer.
        buf = bytearray(8 << 20)
        view = memoryview(buf)
        os.lseek(src, seg.offset + copied, os.SEEK_SET)
        os.lseek(dst, position + copied, os.SEEK_SET)
        while copied < seg.size:
            n = os.readv(src, [view[: min(len(buf), seg.size - copied)]]) if hasattr(os, "readv") \
                else _read_into(src, view[: min(len(buf), seg.size - copied)])
            if n == 0:
                raise OSError(errno.EIO, f"{seg.path} is shorter than expected")
            _write_all(dst, view[:n])
            copied += n
    finally:
        os.close(src)


def _read_into(fd: int, view: memoryview) -> int:
    data = os.read(fd, len(view))
    view[: len(data)] = data
    return len(data)


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError:  # e.g. Windows refuses to delete a file another request is still sending
        pass
