"""The transfer engine: the queue, scheduling, pause/resume/cancel, speed and ETA, events.

Thread model: one thread per running job (at most ``concurrent_files``), each driving its parts on the shared
part executor. Public methods are thread-safe and never block on the network, so the GUI thread may call them.
Subscribers get events on engine threads.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from vodgui.core.clock import Clock, SystemClock
from vodgui.core.errors import VodError
from vodgui.core.home_faults import HomeFault
from vodgui.core.media_items import display_name, file_item
from vodgui.core.store import ItemRecord, NewItem, QueueStore
from vodgui.core.transfer.bandwidth import RateLimiter
from vodgui.core.transfer.events import (
    Event,
    JobChanged,
    JobError,
    JobsAdded,
    JobSnapshot,
    JobsRemoved,
    JobState,
    Progress,
    Retrying,
    Subscriber,
    check_transition,
)
from vodgui.core.transfer.job import JobRunner, ProfileSession

log = logging.getLogger(__name__)

_SPEED_WINDOW = 5.0
#: Store meta key: ids of items paused because the program closed (see :meth:`TransferEngine.suspend`).
SUSPENDED_KEY = "suspended_items"
_IDLE = threading.Event()


class SpeedMeter:
    """Average speed over the last few seconds; ``None`` until there is enough to say (never a false 0)."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock
        self._samples: deque[tuple[float, int]] = deque()

    def reset(self) -> None:
        self._samples.clear()

    def add(self, bytes_done: int) -> None:
        now = self._clock.monotonic()
        self._samples.append((now, bytes_done))
        while len(self._samples) > 2 and now - self._samples[0][0] > _SPEED_WINDOW:
            self._samples.popleft()

    def speed(self) -> float | None:
        if len(self._samples) < 2:
            return None
        (t0, b0), (t1, b1) = self._samples[0], self._samples[-1]
        now = self._clock.monotonic()
        span = max(t1, now) - t0
        if span < 0.5:
            return None
        return max(0.0, (b1 - b0) / span)


@dataclass
class _Job:
    record: ItemRecord
    state: JobState
    bytes_done: int = 0
    error: JobError | None = None
    note: str | None = None
    meter: SpeedMeter | None = None
    # Idle jobs share one event that is never set; every run (and an idle abort) gets fresh ones. Two events of
    # their own per item cost 12 objects each, which made 10,000 queued items 120,000 objects for the garbage
    # collector to walk: 80 ms pauses of every thread while files were being added.
    stop: threading.Event = _IDLE
    cancel: threading.Event = _IDLE
    thread: threading.Thread | None = None
    remove_when_stopped: bool = False


class TransferEngine:
    """Runs queue items through :class:`JobRunner`.

    Args:
        store: the queue database.
        sessions: builds (and caches) the :class:`ProfileSession` for a profile name; raises VodError if the
            profile is unusable (missing secret, bad settings).
        clock: time source (tests pass a fake one).
        part_executor: runs part uploads; default a thread pool sized for ``concurrent_files * parts``.
        concurrent_files: files uploading at once.
        bandwidth_limit: bytes per second for all uploads together (0 = unlimited).
        auto_start: start queued jobs as soon as slots free up.
    """

    def __init__(self, store: QueueStore, sessions: Callable[[str], ProfileSession], *,
                 clock: Clock | None = None, part_executor: Executor | None = None, concurrent_files: int = 2,
                 bandwidth_limit: int = 0, auto_start: bool = True) -> None:
        self.store = store
        self._sessions = sessions
        self.clock = clock or SystemClock()
        self._own_executor = part_executor is None
        self._executor = part_executor or ThreadPoolExecutor(max_workers=64, thread_name_prefix="vodgui-part")
        self._lock = threading.RLock()
        self._jobs: dict[int, _Job] = {}
        self._subscribers: list[Subscriber] = []
        self.concurrent_files = concurrent_files
        self.limiter = RateLimiter(bandwidth_limit)
        self.auto_start = auto_start
        self._idle = threading.Condition(self._lock)
        self._closed = False
        #: Set when a job stopped because the home is full or read-only (nothing more can be recorded).
        self.home_fault: HomeFault | None = None

    # -- subscribers -----------------------------------------------------------------------------------------
    def subscribe(self, subscriber: Subscriber) -> None:
        with self._lock:
            self._subscribers.append(subscriber)

    def unsubscribe(self, subscriber: Subscriber) -> None:
        with self._lock:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

    def _publish(self, event: Event) -> None:
        for sub in list(self._subscribers):
            try:
                sub.on_event(event)
            except Exception:  # a broken subscriber must not break uploads
                log.exception("subscriber %r failed", sub)

    # -- snapshots -------------------------------------------------------------------------------------------
    def _snapshot(self, job: _Job) -> JobSnapshot:
        rec = job.record
        speed = job.meter.speed() if job.meter is not None and job.state is JobState.UPLOADING else None
        eta = None
        if speed and speed > 0:
            eta = max(0.0, (rec.size - job.bytes_done) / speed)
        title = str(rec.metadata.get("title") or os.path.splitext(display_name(rec.kind, rec.path))[0])
        return JobSnapshot(rec.id, rec.path, rec.size, rec.profile, job.state, job.bytes_done, rec.video_id, title,
                           job.error, job.note, speed, eta, dict(rec.metadata), rec.kind, dict(rec.extra))

    def snapshot(self, job_id: int) -> JobSnapshot | None:
        with self._lock:
            job = self._jobs.get(job_id)
            return self._snapshot(job) if job else None

    def snapshots(self) -> list[JobSnapshot]:
        with self._lock:
            jobs = sorted(self._jobs.values(), key=lambda j: j.record.position)
            return [self._snapshot(j) for j in jobs]

    # -- loading and adding ----------------------------------------------------------------------------------
    def restore(self, *, resume: bool = True, ids: Iterable[int] | None = None) -> list[JobSnapshot]:
        """Load the queue after a start (or a crash). Items that were running come back queued (``resume``) or
        paused; their finished parts are found again on the server when they run. ``ids`` limits loading to
        those items (the CLI runs only what it was asked to)."""
        items = self.store.items()
        if ids is not None:
            wanted = set(ids)
            items = [r for r in items if r.id in wanted]
        suspended = self._suspended()
        with self._lock:
            moved: list[int] = []  # items whose state changes to ``back``: one transaction for all of them
            back = JobState.QUEUED if resume else JobState.PAUSED
            for rec in items:
                if rec.id in self._jobs:
                    continue
                state = JobState(rec.state)
                interrupted = state.active or (state is JobState.PAUSED and rec.id in suspended)
                waiting = state is JobState.QUEUED and not resume  # "resume on click": nothing starts by itself
                if interrupted or waiting:
                    state = back
                    moved.append(rec.id)
                error = (JobError(rec.error_code, rec.error_message or "", rec.error_request_id,
                                  rec.error_kind or "unknown") if rec.error_code else None)
                self._jobs[rec.id] = _Job(rec, state, rec.bytes_done, error, rec.note, SpeedMeter(self.clock))
            self.store.update_many(moved, state=back.value)
            snaps = tuple(self._snapshot(self._jobs[r.id]) for r in items)
        if suspended:
            left = suspended - {r.id for r in items}
            self.store.set_meta(SUSPENDED_KEY, json.dumps(sorted(left)) if left else None)
        if snaps:
            self._publish(JobsAdded(snaps))
        self._schedule()
        return list(snaps)

    def add(self, items: Iterable[NewItem], *, start: bool = True) -> list[int]:
        """Queue items (persisted first). ``start=False`` adds them paused."""
        new = [replace(i, state=(JobState.QUEUED if start else JobState.PAUSED).value) for i in items]
        ids = self.store.add_items(new)
        records = self.store.items_by_ids(ids)  # just these rows, read before taking the engine lock
        with self._lock:
            snaps = []
            for rec in records:
                job = _Job(rec, JobState(rec.state), 0, meter=SpeedMeter(self.clock))
                self._jobs[rec.id] = job
                snaps.append(self._snapshot(job))
        self._publish(JobsAdded(tuple(snaps)))
        self._schedule()
        return ids

    def add_files(self, paths: Iterable[str], profile: str, metadata: dict[str, Any] | None = None, *,
                  start: bool = True) -> list[int]:
        """Queue files by path; the size and mtime are read now so a later change can be noticed. Each file
        becomes the kind its extension says (:func:`~vodgui.core.media_items.kind_for_path`)."""
        return self.add([file_item(path, profile, metadata) for path in paths], start=start)

    # -- state changes (JobCallbacks) ------------------------------------------------------------------------
    def set_state(self, job_id: int, state: JobState, **changes: Any) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return
            old = job.state
            if state is not old:
                check_transition(old, state)
                job.state = state
            db: dict[str, Any] = {"state": state.value}
            if "error" in changes:
                err = changes.pop("error")
                job.error = None if err is None else JobError(err.code, err.message, err.request_id, err.kind.value)
                db.update(error_code=err.code if err else None, error_message=err.message if err else None,
                          error_request_id=err.request_id if err else None,
                          error_kind=err.kind.value if err else None)
            if "note" in changes:
                job.note = changes.pop("note")
                db["note"] = job.note
            if "video_id" in changes:
                job.record.video_id = changes.pop("video_id")
            for name in ("crc64", "upload_id"):
                if name in changes:
                    db[name] = changes.pop(name)
            # The row as the job thread left it (its VideoId, size, extra...); read once, before our update, whose
            # values are applied to it below so job.record matches the row after the update.
            fresh = self.store.get(job_id)
            if state is JobState.DONE:
                # The size as stored now: an M3U8 package or an upload by URL learns its size while it runs.
                job.bytes_done = fresh.size if fresh is not None else job.record.size
                db["finished_at"] = time.time()
            if state is JobState.PREPARING and old is not JobState.PREPARING:
                db["started_at"] = time.time()
                db["attempts"] = job.record.attempts + 1
                job.record.attempts += 1
            if state in (JobState.PAUSED, JobState.FAILED, JobState.DONE, JobState.CANCELLED, JobState.QUEUED):
                db["bytes_done"] = job.bytes_done
            self.store.update(job_id, **db)
            if fresh is not None:
                job.record = replace(fresh, metadata=job.record.metadata, **db)
            snap = self._snapshot(job)
        if state is not old:
            _log_transition(snap, old)
        self._publish(JobChanged(snap, old))

    def add_progress(self, job_id: int, delta: int) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return
            job.bytes_done = max(0, min(job.record.size, job.bytes_done + delta))
            if job.meter is not None:
                job.meter.add(job.bytes_done)
            done = job.bytes_done
        self._publish(Progress(job_id, delta, done))

    def reset_progress(self, job_id: int) -> None:
        with self._lock:
            job = self._jobs.get(job_id)
            if job is None:
                return
            delta = -job.bytes_done
            job.bytes_done = 0
            if job.meter is not None:
                job.meter.reset()
        if delta:
            self._publish(Progress(job_id, delta, 0))

    def set_cover(self, job_id: int, url: str) -> str | None:
        """A cover image for queue item ``job_id`` is uploaded: its VideoId if the video exists already (the caller
        then sets the cover with UpdateVideoInfo), else None after putting ``url`` into the item's metadata, which
        CreateUploadVideo sends.

        The metadata is written before the VideoId is read, and a video job reads the metadata again after it
        stored its new VideoId (:meth:`JobRunner._sync_cover`): whichever comes second sets the cover.
        """
        with self._lock:
            job = self._jobs.get(job_id)
            record = job.record if job is not None else self.store.get(job_id)
            if record is None:
                return None  # removed from the queue meanwhile
            metadata = {**record.metadata, "cover_url": url}
            self.store.update(job_id, metadata=metadata)
            record.metadata = metadata
            fresh = self.store.get(job_id)
            video_id = fresh.video_id if fresh is not None else None
            if job is not None and video_id:
                job.record.video_id = video_id
            snap = self._snapshot(job) if job is not None else None
        if snap is not None:
            self._publish(JobChanged(snap, snap.state))
        return video_id

    def retrying(self, job_id: int, what: str, error: VodError, attempt: int, delay: float) -> None:
        self._publish(Retrying(job_id, what, JobError(error.code, error.message, error.request_id,
                                                      error.kind.value), attempt, delay))

    # -- scheduling ------------------------------------------------------------------------------------------
    def _running(self) -> int:
        return sum(1 for j in self._jobs.values() if j.thread is not None)

    def _schedule(self) -> None:
        if not self.auto_start:
            return
        with self._lock:
            if self._closed:
                return
            free = self.concurrent_files - self._running()
            if free <= 0:
                return
            for job in sorted(self._jobs.values(), key=lambda j: j.record.position):
                if free <= 0:
                    break
                if job.state is JobState.QUEUED and job.thread is None:
                    job.stop = threading.Event()
                    job.cancel = threading.Event()
                    # Started under the lock: a thread in job.thread is always joinable (shutdown joins them).
                    job.thread = threading.Thread(target=self._run_job, args=(job,), daemon=True,
                                                  name=f"vodgui-job-{job.record.id}")
                    job.thread.start()
                    free -= 1

    def _run_job(self, job: _Job) -> None:
        job_id = job.record.id
        try:
            try:
                session = self._sessions(job.record.profile)
                record = self.store.get(job_id) or job.record
                runner = JobRunner(record, session, self.store, self, self.clock, self._executor, job.stop,
                                   job.cancel, self.limiter)
            except VodError as err:
                self.set_state(job_id, JobState.FAILED, error=err)
                return
            except Exception as exc:  # a bug: the job must end (left QUEUED it would be started again at once)
                log.exception("job %s could not start", job_id)
                self.set_state(job_id, JobState.FAILED, error=_internal_error(exc))
                return
            runner.run()
        except HomeFault as fault:  # the queue cannot be written: the front end says so and stops
            log.info("job %s stopped: %s", job_id, fault.code)
            self.home_fault = fault
        finally:
            self._thread_ended(job)

    def _thread_ended(self, job: _Job) -> None:
        """The job's thread (a run, or the abort of an idle job) is about to end: the slot is free again."""
        with self._lock:
            job.thread = None
            remove = job.remove_when_stopped
            self._idle.notify_all()
        if remove:
            self._drop([job.record.id])
        self._schedule()

    # -- user actions ----------------------------------------------------------------------------------------
    def start_queue(self) -> None:
        self.auto_start = True
        self._schedule()

    def pause(self, job_ids: Iterable[int]) -> None:
        for job_id in job_ids:
            with self._lock:
                job = self._jobs.get(job_id)
                if job is None:
                    continue
                if job.thread is not None:
                    job.stop.set()  # the job thread moves itself to PAUSED
                    continue
                state = job.state
            if state is JobState.QUEUED:
                self.set_state(job_id, JobState.PAUSED)

    def suspend(self, job_ids: Iterable[int]) -> None:
        """Pause because the program is closing. Unlike a pause by the user, the next ``restore(resume=True)``
        resumes these items, as it does for items that were running when the program crashed."""
        ids = list(job_ids)
        if ids:
            self.store.set_meta(SUSPENDED_KEY, json.dumps(sorted(self._suspended() | set(ids))))
            self.pause(ids)

    def _suspended(self) -> set[int]:
        try:
            return {int(i) for i in json.loads(self.store.get_meta(SUSPENDED_KEY) or "[]")}
        except (ValueError, TypeError):
            return set()

    def resume(self, job_ids: Iterable[int]) -> None:
        """Paused or failed items go back to the queue (a failed one is a retry)."""
        for job_id in job_ids:
            with self._lock:
                job = self._jobs.get(job_id)
                state = job.state if job else None
                busy = job is not None and job.thread is not None
            if not busy and state in (JobState.PAUSED, JobState.FAILED):
                self.set_state(job_id, JobState.QUEUED, error=None)
        self._schedule()

    retry = resume

    def cancel(self, job_ids: Iterable[int]) -> None:
        """Stop and abort the OSS multipart upload (the VOD video stays, in Uploading status)."""
        for job_id in job_ids:
            with self._lock:
                job = self._jobs.get(job_id)
                if job is None or job.state.terminal:
                    continue
                if job.thread is not None:  # running, or its abort is under way already
                    job.cancel.set()
                    job.stop.set()
                    continue
                abort = bool(job.record.upload_id)
                if abort:
                    # Not running: a thread of its own only aborts its multipart upload, in the background. Held
                    # in job.thread like a run, so nothing starts, resumes or drops the item meanwhile.
                    job.stop = threading.Event()
                    job.cancel = threading.Event()
                    job.cancel.set()
                    job.stop.set()
                    job.thread = threading.Thread(target=self._abort_idle, args=(job,), daemon=True,
                                                  name=f"vodgui-abort-{job_id}")
                    job.thread.start()
            if not abort:
                self.set_state(job_id, JobState.CANCELLED)

    def _abort_idle(self, job: _Job) -> None:
        job_id = job.record.id
        try:
            try:
                session = self._sessions(job.record.profile)
                record = self.store.get(job_id) or job.record
                runner = JobRunner(record, session, self.store, self, self.clock, self._executor, job.stop,
                                   job.cancel, self.limiter)
                runner.abort_idle()
            except VodError as err:
                log.warning("cancel of %s could not abort the upload: %s", job_id, err)
            except Exception:  # a bug: the cancel still happens; OSS lifecycle rules remove the parts
                log.exception("cancel of %s could not abort the upload", job_id)
            self.set_state(job_id, JobState.CANCELLED)
        finally:
            self._thread_ended(job)

    def remove(self, job_ids: Iterable[int]) -> None:
        """Forget items. Running ones are cancelled first; finished uploads stay in the history."""
        now: list[int] = []
        for job_id in job_ids:
            with self._lock:
                job = self._jobs.get(job_id)
                if job is None:
                    continue
                if job.thread is not None:
                    job.remove_when_stopped = True
                    job.cancel.set()
                    job.stop.set()
                    continue
            now.append(job_id)
        self._drop(now)

    def _drop(self, job_ids: list[int]) -> None:
        if not job_ids:
            return
        self.store.remove(job_ids)
        with self._lock:
            for job_id in job_ids:
                self._jobs.pop(job_id, None)
            self._idle.notify_all()
        self._publish(JobsRemoved(tuple(job_ids)))

    def update_metadata(self, job_ids: Iterable[int], changes: dict[str, Any]) -> None:
        """Edit metadata of items that have not been created in VOD yet (after that VOD owns it)."""
        for job_id in job_ids:
            with self._lock:
                job = self._jobs.get(job_id)
                if job is None or job.record.video_id or job.thread is not None:
                    continue
                job.record.metadata.update(changes)
                self.store.update(job_id, metadata=job.record.metadata)
                snap = self._snapshot(job)
            self._publish(JobChanged(snap, snap.state))

    def set_bandwidth_limit(self, bytes_per_second: int) -> None:
        self.limiter.set_rate(bytes_per_second)

    def set_concurrent_files(self, count: int) -> None:
        self.concurrent_files = max(1, int(count))
        self._schedule()

    # -- waiting and shutting down ---------------------------------------------------------------------------
    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until no job is running and none is queued (for the CLI and tests)."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            while any(j.thread is not None or (j.state is JobState.QUEUED and self.auto_start)
                      for j in self._jobs.values()):
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._idle.wait(0.2 if left is None else min(0.2, left))
        return True

    def shutdown(self, *, pause: bool = True, timeout: float = 30.0) -> bool:
        """Stop scheduling; pause running jobs (they resume on the next start) and wait for their threads."""
        with self._lock:
            self._closed = True
            running = [j for j in self._jobs.values() if j.thread is not None]
            for job in running:
                if pause:
                    job.stop.set()
        deadline = time.monotonic() + timeout
        for job in running:
            thread = job.thread
            if thread is not None:
                thread.join(max(0.0, deadline - time.monotonic()))
        if self._own_executor:
            self._executor.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            return all(j.thread is None for j in self._jobs.values())


def _internal_error(exc: Exception) -> VodError:
    return VodError("InternalError", f"Unexpected {type(exc).__name__}: {exc}")


def _log_transition(snap: JobSnapshot, old: JobState) -> None:
    """One log line per state change: what the Log page and diagnostics show about an upload."""
    name = os.path.basename(snap.path)
    if snap.state is JobState.FAILED and snap.error is not None:
        rid = f" RequestId {snap.error.request_id}" if snap.error.request_id else ""
        log.warning("job %d %s failed: %s: %s%s", snap.job_id, name, snap.error.code, snap.error.message, rid)
    elif snap.state is JobState.DONE:
        log.info("job %d %s done: VideoId %s, %d bytes", snap.job_id, name, snap.video_id, snap.size)
    else:
        video = f" (VideoId {snap.video_id})" if snap.video_id else ""
        log.info("job %d %s: %s -> %s%s", snap.job_id, name, old.value, snap.state.value, video)
