"""The sandbox CDN: signed playback URLs under ``/_cdn/<bucket>/<key>``, served with byte ranges.

URL authentication is Alibaba Cloud CDN's type A (help: "Type A signing")::

    http://host/<uri>?auth_key=<timestamp>-<rand>-<uid>-<md5hash>
    md5hash = md5("<uri>-<timestamp>-<rand>-<uid>-<PrivateKey>")

``uri`` is the request path starting with ``/`` (no query), ``rand`` a UUID without hyphens, ``uid`` normally
``0``. VOD's signing server (GetPlayInfo) puts the URL's expiry in ``timestamp`` (now + AuthTimeout); the CDN
accepts the URL until ``timestamp + cdn_extra_ttl``. Time is the sandbox's LOGICAL clock, so advancing it
expires URLs. A refused URL answers ``403`` with a plain-text body, as the CDN edge does.

An HLS playlist names its segments by relative URIs that carry no ``auth_key``, so a player could not fetch
them; when serving an ``.m3u8`` the CDN therefore signs each relative segment URI with the playlist's own expiry
(Alibaba Cloud CDN offers such an M3U8 rewrite option; whether VOD's default domains enable it is UNCONFIRMED).
"""

from __future__ import annotations

import hashlib
import hmac
import posixpath
import uuid
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from vodgui.sandbox.clock import http_date
from vodgui.sandbox.http import FileBody, Request, Response, split_byte_range
from vodgui.sandbox.oss.models import OssModel
from vodgui.sandbox.service import SandboxContext

PREFIX = "/_cdn/"
DEFAULT_AUTH_TIMEOUT = 1800
_MAX_PLAYLIST_BYTES = 4 << 20

#: What the CDN answers as Content-Type, by extension (browsers and players sniff by it).
CONTENT_TYPES: dict[str, str] = {
    "mp4": "video/mp4", "m4v": "video/mp4", "mov": "video/quicktime", "qt": "video/quicktime",
    "m3u8": "application/vnd.apple.mpegurl", "ts": "video/mp2t", "flv": "video/x-flv", "f4v": "video/mp4",
    "mkv": "video/x-matroska", "webm": "video/webm", "avi": "video/x-msvideo", "wmv": "video/x-ms-wmv",
    "asf": "video/x-ms-asf", "3gp": "video/3gpp", "mpg": "video/mpeg", "mpeg": "video/mpeg",
    "mpe": "video/mpeg", "vob": "video/mpeg", "mts": "video/mp2t", "m2t": "video/mp2t", "ogg": "video/ogg",
    "rm": "application/vnd.rn-realmedia", "rmvb": "application/vnd.rn-realmedia-vbr",
    "swf": "application/x-shockwave-flash",
    "mp3": "audio/mpeg", "m4a": "audio/mp4", "aac": "audio/aac", "wav": "audio/wav", "flac": "audio/flac",
    "wma": "audio/x-ms-wma", "amr": "audio/amr", "ac3": "audio/ac3", "ape": "audio/x-ape",
    "caf": "audio/x-caf", "ra": "audio/x-realaudio",
    "png": "image/png", "apng": "image/apng", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
    "webp": "image/webp", "heic": "image/heic",
    "srt": "application/x-subrip", "vtt": "text/vtt", "ass": "text/x-ssa", "ttml": "application/ttml+xml",
    "zip": "application/zip", "apk": "application/vnd.android.package-archive",
}


def content_type_for(key: str, fallback: str = "application/octet-stream") -> str:
    ext = key.rsplit(".", 1)[-1].lower() if "." in key.rsplit("/", 1)[-1] else ""
    return CONTENT_TYPES.get(ext, fallback or "application/octet-stream")


def cdn_path(bucket: str, key: str) -> str:
    """The URL path of an object on the sandbox CDN (what type A signs as ``uri``)."""
    return f"{PREFIX}{bucket}/{quote(key, safe='/')}"


def type_a_hash(uri: str, timestamp: int, rand: str, uid: str, private_key: str) -> str:
    return hashlib.md5(f"{uri}-{timestamp}-{rand}-{uid}-{private_key}".encode()).hexdigest()


def auth_key(uri: str, timestamp: int, private_key: str, *, uid: str = "0", rand: str | None = None) -> str:
    """The ``auth_key`` query value for ``uri`` expiring at ``timestamp``."""
    rand = rand or uuid.uuid4().hex
    return f"{timestamp}-{rand}-{uid}-{type_a_hash(uri, timestamp, rand, uid, private_key)}"


def sign_cdn_url(ctx: SandboxContext, bucket: str, key: str, ttl: float, *, uid: str = "0",
                 rand: str | None = None) -> str:
    """A type-A signed CDN URL for an object, valid ``ttl`` seconds of logical time from now."""
    uri = cdn_path(bucket, key)
    timestamp = int(ctx.clock.now() + ttl)
    return f"{ctx.url}{uri}?auth_key={auth_key(uri, timestamp, ctx.settings.cdn_auth_key, uid=uid, rand=rand)}"


def parse_range(header: str, size: int) -> tuple[int, int] | bool | None:
    """Parse a single ``bytes=`` range against ``size``.

    Returns ``(start, end_inclusive)``, ``None`` when the header should be ignored (malformed or several
    ranges: serving the whole entity is allowed by RFC 9110), or ``False`` when it is unsatisfiable (416).
    """
    unit, _, spec = header.partition("=")
    if unit.strip().lower() != "bytes" or not spec or "," in spec:
        return None
    parsed = split_byte_range(spec.strip(), allow_spaces=False)
    if parsed is None:
        return None
    start, end = parsed
    if start is None:  # suffix range: the last N bytes
        assert end is not None
        if end == 0 or size == 0:
            return False
        return max(0, size - end), size - 1
    if end is not None and end < start:
        return None  # syntactically invalid: ignore the header
    if start >= size:
        return False
    return start, size - 1 if end is None else min(end, size - 1)


class CdnService:
    """Serves ``GET``/``HEAD /_cdn/<bucket>/<key>?auth_key=...`` from the OSS model's files."""

    def __init__(self, ctx: SandboxContext, oss: OssModel) -> None:
        self._ctx = ctx
        self._oss = oss

    # -- Service protocol ------------------------------------------------------------------------------------
    def wants(self, req: Request) -> bool:
        return req.raw_path.startswith(PREFIX)

    def classify(self, req: Request) -> tuple[str, str]:
        return "cdn", "Head" if req.method == "HEAD" else "Get"

    def reset(self) -> None:
        pass

    def error_response(self, req: Request, status: int, code: str, message: str) -> Response:
        req.log["code"] = code
        body = f"{status} {code}: {message}\n".encode()
        return Response(status, [("Content-Type", "text/plain; charset=utf-8"), ("Via", "sandbox-cdn"),
                                 ("X-Request-Id", req.request_id)], body)

    def handle(self, req: Request) -> Response:
        if req.method not in ("GET", "HEAD"):
            return self.error_response(req, 405, "MethodNotAllowed", "only GET and HEAD are served")
        rest = req.raw_path[len(PREFIX):]
        bucket, _, raw_key = rest.partition("/")
        key = unquote(raw_key)
        req.log.update(bucket=bucket, key=key)
        if not bucket or not key:
            return self.error_response(req, 404, "NotFound", "no such object")
        refused = self._check_auth(req)
        if refused is not None:
            return self.error_response(req, 403, "Forbidden", refused)
        meta = self._oss.head(bucket, key)
        if meta is None:
            return self.error_response(req, 404, "NotFound", "no such object")
        if key.lower().endswith(".m3u8") and meta.size <= _MAX_PLAYLIST_BYTES:
            return self._playlist(req, bucket, key, meta.path)
        headers = [
            ("Content-Type", content_type_for(key, meta.content_type)),
            ("Accept-Ranges", "bytes"),
            ("ETag", meta.etag),
            ("Last-Modified", http_date(meta.last_modified)),
            ("Access-Control-Allow-Origin", "*"),
            ("Via", "sandbox-cdn"),
            ("X-Request-Id", req.request_id),
        ]
        range_header = req.header("Range")
        span = parse_range(range_header, meta.size) if range_header else None
        if span is False:
            headers = [h for h in headers if h[0] != "Content-Type"]
            body = b"416 Requested Range Not Satisfiable\n"
            return Response(416, [("Content-Type", "text/plain; charset=utf-8"),
                                  ("Content-Range", f"bytes */{meta.size}"), *headers], body)
        if isinstance(span, tuple):
            start, end = span
            headers.append(("Content-Range", f"bytes {start}-{end}/{meta.size}"))
            return Response(206, headers, FileBody(meta.path, start, end - start + 1))
        return Response(200, headers, FileBody(meta.path, 0, meta.size))

    def _playlist(self, req: Request, bucket: str, key: str, path: Path) -> Response:
        """The playlist with every relative URI signed like the playlist's own URL (same expiry and uid)."""
        timestamp, _, uid, _ = req.query_dict()["auth_key"].split("-")
        folder = posixpath.dirname(key)
        private_key = self._ctx.settings.cdn_auth_key
        lines = []
        for line in path.read_bytes().decode("utf-8", "replace").splitlines():
            target = line.strip()
            parts = urlsplit(target)
            if target and not target.startswith("#") and not parts.scheme and not parts.query \
                    and not target.startswith("/"):
                segment = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
                uri = cdn_path(bucket, segment)
                line = f"{target}?auth_key={auth_key(uri, int(timestamp), private_key, uid=uid)}"
            lines.append(line)
        body = ("\n".join(lines) + "\n").encode("utf-8")
        headers = [("Content-Type", CONTENT_TYPES["m3u8"]), ("Cache-Control", "no-cache"),
                   ("Access-Control-Allow-Origin", "*"), ("Via", "sandbox-cdn"), ("X-Request-Id", req.request_id)]
        return Response(200, headers, body)

    # -- type A verification ---------------------------------------------------------------------------------
    def _check_auth(self, req: Request) -> str | None:
        """None if the URL's auth_key is valid now, else why it is refused."""
        auth_key = req.query_dict().get("auth_key")
        if not auth_key:
            return "auth_key is missing"
        parts = auth_key.split("-")
        if len(parts) != 4:
            return "auth_key is malformed"
        ts_text, rand, uid, digest = parts
        if not ts_text.isdigit():
            return "auth_key is malformed"
        timestamp = int(ts_text)
        private_key = self._ctx.settings.cdn_auth_key
        # The signer hashes the path as sent; accept the decoded form too for clients that re-encode it.
        candidates = {req.raw_path, req.path}
        if not any(hmac.compare_digest(type_a_hash(uri, timestamp, rand, uid, private_key), digest.lower())
                   for uri in candidates):
            return "auth_key signature mismatch"
        if self._ctx.clock.now() > timestamp + self._ctx.settings.cdn_extra_ttl:
            return "auth_key expired"
        return None
