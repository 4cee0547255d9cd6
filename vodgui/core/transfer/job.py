"""One queue item from start to finish: file checks, VideoId and credentials, the object upload, history.

Crash-safety order: the VideoId and upload address are stored right after CreateUploadVideo answers, the OSS
upload id right after InitiateMultipartUpload, every part as it finishes. A job that finds a VideoId resumes with
RefreshUploadVideo (never a second CreateUploadVideo, which would give a new object key and orphan the parts).

This module runs ``video`` items; the other kinds (images, attached media, M3U8 packages, uploads by URL) live in
:mod:`vodgui.core.transfer.kinds` and use the same runner, state machine and events.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass
from typing import Any, Protocol

import oss2

from vodgui.core.clock import Clock
from vodgui.core.credentials import UploadTicket
from vodgui.core.errors import Cancelled, ErrorKind, VodError
from vodgui.core.integrity import crc64_file
from vodgui.core.ledger import ProfileLedger, record_finished
from vodgui.core.media_items import KIND_VIDEO
from vodgui.core.pop import ConnectionOptions
from vodgui.core.redact import redact
from vodgui.core.sources import LiveUploadCredentials, UploadCredentials, UploadSource
from vodgui.core.store import ItemRecord, PartRecord, QueueStore
from vodgui.core.transfer.bandwidth import RateLimiter
from vodgui.core.transfer.config import TransferConfig
from vodgui.core.transfer.events import JobState
from vodgui.core.transfer.files import check_file
from vodgui.core.transfer.kinds import run_kind
from vodgui.core.transfer.uploader import FileIdentity, ObjectUploader
from vodgui.core.vod import VideoMetadata, VodApi

log = logging.getLogger(__name__)


@dataclass
class ProfileSession:
    """Everything a job needs from its profile, built once per profile."""

    name: str
    upload_source: UploadSource
    transfer: TransferConfig
    conn: ConnectionOptions
    vod: VodApi | None = None
    oss_session: oss2.Session | None = None
    ledger: ProfileLedger | None = None  # the duplicate guard, bound to the profile's account


class JobCallbacks(Protocol):
    """The engine's side of a running job."""

    def set_state(self, job_id: int, state: JobState, **changes: Any) -> None: ...
    def add_progress(self, job_id: int, delta: int) -> None: ...
    def reset_progress(self, job_id: int) -> None: ...
    def retrying(self, job_id: int, what: str, error: VodError, attempt: int, delay: float) -> None: ...
    def set_cover(self, job_id: int, url: str) -> str | None: ...


class JobRunner:
    """Runs one item once (until done, failed, paused or cancelled)."""

    def __init__(self, item: ItemRecord, session: ProfileSession, store: QueueStore, callbacks: JobCallbacks,
                 clock: Clock, executor: Executor, stop: threading.Event, cancel: threading.Event,
                 limiter: RateLimiter | None = None) -> None:
        self.item = item
        self.session = session
        self.store = store
        self.cb = callbacks
        self.clock = clock
        self.executor = executor
        self.stop = stop  # set for pause and for cancel
        self.cancel = cancel  # set for cancel only
        self.limiter = limiter
        self._upload_id = item.upload_id
        self._uploader: ObjectUploader | None = None

    # -- hooks for ObjectUploader ----------------------------------------------------------------------------
    def upload_started(self, upload_id: str, part_size: int) -> None:
        self.store.reset_upload(self.item.id, upload_id=upload_id, part_size=part_size)
        self._upload_id = upload_id

    def upload_discarded(self, reason: str) -> None:
        self._forget_upload()
        self.cb.set_state(self.item.id, JobState.UPLOADING, note=reason)

    def part_done(self, part: PartRecord) -> None:
        if self._upload_id:
            self.store.record_part(self.item.id, self._upload_id, part)

    def progress(self, delta: int) -> None:
        if delta:
            self.cb.add_progress(self.item.id, delta)

    def completing(self) -> None:
        self.cb.set_state(self.item.id, JobState.COMPLETING)

    def retrying(self, what: str, error: VodError, attempt: int, delay: float) -> None:
        self.cb.retrying(self.item.id, what, error, attempt, delay)

    # -- the run ---------------------------------------------------------------------------------------------
    def run(self) -> None:
        item = self.item
        self.cb.reset_progress(item.id)
        try:
            self.cb.set_state(item.id, JobState.PREPARING, error=None)
            self._run()
        except Cancelled:
            self._interrupted()
        except VodError as err:
            self._failed(err)
        except Exception as exc:  # a bug: never lose the item, say what happened
            log.exception("job %s crashed", item.id)
            self._failed(VodError("InternalError", f"Unexpected {type(exc).__name__}: {exc}"))

    def _interrupted(self) -> None:
        if self.cancel.is_set():
            self._abort_upload()
            self.cb.set_state(self.item.id, JobState.CANCELLED)
        else:
            self.cb.set_state(self.item.id, JobState.PAUSED)

    def _failed(self, err: VodError) -> None:
        if err.code == "FileChangedDuringUpload":
            self._abort_upload()  # the parts belong to the old content
        self.cb.set_state(self.item.id, JobState.FAILED, error=err)

    def _abort_upload(self) -> None:
        if self._uploader is not None and self._upload_id:
            self._uploader.abort(self._upload_id)
            self._forget_upload()

    def _forget_upload(self, **more: Any) -> None:
        """The item's multipart upload is gone (aborted, expired, or of an old file): forget its upload id, part
        size and parts, and store ``more`` with them in the same transaction."""
        self.store.reset_upload(self.item.id, **more)
        self._upload_id = None

    def commit_ticket(self, ticket: UploadTicket, ident: FileIdentity, **more: Any) -> None:
        """Store a new media id and its upload address the moment VOD answers (before a byte goes to OSS), for
        the file as it is now; an earlier multipart upload belongs to another object and is forgotten."""
        item = self.item
        address = ticket.address
        self._forget_upload(video_id=ticket.video_id, upload_address=address.encode(), endpoint=address.endpoint,
                            bucket=address.bucket, object_key=address.file_name, size=ident.size,
                            mtime_ns=ident.mtime_ns, **more)
        item.video_id, item.size, item.mtime_ns = ticket.video_id, ident.size, ident.mtime_ns

    def ticket(self, ident: FileIdentity, meta: VideoMetadata, *, whole_file: bool = True) -> UploadTicket:
        """The VideoId and credentials: RefreshUploadVideo for an item that has a VideoId, else CreateUploadVideo.

        ``whole_file``: the item is one object whose parts belong to one version of the file (a changed file
        starts over); an M3U8 package checks each of its files itself.
        """
        item = self.item
        source = self.session.upload_source
        if item.video_id:
            changed = whole_file and (ident.size, ident.mtime_ns) != (item.size, item.mtime_ns)
            try:
                ticket = source.refresh_upload_video(item.video_id, self.stop, self.retrying)
            except VodError as err:
                if err.code != "InvalidVideo.NotFound":
                    raise
                self.cb.set_state(item.id, JobState.PREPARING, note=f"Video {item.video_id} no longer exists in "
                                  "VOD (deleted?); a new video is created.")
                self._forget_upload(video_id=None, upload_address=None)
                item.video_id = None
            else:
                if changed:
                    # Same video, new object content: the old parts are useless. Abort them once we can sign.
                    self.cb.set_state(item.id, JobState.PREPARING, note="The file changed since the last attempt "
                                      "(size or modification time); it is uploaded again from the start.")
                    self._discard_old_upload(ticket)
                    self.store.update(item.id, size=ident.size, mtime_ns=ident.mtime_ns)
                    item.size, item.mtime_ns = ident.size, ident.mtime_ns
                return ticket
        ticket = source.create_upload_video(meta, item.path, ident.size, self.stop, self.retrying)
        # Committed before a single byte goes to OSS: from now on this item only ever refreshes.
        self.commit_ticket(ticket, ident)
        self.cb.set_state(item.id, JobState.PREPARING, video_id=ticket.video_id)
        self._sync_cover(meta, ticket.video_id)
        return ticket

    def _sync_cover(self, meta: VideoMetadata, video_id: str) -> None:
        """A cover image chosen while this job was starting was written to the metadata after we read it: the
        video exists now, so it gets the cover through UpdateVideoInfo (the image job may do the same; both is
        harmless, neither is not possible: see :meth:`TransferEngine.set_cover`)."""
        current = self.store.get(self.item.id)
        cover = str((current.metadata if current else {}).get("cover_url") or "")
        if not cover or cover == meta.cover_url:
            return
        vod = self.session.vod
        try:
            if vod is None:
                raise VodError("NoVodAccess", "the profile has no VOD client", kind=ErrorKind.CONFIG)
            vod.update_video_info(video_id, {"CoverURL": cover}, self.stop, self.retrying)
        except VodError as err:
            log.warning("could not set the cover of %s: %s", video_id, err)
            self.cb.set_state(self.item.id, JobState.PREPARING, note=redact(f"The cover image could not be set: "
                                                                          f"{err.code}: {err.message}"))

    # -- shared with the other kinds -------------------------------------------------------------------------
    def set_uploader(self, uploader: ObjectUploader | None) -> None:
        """The uploader whose multipart upload a cancel aborts."""
        self._uploader = uploader

    def finish(self, title: str, crc64: str | None, *, note: str | None = None,
               media_status: str | None = None) -> None:
        """History first, then DONE (a crash in between re-runs a finished job, never loses a history row)."""
        final = self.store.get(self.item.id) or self.item
        self.store.add_history(final, title, crc64, media_status)
        record_finished(self.session, final, crc64)
        self.cb.set_state(self.item.id, JobState.DONE, crc64=crc64, upload_id=None, note=note)

    def bucket(self, creds: UploadCredentials) -> oss2.Bucket:
        cfg = self.session.transfer
        address = creds.address
        return oss2.Bucket(oss2.ProviderAuth(creds), address.endpoint, address.bucket,
                           session=self.session.oss_session, connect_timeout=cfg.read_timeout,
                           enable_crc=True, proxies=self.session.conn.proxies())

    def _discard_old_upload(self, ticket: UploadTicket) -> None:
        if not self.item.upload_id:
            return
        creds = LiveUploadCredentials(self.session.upload_source, ticket, self.clock, self.stop, self.retrying)
        uploader = ObjectUploader(self.bucket(creds), ticket.address.file_name,
                                  FileIdentity(self.item.path, 0, 0), creds, self.session.transfer, self.clock,
                                  self.executor, threading.Event(), self)
        uploader.abort(self.item.upload_id)
        self._forget_upload()
        self.item.upload_id = None

    def abort_idle(self) -> None:
        """Cancel of an item that is not running: get credentials once and abort its multipart upload."""
        item = self.item
        if not (item.video_id and item.upload_id):
            return
        if item.kind != KIND_VIDEO:
            # Image and attached-media credentials cannot be renewed: nothing can sign the abort any more. OSS
            # lifecycle rules remove the parts.
            self._forget_upload()
            return
        ticket = self.session.upload_source.refresh_upload_video(item.video_id)
        self._discard_old_upload(ticket)

    def _run(self) -> None:
        item = self.item
        if item.kind != KIND_VIDEO:
            run_kind(self)
            return
        meta = VideoMetadata.from_json(item.metadata)
        ident = check_file(item.path)
        meta.validate(item.path)
        ticket = self.ticket(ident, meta)
        creds = LiveUploadCredentials(self.session.upload_source, ticket, self.clock, self.stop, self.retrying)
        uploader = ObjectUploader(self.bucket(creds), ticket.address.file_name, ident, creds,
                                  self.session.transfer, self.clock, self.executor, self.stop, self, self.limiter)
        self._uploader = uploader
        self.cb.set_state(item.id, JobState.UPLOADING)
        if ident.size <= self.session.transfer.put_threshold and not self._upload_id:
            result = uploader.put()
        else:
            known = self.store.parts(item.id, self._upload_id) if self._upload_id else {}
            current = self.store.get(item.id)
            result = uploader.multipart(self._upload_id, current.part_size if current else None, known)
        crc = result.crc64 if result.crc64 is not None else crc64_file(item.path)
        title = meta.create_params(item.path, ident.size)["Title"]
        self.finish(str(title), str(crc), note=redact(f"{result.parts_reused} parts reused after resume")
                    if result.parts_reused else None)


Factory = Callable[[str], ProfileSession]
