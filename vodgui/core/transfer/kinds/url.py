"""Uploads by URL: UploadMediaByURL once, then GetURLUploadInfos until the job ends.

VOD fetches the file itself, so no byte moves through this program and nothing says how far it is: the item's
progress stays unknown (size 0, no speed or ETA) until it is done.

Never submitted twice: the JobId is committed the moment VOD answers, and a resume follows it. The moment just
before is marked too (``submitted_at``): if the program died between the request and the answer, the next run
first looks for a job for this URL submitted since then (GetURLUploadInfos by URL) before submitting again.

States: PREPARING while VOD has not started or is downloading, UPLOADING while it stores the file, DONE with the
MediaId as VideoId, FAILED with VOD's ErrorCode and ErrorMessage. Cancel stops following the job; the job
itself cannot be withdrawn from VOD.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import Any

from vodgui.core.credentials import parse_utc
from vodgui.core.errors import Cancelled, ErrorKind, VodError
from vodgui.core.media_items import url_file_name
from vodgui.core.messages import Message
from vodgui.core.transfer.context import JobContext
from vodgui.core.transfer.events import JobState
from vodgui.core.transfer.kinds import Outcome
from vodgui.core.transfer.record import UrlDetails
from vodgui.core.vod import UrlUploadInfo, VideoMetadata, VodApi, default_title

log = logging.getLogger(__name__)

#: Polling GetURLUploadInfos: first after this many seconds, then 1.5 times longer each time, up to the cap.
FIRST_POLL = 0.5
MAX_POLL = 30.0
#: How far before ``submitted_at`` a job found by URL may have been created (clock differences).
_CLOCK_SLACK = 120.0

_SUCCESS = frozenset({"SUCCESS", "UPLOAD_SUCCESS", "NORMAL"})
_UPLOADING = frozenset({"UPLOADING", "PROCESSING"})
#: A media that reached one of these has its source stored: the upload by URL is done.
_STORED = frozenset({"UploadSucc", "Transcoding", "TranscodeFail", "Checking", "Normal", "Blocked"})


def _failed(status: str) -> bool:
    return "FAIL" in status


def url_params(meta: VideoMetadata, url: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(the UploadMetadatas entry, the request's own parameters) for ``url``."""
    name = url_file_name(url)
    common = meta.common_params(name)
    entry = {
        # A URL's name may be all extension (".mp4"): then the whole name is the title.
        "Title": meta.title.strip() or default_title(name),
        "Description": common["Description"],
        "Tags": common["Tags"],
        "CateId": meta.cate_id,
        "CoverURL": meta.cover_url or None,
    }
    params = {
        "TemplateGroupId": meta.template_group_id or None,
        "WorkflowId": meta.workflow_id or None,
        "StorageLocation": common["StorageLocation"],
        "AppId": common["AppId"],
        "UserData": common["UserData"],
    }
    return entry, {k: v for k, v in params.items() if v is not None}


def _details(ctx: JobContext) -> UrlDetails:
    details = ctx.port.record.details
    assert isinstance(details, UrlDetails)
    return details


def _find_submitted(vod: VodApi, ctx: JobContext, since: float) -> str | None:
    """The JobId of a job for this URL created since ``since`` (an answer lost in a crash), if VOD has one."""
    url = ctx.port.record.path
    try:
        infos, _ = vod.get_url_upload_infos(urls=[url], interrupt=ctx.stop, on_retry=ctx.port.retrying)
    except VodError as err:
        log.info("looking up earlier jobs for %s failed (%s); submitting", url, err.code)
        return None
    candidates = []
    for info in infos:
        created = str(info.raw.get("CreationTime") or "")
        try:
            when = parse_utc(created) if created else None
        except ValueError:
            when = None
        if info.job_id and (when is None or when >= since - _CLOCK_SLACK):
            candidates.append((when or 0.0, info.job_id))
    return max(candidates)[1] if candidates else None


def _submit(ctx: JobContext, vod: VodApi, meta: VideoMetadata) -> str:
    url = ctx.port.record.path
    since = _details(ctx).submitted_at
    if since is not None:
        found = _find_submitted(vod, ctx, float(since))
        if found:
            log.info("found job %s submitted for %s before a restart", found, url)
            return found
    entry, params = url_params(meta, url)
    ctx.port.set_details(replace(_details(ctx), submitted_at=ctx.clock.now()))
    return vod.upload_media_by_url(url, entry, params, ctx.stop, ctx.port.retrying)


def _media_stored(ctx: JobContext, vod: VodApi, media_id: str) -> bool:
    try:
        return vod.get_video_info(media_id, ctx.port.retrying).status in _STORED
    except VodError:
        return False  # not visible yet: GetURLUploadInfos will tell


def _follow(ctx: JobContext, vod: VodApi, job_id: str) -> UrlUploadInfo:
    """Poll until the URL job succeeds (its info) or fails (raises)."""
    url = ctx.port.record.path
    delay = FIRST_POLL
    last = ""
    while True:
        infos, missing = vod.get_url_upload_infos(job_ids=[job_id], interrupt=ctx.stop,
                                                  on_retry=ctx.port.retrying)
        info = next((i for i in infos if i.job_id == job_id), None)
        if info is None:
            raise VodError("URLJobNotFound", params={"job_id": job_id, "url": url}, kind=ErrorKind.NOT_FOUND,
                           details={"non_exists": missing})
        status = info.status.upper()
        if status in _SUCCESS and info.media_id:
            return info
        if _failed(status):
            code = info.error_code or "URLUploadFailed"
            raise VodError(code, info.error_message or None, params={"url": url, "status": info.status},
                           kind=ErrorKind.SERVER, service="vod")
        if info.media_id and status in _UPLOADING and _media_stored(ctx, vod, info.media_id):
            return info
        if status != last:
            last = status
            note = Message("note.url_job_status", {"status": info.status or "pending"})
            if status in _UPLOADING:
                ctx.port.uploading(note)
            else:
                ctx.port.note(note)
        if ctx.clock.sleep(delay, ctx.stop):
            raise Cancelled("interrupted")
        delay = min(MAX_POLL, delay * 1.5)


@dataclass(frozen=True)
class _Prepared:
    meta: VideoMetadata
    vod: VodApi
    job_id: str


class UrlKind:
    def prepare(self, ctx: JobContext) -> _Prepared:
        url = ctx.port.record.path
        meta = VideoMetadata.from_json(ctx.port.record.metadata)
        meta.validate_fields(url_file_name(url))
        vod = ctx.require_vod(Message("what.url", {}))
        job_id = _details(ctx).job_id or ""
        if not job_id:
            job_id = _submit(ctx, vod, meta)
            # Committed at once: a resume follows it, never submits again.
            ctx.port.set_details(replace(_details(ctx), job_id=job_id))
            log.info("upload of %s by URL submitted as job %s", url, job_id)
        ctx.port.note(Message("note.url_submitted", {}))
        return _Prepared(meta, vod, job_id)

    def transfer(self, ctx: JobContext, prepared: _Prepared) -> tuple[_Prepared, UrlUploadInfo]:
        info = _follow(ctx, prepared.vod, prepared.job_id)
        if ctx.port.record.state is not JobState.UPLOADING:  # PREPARING -> DONE is not a transition
            ctx.port.uploading()
        return prepared, info

    def finalize(self, ctx: JobContext, transferred: tuple[_Prepared, UrlUploadInfo]) -> Outcome:
        prepared, info = transferred
        title = str(url_params(prepared.meta, ctx.port.record.path)[0]["Title"])
        # The size and the MediaId arrive with DONE: while VOD fetches, nothing says how far it is.
        return Outcome(title, None, media_id=str(info.media_id), size=info.file_size or 0)

    def abort_idle(self, ctx: JobContext) -> None:
        """The VOD job itself cannot be withdrawn: cancel only stops following it."""
