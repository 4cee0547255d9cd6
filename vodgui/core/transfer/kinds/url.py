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
from typing import TYPE_CHECKING, Any

from vodgui.core.credentials import parse_utc
from vodgui.core.errors import Cancelled, ErrorKind, VodError
from vodgui.core.media_items import url_file_name
from vodgui.core.transfer.events import JobState
from vodgui.core.transfer.kinds.common import require_vod
from vodgui.core.vod import UrlUploadInfo, VideoMetadata, VodApi, default_title

if TYPE_CHECKING:
    from vodgui.core.transfer.job import JobRunner

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


def _find_submitted(vod: VodApi, job: JobRunner, since: float) -> str | None:
    """The JobId of a job for this URL created since ``since`` (an answer lost in a crash), if VOD has one."""
    try:
        infos, _ = vod.get_url_upload_infos(urls=[job.item.path], interrupt=job.stop, on_retry=job.retrying)
    except VodError as err:
        log.info("looking up earlier jobs for %s failed (%s); submitting", job.item.path, err.code)
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


def _submit(job: JobRunner, vod: VodApi, meta: VideoMetadata) -> str:
    item = job.item
    since = item.extra.get("submitted_at")
    if isinstance(since, int | float):
        found = _find_submitted(vod, job, float(since))
        if found:
            log.info("found job %s submitted for %s before a restart", found, item.path)
            return found
    entry, params = url_params(meta, item.path)
    item.extra = {**item.extra, "submitted_at": job.clock.now()}
    job.store.update(item.id, extra=item.extra)
    return vod.upload_media_by_url(item.path, entry, params, job.stop, job.retrying)


def _media_stored(vod: VodApi, job: JobRunner, media_id: str) -> bool:
    try:
        return vod.get_video_info(media_id, job.retrying).status in _STORED
    except VodError:
        return False  # not visible yet: GetURLUploadInfos will tell


def _follow(job: JobRunner, vod: VodApi, job_id: str) -> tuple[UrlUploadInfo, JobState]:
    """Poll until the URL job succeeds (its info, and the job state reached) or fails (raises)."""
    item = job.item
    delay = FIRST_POLL
    last = ""
    state = JobState.PREPARING
    while True:
        infos, missing = vod.get_url_upload_infos(job_ids=[job_id], interrupt=job.stop, on_retry=job.retrying)
        info = next((i for i in infos if i.job_id == job_id), None)
        if info is None:
            raise VodError("URLJobNotFound", f"VOD does not know the upload job {job_id} for {item.path} any "
                           "more. Remove the item and add the URL again.", kind=ErrorKind.NOT_FOUND,
                           details={"non_exists": missing})
        status = info.status.upper()
        if status in _SUCCESS and info.media_id:
            return info, state
        if _failed(status):
            code = info.error_code or "URLUploadFailed"
            message = info.error_message or f"VOD could not fetch {item.path} (status {info.status})."
            raise VodError(code, f"Upload by URL failed: {message}", kind=ErrorKind.SERVER, service="vod")
        if info.media_id and status in _UPLOADING and _media_stored(vod, job, info.media_id):
            return info, state
        if status != last:
            last = status
            if status in _UPLOADING and state is JobState.PREPARING:
                state = JobState.UPLOADING
            job.cb.set_state(item.id, state, note=f"VOD reports the upload job as {info.status or 'pending'}.")
        if job.clock.sleep(delay, job.stop):
            raise Cancelled("interrupted")
        delay = min(MAX_POLL, delay * 1.5)


def run_url(job: JobRunner) -> None:
    item = job.item
    meta = VideoMetadata.from_json(item.metadata)
    meta.validate_fields(url_file_name(item.path))
    vod = require_vod(job, "an upload by URL")
    job_id = str(item.extra.get("job_id") or "")
    if not job_id:
        job_id = _submit(job, vod, meta)
        item.extra = {**item.extra, "job_id": job_id}
        job.store.update(item.id, extra=item.extra)  # committed at once: a resume follows it, never submits again
        log.info("upload of %s by URL submitted as job %s", item.path, job_id)
    job.cb.set_state(item.id, JobState.PREPARING, note="Submitted to VOD; waiting for it to fetch the file.")
    info, state = _follow(job, vod, job_id)
    size = info.file_size or 0
    job.store.update(item.id, video_id=info.media_id, size=size)
    item.video_id, item.size = info.media_id, size
    if state is not JobState.UPLOADING:  # PREPARING -> DONE is not a transition: pass through UPLOADING
        job.cb.set_state(item.id, JobState.UPLOADING, video_id=info.media_id)
    title = str(url_params(meta, item.path)[0]["Title"])
    job.finish(title, None)
