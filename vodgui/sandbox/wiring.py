"""Assembles one sandbox's services, in routing order. The only module that knows them all."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from vodgui.sandbox.appserver import AppServerService
from vodgui.sandbox.cdn import CdnService
from vodgui.sandbox.control import ControlService
from vodgui.sandbox.oss import OssModel, OssService
from vodgui.sandbox.rpc import RpcFrontDoor
from vodgui.sandbox.service import SandboxContext, Service
from vodgui.sandbox.sts import StsModel, make_sts_product
from vodgui.sandbox.vod import VodModel, make_vod_product


def build_services(ctx: SandboxContext, info: Callable[[], dict[str, Any]],
                   reset: Callable[[], None]) -> list[Service]:
    oss_model = OssModel(ctx)
    vod_model = VodModel(ctx, oss_model)
    sts_model = StsModel(ctx)
    ctx.models.update(oss=oss_model, vod=vod_model, sts=sts_model)
    cdn = CdnService(ctx, oss_model)
    rpc = RpcFrontDoor(ctx.iam, ctx.clock, ctx.ids, ctx.config.region, lambda: ctx.settings.max_skew_seconds)
    rpc.register(make_vod_product(ctx, vod_model))
    rpc.register(make_sts_product(ctx, sts_model))
    return [
        ControlService(ctx, info, reset, vod_model.view, oss_model.view, vod_model.url_jobs.view),
        AppServerService(ctx, vod_model, sts_model),
        cdn,
        rpc,
        OssService(ctx, oss_model),  # last: OSS path-style takes every other path
    ]
