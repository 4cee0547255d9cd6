"""Job states, their legal transitions, and the events the engine publishes.

Every event carries what a front end shows; no front end reads the engine or the store to render a row.
Subscribers (the GUI bridge, the CLI progress bar) receive events on engine threads and must hand them to their
own thread; they must not block.

Progress has two numbers: ``confirmed`` bytes (parts and objects the service acknowledged; never decreases while
an upload lives) and ``in_flight`` bytes (read into requests that have not been answered yet; a retried or
paused request takes its bytes back from here, never from ``confirmed``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from vodgui.core.messages import Message

if TYPE_CHECKING:
    from vodgui.core.transfer.record import Details, Kind


class JobState(StrEnum):
    QUEUED = "queued"  # waiting for a slot
    PREPARING = "preparing"  # checking the file, getting VideoId/credentials, finding finished parts
    UPLOADING = "uploading"
    COMPLETING = "completing"
    DONE = "done"
    PAUSED = "paused"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def terminal(self) -> bool:
        return self in (JobState.DONE, JobState.CANCELLED)

    @property
    def active(self) -> bool:
        return self in (JobState.PREPARING, JobState.UPLOADING, JobState.COMPLETING)


_S = JobState
TRANSITIONS: dict[JobState, frozenset[JobState]] = {
    _S.QUEUED: frozenset({_S.PREPARING, _S.PAUSED, _S.CANCELLED, _S.FAILED}),
    _S.PREPARING: frozenset({_S.UPLOADING, _S.COMPLETING, _S.PAUSED, _S.FAILED, _S.CANCELLED, _S.QUEUED}),
    # UPLOADING -> DONE: a single PUT has no completion step.
    _S.UPLOADING: frozenset({_S.COMPLETING, _S.DONE, _S.PAUSED, _S.FAILED, _S.CANCELLED, _S.QUEUED}),
    _S.COMPLETING: frozenset({_S.DONE, _S.PAUSED, _S.FAILED, _S.CANCELLED, _S.QUEUED}),
    _S.PAUSED: frozenset({_S.QUEUED, _S.CANCELLED}),
    _S.FAILED: frozenset({_S.QUEUED, _S.CANCELLED}),
    _S.DONE: frozenset(),  # like s3transfer: a finished job never moves again
    # Queued again by the user: a new attempt from the first byte (the cancel removed the upload and its video).
    _S.CANCELLED: frozenset({_S.QUEUED}),
}


class IllegalTransition(RuntimeError):
    pass


def check_transition(old: JobState, new: JobState) -> None:
    if new not in TRANSITIONS[old]:
        raise IllegalTransition(f"a job cannot go from {old.value} to {new.value}")


@dataclass(frozen=True)
class JobError:
    """Why a job failed: the code (ours or the service's), its parameters, the service's own text."""

    code: str
    message: str
    request_id: str | None = None
    kind: str = "unknown"
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "request_id": self.request_id, "kind": self.kind,
                "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> JobError:
        return cls(str(data.get("code") or "Unknown"), str(data.get("message") or ""), data.get("request_id"),
                   str(data.get("kind") or "unknown"), dict(data.get("params") or {}))


@dataclass(frozen=True, slots=True)
class JobSnapshot:
    """An immutable view of one job for the UI and the CLI: everything a row shows."""

    job_id: int
    kind: Kind
    path: str
    size: int
    profile: str
    state: JobState
    title: str
    details: Details
    confirmed: int = 0
    in_flight: int = 0
    media_id: str | None = None
    error: JobError | None = None
    note: Message | None = None
    speed: float | None = None  # bytes/s, None when unknown (never a false 0)
    eta: float | None = None  # seconds, None when unknown
    metadata: Mapping[str, Any] = field(default_factory=dict, hash=False)
    position: float = 0.0
    #: Set while the service is throttling us and the job waits to try again (a Message: what and how long).
    waiting: Message | None = None

    @property
    def bytes_done(self) -> int:
        """What a progress bar shows: acknowledged bytes plus those on their way."""
        return min(self.size, self.confirmed + self.in_flight) if self.size > 0 else self.confirmed

    @property
    def fraction(self) -> float:
        if self.size <= 0:
            return 1.0 if self.state is JobState.DONE else 0.0
        return self.bytes_done / self.size

    @property
    def progress_known(self) -> bool:
        """False while nothing says how far the transfer is (an upload by URL: VOD fetches the file itself)."""
        return self.size > 0 or self.state is JobState.DONE


@dataclass(frozen=True)
class JobsAdded:
    snapshots: tuple[JobSnapshot, ...]


@dataclass(frozen=True)
class JobsRemoved:
    job_ids: tuple[int, ...]


@dataclass(frozen=True)
class JobChanged:
    """State, VideoId, error or note changed."""

    snapshot: JobSnapshot
    old_state: JobState


@dataclass(frozen=True)
class Progress:
    """A job's bytes moved: acknowledged and in flight, with the speed and ETA the job measured."""

    job_id: int
    confirmed: int
    in_flight: int
    speed: float | None
    eta: float | None


@dataclass(frozen=True)
class Retrying:
    """A request of the job failed and is tried again after ``delay`` seconds (``attempt`` counts from 1)."""

    job_id: int
    what: str
    error: JobError
    attempt: int
    delay: float


@dataclass(frozen=True)
class Connections:
    """The engine's requests in flight (``active``) and how many it allows now (``limit``, at most ``maximum``);
    ``adaptive`` when the limit follows measured throughput. ``bandwidth`` is the limit in force (bytes/s, 0 =
    none) and ``schedule`` the time-of-day schedule it comes from ("" = a constant limit)."""

    active: int
    limit: int
    maximum: int
    adaptive: bool
    bandwidth: int = 0
    schedule: str = ""


Event = JobsAdded | JobsRemoved | JobChanged | Progress | Retrying | Connections


class Subscriber(Protocol):
    def on_event(self, event: Event) -> None: ...
