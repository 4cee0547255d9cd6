""""Test connection": real calls that tell apart a wrong key ID, a wrong secret, a missing permission, an
unknown role, a network problem and a wrong clock."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from vodgui.core.appserver import AppServerClient
from vodgui.core.credentials import AccessKey
from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.messages import Message
from vodgui.core.profiles import Profile
from vodgui.core.retry import RetryPolicy
from vodgui.core.session import SessionFactory, connection_options
from vodgui.core.sts import StsApi
from vodgui.core.vod import VodApi

_PROBE_VIDEO = "0" * 32  # a VideoId that cannot exist: NotFound proves we were allowed to ask

#: The verdict of a failed test, by the error's kind (the CLI's summary line; the GUI words its own).
VERDICTS: dict[ErrorKind, Message] = {
    ErrorKind.AUTH_KEY_ID: Message("connection.auth_key_id"),
    ErrorKind.AUTH_SECRET: Message("connection.auth_secret"),
    ErrorKind.PERMISSION: Message("connection.permission"),
    ErrorKind.ROLE: Message("connection.role"),
    ErrorKind.NETWORK: Message("connection.network"),
    ErrorKind.CLOCK_SKEW: Message("connection.clock_skew"),
    ErrorKind.CONFIG: Message("connection.config"),
    ErrorKind.AUTH_EXPIRED: Message("connection.auth_expired"),
    ErrorKind.THROTTLED: Message("connection.throttled"),
    ErrorKind.SERVER: Message("connection.server"),
}


@dataclass
class Step:
    """One check. A passed step says what it found (``found``); a failed one carries the error (``error``,
    :meth:`VodError.to_dict`: code, the service's message or ours, and our message's ``params``)."""

    name: str
    ok: bool
    found: Message | None = None
    error: dict[str, Any] | None = None

    @property
    def detail(self) -> str:
        """What the step found, in English (the CLI): the finding, else the error's ``code: message``."""
        if self.ok and self.found is not None:
            return self.found.english()
        if self.error:
            return f"{self.error.get('code')}: {self.error.get('message')}"
        return ""


#: The warning for a root-account AccessKey (GetCallerIdentity's Arn ends in ":root"): works, should not stay.
ROOT_KEY = "RootAccessKey"


@dataclass
class ConnectionTestResult:
    ok: bool
    verdict: Message
    steps: list[Step] = field(default_factory=list)
    kind: str | None = None
    warnings: list[Message] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """The verdict in English (the CLI)."""
        return self.verdict.english()

    def to_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "summary": self.summary, "verdict": self.verdict.to_dict(), "kind": self.kind,
                "steps": [{"name": s.name, "ok": s.ok, "detail": s.detail,
                           "found": s.found.to_dict() if s.found else None, "error": s.error} for s in self.steps],
                "warnings": [{**w.to_dict(), "message": w.english()} for w in self.warnings]}


#: Causes whose own message says more than their kind's verdict (it names the proxy, the host, the CA).
OWN_MESSAGE = frozenset({"ProxyAuthRequired", "ProxyUnreachable", "TlsUntrusted", "TlsError", "PacUnavailable",
                          "AppServerUnreachable", "AppServerContractMismatch", "InvalidCAFile"})


def _verdict(err: VodError) -> Message:
    if err.code in OWN_MESSAGE:
        return err.to_message()
    return VERDICTS.get(err.kind) or err.to_message()


def test_connection(sessions: SessionFactory, profile: Profile) -> ConnectionTestResult:
    """Run the checks for ``profile``; never raises for a service error (it becomes a failed step)."""
    steps: list[Step] = []
    warnings: list[Message] = []

    def failed(name: str, err: VodError) -> ConnectionTestResult:
        steps.append(Step(name, False, error=err.to_dict()))
        return ConnectionTestResult(False, _verdict(err), steps, err.kind.value, warnings)

    try:
        effective, secrets = sessions.effective(profile)
        effective.validate()
    except VodError as err:
        return failed("profile", err)
    cfg = effective.transfer
    conn = connection_options(effective, secrets, cfg.connect_timeout, min(cfg.read_timeout, 20.0))
    quick = RetryPolicy(retries=0)
    clock = sessions.clock

    if effective.source == "accesskey":
        key = AccessKey(effective.access_key_id.strip(), secrets["access_key_secret"])
        sts = StsApi(effective.region, effective.sts_endpoint or None, conn, quick, clock)
        try:
            who = sts.get_caller_identity(key)
            steps.append(Step("AccessKey", True, Message("step.valid", {"arn": who.arn})))
            if who.arn.endswith(":root") or who.identity_type.lower() == "account":
                warnings.append(Message(ROOT_KEY, {"account_id": who.account_id, "arn": who.arn}))
        except VodError as err:
            return failed("AccessKey", err)
        if effective.mode == "sts":
            try:
                token = sts.assume_role(key, effective.role())
                steps.append(Step("AssumeRole", True, Message("step.token_until", {
                    "key_id": token.access_key_id,
                    "until": time.strftime("%H:%M:%S UTC", time.gmtime(token.expires_at))})))
            except VodError as err:
                if err.code == "NoPermission":
                    err.kind = ErrorKind.ROLE
                return failed("AssumeRole", err)
    else:
        client = AppServerClient(effective.appserver_url, secrets["appserver_token"], conn, quick, clock)
        try:
            if effective.mode == "sts":
                token = client.sts_token()
                steps.append(Step("AppServer", True, Message("step.sts_token", {"key_id": token.access_key_id})))
            else:
                try:
                    client.refresh_upload_video(_PROBE_VIDEO)
                except VodError as err:
                    if err.code != "InvalidVideo.NotFound":
                        raise
                steps.append(Step("AppServer", True, Message("step.token_accepted")))
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
            steps.append(Step("VOD upload", True, Message("step.allowed")))
        except VodError as err:
            if err.code != "InvalidVideo.NotFound":
                return failed("VOD upload", err)
            steps.append(Step("VOD upload", True, Message("step.allowed")))
        try:
            vod.get_video_info(_PROBE_VIDEO)
            steps.append(Step("VOD", True, Message("step.reachable")))
        except VodError as err:
            if err.code == "InvalidVideo.NotFound":
                steps.append(Step("VOD", True, Message("step.authorized")))
            elif err.kind is ErrorKind.PERMISSION:
                # Upload-only policies do not allow GetVideoInfo; that is not a failure for uploads.
                steps.append(Step("VOD", True, Message("step.no_video_info", {"code": err.code}), err.to_dict()))
            else:
                return failed("VOD", err)
    return ConnectionTestResult(True, Message("connection.works"), steps, None, warnings)
