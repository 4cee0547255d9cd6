"""The OSS front door: parse a path-style request, authenticate, authorize, call the model, serialize.

Request shape (docs/protocols.md, 'OSS requests and signatures'): ``/<bucket>/<percent-encoded key>[?sub]``,
the sub-resources in the query. On the transfer-acceleration endpoint names (``oss-accelerate.aliyuncs.com``,
``oss-accelerate-overseas.aliyuncs.com``; a test maps them to loopback in a hosts file) requests are
virtual-hosted, ``Host: <bucket>.oss-accelerate.aliyuncs.com`` and ``/<key>``; the bucket must have transfer
acceleration enabled (the ``transfer_acceleration`` setting), or every request is refused with AccessDenied.
Everything after ``/<bucket>/`` is percent-decoded, because oss2 quotes ``/`` in
keys as ``%2F`` while other SDKs keep it.

Checks run in the order OSS applies them: the bucket must exist (NoSuchBucket), then the signature and
credentials (AccessDenied, InvalidAccessKeyId, SecurityTokenExpired, RequestTimeTooSkewed,
SignatureDoesNotMatch...), then authorization, then the operation's own rules. A request body is only read
after all of that, straight to disk.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import quote, unquote

from vodgui.sandbox.clock import http_date
from vodgui.sandbox.http import FileBody, Request, Response, split_byte_range
from vodgui.sandbox.iam import Identity
from vodgui.sandbox.oss import documents, errors
from vodgui.sandbox.oss.auth import OssAuthenticator
from vodgui.sandbox.oss.errors import OssError
from vodgui.sandbox.oss.models import MAX_PART_NUMBER, ObjectMeta, OssModel
from vodgui.sandbox.service import SandboxContext

#: Operations upload credentials may perform on their own object (VOD's UploadAuth policy).
WRITE_OPS = frozenset({"PutObject", "InitiateMultipartUpload", "UploadPart", "ListParts",
                       "CompleteMultipartUpload", "AbortMultipartUpload"})
READ_OPS = frozenset({"GetObject", "HeadObject"})

_BUCKET_RE = re.compile(r"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")
_STORED_HEADERS = ("Cache-Control", "Content-Disposition", "Content-Encoding", "Content-Language", "Expires")
_RESPONSE_OVERRIDES = {
    "response-content-type": "Content-Type", "response-content-language": "Content-Language",
    "response-expires": "Expires", "response-cache-control": "Cache-Control",
    "response-content-disposition": "Content-Disposition", "response-content-encoding": "Content-Encoding",
}
_MAX_COMPLETE_BODY = 4 << 20
_MAX_LIST_PARTS = 1000


#: OSS's transfer-acceleration endpoints (the global one, and the one for uploads from outside mainland China).
ACCELERATE_HOSTS = ("oss-accelerate.aliyuncs.com", "oss-accelerate-overseas.aliyuncs.com")


@dataclass(frozen=True)
class Target:
    """What a request addresses, decoded, and the operation it asks for; ``accelerated``: it came to an
    accelerate endpoint name."""

    bucket: str
    key: str
    params: dict[str, str]
    op: str
    accelerated: bool = False


def accelerate_host(req: Request) -> tuple[str, str] | None:
    """``(bucket, endpoint host)`` when the request's Host is an accelerate endpoint name (the bucket empty for the
    bare endpoint: path style), else None."""
    host = (req.header("Host") or "").strip().lower()
    if host.startswith("["):
        return None
    host = host.rsplit(":", 1)[0] if ":" in host else host
    for name in ACCELERATE_HOSTS:
        if host == name:
            return "", name
        if host.endswith("." + name):
            return host[: -len(name) - 1], name
    return None


def parse_target(req: Request) -> Target:
    raw = req.raw_path.lstrip("/")
    accelerated = accelerate_host(req)
    if accelerated is not None and accelerated[0]:
        raw_bucket, raw_key = accelerated[0], raw  # virtual-hosted: the bucket is in the Host
    else:
        raw_bucket, _, raw_key = raw.partition("/")
    params: dict[str, str] = {}
    for name, value in req.query:
        params.setdefault(name, value)
    bucket, key = unquote(raw_bucket), unquote(raw_key)
    return Target(bucket, key, params, _operation(req, bucket, key, params), accelerated is not None)


def _operation(req: Request, bucket: str, key: str, params: dict[str, str]) -> str:
    method = req.method
    if not bucket:
        return "ListBuckets"
    if not key:
        bucket_ops = {"GET": "ListObjects", "PUT": "PutBucket", "DELETE": "DeleteBucket",
                      "HEAD": "GetBucketInfo"}
        return bucket_ops.get(method, "BucketOperation")
    copy = req.header("x-oss-copy-source") is not None
    if "uploadId" in params:
        if method == "PUT" and "partNumber" in params:
            return "UploadPartCopy" if copy else "UploadPart"
        return {"GET": "ListParts", "POST": "CompleteMultipartUpload",
                "DELETE": "AbortMultipartUpload"}.get(method, "Unsupported")
    if method == "POST" and "uploads" in params:
        return "InitiateMultipartUpload"
    if method == "POST" and "append" in params:
        return "AppendObject"
    other = [p for p in ("acl", "tagging", "symlink", "objectMeta", "restore", "x-oss-process")
             if p in params]
    if other:
        return f"Unsupported:{other[0]}"
    return {"PUT": "CopyObject" if copy else "PutObject", "GET": "GetObject", "HEAD": "HeadObject",
            "DELETE": "DeleteObject"}.get(method, "Unsupported")


def claimed_access_key_id(req: Request, params: dict[str, str]) -> str:
    """The AccessKeyId a request claims (not verified), for the request log."""
    authorization = req.header("Authorization") or ""
    if authorization.startswith("OSS "):
        return authorization[4:].strip().rpartition(":")[0]
    if authorization.startswith("OSS4-HMAC-SHA256 "):
        credential = authorization.partition("Credential=")[2]
        return credential.split("/", 1)[0].split(",", 1)[0].strip()
    if "OSSAccessKeyId" in params:
        return params["OSSAccessKeyId"]
    return params.get("x-oss-credential", "").split("/", 1)[0]


def authorize(identity: Identity, op: str, bucket: str, key: str) -> None:
    """Only VOD upload credentials reach VOD's buckets, and only for their own object (or prefix)."""
    temp = identity.temp
    if identity.kind != "upload" or temp is None:
        if identity.kind == "playauth":
            raise errors.denied_by_token_policy()
        # Account, RAM-user and AssumeRole keys: the outin-... buckets belong to the VOD service, not to them.
        raise errors.bucket_not_yours()
    scope = temp.scope
    if scope.get("bucket") != bucket:
        raise errors.denied_by_token_policy()
    if "key" in scope:
        in_scope = key == scope["key"]
    elif "prefix" in scope:
        in_scope = key.startswith(scope["prefix"])
    else:
        in_scope = False
    if not in_scope:
        raise errors.denied_by_token_policy()
    if op in READ_OPS or (op in WRITE_OPS and scope.get("access") != "read"):
        return
    raise errors.denied_by_token_policy()


def _content_md5(req: Request) -> bytes | None:
    value = req.header("Content-MD5")
    if value is None:
        return None
    try:
        digest = base64.b64decode(value.strip(), validate=True)
    except (binascii.Error, ValueError):
        digest = b""
    if len(digest) != 16:
        raise errors.invalid_digest("The Content-MD5 you specified is not valid.", **{"Content-MD5": value})
    return digest


def _content_length(req: Request, maximum: int) -> int:
    raw = req.header("Content-Length")
    if raw is None or (req.header("Transfer-Encoding") or "").lower() not in ("", "identity"):
        raise errors.missing_content_length()
    try:
        length = int(raw)
    except ValueError:
        raise OssError(400, "InvalidArgument", "The Content-Length is invalid.", close=True) from None
    if length > maximum:
        raise errors.entity_too_large(length, maximum)
    return length


def _stored_headers(req: Request) -> tuple[tuple[str, str], ...]:
    kept = [(name, req.header(name) or "") for name in _STORED_HEADERS if req.header(name) is not None]
    kept += [(name.lower(), value) for name, value in req.headers.items()
             if name.lower().startswith("x-oss-meta-")]
    return tuple(kept)


def byte_range(value: str | None, size: int, standard: bool) -> tuple[int, int] | None:
    """The inclusive byte range to serve, or None for the whole object (200).

    OSS by default *ignores* an invalid or unsatisfiable Range and returns the whole object; only with
    ``x-oss-range-behavior: standard`` does it clip the end and answer 416 InvalidRange for a start beyond the
    object (help.aliyun.com "How to obtain OSS resources by segmenting HTTP Range requests"). Only the first
    of several ranges is honoured.
    """
    if not value or not value.startswith("bytes="):
        return None
    specs = value[len("bytes="):].split(",")
    if len(specs) > 1 and standard:
        raise errors.invalid_range(size)  # UNCONFIRMED: multi-range with standard behaviour
    parsed = split_byte_range(specs[0], allow_spaces=True)
    if parsed is None:
        return None
    start, last = parsed
    if start is None:  # suffix range: the last N bytes
        assert last is not None
        if last == 0 or size == 0:
            if standard:
                raise errors.invalid_range(size)
            return None
        if last > size:
            return (0, size - 1) if standard else None
        return size - last, size - 1
    if last is not None and last < start:
        return None  # syntactically invalid: ignored in both behaviours
    if start >= size:
        if standard:
            raise errors.invalid_range(size)
        return None
    if last is None or last >= size:
        if not standard and last is not None:
            return None
        last = size - 1
    return start, last


class OssService:
    """The sandbox's OSS endpoint (mounted last: it answers every path no other service claims)."""

    def __init__(self, ctx: SandboxContext, model: OssModel) -> None:
        self._ctx = ctx
        self._model = model
        self._auth = OssAuthenticator(ctx)

    # -- Service protocol ------------------------------------------------------------------------------------
    def wants(self, req: Request) -> bool:
        return True

    def classify(self, req: Request) -> tuple[str, str]:
        # The server classifies every request before injecting faults, so the request log gets its OSS
        # fields here: a failed (faulted) UploadPart still shows its part number and caller.
        return "oss", self._target(req).op

    def _target(self, req: Request) -> Target:
        """The request's target, parsed (and described in the request log) once per request."""
        target = req.parsed
        if not isinstance(target, Target):
            target = req.parsed = parse_target(req)
            self._describe(req, target)
        return target

    @staticmethod
    def _describe(req: Request, target: Target) -> None:
        req.log["host"] = req.header("Host") or ""
        req.log["bucket"] = target.bucket
        req.log["key"] = target.key
        if "uploadId" in target.params:
            req.log["upload_id"] = target.params["uploadId"]
        if "partNumber" in target.params:
            raw = target.params["partNumber"]
            req.log["part_number"] = int(raw) if raw.isdigit() else raw
        claimed = claimed_access_key_id(req, target.params)
        if claimed:
            req.log["access_key_id"] = claimed  # replaced by the verified one once authenticated

    def reset(self) -> None:
        self._model.reset()

    def error_response(self, req: Request, status: int, code: str, message: str) -> Response:
        target = self._target(req)
        return errors.error_response(req.method, req.request_id, self._host_id(req, target.bucket),
                                     OssError(status, code, message))

    def handle(self, req: Request) -> Response:
        target = self._target(req)
        try:
            return self._handle(req, target)
        except OssError as err:
            req.log["code"] = err.code
            return errors.error_response(req.method, req.request_id, self._host_id(req, target.bucket), err)

    # -- dispatch --------------------------------------------------------------------------------------------
    def _host_id(self, req: Request, bucket: str) -> str:
        host = req.header("Host") or self._ctx.host
        return f"{bucket}.{host}" if bucket and not host.startswith(bucket + ".") else host

    def _ok(self, req: Request, status: int = 200, headers: list[tuple[str, str]] | None = None,
            body: bytes | FileBody = b"") -> Response:
        all_headers = [("x-oss-request-id", req.request_id), *(headers or [])]
        if isinstance(body, bytes) and body:
            all_headers.append(("Content-Type", "application/xml"))
        return Response(status, all_headers, body)

    def _handle(self, req: Request, t: Target) -> Response:
        if not t.bucket:
            identity = self._auth.authenticate(req, "", "", t.params)
            if identity.kind == "root" and req.method == "GET":
                return self._ok(req, body=documents.list_buckets_result(identity.account_id))
            raise errors.access_denied("You have no right to access this resource.")  # UNCONFIRMED
        if not _BUCKET_RE.match(t.bucket):
            raise errors.invalid_bucket_name(t.bucket)
        if not self._model.has_bucket(t.bucket):
            raise errors.no_such_bucket(t.bucket)
        identity = self._auth.authenticate(req, t.bucket, t.key, t.params)
        if t.accelerated and not self._ctx.settings.transfer_acceleration:
            raise errors.acceleration_not_enabled()
        if not t.key:
            if identity.kind in ("upload", "playauth"):
                raise errors.denied_by_token_policy()
            raise errors.bucket_not_yours()
        if len(t.key.encode("utf-8")) > 1023:
            raise errors.invalid_object_name("The Length of Object name must be less than 1024")
        if t.key.startswith(("/", "\\")):
            raise errors.invalid_object_name()
        authorize(identity, t.op, t.bucket, t.key)
        handler = getattr(self, f"_op_{t.op}", None)
        if handler is None:
            raise errors.not_implemented(t.op)
        response: Response = handler(req, t)
        return response

    # -- objects ---------------------------------------------------------------------------------------------
    def _op_PutObject(self, req: Request, t: Target) -> Response:
        settings = self._ctx.settings
        _content_length(req, settings.max_part_size)
        md5 = _content_md5(req)
        meta = self._model.put_object(
            t.bucket, t.key, req.body, req.header("Content-Type") or "application/octet-stream",
            _stored_headers(req), content_md5=md5,
            forbid_overwrite=(req.header("x-oss-forbid-overwrite") or "").lower() == "true")
        req.log["etag"] = meta.etag
        return self._ok(req, headers=[("ETag", meta.etag), ("x-oss-hash-crc64ecma", str(meta.crc64)),
                                      ("Content-MD5", base64.b64encode(bytes.fromhex(meta.md5)).decode())])

    def _object_headers(self, meta: ObjectMeta) -> list[tuple[str, str]]:
        headers = [("Content-Type", meta.content_type), ("ETag", meta.etag),
                   ("Last-Modified", http_date(meta.last_modified)), ("Accept-Ranges", "bytes"),
                   ("x-oss-object-type", meta.object_type), ("x-oss-storage-class", "Standard"),
                   ("x-oss-hash-crc64ecma", str(meta.crc64))]
        if meta.md5:
            headers.append(("Content-MD5", base64.b64encode(bytes.fromhex(meta.md5)).decode()))
        headers.extend(meta.headers)
        return headers

    def _check_conditions(self, req: Request, meta: ObjectMeta) -> bool:
        """Apply If-Match & co. Returns False for "304 Not Modified"; raises PreconditionFailed (412)."""
        etag = meta.etag.strip('"').upper()

        def etags(value: str) -> set[str]:
            return {e.strip().strip('"').upper() for e in value.split(",")}

        def when(name: str) -> float | None:
            value = req.header(name)
            if not value:
                return None
            try:
                return parsedate_to_datetime(value).timestamp()
            except (TypeError, ValueError):
                return None  # an unparseable date is ignored, as HTTP says

        if_match = req.header("If-Match")
        if if_match is not None and etag not in etags(if_match) and if_match.strip() != "*":
            raise errors.precondition_failed("If-Match")
        since = when("If-Unmodified-Since")
        if if_match is None and since is not None and int(meta.last_modified) > since:
            raise errors.precondition_failed("If-Unmodified-Since")
        if_none = req.header("If-None-Match")
        if if_none is not None and (etag in etags(if_none) or if_none.strip() == "*"):
            return False
        modified = when("If-Modified-Since")
        return not (if_none is None and modified is not None and int(meta.last_modified) <= modified)

    def _op_HeadObject(self, req: Request, t: Target) -> Response:
        meta = self._model.head(t.bucket, t.key)
        if meta is None:
            raise errors.no_such_key(t.key)
        headers = self._object_headers(meta)
        if not self._check_conditions(req, meta):
            return self._ok(req, 304, [h for h in headers if h[0] in ("ETag", "Last-Modified")])
        return self._ok(req, headers=[*headers, ("Content-Length", str(meta.size))])

    def _op_GetObject(self, req: Request, t: Target) -> Response:
        meta = self._model.head(t.bucket, t.key)
        if meta is None:
            raise errors.no_such_key(t.key)
        headers = self._object_headers(meta)
        if not self._check_conditions(req, meta):
            return self._ok(req, 304, [h for h in headers if h[0] in ("ETag", "Last-Modified")])
        overrides = {_RESPONSE_OVERRIDES[k]: v for k, v in t.params.items() if k in _RESPONSE_OVERRIDES}
        if overrides:
            headers = [h for h in headers if h[0] not in overrides] + list(overrides.items())
        standard = (req.header("x-oss-range-behavior") or "").lower() == "standard"
        rng = byte_range(req.header("Range"), meta.size, standard)
        if rng is None:
            return self._ok(req, headers=headers, body=FileBody(meta.path, 0, meta.size))
        start, end = rng
        headers.append(("Content-Range", f"bytes {start}-{end}/{meta.size}"))
        return self._ok(req, 206, headers, FileBody(meta.path, start, end - start + 1))

    def _op_DeleteObject(self, req: Request, t: Target) -> Response:
        self._model.delete(t.bucket, t.key)
        return self._ok(req, 204)  # OSS answers 204 whether or not the object existed

    # -- multipart -------------------------------------------------------------------------------------------
    def _op_InitiateMultipartUpload(self, req: Request, t: Target) -> Response:
        content_type = req.header("Content-Type") or "application/octet-stream"
        upload = self._model.initiate(t.bucket, t.key, content_type, _stored_headers(req))
        req.log["upload_id"] = upload.upload_id
        url_encoded = t.params.get("encoding-type") == "url"
        return self._ok(req, body=documents.initiate_result(t.bucket, t.key, upload.upload_id, url_encoded))

    @staticmethod
    def _part_number(t: Target) -> int:
        raw = t.params.get("partNumber", "")
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_PART_NUMBER:
            raise errors.invalid_argument(
                f"Part number must be an integer between 1 and {MAX_PART_NUMBER}, inclusive.",
                ArgumentName="partNumber", ArgumentValue=raw)
        return int(raw)

    def _op_UploadPart(self, req: Request, t: Target) -> Response:
        number = self._part_number(t)
        _content_length(req, self._ctx.settings.max_part_size)
        md5 = _content_md5(req)
        part = self._model.upload_part(t.params["uploadId"], t.bucket, t.key, number, req.body,
                                       content_md5=md5)
        req.log["etag"] = part.etag
        return self._ok(req, headers=[("ETag", part.etag), ("x-oss-hash-crc64ecma", str(part.crc64)),
                                      ("Content-MD5", base64.b64encode(bytes.fromhex(part.md5)).decode())])

    @staticmethod
    def _int_param(t: Target, name: str, default: int, minimum: int) -> int:
        raw = t.params.get(name, "")
        if raw == "":
            return default
        if not raw.isdigit() or int(raw) < minimum:
            raise errors.invalid_argument(f"Argument {name} is invalid.", ArgumentName=name,
                                          ArgumentValue=raw)
        return int(raw)

    def _op_ListParts(self, req: Request, t: Target) -> Response:
        marker = self._int_param(t, "part-number-marker", 0, 0)
        max_parts = min(self._int_param(t, "max-parts", _MAX_LIST_PARTS, 1), _MAX_LIST_PARTS)
        upload_id = t.params["uploadId"]
        after = [p for p in self._model.list_parts(upload_id, t.bucket, t.key) if p.number > marker]
        page = after[:max_parts]
        body = documents.list_parts_result(t.bucket, t.key, upload_id, marker, max_parts, page,
                                           len(after) > max_parts, t.params.get("encoding-type") == "url")
        return self._ok(req, body=body)

    def _op_CompleteMultipartUpload(self, req: Request, t: Target) -> Response:
        upload_id = t.params["uploadId"]
        self._model.get_upload(upload_id, t.bucket, t.key)  # NoSuchUpload before looking at the body
        if req.body.length > _MAX_COMPLETE_BODY:
            raise errors.malformed_xml()
        raw = req.body.read(_MAX_COMPLETE_BODY)
        if (req.header("x-oss-complete-all") or "").lower() == "yes":
            if raw.strip():
                raise errors.invalid_argument("Should not specify both complete all header and http body.")
            listed = None
        else:
            listed = documents.parse_complete(raw)
        meta = self._model.complete(upload_id, t.bucket, t.key, listed)
        req.log["etag"] = meta.etag
        location = f"{self._ctx.url}/{t.bucket}/{quote(t.key, safe='/')}"
        body = documents.complete_result(location, t.bucket, t.key, meta.etag,
                                         t.params.get("encoding-type") == "url")
        headers = [("ETag", meta.etag), ("x-oss-hash-crc64ecma", str(meta.crc64))]
        return self._ok(req, headers=headers, body=body)

    def _op_AbortMultipartUpload(self, req: Request, t: Target) -> Response:
        self._model.abort(t.params["uploadId"], t.bucket, t.key)
        return self._ok(req, 204)
