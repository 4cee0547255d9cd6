"""UploadMediaByURL and GetURLUploadInfos: VOD pulls media files from URLs into its storage.

The real service queues one job per URL and pulls it in the cloud, sometimes hours later. The sandbox is
offline, so it only pulls ``http``/``https`` URLs on loopback (127.0.0.0/8, ::1, ``localhost``; no DNS
lookups); any other host fails its job. A small pool of daemon threads works the queue; each job goes::

    PENDING -> DOWNLOADING -> UPLOADING -> SUCCESS          (or FAIL, with ErrorCode and ErrorMessage)

The body is streamed into the OSS blob store's temporary area, hashed on the way (capped at
``settings.url_pull_max_bytes``, shaped by ``settings.bandwidth_bps``), then that file becomes the new video's
object through :meth:`OssModel.put_file` (no second copy), whose listener marks the video ``UploadSucc``: the
usual life cycle follows. ``settings.url_pull_delay`` holds a job that many
wall-clock seconds in PENDING and again in UPLOADING so that clients can watch it move; how long it stays in
DOWNLOADING is up to the source server (and ``bandwidth_bps``).

UNCONFIRMED: the status values. The API reference links the list (help.aliyun.com document 52839) without
quoting it; its samples show ``SUCCESS``. The sandbox uses PENDING, DOWNLOADING, UPLOADING, SUCCESS and FAIL,
all of which appear in that list as far as public material shows. ``URLInvalidError`` ("download video failed
by the url, please check it") is the code of the UploadByURLComplete event's failure sample; the sandbox uses it
for every download problem and adds the cause to the message.
"""

from __future__ import annotations

import http.client
import json
import logging
import posixpath
import queue
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlsplit

from vodgui.sandbox.cdn import content_type_for
from vodgui.sandbox.clock import iso_utc
from vodgui.sandbox.http import Throttle, is_loopback_host
from vodgui.sandbox.oss.models import OssModel
from vodgui.sandbox.oss.storage import Ingested
from vodgui.sandbox.rpc import RpcError, invalid, missing
from vodgui.sandbox.service import SandboxContext
from vodgui.sandbox.vod import errors
from vodgui.sandbox.vod import validation as v
from vodgui.sandbox.vod.callbacks import callback_target
from vodgui.sandbox.vod.media import from_record

if TYPE_CHECKING:
    from vodgui.sandbox.vod.models import VodModel

log = logging.getLogger("vodgui.sandbox.vod.urlpull")

STORE_KIND = "vod_url_job"
PENDING, DOWNLOADING, UPLOADING, SUCCESS, FAIL = "PENDING", "DOWNLOADING", "UPLOADING", "SUCCESS", "FAIL"
TERMINAL = frozenset({SUCCESS, FAIL})
MAX_SUBMIT_URLS = 20
MAX_QUERY_IDS = 10
MAX_RECORDS_PER_URL = 100
URL_INVALID = "URLInvalidError"
_URL_INVALID_MESSAGE = "download video failed by the url, please check it"
_SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{1,50}$")
_SESSION_WINDOW = 600.0
_WORKERS = 2
_IDLE_EXIT_SECONDS = 30.0
_CHUNK = 64 * 1024
#: Content-Type -> extension, for a URL whose path names none.
_TYPE_EXTENSIONS = {
    "video/mp4": "mp4", "video/quicktime": "mov", "application/vnd.apple.mpegurl": "m3u8",
    "application/x-mpegurl": "m3u8", "audio/mpegurl": "m3u8", "video/mp2t": "ts", "video/x-flv": "flv",
    "video/x-matroska": "mkv", "video/webm": "webm", "video/x-msvideo": "avi", "video/x-ms-wmv": "wmv",
    "video/x-ms-asf": "asf", "video/3gpp": "3gp", "video/mpeg": "mpg", "video/ogg": "ogg", "audio/mpeg": "mp3",
    "audio/mp3": "mp3", "audio/mp4": "m4a", "audio/x-m4a": "m4a", "audio/aac": "aac", "audio/wav": "wav",
    "audio/x-wav": "wav", "audio/flac": "flac", "audio/x-ms-wma": "wma", "audio/amr": "amr",
}


class PullError(Exception):
    """Why a job failed: its ErrorCode and ErrorMessage."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


def download_failed(cause: str) -> PullError:
    return PullError(URL_INVALID, f"{_URL_INVALID_MESSAGE}: {cause}")


class _Abandoned(Exception):
    """The job was forgotten (control-plane reset) while it ran."""


@dataclass
class UrlJob:
    """One URL pull job (persisted as JSON under the kind ``vod_url_job``)."""

    job_id: str
    url: str
    created_at: float
    status: str = PENDING
    #: The Media fields of the video to create, from UploadMetadatas and the request (already validated).
    video: dict[str, Any] = field(default_factory=dict)
    file_extension: str = ""
    user_data_raw: str = ""
    session_id: str = ""
    media_id: str = ""
    file_size: int | None = None
    completed_at: float | None = None
    error_code: str = ""
    error_message: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> UrlJob:
        return from_record(cls, data)


def fetchable(url: str) -> str | None:
    """None if the sandbox may fetch ``url``, else why not."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        return f"unsupported scheme {parts.scheme!r}"
    if not is_loopback_host((parts.hostname or "").lower()):
        return (f"the sandbox is offline and only pulls loopback URLs (127.0.0.0/8, ::1, localhost), "
                f"not {parts.hostname!r}")
    return None


def url_extension(url: str) -> str:
    return v.file_extension(posixpath.basename(unquote(urlsplit(url).path)))


class _LoopbackRedirects(urllib.request.HTTPRedirectHandler):
    """Follows redirects only to URLs the sandbox may fetch."""

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> urllib.request.Request | None:
        refused = fetchable(newurl)
        if refused is not None:
            raise download_failed(f"redirected to {newurl}: {refused}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class UrlPuller:
    """The URL pull jobs of one sandbox and the worker threads that run them."""

    def __init__(self, ctx: SandboxContext, vod: VodModel, oss: OssModel) -> None:
        self._ctx = ctx
        self._vod = vod
        self._oss = oss
        self._lock = threading.Lock()
        self._jobs: dict[str, UrlJob] = {}
        self._sessions: dict[str, float] = {}
        self._queue: queue.Queue[str] = queue.Queue()
        self._workers = 0
        self._closed = False
        restart: list[str] = []
        for data in ctx.store.load(STORE_KIND).values():
            job = UrlJob.from_json(data)
            if job.status not in TERMINAL:  # interrupted by a shutdown: pull it again from the start
                job.status, job.media_id, job.file_size = PENDING, "", None
                restart.append(job.job_id)
            self._jobs[job.job_id] = job
        for job_id in restart:
            self._enqueue(job_id)

    def reset(self) -> None:
        with self._lock:
            self._jobs.clear()
            self._sessions.clear()
        while True:
            try:
                self._queue.get_nowait()
            except queue.Empty:
                break

    def close(self) -> None:
        """The sandbox stops: running jobs are abandoned where they are (a restart pulls them again)."""
        with self._lock:
            self._closed = True

    def _save(self, job: UrlJob) -> None:
        self._ctx.store.put(STORE_KIND, job.job_id, asdict(job))

    # -- UploadMediaByURL ------------------------------------------------------------------------------------
    def submit(self, p: v.ParamReader) -> list[dict[str, str]]:
        """Validate the whole request, then queue one job per URL. Returns the ``UploadJobs`` entries."""
        urls = self._parse_urls(p, "UploadURLs", MAX_SUBMIT_URLS)
        metadatas = self._parse_metadatas(p, urls)
        storage = v.check_storage_location(p, self._vod.storage_location)
        app_id = v.check_app_id(p)
        user_data = v.parse_user_data(p)
        session_id = p.get("SessionId") or ""
        if session_id and not _SESSION_ID.match(session_id):
            raise invalid("SessionId")
        videos = [self._video_fields(p, url, metadatas.get(url, {})) for url in urls]
        now = self._ctx.clock.now()
        jobs: list[UrlJob] = []
        with self._lock:
            if session_id:
                used = self._sessions.get(session_id)
                if used is not None and now - used < _SESSION_WINDOW:
                    raise errors.session_id_duplicate()
                # Only ids inside the window can clash: forget the older ones as new ones arrive.
                self._sessions = {s: t for s, t in self._sessions.items() if now - t < _SESSION_WINDOW}
                self._sessions[session_id] = now
            for url, (video, ext) in zip(urls, videos):
                video.update(storage_location=storage, app_id=app_id, user_data=user_data)
                job = UrlJob(self._ctx.ids.hex(32), url, now, video=video, file_extension=ext,
                             user_data_raw=p.get("UserData") or "", session_id=session_id)
                self._jobs[job.job_id] = job
                jobs.append(job)
        for job in jobs:
            self._save(job)
            self._enqueue(job.job_id)
        return [{"JobId": job.job_id, "SourceURL": job.url} for job in jobs]

    @staticmethod
    def _parse_urls(p: v.ParamReader, name: str, limit: int) -> list[str]:
        """A comma list of URLs, each URL-encoded (as the API asks) or plain; decoded, in order."""
        urls: list[str] = []
        for entry in p.require(name).split(","):
            entry = entry.strip()
            if not entry:
                continue
            url = unquote(entry) if entry.lower().startswith(("http%3a", "https%3a")) else entry
            if len(url.encode("utf-8")) > v.MAX_URL_BYTES or not v.is_http_url(url):
                raise errors.invalid_parameter(name)
            urls.append(url)
        if not urls:
            raise missing(name)
        if len(urls) > limit:
            raise errors.invalid_parameter(name)
        return urls

    @staticmethod
    def _parse_metadatas(p: v.ParamReader, urls: list[str]) -> dict[str, dict[str, Any]]:
        """UploadMetadatas: a JSON array of objects, each naming its SourceURL; entries for other URLs are
        ignored, as documented ("takes effect only when it matches a URL in UploadURLs")."""
        raw = p.get("UploadMetadatas")
        if raw is None:
            return {}
        try:
            data = json.loads(raw)
        except json.JSONDecodeError:
            raise errors.invalid_parameter("UploadMetadatas") from None
        if isinstance(data, dict):
            data = [data]  # the API reference's own example is a single object
        if not isinstance(data, list) or not all(isinstance(m, dict) for m in data):
            raise errors.invalid_parameter("UploadMetadatas")
        by_url: dict[str, dict[str, Any]] = {}
        for meta in data:
            source = meta.get("SourceURL")
            if not isinstance(source, str) or not source:
                raise errors.invalid_parameter("UploadMetadatas")
            for candidate in (source, unquote(source)):
                if candidate in urls:
                    by_url[candidate] = meta
        return by_url

    def _video_fields(self, p: v.ParamReader, url: str, meta: dict[str, Any]) -> tuple[dict[str, Any], str]:
        """The validated Media fields for one URL, and the FileExtension it names (or '')."""
        m = v.DictParams(meta)
        file_name = posixpath.basename(unquote(urlsplit(url).path))
        # UNCONFIRMED: without metadata (the docs call Title required in it) the file name becomes the title.
        title = v.check_title(m, required=False) or _fit_title(file_name or url)
        outer = {"TemplateGroupId": m.get("TemplateGroupId") or p.get("TemplateGroupId"),
                 "WorkflowId": m.get("WorkflowId") or p.get("WorkflowId")}
        transcode, group, workflow = self._vod.resolve_processing(v.DictParams(outer))
        fields = {
            "title": title, "file_name": file_name,
            "file_size": v.check_file_size(m), "description": v.check_text(
                "Description", m.get("Description"), v.MAX_DESCRIPTION_BYTES),
            "tags": v.check_tags(m), "cate_id": v.check_cate_id(m), "cover_url": v.check_cover_url(m),
            "transcode": transcode, "template_group_id": group, "workflow_id": workflow,
        }
        return fields, (m.get("FileExtension") or "").lower().lstrip(".")

    # -- GetURLUploadInfos -----------------------------------------------------------------------------------
    def infos(self, p: v.ParamReader) -> dict[str, Any]:
        """By JobIds (wins when both are given) or by UploadURLs, at most 10 of either."""
        found: list[UrlJob] = []
        non_exists: list[str] = []
        if p.get("JobIds") is not None:
            ids = v.id_list(p, "JobIds", MAX_QUERY_IDS, errors.invalid_parameter("JobIds"))
            with self._lock:
                for job_id in ids:
                    job = self._jobs.get(job_id)
                    if job is None:
                        non_exists.append(job_id)
                    else:
                        found.append(job)
        elif p.get("UploadURLs") is not None:
            urls = list(dict.fromkeys(self._parse_urls(p, "UploadURLs", MAX_QUERY_IDS)))
            with self._lock:
                for url in urls:
                    matches = sorted((j for j in self._jobs.values() if j.url == url),
                                     key=lambda j: j.created_at, reverse=True)[:MAX_RECORDS_PER_URL]
                    if matches:
                        found.extend(matches)
                    else:
                        non_exists.append(url)
        else:
            raise missing("JobIds")  # UNCONFIRMED: the code when neither JobIds nor UploadURLs is given
        with self._lock:
            infos = [self._info(job) for job in found]
        return {"URLUploadInfoList": infos, "NonExists": non_exists}

    @staticmethod
    def _info(job: UrlJob) -> dict[str, Any]:
        info: dict[str, Any] = {"JobId": job.job_id, "UploadURL": job.url, "Status": job.status,
                                "CreationTime": iso_utc(job.created_at)}
        if job.media_id:
            info["MediaId"] = job.media_id
        if job.file_size is not None:
            info["FileSize"] = str(job.file_size)  # a string in the Tea model
        if job.completed_at is not None:
            info["CompleteTime"] = iso_utc(job.completed_at)
        if job.status == FAIL:
            info.update(ErrorCode=job.error_code, ErrorMessage=job.error_message)
        elif job.status == SUCCESS:
            info.update(ErrorCode="200", ErrorMessage="Success")  # as the API reference's samples show
        if job.user_data_raw:
            info["UserData"] = job.user_data_raw
        return info

    def view(self, job_id: str) -> dict[str, Any] | None:
        with self._lock:
            job = self._jobs.get(job_id)
            return asdict(job) if job is not None else None

    # -- workers ---------------------------------------------------------------------------------------------
    def _enqueue(self, job_id: str) -> None:
        self._queue.put(job_id)
        with self._lock:
            if self._workers >= _WORKERS:
                return
            self._workers += 1
        threading.Thread(target=self._work, name="vodgui-sandbox-url-pull", daemon=True).start()

    def _work(self) -> None:
        while True:
            try:
                job_id = self._queue.get(timeout=_IDLE_EXIT_SECONDS)
            except queue.Empty:
                with self._lock:
                    if self._queue.empty():  # checked under the lock _enqueue counts workers with
                        self._workers -= 1
                        return
                continue
            with self._lock:
                if self._closed:
                    self._workers -= 1
                    return
                job = self._jobs.get(job_id)
            if job is not None and job.status == PENDING:
                self._run(job)

    def _alive(self, job: UrlJob) -> None:
        with self._lock:
            if self._closed or self._jobs.get(job.job_id) is not job:
                raise _Abandoned

    def _update(self, job: UrlJob, **changes: Any) -> None:
        with self._lock:
            if self._closed or self._jobs.get(job.job_id) is not job:
                raise _Abandoned
            for name, value in changes.items():
                setattr(job, name, value)
        self._save(job)

    def _pause(self, job: UrlJob) -> None:
        """Stay in the current state ``url_pull_delay`` seconds (wall clock), giving up if the job goes away.

        The setting is read on every tick, so lowering it releases a waiting job at once: tests hold a job in a
        state with a large delay, look at it, then set the delay to 0.
        """
        started = time.monotonic()
        while (left := self._ctx.settings.url_pull_delay - (time.monotonic() - started)) > 0:
            time.sleep(min(left, 0.02))
            self._alive(job)

    def _run(self, job: UrlJob) -> None:
        got: Ingested | None = None  # the download, until it becomes the video's object
        try:
            self._pause(job)
            self._update(job, status=DOWNLOADING)
            refused = fetchable(job.url)
            if refused is not None:
                raise download_failed(refused)
            ext = job.file_extension or url_extension(job.url)
            if ext and ext not in v.MEDIA_EXTENSIONS:
                raise _bad_extension(ext)
            got, content_type = self._download(job)
            ext = ext or _TYPE_EXTENSIONS.get(content_type, "")
            if ext not in v.MEDIA_EXTENSIONS:
                raise _bad_extension(ext or f"none (Content-Type {content_type or 'absent'})")
            self._update(job, status=UPLOADING, file_size=got.size)
            self._pause(job)
            media = self._vod.register_video(ext, **job.video)
            self._update(job, media_id=media.media_id)
            stored, got = got, None  # from here on the file is the object's (or gone with a failure)
            self._oss.put_file(media.bucket, media.key, stored, content_type_for(media.key))
            self._finish(job, SUCCESS)
        except _Abandoned:
            return
        except PullError as exc:
            self._finish(job, FAIL, exc.code, exc.message)
        except RpcError as exc:  # e.g. a ReferenceId taken meanwhile
            self._finish(job, FAIL, exc.code, exc.message)
        except Exception as exc:  # a sandbox bug: fail the job, keep the worker
            log.exception("URL pull job %s failed", job.job_id)
            self._finish(job, FAIL, "InternalError", f"The request processing has failed ({exc}).")
        finally:
            if got is not None:
                self._oss.blobs.discard(got.path)

    def _finish(self, job: UrlJob, status: str, code: str = "", message: str = "") -> None:
        try:
            self._update(job, status=status, error_code=code, error_message=message,
                         completed_at=self._ctx.clock.now())
        except _Abandoned:
            return
        self._callback(job)

    def _download(self, job: UrlJob) -> tuple[Ingested, str]:
        """Fetch the URL straight into the OSS blob store, hashed on the way (what PutObject computes), so that
        storing it as the video's object moves the file instead of copying it: (the received body, lower-case
        media type of the answer)."""
        settings = self._ctx.settings
        limit = settings.url_pull_max_bytes
        # Characters a plain (unencoded) URL may carry that urllib would refuse, such as spaces.
        target = quote(job.url, safe=":/?#[]@!$&'()*+,;=%~")
        request = urllib.request.Request(target, headers={"User-Agent": "vodgui-sandbox-url-pull"})
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}), _LoopbackRedirects())
        try:
            resp = opener.open(request, timeout=settings.url_pull_timeout)
        except urllib.error.HTTPError as exc:
            exc.close()
            raise download_failed(f"HTTP {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            raise download_failed(_describe(exc.reason)) from None
        except (OSError, ValueError, http.client.HTTPException) as exc:
            raise download_failed(_describe(exc)) from None
        with resp:
            content_type = (resp.headers.get("Content-Type") or "").split(";", 1)[0].strip().lower()
            announced = resp.headers.get("Content-Length")
            if announced is not None and announced.isdigit():
                if int(announced) > limit:
                    raise download_failed(f"the file ({announced} bytes) exceeds the limit of {limit} bytes")
                self._update(job, file_size=int(announced))
            source = _DownloadBody(resp, limit, Throttle(lambda: settings.bandwidth_bps), lambda: self._alive(job))
            try:
                got = self._oss.blobs.ingest(source)  # removes its temporary file if anything fails
            except (OSError, http.client.HTTPException) as exc:
                raise download_failed(_describe(exc)) from None
        if got.size == 0:
            self._oss.blobs.discard(got.path)
            raise download_failed("the file is empty")
        return got, content_type

    def _callback(self, job: UrlJob) -> None:
        """The UploadByURLComplete event, when UserData names an HTTP callback."""
        target = callback_target(job.video.get("user_data") or {})
        if target is None:
            return
        url, extra = target
        now = job.completed_at if job.completed_at is not None else self._ctx.clock.now()
        body: dict[str, Any] = {"EventTime": iso_utc(now), "EventType": "UploadByURLComplete",
                                "VideoId": job.media_id, "JobId": job.job_id, "SourceURL": job.url,
                                "Status": "success" if job.status == SUCCESS else "fail"}
        if job.status == SUCCESS and job.file_size is not None:
            body["Size"] = str(job.file_size)
        if job.status == FAIL:
            body.update(ErrorCode=job.error_code, ErrorMessage=job.error_message)
        body.update(extra)
        self._vod.callbacks.schedule(job.media_id or job.job_id, url, now, body)


class _DownloadBody:
    """A URL pull's response as a :class:`~vodgui.sandbox.oss.storage.BodySource`: read in small chunks, capped at
    ``limit`` bytes, shaped by ``throttle``, giving up (``check_alive`` raises) when the job goes away."""

    def __init__(self, resp: Any, limit: int, throttle: Throttle, check_alive: Callable[[], None]) -> None:
        self._resp = resp
        self._limit = limit
        self._throttle = throttle
        self._check_alive = check_alive
        self.size = 0

    def readinto(self, buf: memoryview) -> int:
        n = int(self._resp.readinto(buf[:_CHUNK]) or 0)
        if n:
            self.size += n
            if self.size > self._limit:
                raise download_failed(f"the file exceeds the limit of {self._limit} bytes")
            self._throttle.consume(n)
            self._check_alive()
        return n


def _fit_title(name: str) -> str:
    """A title from a file name: no emoticons, at most 128 UTF-8 bytes."""
    text = "".join(c for c in name if not v.has_emoticon(c))
    return text.encode("utf-8")[:v.MAX_TITLE_BYTES].decode("utf-8", "ignore")


def _bad_extension(ext: str) -> PullError:
    # UNCONFIRMED: the job error for an unsupported extension; the code CreateUploadVideo answers for one.
    return PullError("InvalidFileName.Extension", f"The extension of the file is illegal: {ext}.")


def _describe(reason: object) -> str:
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, TimeoutError):
        return "timed out"
    return str(reason) or type(reason).__name__
