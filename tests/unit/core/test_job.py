"""The job aggregate on its own: its state machine, its row, and the progress it reports (no network)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vodgui.core.clock import FakeClock
from vodgui.core.messages import Message
from vodgui.core.store import PartRecord, QueueStore
from vodgui.core.transfer.events import (
    TRANSITIONS,
    Event,
    IllegalTransition,
    JobChanged,
    JobState,
    Progress,
    check_transition,
)
from vodgui.core.transfer.job import Job
from vodgui.core.transfer.record import NewItem


class Events:
    def __init__(self) -> None:
        self.seen: list[Event] = []

    def __call__(self, event: Event) -> None:
        self.seen.append(event)

    def progress(self) -> list[Progress]:
        return [e for e in self.seen if isinstance(e, Progress)]

    def states(self) -> list[JobState]:
        return [e.snapshot.state for e in self.seen if isinstance(e, JobChanged)]


@pytest.fixture
def store(tmp_path: Path) -> QueueStore:
    return QueueStore(tmp_path / "q.sqlite3")


def new_job(store: QueueStore, events: Events, clock: FakeClock | None = None, size: int = 4096) -> Job:
    [rec] = store.add_items([NewItem("/v/a.mp4", "p", size, 1)])
    return Job(rec, store, clock or FakeClock(), events, lambda item_id, url: None)


def test_a_finished_job_never_moves_again_and_a_cancelled_one_only_back_to_the_queue() -> None:
    assert TRANSITIONS[JobState.DONE] == frozenset()
    for state in JobState:
        with pytest.raises(IllegalTransition):
            check_transition(JobState.DONE, state)
        if state is not JobState.QUEUED:  # queued again by the user: a new attempt
            with pytest.raises(IllegalTransition):
                check_transition(JobState.CANCELLED, state)
    check_transition(JobState.CANCELLED, JobState.QUEUED)
    check_transition(JobState.FAILED, JobState.QUEUED)  # a retry
    with pytest.raises(IllegalTransition):
        check_transition(JobState.PAUSED, JobState.DONE)


def test_user_actions_on_an_idle_job_are_written_to_its_row(store: QueueStore) -> None:
    events = Events()
    job = new_job(store, events)
    assert job.request_pause() and job.state is JobState.PAUSED
    assert (store.get(job.id) or job.record).state is JobState.PAUSED
    assert job.requeue() and job.state is JobState.QUEUED
    assert not job.requeue()  # queued already: nothing to do
    assert job.update_metadata({"title": "新标题"})
    assert (store.get(job.id) or job.record).metadata == {"title": "新标题"}
    job.cancel_now()
    assert events.states() == [JobState.PAUSED, JobState.QUEUED, JobState.QUEUED, JobState.CANCELLED]
    assert (store.get(job.id) or job.record).state is JobState.CANCELLED
    # A cancelled item is queued again as a new attempt, its metadata kept.
    assert job.requeue() and job.state is JobState.QUEUED
    saved = store.get(job.id) or job.record
    assert saved.state is JobState.QUEUED and saved.metadata == {"title": "新标题"} and saved.upload_id is None


def test_confirmed_bytes_only_grow_and_in_flight_bytes_are_given_back(store: QueueStore) -> None:
    """A retried request and a pause move "in flight", never "confirmed": a bar never runs backwards."""
    events = Events()
    clock = FakeClock()
    job = new_job(store, events, clock)
    job.upload_started("U1", 1024, lambda: None)
    job.in_flight(1024)
    clock.advance(1)
    job.parts_confirmed([PartRecord(1, 1024, '"E1"', 1)], flown=True)
    job.in_flight(700)
    job.in_flight(-700)  # the attempt failed
    clock.advance(1)
    job.in_flight(1024)
    job.parts_confirmed([PartRecord(2, 1024, '"E2"', 2)], flown=True)
    confirmed = [p.confirmed for p in events.progress()]
    assert confirmed == sorted(confirmed) and confirmed[-1] == 2048
    assert events.progress()[-1].in_flight == 0
    assert store.parts(job.id, "U1") == {1: PartRecord(1, 1024, '"E1"', 1), 2: PartRecord(2, 1024, '"E2"', 2)}
    assert (store.get(job.id) or job.record).confirmed_bytes == 2048  # the row says what OSS acknowledged


def test_speed_and_eta_are_unknown_until_there_is_enough_to_say(store: QueueStore) -> None:
    events = Events()
    clock = FakeClock()
    job = new_job(store, events, clock, size=10_000)
    job._change(JobState.PREPARING)
    job.uploading()
    job.in_flight(1000)
    assert job.snapshot().speed is None and job.snapshot().eta is None  # one sample: no false 0
    clock.advance(2)
    job.in_flight(1000)
    snap = job.snapshot()
    assert snap.speed == pytest.approx(500.0) and snap.eta == pytest.approx(16.0)


def test_a_new_upload_id_forgets_the_old_parts_and_the_same_one_keeps_them(store: QueueStore) -> None:
    job = new_job(store, Events())
    job.upload_started("U1", 1024, lambda: None)
    job.parts_confirmed([PartRecord(1, 1024, '"E1"', 1)], flown=False)
    job.upload_started("U1", 1024, lambda: None)  # resumed
    assert store.parts(job.id, "U1") and job.record.confirmed_bytes == 1024
    job.upload_started("U2", 2048, lambda: None)  # a new upload: the old parts belong to another object
    assert store.parts(job.id, "U1") == {} and job.record.confirmed_bytes == 0


def test_an_item_left_running_by_a_dead_process_is_interrupted_one_of_a_live_process_is_not(
        store: QueueStore) -> None:
    job = new_job(store, Events())
    job.record.state, job.record.owner_pid = JobState.UPLOADING, 2**22 + 1  # no such process
    assert job.interrupted_by_exit(resume=True)
    assert job.state is JobState.QUEUED and job.record.note == Message("note.interrupted", {})
    other = new_job(store, Events())
    other.record.state, other.record.owner_pid = JobState.UPLOADING, os.getppid()
    assert other.owned_elsewhere() and not other.interrupted_by_exit(resume=True)
    assert other.state is JobState.UPLOADING


def test_a_throttled_retry_shows_as_waiting_not_as_a_failure(store: QueueStore) -> None:
    from vodgui.core.errors import ErrorKind, VodError

    events = Events()
    job = new_job(store, events)
    job.retrying("UploadPart 3", VodError("SlowDown", "slow", kind=ErrorKind.THROTTLED, retryable=True), 1, 4.0)
    waiting = job.snapshot().waiting
    assert waiting is not None and waiting.code == "waiting.throttled" and waiting.params["delay"] == 4.0
    assert job.state is JobState.QUEUED
    shown = [e.snapshot.waiting for e in events.seen if isinstance(e, JobChanged)]
    assert shown == [waiting]  # a row learns it waits from an event, not by asking
    job.in_flight(10)  # bytes move again
    assert job.snapshot().waiting is None
    assert [e.snapshot.waiting for e in events.seen if isinstance(e, JobChanged)][-1] is None
