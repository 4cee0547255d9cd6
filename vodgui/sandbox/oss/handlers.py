"""PLACEHOLDER - being written."""

from __future__ import annotations

from vodgui.sandbox.http import Request, Response
from vodgui.sandbox.oss.models import OssModel
from vodgui.sandbox.service import SandboxContext


class OssService:
    def __init__(self, ctx: SandboxContext, model: OssModel) -> None:
        self._ctx = ctx
        self._model = model

    def wants(self, req: Request) -> bool:
        return True

    def classify(self, req: Request) -> tuple[str, str]:
        return "oss", "Unknown"

    def handle(self, req: Request) -> Response:
        return self.error_response(req, 501, "NotImplemented", "not yet")

    def error_response(self, req: Request, status: int, code: str, message: str) -> Response:
        return Response(status, [("x-oss-request-id", req.request_id)], f"<Error><Code>{code}</Code></Error>".encode())

    def reset(self) -> None:
        self._model.reset()
