"""RPC handlers of playback: GetVideoPlayAuth and GetPlayInfo.

GetPlayInfo authorizes its caller itself (it is in the product's ``self_authorizing`` set): the player SDK
calls it with the temporary credentials inside a PlayAuth plus the PlayAuth's ``AuthInfo``, which carry no RAM
policy; any other caller goes through the usual RAM check on ``vod:GetPlayInfo``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from vodgui.sandbox.cdn import DEFAULT_AUTH_TIMEOUT, sign_cdn_url
from vodgui.sandbox.clock import iso_utc
from vodgui.sandbox.oss.auth import v1_signed_query
from vodgui.sandbox.policy import Decision, RequestContext
from vodgui.sandbox.rpc import Handler, RpcContext, RpcError, forbidden_ram, invalid, missing
from vodgui.sandbox.service import SandboxContext
from vodgui.sandbox.vod import errors
from vodgui.sandbox.vod import validation as v
from vodgui.sandbox.vod.media import Media
from vodgui.sandbox.vod.models import VodModel
from vodgui.sandbox.vod.playauth import make_play_auth, verify_auth_info
from vodgui.sandbox.vod.templates import ENCRYPT_PRIVATE

SELF_AUTHORIZING = frozenset({"GetPlayInfo"})
OSS_DEFAULT_AUTH_TIMEOUT = 3600
OSS_MAX_AUTH_TIMEOUT = 2_592_000
_STREAM_TYPES = frozenset({"video", "audio"})
_RESULT_TYPES = frozenset({"Single", "Multiple"})


def _csv(value: str | None, *, upper: bool = False) -> list[str]:
    if value is None:
        return []
    parts = [p.strip() for p in value.split(",") if p.strip()]
    return [p.upper() if upper else p.lower() for p in parts]


def _fmt(value: float | None) -> str | None:
    return None if value is None else f"{value:.4f}"


def resolve_video(model: VodModel, rpc: RpcContext,
                  not_found: Callable[[], RpcError] = errors.video_not_found) -> Media:
    """The video named by VideoId (or, failing that, ReferenceId); ``not_found()`` (a 404) when unknown or
    deleted."""
    video_id = rpc.get("VideoId")
    if video_id is not None:
        media = model.get(video_id)
    else:
        reference_id = rpc.get("ReferenceId")
        if reference_id is None:
            raise missing("VideoId")
        media = model.find_reference(reference_id)
    if media is None:
        raise not_found()
    return media


def oss_signed_url(ctx: SandboxContext, bucket: str, key: str, ttl: int) -> str:
    """A presigned OSS V1 query URL, signed with read-only temporary credentials for that one object."""
    cred = ctx.iam.issue("upload", ttl, scope={"bucket": bucket, "key": key, "access": "read"})
    expires = int(ctx.clock.now() + ttl)
    query = v1_signed_query(cred.access_key_id, cred.access_key_secret, bucket, key, expires, cred.security_token)
    return f"{ctx.url}/{bucket}/{quote(key, safe='/')}?{query}"


def video_meta(model: VodModel, media: Media, now: float) -> dict[str, Any]:
    """VideoMeta of GetVideoPlayAuth (also embedded in the PlayAuth)."""
    meta: dict[str, Any] = {"VideoId": media.media_id, "Title": media.title, "Status": media.status(now)}
    if media.duration is not None:
        meta["Duration"] = round(media.duration, 4)
    if media.cover_url:
        meta["CoverURL"] = model.present_cover(media.cover_url)
    return meta


def playback_actions(ctx: SandboxContext, model: VodModel) -> dict[str, Handler]:
    """The playback actions of the VOD product."""

    def get_video_play_auth(rpc: RpcContext) -> dict[str, Any]:
        timeout = rpc.int_param("AuthInfoTimeout", ctx.settings.play_auth_default_timeout, lo=100, hi=3000)
        assert timeout is not None
        media = resolve_video(model, rpc)
        now = model.now()
        status = media.status(now)
        if status != "Normal":
            raise errors.illegal_status_play_auth(status)
        if not media.streams():
            raise errors.none_stream("", "", "")
        meta = video_meta(model, media, now)
        play_auth = make_play_auth(ctx, media.media_id, rpc.identity, timeout, meta)
        return {"PlayAuth": play_auth, "VideoMeta": meta}

    def authorize(rpc: RpcContext) -> None:
        identity = rpc.identity
        if identity.kind == "playauth":
            video_id = rpc.require("VideoId")
            verify_auth_info(ctx, rpc.require("AuthInfo"), video_id, identity)
            return
        request_ctx = RequestContext(source_ip=rpc.request.client)
        decision = ctx.iam.decide(identity, "vod:GetPlayInfo", "*", request_ctx)
        if decision is not Decision.ALLOW:
            raise forbidden_ram()

    def get_play_info(rpc: RpcContext) -> dict[str, Any]:
        authorize(rpc)
        formats = _csv(rpc.get("Formats"))
        definitions = _csv(rpc.get("Definition"), upper=True)
        stream_types = _csv(rpc.get("StreamType"))
        if any(t not in _STREAM_TYPES for t in stream_types):
            raise invalid("StreamType")
        output_type = (rpc.get("OutputType") or "cdn").lower()
        if output_type not in ("cdn", "oss"):
            raise invalid("OutputType")
        if output_type == "oss":
            ttl = rpc.int_param("AuthTimeout", OSS_DEFAULT_AUTH_TIMEOUT, lo=1, hi=OSS_MAX_AUTH_TIMEOUT)
        else:
            ttl = rpc.int_param("AuthTimeout", DEFAULT_AUTH_TIMEOUT, lo=1)
        assert ttl is not None
        result_type = rpc.get("ResultType") or "Single"
        if result_type not in _RESULT_TYPES:
            raise invalid("ResultType")
        v.parse_json_object(rpc, "PlayConfig")  # accepted; the sandbox serves one domain whatever it names
        re_auth = v.parse_json_object(rpc, "ReAuthInfo")
        uid = str(re_auth.get("uid", "0"))
        rand = str(re_auth["rand"]) if "rand" in re_auth else None
        if "-" in uid or (rand is not None and ("-" in rand or not rand)):
            raise invalid("ReAuthInfo")  # a hyphen would break the auth_key's field separators
        media = resolve_video(model, rpc)
        now = model.now()
        status = media.status(now)
        if status != "Normal":
            raise errors.illegal_status_play_info(status)
        streams = [s for s in media.streams()
                   if (not formats or s["format"] in formats)
                   and (not definitions or s["definition"] in definitions)
                   and (not stream_types or s["stream_type"] in stream_types)
                   # HLS segments cannot each be presigned, so a playlist has no OSS URL.
                   and not (output_type == "oss" and s["format"] == "m3u8")]
        if not streams:
            raise errors.none_stream(rpc.get("Formats") or "", rpc.get("Definition") or "",
                                     rpc.get("StreamType") or "")
        if result_type != "Multiple":
            # Privately encrypted streams play only in Alibaba's players and are listed only on request.
            plain = [s for s in streams if s.get("encrypt_type") != ENCRYPT_PRIVATE]
            if not plain:
                raise errors.aliyun_vod_encryption()
            streams = plain
        infos = []
        for s in streams:
            url = oss_signed_url(ctx, s["bucket"], s["key"], ttl) if output_type == "oss" \
                else sign_cdn_url(ctx, s["bucket"], s["key"], ttl, uid=uid, rand=rand)
            info: dict[str, Any] = {
                "PlayURL": url, "Format": s["format"], "Definition": s["definition"],
                "StreamType": s["stream_type"], "Size": s["size"], "Encrypt": 1 if s.get("encrypt_type") else 0,
                "Status": "Normal",
                "NarrowBandType": "0", "JobId": s["job_id"], "CreationTime": iso_utc(s["created_at"]),
                "ModificationTime": iso_utc(s["created_at"]),
            }
            optional = {"Duration": _fmt(s["duration"]), "Bitrate": _fmt(s["bitrate_kbps"]),
                        "Fps": _fmt(s["fps"]), "Width": s["width"], "Height": s["height"],
                        "CodecName": s["codec"] or None, "EncryptType": s.get("encrypt_type") or None,
                        "Specification": f"H264.{s['definition']}" if s["definition"] != "OD" else None}
            info.update({k: val for k, val in optional.items() if val is not None})
            infos.append(info)
        base: dict[str, Any] = {
            "VideoId": media.media_id, "Title": media.title, "Status": status, "MediaType": media.media_type,
            "CreationTime": iso_utc(media.created_at), "StorageClass": "Standard", "OutputType": output_type,
        }
        if media.duration is not None:
            base["Duration"] = _fmt(media.duration)
        if media.cover_url:
            base["CoverURL"] = model.present_cover(media.cover_url)
        return {"VideoBase": base, "PlayInfoList": {"PlayInfo": infos}}

    return {"GetVideoPlayAuth": get_video_play_auth, "GetPlayInfo": get_play_info}
