"""Moving one file into one OSS object: a single PUT, or a resumable multipart upload with parallel parts.

Rules (oss2/resumable.py's, made stricter):

* the server's part list (ListParts) is the truth on resume; a listed part is kept only if its size matches our
  plan, and its CRC64 comes from our records (same ETag) or is recomputed from the file, so the object-level
  CRC check still works after a resume;
* a part that finished is never sent again; a part that failed is retried with backoff, or at once with new
  credentials when OSS says they expired (at most one forced refresh per failed request);
* progress is reported per byte as bodies are read, and rewound when an attempt fails;
* pause and cancel interrupt in-flight parts at their next read.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol, TypeVar

import oss2
from oss2.models import PartInfo

from vodgui.core.clock import Clock
from vodgui.core.errors import Cancelled, ErrorKind, VodError, from_oss_exception
from vodgui.core.integrity import crc64_file, crc64_of_parts
from vodgui.core.retry import call_with_retry
from vodgui.core.sources import UploadCredentials
from vodgui.core.store import PartRecord
from vodgui.core.transfer.bandwidth import RateLimiter
from vodgui.core.transfer.body import FileChanged, PartReader
from vodgui.core.transfer.config import TransferConfig
from vodgui.core.transfer.parts import PartPlan, choose_part_size, plan_parts

log = logging.getLogger(__name__)

T = TypeVar("T")

CONTENT_TYPES = {
    "mp4": "video/mp4", "m4v": "video/mp4", "mov": "video/quicktime", "qt": "video/quicktime",
    "mkv": "video/x-matroska", "webm": "video/webm", "flv": "video/x-flv", "avi": "video/x-msvideo",
    "wmv": "video/x-ms-wmv", "ts": "video/mp2t", "m3u8": "application/x-mpegURL", "mpg": "video/mpeg",
    "mpeg": "video/mpeg", "3gp": "video/3gpp", "mp3": "audio/mpeg", "m4a": "audio/mp4", "aac": "audio/aac",
    "wav": "audio/wav", "flac": "audio/flac", "ogg": "audio/ogg", "png": "image/png", "jpg": "image/jpeg",
    "jpeg": "image/jpeg", "gif": "image/gif", "srt": "text/plain", "vtt": "text/vtt",
}


def content_type_for(path: str) -> str:
    return CONTENT_TYPES.get(os.path.splitext(path)[1].lower().lstrip("."), "application/octet-stream")


def run_parallel(executor: Executor, tasks: Sequence[Callable[[], T]], window: int, failed: threading.Event,
                 stop: threading.Event) -> list[T]:
    """Run ``tasks`` at most ``window`` at a time; results in task order.

    The first real failure sets ``failed`` (so the tasks still running stop at their next read) and is raised
    once they have; it wins over a :class:`Cancelled` of another task. A pause or cancel (``stop``) raises
    :class:`Cancelled`.
    """
    results: dict[int, T] = {}
    pending: dict[Future[T], int] = {}
    queue = deque(enumerate(tasks))
    error: BaseException | None = None
    while queue or pending:
        while queue and len(pending) < max(1, window) and error is None and not stop.is_set():
            number, task = queue.popleft()
            pending[executor.submit(task)] = number
        if not pending:
            break
        done, _ = wait(list(pending), return_when=FIRST_COMPLETED)
        for fut in done:
            number = pending.pop(fut)
            exc = fut.exception()
            if exc is None:
                results[number] = fut.result()
            elif error is None or (isinstance(error, Cancelled) and not isinstance(exc, Cancelled)):
                error = exc
                if not isinstance(exc, Cancelled):
                    failed.set()
    if error is not None:
        raise error
    if stop.is_set():
        raise Cancelled("interrupted")
    return [results[i] for i in range(len(tasks))]


class UploadHooks(Protocol):
    """How the uploader tells its job what happened (the job persists and publishes)."""

    def upload_started(self, upload_id: str, part_size: int) -> None: ...
    def upload_discarded(self, reason: str) -> None: ...
    def part_done(self, part: PartRecord) -> None: ...
    def progress(self, delta: int) -> None: ...
    def completing(self) -> None: ...
    def retrying(self, what: str, error: VodError, attempt: int, delay: float) -> None: ...


@dataclass(frozen=True)
class UploadResult:
    crc64: int | None
    etag: str
    parts_sent: int
    parts_reused: int


@dataclass(frozen=True)
class FileIdentity:
    path: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str) -> FileIdentity:
        st = os.stat(path)
        return cls(path, st.st_size, st.st_mtime_ns)


class ObjectUploader:
    """Uploads ``file`` to ``bucket``/``key``. One instance per attempt of a job."""

    def __init__(self, bucket: oss2.Bucket, key: str, file: FileIdentity, creds: UploadCredentials,
                 config: TransferConfig, clock: Clock, executor: Executor, stop: threading.Event,
                 hooks: UploadHooks, limiter: RateLimiter | None = None) -> None:
        self.bucket = bucket
        self.key = key
        self.file = file
        self.creds = creds
        self.config = config
        self.clock = clock
        self.executor = executor
        self.stop = stop
        self.hooks = hooks
        self.limiter = limiter
        self._failed = threading.Event()  # a part failed for good: stop the others
        self._halt = AnyEvent(stop, self._failed)

    # -- helpers ---------------------------------------------------------------------------------------------
    def _oss(self, what: str, fn: Callable[[], T]) -> T:
        """One OSS request with retries; credential-expiry answers force one refresh of the UploadAuth."""
        used: list[str] = []

        def attempt() -> T:
            used[:] = [self.creds.current_key_id()]
            try:
                return fn()
            except (Cancelled, VodError):
                raise
            except oss2.exceptions.OssError as exc:
                raise from_oss_exception(exc) from None

        return call_with_retry(
            attempt, policy=self.config.retry_policy, clock=self.clock, what=what, interrupt=self._halt,
            refresh=lambda: self.creds.force_refresh(used[0]) if used else None,
            on_retry=self.hooks.retrying,
        )

    def _check_unchanged(self) -> None:
        try:
            now = FileIdentity.of(self.file.path)
        except OSError as exc:
            raise VodError("FileVanished", f"{os.path.basename(self.file.path)} can no longer be read: "
                           f"{exc.strerror}. Put it back and retry.", kind=ErrorKind.FILE) from None
        if (now.size, now.mtime_ns) != (self.file.size, self.file.mtime_ns):
            raise FileChanged(self.file.path, "its size or modification time differs")

    def _send_range(self, what: str, offset: int, size: int, send: Callable[[PartReader], T]) -> T:
        """One request (with retries) whose body is ``size`` bytes of the file from ``offset``. Progress is
        reported as the body is read; the bytes of an attempt that failed are void and taken back."""
        attempt: list[PartReader] = []  # the reader of the attempt in flight

        def rewind() -> None:
            if attempt:
                self.hooks.progress(-attempt.pop().sent)

        def once() -> T:
            rewind()
            with PartReader(self.file.path, offset, size, on_bytes=self.hooks.progress, stop=self._halt,
                            limiter=self.limiter) as reader:
                attempt.append(reader)
                result = send(reader)
                attempt.clear()
                return result

        try:
            return self._oss(what, once)
        except BaseException:
            rewind()
            raise

    # -- single PUT ------------------------------------------------------------------------------------------
    def put(self) -> UploadResult:
        headers = {"Content-Type": content_type_for(self.file.path)}
        result = self._send_range(f"PutObject {self.key}", 0, self.file.size,
                                  lambda body: self.bucket.put_object(self.key, body, headers=headers))
        self._check_unchanged()
        return UploadResult(result.crc, result.etag, 1, 0)

    def put_bytes(self, data: bytes, content_type: str) -> UploadResult:
        """One PUT of ``data`` (a rewritten playlist); progress is reported once it is stored."""
        headers = {"Content-Type": content_type}
        result = self._oss(f"PutObject {self.key}", lambda: self.bucket.put_object(self.key, data, headers=headers))
        self.hooks.progress(len(data))
        return UploadResult(result.crc, result.etag, 1, 0)

    def head(self) -> Any:
        """HeadObject of the key: its result, or None when there is no such object."""
        def do_head() -> Any:
            try:
                return self.bucket.head_object(self.key)
            except oss2.exceptions.NotFound:
                return None

        return self._oss(f"HeadObject {self.key}", do_head)

    # -- multipart -------------------------------------------------------------------------------------------
    def _list_all_parts(self, upload_id: str) -> dict[int, PartInfo]:
        parts: dict[int, PartInfo] = {}
        marker = "0"
        while True:
            def page(m: str = marker) -> Any:
                return self.bucket.list_parts(self.key, upload_id, marker=m, max_parts=1000)

            result = self._oss(f"ListParts {upload_id}", page)
            for p in result.parts:
                parts[p.part_number] = p
            if not result.is_truncated:
                return parts
            marker = str(result.next_marker)

    def multipart(self, upload_id: str | None, part_size: int | None,
                  known: dict[int, PartRecord]) -> UploadResult:
        size = self.file.size
        finished: dict[int, PartRecord] = {}
        if upload_id:
            try:
                listed = self._list_all_parts(upload_id)
            except VodError as err:
                if err.code != "NoSuchUpload":
                    raise
                self.hooks.upload_discarded("The server no longer has the earlier upload session (it was "
                                            "completed, aborted or expired); the file is sent again.")
                upload_id, listed = None, {}
            if upload_id:
                part_size = part_size or choose_part_size(size, self.config)
                plans = {p.number: p for p in plan_parts(size, part_size)}
                for number, info in listed.items():
                    plan = plans.get(number)
                    if plan is None or info.size != plan.size:
                        continue  # a part from another plan: it will be overwritten
                    rec = known.get(number)
                    crc = rec.crc64 if rec is not None and rec.etag == info.etag else None
                    if crc is None:
                        crc = crc64_file(self.file.path, plan.offset, plan.size)
                    finished[number] = PartRecord(number, plan.size, info.etag, crc)
        if not upload_id:
            part_size = choose_part_size(size, self.config)
            headers = {"Content-Type": content_type_for(self.file.path)}
            upload_id = self._oss(f"InitiateMultipartUpload {self.key}",
                                  lambda: self.bucket.init_multipart_upload(self.key, headers=headers).upload_id)
            self.hooks.upload_started(upload_id, part_size)
        assert part_size is not None
        plans_list = plan_parts(size, part_size)
        for rec in finished.values():
            self.hooks.part_done(rec)  # records CRCs we recomputed
        if finished:
            self.hooks.progress(sum(r.size for r in finished.values()))  # reused parts count as moved
        todo = [p for p in plans_list if p.number not in finished]
        log.info("%s: %d parts of %d bytes, %d already on the server", self.key, len(plans_list), part_size,
                 len(finished))
        self._run_parts(upload_id, todo, finished)
        self._check_unchanged()
        return self._complete(upload_id, plans_list, finished, reused=len(plans_list) - len(todo))

    def _run_parts(self, upload_id: str, todo: list[PartPlan], finished: dict[int, PartRecord]) -> None:
        """Upload ``todo`` (``parts_in_flight`` at a time) into ``finished``. A part that fails for good sets
        ``_failed``, which stops the parts still running (the job has failed); a pause or cancel raises
        :class:`Cancelled`."""
        tasks = [partial(self._upload_part, upload_id, plan) for plan in todo]
        for rec in run_parallel(self.executor, tasks, self.config.parts_in_flight, self._failed, self.stop):
            finished[rec.part_number] = rec

    def _upload_part(self, upload_id: str, plan: PartPlan) -> PartRecord:
        result = self._send_range(f"UploadPart {plan.number}", plan.offset, plan.size,
                                  lambda body: self.bucket.upload_part(self.key, upload_id, plan.number, body))
        crc = result.crc if result.crc is not None else crc64_file(self.file.path, plan.offset, plan.size)
        rec = PartRecord(plan.number, plan.size, result.etag, crc)
        self.hooks.part_done(rec)
        return rec

    def _complete(self, upload_id: str, plans: list[PartPlan], finished: dict[int, PartRecord],
                  reused: int) -> UploadResult:
        self.hooks.completing()
        # No part_crc for oss2: its own object-CRC check combines in pure Python at ~9 ms a part; we check the
        # server's x-oss-hash-crc64ecma against our (cached-operator) combination below instead.
        parts = [PartInfo(p.number, finished[p.number].etag, size=p.size) for p in plans]
        crcs = [(finished[p.number].crc64, p.size) for p in plans]
        if any(c is None for c, _ in crcs):
            raise VodError("InternalError", "a finished part has no CRC64", kind=ErrorKind.INTEGRITY)
        expected = crc64_of_parts([(int(c or 0), size) for c, size in crcs])
        attempts = [0]

        def complete() -> Any:
            attempts[0] += 1
            try:
                return self.bucket.complete_multipart_upload(self.key, upload_id, parts)
            except oss2.exceptions.NoSuchUpload:
                # A retry after a lost answer: the first attempt may have completed the object already.
                if attempts[0] > 1:
                    head = self.bucket.head_object(self.key)
                    if head.content_length == self.file.size and (head.server_crc in (None, expected)):
                        return head
                raise

        result = self._oss(f"CompleteMultipartUpload {upload_id}", complete)
        crc = getattr(result, "crc", None) or getattr(result, "server_crc", None)
        if crc is not None and crc != expected:
            raise VodError("InconsistentError", "The object's CRC64 on the server differs from the file's: the "
                           "upload is corrupt and will be retried.", kind=ErrorKind.INTEGRITY, service="oss",
                           retryable=True)
        return UploadResult(expected, str(getattr(result, "etag", "")), len(plans) - reused, reused)

    def abort(self, upload_id: str) -> None:
        """Best effort: a failure here leaves a multipart upload that OSS lifecycle rules clean up."""
        try:
            self.bucket.abort_multipart_upload(self.key, upload_id)
        except oss2.exceptions.NoSuchUpload:
            pass
        except (oss2.exceptions.OssError, VodError) as exc:
            log.warning("could not abort upload %s of %s: %s", upload_id, self.key, exc)


class AnyEvent(threading.Event):
    """Set when any of its sources is set (pause/cancel from the job, or a fatal part failure)."""

    def __init__(self, *sources: threading.Event) -> None:
        super().__init__()
        self._sources = sources

    def is_set(self) -> bool:
        return any(s.is_set() for s in self._sources)

    def wait(self, timeout: float | None = None) -> bool:
        # Poll: threading.Event offers no way to wait on several events at once.
        step = 0.05
        waited = 0.0
        while not self.is_set():
            if timeout is not None and waited >= timeout:
                return False
            delay = step if timeout is None else min(step, timeout - waited)
            self._sources[0].wait(delay)
            waited += delay
        return True
