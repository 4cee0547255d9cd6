"""The job aggregate: one per queue item, the only writer of its row.

A :class:`Job` owns its :class:`~vodgui.core.transfer.record.JobRecord`, its state machine, its progress
(confirmed and in-flight bytes, speed, ETA) and the clean-up of what it created on the server. It runs its kind
(prepare -> transfer -> finalize), receives the kind's facts through the :class:`JobPort` methods below, persists
each at once and publishes an event that carries everything a front end shows. The engine only schedules jobs
and relays their events; nothing else writes the row or keeps a copy of it.

Thread model: :meth:`run` runs on a job thread of the engine; port methods are called from it and from part
threads; user actions (pause, cancel, metadata edits) from any thread. One lock guards the record.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Executor
from dataclasses import replace
from types import MappingProxyType
from typing import Any, NamedTuple

from vodgui.core.clock import Clock
from vodgui.core.credentials import UploadTicket
from vodgui.core.errors import Cancelled, VodError
from vodgui.core.home_faults import HomeFault
from vodgui.core.ledger import record_finished
from vodgui.core.media_items import display_name
from vodgui.core.messages import Message
from vodgui.core.retry import is_throttling
from vodgui.core.store import PartRecord, QueueStore
from vodgui.core.transfer.bandwidth import RateLimiter
from vodgui.core.transfer.context import JobContext, ProfileSession, StopSignal
from vodgui.core.transfer.events import (
    Event,
    JobChanged,
    JobError,
    JobSnapshot,
    JobState,
    Progress,
    Retrying,
    check_transition,
)
from vodgui.core.transfer.kinds import Outcome, kind_for
from vodgui.core.transfer.record import Details, JobRecord, Kind, VideoDetails
from vodgui.core.video_details import outcome, update_video
from vodgui.core.vod import UPDATABLE_FIELDS, VodApi, video_info_params

log = logging.getLogger(__name__)

_SPEED_WINDOW = 5.0
#: The metadata of a snapshot whose item has none (shared: 100,000 empty copies would cost 6 MB).
_NO_METADATA: Mapping[str, Any] = MappingProxyType({})
#: Failures after which the item's multipart upload is useless: its parts belong to other bytes.
_DISCARDS_UPLOAD = frozenset({"FileChangedDuringUpload", "IntegrityMismatch"})


class _Deletion(NamedTuple):
    """How a cancel deletes what an item of one kind made in VOD, and the notes that say how it went."""

    delete: Callable[[VodApi, str], None]
    param: str  # the notes' parameter naming the id
    deleted: str
    failed: str
    kept: str


#: By kind. An upload by URL makes its video later, in VOD: there is nothing of ours to delete.
_DELETES: dict[Kind, _Deletion] = {
    Kind.VIDEO: _Deletion(VodApi.delete_video, "video_id", "note.video_deleted", "note.video_delete_failed",
                          "note.video_kept"),
    Kind.IMAGE: _Deletion(VodApi.delete_image, "media_id", "note.image_deleted", "note.image_delete_failed",
                          "note.image_kept"),
    Kind.ATTACHED: _Deletion(VodApi.delete_attached_media, "media_id", "note.attached_deleted",
                             "note.attached_delete_failed", "note.attached_kept"),
}
_DELETES[Kind.M3U8] = _DELETES[Kind.VIDEO]


class SpeedMeter:
    """Average speed over the last few seconds; ``None`` until there is enough to say (never a false 0)."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._samples: deque[tuple[float, int]] = deque()

    def reset(self) -> None:
        self._samples.clear()

    def add(self, moved: int) -> None:
        now = self._clock.monotonic()
        self._samples.append((now, moved))
        while len(self._samples) > 2 and now - self._samples[0][0] > _SPEED_WINDOW:
            self._samples.popleft()

    def speed(self) -> float | None:
        if len(self._samples) < 2:
            return None
        (t0, b0), (t1, b1) = self._samples[0], self._samples[-1]
        span = max(t1, self._clock.monotonic()) - t0
        if span < 0.5:
            return None
        return max(0.0, (b1 - b0) / span)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def running_elsewhere(owner_pid: int | None) -> bool:
    """The item's row says another process runs it, and that process is alive."""
    return owner_pid is not None and owner_pid != os.getpid() and pid_alive(owner_pid)


class Job:
    """One queue item from start to finish.

    Args:
        record: the item as stored.
        store: the queue database (the job writes its own row only).
        clock: time source.
        publish: where the job's events go (the engine relays them to subscribers).
        cover_ready: hands an image's URL to another queue item (the engine finds that item's job).
    """

    def __init__(self, record: JobRecord, store: QueueStore, clock: Clock, publish: Callable[[Event], None],
                 cover_ready: Callable[[int, str], str | None]) -> None:
        self._record = record
        self._store = store
        self._clock = clock
        self._publish = publish
        self._cover_ready = cover_ready
        self._lock = threading.RLock()
        self._in_flight = 0
        self._moved = 0  # bytes read into requests, only ever growing: what the speed is measured on
        # The meter and the stop signal are made when the job runs: 100,000 queued items need neither.
        self._meter: SpeedMeter | None = None
        self._waiting: Message | None = None
        self._stop: StopSignal | None = None
        self._cancel = False
        self._cleanup: Callable[[], None] | None = None
        self.thread: threading.Thread | None = None  # set by the engine while a thread runs this job
        self.remove_when_stopped = False

    # -- reading ---------------------------------------------------------------------------------------------
    @property
    def id(self) -> int:
        return self._record.id

    @property
    def record(self) -> JobRecord:
        """The record as it is now. Read-only outside this class."""
        return self._record

    @property
    def state(self) -> JobState:
        return self._record.state

    @property
    def position(self) -> float:
        return self._record.position

    def snapshot(self) -> JobSnapshot:
        with self._lock:
            rec = self._record
            speed = self._meter.speed() if rec.state is JobState.UPLOADING and self._meter is not None else None
            eta = None
            if speed and rec.size > 0:
                eta = max(0.0, (rec.size - rec.confirmed_bytes - self._in_flight) / speed)
            title = str(rec.metadata.get("title") or os.path.splitext(display_name(rec.kind, rec.path))[0])
            return JobSnapshot(rec.id, rec.kind, rec.path, rec.size, rec.profile, rec.state, title, rec.details,
                               rec.confirmed_bytes, self._in_flight, rec.media_id, rec.error, rec.note, speed, eta,
                               dict(rec.metadata) if rec.metadata else _NO_METADATA, rec.position, self._waiting)

    def _progress_event(self) -> Progress:
        snap = self.snapshot()
        return Progress(snap.job_id, snap.confirmed, snap.in_flight, snap.speed, snap.eta)

    # -- writing (the only place this item's row is written) -------------------------------------------------
    def _save(self, *, parts: Iterable[PartRecord] = (), forget_parts: bool = False) -> None:
        self._store.save(self._record, parts=parts, forget_parts=forget_parts)

    def _change(self, state: JobState | None = None, **changes: Any) -> None:
        """Apply ``changes`` to the record (and move to ``state``), write the row, publish the snapshot."""
        with self._lock:
            snap, old = self._apply(state, **changes)
        self._announce(snap, old)

    def _apply(self, state: JobState | None = None, **changes: Any) -> tuple[JobSnapshot, JobState]:
        """The locked half of :meth:`_change` (call it holding the lock, then :meth:`_announce` without it): a
        decision and the change it leads to are made under one lock."""
        forget_parts = bool(changes.pop("forget_parts", False))
        with self._lock:
            rec = self._record
            old = rec.state
            if state is not None and state is not old:
                check_transition(old, state)
                rec.state = state
            for name, value in changes.items():
                setattr(rec, name, value)
            if state is JobState.PREPARING and old is not JobState.PREPARING:
                rec.started_at = time.time()
                rec.attempts += 1
                rec.owner_pid = os.getpid()
            if rec.state in (JobState.DONE, JobState.FAILED, JobState.CANCELLED, JobState.PAUSED,
                             JobState.QUEUED):
                rec.owner_pid = None
            self._save(forget_parts=forget_parts)
            return self.snapshot(), old

    def _announce(self, snap: JobSnapshot, old: JobState) -> None:
        if snap.state is not old:
            _log_transition(snap, old)
        self._publish(JobChanged(snap, old))

    def _forget_upload_fields(self) -> dict[str, Any]:
        self._cleanup = None
        return {"upload_id": None, "part_size": None, "confirmed_bytes": 0, "forget_parts": True}

    # -- user actions ----------------------------------------------------------------------------------------
    def request_pause(self) -> bool:
        """Ask a running job to pause (True), or pause a queued one now (False if not queued)."""
        with self._lock:  # one decision: the engine may be starting this job right now (see attach_thread)
            if self.thread is not None:
                self._stop_signal().set()
                return True
            if self._record.state is not JobState.QUEUED:
                return False
            snap, old = self._apply(JobState.PAUSED)
        self._announce(snap, old)
        return True

    def attach_thread(self, thread: threading.Thread) -> None:
        """The engine is about to start ``thread`` for this job. A pause or cancel from now on reaches that thread,
        even before it runs (the stop signal is made here, not when the run begins)."""
        with self._lock:
            self._stop = StopSignal()
            self._cancel = False
            self.thread = thread

    def request_cancel(self) -> None:
        """Ask a running job to stop and clean up; the job moves itself to CANCELLED."""
        with self._lock:
            self._cancel = True
            self._stop_signal().set()

    def _stop_signal(self) -> StopSignal:
        if self._stop is None:
            self._stop = StopSignal()
        return self._stop

    def requeue(self) -> bool:
        """A paused or failed job goes back to the queue (for a failed one, a retry). A cancelled one is queued
        again as a new attempt: its upload and placeholder video are gone, so it starts from the first byte."""
        with self._lock:
            state = self._record.state
            if self.thread is not None or state not in (JobState.PAUSED, JobState.FAILED, JobState.CANCELLED):
                return False
        if state is JobState.CANCELLED:
            changes: dict[str, Any] = {}
            details = self._record.details
            if isinstance(details, VideoDetails) and details.reference_id:
                # A new attempt makes a new video: the old ReferenceId belonged to the deleted placeholder.
                changes["details"] = replace(details, reference_id=None)
            self._change(JobState.QUEUED, error=None, note=None, **changes, **self._forget_upload_fields())
        else:
            self._change(JobState.QUEUED, error=None)
        return True

    def cancel_now(self, note: Message | None = None, **changes: Any) -> None:
        """Cancel a job that is not running (what it had on the server is cleaned up already)."""
        if note is not None:
            changes["note"] = note
        self._change(JobState.CANCELLED, **changes, **self._forget_upload_fields())

    def delete_placeholder(self, session: ProfileSession) -> dict[str, Any]:
        """A cancelled item's id in VOD is a placeholder nobody will finish: delete it (DeleteVideo for a video or
        an M3U8 package, DeleteImage for an image, DeleteAttachedMedia for attached media), so the account does not
        collect media stuck in Uploading. Returns the record changes that say what happened (a note, and no id
        once it is deleted)."""
        rec = self._record
        how = _DELETES.get(rec.kind)
        if how is None or not rec.media_id:
            return {}
        media_id = rec.media_id
        vod = session.vod
        if vod is None:  # an AppServer profile without VOD API access cannot delete
            return {"note": Message(how.kept, {how.param: media_id})}
        try:
            how.delete(vod, media_id)
        except VodError as err:
            if err.code not in ("InvalidVideo.NotFound", "Forbidden.VideoNotFound"):
                log.warning("cancel of %s could not delete %s %s: %s", self.id, rec.kind.value, media_id, err)
                return {"note": Message(how.failed, {how.param: media_id, "error": err.to_message().to_dict()})}
        log.info("job %d cancelled: placeholder %s %s deleted", self.id, rec.kind.value, media_id)
        return {"note": Message(how.deleted, {how.param: media_id}), "media_id": None,
                "upload_address": None}

    def interrupted_by_exit(self, resume: bool) -> bool:
        """At start-up: this item was running in a process that is gone (or was paused because the program
        closed). It goes back to the queue (``resume``) or is paused, marked interrupted. False if another live
        process runs it."""
        rec = self._record
        if running_elsewhere(rec.owner_pid):
            return False
        target = JobState.QUEUED if resume else JobState.PAUSED
        with self._lock:
            rec.state = target  # not a transition: the process that made the old state is gone
            rec.owner_pid = None
            rec.note = Message("note.interrupted", {})
        return True

    def owned_elsewhere(self) -> bool:
        return self._record.state.active and running_elsewhere(self._record.owner_pid)

    def update_metadata(self, changes: Mapping[str, Any]) -> bool:
        """Edit metadata before the item exists in VOD (after that VOD owns it). False if too late."""
        with self._lock:
            if self._record.media_id or self.thread is not None:
                return False
            metadata = {**self._record.metadata, **changes}
        self._change(metadata=metadata)
        return True

    def apply_video_info(self, session: ProfileSession, changes: Mapping[str, Any]) -> bool:
        """Edit metadata of a video that exists in VOD: UpdateVideoInfo with the fields it can change, then the
        row keeps the new values and a note says how it went. Runs the request on the calling thread."""
        video_id = self._record.media_id
        if not video_id or not video_info_params(dict(changes)):
            return False
        error = update_video(session, video_id, changes)
        if error is not None:
            self._change(note=outcome(video_id, error))
            return False
        updated = {k: v for k, v in changes.items() if k in UPDATABLE_FIELDS}
        self._change(metadata={**self._record.metadata, **updated}, note=outcome(video_id, None))
        return True

    def set_cover_url(self, url: str) -> str | None:
        """An image for this item is uploaded: its URL goes into the metadata (sent with CreateUploadVideo); the
        VideoId is returned if the video exists already (the caller then sets the cover with UpdateVideoInfo).

        The metadata is written before the VideoId is read, and a video job reads the metadata again after it
        stored its new VideoId: whichever comes second sets the cover."""
        with self._lock:
            metadata = {**self._record.metadata, "cover_url": url}
            self._change(metadata=metadata)
            return self._record.media_id

    # -- running ---------------------------------------------------------------------------------------------
    def run(self, session: ProfileSession, clock: Clock, executor: Executor, limiter: RateLimiter | None) -> None:
        """One attempt, until done, failed, paused or cancelled. Never raises."""
        try:
            with self._lock:
                if self._record.state is not JobState.QUEUED:
                    return  # paused or cancelled after the engine chose it, before this thread got here
                stop = self._stop_signal()  # made by attach_thread: a pause since then is not lost
                self._in_flight = 0
                self._moved = 0
                self._meter = SpeedMeter(self._clock)
                snap, old = self._apply(JobState.PREPARING, error=None)
            self._announce(snap, old)
            ctx = JobContext(session, clock, executor, stop, limiter, self)
            kind = kind_for(self._record.kind)
            prepared = kind.prepare(ctx)
            transferred = kind.transfer(ctx, prepared)
            outcome = kind.finalize(ctx, transferred)
            self._finish(session, outcome)
        except Cancelled:
            self._interrupted(session)
        except HomeFault as fault:
            self._home_fault(fault)
            raise  # nothing more can be recorded: the engine tells the front end, which stops
        except VodError as err:
            self._failed(err)
        except Exception as exc:  # a bug: never lose the item, say what happened
            log.exception("job %s crashed", self.id)
            self._failed(VodError("UnexpectedError", params={"error": f"{type(exc).__name__}: {exc}"}))

    def abort_idle(self, session: ProfileSession, clock: Clock, executor: Executor) -> None:
        """Cancel of a job that is not running but has an upload on the server: abort it, then CANCELLED."""
        ctx = JobContext(session, clock, executor, StopSignal(), None, self)
        try:
            kind_for(self._record.kind).abort_idle(ctx)
        except VodError as err:
            log.warning("cancel of %s could not abort the upload: %s", self.id, err)
        except Exception:  # a bug: the cancel still happens; OSS lifecycle rules remove the parts
            log.exception("cancel of %s could not abort the upload", self.id)
        self.cancel_now(**self.delete_placeholder(session))

    def fail_to_start(self, err: VodError) -> None:
        """The job could not start (its profile is unusable): it fails, with the reason."""
        self._change(JobState.FAILED, error=_job_error(err))

    def _finish(self, session: ProfileSession, outcome: Outcome) -> None:
        """History first, then DONE (a crash in between re-runs a finished job, never loses a history row)."""
        crc = None if outcome.crc64 is None else str(outcome.crc64)
        with self._lock:
            if outcome.media_id is not None:
                self._record.media_id = outcome.media_id
            if outcome.size is not None:
                self._record.size = outcome.size
        self._store.add_history(self._record, outcome.title, crc, outcome.media_status)
        record_finished(session, self._record, crc)
        with self._lock:
            self._in_flight = 0
            self._cleanup = None
        note = outcome.note if outcome.note is not None else self._record.note
        self._change(JobState.DONE, crc64=crc, upload_id=None, note=note, finished_at=time.time(),
                     confirmed_bytes=self._record.size)

    def _run_cleanup(self) -> None:
        cleanup, self._cleanup = self._cleanup, None
        if cleanup is not None:
            cleanup()

    def _interrupted(self, session: ProfileSession) -> None:
        with self._lock:
            self._in_flight = 0
            self._waiting = None
        if self._cancel:
            self._run_cleanup()
            self._change(JobState.CANCELLED, **self.delete_placeholder(session), **self._forget_upload_fields())
        else:
            self._change(JobState.PAUSED)

    def _failed(self, err: VodError) -> None:
        with self._lock:
            self._in_flight = 0
            self._waiting = None
        changes: dict[str, Any] = {"error": _job_error(err)}
        if err.code in _DISCARDS_UPLOAD:
            self._run_cleanup()  # the parts belong to other bytes
            changes.update(self._forget_upload_fields())
        try:
            self._change(JobState.FAILED, **changes)
        except HomeFault as fault:
            self._home_fault(fault)
            raise

    def _home_fault(self, fault: HomeFault) -> None:
        """The home is full or read-only: the row cannot be written. The state changes in memory only; the next
        start finds the item "running" in a process that is gone, and shows it as interrupted."""
        log.error("job %s stopped: %s", self.id, fault.code)
        with self._lock:
            old = self._record.state
            self._record.state = JobState.FAILED
            self._record.error = _job_error(fault)
            self._in_flight = 0
        self._publish(JobChanged(self.snapshot(), old))

    # -- the port: facts from the kind -----------------------------------------------------------------------
    def media_created(self, ticket: UploadTicket, size: int, mtime_ns: int, details: Details | None = None) -> None:
        address = ticket.address
        changes: dict[str, Any] = dict(media_id=ticket.video_id, upload_address=address.encode(),
                                       endpoint=address.endpoint, bucket=address.bucket,
                                       object_key=address.file_name, size=size, mtime_ns=mtime_ns,
                                       **self._forget_upload_fields())
        if details is not None:
            changes["details"] = details
        with self._lock:
            self._in_flight = 0
        self._change(**changes)

    def media_gone(self, note: Message) -> None:
        self._change(media_id=None, upload_address=None, note=note, **self._forget_upload_fields())

    def file_changed(self, size: int, mtime_ns: int, note: Message) -> None:
        self._change(size=size, mtime_ns=mtime_ns, note=note, **self._forget_upload_fields())

    def set_details(self, details: Details) -> None:
        self._change(details=details)

    def set_size(self, size: int, mtime_ns: int | None = None) -> None:
        if mtime_ns is None:
            self._change(size=size)
        else:
            self._change(size=size, mtime_ns=mtime_ns)

    def set_media_id(self, media_id: str) -> None:
        self._change(media_id=media_id)

    def uploading(self, note: Message | None = None) -> None:
        if note is None:
            self._change(JobState.UPLOADING)
        else:
            self._change(JobState.UPLOADING, note=note)

    def completing(self) -> None:
        self._change(JobState.COMPLETING)

    def note(self, note: Message | None) -> None:
        self._change(note=note)

    def upload_started(self, upload_id: str, part_size: int, abort: Callable[[], None]) -> None:
        with self._lock:
            self._cleanup = abort
            if upload_id == self._record.upload_id:
                return  # resumed: its parts stay recorded
        self._change(upload_id=upload_id, part_size=part_size, confirmed_bytes=0, forget_parts=True)
        with self._lock:
            self._cleanup = abort  # _change kept it; set again in case a forget in between cleared it

    def upload_gone(self, note: Message) -> None:
        self._change(note=note, **self._forget_upload_fields())

    def known_parts(self) -> dict[int, PartRecord]:
        upload_id = self._record.upload_id
        return self._store.parts(self.id, upload_id) if upload_id else {}

    def in_flight(self, delta: int) -> None:
        with self._lock:
            self._in_flight = max(0, self._in_flight + delta)
            if delta > 0:
                self._moved += delta
                if self._meter is None:
                    self._meter = SpeedMeter(self._clock)
                self._meter.add(self._moved)
            waited = self._waiting is not None and delta > 0
            self._waiting = None if delta > 0 else self._waiting
            event = self._progress_event()
            snap = self.snapshot() if waited else None
        if snap is not None:  # bytes move again: the row stops saying it waits
            self._publish(JobChanged(snap, snap.state))
        self._publish(event)

    def parts_confirmed(self, parts: list[PartRecord], *, flown: bool) -> None:
        nbytes = sum(p.size for p in parts)
        with self._lock:
            rec = self._record
            rec.confirmed_bytes = min(rec.size, rec.confirmed_bytes + nbytes) if rec.size else rec.confirmed_bytes
            if flown:
                self._in_flight = max(0, self._in_flight - nbytes)
            self._save(parts=parts)
            event = self._progress_event()
        self._publish(event)

    def bytes_confirmed(self, nbytes: int, *, flown: bool) -> None:
        with self._lock:
            rec = self._record
            rec.confirmed_bytes = min(rec.size, rec.confirmed_bytes + nbytes) if rec.size else rec.confirmed_bytes
            if flown:
                self._in_flight = max(0, self._in_flight - nbytes)
            self._save()
            event = self._progress_event()
        self._publish(event)

    def retrying(self, what: str, error: VodError, attempt: int, delay: float) -> None:
        snap = None
        with self._lock:
            if is_throttling(error):  # not a failure: the row says it waits, and for what
                self._waiting = Message("waiting.throttled", {"code": error.code, "delay": round(delay, 1)})
                snap = self.snapshot()
        self._publish(Retrying(self.id, what, _job_error(error), attempt, delay))
        if snap is not None:
            self._publish(JobChanged(snap, snap.state))

    def cover_ready(self, item_id: int, url: str) -> str | None:
        return self._cover_ready(item_id, url)


def _job_error(err: VodError) -> JobError:
    return JobError(err.code, err.message, err.request_id, err.kind.value, dict(getattr(err, "params", {}) or {}))


def _log_transition(snap: JobSnapshot, old: JobState) -> None:
    """One log line per state change: what the Log page and diagnostics show about an upload."""
    name = os.path.basename(snap.path)
    if snap.state is JobState.FAILED and snap.error is not None:
        rid = f" RequestId {snap.error.request_id}" if snap.error.request_id else ""
        log.warning("job %d %s failed: %s: %s%s", snap.job_id, name, snap.error.code, snap.error.message, rid)
    elif snap.state is JobState.DONE:
        log.info("job %d %s done: %s %s, %d bytes", snap.job_id, name, snap.kind.value, snap.media_id, snap.size)
    else:
        media = f" ({snap.media_id})" if snap.media_id else ""
        log.info("job %d %s: %s -> %s%s", snap.job_id, name, old.value, snap.state.value, media)
