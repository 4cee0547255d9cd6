"""The POP RPC front door shared by VOD and STS: parameters, authentication, dispatch, JSON errors.

Two signing schemes are verified exactly as the gateways do:

* RPC v1 (aliyun-python-sdk-core): ``Signature`` in the query, HMAC-SHA1 over
  ``METHOD&%2F&percentEncode(sorted canonical query)`` with key ``secret + "&"``; the blank ``SignatureType``
  parameter is part of the canonical query.
* ACS3-HMAC-SHA256 (the Tea SDKs): an ``Authorization`` header over a canonical request of query, signed
  headers and the body hash.

A wrong signature answers ``SignatureDoesNotMatch`` quoting the server's string-to-sign, which is how the SDK
tells a wrong secret (``InvalidAccessKeySecret``) from a canonicalisation bug.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, quote

from vodgui.sandbox.clock import SandboxClock, parse_iso_utc
from vodgui.sandbox.http import Request, Response
from vodgui.sandbox.iam import CredentialError, CredentialProblem, Iam, Identity
from vodgui.sandbox.ids import IdGenerator
from vodgui.sandbox.policy import Decision, RequestContext

COMMON_PARAMS = frozenset({
    "Action", "Version", "Format", "RegionId", "Timestamp", "SignatureMethod", "SignatureType",
    "SignatureVersion", "SignatureNonce", "AccessKeyId", "SecurityToken", "Signature",
})


class RpcError(Exception):
    """A POP error: HTTP status, ``Code`` and ``Message`` as the gateway returns them."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message


def missing(param: str) -> RpcError:
    return RpcError(400, f"Missing{param}", f"{param} is mandatory for this action.")


def invalid(param: str) -> RpcError:
    return RpcError(400, f"Invalid{param}", f"Specified parameter {param} is not valid.")


def forbidden_ram() -> RpcError:
    return RpcError(403, "Forbidden.RAM",
                    "User not authorized to operate on the specified resource, or this API doesn't support RAM.")


def json_response(status: int, body: dict[str, Any]) -> Response:
    """A JSON answer as the POP gateways send it (also the AppServer's format)."""
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    return Response(status, [("Content-Type", "application/json;charset=utf-8")], data)


def percent_encode(value: str) -> str:
    """RFC 3986 encoding the POP gateways use: only ``A-Za-z0-9-_.~`` stay as they are."""
    return quote(value, safe="~")


def rpc_v1_string_to_sign(method: str, params: dict[str, str]) -> str:
    canonical = "&".join(
        f"{percent_encode(k)}={percent_encode(v)}" for k, v in sorted(params.items()) if k != "Signature"
    )
    return f"{method}&{percent_encode('/')}&{percent_encode(canonical)}"


def rpc_v1_signature(secret: str, string_to_sign: str, method: str = "HMAC-SHA1") -> str:
    digest = hashlib.sha256 if method == "HMAC-SHA256" else hashlib.sha1
    mac = hmac.new((secret + "&").encode(), string_to_sign.encode(), digest).digest()
    return base64.b64encode(mac).decode()


_ACS3_AUTH = re.compile(
    r"^ACS3-HMAC-SHA256\s+Credential=(?P<cred>[^,]+),\s*SignedHeaders=(?P<signed>[^,]+),\s*Signature=(?P<sig>[0-9a-f]+)$"
)


def acs3_canonical_request(req: Request, signed_headers: list[str], body_hash: str) -> str:
    query = sorted(req.query)
    canonical_query = "&".join(f"{percent_encode(k)}={percent_encode(v)}" for k, v in query)
    headers = "".join(f"{h}:{(req.header(h) or '').strip()}\n" for h in signed_headers)
    return "\n".join([req.method, req.raw_path or "/", canonical_query, headers, ";".join(signed_headers),
                      body_hash])


class ParamReader:
    """The RPC parameter semantics (an empty value means absent; bad numbers are ``Invalid<Name>``), over
    whatever :meth:`get` reads."""

    def get(self, name: str) -> str | None:
        raise NotImplementedError

    def require(self, name: str) -> str:
        value = self.get(name)
        if value is None:
            raise missing(name)
        return value

    def int_param(self, name: str, default: int | None = None, *, lo: int | None = None,
                  hi: int | None = None) -> int | None:
        raw = self.get(name)
        if raw is None:
            return default
        try:
            value = int(raw)
        except ValueError:
            raise invalid(name) from None
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            raise invalid(name)
        return value


@dataclass
class RpcContext(ParamReader):
    """What an action handler receives."""

    request: Request
    action: str
    params: dict[str, str]
    identity: Identity
    region: str
    request_id: str

    def get(self, name: str) -> str | None:
        value = self.params.get(name)
        return value if value not in (None, "") else None


Handler = Callable[[RpcContext], dict[str, Any]]


@dataclass
class RpcProduct:
    """One POP product (VOD, STS) served by the front door."""

    code: str  # "vod", "sts": the RAM service prefix
    version: str
    host_id: str
    actions: dict[str, Handler] = field(default_factory=dict)
    #: Actions that authorize the caller themselves instead of by a RAM policy check on ``code:Action``.
    self_authorizing: frozenset[str] = frozenset()
    #: Forget the product's state (control plane reset).
    reset: Callable[[], None] | None = None


class RpcFrontDoor:
    def __init__(self, iam: Iam, clock: SandboxClock, ids: IdGenerator, region: str,
                 max_skew: Callable[[], int]) -> None:
        self._iam = iam
        self._clock = clock
        self._ids = ids
        self._region = region
        self._max_skew = max_skew
        self._products: dict[str, RpcProduct] = {}
        self._nonces: dict[tuple[str, str], float] = {}
        self._nonce_lock = threading.Lock()

    def register(self, product: RpcProduct) -> None:
        self._products[product.version] = product

    def reset(self) -> None:
        with self._nonce_lock:
            self._nonces.clear()
        for product in self._products.values():
            if product.reset is not None:
                product.reset()

    @staticmethod
    def wants(req: Request) -> bool:
        if req.raw_path not in ("", "/"):
            return False
        if "Action=" in req.raw_query or req.header("x-acs-action") is not None:
            return True
        # All parameters, Action included, may travel in a form body; OSS has no form POST on "/".
        ctype = (req.header("Content-Type") or "").lower()
        return req.method == "POST" and ctype.startswith("application/x-www-form-urlencoded")

    @staticmethod
    def classify(req: Request) -> tuple[str, str]:
        """(product code guess, action) without authenticating: for fault rules and logs."""
        q = req.query_dict()
        action = q.get("Action") or req.header("x-acs-action") or ""
        version = q.get("Version") or req.header("x-acs-version") or ""
        return ("sts" if version == "2015-04-01" else "vod"), action

    # -- entry point -----------------------------------------------------------------------------------------
    def handle(self, req: Request) -> Response:
        product: RpcProduct | None = None
        try:
            params = self._params(req)
            action = params.get("Action") or req.header("x-acs-action") or ""
            version = params.get("Version") or req.header("x-acs-version") or ""
            req.log["action"] = action
            if req.method not in ("GET", "POST"):
                raise RpcError(400, "UnsupportedHTTPMethod", "This http method is not supported.")
            if not action:
                raise missing("Action")
            if not version:
                raise missing("Version")
            product = self._products.get(version)
            if product is None:
                raise RpcError(400, "InvalidVersion", "Specified parameter Version is not valid.")
            handler = product.actions.get(action)
            if handler is None:
                raise RpcError(404, "InvalidApi.NotFound",
                               "Specified api is not found, please check your url and method.")
            identity = self._authenticate(req, params)
            req.log["access_key_id"] = identity.access_key_id
            if action not in product.self_authorizing:
                ctx_cond = RequestContext(source_ip=req.client)
                if self._iam.decide(identity, f"{product.code}:{action}", "*", ctx_cond) is not Decision.ALLOW:
                    raise forbidden_ram()
            ctx = RpcContext(req, action, params, identity, params.get("RegionId") or self._region,
                             req.request_id)
            body = handler(ctx)
            body = {"RequestId": req.request_id, **body}
            return json_response(200, body)
        except RpcError as err:
            return self.error(req, err, product.host_id if product else "vod.aliyuncs.com")

    def error_response(self, req: Request, status: int, code: str, message: str) -> Response:
        product = "sts" if self.classify(req)[0] == "sts" else "vod"
        return self.error(req, RpcError(status, code, message), f"{product}.aliyuncs.com")

    def error(self, req: Request, err: RpcError, host_id: str = "vod.aliyuncs.com") -> Response:
        req.log["code"] = err.code
        body = {
            "RequestId": req.request_id,
            "HostId": host_id,
            "Code": err.code,
            "Message": err.message,
            "Recommend": f"https://next.api.aliyun.com/troubleshoot?q={err.code}&product=sandbox",
        }
        return json_response(err.status, body)

    # -- parameters ------------------------------------------------------------------------------------------
    @staticmethod
    def _params(req: Request) -> dict[str, str]:
        params = dict(req.query)
        ctype = (req.header("Content-Type") or "").lower()
        if req.body.remaining:
            raw = req.body.read(4 << 20)
            req.log["body_sha256"] = hashlib.sha256(raw).hexdigest()
            if ctype.startswith("application/x-www-form-urlencoded"):
                params.update(parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True))
        else:
            req.log["body_sha256"] = hashlib.sha256(b"").hexdigest()
        return params

    # -- authentication --------------------------------------------------------------------------------------
    def _check_timestamp(self, text: str | None, *, missing_code: str) -> None:
        if text is None:
            raise RpcError(400, missing_code, "Timestamp is mandatory for this action.")
        try:
            ts = parse_iso_utc(text)
        except ValueError:
            raise RpcError(400, "InvalidTimeStamp.Format",
                           "Specified time stamp or date value is not well formatted.") from None
        if abs(self._clock.wall() - ts) > self._max_skew():
            raise RpcError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.")

    def _resolve(self, access_key_id: str, token: str | None) -> tuple[str, Identity]:
        try:
            return self._iam.resolve(access_key_id, token)
        except CredentialError as exc:
            raise credential_rpc_error(exc) from None

    def _use_nonce(self, access_key_id: str, nonce: str) -> None:
        now = self._clock.wall()
        window = self._max_skew() * 2
        with self._nonce_lock:
            if len(self._nonces) > 100_000:
                for key in [k for k, t in self._nonces.items() if now - t > window]:
                    del self._nonces[key]
            seen = self._nonces.get((access_key_id, nonce))
            if seen is not None and now - seen <= window:
                raise RpcError(400, "SignatureNonceUsed", "Specified signature nonce was used already.")
            self._nonces[(access_key_id, nonce)] = now

    def _authenticate(self, req: Request, params: dict[str, str]) -> Identity:
        auth = req.header("Authorization") or ""
        if auth.startswith("ACS3-HMAC-SHA256"):
            return self._authenticate_acs3(req, auth)
        access_key_id = params.get("AccessKeyId")
        if not access_key_id:
            raise missing("AccessKeyId")
        if "Signature" not in params:
            raise missing("Signature")
        method = params.get("SignatureMethod")
        if method is None:
            raise missing("SignatureMethod")
        if method not in ("HMAC-SHA1", "HMAC-SHA256"):
            raise RpcError(400, "InvalidSignatureMethod", "Specified signature method is not valid.")
        if params.get("SignatureVersion") != "1.0":
            raise RpcError(400, "InvalidSignatureVersion", "Specified signature version is not valid.")
        self._check_timestamp(params.get("Timestamp"), missing_code="MissingTimestamp")
        nonce = params.get("SignatureNonce")
        if not nonce:
            raise missing("SignatureNonce")
        secret, identity = self._resolve(access_key_id, params.get("SecurityToken"))
        string_to_sign = rpc_v1_string_to_sign(req.method, params)
        expected = rpc_v1_signature(secret, string_to_sign, method)
        if not hmac.compare_digest(expected, params["Signature"]):
            raise RpcError(400, "SignatureDoesNotMatch",
                           "Specified signature is not matched with our calculation. server string to sign is:"
                           + string_to_sign)
        self._use_nonce(access_key_id, nonce)
        return identity

    def _authenticate_acs3(self, req: Request, auth: str) -> Identity:
        m = _ACS3_AUTH.match(auth.strip())
        if m is None:
            raise RpcError(400, "InvalidAuthorization", "Specified Authorization header is not valid.")
        access_key_id = m.group("cred").strip()
        signed = [h.strip().lower() for h in m.group("signed").split(";") if h.strip()]
        for needed in ("host", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"):
            if needed not in signed:
                raise RpcError(400, "InvalidAuthorization",
                               f"Specified Authorization header is not valid: {needed} must be signed.")
        body_hash = req.log.get("body_sha256", hashlib.sha256(b"").hexdigest())
        if (req.header("x-acs-content-sha256") or "").lower() != body_hash:
            raise RpcError(400, "ContentSHA256NotMatched",
                           "The x-acs-content-sha256 header does not match the request body.")
        self._check_timestamp(req.header("x-acs-date"), missing_code="MissingTimestamp")
        token = req.header("x-acs-security-token")
        secret, identity = self._resolve(access_key_id, token)
        canonical = acs3_canonical_request(req, signed, body_hash)
        string_to_sign = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical.encode()).hexdigest()
        expected = hmac.new(secret.encode(), string_to_sign.encode(), hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, m.group("sig")):
            raise RpcError(400, "SignatureDoesNotMatch",
                           "The request signature does not conform to Aliyun standards. server string to sign is:"
                           + string_to_sign)
        self._use_nonce(access_key_id, req.header("x-acs-signature-nonce") or "")
        return identity


def credential_rpc_error(exc: CredentialError) -> RpcError:
    """The POP gateway's answer for each credential problem."""
    p = exc.problem
    if p is CredentialProblem.NOT_FOUND:
        return RpcError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
    if p is CredentialProblem.INACTIVE:
        return RpcError(400, "InvalidAccessKeyId.Inactive", "Specified access key is disabled.")
    if p is CredentialProblem.TOKEN_MISSING:
        return RpcError(400, "MissingSecurityToken", "SecurityToken is mandatory for this action.")
    if p is CredentialProblem.TOKEN_MALFORMED:
        return RpcError(400, "InvalidSecurityToken.Malformed", "Specified SecurityToken is malformed.")
    if p is CredentialProblem.TOKEN_MISMATCH:
        return RpcError(400, "InvalidSecurityToken.MismatchWithAccessKey",
                        "Specified SecurityToken mismatch with the AccessKey.")
    return RpcError(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.")
