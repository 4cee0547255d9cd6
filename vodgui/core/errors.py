"""Typed errors: what went wrong, where, whether trying again can help, and what the user should do.

Every failure that leaves the core is a :class:`VodError`. The retry policy looks only at ``retryable`` and
``refresh_credentials``, never at message text. Our own errors are data: ``code`` + ``params``, rendered by each
front end (:mod:`vodgui.core.messages`); ``message`` is then the English rendering, for logs and the CLI. A
service's error keeps the service's own words (redacted) in ``message``; the GUI explains it by ``kind`` and
``code``. ``request_id`` is what support needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from vodgui.core.messages import Message, english
from vodgui.core.redact import redact


class ErrorKind(Enum):
    """Broad cause, for the user-facing explanation."""

    NETWORK = "network"  # no route, refused, reset, timeout, proxy
    THROTTLED = "throttled"
    SERVER = "server"  # 5xx
    AUTH_KEY_ID = "auth_key_id"  # AccessKey ID unknown or disabled
    AUTH_SECRET = "auth_secret"  # wrong AccessKey secret / signature
    AUTH_EXPIRED = "auth_expired"  # temporary credentials expired
    CLOCK_SKEW = "clock_skew"
    PERMISSION = "permission"  # RAM / policy denial
    ROLE = "role"  # role not found / not trusted
    NOT_FOUND = "not_found"  # video, upload, object
    BAD_REQUEST = "bad_request"  # invalid parameter
    STATUS = "status"  # media in the wrong state
    FILE = "file"  # local file problem
    INTEGRITY = "integrity"  # CRC mismatch
    CONFIG = "config"  # profile / settings problem
    KEYCHAIN = "keychain"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


class VodError(Exception):
    """A failure with enough structure to explain and to decide on a retry.

    Attributes:
        code: the service's error code (``SignatureDoesNotMatch``) or a local one (``FileNotFound``), which is
            also its message code in :data:`vodgui.core.messages.ENGLISH`.
        message: the service's message, or ours rendered in English from ``code`` + ``params``; redacted.
        params: the values of our message (JSON, redacted), for a front end to render in its language.
        kind: broad cause.
        service: ``vod``, ``sts``, ``oss``, ``appserver`` or ``local``.
        request_id: the service's RequestId, for support.
        http_status: the HTTP status, if there was a response.
        retryable: trying the same request again later may succeed.
        refresh_credentials: the request may succeed with freshly issued temporary credentials.
    """

    def __init__(self, code: str, message: str | None = None, *, params: Mapping[str, Any] | None = None,
                 kind: ErrorKind = ErrorKind.UNKNOWN, service: str = "local", request_id: str | None = None,
                 http_status: int | None = None, retryable: bool = False, refresh_credentials: bool = False,
                 details: dict[str, Any] | None = None) -> None:
        self.code = code
        self.params: dict[str, Any] = {k: _redact_value(v) for k, v in (params or {}).items()}
        self.message = redact(english(code, self.params) if message is None else message)
        self.kind = kind
        self.service = service
        self.request_id = request_id or None
        self.http_status = http_status
        self.retryable = retryable
        self.refresh_credentials = refresh_credentials
        self.details = details or {}
        super().__init__(self.__str__())

    def __str__(self) -> str:
        rid = f" (RequestId {self.request_id})" if self.request_id else ""
        return f"{self.code}: {self.message}{rid}"

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "params": dict(self.params),
                "request_id": self.request_id, "kind": self.kind.value, "service": self.service,
                "http_status": self.http_status}

    def to_message(self) -> Message:
        """Our message as data (a service error: its code, without parameters)."""
        return Message(self.code, dict(self.params))


def _redact_value(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, (list, tuple)):
        return [_redact_value(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _redact_value(v) for k, v in value.items()}
    return value


class Cancelled(Exception):
    """The job was paused or cancelled while this call was in flight (not an error)."""


@dataclass(frozen=True)
class _Rule:
    kind: ErrorKind
    retryable: bool = False
    refresh: bool = False


# POP (VOD/STS) codes. Prefix rules are tried after exact ones (longest prefix first).
_POP_RULES: dict[str, _Rule] = {
    "InvalidAccessKeyId.NotFound": _Rule(ErrorKind.AUTH_KEY_ID),
    "InvalidAccessKeyId.Inactive": _Rule(ErrorKind.AUTH_KEY_ID),
    "InvalidAccessKeyId": _Rule(ErrorKind.AUTH_KEY_ID),
    "InvalidAccessKeySecret": _Rule(ErrorKind.AUTH_SECRET),
    "SignatureDoesNotMatch": _Rule(ErrorKind.AUTH_SECRET),
    "IncompleteSignature": _Rule(ErrorKind.AUTH_SECRET),
    "InvalidTimeStamp.Expired": _Rule(ErrorKind.CLOCK_SKEW),
    "InvalidTimeStamp.Format": _Rule(ErrorKind.CLOCK_SKEW),
    "SignatureNonceUsed": _Rule(ErrorKind.NETWORK, retryable=True),
    "InvalidSecurityToken.Expired": _Rule(ErrorKind.AUTH_EXPIRED, retryable=True, refresh=True),
    "InvalidSecurityToken.Malformed": _Rule(ErrorKind.AUTH_EXPIRED, retryable=True, refresh=True),
    "InvalidSecurityToken.MismatchWithAccessKey": _Rule(ErrorKind.AUTH_EXPIRED, retryable=True, refresh=True),
    "MissingSecurityToken": _Rule(ErrorKind.AUTH_EXPIRED, retryable=True, refresh=True),
    "Forbidden.RAM": _Rule(ErrorKind.PERMISSION),
    "NoPermission": _Rule(ErrorKind.PERMISSION),
    "Forbidden": _Rule(ErrorKind.PERMISSION),
    "EntityNotExist.Role": _Rule(ErrorKind.ROLE),
    "InvalidParameter.RoleSessionName": _Rule(ErrorKind.CONFIG),
    "InvalidParameter.DurationSeconds": _Rule(ErrorKind.CONFIG),
    "InvalidParameter.PolicyGrammar": _Rule(ErrorKind.CONFIG),
    "Forbidden.IllegalStatus": _Rule(ErrorKind.STATUS),
    "InvalidVideo.NotFound": _Rule(ErrorKind.NOT_FOUND),
    "InvalidVideo.NoneStream": _Rule(ErrorKind.NOT_FOUND),
    "Throttling": _Rule(ErrorKind.THROTTLED, retryable=True),
    "ServiceUnavailable": _Rule(ErrorKind.SERVER, retryable=True),
    "InternalError": _Rule(ErrorKind.SERVER, retryable=True),
    "AddVideoFailed": _Rule(ErrorKind.SERVER, retryable=True),
    "SDK.HttpError": _Rule(ErrorKind.NETWORK, retryable=True),
    "SDK.ServerUnreachable": _Rule(ErrorKind.NETWORK, retryable=True),
    "SDK.EndpointResolvingError": _Rule(ErrorKind.CONFIG),
    "SDK.InvalidCredential": _Rule(ErrorKind.CONFIG),
    "SDK.UnknownServerError": _Rule(ErrorKind.SERVER, retryable=True),
    "Missing": _Rule(ErrorKind.BAD_REQUEST),
    "Invalid": _Rule(ErrorKind.BAD_REQUEST),
    "IllegalCharacters": _Rule(ErrorKind.BAD_REQUEST),
    "LengthExceededMax": _Rule(ErrorKind.BAD_REQUEST),
    "TagsExceededMax": _Rule(ErrorKind.BAD_REQUEST),
}

# OSS codes (oss2 exceptions carry them in .code).
_OSS_RULES: dict[str, _Rule] = {
    "SecurityTokenExpired": _Rule(ErrorKind.AUTH_EXPIRED, retryable=True, refresh=True),
    "InvalidSecurityToken": _Rule(ErrorKind.AUTH_EXPIRED, retryable=True, refresh=True),
    "InvalidAccessKeyId": _Rule(ErrorKind.AUTH_EXPIRED, retryable=True, refresh=True),
    "SignatureDoesNotMatch": _Rule(ErrorKind.AUTH_SECRET),
    "RequestTimeTooSkewed": _Rule(ErrorKind.CLOCK_SKEW),
    "AccessDenied": _Rule(ErrorKind.PERMISSION),
    "NoSuchUpload": _Rule(ErrorKind.NOT_FOUND),
    "NoSuchKey": _Rule(ErrorKind.NOT_FOUND),
    "NoSuchBucket": _Rule(ErrorKind.NOT_FOUND),
    "InvalidPart": _Rule(ErrorKind.BAD_REQUEST),
    "InvalidPartOrder": _Rule(ErrorKind.BAD_REQUEST),
    "EntityTooSmall": _Rule(ErrorKind.BAD_REQUEST),
    "InvalidArgument": _Rule(ErrorKind.BAD_REQUEST),
    "InvalidDigest": _Rule(ErrorKind.INTEGRITY, retryable=True),
    "BadDigest": _Rule(ErrorKind.INTEGRITY, retryable=True),
    "RequestTimeout": _Rule(ErrorKind.NETWORK, retryable=True),
    "SlowDown": _Rule(ErrorKind.THROTTLED, retryable=True),
    # OSS's own flow-control answers (503, and 429 QpsLimitExceeded): docs/protocols.md "Throttling".
    "TotalQpsLimitExceeded": _Rule(ErrorKind.THROTTLED, retryable=True),
    "QpsLimitExceeded": _Rule(ErrorKind.THROTTLED, retryable=True),
    "MetaOperationQpsLimitExceeded": _Rule(ErrorKind.THROTTLED, retryable=True),
    "ActiveRequestLimitExceeded": _Rule(ErrorKind.THROTTLED, retryable=True),
    "CpuLimitExceeded": _Rule(ErrorKind.THROTTLED, retryable=True),
    "UploadTrafficRateLimitExceeded": _Rule(ErrorKind.THROTTLED, retryable=True),
    "DownloadTrafficRateLimitExceeded": _Rule(ErrorKind.THROTTLED, retryable=True),
    "ServiceUnavailable": _Rule(ErrorKind.SERVER, retryable=True),
    "InternalError": _Rule(ErrorKind.SERVER, retryable=True),
}


def _lookup(rules: dict[str, _Rule], code: str) -> _Rule | None:
    if code in rules:
        return rules[code]
    for prefix in sorted(rules, key=len, reverse=True):
        if code.startswith(prefix):
            return rules[prefix]
    return None


def classify_pop(code: str, http_status: int | None) -> _Rule:
    rule = _lookup(_POP_RULES, code)
    if rule is not None:
        return rule
    if http_status is not None and http_status >= 500:
        return _Rule(ErrorKind.SERVER, retryable=True)
    if http_status == 429:
        return _Rule(ErrorKind.THROTTLED, retryable=True)
    if http_status == 403:
        return _Rule(ErrorKind.PERMISSION)
    if http_status == 404:
        return _Rule(ErrorKind.NOT_FOUND)
    return _Rule(ErrorKind.BAD_REQUEST if http_status and 400 <= http_status < 500 else ErrorKind.UNKNOWN)


def from_pop_exception(exc: Exception, service: str) -> VodError:
    """Translate aliyunsdkcore's ServerException / ClientException."""
    code = str(getattr(exc, "error_code", None) or getattr(exc, "get_error_code", lambda: "Unknown")())
    get_msg = getattr(exc, "get_error_msg", None)
    message = str(get_msg() if callable(get_msg) else exc)
    get_status = getattr(exc, "get_http_status", None)
    status = get_status() if callable(get_status) else None
    get_rid = getattr(exc, "get_request_id", None)
    request_id = get_rid() if callable(get_rid) else None
    rule = classify_pop(code, status)
    if code == "SignatureDoesNotMatch":
        # The SDK failed to recognise a wrong secret (it does so only for typed requests); the server's
        # string-to-sign is noise for a user and contains the token.
        message = "The request signature does not match: the AccessKey secret is probably wrong."
    return VodError(code, message, kind=rule.kind, service=service, request_id=request_id, http_status=status,
                    retryable=rule.retryable, refresh_credentials=rule.refresh)


def from_oss_exception(exc: Exception) -> VodError:
    """Translate an oss2 exception (status -2 network, -3 CRC mismatch, otherwise the HTTP status)."""
    status = int(getattr(exc, "status", 0) or 0)
    code = str(getattr(exc, "code", "") or "")
    message = str(getattr(exc, "message", "") or "")
    request_id = str(getattr(exc, "request_id", "") or "") or None
    if status == -2:  # oss2 RequestError: connection refused/reset/timeout
        inner = getattr(exc, "exception", exc)
        return VodError("NetworkError", params={"service": "OSS", "reason": f"{type(inner).__name__}: {inner}"},
                        kind=ErrorKind.NETWORK, service="oss", retryable=True)
    if status == -3:  # oss2 InconsistentError: CRC64 mismatch between what we sent and what OSS stored
        return VodError("InconsistentError", params={"detail": str(getattr(exc, "body", exc))},
                        kind=ErrorKind.INTEGRITY, service="oss", request_id=request_id, retryable=True)
    if not code:
        code = "ClientError" if status < 0 else f"HTTP{status}"
        message = message or str(getattr(exc, "body", "") or exc)
    rule = _lookup(_OSS_RULES, code)
    if rule is None:
        if status == 429:
            rule = _Rule(ErrorKind.THROTTLED, retryable=True)
        elif status >= 500:
            rule = _Rule(ErrorKind.SERVER, retryable=True)
        elif status == 403:
            rule = _Rule(ErrorKind.PERMISSION)
        else:
            rule = _Rule(ErrorKind.UNKNOWN)
    if code == "SignatureDoesNotMatch":
        message = "OSS rejected the request signature."  # the details quote the string-to-sign with the token
    return VodError(code, message, kind=rule.kind, service="oss", request_id=request_id,
                    http_status=status if status > 0 else None, retryable=rule.retryable,
                    refresh_credentials=rule.refresh, details={"ec": getattr(exc, "ec", ""),
                                                               "retry_after": _header(exc, "Retry-After")})


def _header(exc: Exception, name: str) -> str | None:
    headers = getattr(exc, "headers", None) or {}
    value = headers.get(name) if hasattr(headers, "get") else None
    return str(value) if value is not None else None


def config_error(code: str, message: str | None = None, *, params: Mapping[str, Any] | None = None) -> VodError:
    """A profile/settings/input problem: ``code`` + ``params`` (``message`` only for text not ours)."""
    return VodError(code, message, params=params, kind=ErrorKind.CONFIG)
