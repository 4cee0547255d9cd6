""""Test connection": real calls that tell apart a wrong key ID, a wrong secret, a missing permission, an
unknown role, a network problem and a wrong clock."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from vodgui.core.appserver import AppServerClient
from vodgui.core.credentials import AccessKey
from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.pop import ConnectionOptions
from vodgui.core.profiles import Profile
from vodgui.core.retry import RetryPolicy
from vodgui.core.session import SessionFactory
from vodgui.core.sts import StsApi
from vodgui.core.vod import VodApi

_PROBE_VIDEO = "0" * 32  # a VideoId that cannot exist: NotFound proves we were allowed to ask

EXPLANATIONS: dict[ErrorKind, str] = {
    ErrorKind.AUTH_KEY_ID: "The AccessKey ID is unknown or disabled. Check it in the RAM console.",
    ErrorKind.AUTH_SECRET: "The AccessKey secret (or the AppServer token) is wrong: the key ID is known, but the "
                           "signature does not match. Enter the secret again.",
    ErrorKind.PERMISSION: "The key or role is valid but lacks permission for this call. Attach a policy that allows "
                          "it (for uploads: vod:CreateUploadVideo and vod:RefreshUploadVideo).",
    ErrorKind.ROLE: "The role does not exist, or this user may not assume it. Check the RoleArn and the role's "
                    "trust policy.",
    ErrorKind.NETWORK: "The service could not be reached. Check the network, the endpoint and the proxy.",
    ErrorKind.CLOCK_SKEW: "This computer's clock is more than 15 minutes off. Correct the date and time.",
    ErrorKind.CONFIG: "The profile settings are not valid.",
    ErrorKind.AUTH_EXPIRED: "The temporary credentials were refused as expired.",
    ErrorKind.THROTTLED: "The service is throttling requests; try again in a minute.",
    ErrorKind.SERVER: "The service had an internal error; try again later.",
}


@dataclass
class Step:
    name: str
    ok: bool
    detail: str
    error: dict[str, Any] | None = None


@dataclass
class ConnectionTestResult:
    ok: bool
    summary: str
    steps: list[Step] = field(default_factory=list)
    kind: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "summary": self.summary, "kind": self.kind,
                "steps": [{"name": s.name, "ok": s.ok, "detail": s.detail, "error": s.error} for s in self.steps]}


def _explain(err: VodError) -> str:
    return EXPLANATIONS.get(err.kind, err.message)


def test_connection(sessions: SessionFactory, profile: Profile) -> ConnectionTestResult:
    """Run the checks for ``profile``; never raises for a service error (it becomes a failed step)."""
    steps: list[Step] = []

    def failed(name: str, err: VodError) -> ConnectionTestResult:
        steps.append(Step(name, False, f"{err.code}: {err.message}", err.to_dict()))
        return ConnectionTestResult(False, _explain(err), steps, err.kind.value)

    try:
        effective, secrets = sessions.effective(profile)
        effective.validate()
    except VodError as err:
        return failed("profile", err)
    cfg = effective.transfer
    conn = ConnectionOptions(cfg.proxy or None, cfg.connect_timeout, min(cfg.read_timeout, 20.0))
    quick = RetryPolicy(retries=0)
    clock = sessions.clock

    if effective.source == "accesskey":
        key = AccessKey(effective.access_key_id.strip(), secrets["access_key_secret"])
        sts = StsApi(effective.region, effective.sts_endpoint or None, conn, quick, clock)
        try:
            who = sts.get_caller_identity(key)
            steps.append(Step("AccessKey", True, f"valid: {who.arn}"))
        except VodError as err:
            return failed("AccessKey", err)
        if effective.mode == "sts":
            try:
                token = sts.assume_role(key, effective.role())
                steps.append(Step("AssumeRole", True, f"token {token.access_key_id}, valid until "
                                  f"{time.strftime('%H:%M:%S UTC', time.gmtime(token.expires_at))}"))
            except VodError as err:
                if err.code == "NoPermission":
                    err.kind = ErrorKind.ROLE
                return failed("AssumeRole", err)
    else:
        client = AppServerClient(effective.appserver_url, secrets["appserver_token"], conn, quick, clock)
        try:
            if effective.mode == "sts":
                token = client.sts_token()
                steps.append(Step("AppServer", True, f"STS token {token.access_key_id}"))
            else:
                try:
                    client.refresh_upload_video(_PROBE_VIDEO)
                except VodError as err:
                    if err.code != "InvalidVideo.NotFound":
                        raise
                steps.append(Step("AppServer", True, "reachable, token accepted"))
        except VodError as err:
            return failed("AppServer", err)

    session = sessions.build_resolved(effective, secrets)
    if session.vod is not None:
        # The probes fail fast: a profile's own retry policy would keep the user waiting on a dead endpoint.
        vod = VodApi(effective.region, effective.vod_endpoint or None, session.vod.signer, conn, quick, clock)
        try:
            # Authorization comes before the lookup, so NotFound proves RefreshUploadVideo is allowed; a key
            # without VOD upload permission is caught here instead of at the first upload.
            vod.refresh_upload_video(_PROBE_VIDEO)
            steps.append(Step("VOD upload", True, "allowed"))
        except VodError as err:
            if err.code != "InvalidVideo.NotFound":
                return failed("VOD upload", err)
            steps.append(Step("VOD upload", True, "allowed"))
        try:
            vod.get_video_info(_PROBE_VIDEO)
            steps.append(Step("VOD", True, "reachable"))
        except VodError as err:
            if err.code == "InvalidVideo.NotFound":
                steps.append(Step("VOD", True, "reachable and authorized"))
            elif err.kind is ErrorKind.PERMISSION:
                # Upload-only policies do not allow GetVideoInfo; that is not a failure for uploads.
                steps.append(Step("VOD", True, "reachable; this profile may not read video info "
                                  f"({err.code}) — uploads can still work", err.to_dict()))
            else:
                return failed("VOD", err)
    return ConnectionTestResult(True, "Connection works.", steps)
