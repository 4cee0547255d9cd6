"""OSS test helpers: a VOD-style bucket, upload credentials scoped to one object, oss2 clients, raw requests."""

from __future__ import annotations

import http.client
import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

import oss2

from tests.helpers.sdk import oss_bucket
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.iam import TempCredential


@dataclass
class Upload:
    """A bucket, an object key, upload credentials for it and an oss2 Bucket using them."""

    sandbox: SandboxServer
    bucket_name: str
    key: str
    cred: TempCredential
    bucket: oss2.Bucket

    def client(self, *, key: str | None = None, v4: bool = False, secret: str | None = None,
               token: str | None = None, access_key_id: str | None = None) -> oss2.Bucket:
        """Another oss2 Bucket on the same bucket, optionally with altered credentials."""
        return oss_bucket(self.sandbox.url, self.bucket_name, access_key_id or self.cred.access_key_id,
                          secret or self.cred.access_key_secret,
                          self.cred.security_token if token is None else token, v4=v4,
                          region=self.sandbox.config.region)


def new_bucket(sandbox: SandboxServer) -> str:
    name = "outin-" + os.urandom(16).hex()
    sandbox.context.models["oss"].ensure_bucket(name)
    return name


def issue(sandbox: SandboxServer, bucket: str, *, key: str | None = None, prefix: str | None = None,
          ttl: float = 3000, access: str | None = None) -> TempCredential:
    scope: dict[str, str] = {"bucket": bucket}
    if key is not None:
        scope["key"] = key
    if prefix is not None:
        scope["prefix"] = prefix
    if access is not None:
        scope["access"] = access
    return sandbox.context.iam.issue("upload", ttl, scope=scope)


def upload(sandbox: SandboxServer, key: str = "sv/5b1e0a7c-18f3a1b2c3d/5b1e0a7c-18f3a1b2c3d.mp4", *,
           prefix: str | None = None, **kwargs: Any) -> Upload:
    """A fresh bucket and write credentials for ``key`` in it (what CreateUploadVideo hands out), or for
    every key under ``prefix``."""
    name = new_bucket(sandbox)
    cred = issue(sandbox, name, prefix=prefix, **kwargs) if prefix else issue(sandbox, name, key=key, **kwargs)
    client = oss_bucket(sandbox.url, name, cred.access_key_id, cred.access_key_secret, cred.security_token)
    return Upload(sandbox, name, key, cred, client)


def signed_headers(up: Upload, method: str, key: str, params: dict[str, str] | None = None,
                   headers: dict[str, str] | None = None, auth: Any = None) -> tuple[str, dict[str, str]]:
    """(path with query, headers) of a request signed exactly as oss2 signs it, for raw HTTP tests."""
    url = f"{up.sandbox.url}/{up.bucket_name}/{quote(key, safe='')}"
    req = oss2.http.Request(method, url, params=params or {}, headers=headers or {})
    auth = auth or oss2.StsAuth(up.cred.access_key_id, up.cred.access_key_secret, up.cred.security_token)
    auth._sign_request(req, up.bucket_name, key)
    path = urlsplit(url).path
    if req.params:
        path += "?" + "&".join(f"{k}={quote(v, safe='')}" if v else k for k, v in req.params.items())
    return path, {k: v for k, v in req.headers.items() if v is not None}


def raw_request(sandbox: SandboxServer, method: str, path: str, headers: dict[str, str] | None = None,
                body: bytes = b"") -> tuple[int, dict[str, str], bytes]:
    """Send one request with http.client (no SDK); returns (status, lower-cased headers, body)."""
    parts = urlsplit(sandbox.url)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()
