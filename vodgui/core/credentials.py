"""Credential values: secrets that never print, and the VOD upload blobs decoded and validated.

``UploadAddress`` and ``UploadAuth`` are base64 JSON (docs/protocols.md, 'UploadAddress and UploadAuth').
``Expiration`` in UploadAuth is a duration in seconds, ``ExpireUTCTime`` the absolute expiry; we prefer the latter
and fall back to the former.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.redact import mask, register


class Secret:
    """A string that shows as ``***`` in repr/str/format; call :meth:`reveal` to use it.

    Creating one registers it with the redactor, so even a leak through an f-string in some log line is masked.
    """

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value
        register(value)

    def reveal(self) -> str:
        return self._value

    def masked(self) -> str:
        return mask(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return "Secret('***')"

    def __str__(self) -> str:
        return "***"

    def __format__(self, spec: str) -> str:
        return "***"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Secret", self._value))

    def __reduce__(self) -> Any:  # refuse to be pickled into some cache by accident
        raise TypeError("Secret values cannot be pickled")


@dataclass(frozen=True)
class AccessKey:
    access_key_id: str
    access_key_secret: Secret


@dataclass(frozen=True)
class StsToken:
    """Temporary credentials from AssumeRole (or an AppServer). ``expires_at`` is epoch seconds."""

    access_key_id: str
    access_key_secret: Secret
    security_token: Secret
    expires_at: float

    def expires_within(self, seconds: float, now: float) -> bool:
        return now >= self.expires_at - seconds


def parse_utc(text: str) -> float:
    """ISO-8601 UTC as the services write it (``2026-11-22T07:32:39Z``, optional fraction)."""
    value = text.strip()
    if value.endswith("Z"):
        value = value[:-1] + "+00:00"
    dt = datetime.fromisoformat(value)
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()


def format_utc(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _decode_blob(name: str, blob: str) -> dict[str, Any]:
    try:
        raw = base64.b64decode(blob.strip() + "=" * (-len(blob.strip()) % 4), validate=False)
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise VodError("InvalidResponse.Blob", params={"name": name}, kind=ErrorKind.SERVER) from None
    if not isinstance(data, dict):
        raise VodError("InvalidResponse.BlobNotObject", params={"name": name}, kind=ErrorKind.SERVER)
    return data


def _require(name: str, data: dict[str, Any], *fields: str) -> None:
    missing = [f for f in fields if not str(data.get(f) or "").strip()]
    if missing:
        raise VodError("InvalidResponse.BlobFields", params={"name": name, "fields": missing}, kind=ErrorKind.SERVER)


@dataclass(frozen=True)
class UploadAddress:
    """Where the file goes: the OSS endpoint, bucket and object key (``FileName``)."""

    endpoint: str
    bucket: str
    file_name: str
    object_prefix: str | None = None

    @classmethod
    def decode(cls, blob: str) -> UploadAddress:
        data = _decode_blob("UploadAddress", blob)
        _require("UploadAddress", data, "Endpoint", "Bucket", "FileName")
        endpoint = str(data["Endpoint"]).strip()
        if "://" not in endpoint:
            endpoint = "https://" + endpoint
        return cls(endpoint, str(data["Bucket"]), str(data["FileName"]), data.get("ObjectPrefix") or None)

    def encode(self) -> str:
        data = {"Endpoint": self.endpoint, "Bucket": self.bucket, "FileName": self.file_name}
        if self.object_prefix:
            data["ObjectPrefix"] = self.object_prefix
        return base64.b64encode(json.dumps(data).encode()).decode()


@dataclass(frozen=True)
class UploadAuth:
    """The temporary OSS keys for one video's object."""

    access_key_id: str
    access_key_secret: Secret
    security_token: Secret
    expires_at: float
    region: str | None = None

    @classmethod
    def decode(cls, blob: str, now: float) -> UploadAuth:
        register(blob)  # the blob itself is a credential
        data = _decode_blob("UploadAuth", blob)
        _require("UploadAuth", data, "AccessKeyId", "AccessKeySecret", "SecurityToken")
        expires_at: float | None = None
        if data.get("ExpireUTCTime"):
            try:
                expires_at = parse_utc(str(data["ExpireUTCTime"]))
            except ValueError:
                expires_at = None
        if expires_at is None and str(data.get("Expiration") or "").strip():
            try:
                expires_at = now + float(data["Expiration"])
            except ValueError:
                expires_at = None
        if expires_at is None:
            raise VodError("InvalidResponse.NoExpiry", kind=ErrorKind.SERVER)
        return cls(str(data["AccessKeyId"]), Secret(str(data["AccessKeySecret"])),
                   Secret(str(data["SecurityToken"])), expires_at, data.get("Region") or None)


@dataclass(frozen=True)
class UploadTicket:
    """What CreateUploadVideo / RefreshUploadVideo (or an AppServer) returns for one video."""

    video_id: str
    address: UploadAddress
    auth: UploadAuth
    request_id: str | None = None
