"""What a kind of job gets to do its work: a frozen context, and the port through which it reports facts.

A kind (video, image, attached media, M3U8 package, URL) never holds its job: it gets a :class:`JobContext`
(clients, configuration, clock, executor, its stop signal) and a :class:`JobPort`, whose every method is one fact
the job persists and publishes at once (a VideoId the moment VOD answers, an upload id the moment OSS answers,
each acknowledged part). What a step produces it returns.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Protocol

import oss2

from vodgui.core.acceleration import AcceleratedBucket, EndpointGuard
from vodgui.core.clock import Clock
from vodgui.core.credentials import UploadTicket
from vodgui.core.errors import VodError
from vodgui.core.ledger import ProfileLedger
from vodgui.core.messages import Message
from vodgui.core.pop import ConnectionOptions
from vodgui.core.sources import UploadCredentials, UploadSource
from vodgui.core.store import PartRecord
from vodgui.core.transfer.bandwidth import RateLimiter
from vodgui.core.transfer.config import TransferConfig
from vodgui.core.transfer.record import Details, JobRecord
from vodgui.core.vod import VodApi


@dataclass
class ProfileSession:
    """Everything a job needs from its profile, built once per profile."""

    name: str
    upload_source: UploadSource
    transfer: TransferConfig
    conn: ConnectionOptions
    vod: VodApi | None = None
    oss_session: oss2.Session | None = None
    #: The duplicate guard, bound to the profile's account: every finished upload is recorded there.
    ledger: ProfileLedger | None = None
    #: The OSS transfer-acceleration endpoint OSS traffic goes to instead of the UploadAddress endpoint (the
    #: profile's switch; :mod:`vodgui.core.acceleration`), or None.
    accelerate: str | None = None
    accelerate_guard: EndpointGuard = field(default_factory=EndpointGuard)

    def bucket(self, creds: UploadCredentials, endpoint: str, bucket: str) -> oss2.Bucket:
        """An oss2 bucket signing with ``creds`` (a live provider: a refresh takes effect on the next request).

        oss2's own CRC check is off: it runs crcmod, pure Python where no compiler built its C extension. The
        uploader computes CRC64 from the bytes it reads and compares it with the server's. With acceleration on,
        the bucket is on the accelerate endpoint (checked first: a sandbox's uploads stay on this computer).
        """
        cfg = self.transfer
        if self.accelerate:
            self.accelerate_guard.check(endpoint, self.accelerate, bucket)
            return AcceleratedBucket(oss2.ProviderAuth(creds), self.accelerate, bucket, session=self.oss_session,
                                     connect_timeout=cfg.read_timeout, enable_crc=False,
                                     proxies=self.conn.proxies(), accelerate_endpoint=self.accelerate)
        return oss2.Bucket(oss2.ProviderAuth(creds), endpoint, bucket, session=self.oss_session,
                           connect_timeout=cfg.read_timeout, enable_crc=False, proxies=self.conn.proxies())


class StopSignal(threading.Event):
    """A pause/cancel flag that reaches every part of a job at once: setting it sets its children.

    Each attempt of a multipart upload takes a :meth:`child`, which a part that failed for good sets to stop its
    siblings without touching the job's own signal. It is a real :class:`threading.Event`: waiting needs no
    polling.
    """

    def __init__(self) -> None:
        super().__init__()
        self._children: list[StopSignal] = []
        self._family = threading.Lock()

    def set(self) -> None:
        with self._family:
            super().set()
            children, self._children = self._children, []
        for child in children:
            child.set()

    def child(self) -> StopSignal:
        child = StopSignal()
        with self._family:
            if self.is_set():
                child.set()
            else:
                self._children.append(child)
        return child


class JobPort(Protocol):
    """The facts a kind reports to its job while it runs; each is persisted before the call returns."""

    @property
    def record(self) -> JobRecord:
        """The job's record as it is now (read-only for the kind)."""

    def media_created(self, ticket: UploadTicket, size: int, mtime_ns: int, details: Details | None = None) -> None:
        """VOD gave a media id and an upload address: committed before a byte goes to OSS."""

    def media_gone(self, note: Message) -> None:
        """The media id no longer exists in VOD: forget it (and its upload) so a new one is created."""

    def file_changed(self, size: int, mtime_ns: int, note: Message) -> None:
        """The file differs from the earlier attempt: its identity is updated; its old upload is aborted."""

    def set_details(self, details: Details) -> None: ...

    def set_size(self, size: int, mtime_ns: int | None = None) -> None: ...

    def set_media_id(self, media_id: str) -> None: ...

    def uploading(self, note: Message | None = None) -> None:
        """Bytes are moving (or, for a URL, VOD is storing the file)."""

    def completing(self) -> None: ...

    def note(self, note: Message | None) -> None: ...

    # -- the object upload ----------------------------------------------------------------------------------
    def upload_started(self, upload_id: str, part_size: int, abort: Callable[[], None]) -> None:
        """A multipart upload exists on OSS (new, or resumed): recorded with the function that aborts it (cancel,
        terminal failure). A new upload id makes the item forget the parts of any earlier one."""

    def known_parts(self) -> dict[int, PartRecord]:
        """The parts recorded for the item's multipart upload: hints, each proven before it is reused."""

    def upload_gone(self, note: Message) -> None:
        """The server no longer has the item's multipart upload; its parts are forgotten."""

    def in_flight(self, delta: int) -> None:
        """Bytes read into requests not answered yet (negative: an attempt failed and gives them back)."""

    def parts_confirmed(self, parts: list[PartRecord], *, flown: bool) -> None:
        """Parts OSS acknowledged (``flown``: sent now, their bytes leave ``in_flight``) or proven on resume."""

    def bytes_confirmed(self, nbytes: int, *, flown: bool) -> None:
        """A whole object OSS stored (a single PUT, a segment), or one proven already there."""

    def retrying(self, what: str, error: VodError, attempt: int, delay: float) -> None: ...

    def cover_ready(self, item_id: int, url: str) -> str | None:
        """An image became the cover of queue item ``item_id``: that item's VideoId if it exists already."""


@dataclass(frozen=True)
class JobContext:
    """What one run of a job works with."""

    session: ProfileSession
    clock: Clock
    executor: Executor
    stop: StopSignal
    limiter: RateLimiter | None
    port: JobPort

    @property
    def config(self) -> TransferConfig:
        return self.session.transfer

    def require_vod(self, what: Message) -> VodApi:
        """The profile's VOD client. A profile that gets upload credentials from an AppServer has none: the
        AppServer contract knows only CreateUploadVideo and RefreshUploadVideo."""
        from vodgui.core.errors import ErrorKind

        vod = self.session.vod
        if vod is None:
            raise VodError("AppServerUnsupported", kind=ErrorKind.CONFIG,
                           params={"profile": self.session.name, "what": what.to_dict()})
        return vod
