"""PLACEHOLDER - being written."""

from __future__ import annotations

from vodgui.sandbox.service import SandboxContext


class StsModel:
    def __init__(self, ctx: SandboxContext) -> None:
        self._ctx = ctx
