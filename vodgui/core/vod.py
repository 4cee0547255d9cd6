"""VOD (2017-03-21): typed wrappers over the official request classes."""

from __future__ import annotations

import json
import os
import threading
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import quote

from aliyunsdkvod.request.v20170321.CreateUploadAttachedMediaRequest import CreateUploadAttachedMediaRequest
from aliyunsdkvod.request.v20170321.CreateUploadImageRequest import CreateUploadImageRequest
from aliyunsdkvod.request.v20170321.CreateUploadVideoRequest import CreateUploadVideoRequest
from aliyunsdkvod.request.v20170321.DeleteAttachedMediaRequest import DeleteAttachedMediaRequest
from aliyunsdkvod.request.v20170321.DeleteImageRequest import DeleteImageRequest
from aliyunsdkvod.request.v20170321.DeleteVideoRequest import DeleteVideoRequest
from aliyunsdkvod.request.v20170321.GetURLUploadInfosRequest import GetURLUploadInfosRequest
from aliyunsdkvod.request.v20170321.GetVideoInfoRequest import GetVideoInfoRequest
from aliyunsdkvod.request.v20170321.GetVideoInfosRequest import GetVideoInfosRequest
from aliyunsdkvod.request.v20170321.RefreshUploadVideoRequest import RefreshUploadVideoRequest
from aliyunsdkvod.request.v20170321.UpdateVideoInfoRequest import UpdateVideoInfoRequest
from aliyunsdkvod.request.v20170321.UploadMediaByURLRequest import UploadMediaByURLRequest

from vodgui.core.acceleration import with_accelerate
from vodgui.core.clock import Clock
from vodgui.core.credentials import UploadAddress, UploadAuth, UploadTicket
from vodgui.core.errors import ErrorKind, VodError, config_error
from vodgui.core.messages import Message
from vodgui.core.pop import ConnectionOptions, PopCaller, SignerSource
from vodgui.core.retry import RetryObserver, RetryPolicy

#: Extensions VOD accepts for CreateUploadVideo (video and audio), lower case.
VIDEO_EXTENSIONS = frozenset([
    "3gp", "asf", "avi", "dat", "dv", "flv", "f4v", "gif", "m2t", "m4v", "mj2", "mjpeg", "mkv", "mov", "mp4",
    "mpe", "mpg", "mpeg", "mts", "ogg", "qt", "rm", "rmvb", "swf", "ts", "vob", "wmv", "webm", "m3u8",
])
AUDIO_EXTENSIONS = frozenset(["aac", "ac3", "acm", "amr", "ape", "caf", "flac", "m4a", "mp3", "ra", "wav", "wma"])
MEDIA_EXTENSIONS = VIDEO_EXTENSIONS | AUDIO_EXTENSIONS

MAX_TITLE_BYTES = 128
MAX_DESCRIPTION_BYTES = 1024
MAX_TAGS = 16
MAX_TAG_BYTES = 32


def default_vod_endpoint(region: str) -> str:
    return f"vod.{region}.aliyuncs.com"


def default_title(file_name: str) -> str:
    """The title a file gets when none is given: its name without the extension, shortened to VOD's limit on a
    UTF-8 character boundary (Chinese names included), without the characters VOD refuses in titles (emoji and
    others beyond the BMP)."""
    stem = os.path.splitext(os.path.basename(file_name))[0] or os.path.basename(file_name)
    title = "".join(c for c in stem if ord(c) <= 0xFFFF).strip() or "video"
    data = title.encode("utf-8")
    if len(data) <= MAX_TITLE_BYTES:
        return title
    return data[:MAX_TITLE_BYTES].decode("utf-8", errors="ignore").rstrip()


def extension_of(path: str) -> str:
    return os.path.splitext(path)[1].lower().lstrip(".")


def shown_extension(ext: str) -> str | dict[str, Any]:
    """``ext`` as a message shows it: ``.mkv``, or the words for "no extension" (a message, translated)."""
    return f".{ext}" if ext else Message("file.no_extension").to_dict()


@dataclass
class VideoMetadata:
    """What CreateUploadVideo records about a video. Empty fields are not sent."""

    title: str = ""
    description: str = ""
    tags: list[str] = field(default_factory=list)
    cate_id: int | None = None
    template_group_id: str = ""
    workflow_id: str = ""
    storage_location: str = ""
    app_id: str = ""
    cover_url: str = ""
    callback_url: str = ""
    #: Extra UserData JSON object (merged with the MessageCallback built from ``callback_url``).
    user_data: str = ""
    #: A custom id, unique in the account (6-64 letters, digits, '-', '_'): vodgui sets one per queue item so
    #: that a CreateUploadVideo whose answer was lost can be found again (GetVideoInfos by ReferenceIds).
    reference_id: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> VideoMetadata:
        data = dict(data or {})
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def user_data_json(self) -> str | None:
        """UserData as VOD expects it, or None. Raises a config error for malformed JSON."""
        extra: dict[str, Any] = {}
        if self.user_data.strip():
            try:
                parsed = json.loads(self.user_data)
            except ValueError as exc:
                raise config_error("InvalidUserData.NotJson", params={"reason": str(exc)}) from None
            if not isinstance(parsed, dict):
                raise config_error("InvalidUserData.NotObject")
            extra = parsed
        if self.callback_url.strip():
            url = self.callback_url.strip()
            if not url.startswith(("http://", "https://")):
                raise config_error("InvalidCallbackURL")
            callback = dict(extra.get("MessageCallback") or {})
            callback["CallbackURL"] = url
            extra["MessageCallback"] = callback
        return json.dumps(extra, ensure_ascii=False, separators=(",", ":")) if extra else None

    def validate(self, file_name: str) -> None:
        """Local checks that mirror the service's, so a bad title is reported before any upload starts."""
        ext = extension_of(file_name)
        if ext not in MEDIA_EXTENSIONS:
            raise VodError("InvalidFileName.Extension", params={
                "ext": shown_extension(ext), "supported": sorted(MEDIA_EXTENSIONS)}, kind=ErrorKind.FILE)
        self.validate_fields(file_name)

    def validate_fields(self, file_name: str) -> None:
        """The checks of :meth:`validate` except the extension (images and attached media have their own)."""
        title = self.title.strip() or default_title(file_name)
        if len(title.encode("utf-8")) > MAX_TITLE_BYTES:
            raise config_error("LengthExceededMax.Title", params={"limit": MAX_TITLE_BYTES})
        if any(ord(c) > 0xFFFF for c in title):
            raise config_error("IllegalCharacters.Title")
        if len(self.description.encode("utf-8")) > MAX_DESCRIPTION_BYTES:
            raise config_error("LengthExceededMax.Description", params={"limit": MAX_DESCRIPTION_BYTES})
        if len(self.tags) > MAX_TAGS:
            raise config_error("TagsExceededMax.Count", params={"limit": MAX_TAGS, "count": len(self.tags)})
        for tag in self.tags:
            if len(tag.encode("utf-8")) > MAX_TAG_BYTES or "," in tag:
                raise config_error("InvalidTags", params={"tag": repr(tag), "limit": MAX_TAG_BYTES})
        self.user_data_json()

    def common_params(self, file_name: str) -> dict[str, Any]:
        """The parameters every Create* call (video, image, attached media) and UploadMediaByURL share; None
        for a field that is not set. The title falls back to the file's name without its extension."""
        return {
            "Title": self.title.strip() or default_title(file_name),
            "Description": self.description or None,
            "Tags": ",".join(t.strip() for t in self.tags if t.strip()) or None,
            "StorageLocation": self.storage_location or None,
            "AppId": self.app_id or None,
            "UserData": self.user_data_json(),
        }

    def create_params(self, file_name: str, file_size: int) -> dict[str, Any]:
        return {
            **self.common_params(file_name),
            "FileName": os.path.basename(file_name),
            "FileSize": file_size,
            "CateId": self.cate_id,
            "TemplateGroupId": self.template_group_id or None,
            "WorkflowId": self.workflow_id or None,
            "CoverURL": self.cover_url or None,
            "ReferenceId": self.reference_id or None,
        }


#: Metadata fields UpdateVideoInfo can change on an existing video, by their UpdateVideoInfo parameter. The
#: others (template group, workflow, storage, app, callback, UserData) only count at CreateUploadVideo.
UPDATABLE_FIELDS = {"title": "Title", "description": "Description", "tags": "Tags", "cate_id": "CateId",
                    "cover_url": "CoverURL"}


def video_info_params(changes: dict[str, Any]) -> dict[str, Any]:
    """UpdateVideoInfo parameters for metadata ``changes`` (fields it cannot change are left out)."""
    params: dict[str, Any] = {}
    for name, param in UPDATABLE_FIELDS.items():
        if name not in changes:
            continue
        value = changes[name]
        if name == "tags":
            value = ",".join(t.strip() for t in (value or []) if t.strip())
        params[param] = value
    return params


@dataclass(frozen=True)
class VideoInfo:
    video_id: str
    title: str
    status: str
    duration: float | None
    size: int | None
    cover_url: str
    creation_time: str
    raw: dict[str, Any]


@dataclass(frozen=True)
class MediaTicket:
    """What CreateUploadImage / CreateUploadAttachedMedia return. Their credentials cannot be refreshed: when
    they expire, the only way on is a new Create call (a new id and object).

    Attributes:
        ticket: ``video_id`` is the ImageId or MediaId.
        url: ImageURL / MediaURL (what a cover or a player uses).
        file_url: the object's plain OSS URL.
    """

    ticket: UploadTicket
    url: str
    file_url: str


@dataclass(frozen=True)
class UrlUploadInfo:
    """One job of GetURLUploadInfos."""

    job_id: str
    status: str
    media_id: str
    upload_url: str
    error_code: str
    error_message: str
    file_size: int | None
    raw: dict[str, Any]


_SERVICE_NAMES = {"vod": "VOD", "appserver": "AppServer"}


def ticket_from_response(data: dict[str, Any], now: float, service: str) -> UploadTicket:
    """Decode and validate ``{VideoId, UploadAddress, UploadAuth}`` from VOD or an AppServer."""
    missing = [k for k in ("VideoId", "UploadAddress", "UploadAuth") if not data.get(k)]
    if missing:
        raise VodError("InvalidResponse.MissingFields", params={"action": _SERVICE_NAMES.get(service, service),
                                                                "fields": missing},
                       kind=ErrorKind.SERVER, service=service, request_id=data.get("RequestId"))
    return UploadTicket(str(data["VideoId"]), UploadAddress.decode(str(data["UploadAddress"])),
                        UploadAuth.decode(str(data["UploadAuth"]), now), data.get("RequestId"))


class VodApi:
    """VOD calls signed by a :class:`~vodgui.core.pop.SignerSource` (AccessKey or STS token)."""

    def __init__(self, region: str, endpoint: str | None, signer: SignerSource, conn: ConnectionOptions,
                 retry: RetryPolicy, clock: Clock, *, accelerate: str | None = None) -> None:
        self.region = region
        #: The profile's OSS accelerate endpoint: each Create* call asks for it in UserData (AccelerateConfig).
        self.accelerate = accelerate
        self._clock = clock
        self._pop = PopCaller("vod", region, endpoint or default_vod_endpoint(region), signer, conn, retry,
                              clock)

    @property
    def signer(self) -> SignerSource:
        return self._pop.signer

    def call(self, request_class: Any, params: dict[str, Any], interrupt: threading.Event | None = None,
             on_retry: RetryObserver | None = None) -> dict[str, Any]:
        return self._pop.call(request_class, params, interrupt=interrupt, on_retry=on_retry)

    def create_upload_video(self, meta: VideoMetadata, file_name: str, file_size: int,
                            interrupt: threading.Event | None = None,
                            on_retry: RetryObserver | None = None) -> UploadTicket:
        params = meta.create_params(file_name, file_size)
        params["UserData"] = with_accelerate(params["UserData"], self.accelerate)
        data = self.call(CreateUploadVideoRequest, params, interrupt, on_retry)
        return ticket_from_response(data, self._clock.now(), "vod")

    def refresh_upload_video(self, video_id: str, interrupt: threading.Event | None = None,
    on_retry: RetryObserver | None = None) -> UploadTicket:
        data = self.call(RefreshUploadVideoRequest, {"VideoId": video_id}, interrupt, on_retry)
        data.setdefault("VideoId", video_id)
        return ticket_from_response(data, self._clock.now(), "vod")

    def _media_ticket(self, data: dict[str, Any], id_key: str, url_key: str) -> MediaTicket:
        missing = [k for k in (id_key, "UploadAddress", "UploadAuth") if not data.get(k)]
        if missing:
            raise VodError("InvalidResponse.MissingFields", params={"action": "VOD", "fields": missing},
                           kind=ErrorKind.SERVER, service="vod", request_id=data.get("RequestId"))
        ticket = ticket_from_response({**data, "VideoId": data[id_key]}, self._clock.now(), "vod")
        return MediaTicket(ticket, str(data.get(url_key) or ""), str(data.get("FileURL") or ""))

    def create_upload_image(self, params: dict[str, Any],
                            interrupt: threading.Event | None = None,
                            on_retry: RetryObserver | None = None) -> MediaTicket:
        params = {**params, "UserData": with_accelerate(params.get("UserData"), self.accelerate)}
        data = self.call(CreateUploadImageRequest, params, interrupt, on_retry)
        return self._media_ticket(data, "ImageId", "ImageURL")

    def create_upload_attached_media(self, params: dict[str, Any],
                                     interrupt: threading.Event | None = None,
                                     on_retry: RetryObserver | None = None) -> MediaTicket:
        params = {**params, "UserData": with_accelerate(params.get("UserData"), self.accelerate)}
        data = self.call(CreateUploadAttachedMediaRequest, params, interrupt, on_retry)
        return self._media_ticket(data, "MediaId", "MediaURL")

    def update_video_info(self, video_id: str, params: dict[str, Any],
                          interrupt: threading.Event | None = None,
                          on_retry: RetryObserver | None = None) -> None:
        """UpdateVideoInfo: change a video's title, cover, tags... (only the given fields)."""
        self.call(UpdateVideoInfoRequest, {"VideoId": video_id, **params}, interrupt, on_retry)

    def delete_video(self, video_id: str, on_retry: RetryObserver | None = None) -> None:
        """DeleteVideo: remove a video and its source file (a cancelled upload's placeholder)."""
        self.call(DeleteVideoRequest, {"VideoIds": video_id}, None, on_retry)

    def delete_image(self, image_id: str, on_retry: RetryObserver | None = None) -> None:
        """DeleteImage by ImageId: remove an image and its source file (a cancelled image upload's ImageId)."""
        self.call(DeleteImageRequest, {"DeleteImageType": "ImageId", "ImageIds": image_id}, None, on_retry)

    def delete_attached_media(self, media_id: str, on_retry: RetryObserver | None = None) -> None:
        """DeleteAttachedMedia: remove an attached media asset and its file (a cancelled upload's MediaId). An id
        VOD does not know (already gone) is not an error: the service lists it in NonExistMediaIds."""
        self.call(DeleteAttachedMediaRequest, {"MediaIds": media_id}, None, on_retry)

    def upload_media_by_url(self, url: str, metadata: dict[str, Any], params: dict[str, Any],
                            interrupt: threading.Event | None = None,
                            on_retry: RetryObserver | None = None) -> str:
        """UploadMediaByURL for one URL; returns the JobId. VOD fetches the file itself, later.

        The URL goes URL-encoded in ``UploadURLs`` and as ``SourceURL`` of its ``UploadMetadatas`` entry, as the
        service's documentation and samples do.
        """
        encoded = quote(url, safe="")
        entry = {"SourceURL": encoded, **{k: v for k, v in metadata.items() if v not in (None, "")}}
        data = self.call(UploadMediaByURLRequest, {
            "UploadURLs": encoded,
            "UploadMetadatas": json.dumps([entry], ensure_ascii=False, separators=(",", ":")),
            **params,
        }, interrupt, on_retry)
        jobs = _as_list(data.get("UploadJobs"), "UploadJob")
        job_id = str(jobs[0].get("JobId") or "") if jobs and isinstance(jobs[0], dict) else ""
        if not job_id:
            raise VodError("InvalidResponse.MissingFields", params={"action": "UploadMediaByURL", "fields": ["JobId"]},
                           kind=ErrorKind.SERVER,
                           service="vod", request_id=data.get("RequestId"))
        return job_id

    def get_url_upload_infos(self, *, job_ids: list[str] | None = None, urls: list[str] | None = None,
                             interrupt: threading.Event | None = None,
                             on_retry: RetryObserver | None = None) -> tuple[list[UrlUploadInfo], list[str]]:
        """GetURLUploadInfos by JobIds (or else by source URLs): the jobs found, and the ids/URLs not found."""
        params: dict[str, Any] = {}
        if job_ids:
            params["JobIds"] = ",".join(job_ids)
        else:
            params["UploadURLs"] = ",".join(quote(u, safe="") for u in urls or [])
        data = self.call(GetURLUploadInfosRequest, params, interrupt, on_retry)
        infos = []
        for raw in _as_list(data.get("URLUploadInfoList"), "URLUploadInfo"):
            if not isinstance(raw, dict):
                continue
            size = number_or_none(raw.get("FileSize"))
            infos.append(UrlUploadInfo(str(raw.get("JobId") or ""), str(raw.get("Status") or ""),
                                       str(raw.get("MediaId") or ""), str(raw.get("UploadURL") or ""),
                                       str(raw.get("ErrorCode") or ""), str(raw.get("ErrorMessage") or ""),
                                       int(size) if size is not None else None, raw))
        return infos, [str(v) for v in _as_list(data.get("NonExists"), "NonExist")]

    def get_video_info(self, video_id: str, on_retry: RetryObserver | None = None) -> VideoInfo:
        data = self.call(GetVideoInfoRequest, {"VideoId": video_id}, on_retry=on_retry)
        return _video_info(data.get("Video") or {})

    def video_by_reference(self, reference_id: str, on_retry: RetryObserver | None = None) -> str | None:
        """The VideoId of the media created with ``reference_id``, or None if there is none."""
        data = self.call(GetVideoInfosRequest, {"ReferenceIds": reference_id}, on_retry=on_retry)
        videos = _as_list(data.get("VideoList"), "Video")
        return str(videos[0].get("VideoId")) if videos and videos[0].get("VideoId") else None

    def get_video_infos(self, video_ids: list[str]) -> tuple[list[VideoInfo], list[str]]:
        data = self.call(GetVideoInfosRequest, {"VideoIds": ",".join(video_ids)})
        videos = [_video_info(v) for v in _as_list(data.get("VideoList"), "Video")]
        return videos, [str(v) for v in _as_list(data.get("NonExistVideoIds"), "VideoId")]


def _as_list(value: Any, inner: str) -> list[Any]:
    """VOD lists come as ``[...]`` or, XML-heritage style, ``{"Video": [...]}``."""
    if value is None:
        return []
    if isinstance(value, dict):
        value = value.get(inner, [])
    return list(value) if isinstance(value, list) else [value]


def number_or_none(value: Any) -> float | None:
    """A number from a service's JSON (a number or a numeric string), or None when it is absent or not one."""
    try:
        return float(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _video_info(v: dict[str, Any]) -> VideoInfo:
    size = number_or_none(v.get("Size"))
    return VideoInfo(str(v.get("VideoId", "")), str(v.get("Title", "")), str(v.get("Status", "")),
                     number_or_none(v.get("Duration")), int(size) if size is not None else None,
                     str(v.get("CoverURL", "")), str(v.get("CreationTime", "")), v)
