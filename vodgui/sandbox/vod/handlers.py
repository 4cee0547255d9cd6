"""PLACEHOLDER - being written."""

from __future__ import annotations

from typing import Any

from vodgui.sandbox.rpc import RpcProduct
from vodgui.sandbox.service import SandboxContext
from vodgui.sandbox.vod.models import VodModel


def make_vod_product(ctx: SandboxContext, model: VodModel, cdn: Any) -> RpcProduct:
    return RpcProduct("vod", "2017-03-21", "vod.cn-shanghai.aliyuncs.com", {}, reset=model.reset)
