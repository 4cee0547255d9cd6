"""Job states, their legal transitions, and the events the engine publishes.

Subscribers (the GUI bridge, the CLI progress bar) receive events on engine threads and must hand them to their
own thread; they must not block.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol


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
    _S.CANCELLED: frozenset(),
}


class IllegalTransition(RuntimeError):
    pass


def check_transition(old: JobState, new: JobState) -> None:
    if new not in TRANSITIONS[old]:
        raise IllegalTransition(f"a job cannot go from {old.value} to {new.value}")


@dataclass(frozen=True)
class JobError:
    code: str
    message: str
    request_id: str | None = None
    kind: str = "unknown"

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "request_id": self.request_id, "kind": self.kind}


@dataclass(frozen=True)
class JobSnapshot:
    """An immutable view of one job for the UI and the CLI."""

    job_id: int
    path: str
    size: int
    profile: str
    state: JobState
    bytes_done: int = 0
    video_id: str | None = None
    title: str = ""
    error: JobError | None = None
    note: str | None = None
    speed: float | None = None  # bytes/s, None when unknown
    eta: float | None = None  # seconds, None when unknown
    metadata: dict[str, Any] = field(default_factory=dict)
    #: ``video``, ``image``, ``attached``, ``m3u8`` or ``url`` (see :mod:`vodgui.core.media_items`).
    kind: str = "video"
    #: The kind's own parameters (image type, business type...), as stored with the item.
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def fraction(self) -> float:
        return 1.0 if self.size <= 0 and self.state is JobState.DONE else (
            self.bytes_done / self.size if self.size > 0 else 0.0)

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
    """Bytes moved for a job since the previous event: negative when a failed part rewinds."""

    job_id: int
    delta: int
    bytes_done: int


@dataclass(frozen=True)
class Retrying:
    job_id: int
    what: str
    error: JobError
    attempt: int
    delay: float


Event = JobsAdded | JobsRemoved | JobChanged | Progress | Retrying


class Subscriber(Protocol):
    def on_event(self, event: Event) -> None: ...
