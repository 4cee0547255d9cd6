"""The transfer engine: schedules jobs, limits bandwidth, relays their events. It holds no item state.

Each queue item is a :class:`~vodgui.core.transfer.job.Job`, which owns its record, writes its row and publishes
what happened. The engine decides when a job runs (at most ``concurrent_files`` at once, in queue order), turns
user actions into requests to the jobs, and passes events on to subscribers.

Thread model: one thread per running job, each driving its parts on the shared part executor. Public methods are
thread-safe and never block on the network, so the GUI thread may call them. Subscribers get events on engine
threads.
"""

from __future__ import annotations

import heapq
import json
import logging
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import Any

from vodgui.core.clock import Clock, SystemClock
from vodgui.core.errors import VodError
from vodgui.core.home_faults import HomeFault
from vodgui.core.messages import Message
from vodgui.core.store import QueueLine, QueueStore
from vodgui.core.transfer.adaptive import ConnectionGate, GateState
from vodgui.core.transfer.bandwidth import BandwidthSchedule, RateLimiter
from vodgui.core.transfer.config import TransferConfig
from vodgui.core.transfer.context import ProfileSession
from vodgui.core.transfer.events import (
    Connections,
    Event,
    JobChanged,
    JobsAdded,
    JobSnapshot,
    JobsRemoved,
    JobState,
    Subscriber,
)
from vodgui.core.transfer.job import Job, running_elsewhere
from vodgui.core.transfer.record import Kind, NewItem

log = logging.getLogger(__name__)

#: Store meta key: ids of items paused because the program closed (see :meth:`TransferEngine.suspend`).
SUSPENDED_KEY = "suspended_items"
#: Store meta key: the queue's bandwidth schedule, set by ``vodgui queue limit`` or the GUI while uploads run;
#: every engine on this queue (the app, a CLI upload) follows it within seconds.
LIMIT_KEY = "bandwidth_schedule"


def stored_schedule(store: QueueStore) -> BandwidthSchedule | None:
    """The schedule ``vodgui queue limit`` stored for the queue, or None."""
    text = store.get_meta(LIMIT_KEY)
    if text is None:
        return None
    try:
        return BandwidthSchedule.parse(text)
    except VodError:
        return None


class TransferEngine:
    """Runs queue items.

    Args:
        store: the queue database.
        sessions: builds (and caches) the :class:`ProfileSession` for a profile name; raises VodError if the
            profile is unusable (missing secret, bad settings).
        clock: time source (tests pass a fake one).
        part_executor: runs part uploads; default a thread pool sized for ``concurrent_files * parts``.
        concurrent_files: files uploading at once (at the start, when adaptive).
        bandwidth_limit: bytes per second for all uploads together (0 = unlimited).
        auto_start: start queued jobs as soon as slots free up.
        adaptive: let the connection gate grow and shrink requests in flight and files at once.
        parts_in_flight: requests per file; the adaptive gate starts at ``parts_in_flight * concurrent_files``
            (what the fixed mode keeps) and moves from there.
        max_connections: the most requests in flight when adaptive.
        bandwidth_schedule: a time-of-day limit (replaces ``bandwidth_limit`` when set).
    """

    def __init__(self, store: QueueStore, sessions: Callable[[str], ProfileSession], *,
                 clock: Clock | None = None, part_executor: Executor | None = None, concurrent_files: int = 2,
                 bandwidth_limit: int = 0, auto_start: bool = True, adaptive: bool = True,
                 parts_in_flight: int = 4, max_connections: int = 16, bandwidth_schedule: str = "") -> None:
        self.store = store
        self._sessions = sessions
        self.clock = clock or SystemClock()
        self._own_executor = part_executor is None
        self._executor = part_executor or ThreadPoolExecutor(max_workers=64, thread_name_prefix="vodgui-part")
        self._lock = threading.RLock()
        self._jobs: dict[int, Job] = {}
        self._order: list[Job] | None = None  # the jobs in queue order (None: sort again), see _ordered
        # What the scheduler reads each time a job ends, kept so that it need not walk the queue (100,000 paused
        # items before the first queued one made each pass slow, and a mass pause ran for minutes): the jobs with
        # a thread, and a heap (queue position first) of the jobs that became QUEUED, cleaned lazily: an entry
        # whose job is no longer queued, runs or is gone is dropped when it comes to the top.
        self._running: set[Job] = set()
        self._queued: list[tuple[float, int, Job]] = []
        self._queued_lock = threading.Lock()  # taken last, alone: jobs report from their own threads
        # Bound once: two new method objects per job would be 200,000 objects in a queue of 100,000.
        self._job_callbacks = (self._job_event, self._cover_ready)
        self._subscribers: list[Subscriber] = []
        self.concurrent_files = concurrent_files
        self._parts_in_flight = parts_in_flight
        # Adaptive starts where the fixed mode stays (parts of a file x files at once) and moves from there: a
        # fat link is filled from the first second, a thin one gives the extra connections back within an epoch.
        self._gate_start = max(1, min(max_connections, parts_in_flight * concurrent_files))
        self.gate = ConnectionGate(self._gate_start, max_connections, adaptive=adaptive)
        if not adaptive:
            self.gate.configure(initial=parts_in_flight * concurrent_files,
                                maximum=parts_in_flight * concurrent_files)
        self.limiter = RateLimiter(bandwidth_limit, source=lambda: stored_schedule(store), gate=self.gate)
        if bandwidth_schedule:
            self.limiter.set_schedule(BandwidthSchedule.parse(bandwidth_schedule))
        self.gate.on_change = self._gate_changed
        self.auto_start = auto_start
        self._idle = threading.Condition(self._lock)
        self._closed = False
        #: Set when a job stopped because the home is full or read-only (nothing more can be recorded).
        self.home_fault: HomeFault | None = None

    @classmethod
    def for_config(cls, store: QueueStore, sessions: Callable[[str], ProfileSession],
                   transfer: TransferConfig | None, **kwargs: Any) -> TransferEngine:
        """An engine with the live settings (files at once, connections, bandwidth) of a profile's ``transfer``
        configuration (defaults when None)."""
        cfg = transfer or TransferConfig()
        return cls(store, sessions, concurrent_files=cfg.concurrent_files, bandwidth_limit=cfg.bandwidth_limit,
                   adaptive=cfg.adaptive, parts_in_flight=cfg.parts_in_flight,
                   max_connections=cfg.max_connections, bandwidth_schedule=cfg.bandwidth_schedule, **kwargs)

    # -- subscribers -----------------------------------------------------------------------------------------
    def subscribe(self, subscriber: Subscriber) -> None:
        with self._lock:
            self._subscribers.append(subscriber)

    def _gate_changed(self, state: GateState) -> None:
        self._publish(self.connections())
        if state.limit > self._gate_start:
            self._schedule()

    def connections(self) -> Connections:
        """Requests in flight and the limits in force, as the event front ends get when they change."""
        st = self.gate.state()
        sched = self.limiter.schedule
        return Connections(st.active, st.limit, st.maximum, st.adaptive, self.limiter.rate,
                           sched.text if sched is not None else "")

    def _job_event(self, event: Event) -> None:
        """What a job reports: a job back in the queue is a candidate for the scheduler; all is published."""
        if isinstance(event, JobChanged) and event.snapshot.state is JobState.QUEUED:
            job = self._jobs.get(event.snapshot.job_id)
            if job is not None:
                self._mark_queued([job])
        self._publish(event)

    def _mark_queued(self, jobs: list[Job]) -> None:
        entries = [(job.position, job.id, job) for job in jobs if job.state is JobState.QUEUED]
        with self._queued_lock:
            if len(entries) > len(self._queued):
                self._queued.extend(entries)
                heapq.heapify(self._queued)
            else:
                for entry in entries:
                    heapq.heappush(self._queued, entry)

    def _publish(self, event: Event) -> None:
        for sub in list(self._subscribers):
            try:
                sub.on_event(event)
            except Exception:  # a broken subscriber must not break uploads
                log.exception("subscriber %r failed", sub)

    # -- jobs ------------------------------------------------------------------------------------------------
    def _job(self, job_id: int) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def _new_job(self, record: Any) -> Job:
        publish, cover_ready = self._job_callbacks
        return Job(record, self.store, self.clock, publish, cover_ready)

    def _cover_ready(self, item_id: int, url: str) -> str | None:
        job = self._job(item_id)
        if job is not None:
            return job.set_cover_url(url)
        return None  # removed from the queue meanwhile

    def snapshot(self, job_id: int) -> JobSnapshot | None:
        job = self._job(job_id)
        return job.snapshot() if job is not None else None

    def snapshots(self) -> list[JobSnapshot]:
        with self._lock:
            jobs = list(self._ordered())
        return [j.snapshot() for j in jobs]

    def _ordered(self) -> list[Job]:
        """The jobs in queue order, sorted again only after jobs came or went (positions never change): the
        scheduler reads it whenever a job ends, and sorting 100,000 jobs each time would hold the GIL for long."""
        if self._order is None:
            self._order = sorted(self._jobs.values(), key=lambda j: j.position)
        return self._order

    # -- loading and adding ----------------------------------------------------------------------------------
    def restore(self, *, resume: bool = True, ids: Iterable[int] | None = None) -> list[JobSnapshot]:
        """Load the queue after a start (or a crash). Items a process that is gone left running come back
        interrupted: queued (``resume``) or paused; their finished parts are proven again when they run. Items
        another live process runs are shown but not touched. ``ids`` limits loading to those items."""
        records = self.store.items() if ids is None else self.store.items_by_ids(ids)
        suspended = self._suspended()
        interrupted = []
        with self._lock:
            fresh: list[Job] = []
            for rec in records:
                if rec.id in self._jobs:
                    continue
                job = self._new_job(rec)
                waiting = rec.state is JobState.QUEUED and not resume  # "resume on click": nothing starts by itself
                closed = rec.state is JobState.PAUSED and rec.id in suspended
                if (rec.state.active or waiting or closed) and job.interrupted_by_exit(resume):
                    interrupted.append(job.record)
                self._jobs[rec.id] = job
                fresh.append(job)
            self._order = None
        self._mark_queued(fresh)
        self.store.save_many(interrupted)
        if suspended:
            left = suspended - {r.id for r in records}
            self.store.set_meta(SUSPENDED_KEY, json.dumps(sorted(left)) if left else None)
        snaps = tuple(job.snapshot() for job in fresh)
        if snaps:
            self._publish(JobsAdded(snaps))
        self._schedule()
        return list(snaps)

    def add(self, items: Iterable[NewItem], *, start: bool = True) -> list[int]:
        """Queue items (persisted first). ``start=False`` adds them paused."""
        state = JobState.QUEUED if start else JobState.PAUSED
        records = self.store.add_items(items, state=state)
        jobs = [self._new_job(rec) for rec in records]
        with self._lock:
            for job in jobs:
                self._jobs[job.id] = job
            order = self._order
            if order is not None and jobs and order and jobs[0].position < order[-1].position:
                self._order = None  # not after everything else (QueueStore.add_items puts them there): sort again
            elif order is not None:
                order.extend(jobs)
        self._mark_queued(jobs)
        self._publish(JobsAdded(tuple(job.snapshot() for job in jobs)))
        self._schedule()
        return [job.id for job in jobs]

    def add_files(self, paths: Iterable[str], profile: str, metadata: dict[str, Any] | None = None, *,
                  start: bool = True) -> list[int]:
        """Queue files by path; the size and mtime are read now so a later change can be noticed. Each file
        becomes the kind its extension says (:func:`~vodgui.core.media_items.kind_for_path`)."""
        from vodgui.core.media_items import file_item

        return self.add([file_item(path, profile, metadata) for path in paths], start=start)

    # -- scheduling ------------------------------------------------------------------------------------------
    def _schedule(self) -> None:
        if not self.auto_start:
            return
        with self._lock:
            if self._closed:
                return
            # Called on every finished job and gate report: neither a sort nor a walk of the queue each time (with
            # thousands of tiny files a full sort under the lock was most of the client's work; 100,000 items may
            # be queued or paused). The next queued jobs come off the top of a heap in queue order.
            free = self._files_at_once() - len(self._running)
            waiting = False
            start: dict[Job, None] = {}
            with self._queued_lock:
                heap = self._queued
                while heap:
                    job = heap[0][2]
                    if (job.state is not JobState.QUEUED or job.thread is not None or job in start
                            or self._jobs.get(job.id) is not job):  # (a job may have two entries)
                        heapq.heappop(heap)  # paused, running, finished or removed since: _thread_ended puts a
                        continue  # job that is still queued when its thread ends back
                    if free <= 0:
                        waiting = True
                        break
                    heapq.heappop(heap)
                    start[job] = None
                    free -= 1
            for job in start:
                self._start_thread(job, self._run_job, "job")
            if waiting and self.gate.adaptive:
                self.gate.demand()  # more files wait than may run: the gate may grow

    def _files_at_once(self) -> int:
        """Fixed: ``concurrent_files``. Adaptive: ``concurrent_files`` to start with, and one more for each
        connection the gate grew by beyond where it started (a small file needs one request; a large file fills the
        slots with its parts whatever the number of files)."""
        if not self.gate.adaptive:
            return self.concurrent_files
        return self.concurrent_files + max(0, self.gate.limit - self._gate_start)

    def _start_thread(self, job: Job, target: Callable[[Job], None], what: str) -> None:
        # Started under the lock: a thread in job.thread is always joinable (shutdown joins them).
        thread = threading.Thread(target=target, args=(job,), daemon=True, name=f"vodgui-{what}-{job.id}")
        job.attach_thread(thread)
        self._running.add(job)
        thread.start()

    def _session(self, job: Job) -> ProfileSession | None:
        try:
            return self._sessions(job.record.profile)
        except VodError as err:
            job.fail_to_start(err)
        except Exception as exc:  # a bug: the job must end (left QUEUED it would be started again at once)
            log.exception("job %s could not start", job.id)
            job.fail_to_start(VodError("UnexpectedError", params={"error": f"{type(exc).__name__}: {exc}"}))
        return None

    def _run_job(self, job: Job) -> None:
        try:
            session = self._session(job)
            if session is not None:
                job.run(session, self.clock, self._executor, self.limiter)
        except HomeFault as fault:  # the queue cannot be written: the front end says so and stops
            log.info("job %s stopped: %s", job.id, fault.code)
            self.home_fault = fault
        finally:
            self._thread_ended(job)

    def _abort_idle(self, job: Job) -> None:
        try:
            try:
                session = self._sessions(job.record.profile)
            except Exception as exc:  # the cancel still happens; OSS lifecycle rules remove the parts
                log.warning("cancel of %s could not abort its upload: %s", job.id, exc)
                job.cancel_now()
            else:
                job.abort_idle(session, self.clock, self._executor)
        finally:
            self._thread_ended(job)

    def _thread_ended(self, job: Job) -> None:
        """The job's thread (a run, or the abort of an idle job) is about to end: the slot is free again."""
        with self._lock:
            job.thread = None
            self._running.discard(job)
            remove = job.remove_when_stopped
            self._idle.notify_all()
        if job.state is JobState.QUEUED and not remove:
            self._mark_queued([job])  # requeued while it ran (its entry was dropped then)
        if remove:
            self._drop([job.id])
        self._schedule()

    # -- user actions ----------------------------------------------------------------------------------------
    def start_queue(self) -> None:
        self.auto_start = True
        self._schedule()

    def pause(self, job_ids: Iterable[int]) -> None:
        with self.store.batch():  # 100,000 rows written in a few transactions, not one each
            for job_id in job_ids:
                job = self._job(job_id)
                if job is not None and not job.owned_elsewhere():
                    job.request_pause()

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
        """Paused, failed or cancelled items go back to the queue (a failed one is a retry, a cancelled one a new
        attempt)."""
        with self.store.batch():
            for job_id in job_ids:
                job = self._job(job_id)
                if job is not None:
                    job.requeue()
        self._schedule()

    retry = resume

    def cancel(self, job_ids: Iterable[int]) -> None:
        """Stop, abort the OSS multipart upload and delete what the item made in VOD (its video, image or attached
        media)."""
        with self.store.batch():
            for job_id in job_ids:
                with self._lock:
                    job = self._jobs.get(job_id)
                    if job is None or job.state.terminal or job.owned_elsewhere():
                        continue
                    if job.thread is not None:  # running, or its abort is under way already
                        job.request_cancel()
                        continue
                    if job.record.upload_id or job.record.media_id:
                        # Not running: a thread of its own aborts its multipart upload and deletes the placeholder
                        # video, in the background. Held in
                        # job.thread like a run, so nothing starts, resumes or drops the item meanwhile.
                        self._start_thread(job, self._abort_idle, "abort")
                        continue
                job.cancel_now()

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
                    job.request_cancel()
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
            if self._order is not None:
                gone = set(job_ids)
                self._order = [job for job in self._order if job.id not in gone]
            self._idle.notify_all()
        self._publish(JobsRemoved(tuple(job_ids)))

    def update_metadata(self, job_ids: Iterable[int], changes: dict[str, Any]) -> None:
        """Edit metadata: an item not created in VOD yet keeps it for CreateUploadVideo; a video that exists (while
        it uploads or after) gets it with UpdateVideoInfo, on a thread of its own; its note says how it went."""
        existing: list[Job] = []
        with self.store.batch():
            for job_id in job_ids:
                job = self._job(job_id)
                if job is not None and not job.update_metadata(changes) and job.record.media_id \
                        and job.record.kind in (Kind.VIDEO, Kind.M3U8, Kind.URL):
                    existing.append(job)
        if existing:
            threading.Thread(target=self._apply_video_info, args=(existing, dict(changes)), daemon=True,
                             name="vodgui-metadata").start()

    def _apply_video_info(self, jobs: list[Job], changes: dict[str, Any]) -> None:
        for job in jobs:
            try:
                job.apply_video_info(self._sessions(job.record.profile), changes)
            except Exception:  # a bug or an unusable profile: the others still get their edit
                log.exception("metadata of %s could not be applied", job.id)

    def set_cover(self, job_id: int, url: str) -> str | None:
        """See :meth:`Job.set_cover_url`."""
        return self._cover_ready(job_id, url)

    def set_bandwidth_limit(self, bytes_per_second: int) -> None:
        self.limiter.set_rate(bytes_per_second)
        self._publish(self.connections())

    def set_bandwidth_schedule(self, schedule: str, *, share: bool = False) -> None:
        """Follow a time-of-day limit (``"08:00,4M 18:00,off"``; a single rate is constant) from now on; running
        uploads slow down or speed up within a second. ``share`` also stores it in the queue, so every process
        on this queue (a CLI upload, the app) follows it. Raises ConfigError on bad input."""
        parsed = BandwidthSchedule.parse(schedule)
        if share:
            self.store.set_meta(LIMIT_KEY, parsed.text)
        self.limiter.set_schedule(parsed)
        self._publish(self.connections())

    def set_concurrent_files(self, count: int) -> None:
        self.concurrent_files = max(1, int(count))
        if not self.gate.adaptive:
            self.gate.configure(initial=self._parts_in_flight * self.concurrent_files,
                                maximum=self._parts_in_flight * self.concurrent_files)
        self._schedule()

    def set_connections(self, *, adaptive: bool, parts_in_flight: int, max_connections: int) -> None:
        """Adaptive (start at ``parts_in_flight * concurrent_files``, the fixed mode's count, and move between 1 and
        ``max_connections``) or a fixed count, while uploads run."""
        self._parts_in_flight = max(1, int(parts_in_flight))
        if adaptive:
            self._gate_start = max(1, min(max_connections, self._parts_in_flight * self.concurrent_files))
            self.gate.configure(initial=self._gate_start, maximum=max_connections, adaptive=True)
        else:
            fixed = self._parts_in_flight * self.concurrent_files
            self.gate.configure(initial=fixed, maximum=fixed, adaptive=False)
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
                self._idle.wait(0.5 if left is None else min(0.5, left))
        return True

    def shutdown(self, *, pause: bool = True, timeout: float = 30.0) -> bool:
        """Stop scheduling; pause running jobs (they resume on the next start) and wait for their threads."""
        with self._lock:
            self._closed = True
            running = [j for j in self._jobs.values() if j.thread is not None]
        if pause:
            for job in running:
                job.request_pause()
        deadline = time.monotonic() + timeout
        for job in running:
            thread = job.thread
            if thread is not None:
                thread.join(max(0.0, deadline - time.monotonic()))
        if self._own_executor:
            self._executor.shutdown(wait=False, cancel_futures=True)
        with self._lock:
            return all(j.thread is None for j in self._jobs.values())


def read_queue(store: QueueStore) -> list[JobSnapshot]:
    """The queue as snapshots, without running or changing anything (``vodgui upload --hold`` reports with
    them). An item whose process is gone shows as interrupted, as the next start will treat it. A listing reads
    :func:`list_queue` instead: no job per item."""
    snaps = []
    for rec in store.items():
        job = Job(rec, store, SystemClock(), lambda event: None, lambda item_id, url: None)
        if rec.state.active:
            job.interrupted_by_exit(resume=False)
        snaps.append(job.snapshot())
    return snaps


def list_queue(store: QueueStore) -> list[QueueLine]:
    """The queue as it stands (``vodgui queue list``), without running or changing anything and without building
    a job per item: 100,000 items list in well under a second. An item whose process is gone shows as
    interrupted (paused), as the next start will treat it (:meth:`Job.interrupted_by_exit`)."""
    lines = store.lines()
    for n, line in enumerate(lines):
        if line.state.active and not running_elsewhere(line.owner_pid):
            lines[n] = line._replace(state=JobState.PAUSED, note=Message("note.interrupted", {}), owner_pid=None)
    return lines
