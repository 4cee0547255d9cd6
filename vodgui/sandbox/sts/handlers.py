"""STS 2015-04-01 actions on the POP front door: parameters in, :class:`StsModel` call, JSON body out."""

from __future__ import annotations

from typing import Any

from vodgui.sandbox.rpc import RpcContext, RpcProduct
from vodgui.sandbox.service import SandboxContext
from vodgui.sandbox.sts.models import StsModel, invalid_duration


def make_sts_product(ctx: SandboxContext, model: StsModel) -> RpcProduct:
    """The STS product: ``AssumeRole`` and ``GetCallerIdentity``.

    Both authorize the caller themselves: GetCallerIdentity needs no permission at all (it is how a client
    tells a wrong AccessKey ID from a wrong secret), and AssumeRole checks ``sts:AssumeRole`` on the role ARN
    rather than on ``*``.
    """

    def assume_role(rpc: RpcContext) -> dict[str, Any]:
        role_arn = rpc.require("RoleArn")
        session_name = rpc.require("RoleSessionName")
        raw_duration = rpc.get("DurationSeconds")
        duration: int | None = None
        if raw_duration is not None:
            try:
                duration = int(raw_duration)
            except ValueError:
                raise invalid_duration() from None
        return model.assume_role(rpc.identity, role_arn, session_name, duration, rpc.get("Policy"),
                                 rpc.request.client, external_id=rpc.get("ExternalId"),
                                 source_identity=rpc.get("SourceIdentity"))

    def get_caller_identity(rpc: RpcContext) -> dict[str, Any]:
        return model.caller_identity(rpc.identity)

    return RpcProduct(
        "sts", "2015-04-01", "sts.aliyuncs.com",
        {"AssumeRole": assume_role, "GetCallerIdentity": get_caller_identity},
        self_authorizing=frozenset({"AssumeRole", "GetCallerIdentity"}),
    )
