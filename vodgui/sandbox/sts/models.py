"""STS rules without HTTP: who may assume which role, for how long, with which session policy.

Used by the ``AssumeRole`` RPC action and by the reference AppServer, which assumes a role on behalf of a
content team. Error codes and messages follow the STS documentation
(help.aliyun.com/document_detail/42775.html); where it is silent the choice is marked UNCONFIRMED.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from vodgui.sandbox.clock import iso_utc
from vodgui.sandbox.config import RamRole
from vodgui.sandbox.iam import Identity
from vodgui.sandbox.policy import (
    MAX_SESSION_POLICY_LENGTH,
    Decision,
    PolicyGrammarError,
    RequestContext,
    parse_policy,
)
from vodgui.sandbox.rpc import RpcError
from vodgui.sandbox.service import SandboxContext

MIN_DURATION = 900
DEFAULT_DURATION = 3600
#: The ceiling RAM allows for a role's MaxSessionDuration.
MAX_ROLE_SESSION_DURATION = 43200

_ROLE_ARN = re.compile(r"^acs:ram::(?P<account>\d+):role/(?P<name>[^/]+)$", re.IGNORECASE)
_SESSION_NAME = re.compile(r"^[A-Za-z0-9.@_-]{2,64}$")
_EXTERNAL_ID = re.compile(r"^[\w+=,.@:/-]{2,1224}$")

NOT_AUTHORIZED = "You are not authorized to do this action. You should be authorized by RAM."


def no_permission(message: str = NOT_AUTHORIZED) -> RpcError:
    """``NoPermission`` (403): the caller may not assume the role."""
    return RpcError(403, "NoPermission", message)


def invalid_session_name() -> RpcError:
    return RpcError(400, "InvalidParameter.RoleSessionName",
                    "The parameter RoleSessionName is wrongly formed.")


def invalid_duration(max_seconds: int = DEFAULT_DURATION) -> RpcError:
    """``InvalidParameter.DurationSeconds``; the documented text names 1hr, the default role maximum."""
    return RpcError(400, "InvalidParameter.DurationSeconds",
                    f"The Min/Max value of DurationSeconds is 15min/{_hours(max_seconds)}.")


def policy_grammar(reason: str) -> RpcError:
    # The real message is fixed; the sandbox appends the reason so a developer sees which part is wrong.
    return RpcError(400, "InvalidParameter.PolicyGrammar",
                    f"The parameter Policy has not passed grammar check. ({reason})")


def _hours(seconds: int) -> str:
    return f"{seconds // 3600}hr" if seconds % 3600 == 0 else f"{seconds}s"


def numeric_id(*parts: str, digits: int) -> str:
    """A stable all-digit id (RAM user and role ids look like ``216959339000****``)."""
    value = int(hashlib.sha256(":".join(parts).encode()).hexdigest(), 16)
    return str(10 ** (digits - 1) + value % (9 * 10 ** (digits - 1)))


class StsModel:
    """AssumeRole and caller identity for one sandbox.

    Args:
        ctx: the sandbox context (config with users and roles, IAM for issuing and deciding).
    """

    def __init__(self, ctx: SandboxContext) -> None:
        self._ctx = ctx

    # -- ids -------------------------------------------------------------------------------------------------
    def role_id(self, role: RamRole) -> str:
        """The role's RoleId: 18 digits, stable for the account and role name."""
        return numeric_id(self._ctx.config.account_id, "role", role.name.lower(), digits=18)

    def user_id(self, user: str) -> str:
        """A RAM user's UserId: 16 digits, stable for the account and user name."""
        return numeric_id(self._ctx.config.account_id, "user", user, digits=16)

    # -- AssumeRole ------------------------------------------------------------------------------------------
    def assume_role(self, identity: Identity, role_arn: str, session_name: str, duration_seconds: int | None,
                    policy: str | None, source_ip: str, *, external_id: str | None = None,
                    source_identity: str | None = None) -> dict[str, Any]:
        """Issue STS credentials for ``role_arn``, as STS AssumeRole does.

        Checks, in order: the caller kind (root keys and STS tokens may not assume roles), the RoleArn form,
        the session name, the duration, the session policy, the caller's ``sts:AssumeRole`` permission on the
        role ARN, the role's existence and finally the role's trust policy. Checking permission before
        existence means a user without permission learns nothing about which roles exist (UNCONFIRMED order).

        Args:
            identity: the authenticated caller.
            role_arn: ``acs:ram::<account>:role/<name>``; the role name is case-insensitive.
            session_name: RoleSessionName, 2-64 of ``[A-Za-z0-9.@_-]``.
            duration_seconds: 900 up to the role's MaxSessionDuration; ``None`` means 3600.
            policy: optional session policy (JSON, at most 2048 characters).
            source_ip: the caller's address, for ``acs:SourceIp`` conditions.
            external_id: optional ExternalId, checked for form only.
            source_identity: optional SourceIdentity, echoed back.

        Returns:
            The response body without ``RequestId``: ``Credentials`` and ``AssumedRoleUser``.

        Raises:
            RpcError: the STS error for the first rule broken.
        """
        if identity.kind == "root":
            raise no_permission("Roles may not be assumed by root accounts.")
        if identity.kind != "user":
            # Temporary credentials (an assumed role, an UploadAuth) may not assume another role here.
            raise no_permission()
        m = _ROLE_ARN.match(role_arn.strip())
        if m is None:
            raise RpcError(400, "InvalidParameter.RoleArn", "The parameter RoleArn is wrongly formed.")
        if not _SESSION_NAME.match(session_name):
            raise invalid_session_name()
        if external_id is not None and not _EXTERNAL_ID.match(external_id):
            raise RpcError(400, "InvalidParameter.ExternalId", "The parameter ExternalId is wrongly formed.")
        config = self._ctx.config
        role = config.find_role(role_arn.strip()) if m.group("account") == config.account_id else None
        max_duration = self._max_duration(role)
        duration = DEFAULT_DURATION if duration_seconds is None else duration_seconds
        if not MIN_DURATION <= duration <= max_duration:
            raise invalid_duration(max_duration)
        session_policy = None
        if policy is not None:
            if len(policy) > MAX_SESSION_POLICY_LENGTH:
                raise policy_grammar(f"the policy is {len(policy)} characters long, the limit is "
                                     f"{MAX_SESSION_POLICY_LENGTH}")
            try:
                session_policy = parse_policy(policy)
            except PolicyGrammarError as exc:
                raise policy_grammar(str(exc)) from None
        # RAM authorizes sts:AssumeRole on the ARN as written, lower-cased as RAM stores role ARNs.
        wanted = f"acs:ram::{m.group('account')}:role/{m.group('name').lower()}"
        cond = RequestContext(source_ip=source_ip)
        decision = self._ctx.iam.decide(identity, "sts:AssumeRole", wanted, cond)
        if decision is not Decision.ALLOW:
            raise no_permission()
        if role is None:
            raise RpcError(404, "EntityNotExist.Role", f"The role not exists: {wanted}.")
        if identity.user not in role.trusted and "*" not in role.trusted:
            raise no_permission()
        canonical_arn = config.role_arn(role)
        cred = self._ctx.iam.issue("sts", duration, role_arn=canonical_arn, session_name=session_name,
                                   caller=identity.user, session_policy=session_policy)
        body: dict[str, Any] = {
            "Credentials": {
                "AccessKeyId": cred.access_key_id,
                "AccessKeySecret": cred.access_key_secret,
                "SecurityToken": cred.security_token,
                "Expiration": iso_utc(cred.expires_at),
            },
            "AssumedRoleUser": {
                "Arn": f"{canonical_arn}/{session_name}",
                "AssumedRoleId": f"{self.role_id(role)}:{session_name}",
            },
        }
        if source_identity is not None:
            body["SourceIdentity"] = source_identity
        return body

    @staticmethod
    def _max_duration(role: RamRole | None) -> int:
        if role is None:
            return DEFAULT_DURATION
        return max(DEFAULT_DURATION, min(MAX_ROLE_SESSION_DURATION, role.max_session_duration))

    # -- GetCallerIdentity -----------------------------------------------------------------------------------
    def caller_identity(self, identity: Identity) -> dict[str, Any]:
        """The GetCallerIdentity body for any authenticated caller.

        ``UserId`` is present for the account and RAM users, ``RoleId`` for assumed roles (as documented);
        an assumed role's ``PrincipalId`` is ``<RoleId>:<RoleSessionName>`` like AssumedRoleId (UNCONFIRMED).
        """
        account = self._ctx.config.account_id
        body: dict[str, Any] = {"AccountId": account, "Arn": identity.arn}
        if identity.kind == "root":
            body.update(IdentityType="Account", UserId=account, PrincipalId=account)
        elif identity.kind == "user":
            uid = self.user_id(identity.user)
            body.update(IdentityType="RAMUser", UserId=uid, PrincipalId=uid)
        else:
            temp = identity.temp
            session = temp.session_name if temp is not None and temp.session_name else identity.kind
            role_id = self.role_id(identity.role) if identity.role is not None else numeric_id(
                account, "service-role", identity.kind, digits=18)
            body.update(IdentityType="AssumedRoleUser", RoleId=role_id, PrincipalId=f"{role_id}:{session}")
        return body
