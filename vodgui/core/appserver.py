"""Client for a team's AppServer: it holds the AccessKey, we hold only a bearer token.

The contract (docs/appserver.md, implemented by the sandbox's reference AppServer):

* ``POST {url}/sts-token`` -> ``{AccessKeyId, AccessKeySecret, SecurityToken, Expiration}``
* ``POST {url}/create-upload-video`` with CreateUploadVideo parameters -> ``{VideoId, UploadAddress, UploadAuth}``
* ``POST {url}/refresh-upload-video`` with ``{VideoId}`` -> the same
* errors: ``{Code, Message, RequestId}`` with an HTTP error status.
"""

from __future__ import annotations

import threading
from typing import Any

import requests

from vodgui.core.clock import Clock
from vodgui.core.credentials import Secret, StsToken, UploadTicket, parse_utc
from vodgui.core.errors import ErrorKind, VodError, classify_pop
from vodgui.core.pop import CachingTokenSigner, ConnectionOptions
from vodgui.core.retry import RetryPolicy, call_with_retry
from vodgui.core.vod import VideoMetadata, ticket_from_response


class AppServerClient:
    def __init__(self, url: str, token: Secret, conn: ConnectionOptions, retry: RetryPolicy, clock: Clock) -> None:
        url = url.strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise VodError("InvalidAppServerURL", kind=ErrorKind.CONFIG)
        self.url = url
        self._token = token
        self._conn = conn
        self._retry = retry
        self._clock = clock
        self._session = requests.Session()
        self._session.trust_env = conn.proxy is None  # an explicit proxy setting wins over the environment

    def _post_once(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        try:
            resp = self._session.post(
                f"{self.url}/{path}", json=body, proxies=self._conn.proxies(),
                timeout=(self._conn.connect_timeout, self._conn.read_timeout),
                headers={"Authorization": f"Bearer {self._token.reveal()}", "Accept": "application/json"},
            )
        except requests.RequestException as exc:
            raise VodError("NetworkError", params={"service": f"AppServer {self.url}", "reason": type(exc).__name__},
                           kind=ErrorKind.NETWORK, service="appserver", retryable=True) from None
        try:
            data = resp.json()
        except ValueError:
            data = None
        if resp.status_code == 401 or (resp.status_code == 403 and not isinstance(data, dict)):
            raise VodError("AppServerUnauthorized", kind=ErrorKind.AUTH_SECRET, service="appserver",
                           http_status=resp.status_code)
        if not isinstance(data, dict):
            raise VodError("InvalidResponse.NotJson", params={"action": f"AppServer {path}",
                                                              "status": resp.status_code},
                           kind=ErrorKind.SERVER, service="appserver", http_status=resp.status_code,
                           retryable=resp.status_code >= 500)
        if resp.status_code >= 300:
            code = str(data.get("Code") or f"HTTP{resp.status_code}")
            rule = classify_pop(code, resp.status_code)
            raise VodError(code, str(data.get("Message") or ""), kind=rule.kind, service="appserver",
                           request_id=data.get("RequestId"), http_status=resp.status_code,
                           retryable=rule.retryable)
        return data

    def _post(self, path: str, body: dict[str, Any], interrupt: threading.Event | None = None) -> dict[str, Any]:
        return call_with_retry(lambda: self._post_once(path, body), policy=self._retry, clock=self._clock,
                               what=f"appserver:{path}", interrupt=interrupt)

    def sts_token(self) -> StsToken:
        data = self._post("sts-token", {})  # the AppServer decides the duration and policy
        try:
            return StsToken(str(data["AccessKeyId"]), Secret(str(data["AccessKeySecret"])),
                            Secret(str(data["SecurityToken"])), parse_utc(str(data["Expiration"])))
        except (KeyError, ValueError):
            raise VodError("InvalidResponse.MissingFields", params={
                "action": "AppServer sts-token",
                "fields": ["AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"]},
                kind=ErrorKind.SERVER, service="appserver") from None

    def create_upload_video(self, meta: VideoMetadata, file_name: str, file_size: int,
                            interrupt: threading.Event | None = None) -> UploadTicket:
        params = {k: v for k, v in meta.create_params(file_name, file_size).items() if v is not None}
        data = self._post("create-upload-video", params, interrupt)
        return ticket_from_response(data, self._clock.now(), "appserver")

    def refresh_upload_video(self, video_id: str, interrupt: threading.Event | None = None) -> UploadTicket:
        data = self._post("refresh-upload-video", {"VideoId": video_id}, interrupt)
        data.setdefault("VideoId", video_id)
        return ticket_from_response(data, self._clock.now(), "appserver")


class AppServerStsSigner(CachingTokenSigner):
    """STS mode through an AppServer: its token is cached and renewed like AssumeRole's."""

    def __init__(self, client: AppServerClient, clock: Clock, margin: float = 300.0) -> None:
        super().__init__(client.sts_token, clock, margin, f"STS token from AppServer {client.url}")
