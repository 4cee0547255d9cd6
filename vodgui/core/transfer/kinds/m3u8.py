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
from dataclasses import dataclass
from typing import Any

import oss2

from vodgui.core.credentials import UploadTicket
from vodgui.core.hls import Package, Segment, read_package
from vodgui.core.messages import Message
from vodgui.core.sources import LiveUploadCredentials
from vodgui.core.transfer.context import JobContext, StopSignal
from vodgui.core.transfer.kinds import Outcome
from vodgui.core.transfer.kinds.video import obtain_ticket
from vodgui.core.transfer.record import M3u8Details
from vodgui.core.transfer.uploader import FileIdentity, ObjectUploader, hash_range, run_parallel
from vodgui.core.vod import VideoMetadata

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

    def __init__(self, ctx: JobContext, package: Package, bucket: oss2.Bucket, creds: LiveUploadCredentials,
                 prefix: str) -> None:
        self.ctx = ctx
        self.package = package
        self.bucket = bucket
        self.creds = creds
        self.prefix = prefix
        self.halt: StopSignal = ctx.stop.child()  # a segment failing for good stops the others

    def uploader(self, key: str, ident: FileIdentity) -> ObjectUploader:
        ctx = self.ctx
        return ObjectUploader(self.bucket, key, ident, self.creds, ctx.config, ctx.clock, ctx.executor,
                              self.halt, ctx.port, ctx.limiter)

    def _segment_uploader(self, seg: Segment) -> ObjectUploader:
        return self.uploader(self.prefix + seg.name, FileIdentity(seg.path, seg.size, seg.mtime_ns))

    def _on_server(self, seg: Segment) -> bool:
        """The server has this segment as it is on disk now: same size and the CRC64 of the bytes read now."""
        head = self._segment_uploader(seg).head()
        if head is None or head.content_length != seg.size:
            return False
        server_crc = getattr(head, "server_crc", None)
        return server_crc is not None and int(server_crc) == hash_range(seg.path, 0, seg.size, self.halt)[1]

    def _parallel(self, tasks: list[Any]) -> list[Any]:
        return run_parallel(self.ctx.executor, tasks, self.ctx.config.parts_in_flight, self.halt, self.ctx.stop)

    def missing(self) -> list[Segment]:
        """The segments the server does not have yet (as they are now on disk); the others count as confirmed."""
        segments = list(self.package.segments)
        present = self._parallel([lambda s=s: self._on_server(s) for s in segments])
        done = [s for s, there in zip(segments, present, strict=True) if there]
        if done:
            self.ctx.port.bytes_confirmed(sum(s.size for s in done), flown=False)
        log.info("%s: %d of %d files already on the server", self.package.playlist, len(done), len(segments))
        return [s for s, there in zip(segments, present, strict=True) if not there]

    def send(self, segments: list[Segment]) -> None:
        self._parallel([lambda s=s: self._segment_uploader(s).put() for s in segments])

    def send_index(self, key: str) -> None:
        package = self.package
        ident = FileIdentity(package.playlist, len(package.index), package.mtime_ns)
        self.uploader(key, ident).put_bytes(package.index, PLAYLIST_CONTENT_TYPE)


@dataclass(frozen=True)
class _Prepared:
    meta: VideoMetadata
    package: Package
    ticket: UploadTicket
    resumed: bool


class M3u8Kind:
    def prepare(self, ctx: JobContext) -> _Prepared:
        port = ctx.port
        rec = port.record
        meta = VideoMetadata.from_json(rec.metadata)
        meta.validate(rec.path)
        package = read_package(rec.path)  # every problem, before anything is created or sent
        earlier = rec.media_id
        total = package.total_size
        ticket = obtain_ticket(ctx, meta, FileIdentity(rec.path, total, package.mtime_ns), whole_file=False)
        # A resume: the same video (RefreshUploadVideo). A video deleted meanwhile was created again: nothing to skip.
        resumed = bool(earlier) and earlier == ticket.video_id
        port.set_size(total, package.mtime_ns)
        port.set_details(M3u8Details(segments=len(package.segments)))
        return _Prepared(meta, package, ticket, resumed)

    def transfer(self, ctx: JobContext, prepared: _Prepared) -> tuple[_Prepared, int]:
        ticket, package = prepared.ticket, prepared.package
        creds = LiveUploadCredentials(ctx.session.upload_source, ticket, ctx.clock, ctx.stop, ctx.port.retrying)
        address = ticket.address
        run = _Package(ctx, package, ctx.session.bucket(creds, address.endpoint, address.bucket), creds,
                       object_prefix(address.file_name, address.object_prefix))
        ctx.port.uploading()
        todo = run.missing() if prepared.resumed else list(package.segments)
        run.send(todo)
        ctx.port.completing()
        run.send_index(address.file_name)
        return prepared, len(package.segments) - len(todo)

    def finalize(self, ctx: JobContext, transferred: tuple[_Prepared, int]) -> Outcome:
        prepared, reused = transferred
        title = str(prepared.meta.create_params(ctx.port.record.path, prepared.package.total_size)["Title"])
        return Outcome(title, None, Message("note.segments_reused", {"count": reused}) if reused else None)

    def abort_idle(self, ctx: JobContext) -> None:
        """Segments go up as single PUTs: there is no multipart upload to abort."""
