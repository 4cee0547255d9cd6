"""VOD state and rules, without HTTP: media records, upload credentials, the OSS listener, deletion.

One sandbox has one VOD storage bucket ``outin-<32 hex>``, derived from the account id so a sandbox with a
data directory keeps it across restarts. Every media record is written through to the state store (kind
``vod_media``). The reference AppServer calls :meth:`VodModel.create_upload_video` and
:meth:`VodModel.refresh_upload_video` with the account's authority; the RPC handlers call the same methods, so
both paths validate identically.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import threading
from collections.abc import Mapping
from dataclasses import asdict
from typing import Any
from urllib.parse import unquote

from vodgui.sandbox.cdn import DEFAULT_AUTH_TIMEOUT, PREFIX, cdn_path, sign_cdn_url
from vodgui.sandbox.clock import iso_utc
from vodgui.sandbox.oss.models import ObjectMeta, OssModel
from vodgui.sandbox.probe import probe
from vodgui.sandbox.rpc import invalid
from vodgui.sandbox.service import SandboxContext
from vodgui.sandbox.vod import errors
from vodgui.sandbox.vod import validation as v
from vodgui.sandbox.vod.callbacks import CallbackDispatcher, callback_target
from vodgui.sandbox.vod.media import KIND_ATTACHED, KIND_IMAGE, KIND_VIDEO, TRANSCODE_PENDING, Media
from vodgui.sandbox.vod.renditions import TranscodingMixin
from vodgui.sandbox.vod.templates import NO_TRANSCODE_GROUP, TemplateGroup, account_groups
from vodgui.sandbox.vod.transcode import Transcoder
from vodgui.sandbox.vod.urlpull import UrlPuller

log = logging.getLogger("vodgui.sandbox.vod")

STORE_KIND = "vod_media"
#: The PlayKey of each application (GetAppPlayKey / SetAppPlayKey, see apps.py).
PLAY_KEY_KIND = "vod_app_play_key"
__all__ = ["NO_TRANSCODE_GROUP", "STORE_KIND", "VodModel"]


#: The upload-complete event of each media kind: (EventType, id field, file URL field). The spelling of the URL
#: field differs between the events, as in the event notification docs.
_UPLOAD_EVENTS: dict[str, tuple[str, str, str]] = {
    KIND_VIDEO: ("FileUploadComplete", "VideoId", "FileUrl"),
    KIND_IMAGE: ("ImageUploadComplete", "ImageId", "FileURL"),
    KIND_ATTACHED: ("AttachedMediaUploadComplete", "MediaId", "FileURL"),
}


def _b64json(data: dict[str, Any]) -> str:
    return base64.b64encode(json.dumps(data, ensure_ascii=False).encode("utf-8")).decode()


def storage_bucket(account_id: str) -> str:
    """The account's VOD storage bucket (stable per account)."""
    return "outin-" + hashlib.md5(f"vod-storage:{account_id}".encode()).hexdigest()


class VodModel(TranscodingMixin):
    """All VOD media of one sandbox."""

    def __init__(self, ctx: SandboxContext, oss: OssModel) -> None:
        self._ctx = ctx
        self._oss = oss
        self._lock = threading.RLock()
        account = ctx.config.account_id
        self.bucket = storage_bucket(account)
        #: The account's default transcoding template group and one workflow (ids stable per account).
        self.default_template_group_id = hashlib.md5(f"vod-template-group:{account}".encode()).hexdigest()
        self.template_groups: dict[str, TemplateGroup] = account_groups(account)
        if not ctx.settings.hls_token_key:  # a config written before HLS encryption existed
            ctx.settings.hls_token_key = hashlib.sha256(f"hls-token:{account}".encode()).hexdigest()[:24]
        self.workflow_id = hashlib.md5(f"vod-workflow:{account}".encode()).hexdigest()
        self.callbacks = CallbackDispatcher(ctx.clock)
        self._media: dict[str, Media] = {}
        self._by_key: dict[tuple[str, str], str] = {}
        self._by_prefix: dict[tuple[str, str], str] = {}
        self._by_reference: dict[str, str] = {}
        self._by_hls_key: dict[str, str] = {}
        self.play_keys: dict[str, dict[str, Any]] = dict(ctx.store.load(PLAY_KEY_KIND))
        #: Bumped by reset(): a transcode job of an earlier generation finds nothing to write to.
        self._generation = 0
        self._warned_no_ffmpeg = False
        self.transcoder = Transcoder(lambda: ctx.settings.transcode_workers, lambda: ctx.settings.transcode_queue_max,
                                     self._run_transcode, self._crashed_transcode)
        pending: list[Media] = []
        for data in ctx.store.load(STORE_KIND).values():
            media = Media.from_json(data)
            self._index(media)
            if media.transcode_state in TRANSCODE_PENDING:
                pending.append(media)
        oss.ensure_bucket(self.bucket)
        oss.add_listener(self.on_object)
        #: UploadMediaByURL jobs and the threads that pull them.
        self.url_jobs = UrlPuller(ctx, self, oss)
        for media in pending:  # a restart with a data directory picks up where the worker stopped
            self._enqueue(media)

    @property
    def storage_location(self) -> str:
        return f"{self.bucket}.oss-{self._ctx.config.region}.aliyuncs.com"

    @property
    def template_group_ids(self) -> frozenset[str]:
        return frozenset(self.template_groups)

    # -- bookkeeping -----------------------------------------------------------------------------------------
    def _index(self, media: Media) -> None:
        self._media[media.media_id] = media
        self._by_key[(media.bucket, media.key)] = media.media_id
        if media.prefix:
            self._by_prefix[(media.bucket, media.prefix)] = media.media_id
        if media.reference_id:
            self._by_reference[media.reference_id] = media.media_id
        if media.hls_key_id:
            self._by_hls_key[media.hls_key_id] = media.media_id

    def _save(self, media: Media) -> None:
        self._ctx.store.put(STORE_KIND, media.media_id, asdict(media))

    def _check_reference_free(self, reference_id: str) -> None:
        """``ReferenceIdDuplicate`` if ``reference_id`` is taken."""
        with self._lock:
            if reference_id and reference_id in self._by_reference:
                raise errors.reference_id_duplicate()

    def _add(self, media: Media) -> None:
        """Index and persist a new media record; ``ReferenceIdDuplicate`` if its ReferenceId is taken."""
        with self._lock:
            self._check_reference_free(media.reference_id)
            self._index(media)
        self._save(media)

    def reset(self) -> None:
        """Forget every media asset (the state store itself is cleared by the server)."""
        with self._lock:
            self._media.clear()
            self._by_key.clear()
            self._by_prefix.clear()
            self._by_reference.clear()
            self._by_hls_key.clear()
            self.play_keys.clear()
            self._generation += 1
        self.callbacks.reset()
        self.url_jobs.reset()

    def close(self) -> None:
        """The sandbox stops: stop pulling URLs, transcoding and posting event callbacks. A job cut short stays
        queued in the store, so a restart with the same data directory runs it again."""
        with self._lock:
            self._generation += 1  # whatever a running job finds from now on is not recorded
        self.transcoder.close()
        self.url_jobs.close()
        self.callbacks.close()

    def get(self, media_id: str, kind: str | None = KIND_VIDEO) -> Media | None:
        with self._lock:
            media = self._media.get(media_id)
        if media is None or (kind is not None and media.kind != kind):
            return None
        return media

    def find_reference(self, reference_id: str) -> Media | None:
        with self._lock:
            media_id = self._by_reference.get(reference_id)
        return self.get(media_id) if media_id else None

    def now(self) -> float:
        return self._ctx.clock.now()

    # -- credentials -----------------------------------------------------------------------------------------
    def _upload_blobs(self, media: Media) -> tuple[str, str]:
        """(UploadAddress, UploadAuth) for a media's object, with freshly issued upload credentials."""
        ctx = self._ctx
        scope = {"bucket": media.bucket, "prefix": media.prefix} if media.prefix \
            else {"bucket": media.bucket, "key": media.key}
        ttl = ctx.settings.upload_auth_ttl  # read live: tests and QA shorten it between calls
        cred = ctx.iam.issue("upload", ttl, scope=scope)
        address: dict[str, Any] = {"Endpoint": ctx.url, "Bucket": media.bucket, "FileName": media.key}
        if media.prefix:
            address["ObjectPrefix"] = media.prefix
        auth = {
            "SecurityToken": cred.security_token,
            "AccessKeyId": cred.access_key_id,
            "ExpireUTCTime": iso_utc(cred.expires_at),
            "AccessKeySecret": cred.access_key_secret,
            "Expiration": str(int(ttl)),
            "Region": ctx.config.region,
        }
        return _b64json(address), _b64json(auth)

    def _new_key(self, ext: str) -> str:
        # Real keys look like sv/50edf80a-167b04618e6/50edf80a-167b04618e6.mp4: 8 random hex digits and the
        # creation time in milliseconds as 11 hex digits, repeated as folder and file name.
        stem = f"{self._ctx.ids.hex(8)}-{int(self.now() * 1000):011x}"[-20:]
        return f"sv/{stem}/{stem}.{ext}"

    def _common(self, p: v.ParamReader) -> dict[str, Any]:
        """Rules shared by the three Create* actions (after their own required parameters)."""
        description = v.check_text("Description", p.get("Description"), v.MAX_DESCRIPTION_BYTES)
        tags = v.check_tags(p)
        storage = v.check_storage_location(p, self.storage_location)
        app_id = v.check_app_id(p)
        user_data = v.parse_user_data(p)
        return {"description": description, "tags": tags, "storage_location": storage, "app_id": app_id,
                "user_data": user_data}

    # -- CreateUploadVideo / RefreshUploadVideo --------------------------------------------------------------
    def create_upload_video(self, params: Mapping[str, object] | v.ParamReader) -> dict[str, str]:
        """Register a new video and hand out its upload address and credentials.

        Raises:
            RpcError: on any parameter the real service would refuse (same codes as the RPC action).
        """
        p = v.reader(params)
        title = v.check_title(p, required=True)
        file_name, ext = v.check_media_file_name(p)
        file_size = v.check_file_size(p)
        cate_id = v.check_cate_id(p)
        cover_url = v.check_cover_url(p)
        common = self._common(p)
        transcode, group, workflow = self.resolve_processing(p)
        reference_id = v.check_reference_id(p)
        media = self.register_video(ext, title=title, file_name=file_name, file_size=file_size, cate_id=cate_id,
                                    cover_url=cover_url, template_group_id=group, workflow_id=workflow,
                                    transcode=transcode, reference_id=reference_id, **common)
        address, auth = self._upload_blobs(media)
        return {"VideoId": media.media_id, "UploadAddress": address, "UploadAuth": auth}

    def register_video(self, ext: str, **fields: Any) -> Media:
        """A new audio/video record in ``Uploading`` with a fresh object key (and, for M3U8, its prefix).

        ``fields`` are :class:`Media` fields, already validated (CreateUploadVideo, a URL pull job).
        """
        # Checked before any id is drawn (a refused request leaves the seeded id sequence alone), and again
        # when the record is added.
        self._check_reference_free(str(fields.get("reference_id") or ""))
        now = self.now()
        key = self._new_key(ext)
        media = Media(media_id=self._ctx.ids.video_id(), kind=KIND_VIDEO, bucket=self.bucket, key=key, ext=ext,
                      created_at=now, modified_at=now,
                      prefix=key.rsplit("/", 1)[0] + "/" if ext == "m3u8" else "", **fields)
        self._add(media)
        return media

    def update_video_info(self, p: v.ParamReader) -> None:
        """UpdateVideoInfo: replace the given fields of a video (absent or empty parameters stay unchanged).

        Raises:
            RpcError: MissingVideoId, InvalidVideo.NotFound (404), or the Create* parameter errors.
        """
        media = self.get(p.require("VideoId"))
        if media is None:
            raise errors.video_not_found()
        changes: dict[str, Any] = {}
        if p.get("Title") is not None:
            changes["title"] = v.check_title(p, required=True)
        if p.get("Description") is not None:
            changes["description"] = v.check_text("Description", p.get("Description"), v.MAX_DESCRIPTION_BYTES)
        if p.get("Tags") is not None:
            changes["tags"] = v.check_tags(p)
        if p.get("CateId") is not None:
            changes["cate_id"] = v.check_cate_id(p)
        if p.get("CoverURL") is not None:
            changes["cover_url"] = v.check_cover_url(p)
        if p.get("UserData") is not None:
            changes["user_data"] = v.parse_user_data(p)
        reference_id = v.check_reference_id(p)
        with self._lock:
            if reference_id and reference_id != media.reference_id:
                if reference_id in self._by_reference:
                    raise errors.reference_id_duplicate()
                self._by_reference.pop(media.reference_id, None)
                self._by_reference[reference_id] = media.media_id
                changes["reference_id"] = reference_id
            for name, value in changes.items():
                setattr(media, name, value)
            media.modified_at = self.now()
        self._save(media)

    def resolve_processing(self, p: v.ParamReader) -> tuple[bool, str, str]:
        """(transcode?, TemplateGroupId, WorkflowId). WorkflowId wins over TemplateGroupId, as documented."""
        workflow = p.get("WorkflowId")
        group = p.get("TemplateGroupId")
        if workflow is not None:
            if workflow != self.workflow_id:
                raise errors.workflow_not_found()
            if group is not None and group not in self.template_group_ids:
                raise errors.template_group_not_found()
            return True, group or self.default_template_group_id, workflow
        if group is None:
            return True, self.default_template_group_id, ""
        if group not in self.template_group_ids:
            raise errors.template_group_not_found()
        return group != NO_TRANSCODE_GROUP, group, ""

    def refresh_upload_video(self, video_id: str) -> dict[str, str]:
        """New upload credentials for an existing video; the address (bucket, object key) stays the same.

        Earlier credentials remain valid until they expire on their own.

        Raises:
            RpcError: ``InvalidVideo.NotFound`` (404) for an unknown or deleted video.
        """
        media = self.get(video_id)
        if media is None:
            raise errors.refresh_video_not_found()
        with self._lock:
            media.refresh_count += 1
        self._save(media)
        address, auth = self._upload_blobs(media)
        return {"VideoId": media.media_id, "UploadAddress": address, "UploadAuth": auth}

    # -- CreateUploadImage / CreateUploadAttachedMedia -------------------------------------------------------
    def create_upload_image(self, params: Mapping[str, object] | v.ParamReader) -> dict[str, str]:
        p = v.reader(params)
        image_type = p.require("ImageType")
        if image_type not in v.IMAGE_TYPES:
            raise invalid("ImageType")
        ext = (p.get("ImageExt") or "png").lower()
        if ext not in v.IMAGE_EXTENSIONS:
            raise invalid("ImageExt")
        title = v.check_title(p, required=False)
        cate_id = v.check_cate_id(p)
        common = self._common(p)
        now = self.now()
        media_id = self._ctx.ids.video_id()
        # UNCONFIRMED key layout; real image keys live under image/... with an upper-case id.
        key = f"image/{image_type}/{media_id.upper()}-6-2.{ext}"
        media = Media(media_id=media_id, kind=KIND_IMAGE, bucket=self.bucket, key=key, ext=ext,
                      created_at=now, modified_at=now, title=title, file_name=p.get("OriginalFileName") or "",
                      cate_id=cate_id, image_type=image_type, **common)
        self._add(media)
        address, auth = self._upload_blobs(media)
        return {"ImageId": media_id, "ImageURL": self.signed_url(media), "FileURL": self.file_url(media),
                "UploadAddress": address, "UploadAuth": auth}

    def create_upload_attached_media(self, params: Mapping[str, object] | v.ParamReader) -> dict[str, str]:
        p = v.reader(params)
        business_type = p.require("BusinessType")
        allowed = v.ATTACHED_EXTENSIONS.get(business_type)
        if allowed is None:
            raise invalid("BusinessType")
        file_name = p.get("FileName") or ""
        ext = (p.get("MediaExt") or v.file_extension(file_name)).lower()
        if not ext:
            raise invalid("MediaExt")  # UNCONFIRMED: neither MediaExt nor a FileName extension
        if ext not in allowed:
            raise invalid("MediaExt")
        title = v.check_title(p, required=False)
        file_size = v.check_file_size(p)
        cate_ids = v.check_cate_ids(p)
        common = self._common(p)
        now = self.now()
        media_id = self._ctx.ids.video_id()
        # UNCONFIRMED layout (the docs show watermark/****.mov).
        key = f"{business_type}/{self._ctx.ids.hex(32)}.{ext}"
        media = Media(media_id=media_id, kind=KIND_ATTACHED, bucket=self.bucket, key=key, ext=ext,
                      created_at=now, modified_at=now, title=title, file_name=file_name, file_size=file_size,
                      cate_ids=cate_ids, business_type=business_type, **common)
        self._add(media)
        address, auth = self._upload_blobs(media)
        return {"MediaId": media_id, "MediaURL": self.signed_url(media), "FileURL": self.file_url(media),
                "UploadAddress": address, "UploadAuth": auth}

    # -- URLs ------------------------------------------------------------------------------------------------
    def file_url(self, media: Media) -> str:
        """The object's plain OSS URL (path style on the sandbox), without any signature."""
        return f"{self._ctx.url}/{media.bucket}/{media.key}"

    def signed_url(self, media: Media, ttl: float = DEFAULT_AUTH_TIMEOUT) -> str:
        return sign_cdn_url(self._ctx, media.bucket, media.key, ttl)

    def present_cover(self, url: str) -> str:
        """A CoverURL as the service answers it: a URL of this sandbox's CDN, or the plain OSS FileURL of an
        object in the VOD bucket, comes back freshly signed (the CDN's URL authentication would otherwise turn a
        cover set from an ImageURL into a 403 after half an hour). Other URLs are returned unchanged.

        UNCONFIRMED: that the real service re-signs stored cover URLs on every answer.
        """
        found = self._object_of_url(url)
        if found is None:
            return url
        return sign_cdn_url(self._ctx, found[0], found[1], DEFAULT_AUTH_TIMEOUT)

    def _object_of_url(self, url: str) -> tuple[str, str] | None:
        """(bucket, key) of a CDN or plain OSS URL of this sandbox's VOD bucket (signed or not), else None."""
        base = self._ctx.url
        if not url or not base or not url.startswith(base + "/"):
            return None
        path = url[len(base):].split("?", 1)[0].split("#", 1)[0]
        rest = path[len(PREFIX):] if path.startswith(PREFIX) else path[1:]
        bucket, _, raw_key = rest.partition("/")
        if bucket != self.bucket or not raw_key:
            return None
        return bucket, unquote(raw_key)

    def image_for_url(self, url: str) -> Media | None:
        """The image an ImageURL (or FileURL) points at, or None (DeleteImage by ImageURL)."""
        found = self._object_of_url(url)
        media = self._media_for_object(*found) if found else None
        return media if media is not None and media.kind == KIND_IMAGE else None

    # -- deletion --------------------------------------------------------------------------------------------
    def delete_video(self, video_id: str) -> bool:
        """Physically delete a video (record and source object). False if there was no such video."""
        return self.delete_media(video_id, KIND_VIDEO)

    def delete_media(self, media_id: str, kind: str) -> bool:
        """Physically delete a media asset of ``kind`` (video, image, attached): its record, source object and
        whatever was made from it. False if there was no such asset of that kind."""
        video_id = media_id
        with self._lock:
            media = self._media.get(video_id)
            if media is None or media.kind != kind:
                return False
            del self._media[video_id]
            self._by_key.pop((media.bucket, media.key), None)
            if media.prefix:
                self._by_prefix.pop((media.bucket, media.prefix), None)
            if media.reference_id:
                self._by_reference.pop(media.reference_id, None)
            self._by_hls_key.pop(media.hls_key_id, None)
        self._ctx.store.delete(STORE_KIND, video_id)
        self.callbacks.cancel(video_id)
        self._oss.delete(media.bucket, media.key)
        self._delete_renditions(media)
        for key in self._oss.keys(media.bucket, media.prefix) if media.prefix else ():
            self._oss.delete(media.bucket, key)  # an M3U8's segments go with their playlist
        return True

    # -- the OSS listener: upload completion drives the life cycle -------------------------------------------
    def _media_for_object(self, bucket: str, key: str) -> Media | None:
        with self._lock:
            media_id = self._by_key.get((bucket, key))
            if media_id is None:
                return None
            return self._media.get(media_id)

    def on_object(self, meta: ObjectMeta) -> None:
        """Called by OSS after every completed PutObject / CompleteMultipartUpload.

        The object of a media (for M3U8, the playlist itself, not its segments) marks it ``UploadSucc``; the
        life-cycle timestamps are fixed now from the current settings, and a video whose template group
        transcodes is queued for the worker. Probing failures are logged, never raised: the upload has happened
        whatever the file contains.
        """
        media = self._media_for_object(meta.bucket, meta.key)
        if media is None:
            return
        try:
            result = probe(meta.path, media.ext) if media.kind == KIND_VIDEO else None
        except Exception:  # probe() does not raise; belt and braces for an upload path
            log.exception("probing %s/%s failed", meta.bucket, meta.key)
            result = None
        settings = self._ctx.settings
        now = self.now()
        old_renditions: list[dict[str, Any]] = []
        with self._lock:
            media.uploaded_at = now
            media.modified_at = now
            media.size = meta.size
            media.crc64 = meta.crc64
            media.etag = meta.etag
            media.content_type = meta.content_type
            media.probe = result.to_json() if result is not None else {}
            media.upload_count += 1
            if media.kind == KIND_VIDEO:
                media.transcode_at = now + settings.transcode_delay
                duration = settings.transcode_duration if media.transcode else 0.0
                media.ready_at = media.transcode_at + duration
                old_renditions, media.renditions = media.renditions, []
                media.transcode_error = ""
                media.transcode_state = self._first_state(media, result)
        self._delete_renditions(media, old_renditions)
        self._save(media)
        self._schedule_upload_callback(media)
        if media.transcode_state == "queued":
            self._enqueue(media)
        elif media.kind == KIND_VIDEO:
            self._schedule_transcode_callbacks(media)

    # -- event callbacks -------------------------------------------------------------------------------------
    def _schedule_upload_callback(self, media: Media) -> None:
        target = callback_target(media.user_data)
        if target is None:
            return
        url, extra = target
        uploaded = media.uploaded_at or self.now()
        event_type, id_field, url_field = _UPLOAD_EVENTS[media.kind]
        body: dict[str, Any] = {"EventTime": iso_utc(uploaded), "EventType": event_type, id_field: media.media_id,
                                "Size": media.size, url_field: self.file_url(media), "Status": "success", **extra}
        self.callbacks.schedule(media.media_id, url, uploaded, body)

    def _schedule_transcode_callbacks(self, media: Media) -> None:
        target = callback_target(media.user_data)
        if target is None or media.kind != KIND_VIDEO or not media.transcode:
            return  # the no-transcoding group sends only FileUploadComplete (CreateUploadVideo docs)
        url, extra = target
        mid = media.media_id
        ready = max(media.ready_at or 0.0, self.now())
        infos = [self._stream_event(s) for s in media.streams()]
        for info in infos:
            stream_body = {"EventTime": iso_utc(ready), "EventType": "StreamTranscodeComplete", "VideoId": mid,
                           **info, **extra}
            self.callbacks.schedule(mid, url, ready, stream_body)
        # TranscodeComplete is "success" when at least one stream succeeded (event notification docs).
        status = "success" if infos else "fail"
        body: dict[str, Any] = {"EventTime": iso_utc(ready), "EventType": "TranscodeComplete", "VideoId": mid,
                                "Status": status, "StreamInfos": infos, **extra}
        if not infos and media.transcode_error:
            body["ErrorCode"], body["ErrorMessage"] = "TranscodeFail", media.transcode_error
        self.callbacks.schedule(mid, url, ready, body)

    def _stream_event(self, stream: dict[str, Any]) -> dict[str, Any]:
        info: dict[str, Any] = {
            "Status": "success", "Definition": stream["definition"], "Format": stream["format"],
            "Size": stream["size"], "Encrypt": bool(stream.get("encrypt_type")),
            "FileUrl": f"{self._ctx.url}{cdn_path(stream['bucket'], stream['key'])}",
        }
        if stream["duration"]:
            info["Duration"] = round(stream["duration"], 4)
        if stream["bitrate_kbps"]:
            info["Bitrate"] = f"{stream['bitrate_kbps']:.4f}"
        for name, key in (("Width", "width"), ("Height", "height"), ("Fps", "fps")):
            if stream[key]:
                info[name] = stream[key]
        return info

    # -- control plane ---------------------------------------------------------------------------------------
    def view(self, video_id: str) -> dict[str, Any] | None:
        """Everything the sandbox knows about a media asset (``GET /_sandbox/videos/ID``)."""
        media = self.get(video_id, kind=None)
        if media is None:
            return None
        now = self.now()
        data: dict[str, Any] = asdict(media)
        data.update({
            # As the OSS view: a string, because a CRC-64 does not fit a JSON number everywhere.
            "crc64": str(media.crc64) if media.crc64 is not None else None,
            "status": media.status(now),
            "media_type": media.media_type if media.kind == KIND_VIDEO else media.kind,
            "streams": media.streams(),
            "timestamps": {
                "created": media.created_at, "modified": media.modified(now), "uploaded": media.uploaded_at,
                "transcoding": media.transcode_at, "normal": media.ready_at, "now": now,
            },
            "hls_key": "***" if media.hls_key else "",
            "metadata": media.probe,
            "transcode": {"state": media.transcode_state, "error": media.transcode_error,
                          "worker": self.transcoder.stats()},
            "default_template_group_id": self.default_template_group_id,
            "file_url": self.file_url(media),
        })
        return data
