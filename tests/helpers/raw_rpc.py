"""Hand-built POP RPC requests over http.client, for tests that must send what no SDK would send.

The signing here is written from docs/protocols.md, 'RPC v1 signature', independently of the sandbox's code, so
a test that passes proves the sandbox agrees with the documented algorithm, not merely with itself.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlencode, urlsplit


def pop_encode(value: str) -> str:
    """RFC 3986: only ``A-Za-z0-9-_.~`` unescaped."""
    return quote(value, safe="~")


def string_to_sign(method: str, params: dict[str, str]) -> str:
    canonical = "&".join(f"{pop_encode(k)}={pop_encode(v)}" for k, v in sorted(params.items()))
    return f"{method}&%2F&{pop_encode(canonical)}"


def sign(secret: str, text: str, digest: Any = hashlib.sha1) -> str:
    return base64.b64encode(hmac.new((secret + "&").encode(), text.encode(), digest).digest()).decode()


def timestamp(offset: float = 0.0) -> str:
    return datetime.fromtimestamp(datetime.now(UTC).timestamp() + offset, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def common_params(action: str, version: str, access_key_id: str, *, token: str | None = None,
                  region: str = "cn-shanghai") -> dict[str, str]:
    """The parameters aliyun-python-sdk-core adds, ``SignatureType`` blank as it sends it."""
    params = {
        "Action": action,
        "Version": version,
        "Format": "JSON",
        "RegionId": region,
        "Timestamp": timestamp(),
        "SignatureMethod": "HMAC-SHA1",
        "SignatureVersion": "1.0",
        "SignatureType": "",
        "SignatureNonce": uuid.uuid4().hex,
        "AccessKeyId": access_key_id,
    }
    if token is not None:
        params["SecurityToken"] = token
    return params


def signed(action: str, version: str, access_key_id: str, secret: str, extra: dict[str, str] | None = None, *,
           method: str = "POST", token: str | None = None, **overrides: str | None) -> dict[str, str]:
    """Common + business parameters with a valid ``Signature``.

    ``overrides`` replace common parameters before signing; ``None`` removes one.
    """
    params = common_params(action, version, access_key_id, token=token)
    params.update(extra or {})
    for name, value in overrides.items():
        if value is None:
            params.pop(name, None)
        else:
            params[name] = value
    digest = hashlib.sha256 if params.get("SignatureMethod") == "HMAC-SHA256" else hashlib.sha1
    params["Signature"] = sign(secret, string_to_sign(method, params), digest)
    return params


@dataclass
class RawResponse:
    status: int
    headers: dict[str, str]
    body: dict[str, Any]

    @property
    def code(self) -> str | None:
        value = self.body.get("Code")
        return None if value is None else str(value)

    @property
    def message(self) -> str:
        return str(self.body.get("Message", ""))


def send(base_url: str, method: str, query: dict[str, str] | None = None, form: dict[str, str] | None = None,
         headers: dict[str, str] | None = None, path: str = "/") -> RawResponse:
    """Send one request to the sandbox and decode the JSON answer."""
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
    try:
        target = path + ("?" + urlencode(query, quote_via=quote) if query else "")
        body = urlencode(form, quote_via=quote).encode() if form is not None else None
        hdrs = dict(headers or {})
        if form is not None:
            hdrs.setdefault("Content-Type", "application/x-www-form-urlencoded")
        conn.request(method, target, body=body, headers=hdrs)
        resp = conn.getresponse()
        raw = resp.read()
        return RawResponse(resp.status, {k.lower(): v for k, v in resp.getheaders()},
                           json.loads(raw) if raw else {})
    finally:
        conn.close()


def acs3_headers(method: str, host: str, action: str, version: str, access_key_id: str, secret: str,
                 query: dict[str, str] | None = None, body: bytes = b"", *, token: str | None = None,
                 extra_headers: dict[str, str] | None = None, unsigned: tuple[str, ...] = (),
                 date: str | None = None, nonce: str | None = None) -> dict[str, str]:
    """Headers for an ACS3-HMAC-SHA256 request, signed as the Tea SDK signs (docs/protocols.md,
    'ACS3-HMAC-SHA256').

    Every header is signed except those named in ``unsigned`` (which are still sent).
    """
    headers = {
        "host": host,
        "x-acs-action": action,
        "x-acs-version": version,
        "x-acs-date": date or timestamp(),
        "x-acs-signature-nonce": nonce or uuid.uuid4().hex,
        "x-acs-content-sha256": hashlib.sha256(body).hexdigest(),
        "accept": "application/json",
    }
    if token is not None:
        headers["x-acs-accesskey-id"] = access_key_id
        headers["x-acs-security-token"] = token
    headers.update(extra_headers or {})
    signed_names = sorted(k.lower() for k in headers if k.lower() not in unsigned)
    lower = {k.lower(): v for k, v in headers.items()}
    canonical_query = "&".join(f"{k}={pop_encode(v)}" for k, v in sorted((query or {}).items()))
    canonical_headers = "".join(f"{k}:{lower[k].strip()}\n" for k in signed_names)
    canonical = "\n".join([method, "/", canonical_query, canonical_headers, ";".join(signed_names),
                           headers["x-acs-content-sha256"]])
    to_sign = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical.encode()).hexdigest()
    signature = hmac.new(secret.encode(), to_sign.encode(), hashlib.sha256).hexdigest()
    headers["Authorization"] = (f"ACS3-HMAC-SHA256 Credential={access_key_id},"
                                f"SignedHeaders={';'.join(signed_names)},Signature={signature}")
    return headers


def send_raw(base_url: str, method: str, query: dict[str, str] | None, headers: dict[str, str],
             body: bytes = b"") -> RawResponse:
    """Send exactly these headers and body (for ACS3, where the body hash is signed)."""
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
    try:
        target = "/" + ("?" + urlencode(query, quote_via=quote) if query else "")
        conn.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            conn.putheader(name, value)
        conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        resp = conn.getresponse()
        raw = resp.read()
        return RawResponse(resp.status, {k.lower(): v for k, v in resp.getheaders()},
                           json.loads(raw) if raw else {})
    finally:
        conn.close()
