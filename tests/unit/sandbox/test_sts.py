"""STS AssumeRole and GetCallerIdentity through the official SDK, and what the issued token may then do."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.client import AcsClient
from aliyunsdksts.request.v20150401.AssumeRoleRequest import AssumeRoleRequest
from aliyunsdksts.request.v20150401.GetCallerIdentityRequest import GetCallerIdentityRequest
from aliyunsdkvod.request.v20170321.CreateUploadVideoRequest import CreateUploadVideoRequest
from aliyunsdkvod.request.v20170321.GetPlayInfoRequest import GetPlayInfoRequest

from tests.helpers.sdk import acs_client, call
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.config import RamRole, RamUser

UNAUTHORIZED = "You are not authorized to do this action. You should be authorized by RAM."


def _policy(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": "1", "Statement": list(statements)})


def _allow(action: str | list[str], **extra: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": action, "Resource": "*", **extra}


@pytest.fixture
def user_client(info: dict[str, Any]) -> AcsClient:
    return acs_client(info, info["ram_user"]["access_key_id"], info["ram_user"]["access_key_secret"])


@pytest.fixture
def role(sandbox: SandboxServer) -> Iterator[RamRole]:
    """The default role; tests may change its trust or policies, restored afterwards."""
    role = sandbox.config.roles[0]
    saved = (list(role.trusted), list(role.policies), role.max_session_duration)
    yield role
    role.trusted, role.policies, role.max_session_duration = saved


@pytest.fixture
def ram_user(sandbox: SandboxServer) -> Iterator[RamUser]:
    user = sandbox.config.users[0]
    saved = list(user.policies)
    yield user
    user.policies = saved


def _request(role_arn: str | None, session: str | None = "alice", duration: int | None = None,
             policy: str | None = None) -> AssumeRoleRequest:
    req = AssumeRoleRequest()
    req.set_protocol_type("http")  # the request class defaults to https
    if role_arn is not None:
        req.set_RoleArn(role_arn)
    if session is not None:
        req.set_RoleSessionName(session)
    if duration is not None:
        req.set_DurationSeconds(duration)
    if policy is not None:
        req.set_Policy(policy)
    return req


def _endpoint(sandbox: SandboxServer) -> str:
    return sandbox.url.split("://", 1)[1]  # host:port, with the protocol set to http on the request


def assume(client: AcsClient, sandbox: SandboxServer, role_arn: str | None, session: str | None = "alice",
           duration: int | None = None, policy: str | None = None) -> dict[str, Any]:
    return call(client, _request(role_arn, session, duration, policy), _endpoint(sandbox))


def assume_error(client: AcsClient, sandbox: SandboxServer, role_arn: str | None,
                 **kw: Any) -> ServerException:
    with pytest.raises(ServerException) as err:
        assume(client, sandbox, role_arn, **kw)
    return err.value


def token_client(info: dict[str, Any], answer: dict[str, Any]) -> AcsClient:
    creds = answer["Credentials"]
    return acs_client(info, creds["AccessKeyId"], creds["AccessKeySecret"], creds["SecurityToken"])


def _error(client: AcsClient, request: Any, sandbox: SandboxServer) -> ServerException:
    with pytest.raises(ServerException) as err:
        call(client, request, sandbox.url)
    return err.value


# -- AssumeRole: success -------------------------------------------------------------------------------------
def test_assume_role_issues_sts_credentials(sandbox: SandboxServer, info: dict[str, Any],
                                            user_client: AcsClient) -> None:
    answer = assume(user_client, sandbox, info["role_arn"], "alice")
    creds = answer["Credentials"]
    assert creds["AccessKeyId"].startswith("STS.")
    assert creds["AccessKeySecret"] and creds["SecurityToken"]
    expires = datetime.strptime(creds["Expiration"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()
    assert abs(expires - (sandbox.clock.now() + 3600)) < 5
    user = answer["AssumedRoleUser"]
    assert user["Arn"] == f"{info['role_arn']}/alice"
    assert re.fullmatch(r"\d{18}:alice", user["AssumedRoleId"])
    assert answer["RequestId"]


def test_endpoint_as_full_http_url_is_used_verbatim(sandbox: SandboxServer, info: dict[str, Any],
                                                    user_client: AcsClient) -> None:
    # Left on https: an http:// endpoint wins (docs/protocols.md, 'RPC (POP) requests').
    req = AssumeRoleRequest()
    req.set_RoleArn(info["role_arn"])
    req.set_RoleSessionName("verbatim")
    assert call(user_client, req, sandbox.url)["AssumedRoleUser"]["Arn"].endswith("/verbatim")


def test_role_name_is_case_insensitive(sandbox: SandboxServer, info: dict[str, Any],
                                       user_client: AcsClient) -> None:
    upper = info["role_arn"].replace("voduploaderrole", "VodUploaderRole")
    answer = assume(user_client, sandbox, upper)
    assert answer["AssumedRoleUser"]["Arn"] == f"{info['role_arn']}/alice"


@pytest.mark.parametrize("duration", [900, 3600])
def test_duration_bounds_are_inclusive(sandbox: SandboxServer, info: dict[str, Any], user_client: AcsClient,
                                       duration: int) -> None:
    creds = assume(user_client, sandbox, info["role_arn"], duration=duration)["Credentials"]
    expires = datetime.strptime(creds["Expiration"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()
    assert abs(expires - (sandbox.clock.now() + duration)) < 5


def test_role_max_session_duration_raises_the_ceiling(sandbox: SandboxServer, info: dict[str, Any],
                                                      user_client: AcsClient, role: RamRole) -> None:
    role.max_session_duration = 7200
    assert assume(user_client, sandbox, info["role_arn"], duration=7200)["Credentials"]
    exc = assume_error(user_client, sandbox, info["role_arn"], duration=7201)
    assert exc.get_error_code() == "InvalidParameter.DurationSeconds"
    assert "15min/2hr" in exc.get_error_msg()


# -- AssumeRole: parameter errors ----------------------------------------------------------------------------
@pytest.mark.parametrize("duration", [899, 3601, 0])
def test_duration_out_of_range(sandbox: SandboxServer, info: dict[str, Any], user_client: AcsClient,
                               duration: int) -> None:
    exc = assume_error(user_client, sandbox, info["role_arn"], duration=duration)
    assert exc.get_error_code() == "InvalidParameter.DurationSeconds"
    assert exc.get_http_status() == 400
    assert exc.get_error_msg() == "The Min/Max value of DurationSeconds is 15min/1hr."


@pytest.mark.parametrize("session", ["a", "x" * 65, "has space", "semi;colon", "中文名字"])
def test_bad_role_session_name(sandbox: SandboxServer, info: dict[str, Any], user_client: AcsClient,
                               session: str) -> None:
    exc = assume_error(user_client, sandbox, info["role_arn"], session=session)
    assert exc.get_error_code() == "InvalidParameter.RoleSessionName"
    assert exc.get_error_msg() == "The parameter RoleSessionName is wrongly formed."


@pytest.mark.parametrize("session", ["ab", "x" * 64, "a.b@c_d-e"])
def test_good_role_session_names(sandbox: SandboxServer, info: dict[str, Any], user_client: AcsClient,
                                 session: str) -> None:
    assert assume(user_client, sandbox, info["role_arn"], session=session)["AssumedRoleUser"]["Arn"].endswith(
        "/" + session)


def test_missing_role_arn_and_session_name(sandbox: SandboxServer, info: dict[str, Any],
                                           user_client: AcsClient) -> None:
    assert assume_error(user_client, sandbox, None).get_error_code() == "MissingRoleArn"
    assert assume_error(user_client, sandbox, info["role_arn"], session=None).get_error_code() == \
        "MissingRoleSessionName"


@pytest.mark.parametrize("arn", ["voduploaderrole", "acs:ram::123:user/bob", "acs:ram:::role/x",
                                 "arn:aws:iam::123:role/x"])
def test_malformed_role_arn(sandbox: SandboxServer, user_client: AcsClient, arn: str) -> None:
    exc = assume_error(user_client, sandbox, arn)
    assert exc.get_error_code() == "InvalidParameter.RoleArn"
    assert exc.get_http_status() == 400


def test_unknown_role_does_not_exist(sandbox: SandboxServer, info: dict[str, Any],
                                     user_client: AcsClient) -> None:
    arn = f"acs:ram::{info['account_id']}:role/nosuchrole"
    exc = assume_error(user_client, sandbox, arn)
    assert exc.get_error_code() == "EntityNotExist.Role"
    assert exc.get_http_status() == 404
    assert f"The role not exists: {arn}" in exc.get_error_msg()


def test_role_of_another_account_is_not_permitted(sandbox: SandboxServer, user_client: AcsClient) -> None:
    # The user's policy allows AssumeRole on its own account's roles only.
    exc = assume_error(user_client, sandbox, "acs:ram::1234567890123456:role/voduploaderrole")
    assert exc.get_error_code() == "NoPermission"


@pytest.mark.parametrize(("policy", "fault"), [
    ("{not json", "not valid JSON"),
    (json.dumps({"Version": "2", "Statement": [_allow("vod:*")]}), 'Version must be "1"'),
    (json.dumps({"Version": "1", "Statement": []}), "Statement must be a non-empty list"),
    (json.dumps({"Version": "1", "Statement": [{"Effect": "Allow", "Action": "vod:*"}]}), "Resource"),
    (json.dumps({"Version": "1", "Statement": [_allow("vod:*", Effect="Maybe")]}), "Effect"),
    (json.dumps({"Version": "1", "Statement": [_allow("GetPlayInfo")]}), "service:Name"),
])
def test_session_policy_grammar(sandbox: SandboxServer, info: dict[str, Any], user_client: AcsClient,
                                policy: str, fault: str) -> None:
    exc = assume_error(user_client, sandbox, info["role_arn"], policy=policy)
    assert exc.get_error_code() == "InvalidParameter.PolicyGrammar"
    assert exc.get_http_status() == 400
    assert exc.get_error_msg().startswith("The parameter Policy has not passed grammar check.")
    assert fault in exc.get_error_msg()


def test_session_policy_longer_than_2048_characters(sandbox: SandboxServer, info: dict[str, Any],
                                                    user_client: AcsClient) -> None:
    policy = _policy(*[_allow(f"vod:Action{i:04d}") for i in range(60)])
    assert len(policy) > 2048
    exc = assume_error(user_client, sandbox, info["role_arn"], policy=policy)
    assert exc.get_error_code() == "InvalidParameter.PolicyGrammar"
    assert "2048" in exc.get_error_msg()


# -- AssumeRole: who may call it -----------------------------------------------------------------------------
def test_root_account_may_not_assume_roles(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    exc = assume_error(acs_client(info), sandbox, info["role_arn"])
    assert exc.get_error_code() == "NoPermission"
    assert exc.get_http_status() == 403
    assert exc.get_error_msg() == "Roles may not be assumed by root accounts."


def test_user_without_assume_role_permission(sandbox: SandboxServer, info: dict[str, Any],
                                             user_client: AcsClient, ram_user: RamUser) -> None:
    ram_user.policies = [json.loads(_policy(_allow("vod:*")))]
    exc = assume_error(user_client, sandbox, info["role_arn"])
    assert (exc.get_error_code(), exc.get_http_status()) == ("NoPermission", 403)
    assert exc.get_error_msg() == UNAUTHORIZED


def test_user_permission_is_checked_on_the_role_arn(sandbox: SandboxServer, info: dict[str, Any],
                                                    user_client: AcsClient, ram_user: RamUser) -> None:
    other = f"acs:ram::{info['account_id']}:role/otherrole"
    only_other = {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": other}
    ram_user.policies = [json.loads(_policy(only_other))]
    assert assume_error(user_client, sandbox, info["role_arn"]).get_error_code() == "NoPermission"


def test_explicit_deny_on_assume_role_wins(sandbox: SandboxServer, info: dict[str, Any],
                                           user_client: AcsClient, ram_user: RamUser) -> None:
    ram_user.policies = [*ram_user.policies, json.loads(_policy(
        {"Effect": "Deny", "Action": "sts:*", "Resource": info["role_arn"]}))]
    assert assume_error(user_client, sandbox, info["role_arn"]).get_error_code() == "NoPermission"


def test_role_that_does_not_trust_the_user(sandbox: SandboxServer, info: dict[str, Any],
                                           user_client: AcsClient, role: RamRole) -> None:
    role.trusted = ["someone-else"]
    exc = assume_error(user_client, sandbox, info["role_arn"])
    assert (exc.get_error_code(), exc.get_http_status()) == ("NoPermission", 403)
    assert exc.get_error_msg() == UNAUTHORIZED
    role.trusted = ["*"]  # a role trusted by every user of the account
    assert assume(user_client, sandbox, info["role_arn"])["Credentials"]


def test_assumed_role_may_not_assume_again(sandbox: SandboxServer, info: dict[str, Any],
                                           user_client: AcsClient) -> None:
    chained = token_client(info, assume(user_client, sandbox, info["role_arn"]))
    exc = assume_error(chained, sandbox, info["role_arn"])
    assert (exc.get_error_code(), exc.get_http_status()) == ("NoPermission", 403)


# -- GetCallerIdentity ---------------------------------------------------------------------------------------
def test_caller_identity_of_each_kind(sandbox: SandboxServer, info: dict[str, Any],
                                      user_client: AcsClient) -> None:
    account = info["account_id"]
    root = call(acs_client(info), GetCallerIdentityRequest(), sandbox.url)
    assert root["IdentityType"] == "Account"
    assert root["Arn"] == f"acs:ram::{account}:root"
    assert root["AccountId"] == root["UserId"] == root["PrincipalId"] == account

    user = call(user_client, GetCallerIdentityRequest(), sandbox.url)
    assert user["IdentityType"] == "RAMUser"
    assert user["Arn"] == f"acs:ram::{account}:user/vod-uploader"
    assert re.fullmatch(r"\d{16}", user["UserId"]) and user["PrincipalId"] == user["UserId"]
    assert "RoleId" not in user

    answer = assume(user_client, sandbox, info["role_arn"], "bob")
    role = call(token_client(info, answer), GetCallerIdentityRequest(), sandbox.url)
    assert role["IdentityType"] == "AssumedRoleUser"
    assert role["Arn"] == f"acs:ram::{account}:assumed-role/voduploaderrole/bob"
    assert role["PrincipalId"] == answer["AssumedRoleUser"]["AssumedRoleId"]
    assert role["PrincipalId"] == f"{role['RoleId']}:bob"
    assert "UserId" not in role


def test_caller_identity_needs_no_permission(sandbox: SandboxServer, info: dict[str, Any],
                                             user_client: AcsClient, ram_user: RamUser) -> None:
    ram_user.policies = [json.loads(_policy({"Effect": "Deny", "Action": "*", "Resource": "*"}))]
    assert call(user_client, GetCallerIdentityRequest(), sandbox.url)["IdentityType"] == "RAMUser"


# -- what the token may do: role policy ∩ session policy -----------------------------------------------------
def _play_info() -> GetPlayInfoRequest:
    req = GetPlayInfoRequest()
    req.set_VideoId("0" * 32)
    return req


def _create_upload() -> CreateUploadVideoRequest:
    req = CreateUploadVideoRequest()
    req.set_Title("policy test")
    req.set_FileName("clip.mp4")
    req.set_FileSize(1024)
    return req


def _allowed(client: AcsClient, request: Any, sandbox: SandboxServer) -> bool:
    """True if RAM let the call through (it may still fail in the action, e.g. an unknown video)."""
    try:
        call(client, request, sandbox.url)
    except ServerException as exc:
        if exc.get_error_code() == "Forbidden.RAM":
            assert exc.get_http_status() == 403
            return False
        assert exc.get_error_code() == "InvalidVideo.NotFound", exc
    return True


def _token(info: dict[str, Any], sandbox: SandboxServer, user_client: AcsClient,
           policy: str | None = None) -> AcsClient:
    return token_client(info, assume(user_client, sandbox, info["role_arn"], policy=policy))


def test_without_session_policy_the_role_policy_applies(sandbox: SandboxServer, info: dict[str, Any],
                                                        user_client: AcsClient) -> None:
    client = _token(info, sandbox, user_client)
    assert _allowed(client, _play_info(), sandbox)
    assert _allowed(client, _create_upload(), sandbox)


def test_session_policy_narrows_the_token(sandbox: SandboxServer, info: dict[str, Any],
                                          user_client: AcsClient) -> None:
    policy = _policy(_allow(["vod:CreateUploadVideo", "vod:RefreshUploadVideo"]))
    client = _token(info, sandbox, user_client, policy)
    assert _allowed(client, _create_upload(), sandbox)
    with pytest.raises(ServerException) as err:
        call(client, _play_info(), sandbox.url)
    assert err.value.get_error_code() == "Forbidden.RAM"
    assert "not authorized" in err.value.get_error_msg()


def test_session_policy_cannot_widen_the_role(sandbox: SandboxServer, info: dict[str, Any],
                                              user_client: AcsClient, role: RamRole) -> None:
    role.policies = [json.loads(_policy(_allow("vod:CreateUploadVideo")))]
    client = _token(info, sandbox, user_client, _policy(_allow("*")))
    assert _allowed(client, _create_upload(), sandbox)
    assert not _allowed(client, _play_info(), sandbox)


def test_explicit_deny_in_the_session_policy_wins(sandbox: SandboxServer, info: dict[str, Any],
                                                  user_client: AcsClient) -> None:
    policy = _policy(_allow("vod:*"), {"Effect": "Deny", "Action": "vod:GetPlayInfo", "Resource": "*"})
    client = _token(info, sandbox, user_client, policy)
    assert _allowed(client, _create_upload(), sandbox)
    assert not _allowed(client, _play_info(), sandbox)


@pytest.mark.parametrize(("action", "play", "upload"), [
    ("vod:Get*", True, False),
    ("vod:*Upload*", False, True),
    ("vod:Get?layInfo", True, False),
    ("vod:GetPlayInf?", True, False),
    ("vod:GetPlay", False, False),
    ("VOD:getplayinfo", True, False),  # action matching is case-insensitive (UNCONFIRMED, like AWS)
])
def test_wildcards_in_the_session_policy(sandbox: SandboxServer, info: dict[str, Any], user_client: AcsClient,
                                         action: str, play: bool, upload: bool) -> None:
    client = _token(info, sandbox, user_client, _policy(_allow(action)))
    assert _allowed(client, _play_info(), sandbox) is play
    assert _allowed(client, _create_upload(), sandbox) is upload


def test_not_action_in_the_session_policy(sandbox: SandboxServer, info: dict[str, Any],
                                          user_client: AcsClient) -> None:
    policy = _policy({"Effect": "Allow", "NotAction": "vod:GetPlayInfo", "Resource": "*"})
    client = _token(info, sandbox, user_client, policy)
    assert _allowed(client, _create_upload(), sandbox)
    assert not _allowed(client, _play_info(), sandbox)


@pytest.mark.parametrize(("cidr", "allowed"), [("127.0.0.0/8", True), ("10.0.0.0/8", False)])
def test_source_ip_condition(sandbox: SandboxServer, info: dict[str, Any], user_client: AcsClient,
                             cidr: str, allowed: bool) -> None:
    policy = _policy(_allow("vod:*", Condition={"IpAddress": {"acs:SourceIp": cidr}}))
    client = _token(info, sandbox, user_client, policy)
    assert _allowed(client, _play_info(), sandbox) is allowed


def test_current_time_condition_follows_the_sandbox_clock(sandbox: SandboxServer, info: dict[str, Any],
                                                          user_client: AcsClient) -> None:
    deadline = datetime.fromtimestamp(sandbox.clock.now() + 600, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    policy = _policy(_allow("vod:*", Condition={"DateLessThan": {"acs:CurrentTime": deadline}}))
    client = _token(info, sandbox, user_client, policy)
    assert _allowed(client, _play_info(), sandbox)
    sandbox.clock.advance(601)
    assert not _allowed(client, _play_info(), sandbox)


def test_expired_token_is_refused_before_authorization(sandbox: SandboxServer, info: dict[str, Any],
                                                       user_client: AcsClient) -> None:
    client = _token(info, sandbox, user_client)
    sandbox.clock.advance(3599)
    assert _allowed(client, _play_info(), sandbox)
    sandbox.clock.advance(1)
    exc = _error(client, _play_info(), sandbox)
    assert exc.get_error_code() == "InvalidSecurityToken.Expired"
    assert exc.get_http_status() == 400


def test_short_token_expires_with_its_duration(sandbox: SandboxServer, info: dict[str, Any],
                                               user_client: AcsClient) -> None:
    client = token_client(info, assume(user_client, sandbox, info["role_arn"], duration=900))
    sandbox.clock.advance(900)
    exc = _error(client, GetCallerIdentityRequest(), sandbox)
    assert exc.get_error_code() == "InvalidSecurityToken.Expired"
