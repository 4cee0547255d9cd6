"""Images (CreateUploadImage) and attached media (CreateUploadAttachedMedia): one object each, with credentials
that cannot be refreshed.

Their ids (ImageId / MediaId) go into the item's ``video_id`` the moment VOD answers, the URLs into ``extra``.
When the credentials expire before the object is complete (or on a later run: UploadAuth is never stored), the
only way on is a new Create call, which gives a new id and object; the small upload starts again from zero. The
abandoned id stays in VOD in the Uploading status, as with the official SDKs.

An image can be the cover of videos (``extra["cover_for"]``): once it is uploaded, each existing video gets
UpdateVideoInfo(CoverURL), each queued one the URL in its metadata (sent with CreateUploadVideo).
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

from vodgui.core.errors import VodError
from vodgui.core.integrity import crc64_file
from vodgui.core.media_items import KIND_IMAGE, check_attached, check_image
from vodgui.core.media_status import NORMAL
from vodgui.core.sources import OneShotUploadCredentials, UploadAuthExpired
from vodgui.core.transfer.events import JobState
from vodgui.core.transfer.files import check_file
from vodgui.core.transfer.kinds.common import require_vod
from vodgui.core.transfer.uploader import FileIdentity, ObjectUploader
from vodgui.core.vod import MediaTicket, VideoMetadata, VodApi

if TYPE_CHECKING:
    from vodgui.core.transfer.job import JobRunner

log = logging.getLogger(__name__)

#: Create calls per run: the first, and new ones when the credentials run out mid-upload.
MAX_CREATES = 3


def create_params(job: JobRunner, ident: FileIdentity) -> tuple[dict[str, Any], str]:
    """(Create* parameters, what the item is, for messages). Raises for a bad extension before any call."""
    item = job.item
    meta = VideoMetadata.from_json(item.metadata)
    meta.validate_fields(item.path)
    params = meta.common_params(item.path)
    if item.kind == KIND_IMAGE:
        image_type = str(item.extra.get("image_type") or "default")
        params.update(ImageType=image_type, ImageExt=check_image(item.path, image_type),
                      OriginalFileName=os.path.basename(item.path), CateId=meta.cate_id)
        return params, "an image"
    business_type = str(item.extra.get("business_type") or "")
    params.update(BusinessType=business_type, MediaExt=check_attached(item.path, business_type),
                  FileName=os.path.basename(item.path), FileSize=ident.size,
                  CateIds=str(meta.cate_id) if meta.cate_id is not None else None)
    return params, f"{business_type} media"


def _create(job: JobRunner, vod: VodApi, params: dict[str, Any]) -> MediaTicket:
    clean = {k: v for k, v in params.items() if v is not None}
    if job.item.kind == KIND_IMAGE:
        return vod.create_upload_image(clean, job.stop, job.retrying)
    return vod.create_upload_attached_media(clean, job.stop, job.retrying)


def _remember(job: JobRunner, media: MediaTicket, ident: FileIdentity, state: JobState) -> None:
    """Committed before a byte goes to OSS, like a VideoId: the id is what the user copies and the history keeps."""
    item = job.item
    extra = {**item.extra, "url": media.url, "file_url": media.file_url}
    extra.pop("uploaded", None)
    job.commit_ticket(media.ticket, ident, extra=extra)
    item.extra = extra
    job.cb.set_state(item.id, state, video_id=media.ticket.video_id)


def _upload_once(job: JobRunner, media: MediaTicket, ident: FileIdentity) -> int:
    """The object upload with these credentials; its CRC64. Raises UploadAuthExpired when they run out."""
    creds = OneShotUploadCredentials(media.ticket, job.clock)
    cfg = job.session.transfer
    uploader = ObjectUploader(job.bucket(creds), media.ticket.address.file_name, ident, creds, cfg, job.clock,
                              job.executor, job.stop, job, job.limiter)
    job.set_uploader(uploader)
    job.cb.set_state(job.item.id, JobState.UPLOADING)
    result = uploader.put() if ident.size <= cfg.put_threshold else uploader.multipart(None, None, {})
    return result.crc64 if result.crc64 is not None else crc64_file(ident.path)


def run_media(job: JobRunner) -> None:
    item = job.item
    ident = check_file(item.path)
    params, what = create_params(job, ident)
    vod = require_vod(job, what)
    if item.upload_id:
        job.abort_idle()  # a multipart upload of an earlier run: its credentials are gone
        item.upload_id = None
    crc = item.extra.get("uploaded") if item.video_id else None
    note = None
    if crc is None:
        for attempt in range(1, MAX_CREATES + 1):
            media = _create(job, vod, params)
            # A new Create after expired credentials happens mid-upload: the job stays UPLOADING.
            _remember(job, media, ident, JobState.PREPARING if attempt == 1 else JobState.UPLOADING)
            try:
                crc = str(_upload_once(job, media, ident))
                break
            except UploadAuthExpired:
                job.set_uploader(None)
                if attempt == MAX_CREATES:
                    raise
                log.info("upload credentials of %s expired mid-upload; creating %s again", media.ticket.video_id,
                         what)
                job.cb.reset_progress(item.id)
                note = (f"The upload credentials of {media.ticket.video_id} expired before the upload finished; "
                        "it was uploaded again under a new id.")
                job.cb.set_state(item.id, JobState.UPLOADING, note=note)
        # Remembered before the covers are set, so a retry after a failed UpdateVideoInfo does not upload again.
        item.extra = {**item.extra, "uploaded": crc}
        job.store.update(item.id, extra=item.extra)
    if item.extra.get("cover_for"):
        job.cb.set_state(item.id, JobState.COMPLETING)
        apply_cover(job, vod, str(item.extra.get("url") or item.extra.get("file_url") or ""))
    title = str(params.get("Title") or os.path.basename(item.path))
    # Images and attached media have no transcoding life cycle; GetVideoInfos does not know them either.
    job.finish(title, str(crc), note=note, media_status=NORMAL)


def apply_cover(job: JobRunner, vod: VodApi, url: str) -> None:
    """Make ``url`` the cover of every target of the item (``extra["cover_for"]``)."""
    if not url:
        raise VodError("InvalidResponse", "CreateUploadImage gave no ImageURL or FileURL to use as the cover.")
    for target in job.item.extra.get("cover_for") or []:
        video_id = target.get("video_id")
        item_id = target.get("item_id")
        if not video_id and item_id is not None:
            # A queued video: the URL goes into its metadata; if it exists already we get its VideoId back.
            video_id = job.cb.set_cover(int(item_id), url)
        if video_id:
            vod.update_video_info(str(video_id), {"CoverURL": url}, job.stop, job.retrying)
            log.info("cover of %s set to image %s", video_id, job.item.video_id)
