"""Playback authorization: GetVideoPlayAuth, the PlayAuth decoded, GetPlayInfo, and the player's own check.

A PlayAuth is officially opaque. Its legacy format (docs/protocols.md, 'Legacy PlayAuth') is base64 JSON carrying
temporary credentials and an ``AuthInfo`` JSON string; the player SDK signs GetPlayInfo with those credentials and
sends the AuthInfo. :func:`check_as_player` does exactly that, so "would this PlayAuth play?" is answered by the
service itself. A PlayAuth that does not decode (a newer format) is reported as opaque, and the check falls back to
GetPlayInfo with the profile's own key. Every credential is a :class:`~vodgui.core.credentials.Secret`; nothing
secret reaches a message, an export or a log unless ``show_secrets`` asks for it.

Batch checks and their CSV/JSON exports live in :mod:`vodgui.core.playback_batch`.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
from aliyunsdkvod.request.v20170321.GetPlayInfoRequest import GetPlayInfoRequest
from aliyunsdkvod.request.v20170321.GetVideoPlayAuthRequest import GetVideoPlayAuthRequest

from vodgui.core import urlsign
from vodgui.core.clock import Clock, SystemClock
from vodgui.core.credentials import Secret, StsToken, format_utc, parse_utc
from vodgui.core.errors import ErrorKind, VodError, config_error
from vodgui.core.media_status import FAILED, NOT_FOUND
from vodgui.core.messages import Message
from vodgui.core.pop import ConnectionOptions, FixedSigner, PopCaller
from vodgui.core.redact import mask, redact, register
from vodgui.core.retry import RetryPolicy
from vodgui.core.vod import VodApi, default_vod_endpoint
from vodgui.core.vod import number_or_none as _num

AUTH_INFO_TIMEOUT_MIN = 100
AUTH_INFO_TIMEOUT_MAX = 3000
DEFAULT_AUTH_INFO_TIMEOUT = 100
#: GetPlayInfo's AuthTimeout for OSS URLs may not exceed 30 days.
OSS_MAX_AUTH_TIMEOUT = 2_592_000
#: What the Aliyun Web player sends (UNCONFIRMED beyond public traces: AuthTimeout 7200, Channel HTML5).
PLAYER_AUTH_TIMEOUT = 7200
PLAYER_CHANNEL = "HTML5"
PLAYER_VERSION = "2.16.3"
DEFINITIONS = ("FD", "LD", "SD", "HD", "OD", "2K", "4K", "SQ", "HQ", "AUTO")
STREAM_TYPES = ("video", "audio")
OUTPUT_TYPES = ("cdn", "oss")
RESULT_TYPES = ("Single", "Multiple")
#: Statuses from which a video never becomes playable by waiting.
FINAL_BAD_STATUSES = FAILED - {NOT_FOUND}  # UploadFail, TranscodeFail, Blocked, ProduceFail

_STATUS_IN_MESSAGE = re.compile(r"Current(?:ly)?\s+(?:Video\s+)?Status\s+is\s+([A-Za-z]+)")
_SECRET_KEY = re.compile(r"(?i)secret|token|password|signature|privatekey|^auth$")
_TOKEN = re.compile(r"^[A-Za-z0-9]+$")


def split_video_ids(text: str) -> list[str]:
    """VideoIds from pasted text with any separators (commas, spaces, new lines, quotes), first occurrence first."""
    seen: dict[str, None] = {}
    for token in re.split(r"[^A-Za-z0-9]+", text):
        if token:
            seen.setdefault(token, None)
    return list(seen)


def validate_auth_info_timeout(timeout: int) -> int:
    """AuthInfoTimeout as GetVideoPlayAuth accepts it (100–3000 s), or a config error that says so."""
    if isinstance(timeout, bool) or not isinstance(timeout, int) or \
            not AUTH_INFO_TIMEOUT_MIN <= timeout <= AUTH_INFO_TIMEOUT_MAX:
        raise VodError("InvalidAuthInfoTimeout", params={
            "low": AUTH_INFO_TIMEOUT_MIN, "high": AUTH_INFO_TIMEOUT_MAX, "value": repr(timeout)}, kind=ErrorKind.CONFIG)
    return timeout


def status_from_message(message: str) -> str | None:
    """The media status named in a Forbidden.IllegalStatus message, e.g. ``Transcoding``."""
    found = _STATUS_IN_MESSAGE.search(message or "")
    return found.group(1) if found else None


def iso(ts: float | None) -> str | None:
    return None if ts is None else format_utc(ts)


def _int(value: Any) -> int | None:
    number = _num(value)
    return None if number is None else int(number)


# -- VideoMeta and GetVideoPlayAuth ----------------------------------------------------------------------------
@dataclass(frozen=True)
class VideoMeta:
    """What GetVideoPlayAuth says about the video."""

    video_id: str
    title: str = ""
    duration: float | None = None
    status: str = ""
    cover_url: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any] | None, video_id: str = "") -> VideoMeta:
        data = data or {}
        return cls(str(data.get("VideoId") or video_id), str(data.get("Title") or ""), _num(data.get("Duration")),
                   str(data.get("Status") or ""), str(data.get("CoverURL") or ""))

    def to_dict(self) -> dict[str, Any]:
        return {"video_id": self.video_id, "title": self.title, "duration": self.duration, "status": self.status,
                "cover_url": self.cover_url}


@dataclass(frozen=True)
class AuthInfo:
    """The AuthInfo inside a legacy PlayAuth. ``raw`` is the JSON string the player sends back verbatim."""

    raw: Secret
    fields: dict[str, Any]
    expires_at: float | None
    media_id: str
    play_domain: str

    @classmethod
    def parse(cls, value: Any) -> AuthInfo | None:
        if isinstance(value, dict):
            text, fields = json.dumps(value, separators=(",", ":")), value
        elif isinstance(value, str) and value.strip():
            text = value
            try:
                parsed = json.loads(value)
            except ValueError:
                parsed = None
            fields = parsed if isinstance(parsed, dict) else {}
        else:
            return None
        expires_at: float | None = None
        if fields.get("ExpireTime"):
            try:
                expires_at = parse_utc(str(fields["ExpireTime"]))
            except ValueError:
                expires_at = None
        return cls(Secret(text), dict(fields), expires_at, str(fields.get("MediaId") or ""),
                   str(fields.get("PlayDomain") or ""))

    def to_dict(self, show_secrets: bool = False) -> dict[str, Any]:
        if not self.fields:
            return {"(unparsed)": self.raw.reveal() if show_secrets else self.raw.masked()}
        return {k: _shown(k, v, show_secrets) for k, v in self.fields.items()}


def _shown(key: str, value: Any, show_secrets: bool) -> Any:
    """A decoded field for display: secret-looking keys masked unless asked, nested objects recursed."""
    if isinstance(value, dict):
        return {k: _shown(k, v, show_secrets) for k, v in value.items()}
    if not show_secrets and isinstance(value, str) and _SECRET_KEY.search(key):
        return mask(value)
    return value


@dataclass(frozen=True)
class DecodedPlayAuth:
    """A PlayAuth taken apart. ``opaque`` when it is not the legacy base64 JSON (``reason`` says why, as a message
    a front end renders)."""

    opaque: bool
    reason: Message | None = None
    access_key_id: str = ""
    access_key_secret: Secret | None = None
    security_token: Secret | None = None
    region: str = ""
    customer_id: str = ""
    play_domain: str = ""
    auth_info: AuthInfo | None = None
    video_meta: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def expires_at(self) -> float | None:
        return self.auth_info.expires_at if self.auth_info else None

    @property
    def player_ready(self) -> bool:
        """Everything the player needs to call GetPlayInfo itself is there."""
        return bool(not self.opaque and self.access_key_id and self.access_key_secret and self.security_token
                    and self.auth_info)

    def to_dict(self, show_secrets: bool = False) -> dict[str, Any]:
        if self.opaque:
            return {"format": "opaque", "reason": self.reason.english() if self.reason else ""}

        def secret(value: Secret | None) -> str | None:
            if value is None:
                return None
            return value.reveal() if show_secrets else value.masked()

        out: dict[str, Any] = {
            "format": "legacy base64 JSON", "AccessKeyId": self.access_key_id,
            "AccessKeySecret": secret(self.access_key_secret), "SecurityToken": secret(self.security_token),
            "Region": self.region, "CustomerId": self.customer_id, "PlayDomain": self.play_domain,
            "AuthInfo": self.auth_info.to_dict(show_secrets) if self.auth_info else None,
        }
        if self.video_meta:
            out["VideoMeta"] = self.video_meta
        out.update({k: _shown(k, v, show_secrets) for k, v in self.extra.items()})
        return out


_KNOWN_KEYS = frozenset({"AccessKeyId", "AccessKeySecret", "SecurityToken", "Region", "CustomerId", "PlayDomain",
                         "AuthInfo", "VideoMeta"})


def decode_play_auth(text: str | Secret) -> DecodedPlayAuth:
    """Decode a PlayAuth; never raises. An unknown format comes back with ``opaque=True`` and the reason."""
    raw = text.reveal() if isinstance(text, Secret) else str(text or "")
    raw = raw.strip()
    register(raw)
    if not raw:
        return DecodedPlayAuth(True, Message("playauth.empty"))
    try:
        blob = base64.b64decode(raw.replace("-", "+").replace("_", "/") + "=" * (-len(raw) % 4), validate=True)
    except (binascii.Error, ValueError):
        return DecodedPlayAuth(True, Message("playauth.not_base64"))
    try:
        data = json.loads(blob.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return DecodedPlayAuth(True, Message("playauth.not_json"))
    if not isinstance(data, dict):
        return DecodedPlayAuth(True, Message("playauth.not_object"))
    secret_key = data.get("AccessKeySecret")
    token = data.get("SecurityToken")
    meta = data.get("VideoMeta")
    extra = {k: v for k, v in data.items() if k not in _KNOWN_KEYS}
    for key, value in extra.items():
        if isinstance(value, str) and _SECRET_KEY.search(key):
            register(value)
    return DecodedPlayAuth(
        False, None, str(data.get("AccessKeyId") or ""),
        Secret(str(secret_key)) if secret_key else None, Secret(str(token)) if token else None,
        str(data.get("Region") or ""), str(data.get("CustomerId") or ""), str(data.get("PlayDomain") or ""),
        AuthInfo.parse(data.get("AuthInfo")), dict(meta) if isinstance(meta, dict) else {}, extra)


@dataclass(frozen=True)
class PlayAuthResult:
    """An issued PlayAuth with the video's metadata. ``issued_at`` is this computer's clock."""

    video_id: str
    play_auth: Secret
    meta: VideoMeta
    request_id: str | None
    timeout: int
    issued_at: float
    decoded: DecodedPlayAuth

    @property
    def expires_at(self) -> float | None:
        """AuthInfo's ExpireTime, or (opaque PlayAuth) the issue time plus the requested timeout."""
        return self.decoded.expires_at if self.decoded.expires_at is not None else self.issued_at + self.timeout

    def masked(self) -> str:
        return self.play_auth.masked()


def require_vod(vod: VodApi | None, profile: str = "") -> VodApi:
    """The profile's VOD client, or a clear error for upload-credential profiles served by an AppServer."""
    if vod is None:
        if profile:
            raise config_error("NoVodAccess", params={"profile": repr(profile)})
        raise config_error("NoVodAccess.ThisProfile")
    return vod


def get_play_auth(vod: VodApi | None, video_id: str, timeout: int = DEFAULT_AUTH_INFO_TIMEOUT, *,
                  clock: Clock | None = None) -> PlayAuthResult:
    """GetVideoPlayAuth for one video. Raises :class:`VodError` (service errors keep their code)."""
    api = require_vod(vod)
    video_id = _video_id(video_id)
    validate_auth_info_timeout(timeout)
    data = api.call(GetVideoPlayAuthRequest, {"VideoId": video_id, "AuthInfoTimeout": timeout})
    text = str(data.get("PlayAuth") or "")
    if not text:
        raise VodError("InvalidResponse.MissingFields", params={"action": "GetVideoPlayAuth", "fields": ["PlayAuth"]},
                       kind=ErrorKind.SERVER,
                       service="vod", request_id=data.get("RequestId"))
    secret = Secret(text)
    return PlayAuthResult(video_id, secret, VideoMeta.from_json(data.get("VideoMeta"), video_id),
                          data.get("RequestId"), timeout, (clock or SystemClock()).now(), decode_play_auth(secret))


def _video_id(video_id: str) -> str:
    value = (video_id or "").strip()
    if not value or not _TOKEN.match(value):
        raise config_error("InvalidVideoId", params={"value": repr(video_id)})
    return value


# -- GetPlayInfo -------------------------------------------------------------------------------------------------
def url_expiry(url: str) -> float | None:
    """When a playback URL stops working: CDN type A ``auth_key=<expiry>-<rand>-<uid>-<md5>`` (VOD puts the
    expiry, not the signing time, in the first field) or an OSS presigned ``Expires=``."""
    query = parse_qs(urlsplit(url).query)
    key = (query.get("auth_key") or [""])[0]
    first = key.split("-", 1)[0]
    if first.isdigit():
        return float(first)
    signed = urlsign.verify(url, "-")  # types B and C carry the time in the path; the key does not matter here
    if signed.auth_type in ("B", "C") and signed.timestamp is not None:
        return float(signed.timestamp)
    expires = (query.get("Expires") or [""])[0]
    return float(expires) if expires.isdigit() else None


@dataclass(frozen=True)
class Stream:
    """One entry of GetPlayInfo's ``PlayInfoList.PlayInfo``."""

    format: str
    definition: str
    stream_type: str
    url: str
    width: int | None = None
    height: int | None = None
    bitrate: float | None = None  # kbit/s
    size: int | None = None
    duration: float | None = None
    fps: float | None = None
    encrypt: bool = False
    encrypt_type: str = ""
    status: str = ""
    url_expires_at: float | None = None

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Stream:
        url = str(d.get("PlayURL") or "")
        return cls(str(d.get("Format") or ""), str(d.get("Definition") or ""), str(d.get("StreamType") or ""), url,
                   _int(d.get("Width")), _int(d.get("Height")), _num(d.get("Bitrate")), _int(d.get("Size")),
                   _num(d.get("Duration")), _num(d.get("Fps")), str(d.get("Encrypt") or "0") not in ("0", "False"),
                   str(d.get("EncryptType") or ""), str(d.get("Status") or ""), url_expiry(url))

    @property
    def resolution(self) -> str:
        return f"{self.width}x{self.height}" if self.width and self.height else ""

    def display_url(self, show_secrets: bool = False) -> str:
        """The URL with its signature masked (it is a bearer token until it expires) unless asked."""
        return self.url if show_secrets else redact(self.url)

    def to_dict(self, show_secrets: bool = False) -> dict[str, Any]:
        return {"format": self.format, "definition": self.definition, "stream_type": self.stream_type,
                "width": self.width, "height": self.height, "bitrate": self.bitrate, "size": self.size,
                "duration": self.duration, "fps": self.fps, "encrypt": self.encrypt,
                "encrypt_type": self.encrypt_type or None, "status": self.status or None,
                "url": self.display_url(show_secrets), "url_expires_at": iso(self.url_expires_at)}


@dataclass(frozen=True)
class UrlProbe:
    """What a playback URL answers to a one-byte request: ``status`` None when there was no answer."""

    status: int | None
    reason: str
    content_type: str = ""


def probe_url(url: str, timeout: float = 10.0, *, conn: ConnectionOptions | None = None) -> UrlProbe:
    """Ask for the first byte of ``url`` (a player's first request); never raises. Explains a failed preview:
    players only say "could not open", this says 403 (expired auth_key) or 404.

    ``conn``: the profile's proxy and timeouts (without it: no proxy of our own, ``timeout`` for both)."""
    conn = conn or ConnectionOptions(connect_timeout=timeout, read_timeout=timeout)
    try:
        with conn.network.session("playback", pool_size=1) as http, http.get(
                url, headers={"Range": "bytes=0-0", "User-Agent": "vodgui"}, stream=True,
                timeout=(conn.connect_timeout, conn.read_timeout)) as resp:
            return UrlProbe(resp.status_code, str(resp.reason or ""), resp.headers.get("Content-Type", ""))
    except VodError as exc:  # the proxy refused us, or the certificate is not trusted: say which
        return UrlProbe(None, exc.message)
    except (requests.RequestException, OSError, ValueError) as exc:
        return UrlProbe(None, redact(str(exc)))


@dataclass(frozen=True)
class PlayInfo:
    video_id: str
    title: str
    status: str
    duration: float | None
    cover_url: str
    media_type: str
    streams: list[Stream]
    request_id: str | None

    @classmethod
    def from_json(cls, data: dict[str, Any], video_id: str) -> PlayInfo:
        base = data.get("VideoBase") or {}
        infos = data.get("PlayInfoList") or {}
        items = infos.get("PlayInfo", []) if isinstance(infos, dict) else infos
        items = items if isinstance(items, list) else [items]
        return cls(str(base.get("VideoId") or video_id), str(base.get("Title") or ""), str(base.get("Status") or ""),
                   _num(base.get("Duration")), str(base.get("CoverURL") or ""), str(base.get("MediaType") or ""),
                   [Stream.from_json(i) for i in items if isinstance(i, dict)], data.get("RequestId"))


@dataclass(frozen=True)
class PlayInfoQuery:
    """GetPlayInfo's optional inputs as a user enters them; :meth:`params` validates them locally."""

    formats: str = ""
    definition: str = ""
    stream_type: str = ""
    output_type: str = ""
    auth_timeout: int | None = None
    result_type: str = ""
    play_config: str = ""

    def params(self) -> dict[str, Any]:
        formats = _csv(self.formats)
        for f in formats:
            if not _TOKEN.match(f):
                raise config_error("InvalidFormats", params={"value": repr(f)})
        definitions = [d.upper() for d in _csv(self.definition)]
        bad = [d for d in definitions if d not in DEFINITIONS]
        if bad:
            raise config_error("InvalidDefinition", params={"values": bad, "allowed": list(DEFINITIONS)})
        stream_types = [s.lower() for s in _csv(self.stream_type)]
        if any(s not in STREAM_TYPES for s in stream_types):
            raise config_error("InvalidStreamType")
        output_type = self.output_type.strip().lower()
        if output_type and output_type not in OUTPUT_TYPES:
            raise config_error("InvalidOutputType")
        if self.auth_timeout is not None:
            limit = OSS_MAX_AUTH_TIMEOUT if output_type == "oss" else None
            if self.auth_timeout < 1 or (limit is not None and self.auth_timeout > limit):
                if limit is not None:
                    raise config_error("InvalidAuthTimeout.Oss", params={"limit": limit})
                raise config_error("InvalidAuthTimeout")
        result_type = self.result_type.strip()
        if result_type and result_type not in RESULT_TYPES:
            raise config_error("InvalidResultType")
        play_config = self.play_config.strip()
        if play_config:
            try:
                parsed = json.loads(play_config)
            except ValueError as exc:
                raise config_error("InvalidPlayConfig.NotJson", params={"reason": str(exc)}) from None
            if not isinstance(parsed, dict):
                raise config_error("InvalidPlayConfig.NotObject")
            play_config = json.dumps(parsed, separators=(",", ":"), ensure_ascii=False)
        return {"Formats": ",".join(formats) or None, "Definition": ",".join(definitions) or None,
                "StreamType": ",".join(stream_types) or None, "OutputType": output_type or None,
                "AuthTimeout": self.auth_timeout, "ResultType": result_type or None, "PlayConfig": play_config or None}


def _csv(text: str) -> list[str]:
    return [p for p in re.split(r"[\s,;]+", text or "") if p]


def get_play_info(vod: VodApi | None, video_id: str, formats: str = "", definition: str = "",
                  stream_type: str = "", output_type: str = "", auth_timeout: int | None = None,
                  result_type: str = "", play_config: str = "") -> list[Stream]:
    """GetPlayInfo with the profile's key: the streams. Inputs are validated locally first; the whole answer
    (VideoBase, RequestId) comes from :func:`query_play_info`."""
    query = PlayInfoQuery(formats, definition, stream_type, output_type, auth_timeout, result_type, play_config)
    return query_play_info(vod, video_id, query).streams


def query_play_info(vod: VodApi | None, video_id: str, query: PlayInfoQuery | None = None) -> PlayInfo:
    """GetPlayInfo with the profile's key and ``query``: VideoBase, the streams and the RequestId."""
    api = require_vod(vod)
    video_id = _video_id(video_id)
    params = {"VideoId": video_id, **(query or PlayInfoQuery()).params()}
    return PlayInfo.from_json(api.call(GetPlayInfoRequest, params), video_id)


# -- the player's check ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PlayerTarget:
    """Where and how the player would call VOD: the region's endpoint (the sandbox's in tests)."""

    region: str
    endpoint: str | None = None
    conn: ConnectionOptions = field(default_factory=ConnectionOptions)
    retry: RetryPolicy = field(default_factory=lambda: RetryPolicy(retries=2, base_delay=0.5, max_delay=2.0))


@dataclass(frozen=True)
class PlayCheck:
    """The verdict of one check: ``ok`` or the service's code and message. ``via`` is ``playauth`` (the
    player's path), ``profile`` (fallback: GetPlayInfo with the profile's key) or ``none``."""

    ok: bool
    code: str = ""
    message: str = ""
    request_id: str | None = None
    status: str | None = None
    via: str = "playauth"
    kind: str = ""
    http_status: int | None = None
    streams: tuple[Stream, ...] = ()
    video_status: str = ""
    #: The values of our message ``code`` (a local failure), for a front end to render.
    params: dict[str, Any] = field(default_factory=dict, hash=False)

    @classmethod
    def failed(cls, err: VodError, via: str) -> PlayCheck:
        status = status_from_message(err.message) if err.code == "Forbidden.IllegalStatus" else None
        return cls(False, err.code, err.message, err.request_id, status, via, err.kind.value, err.http_status,
                   params=dict(err.params))

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "code": self.code or None, "message": self.message or None,
                "request_id": self.request_id, "status": self.status or self.video_status or None, "via": self.via}


def player_params(video_id: str, auth_info: str, *, formats: str = "", definition: str = "",
                  stream_type: str = "", auth_timeout: int = PLAYER_AUTH_TIMEOUT) -> dict[str, Any]:
    """GetPlayInfo's parameters as the Aliyun player SDK sends them (empty ones are not sent)."""
    return {"VideoId": video_id, "AuthInfo": auth_info, "AuthTimeout": auth_timeout, "Channel": PLAYER_CHANNEL,
            "PlayerVersion": PLAYER_VERSION, "Formats": formats, "Definition": definition,
            "StreamType": stream_type, "Rand": uuid.uuid4().hex}


def check_as_player(play_auth: str | Secret | None, video_id: str, region: str, endpoint: str | None,
                    options: ConnectionOptions | None = None, *, vod: VodApi | None = None,
                    clock: Clock | None = None, retry: RetryPolicy | None = None, formats: str = "",
                    definition: str = "", stream_type: str = "") -> PlayCheck:
    """Would the player play ``video_id`` with this PlayAuth? Never raises for a service or network error.

    A decodable PlayAuth: GetPlayInfo signed with ITS temporary credentials plus its AuthInfo, at the region's
    endpoint (or ``endpoint``). Otherwise: GetPlayInfo with the profile's ``vod`` client (``via="profile"``).
    """
    clock = clock or SystemClock()
    decoded = decode_play_auth(play_auth) if play_auth else DecodedPlayAuth(True, Message("playauth.missing"))
    if not decoded.player_ready or decoded.auth_info is None:
        if vod is None:
            why = decoded.reason or Message("playauth.incomplete")
            failure = VodError("NoVodAccess.PlayAuth", params={"why": why.to_dict()}, kind=ErrorKind.CONFIG)
            return PlayCheck.failed(failure, "none")
        try:
            info = query_play_info(vod, video_id, PlayInfoQuery(formats, definition, stream_type))
        except VodError as err:
            return PlayCheck.failed(err, "profile")
        return PlayCheck(True, request_id=info.request_id, via="profile", streams=tuple(info.streams),
                         video_status=info.status)
    assert decoded.access_key_secret is not None and decoded.security_token is not None
    where = decoded.region or region
    token = StsToken(decoded.access_key_id, decoded.access_key_secret, decoded.security_token,
                     decoded.expires_at or clock.now() + 3600)
    try:
        signer = FixedSigner(token, "PlayAuth credentials")  # a new PlayAuth is the only renewal
        caller = PopCaller("vod", where, endpoint or default_vod_endpoint(where), signer,
                           options or ConnectionOptions(), retry or PlayerTarget(where).retry, clock)
        data = caller.call(GetPlayInfoRequest, player_params(
            _video_id(video_id), decoded.auth_info.raw.reveal(), formats=",".join(_csv(formats)),
            definition=",".join(_csv(definition)).upper(), stream_type=",".join(_csv(stream_type)).lower()))
    except VodError as err:
        return PlayCheck.failed(err, "playauth")
    info = PlayInfo.from_json(data, video_id)
    return PlayCheck(True, request_id=info.request_id, via="playauth", streams=tuple(info.streams),
                     video_status=info.status)


def check_with_target(play_auth: str | Secret | None, video_id: str, target: PlayerTarget, *,
                      vod: VodApi | None = None, clock: Clock | None = None) -> PlayCheck:
    return check_as_player(play_auth, video_id, target.region, target.endpoint, target.conn, vod=vod, clock=clock,
                           retry=target.retry)
