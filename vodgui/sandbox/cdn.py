"""PLACEHOLDER - being written."""

from __future__ import annotations

from vodgui.sandbox.http import Request, Response
from vodgui.sandbox.oss.models import OssModel
from vodgui.sandbox.service import SandboxContext


class CdnService:
    def __init__(self, ctx: SandboxContext, oss: OssModel) -> None:
        self._ctx = ctx
        self._oss = oss

    def wants(self, req: Request) -> bool:
        return req.raw_path.startswith("/_cdn/")

    def classify(self, req: Request) -> tuple[str, str]:
        return "cdn", "Get"

    def handle(self, req: Request) -> Response:
        return Response(501)

    def error_response(self, req: Request, status: int, code: str, message: str) -> Response:
        return Response(status)

    def reset(self) -> None:
        pass
