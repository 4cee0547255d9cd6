"""The transcoding half of the VOD model: from an uploaded object to renditions, run by the bounded worker.

:class:`TranscodingMixin` is mixed into :class:`~vodgui.sandbox.vod.models.VodModel` and works on its media
records under its lock; it is kept apart only because the model would otherwise pass 600 lines. The FFmpeg work
itself is in :mod:`vodgui.sandbox.vod.transcode`, the groups in :mod:`vodgui.sandbox.vod.templates`.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vodgui.sandbox.cdn import content_type_for
from vodgui.sandbox.oss.models import OssModel
from vodgui.sandbox.probe import probe
from vodgui.sandbox.service import SandboxContext
from vodgui.sandbox.vod.media import Media
from vodgui.sandbox.vod.templates import TemplateGroup
from vodgui.sandbox.vod.transcode import Job, Rendition, TranscodeError, Transcoder, have_ffmpeg, render

log = logging.getLogger("vodgui.sandbox.vod")


class TranscodingMixin:
    """Template groups applied to uploads: the first state after an upload, the worker's jobs, their outcome."""

    # Provided by the model.
    _ctx: SandboxContext
    _oss: OssModel
    _lock: threading.RLock
    _media: dict[str, Media]
    _by_hls_key: dict[str, str]
    _generation: int
    _warned_no_ffmpeg: bool
    template_groups: dict[str, TemplateGroup]
    transcoder: Transcoder

    if TYPE_CHECKING:  # the model's methods this half calls
        def get(self, media_id: str, kind: str | None = ...) -> Media | None: ...
        def now(self) -> float: ...
        def _save(self, media: Media) -> None: ...
        def _schedule_transcode_callbacks(self, media: Media) -> None: ...

    def template_group(self, media: Media) -> TemplateGroup | None:
        return self.template_groups.get(media.template_group_id)

    def _first_state(self, media: Media, result: Any) -> str:
        """The transcode state right after an upload: "queued" for the worker, or already "done"/"failed"."""
        group = self.template_group(media)
        media.keep_original = group.keep_original if group is not None else True
        if not media.transcode or media.ext == "m3u8":
            # The no-transcoding group (and an HLS package, which VOD does not transcode here) keeps the file.
            media.keep_original = True
            return "done"
        is_media = result is not None and (result.has_video or result.has_audio)
        if not is_media:
            media.transcode_error = "the file is not audio or video that FFmpeg can decode"
            return "failed"
        if group is None or not group.transcodes or self._ctx.settings.transcode_mode != "full":
            media.keep_original = True
            return "done"
        if not have_ffmpeg():
            if not self._warned_no_ffmpeg:
                log.warning("ffmpeg is not on PATH: the sandbox keeps originals only, without renditions")
                self._warned_no_ffmpeg = True
            media.keep_original = True
            return "done"
        return "queued"

    def _enqueue(self, media: Media) -> None:
        with self._lock:
            generation = self._generation
        if not self.transcoder.submit(Job(media.media_id, generation)):
            self._finish(media, generation, [], "the transcoding queue is full")

    def _crashed_transcode(self, job: Job, reason: str) -> None:
        media = self.get(job.media_id)
        if media is not None:
            self._finish(media, job.generation, [], reason)

    def _run_transcode(self, job: Job) -> None:
        media = self.get(job.media_id)
        with self._lock:
            if media is None or job.generation != self._generation or media.transcode_state != "queued":
                return
            media.transcode_state = "running"
            upload_count = media.upload_count
        self._save(media)
        group = self.template_group(media)
        meta = self._oss.head(media.bucket, media.key)
        if group is None or meta is None:
            self._finish(media, job.generation, [], "the source file is gone")
            return
        source = probe(meta.path, media.ext)
        if source is None:
            self._finish(media, job.generation, [], "the file is not audio or video that FFmpeg can decode")
            return
        encrypt = any(t.encrypt for t in group.templates)
        key = os.urandom(16) if encrypt else None
        key_id = self._ctx.ids.hex(32) if encrypt else ""
        folder = media.key.rsplit("/", 1)[0]
        stored: list[dict[str, Any]] = []
        try:
            with tempfile.TemporaryDirectory(prefix="vodgui-transcode-") as tmp:
                renditions = render(meta.path, Path(tmp), group.templates, self._ctx.settings.transcode_scale,
                                    source, key, key_id)
                for rendition in renditions:
                    stored.append(self._store_rendition(media, rendition, f"{folder}/tc{upload_count:02d}"))
        except TranscodeError as exc:
            self._delete_renditions(media, stored)
            self._finish(media, job.generation, [], str(exc))
            return
        with self._lock:
            if key is not None:
                media.hls_key_id, media.hls_key = key_id, key.hex()
                self._by_hls_key[key_id] = media.media_id
        self._finish(media, job.generation, stored, "")

    def _store_rendition(self, media: Media, rendition: Rendition, prefix: str) -> dict[str, Any]:
        keys: list[str] = []
        for item in rendition.files:
            key = f"{prefix}/{item.name}"
            with open(item.path, "rb") as body:
                self._oss.put_file(media.bucket, key, self._oss.blobs.ingest(body), content_type_for(key))
            keys.append(key)
        return {
            "format": rendition.container,
            "definition": rendition.definition,
            "stream_type": media.media_type,
            "size": rendition.size,
            "duration": rendition.duration,
            "width": rendition.width,
            "height": rendition.height,
            "fps": rendition.fps,
            "bitrate_kbps": rendition.bitrate_kbps,
            "codec": rendition.codec,
            "job_id": hashlib.md5(f"{media.media_id}:{rendition.template_id}:{media.upload_count}".encode())
            .hexdigest(),
            "bucket": media.bucket,
            "key": keys[0],
            "keys": keys,
            "created_at": self.now(),
            "encrypt_type": rendition.encrypt,
            "template_id": rendition.template_id,
        }

    def _finish(self, media: Media, generation: int, renditions: list[dict[str, Any]], error: str) -> None:
        """Record a job's outcome: its renditions, or TranscodeFail with ``error``."""
        with self._lock:
            current = self._media.get(media.media_id) is media and generation == self._generation
            if current:
                media.renditions = renditions
                media.transcode_state = "failed" if error else "done"
                media.transcode_error = error
                # The visible life cycle never ends before the work did.
                media.ready_at = max(media.ready_at or 0.0, self.now())
        if not current:
            self._delete_renditions(media, renditions)
            if media.transcode_state == "running":
                media.transcode_state = "queued"  # in memory only: the store still says queued/running
            return
        if error:
            log.info("transcoding %s failed: %s", media.media_id, error)
        self._save(media)
        self._schedule_transcode_callbacks(media)

    def _delete_renditions(self, media: Media, renditions: list[dict[str, Any]] | None = None) -> None:
        for rendition in media.renditions if renditions is None else renditions:
            for key in rendition.get("keys", [rendition.get("key")]):
                if key:
                    self._oss.delete(media.bucket, key)

    def hls_key(self, key_id: str) -> tuple[str, bytes] | None:
        """(VideoId, key) of an HLS encryption key id (the playlists' ``Ciphertext``)."""
        with self._lock:
            media_id = self._by_hls_key.get(key_id)
            media = self._media.get(media_id) if media_id else None
            if media is None or not media.hls_key:
                return None
            return media.media_id, bytes.fromhex(media.hls_key)
