"""The Tea SDKs (alibabacloud-*-2015/2017) sign with ACS3-HMAC-SHA256: the sandbox verifies that too.

They reach the loopback with ``Config(endpoint='127.0.0.1:PORT', protocol='http')``; the request classes say
HTTPS but the client's protocol wins (alibabacloud_tea_openapi/client.py: ``self._protocol or
params.protocol``).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from alibabacloud_sts20150401 import models as sts_models
from alibabacloud_sts20150401.client import Client as StsClient
from alibabacloud_tea_openapi.exceptions import ClientException
from alibabacloud_tea_openapi.models import Config
from alibabacloud_vod20170321 import models as vod_models
from alibabacloud_vod20170321.client import Client as VodClient
from aliyunsdksts.request.v20150401.GetCallerIdentityRequest import GetCallerIdentityRequest

from tests.helpers.raw_rpc import acs3_headers, send_raw
from tests.helpers.sdk import acs_client, call
from vodgui.sandbox import SandboxServer

STS = "2015-04-01"


def _config(sandbox: SandboxServer, info: dict[str, Any], ak: str, sk: str, token: str | None = None,
            **extra: Any) -> Config:
    return Config(access_key_id=ak, access_key_secret=sk, security_token=token,
                  endpoint=f"127.0.0.1:{sandbox.port}", protocol="http", region_id=info["region"], **extra)


def _user(info: dict[str, Any]) -> tuple[str, str]:
    return info["ram_user"]["access_key_id"], info["ram_user"]["access_key_secret"]


def _sts(sandbox: SandboxServer, info: dict[str, Any], ak: str | None = None, sk: str | None = None,
         token: str | None = None, **extra: Any) -> StsClient:
    uak, usk = _user(info)
    return StsClient(_config(sandbox, info, ak or uak, sk or usk, token, **extra))


def _assume(sandbox: SandboxServer, info: dict[str, Any], policy: str | None = None) -> Any:
    req = sts_models.AssumeRoleRequest(role_arn=info["role_arn"], role_session_name="tea", policy=policy)
    return _sts(sandbox, info).assume_role(req).body


def test_get_caller_identity(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    body = _sts(sandbox, info).get_caller_identity().body
    assert body.identity_type == "RAMUser"
    assert body.arn == f"acs:ram::{info['account_id']}:user/vod-uploader"
    # The request really was ACS3: no Signature parameter, an Authorization header instead.
    entry = sandbox.request_log.since(0)[-1]
    assert entry["action"] == "GetCallerIdentity" and entry["status"] == 200


def test_assume_role_and_use_the_token(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    creds = _assume(sandbox, info).credentials
    assert creds.access_key_id.startswith("STS.")
    tea = _sts(sandbox, info, creds.access_key_id, creds.access_key_secret, creds.security_token)
    body = tea.get_caller_identity().body
    assert body.identity_type == "AssumedRoleUser"
    assert body.arn.endswith(":assumed-role/voduploaderrole/tea")
    # The same token works with the v1 SDK: one credential, two signing schemes.
    v1 = acs_client(info, creds.access_key_id, creds.access_key_secret, creds.security_token)
    assert call(v1, GetCallerIdentityRequest(), sandbox.url)["Arn"] == body.arn


def test_wrong_secret_is_signature_does_not_match(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    with pytest.raises(ClientException) as err:
        _sts(sandbox, info, sk="wrong-secret").get_caller_identity()
    exc = err.value
    assert exc.code == "SignatureDoesNotMatch"
    assert exc.status_code == 400
    assert "server string to sign is:ACS3-HMAC-SHA256\n" in exc.data["Message"]


def test_unknown_key(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    with pytest.raises(ClientException) as err:
        _sts(sandbox, info, ak="LTAI5tNoSuchKey000000000").get_caller_identity()
    assert (err.value.code, err.value.status_code) == ("InvalidAccessKeyId.NotFound", 404)


def test_expired_token(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    creds = _assume(sandbox, info).credentials
    tea = _sts(sandbox, info, creds.access_key_id, creds.access_key_secret, creds.security_token)
    sandbox.clock.advance(3600)
    with pytest.raises(ClientException) as err:
        tea.get_caller_identity()
    assert err.value.code == "InvalidSecurityToken.Expired"


def test_v2_signature_algorithm_uses_rpc_v1(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    # Config(signature_algorithm='v2') sends the old query signature, without SignatureType or RegionId.
    body = _sts(sandbox, info, signature_algorithm="v2").get_caller_identity().body
    assert body.identity_type == "RAMUser"


def test_vod_action_through_the_tea_sdk(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    ak, sk = info["access_key_id"], info["access_key_secret"]
    vod = VodClient(_config(sandbox, info, ak, sk))
    with pytest.raises(ClientException) as err:
        vod.get_video_info(vod_models.GetVideoInfoRequest(video_id="0" * 32))
    # Not a signature or routing error: the action ran and looked for the video.
    assert (err.value.code, err.value.status_code) == ("InvalidVideo.NotFound", 404)


def test_session_policy_applies_to_tea_calls(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    policy = json.dumps({"Version": "1", "Statement": [
        {"Effect": "Allow", "Action": "vod:CreateUploadVideo", "Resource": "*"}]})
    creds = _assume(sandbox, info, policy).credentials
    config = _config(sandbox, info, creds.access_key_id, creds.access_key_secret, creds.security_token)
    vod = VodClient(config)
    with pytest.raises(ClientException) as err:
        vod.get_video_info(vod_models.GetVideoInfoRequest(video_id="0" * 32))
    assert (err.value.code, err.value.status_code) == ("Forbidden.RAM", 403)


# -- raw ACS3: what the SDK would never send -----------------------------------------------------------------
def _raw(sandbox: SandboxServer, info: dict[str, Any], query: dict[str, str] | None = None, body: bytes = b"",
         *, tamper: dict[str, str] | None = None, **kw: Any) -> Any:
    ak, sk = _user(info)
    action = kw.pop("action", "GetCallerIdentity")
    host = f"127.0.0.1:{sandbox.port}"
    headers = acs3_headers("POST", host, action, STS, kw.pop("ak", ak), kw.pop("sk", sk), query, body, **kw)
    headers.update(tamper or {})
    return send_raw(sandbox.url, "POST", query, headers, body)


def test_raw_acs3_request_is_accepted(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    resp = _raw(sandbox, info)
    assert resp.status == 200, resp.body
    assert resp.body["IdentityType"] == "RAMUser"


def test_query_parameters_are_signed(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    query = {"RoleArn": info["role_arn"], "RoleSessionName": "raw acs3".replace(" ", "-"),
             "Policy": json.dumps({"Version": "1", "Statement": [
                 {"Effect": "Allow", "Action": "vod:*", "Resource": "acs:vod:*:*:a b+c/视频"}]})}
    ok = _raw(sandbox, info, query, action="AssumeRole")
    assert ok.status == 200, ok.body
    ak, sk = _user(info)
    headers = acs3_headers("POST", f"127.0.0.1:{sandbox.port}", "AssumeRole", STS, ak, sk, query)
    tampered = send_raw(sandbox.url, "POST", {**query, "RoleSessionName": "mallory"}, headers)
    assert tampered.code == "SignatureDoesNotMatch"


def test_form_body_is_covered_by_the_content_hash(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    body = f"RoleArn={info['role_arn']}&RoleSessionName=in-body".encode()
    form = {"content-type": "application/x-www-form-urlencoded"}
    ok = _raw(sandbox, info, body=body, action="AssumeRole", extra_headers=form)
    assert ok.status == 200, ok.body
    assert ok.body["AssumedRoleUser"]["Arn"].endswith("/in-body")
    ak, sk = _user(info)
    headers = acs3_headers("POST", f"127.0.0.1:{sandbox.port}", "AssumeRole", STS, ak, sk, None, body,
                           extra_headers=form)
    swapped = send_raw(sandbox.url, "POST", None, headers, body.replace(b"in-body", b"in-bodx"))
    assert (swapped.status, swapped.code) == (400, "ContentSHA256NotMatched")


def test_signed_header_changed_in_transit(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    resp = _raw(sandbox, info, extra_headers={"user-agent": "AlibabaCloud Tea"},
                tamper={"user-agent": "something else"})
    assert (resp.status, resp.code) == (400, "SignatureDoesNotMatch")


@pytest.mark.parametrize("header", ["host", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256"])
def test_required_headers_must_be_signed(sandbox: SandboxServer, info: dict[str, Any], header: str) -> None:
    resp = _raw(sandbox, info, unsigned=(header,))
    assert (resp.status, resp.code) == (400, "InvalidAuthorization")
    assert header in resp.message


def test_acs3_timestamp_skew(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    sandbox.clock.set_skew(-20 * 60)
    resp = _raw(sandbox, info)
    assert (resp.status, resp.code) == (400, "InvalidTimeStamp.Expired")


def test_acs3_nonce_replay(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    assert _raw(sandbox, info, nonce="fixed-nonce-1").status == 200
    again = _raw(sandbox, info, nonce="fixed-nonce-1")
    assert (again.status, again.code) == (400, "SignatureNonceUsed")


def test_acs3_security_token_header(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    creds = _assume(sandbox, info).credentials
    ok = _raw(sandbox, info, ak=creds.access_key_id, sk=creds.access_key_secret, token=creds.security_token)
    assert ok.status == 200 and ok.body["IdentityType"] == "AssumedRoleUser"
    missing = _raw(sandbox, info, ak=creds.access_key_id, sk=creds.access_key_secret)
    assert missing.code == "MissingSecurityToken"


def test_malformed_authorization_header(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    resp = _raw(sandbox, info, tamper={"Authorization": "ACS3-HMAC-SHA256 Credential=x"})
    assert (resp.status, resp.code) == (400, "InvalidAuthorization")
