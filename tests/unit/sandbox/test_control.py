"""The control plane through :class:`SandboxControl`, and the effect of each knob on real SDK calls."""

from __future__ import annotations

import time
from typing import Any

import pytest
from aliyunsdkcore.acs_exception.exceptions import ClientException, ServerException
from aliyunsdkcore.client import AcsClient
from aliyunsdksts.request.v20150401.AssumeRoleRequest import AssumeRoleRequest
from aliyunsdksts.request.v20150401.GetCallerIdentityRequest import GetCallerIdentityRequest

from tests.helpers.sdk import acs_client, call
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.client import SandboxControl, SandboxControlError


def whoami(client: AcsClient, sandbox: SandboxServer) -> dict[str, Any]:
    return call(client, GetCallerIdentityRequest(), sandbox.url)


def whoami_error(client: AcsClient, sandbox: SandboxServer) -> ServerException:
    with pytest.raises(ServerException) as err:
        whoami(client, sandbox)
    return err.value


def sts_token(info: dict[str, Any], sandbox: SandboxServer, session: str = "ctl") -> tuple[str, AcsClient]:
    req = AssumeRoleRequest()
    req.set_RoleArn(info["role_arn"])
    req.set_RoleSessionName(session)
    user = acs_client(info, info["ram_user"]["access_key_id"], info["ram_user"]["access_key_secret"])
    creds = call(user, req, sandbox.url)["Credentials"]
    return creds["AccessKeyId"], acs_client(info, creds["AccessKeyId"], creds["AccessKeySecret"],
                                            creds["SecurityToken"])


def service_log(control: SandboxControl, since: int = 0) -> list[dict[str, Any]]:
    """Log entries of the emulated services (the control plane's own requests are logged as well)."""
    return [e for e in control.log(since) if e["service"] != "control"]


@pytest.fixture
def root(info: dict[str, Any]) -> AcsClient:
    return acs_client(info)


# -- info, reset, unknown endpoints --------------------------------------------------------------------------
def test_info_matches_the_server(control: SandboxControl, sandbox: SandboxServer) -> None:
    facts = control.info()
    expected = sandbox.info()
    for key in ("vod_endpoint", "sts_endpoint", "oss_endpoint", "region", "account_id", "access_key_id",
                "role_arn", "appserver_url", "appserver_token", "control_url"):
        assert facts[key] == expected[key]
    assert facts["ram_user"]["access_key_id"] == expected["ram_user"]["access_key_id"]


def test_reset_forgets_tokens_faults_log_and_clock(control: SandboxControl, sandbox: SandboxServer,
                                                   info: dict[str, Any], root: AcsClient) -> None:
    _, token = sts_token(info, sandbox)
    control.add_fault(service="vod", op="*", effect="throttle")
    control.clock(advance=100, skew=60)
    control.reset()
    # The sandbox no longer knows the token (the exact code for a forgotten token is the IAM's choice).
    assert whoami_error(token, sandbox).get_error_code() in ("InvalidSecurityToken.Malformed",
                                                            "InvalidAccessKeyId.NotFound")
    assert control.faults() == []
    assert control.clock()["offset"] == 0 and control.clock()["skew"] == 0
    assert [e["op"] for e in service_log(control)] == ["GetCallerIdentity"]  # only what ran after the reset
    assert whoami(root, sandbox)["IdentityType"] == "Account"  # identities survive a reset


def test_unknown_endpoint_is_404(control: SandboxControl) -> None:
    with pytest.raises(SandboxControlError, match="404"):
        control._call("GET", "/nothing-here")


# -- clock ---------------------------------------------------------------------------------------------------
def test_clock_advance_expires_tokens(control: SandboxControl, sandbox: SandboxServer,
                                      info: dict[str, Any]) -> None:
    before = control.clock()
    _, token = sts_token(info, sandbox)
    after = control.clock(advance=3599)
    assert after["offset"] == before["offset"] + 3599
    assert after["now"] >= before["now"] + 3599
    assert whoami(token, sandbox)["IdentityType"] == "AssumedRoleUser"
    control.clock(advance=1)
    assert whoami_error(token, sandbox).get_error_code() == "InvalidSecurityToken.Expired"


def test_clock_offset_is_absolute(control: SandboxControl) -> None:
    control.clock(advance=50)
    assert control.clock(offset=10)["offset"] == 10


def test_clock_skew_breaks_request_timestamps_only(control: SandboxControl, sandbox: SandboxServer,
                                                   root: AcsClient) -> None:
    assert control.clock(skew=-16 * 60)["skew"] == -16 * 60
    assert whoami_error(root, sandbox).get_error_code() == "InvalidTimeStamp.Expired"
    control.clock(skew=0)
    assert whoami(root, sandbox)["IdentityType"] == "Account"


# -- settings ------------------------------------------------------------------------------------------------
def test_settings_read_and_update(control: SandboxControl, sandbox: SandboxServer, root: AcsClient) -> None:
    current = control.settings()
    assert current["max_skew_seconds"] == 900 and "upload_auth_ttl" in current
    updated = control.settings(max_skew_seconds=60, upload_auth_ttl=5)
    assert (updated["max_skew_seconds"], updated["upload_auth_ttl"]) == (60, 5)
    assert sandbox.config.settings.upload_auth_ttl == 5
    control.clock(skew=120)  # inside the default 15 minutes, outside the new minute
    assert whoami_error(root, sandbox).get_error_code() == "InvalidTimeStamp.Expired"


def test_unknown_setting_is_refused(control: SandboxControl) -> None:
    with pytest.raises(SandboxControlError) as err:
        control.settings(no_such_knob=1)
    assert "400" in str(err.value) and "unknown setting 'no_such_knob'" in str(err.value)


def test_badly_typed_setting_is_refused(control: SandboxControl) -> None:
    with pytest.raises(SandboxControlError, match="400"):
        control.settings(min_part_size="lots")


# -- faults --------------------------------------------------------------------------------------------------
def test_error_rule_fires_on_the_nth_matching_request(control: SandboxControl, sandbox: SandboxServer,
                                                      root: AcsClient) -> None:
    rule = control.add_fault(service="sts", op="GetCallerIdentity", nth=[2], status=500, code="InternalError",
                             message="The request processing has failed due to some unknown error.")
    assert rule["id"] and rule["effect"] == "error"
    assert whoami(root, sandbox)
    exc = whoami_error(root, sandbox)
    assert (exc.get_error_code(), exc.get_http_status()) == ("InternalError", 500)
    assert exc.get_request_id()  # a fault still answers in the POP error format
    assert whoami(root, sandbox)
    listed = control.faults()[0]
    assert (listed["seen"], listed["fired"]) == (3, 1)


def test_rule_for_another_service_or_op_does_not_fire(control: SandboxControl, sandbox: SandboxServer,
                                                      root: AcsClient) -> None:
    control.add_fault(service="vod", op="*", effect="error")
    control.add_fault(service="sts", op="AssumeRole", effect="error")
    assert whoami(root, sandbox)["IdentityType"] == "Account"


def test_throttle_rule_answers_flow_control(control: SandboxControl, sandbox: SandboxServer,
                                            root: AcsClient) -> None:
    control.add_fault(service="sts", effect="throttle", limit=1)
    exc = whoami_error(root, sandbox)
    assert (exc.get_error_code(), exc.get_http_status()) == ("Throttling.User", 400)
    assert exc.get_error_msg() == "Request was denied due to user flow control."
    assert whoami(root, sandbox)  # limit=1: fired once


def test_delay_rule_slows_the_answer(control: SandboxControl, sandbox: SandboxServer,
                                     root: AcsClient) -> None:
    control.add_fault(service="sts", effect="delay", delay_ms=250)
    started = time.monotonic()
    assert whoami(root, sandbox)
    assert time.monotonic() - started >= 0.25
    assert service_log(control)[-1]["fault"] == "delay"


def test_drop_rule_hangs_up(control: SandboxControl, sandbox: SandboxServer, root: AcsClient) -> None:
    control.add_fault(service="sts", effect="drop", first=1)
    with pytest.raises(ClientException) as err:
        whoami(root, sandbox)
    assert err.value.get_error_code() == "SDK.HttpError"
    assert whoami(root, sandbox)


def test_faults_list_and_delete(control: SandboxControl, sandbox: SandboxServer, root: AcsClient) -> None:
    first = control.add_fault(service="sts", effect="throttle")
    second = control.add_fault(service="oss", op="UploadPart", effect="error", every=3)
    assert [r["id"] for r in control.faults()] == [first["id"], second["id"]]
    left = control.remove_fault(first["id"])
    assert [r["id"] for r in left] == [second["id"]]
    assert whoami(root, sandbox)  # the throttle is gone
    control.clear_faults()
    assert control.faults() == []


@pytest.mark.parametrize(("rule", "fault"), [
    ({"service": "sts", "bogus": 1}, "unknown fault rule field 'bogus'"),
    ({"effect": "explode"}, "effect must be one of"),
    ({"percent": 150}, "percent must be between 0 and 100"),
])
def test_bad_fault_rules_are_refused(control: SandboxControl, rule: dict[str, Any], fault: str) -> None:
    with pytest.raises(SandboxControlError) as err:
        control.add_fault(**rule)
    assert "400" in str(err.value) and fault in str(err.value)
    assert control.faults() == []


# -- log and expiry ------------------------------------------------------------------------------------------
def test_log_records_each_request(control: SandboxControl, sandbox: SandboxServer, info: dict[str, Any],
                                  root: AcsClient) -> None:
    whoami(root, sandbox)
    bad = acs_client(info, info["access_key_id"], "wrong")
    whoami_error(bad, sandbox)
    entries = service_log(control)
    ok, failed = entries[-2], entries[-1]
    assert (ok["service"], ok["op"], ok["status"]) == ("sts", "GetCallerIdentity", 200)
    assert ok["access_key_id"] == info["access_key_id"] and ok["request_id"]
    assert (failed["status"], failed["code"]) == (400, "SignatureDoesNotMatch")
    assert service_log(control, since=ok["seq"]) == [failed]
    assert any(e["service"] == "control" for e in control.log())  # the control plane logs itself too


def test_expire_sts_tokens(control: SandboxControl, sandbox: SandboxServer, info: dict[str, Any]) -> None:
    _, first = sts_token(info, sandbox, "one")
    _, second = sts_token(info, sandbox, "two")
    assert control.expire("sts") == 2
    for client in (first, second):
        assert whoami_error(client, sandbox).get_error_code() == "InvalidSecurityToken.Expired"


def test_expire_one_sts_token(control: SandboxControl, sandbox: SandboxServer, info: dict[str, Any]) -> None:
    first_key, first = sts_token(info, sandbox, "one")
    _, second = sts_token(info, sandbox, "two")
    assert control.expire("sts", access_key_id=first_key) == 1
    assert whoami_error(first, sandbox).get_error_code() == "InvalidSecurityToken.Expired"
    assert whoami(second, sandbox)["Arn"].endswith("/two")
    assert control.expire("sts", session_name="two") == 1
    assert control.expire("upload") == 0
