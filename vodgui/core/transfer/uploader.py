"""Moving one file into one OSS object: a single PUT, or a resumable multipart upload with parallel parts.

Rules (oss2/resumable.py's, made stricter):

* a reused part is proven, not trusted: on resume the server's part list (ListParts) says which parts exist; the
  local bytes of each are read again and hashed, and the part is kept only if its size matches our plan, its MD5
  equals the server's ETag and its CRC64 equals what we recorded for that ETag. Any mismatch sends the part again
  and says so in the job's note;
* every body's MD5 and CRC64 are computed from the bytes actually read into the request and compared with the
  ETag and ``x-oss-hash-crc64ecma`` OSS answers; the object CRC64 combined from them must equal the server's
  before the upload counts as done;
* a part that failed is retried with backoff, or at once with new credentials when OSS says they expired (at most
  one forced refresh per failed request);
* bytes read into a request are "in flight" until OSS answers; an attempt that fails gives them back, an
  acknowledged part makes them "confirmed";
* pause and cancel interrupt in-flight parts at their next read (the job's :class:`StopSignal`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from contextlib import nullcontext
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol, TypeVar

import oss2
from oss2.models import PartInfo

from vodgui.core.acceleration import explain_refusal
from vodgui.core.clock import Clock
from vodgui.core.errors import Cancelled, ErrorKind, VodError, from_oss_exception
from vodgui.core.integrity import crc64_bytes, crc64_of_parts
from vodgui.core.messages import Message
from vodgui.core.retry import call_with_retry
from vodgui.core.sources import UploadCredentials
from vodgui.core.store import PartRecord
from vodgui.core.transfer.adaptive import ConnectionGate
from vodgui.core.transfer.bandwidth import RateLimiter
from vodgui.core.transfer.body import FileChanged, PartReader
from vodgui.core.transfer.config import TransferConfig
from vodgui.core.transfer.context import StopSignal
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
                 stop: threading.Event, gate: ConnectionGate | None = None) -> list[T]:
    """Run ``tasks`` at most ``window`` at a time; results in task order. With a ``gate`` the window is the
    gate's: each task holds one of its slots while it runs (shared with every other upload of the engine).

    The first real failure sets ``failed`` (so the tasks still running stop at their next read) and is raised
    once they have; it wins over a :class:`Cancelled` of another task. A pause or cancel (``stop``) raises
    :class:`Cancelled`.
    """
    results: dict[int, T] = {}
    pending: dict[Future[T], int] = {}
    queue = deque(enumerate(tasks))
    error: BaseException | None = None
    while queue or pending:
        while queue and error is None and not stop.is_set():
            if (gate is None or not gate.adaptive) and len(pending) >= max(1, window):
                break
            if gate is None:
                number, task = queue.popleft()
            else:
                # No slot: look again when a task of ours ends, or (none runs) wait for one.
                if not gate.try_acquire() and (pending or not gate.acquire(stop)):
                    break
                number, task = queue.popleft()
                task = _holding(gate, task)
            pending[executor.submit(task)] = number
        if not pending:
            if stop.is_set() or error is not None:
                break
            continue
        # With a gate, look again now and then: its limit may have grown, or another upload freed a slot.
        done, _ = wait(list(pending), timeout=0.05 if gate is not None and queue else None,
                       return_when=FIRST_COMPLETED)
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


def _holding(gate: ConnectionGate, task: Callable[[], T]) -> Callable[[], T]:
    """``task`` releasing its gate slot when it ends (it was acquired when the task was submitted)."""
    def run() -> T:
        try:
            return task()
        finally:
            gate.release()

    return run


class UploadHooks(Protocol):
    """How the uploader tells its job what happened (the job persists and publishes); a subset of JobPort."""

    def upload_started(self, upload_id: str, part_size: int, abort: Callable[[], None]) -> None: ...
    def upload_gone(self, note: Message) -> None: ...
    def in_flight(self, delta: int) -> None: ...
    def parts_confirmed(self, parts: list[PartRecord], *, flown: bool) -> None: ...
    def bytes_confirmed(self, nbytes: int, *, flown: bool) -> None: ...
    def completing(self) -> None: ...
    def note(self, note: Message | None) -> None: ...
    def retrying(self, what: str, error: VodError, attempt: int, delay: float) -> None: ...


def same_etag(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and str(a).strip().strip('"').upper() == str(b).strip().strip('"').upper()


def hash_range(path: str, offset: int, size: int, stop: threading.Event | None = None) -> tuple[str, int]:
    """(MD5 hex, CRC64) of ``size`` bytes of ``path`` from ``offset``, read now. Raises FileChanged if short."""
    md5 = hashlib.md5(usedforsecurity=False)
    crc = 0
    with open(path, "rb") as f:
        f.seek(offset)
        left = size
        while left > 0:
            if stop is not None and stop.is_set():
                raise Cancelled("interrupted")
            chunk = f.read(min(left, 4 << 20))
            if not chunk:
                raise FileChanged(path, "short")
            md5.update(chunk)
            crc = crc64_bytes(chunk, crc)
            left -= len(chunk)
    return md5.hexdigest(), crc


@dataclass(frozen=True)
class UploadResult:
    crc64: int | None
    etag: str
    parts_sent: int
    parts_reused: int
    #: Parts the server had that differed from the file (proven on resume) and were sent again.
    parts_resent: int = 0


@dataclass(frozen=True)
class FileIdentity:
    path: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str) -> FileIdentity:
        st = os.stat(path)
        return cls(path, st.st_size, st.st_mtime_ns)


def abort_multipart(bucket: oss2.Bucket, key: str, upload_id: str) -> None:
    """The one place a multipart upload is aborted. Best effort: what fails here, OSS lifecycle rules remove."""
    try:
        bucket.abort_multipart_upload(key, upload_id)
    except oss2.exceptions.NoSuchUpload:
        pass
    except (oss2.exceptions.OssError, VodError) as exc:
        log.warning("could not abort upload %s of %s: %s", upload_id, key, exc)


def _integrity_error(what: str, detail: str, *, retryable: bool = True) -> VodError:
    return VodError("IntegrityMismatch", params={"what": what, "detail": detail}, kind=ErrorKind.INTEGRITY,
                    service="oss", retryable=retryable)


class ObjectUploader:
    """Uploads ``file`` to ``bucket``/``key``. One instance per attempt of a job.

    ``stop`` is the job's pause/cancel signal; the uploader takes a child of it that a part failing for good sets,
    so that the other parts of this attempt stop too.
    """

    def __init__(self, bucket: oss2.Bucket, key: str, file: FileIdentity, creds: UploadCredentials,
                 config: TransferConfig, clock: Clock, executor: Executor, stop: StopSignal,
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
        self._halt = stop.child()  # set by the job (pause/cancel) or by a part that failed for good
        self.gate = limiter.gate if limiter is not None else None

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
                raise explain_refusal(from_oss_exception(exc), self.bucket) from None

        return call_with_retry(
            attempt, policy=self.config.retry_policy, clock=self.clock, what=what, interrupt=self._halt,
            refresh=lambda: self.creds.force_refresh(used[0]) if used else None,
            on_retry=self._retrying,
        )

    def _retrying(self, what: str, error: VodError, attempt: int, delay: float) -> None:
        if self.gate is not None:  # an error or throttling: fewer requests at once
            self.gate.congestion()
        self.hooks.retrying(what, error, attempt, delay)

    def _check_unchanged(self) -> None:
        try:
            now = FileIdentity.of(self.file.path)
        except OSError as exc:
            raise VodError("FileVanished", params={"name": os.path.basename(self.file.path),
                                                   "reason": exc.strerror or ""}, kind=ErrorKind.FILE) from None
        if (now.size, now.mtime_ns) != (self.file.size, self.file.mtime_ns):
            raise FileChanged(self.file.path, "stat")

    def _send_range(self, what: str, offset: int, size: int,
                    send: Callable[[PartReader], T]) -> tuple[T, int]:
        """One request (with retries) whose body is ``size`` bytes of the file from ``offset``: its result and the
        CRC64 of the bytes it sent. The server's CRC64 of the part is checked against those bytes (hashed as they
        were read); a server that gives none has its ETag checked against their MD5, read again. A mismatch is
        retried. Bytes read count as in flight; an attempt that fails gives them back."""
        attempt: list[PartReader] = []  # the reader of the attempt in flight

        def give_back() -> None:
            if attempt:
                sent = attempt.pop().sent
                if sent:
                    self.hooks.in_flight(-sent)

        def once() -> tuple[T, int]:
            give_back()
            with PartReader(self.file.path, offset, size, on_bytes=self.hooks.in_flight, stop=self._halt,
                            limiter=self.limiter) as reader:
                attempt.append(reader)
                result = send(reader)
                crc = reader.crc64()
            etag = getattr(result, "etag", None)
            server_crc = getattr(result, "crc", None)
            # No CRC64 in the answer: a single-part ETag (the MD5 of the bytes) proves them instead.
            by_etag = server_crc is None and bool(etag) and "-" not in str(etag)
            if crc is None or by_etag:
                md5, crc = hash_range(self.file.path, offset, size, self._halt)  # not hashed as sent, or no CRC
                if by_etag and not same_etag(etag, md5):
                    raise _integrity_error(what, "etag")
            if server_crc is not None and int(server_crc) != crc:
                raise _integrity_error(what, "crc64")
            return result, crc

        try:
            out = self._oss(what, once)
        except BaseException:
            give_back()
            raise
        attempt.clear()  # the job moves these bytes from in flight to confirmed
        return out

    # -- single PUT ------------------------------------------------------------------------------------------
    def put(self) -> UploadResult:
        headers = {"Content-Type": content_type_for(self.file.path)}
        with nullcontext(True) if self.gate is None else self.gate.slot(self._halt) as got:
            if not got:
                raise Cancelled("interrupted")
            result, crc = self._send_range(f"PutObject {self.key}", 0, self.file.size,
                                              lambda body: self.bucket.put_object(self.key, body, headers=headers))
        self.hooks.bytes_confirmed(self.file.size, flown=True)
        self._check_unchanged()
        return UploadResult(crc, result.etag, 1, 0)

    def put_bytes(self, data: bytes, content_type: str) -> UploadResult:
        """One PUT of ``data`` (a rewritten playlist); confirmed once it is stored."""
        headers = {"Content-Type": content_type}
        crc = crc64_bytes(data)
        result = self._oss(f"PutObject {self.key}", lambda: self.bucket.put_object(self.key, data, headers=headers))
        if result.crc is not None and int(result.crc) != crc:
            raise _integrity_error(f"PutObject {self.key}", "crc64")
        self.hooks.bytes_confirmed(len(data), flown=False)
        return UploadResult(crc, result.etag, 1, 0)

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

    def _prove(self, plan: PartPlan, listed: PartInfo, known: PartRecord | None) -> PartRecord | None:
        """The part as a reusable record if the local bytes are what the server has, else None."""
        if listed.size != plan.size:
            return None
        md5, crc = hash_range(self.file.path, plan.offset, plan.size, self._halt)
        if not same_etag(listed.etag, md5):
            return None
        if known is not None and same_etag(known.etag, listed.etag) and known.crc64 is not None \
                and known.crc64 != crc:
            return None
        return PartRecord(plan.number, plan.size, listed.etag, crc)

    def multipart(self, upload_id: str | None, part_size: int | None,
                  known: dict[int, PartRecord]) -> UploadResult:
        """Upload the file in parts, resuming ``upload_id`` if the server still has it; ``known`` are the parts
        recorded for it (hints: each is proven against the file and the server before it is reused)."""
        size = self.file.size
        finished: dict[int, PartRecord] = {}
        rejected: list[int] = []
        if upload_id:
            try:
                listed = self._list_all_parts(upload_id)
            except VodError as err:
                if err.code != "NoSuchUpload":
                    raise
                self.hooks.upload_gone(Message("note.upload_session_gone", {}))
                upload_id, listed = None, {}
            if upload_id:
                part_size = part_size or choose_part_size(size, self.config)
                plans = {p.number: p for p in plan_parts(size, part_size)}
                candidates = [(plans[n], info) for n, info in sorted(listed.items()) if n in plans]
                proofs = run_parallel(self.executor, [partial(self._prove, plan, info, known.get(plan.number))
                                                      for plan, info in candidates],
                                      self.config.parts_in_flight, self._halt, self.stop)
                rejected = [plan.number for (plan, _), rec in zip(candidates, proofs) if rec is None]
                finished = {rec.part_number: rec for rec in proofs if rec is not None}
                if rejected:
                    log.warning("%s: %d parts on the server differ from the file and are sent again: %s", self.key,
                                len(rejected), rejected[:20])
                    self.hooks.note(Message("note.parts_resent", {"count": len(rejected)}))
        if not upload_id:
            part_size = choose_part_size(size, self.config)
            headers = {"Content-Type": content_type_for(self.file.path)}
            upload_id = self._oss(f"InitiateMultipartUpload {self.key}",
                                  lambda: self.bucket.init_multipart_upload(self.key, headers=headers).upload_id)
        assert part_size is not None
        live_id = upload_id
        # Registered the moment the upload exists (or is known to exist still): cancel or a terminal failure
        # aborts it through this function; a pause never does.
        self.hooks.upload_started(upload_id, part_size, lambda: abort_multipart(self.bucket, self.key, live_id))
        plans_list = plan_parts(size, part_size)
        if finished:
            self.hooks.parts_confirmed(list(finished.values()), flown=False)
        todo = [p for p in plans_list if p.number not in finished]
        log.info("%s: %d parts of %d bytes, %d proven on the server", self.key, len(plans_list), part_size,
                 len(finished))
        tasks = [partial(self._upload_part, upload_id, plan) for plan in todo]
        for rec in run_parallel(self.executor, tasks, self.config.parts_in_flight, self._halt, self.stop, self.gate):
            finished[rec.part_number] = rec
        self._check_unchanged()
        result = self._complete(upload_id, plans_list, finished, reused=len(plans_list) - len(todo))
        return UploadResult(result.crc64, result.etag, result.parts_sent, result.parts_reused, len(rejected))

    def _upload_part(self, upload_id: str, plan: PartPlan) -> PartRecord:
        result, crc = self._send_range(
            f"UploadPart {plan.number}", plan.offset, plan.size,
            lambda body: self.bucket.upload_part(self.key, upload_id, plan.number, body))
        rec = PartRecord(plan.number, plan.size, result.etag, crc)
        self.hooks.parts_confirmed([rec], flown=True)
        return rec

    def _complete(self, upload_id: str, plans: list[PartPlan], finished: dict[int, PartRecord],
                  reused: int) -> UploadResult:
        self.hooks.completing()
        parts = [PartInfo(p.number, finished[p.number].etag, size=p.size) for p in plans]
        # Every part CRC comes from bytes read in this run (sent now, or hashed when proven).
        expected = crc64_of_parts([(int(finished[p.number].crc64 or 0), p.size) for p in plans])
        attempts = [0]

        def complete() -> Any:
            attempts[0] += 1
            try:
                return self.bucket.complete_multipart_upload(self.key, upload_id, parts)
            except oss2.exceptions.NoSuchUpload:
                # A retry after a lost answer: the first attempt may have completed the object already.
                if attempts[0] > 1:
                    head = self.bucket.head_object(self.key)
                    if head.content_length == self.file.size and head.server_crc == expected:
                        return head
                raise

        result = self._oss(f"CompleteMultipartUpload {upload_id}", complete)
        crc = getattr(result, "crc", None) or getattr(result, "server_crc", None)
        if crc is None:
            crc = getattr(self.bucket.head_object(self.key), "server_crc", None)
        if crc is not None and int(crc) != expected:
            # The parts were each checked: this object is not what we read. Not retried as is: the job fails
            # and its upload is aborted, so nothing counts a different object as done.
            raise _integrity_error(f"CompleteMultipartUpload {upload_id}", "object_crc64", retryable=False)
        return UploadResult(expected, str(getattr(result, "etag", "")), len(plans) - reused, reused)
