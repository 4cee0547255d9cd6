"""PLACEHOLDER - being written."""

from __future__ import annotations

from typing import Any

from vodgui.sandbox.rpc import RpcContext, RpcProduct
from vodgui.sandbox.service import SandboxContext
from vodgui.sandbox.sts.models import StsModel


def make_sts_product(ctx: SandboxContext, model: StsModel) -> RpcProduct:
    def get_caller_identity(rpc: RpcContext) -> dict[str, Any]:
        return {"AccountId": ctx.config.account_id, "Arn": rpc.identity.arn}

    return RpcProduct("sts", "2015-04-01", "sts.aliyuncs.com", {"GetCallerIdentity": get_caller_identity},
                      self_authorizing=frozenset({"GetCallerIdentity"}))
