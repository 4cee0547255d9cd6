"""PlayAuth: the playback credential GetVideoPlayAuth returns, in the legacy base64-JSON shape
(docs/protocols.md, 'Legacy PlayAuth').

A PlayAuth carries temporary credentials (kind ``playauth``, scoped to one video) and an ``AuthInfo`` JSON
string signed with a key only the sandbox knows. The player SDK calls GetPlayInfo with those credentials, the
``AuthInfo`` and the video id; the sandbox then checks the signature, that the AuthInfo, the credentials and
the request name the same video, and that ``ExpireTime`` has not passed on the logical clock. The credentials
themselves live at least an hour: the AuthInfo's ExpireTime is what ends a PlayAuth, as on the real service.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from vodgui.sandbox.clock import iso_utc, parse_iso_utc
from vodgui.sandbox.iam import Identity
from vodgui.sandbox.service import SandboxContext
from vodgui.sandbox.vod import errors

#: The temporary credentials inside a PlayAuth outlive any AuthInfoTimeout (max 3000 s).
CREDENTIAL_TTL = 3600
_SIGNED_FIELDS = ("CI", "Caller", "ExpireTime", "MediaId", "PlayDomain")


def _signing_key(ctx: SandboxContext) -> bytes:
    # Derived from the account's own secret: private to this sandbox, and stable across restarts with a data
    # directory so PlayAuths issued before a restart stay verifiable.
    secret = ctx.config.account_keys[0].access_key_secret
    return hashlib.sha256(f"vodgui-sandbox-playauth:{ctx.config.account_id}:{secret}".encode()).digest()


def _sign(ctx: SandboxContext, fields: dict[str, str]) -> str:
    canonical = "&".join(f"{k}={fields.get(k, '')}" for k in _SIGNED_FIELDS)
    return base64.b64encode(hmac.new(_signing_key(ctx), canonical.encode(), hashlib.sha1).digest()).decode()


def make_auth_info(ctx: SandboxContext, video_id: str, caller: Identity, timeout: int,
                   play_domain: str) -> str:
    """The AuthInfo JSON string for ``video_id``, expiring ``timeout`` seconds from now (logical clock)."""
    fields = {
        # CI and Caller are opaque encrypted blobs on the real service; here they identify the account and
        # the key that asked, which is handy when reading a decoded PlayAuth in a test.
        "CI": base64.b64encode(f"account:{ctx.config.account_id}".encode()).decode(),
        "Caller": base64.b64encode(f"key:{caller.access_key_id}".encode()).decode(),
        "ExpireTime": iso_utc(ctx.clock.now() + timeout),
        "MediaId": video_id,
        "PlayDomain": play_domain,
    }
    fields["Signature"] = _sign(ctx, fields)
    return json.dumps(fields, separators=(",", ":"))


def make_play_auth(ctx: SandboxContext, video_id: str, caller: Identity, timeout: int,
                   video_meta: dict[str, Any]) -> str:
    """A base64-JSON PlayAuth for one video: scoped temporary credentials plus a signed AuthInfo."""
    cred = ctx.iam.issue("playauth", max(CREDENTIAL_TTL, timeout), scope={"video_id": video_id})
    play_domain = ctx.host
    blob = {
        "SecurityToken": cred.security_token,
        "AuthInfo": make_auth_info(ctx, video_id, caller, timeout, play_domain),
        "AccessKeyId": cred.access_key_id,
        "CustomerId": int(ctx.config.account_id),
        "AccessKeySecret": cred.access_key_secret,
        "Region": ctx.config.region,
        "PlayDomain": play_domain,
        "VideoMeta": video_meta,
    }
    return base64.b64encode(json.dumps(blob, ensure_ascii=False).encode("utf-8")).decode()


def verify_auth_info(ctx: SandboxContext, auth_info: str, video_id: str, identity: Identity) -> None:
    """Accept the AuthInfo of a GetPlayInfo made with PlayAuth credentials, or raise the matching RpcError.

    Order: well-formed, signature, same video as the request and as the credentials' scope, not expired.
    """
    try:
        fields = json.loads(auth_info)
    except json.JSONDecodeError:
        raise errors.auth_info_malformed() from None
    names = (*_SIGNED_FIELDS, "Signature")
    if not isinstance(fields, dict) or not all(isinstance(fields.get(k), str) for k in names):
        raise errors.auth_info_malformed()
    if not hmac.compare_digest(_sign(ctx, fields), fields["Signature"]):
        raise errors.auth_info_signature()
    scope_video = identity.temp.scope.get("video_id") if identity.temp is not None else None
    if fields["MediaId"] != video_id or scope_video != video_id:
        raise errors.auth_info_media()
    try:
        expires = parse_iso_utc(fields["ExpireTime"])
    except ValueError:
        raise errors.auth_info_malformed() from None
    if ctx.clock.now() >= expires:
        raise errors.auth_info_expired()
