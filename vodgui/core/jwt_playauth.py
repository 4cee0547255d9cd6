"""JWTPlayAuth: the PlayAuth an app server signs itself with the application's PlayKey (HS256).

Claims (official toolkit MediaBox-Demos/VodAppServer ``vod-toolkits/playauth-generate``; docs/protocols.md,
"JWTPlayAuth"): ``appId``, ``videoId``, ``currentTimeStamp`` and ``expireTimeStamp`` in **milliseconds**,
``regionId``, ``playContentInfo`` (the GetPlayInfo inputs: ``formats``, ``authTimeout``, ``streamType``, ...).
The player SDK (>= 7.10.0) sends it where a legacy PlayAuth went and VOD checks it with the same PlayKey.

:func:`inspect` decodes any JWTPlayAuth and lists findings as codes with parameters (signature, expiry, claims
against the video and region) for the front ends to render.
"""

from __future__ import annotations

import base64
import json
import time
import warnings
from dataclasses import dataclass, field
from typing import Any

import jwt

DEFAULT_APP_ID = "app-1000000"
#: The toolkit's default validity: 24 h (its constant EXPIRED_TIME_MILLS).
DEFAULT_TTL_SECONDS = 24 * 3600
REQUIRED_CLAIMS = ("appId", "videoId", "currentTimeStamp", "expireTimeStamp")


def looks_like_jwt(text: str) -> bool:
    parts = text.strip().split(".")
    return len(parts) == 3 and all(parts[:2]) and parts[0].startswith("eyJ")


def _encode(payload: dict[str, Any], key: str) -> str:
    with warnings.catch_warnings():
        # PlayKeys are 8-20 characters by VOD's rules; PyJWT warns about HMAC keys under 32 bytes.
        warnings.simplefilter("ignore")
        return jwt.encode(payload, key, algorithm="HS256")


def generate(video_id: str, play_key: str, *, region: str, app_id: str = DEFAULT_APP_ID,
             ttl: int = DEFAULT_TTL_SECONDS, play_content_info: dict[str, Any] | None = None,
             now: float | None = None) -> str:
    """A JWTPlayAuth for ``video_id``, valid ``ttl`` seconds, as the official toolkit builds it."""
    issued = int((time.time() if now is None else now) * 1000)
    payload: dict[str, Any] = {
        "appId": app_id,
        "videoId": video_id,
        "currentTimeStamp": issued,
        "expireTimeStamp": issued + ttl * 1000,
        "regionId": region,
        "playContentInfo": play_content_info if play_content_info is not None
        else {"formats": "mp4,m3u8", "authTimeout": 1800, "streamType": "video"},
    }
    return _encode(payload, play_key)


def _b64json(part: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


@dataclass
class JwtInspection:
    """A decoded JWTPlayAuth and what is wrong with it (``findings``: (code, params); empty when it passes)."""

    header: dict[str, Any]
    claims: dict[str, Any]
    signature_checked: bool
    findings: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def expires_at(self) -> float | None:
        value = self.claims.get("expireTimeStamp")
        return value / 1000 if isinstance(value, (int, float)) else None

    @property
    def issued_at(self) -> float | None:
        value = self.claims.get("currentTimeStamp")
        return value / 1000 if isinstance(value, (int, float)) else None

    def to_dict(self) -> dict[str, Any]:
        return {"format": "jwt", "header": self.header, "claims": self.claims, "ok": self.ok,
                "signature_checked": self.signature_checked, "expires_at": self.expires_at,
                "findings": [{"code": c, "params": p} for c, p in self.findings]}


def inspect(token: str, *, play_key: str | None = None, video_id: str | None = None, region: str | None = None,
            app_id: str | None = None, now: float | None = None) -> JwtInspection | None:
    """Decode and check a JWTPlayAuth; None when ``token`` is not a JWT at all."""
    token = token.strip()
    if not looks_like_jwt(token):
        return None
    header_b64, payload_b64, _ = token.split(".")
    try:
        header = _b64json(header_b64)
        claims = _b64json(payload_b64)
    except (ValueError, UnicodeDecodeError):
        return JwtInspection({}, {}, False, [("jwt_malformed", {})])
    if not isinstance(header, dict) or not isinstance(claims, dict):
        return JwtInspection({}, {}, False, [("jwt_malformed", {})])
    result = JwtInspection(header, claims, play_key is not None)
    add = result.findings.append
    if header.get("alg") != "HS256":
        add(("jwt_alg", {"alg": header.get("alg")}))
    missing = [c for c in REQUIRED_CLAIMS if c not in claims]
    if missing:
        add(("jwt_missing_claims", {"claims": ",".join(missing)}))
    if play_key is not None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                jwt.decode(token, play_key, algorithms=["HS256"], options={"verify_exp": False})
        except jwt.InvalidSignatureError:
            add(("jwt_signature", {}))
        except jwt.InvalidTokenError as exc:
            add(("jwt_malformed", {"detail": str(exc)[:80]}))
    now_ms = (time.time() if now is None else now) * 1000
    expires, issued = claims.get("expireTimeStamp"), claims.get("currentTimeStamp")
    if isinstance(expires, (int, float)):
        if expires < 10**11:
            add(("jwt_seconds_not_ms", {"claim": "expireTimeStamp"}))
        elif expires < now_ms:
            add(("jwt_expired", {"seconds": int((now_ms - expires) / 1000)}))
    if isinstance(issued, (int, float)) and issued > now_ms + 60_000:
        add(("jwt_issued_in_future", {"seconds": int((issued - now_ms) / 1000)}))
    if video_id is not None and "videoId" in claims and claims["videoId"] != video_id:
        add(("jwt_other_video", {"claim": claims["videoId"], "video_id": video_id}))
    if region is not None and "regionId" in claims and claims["regionId"] != region:
        add(("jwt_other_region", {"claim": claims["regionId"], "region": region}))
    if app_id is not None and "appId" in claims and claims["appId"] != app_id:
        add(("jwt_other_app", {"claim": claims["appId"], "app_id": app_id}))
    return result


TEXTS: dict[str, str] = {
    "jwt_malformed": "not a well-formed JWT: it was cut or edited",
    "jwt_alg": "signed with {alg}, but VOD expects HS256",
    "jwt_missing_claims": "claims missing: {claims} (appId, videoId, currentTimeStamp, expireTimeStamp are required)",
    "jwt_signature": "the signature does not match the app's PlayKey: signed with another key, or the PlayKey was "
                     "changed (SetAppPlayKey) since",
    "jwt_expired": "expired {seconds} s ago: the app server must sign a new one",
    "jwt_seconds_not_ms": "{claim} looks like seconds: JWTPlayAuth times are in milliseconds",
    "jwt_issued_in_future": "issued {seconds} s in the future: the app server's clock is ahead",
    "jwt_other_video": "made for video {claim}, not {video_id}",
    "jwt_other_region": "made for region {claim}, but the video is in {region}",
    "jwt_other_app": "made for application {claim}, not {app_id}",
}


def describe(code: str, params: dict[str, Any]) -> str:
    try:
        return TEXTS[code].format(**params)
    except (KeyError, IndexError):
        return code
