"""The POP RPC v1 front door: every check a real gateway makes before an action runs.

Raw requests (http.client) where the test must send something no SDK would; the official SDK where the point
is what the app will see (e.g. ``InvalidAccessKeySecret``).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdksts.request.v20150401.AssumeRoleRequest import AssumeRoleRequest
from aliyunsdksts.request.v20150401.GetCallerIdentityRequest import GetCallerIdentityRequest

from tests.helpers.raw_rpc import send, sign, signed, string_to_sign
from tests.helpers.sdk import acs_client, call
from vodgui.sandbox import SandboxConfig, SandboxServer

STS = "2015-04-01"


def _user(info: dict[str, Any]) -> tuple[str, str]:
    return info["ram_user"]["access_key_id"], info["ram_user"]["access_key_secret"]


def _identity(sandbox: SandboxServer, params: dict[str, str], method: str = "POST") -> Any:
    return send(sandbox.url, method, params)


def _sdk_error(client: Any, request: Any, endpoint: str) -> ServerException:
    with pytest.raises(ServerException) as err:
        call(client, request, endpoint)
    return err.value


def _assume(info: dict[str, Any], sandbox: SandboxServer) -> dict[str, str]:
    ak, sk = _user(info)
    req = AssumeRoleRequest()
    req.set_RoleArn(info["role_arn"])
    req.set_RoleSessionName("rpc-auth")
    return dict(call(acs_client(info, ak, sk), req, sandbox.url)["Credentials"])


# -- the signature -------------------------------------------------------------------------------------------
def test_signed_request_with_blank_signature_type_succeeds(sandbox: SandboxServer,
                                                           info: dict[str, Any]) -> None:
    ak, sk = _user(info)
    resp = _identity(sandbox, signed("GetCallerIdentity", STS, ak, sk))
    assert resp.status == 200, resp.body
    assert resp.body["Arn"].endswith(":user/vod-uploader")
    assert resp.body["RequestId"] and resp.headers["content-type"].startswith("application/json")


def test_blank_signature_type_is_part_of_the_canonical_string(sandbox: SandboxServer,
                                                              info: dict[str, Any]) -> None:
    ak, sk = _user(info)
    params = signed("GetCallerIdentity", STS, ak, sk)
    # Sign as a client that drops blank values would, but still send SignatureType=.
    without = {k: v for k, v in params.items() if k not in ("Signature", "SignatureType")}
    params["Signature"] = sign(sk, string_to_sign("POST", without))
    resp = _identity(sandbox, params)
    assert resp.status == 400
    assert resp.code == "SignatureDoesNotMatch"
    assert "SignatureType%3D%26" in resp.message


def test_wrong_secret_quotes_the_server_string_to_sign(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    ak, _ = _user(info)
    params = signed("GetCallerIdentity", STS, ak, "not-the-secret")
    resp = _identity(sandbox, params)
    assert resp.status == 400
    assert resp.code == "SignatureDoesNotMatch"
    expected = string_to_sign("POST", {k: v for k, v in params.items() if k != "Signature"})
    assert resp.message == ("Specified signature is not matched with our calculation. "
                            "server string to sign is:" + expected)
    assert set(resp.body) >= {"RequestId", "HostId", "Code", "Message", "Recommend"}
    assert resp.body["HostId"] == "sts.aliyuncs.com"


def test_wrong_secret_becomes_invalid_access_key_secret_in_the_sdk(sandbox: SandboxServer,
                                                                   info: dict[str, Any]) -> None:
    ak, _ = _user(info)
    exc = _sdk_error(acs_client(info, ak, "wrong-secret"), GetCallerIdentityRequest(), sandbox.url)
    # The SDK compares the quoted string-to-sign with its own: equal means "the secret is wrong".
    assert exc.get_error_code() == "InvalidAccessKeySecret"
    assert exc.get_http_status() == 400


def test_hmac_sha256_signature_method_is_accepted(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    ak, sk = _user(info)
    resp = _identity(sandbox, signed("GetCallerIdentity", STS, ak, sk, SignatureMethod="HMAC-SHA256"))
    assert resp.status == 200, resp.body


def test_unknown_signature_method_is_refused(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    ak, sk = _user(info)
    resp = _identity(sandbox, signed("GetCallerIdentity", STS, ak, sk, SignatureMethod="MD5"))
    assert (resp.status, resp.code) == (400, "InvalidSignatureMethod")


# -- keys ----------------------------------------------------------------------------------------------------
def test_unknown_access_key_is_not_found(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    client = acs_client(info, "LTAI5tNoSuchKey000000000", "x")
    exc = _sdk_error(client, GetCallerIdentityRequest(), sandbox.url)
    assert exc.get_error_code() == "InvalidAccessKeyId.NotFound"
    assert exc.get_http_status() == 404
    assert exc.get_error_msg() == "Specified access key is not found."


def test_disabled_access_key_is_inactive() -> None:
    config = SandboxConfig.generate("inactive-key")
    config.user_keys[0].active = False
    server = SandboxServer(config=config).start()
    try:
        info = server.info()
        ak, sk = _user(info)
        exc = _sdk_error(acs_client(info, ak, sk), GetCallerIdentityRequest(), server.url)
        assert exc.get_error_code() == "InvalidAccessKeyId.Inactive"
        assert exc.get_http_status() == 400
        assert "disabled" in exc.get_error_msg()
        # The account key of the same sandbox still works: only that key is disabled.
        assert call(acs_client(info), GetCallerIdentityRequest(), server.url)["IdentityType"] == "Account"
    finally:
        server.stop()


# -- time and replay -----------------------------------------------------------------------------------------
def test_timestamp_more_than_15_minutes_off_is_expired(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    sandbox.clock.set_skew(16 * 60)
    exc = _sdk_error(acs_client(info), GetCallerIdentityRequest(), sandbox.url)
    assert exc.get_error_code() == "InvalidTimeStamp.Expired"
    assert exc.get_http_status() == 400


def test_timestamp_within_15_minutes_is_accepted(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    sandbox.clock.set_skew(-14 * 60)
    assert call(acs_client(info), GetCallerIdentityRequest(), sandbox.url)["IdentityType"] == "Account"


def test_advancing_logical_time_does_not_break_request_timestamps(sandbox: SandboxServer,
                                                                   info: dict[str, Any]) -> None:
    sandbox.clock.advance(10 * 3600)  # expiries move; the 15-minute timestamp window does not
    assert call(acs_client(info), GetCallerIdentityRequest(), sandbox.url)["IdentityType"] == "Account"


@pytest.mark.parametrize("value", ["2026-01-01 10:00:00", "2026-01-01T10:00:00", "yesterday", "1767261600"])
def test_malformed_timestamp(sandbox: SandboxServer, info: dict[str, Any], value: str) -> None:
    ak, sk = _user(info)
    resp = _identity(sandbox, signed("GetCallerIdentity", STS, ak, sk, Timestamp=value))
    assert (resp.status, resp.code) == (400, "InvalidTimeStamp.Format")
    assert "not well formatted" in resp.message


def test_reused_nonce_is_refused(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    ak, sk = _user(info)
    params = signed("GetCallerIdentity", STS, ak, sk)
    assert _identity(sandbox, params).status == 200
    again = _identity(sandbox, params)
    assert (again.status, again.code) == (400, "SignatureNonceUsed")
    # The same nonce under another key is a different nonce.
    other = signed("GetCallerIdentity", STS, info["access_key_id"], info["access_key_secret"],
                   SignatureNonce=params["SignatureNonce"])
    assert _identity(sandbox, other).status == 200


# -- parameters and routing ----------------------------------------------------------------------------------
@pytest.mark.parametrize("param", ["AccessKeyId", "Signature", "SignatureMethod", "Timestamp",
                                   "SignatureNonce", "Version"])
def test_missing_common_parameter(sandbox: SandboxServer, info: dict[str, Any], param: str) -> None:
    ak, sk = _user(info)
    params = signed("GetCallerIdentity", STS, ak, sk, **{param: None})
    params.pop(param, None)  # also drop it after signing (Signature itself)
    resp = _identity(sandbox, params)
    assert (resp.status, resp.code) == (400, f"Missing{param}")
    assert resp.message == f"{param} is mandatory for this action."


def test_missing_business_parameter(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    ak, sk = _user(info)
    resp = _identity(sandbox, signed("AssumeRole", STS, ak, sk, {"RoleSessionName": "abc"}))
    assert (resp.status, resp.code) == (400, "MissingRoleArn")
    assert resp.message == "RoleArn is mandatory for this action."


def test_unknown_action_is_not_found(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    ak, sk = _user(info)
    resp = _identity(sandbox, signed("GetSessionAccessKey", STS, ak, sk))
    assert (resp.status, resp.code) == (404, "InvalidApi.NotFound")
    assert "api is not found" in resp.message


def test_unknown_version_is_invalid(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    ak, sk = _user(info)
    resp = _identity(sandbox, signed("GetCallerIdentity", "2099-01-01", ak, sk))
    assert (resp.status, resp.code) == (400, "InvalidVersion")


def test_get_is_accepted_and_signed_with_its_own_method(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    ak, sk = _user(info)
    ok = _identity(sandbox, signed("GetCallerIdentity", STS, ak, sk, method="GET"), "GET")
    assert ok.status == 200, ok.body
    # A POST signature sent with GET: the method is part of the string to sign.
    bad = _identity(sandbox, signed("GetCallerIdentity", STS, ak, sk, method="POST"), "GET")
    assert bad.code == "SignatureDoesNotMatch"
    assert "server string to sign is:GET&%2F&" in bad.message


def test_other_http_methods_are_unsupported(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    ak, sk = _user(info)
    resp = _identity(sandbox, signed("GetCallerIdentity", STS, ak, sk, method="PUT"), "PUT")
    assert (resp.status, resp.code) == (400, "UnsupportedHTTPMethod")


def test_parameters_in_a_form_body_are_merged_and_signed(sandbox: SandboxServer,
                                                         info: dict[str, Any]) -> None:
    ak, sk = _user(info)
    params = signed("AssumeRole", STS, ak, sk, {"RoleArn": info["role_arn"], "RoleSessionName": "form-body"})
    in_query = {k: params.pop(k) for k in ("Action", "Version", "Signature")}
    resp = send(sandbox.url, "POST", in_query, form=params)
    assert resp.status == 200, resp.body
    assert resp.body["AssumedRoleUser"]["Arn"].endswith("/form-body")


def test_every_parameter_in_a_form_body(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    ak, sk = _user(info)
    resp = send(sandbox.url, "POST", form=signed("GetCallerIdentity", STS, ak, sk))
    assert resp.status == 200, resp.body
    assert resp.body["IdentityType"] == "RAMUser"


def test_form_body_without_action(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    ak, sk = _user(info)
    resp = send(sandbox.url, "POST", form=signed("GetCallerIdentity", STS, ak, sk, Action=None))
    assert (resp.status, resp.code) == (400, "MissingAction")


def test_tampered_parameter_breaks_the_signature(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    ak, sk = _user(info)
    params = signed("AssumeRole", STS, ak, sk, {"RoleArn": info["role_arn"], "RoleSessionName": "honest"})
    params["RoleSessionName"] = "mallory"
    resp = _identity(sandbox, params)
    assert resp.code == "SignatureDoesNotMatch"
    assert "RoleSessionName%3Dmallory" in resp.message


def test_non_ascii_values_are_signed_as_utf8(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    ak, sk = _user(info)
    policy = json.dumps({"Version": "1", "Statement": [
        {"Effect": "Allow", "Action": "vod:*", "Resource": "acs:vod:*:*:视频/a b+c*~"}]}, ensure_ascii=False)
    resp = _identity(sandbox, signed("AssumeRole", STS, ak, sk, {
        "RoleArn": info["role_arn"], "RoleSessionName": "utf8", "Policy": policy}))
    assert resp.status == 200, resp.body


# -- STS tokens ----------------------------------------------------------------------------------------------
def test_sts_key_without_token_is_missing_security_token(sandbox: SandboxServer,
                                                         info: dict[str, Any]) -> None:
    creds = _assume(info, sandbox)
    exc = _sdk_error(acs_client(info, creds["AccessKeyId"], creds["AccessKeySecret"]),
                     GetCallerIdentityRequest(), sandbox.url)
    assert exc.get_error_code() == "MissingSecurityToken"
    assert exc.get_error_msg() == "SecurityToken is mandatory for this action."


def test_garbage_token_is_malformed(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    creds = _assume(info, sandbox)
    client = acs_client(info, creds["AccessKeyId"], creds["AccessKeySecret"], "CAISgarbage")
    exc = _sdk_error(client, GetCallerIdentityRequest(), sandbox.url)
    assert exc.get_error_code() == "InvalidSecurityToken.Malformed"


def test_token_of_another_key_is_a_mismatch(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    first, second = _assume(info, sandbox), _assume(info, sandbox)
    client = acs_client(info, first["AccessKeyId"], first["AccessKeySecret"], second["SecurityToken"])
    exc = _sdk_error(client, GetCallerIdentityRequest(), sandbox.url)
    assert exc.get_error_code() == "InvalidSecurityToken.MismatchWithAccessKey"


def test_expired_token(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    creds = _assume(info, sandbox)
    client = acs_client(info, creds["AccessKeyId"], creds["AccessKeySecret"], creds["SecurityToken"])
    assert call(client, GetCallerIdentityRequest(), sandbox.url)["IdentityType"] == "AssumedRoleUser"
    sandbox.clock.advance(3600)
    exc = _sdk_error(client, GetCallerIdentityRequest(), sandbox.url)
    assert exc.get_error_code() == "InvalidSecurityToken.Expired"
    assert exc.get_http_status() == 400


def test_token_is_signed_like_any_other_parameter(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    creds = _assume(info, sandbox)
    params = signed("GetCallerIdentity", STS, creds["AccessKeyId"], creds["AccessKeySecret"],
                    token=creds["SecurityToken"])
    assert _identity(sandbox, params).status == 200
    unsigned = signed("GetCallerIdentity", STS, creds["AccessKeyId"], creds["AccessKeySecret"])
    unsigned["SecurityToken"] = creds["SecurityToken"]  # added after signing
    resp = _identity(sandbox, unsigned)
    assert resp.code == "SignatureDoesNotMatch"
