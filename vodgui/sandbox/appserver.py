"""PLACEHOLDER - being written."""

from __future__ import annotations

from typing import Any

from vodgui.sandbox.http import Request, Response
from vodgui.sandbox.service import SandboxContext


class AppServerService:
    def __init__(self, ctx: SandboxContext, vod: Any, sts: Any) -> None:
        self._ctx = ctx

    def wants(self, req: Request) -> bool:
        return req.raw_path.startswith("/_appserver/")

    def classify(self, req: Request) -> tuple[str, str]:
        return "appserver", req.raw_path

    def handle(self, req: Request) -> Response:
        return Response(501)

    def error_response(self, req: Request, status: int, code: str, message: str) -> Response:
        return Response(status)

    def reset(self) -> None:
        pass
