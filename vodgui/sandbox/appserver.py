"""The reference AppServer, under ``/_appserver/``: the team's own server that hands out upload credentials so
content teams never hold an AccessKey.

It is deliberately small and boring, because teams copy its contract (docs/appserver.md) for their own server:
a bearer token, JSON in and out, three endpoints, and VOD/STS errors passed through with their status.

========  ===================================  ==========================================================
Method    Path                                 Effect
========  ===================================  ==========================================================
POST      /_appserver/sts-token                AssumeRole (first role, as the first RAM user)
POST      /_appserver/create-upload-video      VOD CreateUploadVideo with the JSON fields as parameters
POST      /_appserver/refresh-upload-video     VOD RefreshUploadVideo for ``{"VideoId": ...}``
========  ===================================  ==========================================================
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable
from typing import Any, Protocol

from vodgui.sandbox.http import Request, Response
from vodgui.sandbox.iam import Identity
from vodgui.sandbox.rpc import RpcError, json_response, missing
from vodgui.sandbox.service import SandboxContext
from vodgui.sandbox.sts.models import StsModel

PREFIX = "/_appserver"
#: The RoleSessionName the AppServer uses; shows up in the assumed-role ARN of every token it hands out.
SESSION_NAME = "vodgui-appserver"

#: CreateUploadVideo parameters the endpoint forwards; anything else is refused, so a typo is not lost.
UPLOAD_FIELDS = ("Title", "FileName", "FileSize", "Description", "CoverURL", "CateId", "Tags",
                 "TemplateGroupId", "WorkflowId", "StorageLocation", "AppId", "UserData")


class VodUploads(Protocol):
    """What the AppServer needs from the VOD model."""

    def create_upload_video(self, params: dict[str, str]) -> dict[str, Any]:
        """CreateUploadVideo: ``VideoId``, ``UploadAddress``, ``UploadAuth``; raises RpcError."""

    def refresh_upload_video(self, video_id: str) -> dict[str, Any]:
        """RefreshUploadVideo: ``VideoId``, ``UploadAddress``, ``UploadAuth``; raises RpcError."""


class AppServerError(Exception):
    """An AppServer answer other than success: HTTP status, ``Code`` and ``Message``."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.status = status
        self.code = code
        self.message = message


def _scalar(name: str, value: Any) -> str:
    """A JSON value as the string VOD receives: numbers in decimal, objects (UserData) as compact JSON."""
    if isinstance(value, bool):
        raise AppServerError(400, "InvalidParameter", f"{name} must be a string or a number, not a boolean.")
    if isinstance(value, int | str):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict | list) and name in ("UserData", "Policy"):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    raise AppServerError(400, "InvalidParameter", f"{name} must be a string or a number.")


class AppServerService:
    """The reference AppServer mounted on the sandbox port.

    Args:
        ctx: the sandbox context (``appserver_token``, the first RAM user and role).
        vod_model: CreateUploadVideo / RefreshUploadVideo.
        sts_model: AssumeRole.
    """

    def __init__(self, ctx: SandboxContext, vod_model: VodUploads, sts_model: StsModel) -> None:
        self._ctx = ctx
        self._vod = vod_model
        self._sts = sts_model
        self._routes: dict[str, Callable[[Request, dict[str, Any]], dict[str, Any]]] = {
            "sts-token": self._sts_token,
            "create-upload-video": self._create_upload_video,
            "refresh-upload-video": self._refresh_upload_video,
        }

    # -- Service protocol ------------------------------------------------------------------------------------
    def wants(self, req: Request) -> bool:
        return req.raw_path == PREFIX or req.raw_path.startswith(PREFIX + "/")

    def classify(self, req: Request) -> tuple[str, str]:
        return "appserver", req.raw_path[len(PREFIX):].strip("/") or "index"

    def reset(self) -> None:
        pass  # stateless: every answer comes from the VOD and STS models

    def error_response(self, req: Request, status: int, code: str, message: str) -> Response:
        req.log["code"] = code
        return json_response(status, {"Code": code, "Message": message, "RequestId": req.request_id})

    def handle(self, req: Request) -> Response:
        try:
            name = req.raw_path[len(PREFIX):].strip("/")
            route = self._routes.get(name)
            if route is None:
                raise AppServerError(404, "NotFound", f"No AppServer endpoint {req.raw_path}.")
            if req.method != "POST":
                resp = self.error_response(req, 405, "MethodNotAllowed",
                                           f"{req.method} is not allowed on {req.raw_path}; use POST.")
                resp.headers.append(("Allow", "POST"))
                return resp
            self._authorize(req)
            body = route(req, self._body(req))
        except AppServerError as exc:
            resp = self.error_response(req, exc.status, exc.code, exc.message)
            if exc.status == 401:
                resp.headers.append(("WWW-Authenticate", 'Bearer realm="vodgui-appserver"'))
            return resp
        except RpcError as exc:
            return self.error_response(req, exc.status, exc.code, exc.message)
        return json_response(200, {**body, "RequestId": req.request_id})

    # -- request parts ---------------------------------------------------------------------------------------
    def _authorize(self, req: Request) -> None:
        header = req.header("Authorization")
        if not header:
            raise AppServerError(401, "MissingToken", "The Authorization: Bearer <token> header is missing.")
        scheme, _, token = header.strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AppServerError(401, "InvalidToken", "The Authorization header must be 'Bearer <token>'.")
        if not hmac.compare_digest(token.strip().encode(), self._ctx.config.appserver_token.encode()):
            raise AppServerError(401, "InvalidToken", "The bearer token is not valid.")

    @staticmethod
    def _body(req: Request) -> dict[str, Any]:
        try:
            raw = req.body.read(64 * 1024)
        except ValueError:
            raise AppServerError(413, "RequestTooLarge", "The request body is larger than 64 KiB.") from None
        if not raw.strip():
            return {}
        try:
            data = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise AppServerError(400, "MalformedJSON",
                                 f"The request body is not valid JSON: {exc}.") from None
        if not isinstance(data, dict):
            raise AppServerError(400, "MalformedJSON", "The request body must be a JSON object.")
        return data

    @staticmethod
    def _only(body: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, str]:
        unknown = sorted(set(body) - set(allowed))
        if unknown:
            raise AppServerError(400, "InvalidParameter",
                                 f"Unknown field {unknown[0]!r}; accepted fields: {', '.join(allowed)}.")
        return {k: _scalar(k, v) for k, v in body.items() if v is not None}

    # -- endpoints -------------------------------------------------------------------------------------------
    def _sts_token(self, req: Request, body: dict[str, Any]) -> dict[str, Any]:
        fields = self._only(body, ("DurationSeconds", "Policy"))
        duration: int | None = None
        if "DurationSeconds" in fields:
            try:
                duration = int(fields["DurationSeconds"])
            except ValueError:
                raise AppServerError(400, "InvalidParameter.DurationSeconds",
                                     "DurationSeconds must be a whole number of seconds.") from None
        config = self._ctx.config
        if not config.user_keys or not config.roles:
            raise AppServerError(500, "NotConfigured",
                                 "The sandbox has no RAM user key or no role configured.")
        key = config.user_keys[0]
        # The AppServer holds the RAM user's AccessKey and acts as that user, as a team's server would.
        identity = Identity("user", key.access_key_id, config.account_id, user=key.owner)
        answer = self._sts.assume_role(identity, config.role_arn(config.roles[0]), SESSION_NAME, duration,
                                       fields.get("Policy"), req.client)
        creds = answer["Credentials"]
        return {k: creds[k] for k in ("AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration")}

    def _create_upload_video(self, req: Request, body: dict[str, Any]) -> dict[str, Any]:
        params = self._only(body, UPLOAD_FIELDS)
        return self._upload_answer(self._vod.create_upload_video(params))

    def _refresh_upload_video(self, req: Request, body: dict[str, Any]) -> dict[str, Any]:
        params = self._only(body, ("VideoId",))
        video_id = params.get("VideoId", "")
        if not video_id:
            raise missing("VideoId")
        return self._upload_answer(self._vod.refresh_upload_video(video_id))

    @staticmethod
    def _upload_answer(answer: dict[str, Any]) -> dict[str, Any]:
        return {k: answer[k] for k in ("VideoId", "UploadAddress", "UploadAuth")}
