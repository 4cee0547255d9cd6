"""One VOD media asset (video/audio, image or auxiliary media) and what follows from it: status and streams.

Status is never stored: it is computed from timestamps against the logical clock, so advancing the clock
moves a video along ``Uploading -> UploadSucc -> Transcoding -> Normal`` without background threads. The
timestamps of the life cycle are fixed when the upload completes (from the settings at that moment), so
changing the settings later does not rewrite the history of media already uploaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, TypeVar

from vodgui.sandbox.vod.validation import AUDIO_EXTENSIONS

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

_R = TypeVar("_R", bound="DataclassInstance")

KIND_VIDEO = "video"
KIND_IMAGE = "image"
KIND_ATTACHED = "attached"

#: Formats the no-transcoding template group can play as they are (CreateUploadVideo docs, note on
#: VOD_NO_TRANSCODE); other formats are stored but have no playable stream.
NO_TRANSCODE_PLAYABLE = frozenset({"mp4", "flv", "mp3", "m3u8"})
#: Transcode states in which a video has no stream yet.
TRANSCODE_PENDING = frozenset({"queued", "running"})


def from_record(cls: type[_R], data: dict[str, Any]) -> _R:
    """A dataclass instance from its stored JSON, ignoring fields the class no longer has (a record written by
    another version of the sandbox)."""
    known = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in known})


@dataclass
class Media:
    """The sandbox's record of one media asset (persisted as JSON under the kind ``vod_media``)."""

    media_id: str
    kind: str
    bucket: str
    key: str
    ext: str
    created_at: float
    modified_at: float
    title: str = ""
    file_name: str = ""
    file_size: int | None = None
    description: str = ""
    tags: list[str] = field(default_factory=list)
    cate_id: int | None = None
    cate_ids: list[int] = field(default_factory=list)
    cover_url: str = ""
    template_group_id: str = ""
    workflow_id: str = ""
    transcode: bool = True
    app_id: str = "app-1000000"
    storage_location: str = ""
    user_data: dict[str, Any] = field(default_factory=dict)
    reference_id: str = ""
    #: m3u8 uploads: the key prefix the upload credentials cover (the playlist's folder + "/").
    prefix: str = ""
    image_type: str = ""
    business_type: str = ""
    # Filled when the object upload completes.
    uploaded_at: float | None = None
    transcode_at: float | None = None
    ready_at: float | None = None
    size: int | None = None
    crc64: int | None = None
    etag: str = ""
    content_type: str = ""
    probe: dict[str, Any] = field(default_factory=dict)
    upload_count: int = 0
    refresh_count: int = 0
    #: Transcoding: "" (records of older sandboxes: the timestamps alone decide), "queued", "running", "done",
    #: "failed"; why it failed; whether the original stays playable as OD; the finished renditions.
    transcode_state: str = ""
    transcode_error: str = ""
    keep_original: bool = True
    renditions: list[dict[str, Any]] = field(default_factory=list)
    #: HLS encryption: the id the playlists name (``Ciphertext``) and the 16-byte key (hex) the key service serves.
    hls_key_id: str = ""
    hls_key: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Media:
        return from_record(cls, data)

    # -- derived ---------------------------------------------------------------------------------------------
    def status(self, now: float) -> str:
        if self.uploaded_at is None:
            return "Uploading"
        if self.kind != KIND_VIDEO:
            return "Normal"
        if self.transcode_state == "queued" or (self.transcode_at is not None and now < self.transcode_at):
            return "UploadSucc"
        if self.transcode_state == "running" or (self.ready_at is not None and now < self.ready_at):
            return "Transcoding"
        if self.transcode_state == "failed":
            return "TranscodeFail"
        return "Normal"

    def modified(self, now: float) -> float:
        """The last time anything visible changed, life-cycle transitions included."""
        times = (self.uploaded_at, self.transcode_at, self.ready_at)
        passed = [t for t in times if t is not None and t <= now]
        return max([self.modified_at, *passed])

    @property
    def duration(self) -> float | None:
        value = self.probe.get("duration")
        return float(value) if value else None

    @property
    def media_type(self) -> str:
        """``video`` or ``audio`` (a video container holding only sound counts as audio)."""
        if self.ext in AUDIO_EXTENSIONS:
            return "audio"
        if self.probe and self.probe.get("has_audio") and not self.probe.get("has_video"):
            return "audio"
        return "video"

    def streams(self) -> list[dict[str, Any]]:
        """The playable streams: the original as OD (when its template group keeps it), then the renditions."""
        if self.kind != KIND_VIDEO or self.uploaded_at is None or self.transcode_state in TRANSCODE_PENDING:
            return []
        original = self._original_stream()
        return ([original] if original else []) + [dict(r) for r in self.renditions]

    def _original_stream(self) -> dict[str, Any] | None:
        if not self.keep_original or self.transcode_state == "failed":
            return None
        if not self.transcode and self.ext not in NO_TRANSCODE_PLAYABLE:
            return None
        duration = self.duration
        bitrate = self.probe.get("bitrate")
        if not bitrate and duration and self.size:
            bitrate = self.size * 8 / duration
        created = self.ready_at if self.ready_at is not None else self.uploaded_at
        return {
            "format": self.ext,
            "definition": "OD",
            "stream_type": self.media_type,
            "size": self.size or 0,
            "duration": duration,
            "width": self.probe.get("width"),
            "height": self.probe.get("height"),
            "fps": self.probe.get("fps"),
            "bitrate_kbps": bitrate / 1000 if bitrate else None,
            "codec": self.probe.get("video_codec") or self.probe.get("audio_codec") or "",
            "job_id": f"{self.media_id[:16]}{self.upload_count:04x}{self.media_id[-12:]}",
            "bucket": self.bucket,
            "key": self.key,
            "created_at": created,
            "encrypt_type": "",
        }
