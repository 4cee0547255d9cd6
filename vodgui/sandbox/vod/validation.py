"""Parameter rules of the VOD upload actions, shared by the RPC handlers and the reference AppServer.

Lengths are counted in UTF-8 bytes because that is what the service's error says ("has exceeded 128 bytes").
Emoticons are refused as 4-byte UTF-8 sequences (characters outside the Basic Multilingual Plane): the service
stores media metadata in a 3-byte-UTF-8 database, which is why it rejects them (IllegalCharacters).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from vodgui.sandbox.rpc import ParamReader as ParamReader  # re-exported: the rules take any reader
from vodgui.sandbox.rpc import RpcError, invalid, missing
from vodgui.sandbox.vod import errors

DEFAULT_APP_ID = "app-1000000"
MAX_TITLE_BYTES = 128
MAX_DESCRIPTION_BYTES = 1024
MAX_TAGS = 16
MAX_TAG_BYTES = 32

#: Extensions CreateUploadVideo accepts (help: "Overview of media upload", supported formats).
VIDEO_EXTENSIONS = frozenset({
    "mp4", "ts", "3gp", "mpg", "mpeg", "mpe", "dat", "vob", "asf", "avi", "wmv", "flv", "f4v", "rm", "rmvb",
    "mov", "mkv", "m3u8", "dv", "gif", "m2t", "m4v", "mj2", "mjpeg", "mts", "ogg", "qt", "swf", "webm",
})
AUDIO_EXTENSIONS = frozenset({
    "mp3", "wma", "wav", "aac", "ra", "m4a", "flac", "ape", "ac3", "amr", "caf", "acm",
})
MEDIA_EXTENSIONS = VIDEO_EXTENSIONS | AUDIO_EXTENSIONS
IMAGE_TYPES = frozenset({"default", "cover"})
#: CreateUploadImage ImageExt (the current API reference also lists heic and webp next to png, jpg, jpeg, gif).
IMAGE_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "gif", "heic", "webp"})
#: CreateUploadAttachedMedia: BusinessType -> allowed MediaExt (API reference, MediaExt).
ATTACHED_EXTENSIONS: dict[str, frozenset[str]] = {
    "watermark": frozenset({"png", "gif", "apng", "mov"}),
    "subtitle": frozenset({"srt", "ass", "stl", "ttml", "vtt"}),
    "material": frozenset({"jpg", "gif", "png", "mp4", "mat", "zip", "apk"}),
}
MAX_URL_BYTES = 1024
_REFERENCE_ID = re.compile(r"^[A-Za-z0-9_-]{6,64}$")


class DictParams(ParamReader):
    """The RPC parameter semantics (empty means absent) over a plain mapping, for callers without an RPC.

    Values are taken as their string form, as they would travel in a query string (a JSON caller may pass
    ``"FileSize": 123``).
    """

    def __init__(self, params: Mapping[str, object]) -> None:
        self._params = params

    def get(self, name: str) -> str | None:
        value = self._params.get(name)
        if value is None:
            return None
        text = str(value)
        return text if text != "" else None



def reader(params: Mapping[str, object] | ParamReader) -> ParamReader:
    if isinstance(params, Mapping):
        return DictParams(params)
    return params


def has_emoticon(text: str) -> bool:
    return any(ord(c) > 0xFFFF for c in text)


def check_text(name: str, value: str | None, max_bytes: int) -> str:
    """Length in UTF-8 bytes, then no emoticons. Returns the value ('' when absent)."""
    if value is None:
        return ""
    if len(value.encode("utf-8")) > max_bytes:
        raise errors.length_exceeded(name, max_bytes)
    if has_emoticon(value):
        raise errors.illegal_characters(name)
    return value


def check_title(p: ParamReader, *, required: bool) -> str:
    title = p.require("Title") if required else p.get("Title")
    return check_text("Title", title, MAX_TITLE_BYTES)


def check_tags(p: ParamReader) -> list[str]:
    raw = p.get("Tags")
    if raw is None:
        return []
    tags = [t.strip() for t in raw.split(",") if t.strip()]
    if len(tags) > MAX_TAGS:
        raise errors.tags_exceeded()
    for tag in tags:
        check_text("Tags", tag, MAX_TAG_BYTES)
    return tags


def file_extension(file_name: str) -> str:
    """The lower-case extension of a local path in either OS's syntax (``D:\\v\\a.MP4`` -> ``mp4``)."""
    base = re.split(r"[\\/]", file_name)[-1]
    if "." not in base:
        return ""
    return base.rsplit(".", 1)[1].strip().lower()


def check_media_file_name(p: ParamReader) -> tuple[str, str]:
    """FileName (required) and its extension, which must be a supported audio/video one."""
    file_name = p.require("FileName")
    ext = file_extension(file_name)
    if ext not in MEDIA_EXTENSIONS:
        raise errors.illegal_extension()
    return file_name, ext


def is_http_url(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def check_cover_url(p: ParamReader) -> str:
    """CoverURL: an absolute http(s) URL. UNCONFIRMED: the service's exact rule and code for a bad one."""
    url = p.get("CoverURL")
    if url is None:
        return ""
    if len(url.encode("utf-8")) > MAX_URL_BYTES or not is_http_url(url):
        raise invalid("CoverURL")
    return url


def check_file_size(p: ParamReader) -> int | None:
    return p.int_param("FileSize", lo=0)


def check_cate_id(p: ParamReader) -> int | None:
    return p.int_param("CateId")


def check_cate_ids(p: ParamReader) -> list[int]:
    raw = p.get("CateIds")
    if raw is None:
        return []
    parts = [x.strip() for x in raw.split(",") if x.strip()]
    if len(parts) > 5:
        raise invalid("CateIds")
    try:
        return [int(x) for x in parts]
    except ValueError:
        raise invalid("CateIds") from None


def check_reference_id(p: ParamReader) -> str:
    ref = p.get("ReferenceId")
    if ref is None:
        return ""
    if not _REFERENCE_ID.match(ref):
        raise invalid("ReferenceId")
    return ref


def check_app_id(p: ParamReader) -> str:
    app_id = p.get("AppId") or DEFAULT_APP_ID
    if app_id != DEFAULT_APP_ID:
        raise errors.app_not_found()
    return app_id


def check_storage_location(p: ParamReader, expected: str) -> str:
    location = p.get("StorageLocation")
    if location is None:
        return expected
    if location != expected:
        raise errors.storage_not_found()
    return location


def parse_user_data(p: ParamReader) -> dict[str, Any]:
    """UserData must be a JSON object; MessageCallback, when present, must carry an http(s) CallbackURL.

    Returns the parsed object (empty when absent). The service's docs show MessageCallback and Extend both as
    objects and as JSON strings holding objects; both are accepted and normalised to objects here.
    """
    raw = p.get("UserData")
    if raw is None:
        return {}
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        raise invalid("UserData") from None
    if not isinstance(data, dict):
        raise invalid("UserData")
    for name in ("MessageCallback", "Extend", "AccelerateConfig"):
        if name in data and isinstance(data[name], str):
            try:
                data[name] = json.loads(data[name])
            except json.JSONDecodeError:
                raise invalid("UserData") from None
        if name in data and not isinstance(data[name], dict):
            raise invalid("UserData")
    callback = data.get("MessageCallback")
    if callback is not None:
        url = callback.get("CallbackURL")
        if url is not None and (not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https")
                                or not urlsplit(url).netloc):
            raise invalid("UserData")
    accelerate = data.get("AccelerateConfig")
    if accelerate is not None:
        # Documented shape: {"Type": "oss", "Domain": "https://oss-accelerate.aliyuncs.com"}; what VOD answers to
        # another Type or a Domain that is no URL is not documented (UNCONFIRMED): refused here like bad UserData.
        domain = accelerate.get("Domain")
        if accelerate.get("Type") != "oss" or not isinstance(domain, str) \
                or urlsplit(domain).scheme not in ("http", "https") or not urlsplit(domain).netloc:
            raise invalid("UserData")
    return data


def parse_json_object(p: ParamReader, name: str) -> dict[str, Any]:
    """An optional parameter holding a JSON object (PlayConfig, ReAuthInfo)."""
    raw = p.get(name)
    if raw is None:
        return {}
    try:
        data = json.loads(raw)
    except json.JSONDecodeError:
        raise invalid(name) from None
    if not isinstance(data, dict):
        raise invalid(name)
    return data


def id_list(p: ParamReader, name: str, limit: int, too_many: RpcError) -> list[str]:
    """A required comma-separated id list, de-duplicated in order, at most ``limit`` entries."""
    ids: list[str] = []
    for part in p.require(name).split(","):
        part = part.strip()
        if part and part not in ids:
            ids.append(part)
    if not ids:
        raise missing(name)
    if len(ids) > limit:
        raise too_many
    return ids
