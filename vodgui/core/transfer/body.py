"""Request bodies read straight from the file: byte-level progress, bandwidth limit, prompt pause/cancel."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import Any

from vodgui.core.errors import Cancelled, ErrorKind, VodError
from vodgui.core.transfer.bandwidth import RateLimiter


class FileChanged(VodError):
    def __init__(self, path: str, detail: str) -> None:
        super().__init__("FileChangedDuringUpload",
                         f"{os.path.basename(path)} changed while it was being uploaded ({detail}). Nothing was "
                         "lost: retry to upload the new version from the start.", kind=ErrorKind.FILE)


class PartReader:
    """A file range as a sized, read-only stream for oss2/requests.

    Every ``read`` reports the bytes handed to the HTTP layer (``on_bytes``), waits for the shared rate limiter,
    and raises :class:`Cancelled` as soon as ``stop`` is set, which aborts the HTTP request mid-body.
    """

    def __init__(self, path: str, offset: int, size: int, *, on_bytes: Callable[[int], None],
                 stop: threading.Event, limiter: RateLimiter | None = None) -> None:
        self._path = path
        self._offset = offset
        self._size = size
        self._pos = 0
        self._on_bytes = on_bytes
        self._stop = stop
        self._limiter = limiter
        try:
            self._file = open(path, "rb")  # noqa: SIM115 - closed in close()
        except OSError as exc:
            raise VodError("FileVanished", f"{os.path.basename(path)} can no longer be read ({exc.strerror}). "
                           "Put it back and retry; the parts already sent are kept.", kind=ErrorKind.FILE) from None
        self._file.seek(offset)
        self.sent = 0  # bytes reported through on_bytes (for rewinding on failure)

    def __len__(self) -> int:
        return self._size

    @property
    def len(self) -> int:  # oss2 looks for .len as well
        return self._size

    def read(self, amt: int | None = -1) -> bytes:
        if self._stop.is_set():
            raise Cancelled("interrupted")
        left = self._size - self._pos
        if left <= 0:
            return b""
        n = left if amt is None or amt < 0 else min(amt, left)
        if self._limiter is not None:
            self._limiter.acquire(n, self._stop)
            if self._stop.is_set():
                raise Cancelled("interrupted")
        data = self._file.read(n)
        if len(data) < n:
            raise FileChanged(self._path, "it became shorter")
        self._pos += len(data)
        self.sent += len(data)
        self._on_bytes(len(data))
        return data

    def tell(self) -> int:
        return self._pos

    def seek(self, pos: int, whence: int = 0) -> int:
        # requests probes the size with seek/tell; rewinding a body must rewind our position too.
        if whence == 0:
            target = pos
        elif whence == 1:
            target = self._pos + pos
        else:
            target = self._size + pos
        self._pos = max(0, min(self._size, target))
        self._file.seek(self._offset + self._pos)
        return self._pos

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> PartReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class InlineExecutor(Executor):
    """Runs each task at submit time: deterministic part order for tests."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:
            future.set_exception(exc)
        return future
