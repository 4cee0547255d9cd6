"""HLS packages: a local M3U8 playlist and its segments under one VideoId.

Order, and why:

1. the playlist and every file it names are checked first; any problem fails the item with one message listing
   them all, before CreateUploadVideo (nothing is created, nothing is sent);
2. CreateUploadVideo with the playlist's name (VideoId committed at once), or RefreshUploadVideo on a resume;
3. the segments go to ``ObjectPrefix + name`` in parallel, each a single PUT with the engine's retries and
   credential renewal; on a resume each segment is first looked up (HeadObject) and skipped when the server has
   it with the same size and CRC64 (the server is the truth, as with ListParts for a video);
4. the playlist, rewritten to those names, goes last as the ``FileName`` object: VOD marks the media UploadSucc
   when that object arrives, so it never does for a package with segments missing.

Progress is one bar for the package: the total is the rewritten index plus every segment.
"""

from __future__ import annotations

import logging
import posixpath
import threading
from typing import TYPE_CHECKING, Any

from vodgui.core.hls import Package, Segment, read_package
from vodgui.core.integrity import crc64_file
from vodgui.core.sources import LiveUploadCredentials
from vodgui.core.transfer.events import JobState
from vodgui.core.transfer.kinds.common import ProgressHooks, run_parallel
from vodgui.core.transfer.uploader import AnyEvent, FileIdentity, ObjectUploader
from vodgui.core.vod import VideoMetadata

if TYPE_CHECKING:
    import oss2

    from vodgui.core.transfer.job import JobRunner

log = logging.getLogger(__name__)

PLAYLIST_CONTENT_TYPE = "application/x-mpegURL"


def object_prefix(file_name: str, prefix: str | None) -> str:
    """Where the segments go: the address's ObjectPrefix, or else the playlist object's folder."""
    if prefix:
        return prefix
    folder = posixpath.dirname(file_name)
    return folder + "/" if folder else ""


class _Package:
    """One run's upload of a checked package."""

    def __init__(self, job: JobRunner, package: Package, bucket: oss2.Bucket, creds: LiveUploadCredentials,
                 prefix: str) -> None:
        self.job = job
        self.package = package
        self.bucket = bucket
        self.creds = creds
        self.prefix = prefix
        self.failed = threading.Event()
        self.halt = AnyEvent(job.stop, self.failed)
        self.hooks = ProgressHooks(job)

    def uploader(self, key: str, ident: FileIdentity) -> ObjectUploader:
        job = self.job
        return ObjectUploader(self.bucket, key, ident, self.creds, job.session.transfer, job.clock, job.executor,
                              self.halt, self.hooks, job.limiter)

    def _segment_uploader(self, seg: Segment) -> ObjectUploader:
        return self.uploader(self.prefix + seg.name, FileIdentity(seg.path, seg.size, seg.mtime_ns))

    def _on_server(self, seg: Segment) -> bool:
        head = self._segment_uploader(seg).head()
        if head is None or head.content_length != seg.size:
            return False
        server_crc = getattr(head, "server_crc", None)
        return server_crc is None or server_crc == crc64_file(seg.path)

    def _parallel(self, tasks: list[Any]) -> list[Any]:
        window = self.job.session.transfer.parts_in_flight
        return run_parallel(self.job.executor, tasks, window, self.failed, self.job.stop)

    def missing(self) -> list[Segment]:
        """The segments the server does not have yet (as they are now on disk); the others count as moved."""
        segments = list(self.package.segments)
        present = self._parallel([lambda s=s: self._on_server(s) for s in segments])
        done = [s for s, there in zip(segments, present, strict=True) if there]
        if done:
            self.job.progress(sum(s.size for s in done))
        log.info("%s: %d of %d files already on the server", self.package.playlist, len(done), len(segments))
        return [s for s, there in zip(segments, present, strict=True) if not there]

    def send(self, segments: list[Segment]) -> None:
        self._parallel([lambda s=s: self._segment_uploader(s).put() for s in segments])

    def send_index(self, key: str) -> int | None:
        package = self.package
        ident = FileIdentity(package.playlist, len(package.index), package.mtime_ns)
        return self.uploader(key, ident).put_bytes(package.index, PLAYLIST_CONTENT_TYPE).crc64


def run_m3u8(job: JobRunner) -> None:
    item = job.item
    meta = VideoMetadata.from_json(item.metadata)
    meta.validate(item.path)
    package = read_package(item.path)  # every problem, before anything is created or sent
    earlier = item.video_id
    total = package.total_size
    ticket = job.ticket(FileIdentity(item.path, total, package.mtime_ns), meta, whole_file=False)
    # A resume: the same video (RefreshUploadVideo). A video deleted meanwhile was created again: nothing to skip.
    resumed = bool(earlier) and earlier == ticket.video_id
    extra = {**item.extra, "segments": len(package.segments)}
    job.store.update(item.id, size=total, mtime_ns=package.mtime_ns, extra=extra)
    item.size, item.mtime_ns, item.extra = total, package.mtime_ns, extra
    creds = LiveUploadCredentials(job.session.upload_source, ticket, job.clock, job.stop, job.retrying)
    address = ticket.address
    run = _Package(job, package, job.bucket(creds), creds, object_prefix(address.file_name, address.object_prefix))
    job.cb.set_state(item.id, JobState.UPLOADING)
    todo = run.missing() if resumed else list(package.segments)
    run.send(todo)
    job.cb.set_state(item.id, JobState.COMPLETING)
    run.send_index(address.file_name)
    reused = len(package.segments) - len(todo)
    title = str(meta.create_params(item.path, total)["Title"])
    job.finish(title, None, note=f"{reused} segments were already on the server" if reused else None)
