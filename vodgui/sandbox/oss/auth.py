"""OSS request authentication, verified the way OSS does it.

Four forms are accepted, each exactly as oss2 2.19 produces it (``oss2/auth.py``):

* **V1 header** ``Authorization: OSS <ak>:<b64 HMAC-SHA1>`` over
  ``VERB\\nContent-MD5\\nContent-Type\\nDate\\n`` + canonical ``x-oss-*`` headers +
  ``/<bucket>/<key>[?subresources]``; ``x-oss-date`` replaces ``Date``.
* **V1 URL** (``Bucket.sign_url``): ``OSSAccessKeyId``, ``Expires``, ``Signature``
  [, ``security-token``] query parameters; ``Expires`` takes the place of the date and is checked against the
  sandbox's *logical* clock.
* **V4 header** ``OSS4-HMAC-SHA256 Credential=<ak>/<yyyymmdd>/<region>/oss/aliyun_v4_request, Signature=<hex>
  [, AdditionalHeaders=<h;..>]`` with ``x-oss-date`` and ``x-oss-content-sha256``.
* **V4 URL** (``ProviderAuthV4._sign_url``): ``x-oss-signature-version=OSS4-HMAC-SHA256`` and friends.

Request timestamps (``Date`` / ``x-oss-date``) are compared with the sandbox's *wall* clock (real time plus
the configured skew), expiries with its logical clock; see :mod:`vodgui.sandbox.clock` for why they differ.
"""

from __future__ import annotations

import hashlib
import hmac
from base64 import b64encode
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import quote

from vodgui.sandbox.clock import iso_millis
from vodgui.sandbox.http import Request
from vodgui.sandbox.iam import CredentialError, CredentialProblem, Identity
from vodgui.sandbox.oss import errors
from vodgui.sandbox.service import SandboxContext

#: Query parameters that take part in the V1 canonical resource (oss2 ``ProviderAuth._subresource_key_set``).
SUBRESOURCES = frozenset({
    "response-content-type", "response-content-language", "response-cache-control", "logging",
    "response-content-encoding", "acl", "uploadId", "uploads", "partNumber", "group", "link", "delete",
    "website", "location", "objectInfo", "objectMeta", "response-expires", "response-content-disposition",
    "cors",
    "lifecycle", "restore", "qos", "referer", "stat", "bucketInfo", "append", "position", "security-token",
    "live",
    "comp", "status", "vod", "startTime", "endTime", "x-oss-process", "symlink", "callback", "callback-var",
    "tagging", "encryption", "versions", "versioning", "versionId", "policy", "requestPayment",
    "x-oss-traffic-limit", "qosInfo", "asyncFetch", "x-oss-request-payer", "sequential", "inventory",
    "inventoryId", "continuation-token", "worm", "wormId", "wormExtend", "replication", "replicationLocation",
    "replicationProgress", "transferAcceleration", "cname", "metaQuery", "x-oss-ac-source-ip",
    "x-oss-ac-subnet-mask", "x-oss-ac-vpc-id", "x-oss-ac-forward-allow", "resourceGroup", "style",
    "styleName",
    "x-oss-async-process", "regionList", "x-oss-write-get-object-response", "bucketArchiveDirectRead",
    "httpsConfig", "redundancyTransition", "x-oss-target-redundancy-type",
    "x-oss-redundancy-transition-taskid",
    "accessPoint", "accessPointPolicy", "publicAccessBlock", "x-oss-access-point-name", "requesterQosInfo",
    "qosRequester", "resourcePoolInfo", "resourcePool", "resourcePoolBuckets",
})

V4_ALGORITHM = "OSS4-HMAC-SHA256"
_V4_SIGNED_BY_DEFAULT = ("content-type", "content-md5")
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-~.")


def v4_uri_encode(text: str, keep_slash: bool) -> str:
    """oss2's ``__v4_uri_encode``: UTF-8, only ``A-Za-z0-9_-~.`` (and optionally ``/``) stay as they are."""
    out = []
    for byte in text.encode("utf-8"):
        if byte in _UNRESERVED or (keep_slash and byte == 0x2F):
            out.append(chr(byte))
        else:
            out.append(f"%{byte:02X}")
    return "".join(out)


def _canonical_oss_headers(req: Request) -> str:
    pairs = sorted((name.lower(), value) for name, value in req.headers.items()
                   if name.lower().startswith("x-oss-"))
    return "".join(f"{name}:{value}\n" for name, value in pairs)


def _resource(bucket: str, key: str, params: dict[str, str]) -> str:
    path = f"/{bucket}/{key}" if bucket else "/"
    subs = sorted((k, v) for k, v in params.items() if k in SUBRESOURCES)
    if not subs:
        return path
    return path + "?" + "&".join(f"{k}={v}" if v else k for k, v in subs)


def v1_string_to_sign(method: str, bucket: str, key: str, date: str, params: dict[str, str], *,
                      content_md5: str = "", content_type: str = "", oss_headers: str = "") -> str:
    """The V1 string-to-sign; ``date`` is the Date header, or ``Expires`` for a signed URL."""
    return "\n".join([method, content_md5, content_type, date, oss_headers + _resource(bucket, key, params)])


def v1_request_string_to_sign(req: Request, bucket: str, key: str, date: str, params: dict[str, str]) -> str:
    return v1_string_to_sign(req.method, bucket, key, date, params,
                             content_md5=req.header("Content-MD5", "") or "",
                             content_type=req.header("Content-Type", "") or "",
                             oss_headers=_canonical_oss_headers(req))


def v1_signature(secret: str, string_to_sign: str) -> str:
    mac = hmac.new(secret.encode(), string_to_sign.encode("utf-8"), hashlib.sha1)
    return b64encode(mac.digest()).decode()


def v1_signed_query(access_key_id: str, secret: str, bucket: str, key: str, expires: int,
                    security_token: str | None = None, method: str = "GET") -> str:
    """The query string of a presigned V1 URL (what oss2's ``Bucket.sign_url`` appends), for the sandbox's own
    URLs; :meth:`OssAuthenticator.authenticate` verifies it with the same string-to-sign."""
    # As oss2's sign_url: security-token is a sub-resource, so it is part of the signed resource.
    params = {"security-token": security_token} if security_token else {}
    signature = v1_signature(secret, v1_string_to_sign(method, bucket, key, str(expires), params))
    pairs = [("OSSAccessKeyId", access_key_id), ("Expires", str(expires)), ("Signature", signature),
             *params.items()]
    return "&".join(f"{name}={quote(value, safe='')}" for name, value in pairs)


def v4_canonical_request(req: Request, bucket: str, key: str, params: dict[str, str], additional: list[str],
                         payload_hash: str) -> str:
    uri = v4_uri_encode(f"/{bucket}/{key}" if bucket else "/", keep_slash=True)
    encoded = sorted((v4_uri_encode(k, False), v4_uri_encode(v, False)) for k, v in params.items())
    query = "&".join(f"{k}={v}" if v else k for k, v in encoded)
    signed = set(additional)
    headers = sorted((name.lower(), value) for name, value in req.headers.items()
                     if name.lower().startswith("x-oss-") or name.lower() in _V4_SIGNED_BY_DEFAULT
                     or name.lower() in signed)
    canonical_headers = "".join(f"{name}:{value}\n" for name, value in headers)
    return "\n".join([req.method, uri, query, canonical_headers, ";".join(sorted(additional)), payload_hash])


def v4_signing_key(secret: str, date: str, region: str, product: str = "oss") -> bytes:
    key = hmac.new(f"aliyun_v4{secret}".encode(), date.encode(), hashlib.sha256).digest()
    key = hmac.new(key, region.encode(), hashlib.sha256).digest()
    key = hmac.new(key, product.encode(), hashlib.sha256).digest()
    return hmac.new(key, b"aliyun_v4_request", hashlib.sha256).digest()


def v4_string_to_sign(date_time: str, scope: str, canonical_request: str) -> str:
    digest = hashlib.sha256(canonical_request.encode("utf-8")).hexdigest()
    return f"{V4_ALGORITHM}\n{date_time}\n{scope}\n{digest}"


class OssAuthenticator:
    """Turns a request's signature into an :class:`~vodgui.sandbox.iam.Identity` or raises ``OssError``."""

    def __init__(self, ctx: SandboxContext) -> None:
        self._ctx = ctx

    def authenticate(self, req: Request, bucket: str, key: str, params: dict[str, str]) -> Identity:
        """Verify ``req`` addressed to ``bucket``/``key`` with query ``params`` (the first value of each name);
        records the AccessKeyId in ``req.log`` as soon as it is known."""
        authorization = req.header("Authorization")
        if authorization:
            if authorization.startswith("OSS "):
                return self._v1_header(req, bucket, key, params, authorization[4:])
            if authorization.startswith(V4_ALGORITHM + " "):
                return self._v4_header(req, bucket, key, params, authorization[len(V4_ALGORITHM) + 1:])
            # V2 (OSS2) and anything else: not implemented by the sandbox (UNCONFIRMED wording).
            raise errors.invalid_argument("Authorization header is invalid.", Authorization=authorization)
        if "Signature" in params or "OSSAccessKeyId" in params:
            return self._v1_url(req, bucket, key, params)
        if params.get("x-oss-signature-version") == V4_ALGORITHM:
            return self._v4_url(req, bucket, key, params)
        raise errors.anonymous_denied()

    # -- credentials -----------------------------------------------------------------------------------------
    def _resolve(self, req: Request, access_key_id: str, token: str | None) -> tuple[str, Identity]:
        req.log["access_key_id"] = access_key_id
        try:
            return self._ctx.iam.resolve(access_key_id, token)
        except CredentialError as exc:
            problem = exc.problem
            if problem is CredentialProblem.TOKEN_EXPIRED:
                raise errors.security_token_expired() from None
            if problem in (CredentialProblem.TOKEN_MALFORMED, CredentialProblem.TOKEN_MISMATCH):
                raise errors.invalid_security_token() from None
            if problem is CredentialProblem.INACTIVE:
                raise errors.invalid_access_key_id(access_key_id, disabled=True) from None
            # NOT_FOUND and TOKEN_MISSING: OSS says "does not exist in our records" for both.
            raise errors.invalid_access_key_id(access_key_id, sts=access_key_id.startswith("STS.")) from None

    def _check_skew(self, when: datetime, raw: str) -> None:
        wall = self._ctx.clock.wall()
        if abs(when.timestamp() - wall) > self._ctx.settings.max_skew_seconds:
            raise errors.time_too_skewed(raw, iso_millis(wall))

    @staticmethod
    def _parse_http_date(raw: str) -> datetime:
        try:
            when = parsedate_to_datetime(raw)
        except (TypeError, ValueError, IndexError):
            when = None
        if when is None:
            try:
                when = datetime.strptime(raw, "%Y%m%dT%H%M%SZ")
            except ValueError:
                # UNCONFIRMED wording
                raise errors.access_denied("OSS authentication requires a valid Date.") from None
        return when if when.tzinfo is not None else when.replace(tzinfo=UTC)

    # -- V1 --------------------------------------------------------------------------------------------------
    def _v1_header(self, req: Request, bucket: str, key: str, params: dict[str, str], value: str) -> Identity:
        access_key_id, sep, provided = value.strip().rpartition(":")
        if not sep or not access_key_id or not provided:
            raise errors.invalid_argument("Authorization header is invalid.", Authorization="OSS " + value)
        secret, identity = self._resolve(req, access_key_id, req.header("x-oss-security-token"))
        date = req.header("x-oss-date") or req.header("Date") or ""
        self._check_skew(self._parse_http_date(date), date)
        string_to_sign = v1_request_string_to_sign(req, bucket, key, date, params)
        if not hmac.compare_digest(v1_signature(secret, string_to_sign), provided):
            raise errors.signature_mismatch(access_key_id, provided, string_to_sign)
        return identity

    def _v1_url(self, req: Request, bucket: str, key: str, params: dict[str, str]) -> Identity:
        access_key_id = params.get("OSSAccessKeyId", "")
        provided = params.get("Signature", "")
        expires = params.get("Expires")
        if not access_key_id or not provided:
            raise errors.access_denied("Signature, OSSAccessKeyId and Expires are required.")  # UNCONFIRMED
        if not expires:
            raise errors.access_denied("Expires is empty.", ec="0002-00000068")  # UNCONFIRMED text
        if not expires.isdigit():
            raise errors.access_denied("Expires is invalid.", ec="0002-00000070")  # UNCONFIRMED text
        secret, identity = self._resolve(req, access_key_id, params.get("security-token"))
        now = self._ctx.clock.now()
        if int(expires) < now:
            raise errors.request_expired(iso_millis(int(expires)), iso_millis(now))
        string_to_sign = v1_request_string_to_sign(req, bucket, key, expires, params)
        if not hmac.compare_digest(v1_signature(secret, string_to_sign), provided):
            raise errors.signature_mismatch(access_key_id, provided, string_to_sign)
        return identity

    # -- V4 --------------------------------------------------------------------------------------------------
    def _check_scope(self, credential: str) -> tuple[str, str, str]:
        """``(access_key_id, date, region)`` from ``ak/yyyymmdd/region/oss/aliyun_v4_request``."""
        fields = credential.split("/")
        if len(fields) != 5 or not fields[0] or fields[4] != "aliyun_v4_request" or len(fields[1]) != 8 \
                or not fields[1].isdigit():
            raise errors.invalid_argument("Invalid credential in Authorization header.", ec="0002-00000213")
        if fields[2] != self._ctx.config.region:
            raise errors.invalid_argument("Invalid signing region in Authorization header.",
                                          ec="0002-00000226")
        if fields[3] != "oss":
            raise errors.invalid_argument("Invalid signing product in Authorization header.")  # UNCONFIRMED
        return fields[0], fields[1], fields[2]

    def _v4_header(self, req: Request, bucket: str, key: str, params: dict[str, str], value: str) -> Identity:
        fields: dict[str, str] = {}
        for item in value.split(","):
            name, sep, val = item.strip().partition("=")
            if sep:
                fields[name] = val
        if "Credential" not in fields or "Signature" not in fields:
            raise errors.invalid_argument("Authorization header is invalid.", ec="0002-00000213",
                                          Authorization=f"{V4_ALGORITHM} {value}")
        access_key_id, date, region = self._check_scope(fields["Credential"])
        secret, identity = self._resolve(req, access_key_id, req.header("x-oss-security-token"))
        date_time = req.header("x-oss-date") or ""
        when = self._parse_v4_date(date_time)
        self._check_skew(when, date_time)
        if date_time[:8] != date:
            raise errors.invalid_argument("Invalid signing date in Authorization header.")  # UNCONFIRMED
        additional = [h.strip().lower() for h in fields.get("AdditionalHeaders", "").split(";") if h.strip()]
        payload = req.header("x-oss-content-sha256") or "UNSIGNED-PAYLOAD"
        canonical = v4_canonical_request(req, bucket, key, params, additional, payload)
        self._v4_verify(access_key_id, secret, date, region, date_time, canonical, fields["Signature"])
        return identity

    def _v4_url(self, req: Request, bucket: str, key: str, params: dict[str, str]) -> Identity:
        access_key_id, date, region = self._check_scope(params.get("x-oss-credential", ""))
        secret, identity = self._resolve(req, access_key_id, params.get("x-oss-security-token"))
        date_time = params.get("x-oss-date", "")
        when = self._parse_v4_date(date_time)
        expires = params.get("x-oss-expires", "")
        if not expires.isdigit():
            raise errors.access_denied("x-oss-expires is invalid.", ec="0002-00000070")  # UNCONFIRMED text
        now = self._ctx.clock.now()
        if when.timestamp() - self._ctx.settings.max_skew_seconds > now:
            # Not yet valid: the URL's start lies in the future (EC 0002-00000235, UNCONFIRMED wording).
            raise errors.access_denied("Request is not valid yet.", ec="0002-00000235")
        if when.timestamp() + int(expires) < now:
            raise errors.request_expired(iso_millis(when.timestamp() + int(expires)), iso_millis(now))
        additional = [h.strip().lower() for h in params.get("x-oss-additional-headers", "").split(";")
                      if h.strip()]
        signed_params = {k: v for k, v in params.items() if k != "x-oss-signature"}
        canonical = v4_canonical_request(req, bucket, key, signed_params, additional, "UNSIGNED-PAYLOAD")
        self._v4_verify(access_key_id, secret, date, region, date_time, canonical, params.get("x-oss-signature", ""))
        return identity

    @staticmethod
    def _v4_verify(access_key_id: str, secret: str, date: str, region: str, date_time: str, canonical: str,
                   provided: str) -> None:
        """Compare ``provided`` with the V4 signature of ``canonical``; SignatureDoesNotMatch otherwise."""
        string_to_sign = v4_string_to_sign(date_time, f"{date}/{region}/oss/aliyun_v4_request", canonical)
        expected = hmac.new(v4_signing_key(secret, date, region), string_to_sign.encode(), hashlib.sha256)
        if not hmac.compare_digest(expected.hexdigest(), provided):
            raise errors.signature_mismatch(access_key_id, provided, string_to_sign, canonical)

    @staticmethod
    def _parse_v4_date(raw: str) -> datetime:
        try:
            return datetime.strptime(raw, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        except ValueError:
            raise errors.access_denied("x-oss-date is missing or invalid.") from None  # UNCONFIRMED
