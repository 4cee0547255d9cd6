"""Where upload credentials come from, behind one interface, and how they stay fresh during an upload.

Four combinations (mode x source) reduce to two kinds of :class:`UploadSource`:

* :class:`VodUploadSource` calls CreateUploadVideo / RefreshUploadVideo itself, signed by a long-term AccessKey
  (upload-credential mode) or by an STS token from AssumeRole or from an AppServer (STS mode).
* :class:`~vodgui.core.appserver.AppServerClient` asks the team's AppServer to do those calls
  (upload-credential mode through an AppServer).

Either way OSS is written with the UploadAuth keys, kept live by :class:`LiveUploadCredentials`.
"""

from __future__ import annotations

import logging
import threading
from typing import Protocol

import oss2

from vodgui.core.clock import Clock
from vodgui.core.credentials import UploadAddress, UploadAuth, UploadTicket, format_utc
from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.retry import RetryObserver
from vodgui.core.vod import VideoMetadata, VodApi

log = logging.getLogger(__name__)


class UploadSource(Protocol):
    """``on_retry`` hears about each retry of the call (:func:`~vodgui.core.retry.call_with_retry`)."""

    def create_upload_video(self, meta: VideoMetadata, file_name: str, file_size: int,
                            interrupt: threading.Event | None = None,
                            on_retry: RetryObserver | None = None) -> UploadTicket:
        """CreateUploadVideo: a new VideoId, object address and credentials."""

    def refresh_upload_video(self, video_id: str, interrupt: threading.Event | None = None,
                             on_retry: RetryObserver | None = None) -> UploadTicket:
        """RefreshUploadVideo: new credentials for the same VideoId and address."""


class VodUploadSource:
    """The app calls VOD itself (signed by an AccessKey or an STS token)."""

    def __init__(self, vod: VodApi) -> None:
        self.vod = vod

    def create_upload_video(self, meta: VideoMetadata, file_name: str, file_size: int,
                            interrupt: threading.Event | None = None,
                            on_retry: RetryObserver | None = None) -> UploadTicket:
        return self.vod.create_upload_video(meta, file_name, file_size, interrupt, on_retry)

    def refresh_upload_video(self, video_id: str, interrupt: threading.Event | None = None,
                             on_retry: RetryObserver | None = None) -> UploadTicket:
        return self.vod.refresh_upload_video(video_id, interrupt, on_retry)


class UploadCredentials(Protocol):
    """What the uploader needs from credentials: oss2's provider interface, the address, expiry handling."""

    address: UploadAddress

    def get_credentials(self) -> oss2.credentials.Credentials: ...
    def current_key_id(self) -> str: ...
    def force_refresh(self, failed_key_id: str) -> None: ...


def refresh_margin(lifetime: float) -> float:
    """How early to renew upload credentials: the official SDK renews at 2500 of 3000 s; for very short
    lifetimes (sandbox rehearsals) a fifth of the lifetime."""
    return min(500.0, max(0.5, lifetime / 5))


class LiveUploadCredentials(oss2.CredentialsProvider):  # type: ignore[misc]
    """The OSS credentials of one video, renewed through RefreshUploadVideo.

    oss2's ``ProviderAuth`` calls :meth:`get_credentials` before signing every request, so a renewal takes
    effect on the next request. Renewal happens proactively (near ``ExpireUTCTime``) and reactively
    (:meth:`force_refresh` when OSS says the token expired). One renewal at a time; a thread that finds the
    credentials already renewed by another does not renew again.
    """

    def __init__(self, source: UploadSource, ticket: UploadTicket, clock: Clock,
                 interrupt: threading.Event | None = None, on_retry: RetryObserver | None = None) -> None:
        self._source = source
        self._clock = clock
        self._interrupt = interrupt
        self._on_retry = on_retry
        self._lock = threading.Lock()
        self.video_id = ticket.video_id
        self._auth = ticket.auth
        self._margin = refresh_margin(ticket.auth.expires_at - clock.now())
        self.refreshes = 0
        self.address = ticket.address

    @property
    def auth(self) -> UploadAuth:
        with self._lock:
            return self._auth

    def _renew(self) -> None:
        ticket = self._source.refresh_upload_video(self.video_id, self._interrupt, self._on_retry)
        if (ticket.address.bucket, ticket.address.file_name) != (self.address.bucket, self.address.file_name):
            # RefreshUploadVideo keeps the address; a different one means the server is not behaving as VOD.
            log.warning("RefreshUploadVideo for %s returned a different object address", self.video_id)
        self._auth = ticket.auth
        self._margin = refresh_margin(ticket.auth.expires_at - self._clock.now())
        self.refreshes += 1
        log.info("upload credentials for %s renewed (%d), valid until %s", self.video_id, self.refreshes,
                 format_utc(ticket.auth.expires_at))

    def get_credentials(self) -> oss2.credentials.Credentials:
        with self._lock:
            if self._clock.now() >= self._auth.expires_at - self._margin:
                self._renew()
            auth = self._auth
        return oss2.credentials.Credentials(auth.access_key_id, auth.access_key_secret.reveal(),
                                            auth.security_token.reveal())

    def current_key_id(self) -> str:
        with self._lock:
            return self._auth.access_key_id

    def force_refresh(self, failed_key_id: str) -> None:
        """OSS rejected ``failed_key_id`` as expired: renew unless that already happened."""
        with self._lock:
            if self._auth.access_key_id == failed_key_id:
                self._renew()


class UploadAuthExpired(VodError):
    """Credentials that cannot be refreshed (CreateUploadImage / CreateUploadAttachedMedia) ran out: the upload
    starts again with a new Create call."""

    def __init__(self, media_id: str) -> None:
        super().__init__("UploadAuthExpired", params={"media_id": media_id}, kind=ErrorKind.AUTH_EXPIRED)


class OneShotUploadCredentials(oss2.CredentialsProvider):  # type: ignore[misc]
    """The OSS credentials of an image or attached media: used as they are until they expire.

    Same interface as :class:`LiveUploadCredentials` for the uploader. Instead of renewing, it raises
    :class:`UploadAuthExpired` (shortly before the expiry, so no request is sent with keys about to die, and when
    OSS says they expired).
    """

    def __init__(self, ticket: UploadTicket, clock: Clock) -> None:
        self._clock = clock
        self.video_id = ticket.video_id
        self.address = ticket.address
        self.auth = ticket.auth
        self._margin = min(30.0, max(0.5, (ticket.auth.expires_at - clock.now()) / 20))
        self.refreshes = 0

    def get_credentials(self) -> oss2.credentials.Credentials:
        auth = self.auth
        if self._clock.now() >= auth.expires_at - self._margin:
            raise UploadAuthExpired(self.video_id)
        return oss2.credentials.Credentials(auth.access_key_id, auth.access_key_secret.reveal(),
                                            auth.security_token.reveal())

    def current_key_id(self) -> str:
        return self.auth.access_key_id

    def force_refresh(self, failed_key_id: str) -> None:
        raise UploadAuthExpired(self.video_id)
