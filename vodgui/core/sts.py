"""STS: AssumeRole for the STS authorization mode, GetCallerIdentity for "Test connection"."""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from typing import Any

from aliyunsdksts.request.v20150401.AssumeRoleRequest import AssumeRoleRequest
from aliyunsdksts.request.v20150401.GetCallerIdentityRequest import GetCallerIdentityRequest

from vodgui.core.clock import Clock
from vodgui.core.credentials import AccessKey, Secret, StsToken, parse_utc
from vodgui.core.errors import ErrorKind, VodError, config_error
from vodgui.core.pop import CachingTokenSigner, ConnectionOptions, Credential, FixedSigner, PopCaller, StaticSigner
from vodgui.core.retry import RetryPolicy

log = logging.getLogger(__name__)

MIN_DURATION = 900
MAX_DURATION = 3600
DEFAULT_MARGIN = 300.0
_SESSION_NAME = re.compile(r"^[A-Za-z0-9.@_-]{2,64}$")
_ROLE_ARN = re.compile(r"^acs:ram::\d+:role/[A-Za-z0-9._-]+$", re.IGNORECASE)


def default_sts_endpoint(region: str) -> str:
    return f"sts.{region}.aliyuncs.com"


@dataclass(frozen=True)
class RoleSettings:
    role_arn: str
    session_name: str = "vodgui"
    duration_seconds: int = 3600
    policy: str | None = None

    def validate(self) -> None:
        """Catch what AssumeRole would refuse before calling it, with a message that says how to fix it."""
        if not _ROLE_ARN.match(self.role_arn.strip()):
            raise config_error("InvalidRoleArn", params={"role_arn": repr(self.role_arn)})
        if not _SESSION_NAME.match(self.session_name):
            raise config_error("InvalidRoleSessionName")
        if not MIN_DURATION <= self.duration_seconds <= MAX_DURATION:
            raise config_error("InvalidDurationSeconds", params={
                "low": MIN_DURATION, "high": MAX_DURATION, "value": self.duration_seconds})


@dataclass(frozen=True)
class CallerIdentity:
    account_id: str
    arn: str
    identity_type: str


class StsApi:
    def __init__(self, region: str, endpoint: str | None, conn: ConnectionOptions, retry: RetryPolicy,
                 clock: Clock) -> None:
        self.region = region
        self.endpoint = endpoint or default_sts_endpoint(region)
        self._conn = conn
        self._retry = retry
        self._clock = clock

    def _caller(self, cred: Credential) -> PopCaller:
        signer = StaticSigner(cred) if isinstance(cred, AccessKey) else FixedSigner(cred)
        return PopCaller("sts", self.region, self.endpoint, signer, self._conn, self._retry, self._clock)

    def assume_role(self, key: AccessKey, role: RoleSettings,
                    interrupt: threading.Event | None = None) -> StsToken:
        role.validate()
        params: dict[str, Any] = {
            "RoleArn": role.role_arn.strip(),
            "RoleSessionName": role.session_name,
            "DurationSeconds": role.duration_seconds,
            "Policy": role.policy or None,
        }
        data = self._caller(key).call(AssumeRoleRequest, params, interrupt=interrupt)
        creds = data.get("Credentials") or {}
        try:
            return StsToken(str(creds["AccessKeyId"]), Secret(str(creds["AccessKeySecret"])),
                            Secret(str(creds["SecurityToken"])), parse_utc(str(creds["Expiration"])))
        except (KeyError, ValueError):
            raise VodError("InvalidResponse.MissingFields", params={"action": "AssumeRole", "fields": ["Credentials"]},
                           kind=ErrorKind.SERVER, service="sts", request_id=data.get("RequestId")) from None

    def get_caller_identity(self, cred: Credential) -> CallerIdentity:
        data = self._caller(cred).call(GetCallerIdentityRequest, {})
        return CallerIdentity(str(data.get("AccountId", "")), str(data.get("Arn", "")),
                              str(data.get("IdentityType", "")))


class AssumeRoleSigner(CachingTokenSigner):
    """STS mode with a local RAM user key: one AssumeRole token, shared by every upload, renewed ``margin``
    seconds before it expires (and when a service says it expired)."""

    def __init__(self, sts: StsApi, key: AccessKey, role: RoleSettings, clock: Clock,
                 margin: float = DEFAULT_MARGIN) -> None:
        role.validate()
        super().__init__(lambda: sts.assume_role(key, role), clock, margin,
                         f"AssumeRole {role.role_arn} as {key.access_key_id}")
