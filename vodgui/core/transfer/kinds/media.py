"""Images (CreateUploadImage) and attached media (CreateUploadAttachedMedia): one object each, with credentials
that cannot be refreshed.

Their ids (ImageId / MediaId) are committed the moment VOD answers, the URLs with them. When the credentials
expire before the object is complete (or on a later run: UploadAuth is never stored), the only way on is a new
Create call, which gives a new id and object; the small upload starts again from zero. The abandoned id stays in
VOD in the Uploading status, as with the official SDKs.

An image can be the cover of videos (``ImageDetails.cover_for``): once it is uploaded, each existing video gets
UpdateVideoInfo(CoverURL), each queued one the URL in its metadata (sent with CreateUploadVideo).
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, replace
from typing import Any

from vodgui.core.errors import VodError
from vodgui.core.media_items import check_attached, check_image
from vodgui.core.media_status import NORMAL
from vodgui.core.messages import Message
from vodgui.core.sources import OneShotUploadCredentials, UploadAuthExpired
from vodgui.core.transfer.context import JobContext
from vodgui.core.transfer.files import check_file
from vodgui.core.transfer.kinds import Outcome
from vodgui.core.transfer.record import AttachedDetails, ImageDetails, Kind
from vodgui.core.transfer.uploader import FileIdentity, ObjectUploader
from vodgui.core.vod import MediaTicket, VideoMetadata, VodApi

log = logging.getLogger(__name__)

#: Create calls per run: the first, and new ones when the credentials run out mid-upload.
MAX_CREATES = 3


def create_params(ctx: JobContext, ident: FileIdentity) -> tuple[dict[str, Any], Message]:
    """(Create* parameters, what the item is). Raises for a bad extension before any call."""
    rec = ctx.port.record
    meta = VideoMetadata.from_json(rec.metadata)
    meta.validate_fields(rec.path)
    params = meta.common_params(rec.path)
    details = rec.details
    if isinstance(details, ImageDetails):
        params.update(ImageType=details.image_type, ImageExt=check_image(rec.path, details.image_type),
                      OriginalFileName=os.path.basename(rec.path), CateId=meta.cate_id)
        return params, Message("what.image", {})
    assert isinstance(details, AttachedDetails)
    params.update(BusinessType=details.business_type, MediaExt=check_attached(rec.path, details.business_type),
                  FileName=os.path.basename(rec.path), FileSize=ident.size,
                  CateIds=str(meta.cate_id) if meta.cate_id is not None else None)
    return params, Message("what.attached", {"business_type": details.business_type})


@dataclass(frozen=True)
class _Prepared:
    ident: FileIdentity
    params: dict[str, Any]
    vod: VodApi


class MediaKind:
    def prepare(self, ctx: JobContext) -> _Prepared:
        rec = ctx.port.record
        ident = check_file(rec.path)
        params, what = create_params(ctx, ident)
        vod = ctx.require_vod(what)
        if rec.upload_id:
            # A multipart upload of an earlier run: its credentials are gone, nothing can sign its abort. OSS
            # lifecycle rules remove the parts.
            ctx.port.upload_gone(Message("note.upload_session_gone", {}))
        return _Prepared(ident, params, vod)

    def _create(self, ctx: JobContext, prepared: _Prepared) -> MediaTicket:
        clean = {k: v for k, v in prepared.params.items() if v is not None}
        if ctx.port.record.kind is Kind.IMAGE:
            return prepared.vod.create_upload_image(clean, ctx.stop, ctx.port.retrying)
        return prepared.vod.create_upload_attached_media(clean, ctx.stop, ctx.port.retrying)

    def transfer(self, ctx: JobContext, prepared: _Prepared) -> tuple[_Prepared, int, Message | None]:
        port = ctx.port
        details = port.record.details
        assert isinstance(details, ImageDetails | AttachedDetails)
        if port.record.media_id and details.uploaded_crc64 is not None:
            return prepared, int(details.uploaded_crc64), None  # stored by an earlier run: only covers are left
        note = None
        ident = prepared.ident
        for attempt in range(1, MAX_CREATES + 1):
            media = self._create(ctx, prepared)
            port.media_created(media.ticket, ident.size, ident.mtime_ns,
                               replace(details, url=media.url, file_url=media.file_url, uploaded_crc64=None))
            creds = OneShotUploadCredentials(media.ticket, ctx.clock)
            address = media.ticket.address
            uploader = ObjectUploader(ctx.session.bucket(creds, address.endpoint, address.bucket),
                                      address.file_name, ident, creds, ctx.config, ctx.clock, ctx.executor,
                                      ctx.stop, port, ctx.limiter)
            port.uploading(note)
            try:
                result = (uploader.put() if ident.size <= ctx.config.put_threshold
                          else uploader.multipart(None, None, {}))
            except UploadAuthExpired:
                if attempt == MAX_CREATES:
                    raise
                log.info("upload credentials of %s expired mid-upload; creating it again", media.ticket.video_id)
                note = Message("note.media_recreated", {"media_id": media.ticket.video_id})
                continue
            crc = int(result.crc64 or 0)
            # Remembered before the covers are set, so a retry after a failed UpdateVideoInfo does not upload again.
            current = port.record.details
            assert isinstance(current, ImageDetails | AttachedDetails)
            port.set_details(replace(current, uploaded_crc64=str(crc)))
            return prepared, crc, note
        raise AssertionError("unreachable")

    def finalize(self, ctx: JobContext, transferred: tuple[_Prepared, int, Message | None]) -> Outcome:
        prepared, crc, note = transferred
        rec = ctx.port.record
        details = rec.details
        if isinstance(details, ImageDetails) and details.cover_for:
            ctx.port.completing()
            apply_cover(ctx, prepared.vod, details.url or details.file_url or "")
        title = str(prepared.params.get("Title") or os.path.basename(rec.path))
        # Images and attached media have no transcoding life cycle; GetVideoInfos does not know them either.
        return Outcome(title, crc, note, NORMAL)

    def abort_idle(self, ctx: JobContext) -> None:
        if ctx.port.record.upload_id:
            ctx.port.upload_gone(Message("note.upload_session_gone", {}))


def apply_cover(ctx: JobContext, vod: VodApi, url: str) -> None:
    """Make ``url`` the cover of every target of the image."""
    if not url:
        raise VodError("CoverURLMissing")
    details = ctx.port.record.details
    assert isinstance(details, ImageDetails)
    for target in details.cover_for:
        video_id = target.video_id
        if not video_id and target.item_id is not None:
            # A queued video: the URL goes into its metadata; if it exists already we get its VideoId back.
            video_id = ctx.port.cover_ready(target.item_id, url)
        if video_id:
            vod.update_video_info(video_id, {"CoverURL": url}, ctx.stop, ctx.port.retrying)
            log.info("cover of %s set to image %s", video_id, ctx.port.record.media_id)
