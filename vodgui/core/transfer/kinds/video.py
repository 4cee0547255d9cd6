"""Videos: CreateUploadVideo (or RefreshUploadVideo for the item's VideoId), then one object, single or multipart.

Crash-safety order: the VideoId and upload address are committed right after CreateUploadVideo answers, the OSS
upload id right after InitiateMultipartUpload, every part as OSS acknowledges it. A job that has a VideoId
resumes with RefreshUploadVideo (never a second CreateUploadVideo, which would give a new object key and orphan
the parts).
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, replace

from vodgui.core.credentials import UploadTicket
from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.messages import Message
from vodgui.core.sources import LiveUploadCredentials
from vodgui.core.transfer.context import JobContext
from vodgui.core.transfer.files import check_file
from vodgui.core.transfer.kinds import Outcome
from vodgui.core.transfer.record import VideoDetails
from vodgui.core.transfer.uploader import FileIdentity, ObjectUploader, UploadResult, abort_multipart
from vodgui.core.vod import VideoMetadata

log = logging.getLogger(__name__)


def obtain_ticket(ctx: JobContext, meta: VideoMetadata, ident: FileIdentity, *,
                  whole_file: bool = True) -> UploadTicket:
    """The VideoId and credentials: RefreshUploadVideo for an item that has a VideoId, else CreateUploadVideo.

    ``whole_file``: the item is one object whose parts belong to one version of the file (a changed file
    starts over); an M3U8 package checks each of its files itself.
    """
    port = ctx.port
    rec = port.record
    source = ctx.session.upload_source
    if rec.media_id:
        try:
            ticket = source.refresh_upload_video(rec.media_id, ctx.stop, port.retrying)
        except VodError as err:
            if err.code != "InvalidVideo.NotFound":
                raise
            port.media_gone(Message("note.video_gone", {"video_id": rec.media_id}))
            if isinstance(rec.details, VideoDetails) and rec.details.reference_id:
                port.set_details(VideoDetails())  # the deleted video may keep its ReferenceId: the new one gets its own
        else:
            if whole_file and (ident.size, ident.mtime_ns) != (rec.size, rec.mtime_ns):
                # Same video, new object content: the old parts are useless. Abort them now that we can sign.
                if rec.upload_id:
                    creds = LiveUploadCredentials(source, ticket, ctx.clock, ctx.stop, port.retrying)
                    address = ticket.address
                    abort_multipart(ctx.session.bucket(creds, address.endpoint, address.bucket),
                                    address.file_name, rec.upload_id)
                port.file_changed(ident.size, ident.mtime_ns, Message("note.file_changed", {}))
            return ticket
    reference, earlier = _reference_id(ctx, whole_file)
    if reference:
        # Only an id an earlier attempt committed can have a video behind it: a new one needs no look-up.
        found = _lost_create(ctx, reference, ident) if earlier else None
        if found is not None:
            return found
        meta = replace(meta, reference_id=reference)
    try:
        ticket = source.create_upload_video(meta, rec.path, ident.size, ctx.stop, port.retrying)
    except VodError as err:
        # The answer of an earlier attempt of this very call was lost, and a retry met the id it had created.
        found = (_lost_create(ctx, reference, ident) if reference and err.code.startswith("InvalidReferenceId")
                 else None)
        if found is None:
            raise
        return found
    # Committed before a single byte goes to OSS: from now on this item only ever refreshes.
    port.media_created(ticket, ident.size, ident.mtime_ns)
    _sync_cover(ctx, meta, ticket.video_id)
    return ticket


def _reference_id(ctx: JobContext, whole_file: bool) -> tuple[str | None, bool]:
    """(The item's ReferenceId, committed before its first CreateUploadVideo; whether an earlier attempt committed
    it). None where it cannot be used: an AppServer creates the video, and its contract carries no ReferenceId;
    packages keep their own details."""
    details = ctx.port.record.details
    if not whole_file or ctx.session.vod is None or not isinstance(details, VideoDetails):
        return None, False
    if details.reference_id:
        return details.reference_id, True
    reference = "vodgui-" + uuid.uuid4().hex
    ctx.port.set_details(replace(details, reference_id=reference))
    return reference, False


def _lost_create(ctx: JobContext, reference: str, ident: FileIdentity) -> UploadTicket | None:
    """The video an earlier CreateUploadVideo with ``reference`` made (its answer was lost: the process died, or
    the connection dropped), with new credentials; None if there is none."""
    vod = ctx.session.vod
    if vod is None:
        return None
    video_id = vod.video_by_reference(reference, ctx.port.retrying)
    if video_id is None:
        return None
    log.info("found video %s created for this item before its answer was lost", video_id)
    ticket = ctx.session.upload_source.refresh_upload_video(video_id, ctx.stop, ctx.port.retrying)
    ctx.port.media_created(ticket, ident.size, ident.mtime_ns)
    ctx.port.note(Message("note.create_found", {"video_id": video_id}))
    return ticket


def _sync_cover(ctx: JobContext, meta: VideoMetadata, video_id: str) -> None:
    """A cover image chosen while this job was starting went into the metadata after we read it: the video
    exists now, so it gets the cover through UpdateVideoInfo (the image job may do the same; both is harmless)."""
    cover = str(ctx.port.record.metadata.get("cover_url") or "")
    if not cover or cover == meta.cover_url:
        return
    try:
        vod = ctx.session.vod
        if vod is None:
            raise VodError("NoVodAccess.Cover", kind=ErrorKind.CONFIG, params={"profile": ctx.session.name})
        vod.update_video_info(video_id, {"CoverURL": cover}, ctx.stop, ctx.port.retrying)
    except VodError as err:
        log.warning("could not set the cover of %s: %s", video_id, err)
        ctx.port.note(Message("note.cover_failed", {"error": err.to_message().to_dict()}))


@dataclass(frozen=True)
class _Prepared:
    meta: VideoMetadata
    ident: FileIdentity
    ticket: UploadTicket


class VideoKind:
    def prepare(self, ctx: JobContext) -> _Prepared:
        rec = ctx.port.record
        meta = VideoMetadata.from_json(rec.metadata)
        ident = check_file(rec.path)
        meta.validate(rec.path)
        return _Prepared(meta, ident, obtain_ticket(ctx, meta, ident))

    def transfer(self, ctx: JobContext, prepared: _Prepared) -> tuple[_Prepared, UploadResult]:
        port = ctx.port
        ticket, ident = prepared.ticket, prepared.ident
        creds = LiveUploadCredentials(ctx.session.upload_source, ticket, ctx.clock, ctx.stop, port.retrying)
        address = ticket.address
        bucket = ctx.session.bucket(creds, address.endpoint, address.bucket)
        uploader = ObjectUploader(bucket, address.file_name, ident, creds, ctx.config, ctx.clock, ctx.executor,
                                  ctx.stop, port, ctx.limiter)
        port.uploading()
        rec = port.record
        if ident.size <= ctx.config.put_threshold and not rec.upload_id:
            return prepared, uploader.put()
        known = port.known_parts()
        return prepared, uploader.multipart(rec.upload_id, rec.part_size, known)

    def finalize(self, ctx: JobContext, transferred: tuple[_Prepared, UploadResult]) -> Outcome:
        prepared, result = transferred
        title = str(prepared.meta.create_params(ctx.port.record.path, prepared.ident.size)["Title"])
        note = None
        if result.parts_resent:
            note = Message("note.parts_resent", {"count": result.parts_resent})
        elif result.parts_reused:
            note = Message("note.parts_reused", {"count": result.parts_reused})
        return Outcome(title, result.crc64, note)

    def abort_idle(self, ctx: JobContext) -> None:
        rec = ctx.port.record
        if not (rec.media_id and rec.upload_id):
            return
        ticket = ctx.session.upload_source.refresh_upload_video(rec.media_id, ctx.stop, ctx.port.retrying)
        creds = LiveUploadCredentials(ctx.session.upload_source, ticket, ctx.clock, ctx.stop, ctx.port.retrying)
        address = ticket.address
        abort_multipart(ctx.session.bucket(creds, address.endpoint, address.bucket), address.file_name,
                        rec.upload_id)
        ctx.port.upload_gone(Message("note.upload_aborted", {}))
