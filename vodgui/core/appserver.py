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

from vodgui.core.acceleration import with_accelerate
from vodgui.core.clock import Clock
from vodgui.core.credentials import Secret, StsToken, UploadTicket, parse_utc
from vodgui.core.errors import ErrorKind, VodError, classify_pop
from vodgui.core.messages import Message
from vodgui.core.network import check_appserver_url, failure_reason
from vodgui.core.pop import CachingTokenSigner, ConnectionOptions
from vodgui.core.retry import RetryObserver, RetryPolicy, call_with_retry
from vodgui.core.vod import VideoMetadata, ticket_from_response


class AppServerClient:
    def __init__(self, url: str, token: Secret, conn: ConnectionOptions, retry: RetryPolicy, clock: Clock, *,
                 accelerate: str | None = None) -> None:
        url = url.strip().rstrip("/")
        #: The profile's OSS accelerate endpoint, asked for in the UserData the AppServer passes to VOD.
        self.accelerate = accelerate
        check_appserver_url(url)  # the bearer token never travels in clear
        self.url = url
        self._token = token
        self._conn = conn
        self._retry = retry
        self._clock = clock
        self._session = conn.network.session("appserver")

    def _post_once(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        try:
            resp = self._session.post(
                f"{self.url}/{path}", json=body,
                timeout=(self._conn.connect_timeout, self._conn.read_timeout),
                headers={"Authorization": f"Bearer {self._token.reveal()}", "Accept": "application/json"},
            )
        except requests.RequestException as exc:
            raise VodError("AppServerUnreachable", params={"url": self.url, "reason": failure_reason(exc).to_dict()},
                           kind=ErrorKind.NETWORK, service="appserver", retryable=True) from None
        try:
            data = resp.json()
        except ValueError:
            data = None
        if resp.status_code == 401 or (resp.status_code == 403 and not isinstance(data, dict)):
            raise VodError("AppServerUnauthorized", kind=ErrorKind.AUTH_SECRET, service="appserver",
                           http_status=resp.status_code)
        if not isinstance(data, dict):
            if resp.status_code >= 500:
                raise VodError("InvalidResponse.NotJson", params={"action": f"AppServer {path}",
                                                                  "status": resp.status_code},
                               kind=ErrorKind.SERVER, service="appserver", http_status=resp.status_code,
                               retryable=True)
            raise contract_error(self.url, path, Message("appserver.not_json", {"status": resp.status_code}),
                                 resp.status_code)
        if resp.status_code >= 300:
            code = str(data.get("Code") or f"HTTP{resp.status_code}")
            rule = classify_pop(code, resp.status_code)
            raise VodError(code, str(data.get("Message") or ""), kind=rule.kind, service="appserver",
                           request_id=data.get("RequestId"), http_status=resp.status_code,
                           retryable=rule.retryable, details={"retry_after": resp.headers.get("Retry-After")})
        return data

    def _post(self, path: str, body: dict[str, Any], interrupt: threading.Event | None = None,
              on_retry: RetryObserver | None = None) -> dict[str, Any]:
        return call_with_retry(lambda: self._post_once(path, body), policy=self._retry, clock=self._clock,
                               what=f"appserver:{path}", interrupt=interrupt, on_retry=on_retry)

    def sts_token(self) -> StsToken:
        data = self._post("sts-token", {})  # the AppServer decides the duration and policy
        try:
            return StsToken(str(data["AccessKeyId"]), Secret(str(data["AccessKeySecret"])),
                            Secret(str(data["SecurityToken"])), parse_utc(str(data["Expiration"])))
        except (KeyError, ValueError):
            raise contract_error(self.url, "sts-token", Message("appserver.missing_fields", {
                "fields": ["AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration"]})) from None

    def create_upload_video(self, meta: VideoMetadata, file_name: str, file_size: int,
                            interrupt: threading.Event | None = None,
                            on_retry: RetryObserver | None = None) -> UploadTicket:
        params = meta.create_params(file_name, file_size)
        params["UserData"] = with_accelerate(params["UserData"], self.accelerate)
        params = {k: v for k, v in params.items() if v is not None}
        data = self._post("create-upload-video", params, interrupt, on_retry)
        return self._ticket("create-upload-video", data)

    def refresh_upload_video(self, video_id: str, interrupt: threading.Event | None = None,
                             on_retry: RetryObserver | None = None) -> UploadTicket:
        data = self._post("refresh-upload-video", {"VideoId": video_id}, interrupt, on_retry)
        data.setdefault("VideoId", video_id)
        return self._ticket("refresh-upload-video", data)

    def _ticket(self, path: str, data: dict[str, Any]) -> UploadTicket:
        try:
            return ticket_from_response(data, self._clock.now(), "appserver")
        except VodError as err:
            if err.code.startswith("InvalidResponse"):
                raise contract_error(self.url, path, Message("appserver.missing_fields", {
                    "fields": ["VideoId", "UploadAddress", "UploadAuth"]})) from None
            raise


def contract_error(url: str, path: str, what: Message, status: int | None = None) -> VodError:
    """The AppServer answered, but not as docs/appserver.md says (a wrong URL prefix, another service)."""
    return VodError("AppServerContractMismatch", params={"url": url, "path": path, "what": what.to_dict()},
                    kind=ErrorKind.CONFIG, service="appserver", http_status=status)


class AppServerStsSigner(CachingTokenSigner):
    """STS mode through an AppServer: its token is cached and renewed like AssumeRole's."""

    def __init__(self, client: AppServerClient, clock: Clock, margin: float = 300.0) -> None:
        super().__init__(client.sts_token, clock, margin, f"STS token from AppServer {client.url}")
