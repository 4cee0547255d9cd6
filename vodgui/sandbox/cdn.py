"""The sandbox CDN: signed playback URLs under ``/_cdn/<bucket>/<key>``, served with byte ranges.

URL authentication is Alibaba Cloud CDN's type A, B or C, as configured for the play domain
(``Settings.cdn_auth_type``; "off" serves unsigned URLs). See docs/protocols.md, "CDN URL authentication"::

    A: http://host/<uri>?auth_key=<timestamp>-<rand>-<uid>-<md5("<uri>-<timestamp>-<rand>-<uid>-<key>")>
    B: http://host/<YYYYMMDDHHMM, UTC+8>/<md5("<key><YYYYMMDDHHMM><uri>")><uri>
    C: http://host/<md5("<key><uri><hex timestamp>")>/<hex timestamp><uri>

``uri`` is the object's path starting with ``/`` (no query), ``rand`` a UUID without hyphens, ``uid`` normally
``0``. VOD's signing server (GetPlayInfo) puts the URL's expiry in ``timestamp`` (now + AuthTimeout, the
"extended validity" the CDN docs describe); the CDN accepts the URL until ``timestamp + cdn_extra_ttl`` (the
domain's own validity period). Time is the sandbox's LOGICAL clock, so advancing it expires URLs. A refused URL
answers ``403`` with a plain-text body naming the cause, as the CDN edge does (the real edge gives no cause).

The key service of HLS standard encryption lives here too (``/_hlskey/decrypt``): see :meth:`_hls_key`.

An HLS playlist names its segments by relative URIs that carry no ``auth_key``, so a player could not fetch
them; when serving an ``.m3u8`` the CDN therefore signs each relative segment URI with the playlist's own expiry
(Alibaba Cloud CDN offers such an M3U8 rewrite option; whether VOD's default domains enable it is UNCONFIRMED).
"""

from __future__ import annotations

import calendar
import hashlib
import hmac
import posixpath
import re
import time
import uuid
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from vodgui.sandbox.clock import http_date
from vodgui.sandbox.http import FileBody, Request, Response, split_byte_range
from vodgui.sandbox.oss.models import OssModel
from vodgui.sandbox.service import SandboxContext

PREFIX = "/_cdn/"
KEY_PATH = "/_hlskey/decrypt"
AUTH_TYPES = ("A", "B", "C", "off")
#: The path forms of types B and C in front of ``/_cdn/``.
_TYPE_B = re.compile(r"^/(\d{12})/([0-9a-fA-F]{32})(/_cdn/.*)$")
_TYPE_C = re.compile(r"^/([0-9a-fA-F]{32})/([0-9a-fA-F]{1,16})(/_cdn/.*)$")
_UTC8 = 8 * 3600
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


def type_b_stamp(timestamp: int) -> str:
    """Type B's ``YYYYMMDDHHMM`` in UTC+8 (minutes: a timestamp is rounded up so the URL never ends early)."""
    return time.strftime("%Y%m%d%H%M", time.gmtime(((timestamp + 59) // 60) * 60 + _UTC8))


def type_b_time(stamp: str) -> int:
    return calendar.timegm(time.strptime(stamp, "%Y%m%d%H%M")) - _UTC8


def signed_path(uri: str, timestamp: int, private_key: str, auth_type: str, *, uid: str = "0",
                rand: str | None = None) -> str:
    """``uri`` (path + query) signed with ``auth_type``, valid until ``timestamp`` (+ the domain's TTL)."""
    if auth_type == "B":
        stamp = type_b_stamp(timestamp)
        return f"/{stamp}/{hashlib.md5(f'{private_key}{stamp}{uri}'.encode()).hexdigest()}{uri}"
    if auth_type == "C":
        hexts = f"{timestamp:X}"
        return f"/{hashlib.md5(f'{private_key}{uri}{hexts}'.encode()).hexdigest()}/{hexts}{uri}"
    if auth_type == "off":
        return uri
    return f"{uri}?auth_key={auth_key(uri, timestamp, private_key, uid=uid, rand=rand)}"


def sign_cdn_url(ctx: SandboxContext, bucket: str, key: str, ttl: float, *, uid: str = "0",
                 rand: str | None = None) -> str:
    """A CDN URL for an object signed with the play domain's authentication type, valid ``ttl`` seconds of
    logical time from now."""
    uri = cdn_path(bucket, key)
    timestamp = int(ctx.clock.now() + ttl)
    settings = ctx.settings
    return f"{ctx.url}{signed_path(uri, timestamp, settings.cdn_auth_key, settings.cdn_auth_type, uid=uid, rand=rand)}"


def hls_token_digest(secret: str, video_id: str, expires: int) -> str:
    """The signature part of an ``MtsHlsUriToken`` of the sandbox's token service (``<expires>-<digest>``)."""
    return hmac.new(secret.encode(), f"{video_id}:{expires}".encode(), hashlib.sha256).hexdigest()[:32]


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
        path = req.raw_path
        return (path.startswith(PREFIX) or path == KEY_PATH or _TYPE_B.match(path) is not None
                or _TYPE_C.match(path) is not None)

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
        if req.raw_path == KEY_PATH:
            return self._hls_key(req)
        timestamp, refused, uri = self._check_auth(req)
        if refused is not None:
            return self.error_response(req, 403, "Forbidden", refused)
        rest = uri[len(PREFIX):]
        bucket, _, raw_key = rest.partition("/")
        key = unquote(raw_key)
        req.log.update(bucket=bucket, key=key)
        if not bucket or not key:
            return self.error_response(req, 404, "NotFound", "no such object")
        meta = self._oss.head(bucket, key)
        if meta is None:
            return self.error_response(req, 404, "NotFound", "no such object")
        if key.lower().endswith(".m3u8") and meta.size <= _MAX_PLAYLIST_BYTES:
            return self._playlist(req, bucket, key, meta.path, timestamp)
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

    def _playlist(self, req: Request, bucket: str, key: str, path: Path, timestamp: int | None) -> Response:
        """The playlist as a player must see it: every relative URI signed like the playlist's own URL (same
        expiry and uid), and an encryption key's URI turned into the key service's URL, carrying the
        ``MtsHlsUriToken`` the playlist was requested with (the CDN's "HLS standard encryption parameter
        pass-through" / M3U8 encryption rewrite)."""
        query = req.query_dict()
        uid = "0"
        if "auth_key" in query and query["auth_key"].count("-") == 3:
            uid = query["auth_key"].split("-")[2]
        token = query.get("MtsHlsUriToken", "")
        folder = posixpath.dirname(key)
        settings = self._ctx.settings
        lines = []
        for line in path.read_bytes().decode("utf-8", "replace").splitlines():
            target = line.strip()
            parts = urlsplit(target)
            if target.startswith("#EXT-X-KEY") and f'URI="{KEY_PATH}?' in target:
                line = line.replace(f'URI="{KEY_PATH}?', f'URI="{self._ctx.url}{KEY_PATH}?', 1)
                if token:
                    line = re.sub(r'(URI="[^"]*)"', rf'\1&MtsHlsUriToken={quote(token, safe="")}"', line, count=1)
            elif target and not target.startswith("#") and not parts.scheme and not parts.query \
                    and not target.startswith("/") and timestamp is not None:
                segment = posixpath.normpath(posixpath.join(folder, unquote(parts.path)))
                uri = cdn_path(bucket, segment)
                line = signed_path(uri, timestamp, settings.cdn_auth_key, settings.cdn_auth_type, uid=uid)
                if settings.cdn_auth_type == "A":
                    line = f"{target}?{line.split('?', 1)[1]}"  # relative, as before: survives any host name
            lines.append(line)
        body = ("\n".join(lines) + "\n").encode("utf-8")
        headers = [("Content-Type", CONTENT_TYPES["m3u8"]), ("Cache-Control", "no-cache"),
                   ("Access-Control-Allow-Origin", "*"), ("Via", "sandbox-cdn"), ("X-Request-Id", req.request_id)]
        return Response(200, headers, body)

    # -- HLS standard encryption: the key service ------------------------------------------------------------
    def _hls_key(self, req: Request) -> Response:
        """``GET /_hlskey/decrypt?Ciphertext=<key id>&MtsHlsUriToken=<token>``: the 16-byte AES key.

        Stands in for the customer's decryption service (VOD docs, HLS encryption: the token service issues
        MtsHlsUriToken, the decryption service checks it and answers the plaintext key). The sandbox's token is
        ``<expiry unix s>-<hex HMAC-SHA256(hls_token_key, "<VideoId>:<expiry>")[:32]>``.
        """
        query = req.query_dict()
        vod = self._ctx.models.get("vod")
        found = vod.hls_key(query.get("Ciphertext", "")) if vod is not None else None
        if found is None:
            return self.error_response(req, 404, "NotFound", "no such key (Ciphertext)")
        video_id, key = found
        token = query.get("MtsHlsUriToken", "")
        if not token:
            return self.error_response(req, 403, "Forbidden", "MtsHlsUriToken is missing")
        expires_text, _, digest = token.partition("-")
        if not expires_text.isdigit() or not digest:
            return self.error_response(req, 403, "Forbidden", "MtsHlsUriToken is malformed")
        expected = hls_token_digest(self._ctx.settings.hls_token_key, video_id, int(expires_text))
        if not hmac.compare_digest(expected, digest.lower()):
            return self.error_response(req, 403, "Forbidden", "MtsHlsUriToken does not match this video")
        if self._ctx.clock.now() > int(expires_text):
            return self.error_response(req, 403, "Forbidden", "MtsHlsUriToken expired")
        headers = [("Content-Type", "application/octet-stream"), ("Cache-Control", "no-store"),
                   ("Access-Control-Allow-Origin", "*"), ("X-Request-Id", req.request_id)]
        return Response(200, headers, key)

    # -- URL authentication ----------------------------------------------------------------------------------
    def _check_auth(self, req: Request) -> tuple[int | None, str | None, str]:
        """(timestamp, why the URL is refused or None, the object path ``/_cdn/...``) for the domain's type."""
        settings = self._ctx.settings
        auth_type = settings.cdn_auth_type
        path = req.raw_path
        b, c = _TYPE_B.match(path), _TYPE_C.match(path)
        uri = b.group(3) if b else c.group(3) if c else path
        if auth_type == "off":
            return None, None if path.startswith(PREFIX) else "URL authentication is off for this domain", uri
        private_key = settings.cdn_auth_key
        if auth_type == "B":
            if b is None:
                return None, "this domain uses type B signing: /<YYYYMMDDHHMM>/<md5>/path", uri
            stamp, digest = b.group(1), b.group(2)
            try:
                timestamp = type_b_time(stamp)
            except ValueError:
                return None, "type B timestamp is malformed", uri
            if not any(hmac.compare_digest(hashlib.md5(f"{private_key}{stamp}{u}".encode()).hexdigest(),
                                           digest.lower()) for u in {uri, unquote(uri)}):
                return None, "type B signature mismatch", uri
        elif auth_type == "C":
            if c is None:
                return None, "this domain uses type C signing: /<md5>/<hex timestamp>/path", uri
            digest, hexts = c.group(1), c.group(2)
            timestamp = int(hexts, 16)
            if not any(hmac.compare_digest(hashlib.md5(f"{private_key}{u}{hexts}".encode()).hexdigest(),
                                           digest.lower()) for u in {uri, unquote(uri)}):
                return None, "type C signature mismatch", uri
        else:
            if b or c:
                return None, "this domain uses type A signing (auth_key=...)", uri
            value = req.query_dict().get("auth_key")
            if not value:
                return None, "auth_key is missing", uri
            parts = value.split("-")
            if len(parts) != 4 or not parts[0].isdigit():
                return None, "auth_key is malformed", uri
            ts_text, rand, uid, digest = parts
            timestamp = int(ts_text)
            # The signer hashes the path as sent; accept the decoded form too for clients that re-encode it.
            if not any(hmac.compare_digest(type_a_hash(u, timestamp, rand, uid, private_key), digest.lower())
                       for u in {req.raw_path, req.path}):
                return None, "auth_key signature mismatch", uri
        if self._ctx.clock.now() > timestamp + settings.cdn_extra_ttl:
            return timestamp, "signed URL expired", uri
        return timestamp, None, uri
