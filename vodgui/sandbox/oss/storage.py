"""Object and part bodies on disk: streaming ingest with MD5 + CRC-64, and multipart assembly.

Bodies never sit whole in memory. :func:`ingest` reads the request body into a reused 1 MiB buffer, feeds each
chunk to MD5 (hashlib releases the GIL for large inputs) and CRC-64 (crcmod's C extension), writes it to a
temporary file and returns the file for the caller to rename into place. Any failure, including a client that
hangs up mid-body, removes the temporary file: no half object or part is ever visible.

Layout under ``<blob_dir>/oss``: ``objects/<2 hex>/<sha1>-<rand>.obj``,
``parts/<upload id>/<nnnnn>-<rand>.part`` and ``tmp/`` for bodies in flight. Every version gets a fresh file
name, so a GET that already opened the previous version keeps reading consistent bytes while a new one
replaces it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import queue
import shutil
from dataclasses import dataclass
from pathlib import Path

from vodgui.sandbox.http import BodyReader
from vodgui.sandbox.oss.crc64 import new_crc64

#: Read size for request bodies. 1 MiB keeps syscall and per-chunk Python overhead low (a 16 MiB part is 16
#: iterations) while a handful of concurrent uploads stay far below the RSS budget.
CHUNK = 1 << 20


class _BufferPool:
    """Reusable read buffers: the server runs one thread per connection, so allocate per concurrent body."""

    def __init__(self, size: int, keep: int = 16) -> None:
        self._size = size
        self._free: queue.LifoQueue[bytearray] = queue.LifoQueue(maxsize=keep)

    def acquire(self) -> bytearray:
        try:
            return self._free.get_nowait()
        except queue.Empty:
            return bytearray(self._size)

    def release(self, buf: bytearray) -> None:
        try:
            self._free.put_nowait(buf)
        except queue.Full:
            pass


_BUFFERS = _BufferPool(CHUNK)


@dataclass(frozen=True)
class Ingested:
    """A body written to a temporary file: where, how big, and its checksums."""

    path: Path
    size: int
    md5: bytes
    crc64: int


class BlobStore:
    """File naming and the two heavy operations (ingest, assemble) for one sandbox's OSS data."""

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

    def remove_upload_dir(self, upload_id: str) -> None:
        shutil.rmtree(self.root / "parts" / upload_id, ignore_errors=True)

    def clean_tmp(self) -> None:
        """Remove bodies left in flight by a crash (called at start-up)."""
        shutil.rmtree(self.root / "tmp", ignore_errors=True)

    def _tmp_file(self) -> tuple[int, Path]:
        tmp = self._dir("tmp")
        name = tmp / f"{os.urandom(8).hex()}.tmp"
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        return fd, name

    def ingest(self, body: BodyReader) -> Ingested:
        """Stream the rest of ``body`` into a temporary file, hashing as it goes.

        Raises whatever the body raises (e.g. :class:`~vodgui.sandbox.http.ClientGone`) after removing the
        file.
        """
        fd, path = self._tmp_file()
        buf = _BUFFERS.acquire()
        view = memoryview(buf)
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
                md5.update(chunk)
                crc.update(chunk)
                _write_all(fd, chunk)
                size += n
            ok = True
        finally:
            view.release()
            _BUFFERS.release(buf)
            os.close(fd)
            if not ok:
                _unlink(path)
        return Ingested(path, size, md5.digest(), crc.crcValue)

    def assemble(self, sources: list[Path], dest: Path) -> None:
        """Concatenate ``sources`` into ``dest`` (atomically: a temporary file renamed at the end).

        ``copy_file_range`` lets the kernel copy page-cache pages without a trip through user space; the
        fallbacks cover file systems or kernels that refuse it.
        """
        fd, tmp = self._tmp_file()
        try:
            for src in sources:
                with open(src, "rb") as f:
                    _copy_fd(f.fileno(), fd, os.fstat(f.fileno()).st_size)
            os.close(fd)
            fd = -1
            os.replace(tmp, dest)
        except BaseException:
            if fd >= 0:
                os.close(fd)
            _unlink(tmp)
            raise

    @staticmethod
    def commit(tmp: Path, dest: Path) -> None:
        os.replace(tmp, dest)

    @staticmethod
    def discard(path: Path | None) -> None:
        if path is not None:
            _unlink(path)


def _write_all(fd: int, data: memoryview) -> None:
    while data:
        written = os.write(fd, data)
        data = data[written:]


def _copy_fd(src: int, dst: int, size: int) -> None:
    copied = 0
    if hasattr(os, "copy_file_range"):  # Linux only
        try:
            while copied < size:
                n = os.copy_file_range(src, dst, size - copied)
                if n == 0:
                    raise OSError(errno.EIO, "source file shrank during assembly")
                copied += n
            return
        except OSError as exc:
            if exc.errno not in _NO_COPY_FILE_RANGE or copied:
                raise
    # Fallback: a plain read/write loop with a large buffer.
    buf = bytearray(8 << 20)
    view = memoryview(buf)
    while copied < size:
        n = os.readv(src, [view[: min(len(buf), size - copied)]]) if hasattr(os, "readv") \
            else _read_into(src, view[: min(len(buf), size - copied)])
        if n == 0:
            raise OSError(errno.EIO, "source file shrank during assembly")
        _write_all(dst, view[:n])
        copied += n


def _read_into(fd: int, view: memoryview) -> int:
    data = os.read(fd, len(view))
    view[: len(data)] = data
    return len(data)


_NO_COPY_FILE_RANGE = frozenset({errno.EXDEV, errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ETXTBSY})


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError:  # e.g. Windows refuses to delete a file another request is still sending
        pass
