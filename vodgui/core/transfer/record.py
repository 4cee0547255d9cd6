"""The typed record of one queue item: common fields plus one dataclass per kind.

A :class:`JobRecord` is what the queue database row says, as Python values. Only the item's
:class:`~vodgui.core.transfer.job.Job` changes it (and writes it back); everything else reads snapshots.

Kinds and their details:

* :attr:`Kind.VIDEO`: CreateUploadVideo + one object (the original path); no details of its own;
* :attr:`Kind.IMAGE`: CreateUploadImage; :class:`ImageDetails` (image type, the videos whose cover it becomes,
  the URLs VOD gave, the CRC64 once the object is stored);
* :attr:`Kind.ATTACHED`: CreateUploadAttachedMedia; :class:`AttachedDetails` (business type, URLs, CRC64);
* :attr:`Kind.M3U8`: an HLS package under one VideoId; :class:`M3u8Details` (how many segments);
* :attr:`Kind.URL`: UploadMediaByURL; :class:`UrlDetails` (the VOD JobId once submitted, when it was submitted).

The media id of every kind (VideoId, ImageId, MediaId) is ``media_id``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from enum import StrEnum
from typing import Any

from vodgui.core.messages import Message
from vodgui.core.transfer.events import JobError, JobState


class Kind(StrEnum):
    VIDEO = "video"
    IMAGE = "image"
    ATTACHED = "attached"
    M3U8 = "m3u8"
    URL = "url"


@dataclass(frozen=True)
class CoverTarget:
    """A video whose CoverURL an image becomes: an existing one (``video_id``) or a queue item (``item_id``)."""

    video_id: str | None = None
    item_id: int | None = None


@dataclass(frozen=True)
class VideoDetails:
    #: Sent with CreateUploadVideo and committed before it: a create whose answer was lost (a crash, a dropped
    #: connection) is found again by it instead of making a second video.
    reference_id: str | None = None


@dataclass(frozen=True)
class ImageDetails:
    image_type: str = "default"
    cover_for: tuple[CoverTarget, ...] = ()
    url: str | None = None
    file_url: str | None = None
    #: The object's CRC64 once it is stored: a later run only sets covers, it does not upload again.
    uploaded_crc64: str | None = None


@dataclass(frozen=True)
class AttachedDetails:
    business_type: str = "subtitle"
    url: str | None = None
    file_url: str | None = None
    uploaded_crc64: str | None = None


@dataclass(frozen=True)
class M3u8Details:
    segments: int = 0


@dataclass(frozen=True)
class UrlDetails:
    job_id: str | None = None
    #: Set just before UploadMediaByURL is sent: after a crash in between, the next run looks for that job first.
    submitted_at: float | None = None


Details = VideoDetails | ImageDetails | AttachedDetails | M3u8Details | UrlDetails

DETAILS_TYPES: dict[Kind, type[Any]] = {
    Kind.VIDEO: VideoDetails,
    Kind.IMAGE: ImageDetails,
    Kind.ATTACHED: AttachedDetails,
    Kind.M3U8: M3u8Details,
    Kind.URL: UrlDetails,
}


def details_to_json(details: Details) -> dict[str, Any]:
    data = asdict(details)
    if isinstance(details, ImageDetails):
        data["cover_for"] = [{k: v for k, v in asdict(t).items() if v is not None} for t in details.cover_for]
    return {k: v for k, v in data.items() if v not in (None, [], ())}


def details_from_json(kind: Kind, data: dict[str, Any] | None) -> Details:
    cls = DETAILS_TYPES[kind]
    names = {f.name for f in fields(cls)}
    values = {k: v for k, v in (data or {}).items() if k in names}
    if cls is ImageDetails and "cover_for" in values:
        values["cover_for"] = tuple(CoverTarget(t.get("video_id"), t.get("item_id"))
                                    for t in values["cover_for"] or [])
    details: Details = cls(**values)
    return details


def default_details(kind: Kind) -> Details:
    """The details of an item of ``kind`` that has none of its own: one shared instance per kind (they are frozen),
    not one object per item of a batch of 100,000."""
    return _DEFAULTS[kind]


_DEFAULTS: dict[Kind, Details] = {kind: cls() for kind, cls in DETAILS_TYPES.items()}


@dataclass
class NewItem:
    """An item to queue: written to the database before anything is sent for it."""

    path: str
    profile: str
    size: int = 0
    mtime_ns: int = 0
    metadata: dict[str, Any] = field(default_factory=dict)
    kind: Kind = Kind.VIDEO
    state: JobState = JobState.QUEUED
    details: Details = field(default_factory=VideoDetails)


@dataclass(slots=True)
class JobRecord:
    """One queue item as stored. Mutable only inside its Job, under the job's lock."""

    id: int
    position: float
    kind: Kind
    path: str
    size: int
    mtime_ns: int
    metadata: dict[str, Any]
    profile: str
    state: JobState
    details: Details
    media_id: str | None = None
    upload_address: str | None = None
    endpoint: str | None = None
    bucket: str | None = None
    object_key: str | None = None
    upload_id: str | None = None
    part_size: int | None = None
    #: Bytes the service acknowledged (finished parts, stored objects). Never decreases within an upload.
    confirmed_bytes: int = 0
    error: JobError | None = None
    note: Message | None = None
    attempts: int = 0
    created_at: float = 0.0
    updated_at: float = 0.0
    started_at: float | None = None
    finished_at: float | None = None
    crc64: str | None = None
    #: The pid of the process running the item, while it runs: an item whose process is gone was interrupted.
    owner_pid: int | None = None
