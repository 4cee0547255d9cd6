"""PLACEHOLDER - being written."""

from __future__ import annotations

from typing import Any

from vodgui.sandbox.oss.models import OssModel
from vodgui.sandbox.service import SandboxContext


class VodModel:
    def __init__(self, ctx: SandboxContext, oss: OssModel) -> None:
        self._ctx = ctx
        self._oss = oss

    def view(self, video_id: str) -> dict[str, Any] | None:
        return None

    def reset(self) -> None:
        pass
