"""The playback lab's service calls: PlayKey and JWTPlayAuth, the GetPlayInfo matrix, template groups, the HLS
token of encrypted streams, waiting for transcoding.

Results are data with codes; the CLI and the GUI render them (docs/protocols.md has the rules behind them).
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from aliyunsdkvod.request.v20170321.GetAppPlayKeyRequest import GetAppPlayKeyRequest
from aliyunsdkvod.request.v20170321.ListTranscodeTemplateGroupRequest import ListTranscodeTemplateGroupRequest
from aliyunsdkvod.request.v20170321.SetAppPlayKeyRequest import SetAppPlayKeyRequest

from vodgui.core import jwt_playauth
from vodgui.core.credentials import Secret, StsToken
from vodgui.core.errors import VodError
from vodgui.core.playback import PlayCheck, PlayInfoQuery, query_play_info, require_vod, status_from_message
from vodgui.core.vod import VodApi

#: Statuses after which nothing changes by waiting.
SETTLED = frozenset({"Normal", "TranscodeFail", "UploadFail", "Blocked", "Checking", "checkFail"})


def get_play_key(vod: VodApi | None, app_id: str = jwt_playauth.DEFAULT_APP_ID) -> Secret:
    """The application's PlayKey (GetAppPlayKey)."""
    data = require_vod(vod).call(GetAppPlayKeyRequest, {"AppId": app_id})
    return Secret(str((data.get("AppPlayKey") or {}).get("PlayKey") or ""))


def set_play_key(vod: VodApi | None, play_key: str, app_id: str = jwt_playauth.DEFAULT_APP_ID) -> None:
    """SetAppPlayKey: every JWTPlayAuth signed with the old key stops working."""
    require_vod(vod).call(SetAppPlayKeyRequest, {"AppId": app_id, "PlayKey": play_key})


def make_jwt(vod: VodApi | None, video_id: str, ttl: int = jwt_playauth.DEFAULT_TTL_SECONDS,
             play_content_info: dict[str, Any] | None = None, app_id: str = jwt_playauth.DEFAULT_APP_ID,
             now: float | None = None) -> Secret:
    """A JWTPlayAuth for ``video_id`` signed with the app's PlayKey, as the customer's app server signs it."""
    api = require_vod(vod)
    key = get_play_key(api, app_id)
    return Secret(jwt_playauth.generate(video_id, key.reveal(), region=api.region, app_id=app_id, ttl=ttl,
                                        play_content_info=play_content_info, now=now))


def jwt_query(claims: dict[str, Any]) -> PlayInfoQuery:
    """GetPlayInfo inputs from a JWT's ``playContentInfo`` (the same names, lower camel case)."""
    info = claims.get("playContentInfo")
    info = info if isinstance(info, dict) else {}
    timeout = info.get("authTimeout")
    return PlayInfoQuery(str(info.get("formats") or ""), str(info.get("definition") or ""),
                         str(info.get("streamType") or ""), "", int(timeout) if isinstance(timeout, int) else None,
                         str(info.get("resultType") or ""))


def check_jwt(vod: VodApi | None, token: str, video_id: str, *, now: float | None = None
              ) -> tuple[jwt_playauth.JwtInspection | None, PlayCheck]:
    """Check a JWTPlayAuth the way VOD does (PlayKey signature, expiry, claims), then ask GetPlayInfo for the
    streams the JWT's playContentInfo names.

    How the player presents a JWT on the wire is not public (docs/protocols.md): the service's own check is
    done here with the PlayKey from GetAppPlayKey, and the streams come from GetPlayInfo with the profile's key
    (``via="jwt"``).
    """
    api = require_vod(vod)
    try:
        key = get_play_key(api, _app_id(token))
    except VodError as err:
        return None, PlayCheck.failed(err, "jwt")
    found = jwt_playauth.inspect(token, play_key=key.reveal(), video_id=video_id, region=api.region, now=now)
    if found is None:
        return None, PlayCheck(False, "NotAJwt", "", via="jwt", kind="config")
    if not found.ok:
        code, params = found.findings[0]
        return found, PlayCheck(False, code, jwt_playauth.describe(code, params), via="jwt", kind="auth")
    try:
        info = query_play_info(api, video_id, jwt_query(found.claims))
    except VodError as err:
        return found, PlayCheck.failed(err, "jwt")
    return found, PlayCheck(True, request_id=info.request_id, via="jwt", streams=tuple(info.streams),
                            video_status=info.status)


def _app_id(token: str) -> str:
    found = jwt_playauth.inspect(token)
    app = found.claims.get("appId") if found is not None else None
    return app if isinstance(app, str) and app else jwt_playauth.DEFAULT_APP_ID


def check_vidsts(vod: VodApi | None, video_id: str, query: PlayInfoQuery | None = None) -> PlayCheck:
    """The player's other way in, VidSts: a temporary STS token (AccessKeyId, AccessKeySecret, SecurityToken) and
    the VideoId, GetPlayInfo signed with the token. Uses the profile's token; a profile that signs with a
    long-term AccessKey has none (``VidSts.NoToken``: configure an STS-mode profile). Never raises."""
    api = require_vod(vod)
    try:
        credential = api.signer.current()
    except VodError as err:
        return PlayCheck.failed(err, "sts")
    if not isinstance(credential, StsToken):
        return PlayCheck(False, "VidSts.NoToken", "", via="sts", kind="config")
    try:
        info = query_play_info(api, video_id, query)
    except VodError as err:
        return PlayCheck.failed(err, "sts")
    return PlayCheck(True, request_id=info.request_id, via="sts", streams=tuple(info.streams),
                     video_status=info.status)


# -- HLS standard encryption -------------------------------------------------------------------------------------
def mts_hls_token(secret: str, video_id: str, ttl: int = 3600, now: float | None = None) -> str:
    """An ``MtsHlsUriToken`` as vodgui's sandbox token service issues it: ``<expiry>-<HMAC-SHA256 prefix>``.

    On the real service the customer's own token service defines the token; this is the sandbox's stand-in
    (docs/protocols.md, "HLS standard encryption").
    """
    expires = int((time.time() if now is None else now) + ttl)
    digest = hmac.new(secret.encode(), f"{video_id}:{expires}".encode(), hashlib.sha256).hexdigest()[:32]
    return f"{expires}-{digest}"


def with_hls_token(url: str, token: str) -> str:
    """A playlist URL carrying ``MtsHlsUriToken`` (what the player appends; the CDN passes it to the key URI)."""
    return f"{url}{'&' if '?' in url else '?'}MtsHlsUriToken={token}"


# -- template groups and waiting ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class TemplateGroup:
    group_id: str
    name: str
    is_default: bool


def template_groups(vod: VodApi | None) -> list[TemplateGroup]:
    data = require_vod(vod).call(ListTranscodeTemplateGroupRequest, {})
    raw = data.get("TranscodeTemplateGroupList") or []
    if isinstance(raw, dict):
        raw = raw.get("TranscodeTemplateGroup") or []
    return [TemplateGroup(str(g.get("TranscodeTemplateGroupId") or ""), str(g.get("Name") or ""),
                          g.get("IsDefault") == "Default") for g in raw if isinstance(g, dict)]


def wait_settled(vod: VodApi | None, video_id: str, timeout: float, *, poll: float = 0.5,
                 sleep: Callable[[float], None] = time.sleep, clock: Callable[[], float] = time.monotonic) -> str:
    """Poll GetVideoInfo until the video's status stops changing (Normal, TranscodeFail, ...) or ``timeout``
    passes; the last status seen."""
    api = require_vod(vod)
    deadline = clock() + timeout
    while True:
        status = api.get_video_info(video_id).status
        if status in SETTLED or clock() >= deadline:
            return status
        sleep(poll)


# -- the GetPlayInfo matrix --------------------------------------------------------------------------------------
MATRIX_FORMATS = ("", "mp4", "m3u8")
MATRIX_DEFINITIONS = ("", "LD", "SD", "HD", "OD")
MATRIX_STREAM_TYPES = ("", "video", "audio")
MATRIX_OUTPUT_TYPES = ("cdn", "oss")
MATRIX_RESULT_TYPES = ("Single", "Multiple")


@dataclass
class MatrixCell:
    """One GetPlayInfo call of the matrix: its inputs and the service's answer."""

    formats: str
    definition: str
    stream_type: str
    output_type: str
    result_type: str
    ok: bool
    streams: list[dict[str, Any]] = field(default_factory=list)
    code: str = ""
    message: str = ""
    #: Why, in the lab's words: a code for the front ends (``none_stream``, ``illegal_status``, ...) + params.
    explain: str = ""
    explain_params: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"formats": self.formats or "(all)", "definition": self.definition or "(all)",
                "stream_type": self.stream_type or "(all)", "output_type": self.output_type,
                "result_type": self.result_type, "ok": self.ok, "streams": self.streams,
                "code": self.code or None, "message": self.message or None, "explain": self.explain or None,
                "explain_params": self.explain_params}


def explain_error(code: str, message: str, filters: dict[str, str]) -> tuple[str, dict[str, Any]]:
    """A plain reason for a GetPlayInfo error code."""
    if code == "InvalidVideo.NoneStream":
        return "none_stream", filters
    if code == "Forbidden.IllegalStatus":
        status = status_from_message(message) or "?"
        audit = message.split("AuditStatus is", 1)[1].strip(" .") if "AuditStatus is" in message else ""
        return "illegal_status", {"status": status, "audit": audit}
    if code == "Forbidden.AliyunVoDEncryption":
        return "private_encryption", {}
    if code == "InvalidVideo.NotFound":
        return "not_found", {}
    return "other", {"code": code}


EXPLAIN_TEXTS: dict[str, str] = {
    "none_stream": "no stream matches Formats={formats} Definition={definition} StreamType={stream_type}: the "
                   "template group made no such rendition (or it is not finished)",
    "illegal_status": "the video is {status} (AuditStatus {audit}): only Normal videos play; wait for "
                      "transcoding to finish, or re-upload if it failed",
    "private_encryption": "only privately encrypted streams match: they play in the ApsaraVideo Player only; ask "
                          "with ResultType=Multiple to list them",
    "not_found": "no such video (deleted, or another account/region)",
    "other": "the service refused the request ({code})",
}


def explain_text(code: str, params: dict[str, Any]) -> str:
    shown = {k: (v or "(all)") for k, v in params.items()}
    try:
        return EXPLAIN_TEXTS[code].format(**shown)
    except (KeyError, IndexError):
        return code


def play_info_matrix(vod: VodApi | None, video_id: str, *, formats: Iterable[str] = MATRIX_FORMATS,
                     definitions: Iterable[str] = MATRIX_DEFINITIONS,
                     stream_types: Iterable[str] = MATRIX_STREAM_TYPES,
                     output_types: Iterable[str] = MATRIX_OUTPUT_TYPES,
                     result_types: Iterable[str] = MATRIX_RESULT_TYPES,
                     on_cell: Callable[[MatrixCell], None] | None = None) -> list[MatrixCell]:
    """GetPlayInfo for every combination (profile's key); each answer or error code, explained."""
    api = require_vod(vod)
    cells: list[MatrixCell] = []
    for f, d, s, o, r in itertools.product(formats, definitions, stream_types, output_types, result_types):
        query = PlayInfoQuery(f, d, s, o, None, r)
        try:
            info = query_play_info(api, video_id, query)
        except VodError as err:
            explain, params = explain_error(err.code, err.message,
                                            {"formats": f, "definition": d, "stream_type": s})
            cell = MatrixCell(f, d, s, o, r, False, code=err.code, message=err.message, explain=explain,
                              explain_params=params)
        else:
            cell = MatrixCell(f, d, s, o, r, True, streams=[
                {"format": st.format, "definition": st.definition, "width": st.width, "height": st.height,
                 "encrypt": st.encrypt} for st in info.streams])
        cells.append(cell)
        if on_cell is not None:
            on_cell(cell)
    return cells
