"""The reference AppServer over plain HTTP: bearer auth, JSON in and out, VOD/STS errors passed through, and
the credentials it hands out working with the official SDKs."""

from __future__ import annotations

import base64
import http.client
import json
from datetime import UTC, datetime
from typing import Any

import pytest
from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdksts.request.v20150401.GetCallerIdentityRequest import GetCallerIdentityRequest
from aliyunsdkvod.request.v20170321.CreateUploadVideoRequest import CreateUploadVideoRequest
from aliyunsdkvod.request.v20170321.GetPlayInfoRequest import GetPlayInfoRequest

from tests.helpers.sdk import acs_client, call
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.client import SandboxControl

Answer = tuple[int, dict[str, str], dict[str, Any]]


def post(sandbox: SandboxServer, path: str, body: Any = None, *, token: str | None = None,
         raw: bytes | None = None, method: str = "POST", auth: str | None = None) -> Answer:
    """One AppServer request; ``token`` is the bearer token, ``auth`` a literal Authorization header."""
    conn = http.client.HTTPConnection("127.0.0.1", sandbox.port, timeout=10)
    try:
        headers = {"Content-Type": "application/json"}
        if auth is not None:
            headers["Authorization"] = auth
        elif token is not None:
            headers["Authorization"] = f"Bearer {token}"
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        conn.request(method, f"/_appserver/{path}", body=data, headers=headers)
        resp = conn.getresponse()
        payload = resp.read()
        headers_out = {k.lower(): v for k, v in resp.getheaders()}
        return resp.status, headers_out, json.loads(payload) if payload else {}
    finally:
        conn.close()


@pytest.fixture
def token(info: dict[str, Any]) -> str:
    return str(info["appserver_token"])


def _epoch(text: str) -> float:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()


def _b64json(text: str) -> dict[str, Any]:
    return dict(json.loads(base64.b64decode(text)))


def _sts_client(info: dict[str, Any], creds: dict[str, Any]) -> Any:
    return acs_client(info, creds["AccessKeyId"], creds["AccessKeySecret"], creds["SecurityToken"])


def _play_info() -> GetPlayInfoRequest:
    req = GetPlayInfoRequest()
    req.set_VideoId("0" * 32)
    return req


# -- sts-token -----------------------------------------------------------------------------------------------
def test_sts_token_works_with_the_official_sdk(sandbox: SandboxServer, info: dict[str, Any],
                                               token: str) -> None:
    status, headers, body = post(sandbox, "sts-token", {}, token=token)
    assert status == 200, body
    assert headers["content-type"].startswith("application/json")
    assert set(body) == {"AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration", "RequestId"}
    assert body["AccessKeyId"].startswith("STS.")
    assert abs(_epoch(body["Expiration"]) - (sandbox.clock.now() + 3600)) < 5
    client = _sts_client(info, body)
    who = call(client, GetCallerIdentityRequest(), sandbox.url)
    assert who["IdentityType"] == "AssumedRoleUser"
    assert who["Arn"] == info["role_arn"].replace(":role/", ":assumed-role/") + "/vodgui-appserver"
    upload = CreateUploadVideoRequest()
    upload.set_Title("via appserver token")
    upload.set_FileName("clip.mp4")
    assert call(client, upload, sandbox.url)["VideoId"]


def test_sts_token_with_an_empty_body(sandbox: SandboxServer, token: str) -> None:
    status, _, body = post(sandbox, "sts-token", token=token)
    assert status == 200, body


def test_sts_token_duration_and_policy(sandbox: SandboxServer, info: dict[str, Any], token: str) -> None:
    policy = {"Version": "1", "Statement": [
        {"Effect": "Allow", "Action": ["vod:CreateUploadVideo", "vod:RefreshUploadVideo"], "Resource": "*"}]}
    status, _, body = post(sandbox, "sts-token", {"DurationSeconds": 900, "Policy": json.dumps(policy)},
                           token=token)
    assert status == 200, body
    assert abs(_epoch(body["Expiration"]) - (sandbox.clock.now() + 900)) < 5
    with pytest.raises(ServerException) as err:
        call(_sts_client(info, body), _play_info(), sandbox.url)
    assert err.value.get_error_code() == "Forbidden.RAM"


def test_sts_token_policy_may_be_a_json_object(sandbox: SandboxServer, token: str) -> None:
    policy = {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "vod:*", "Resource": "*"}]}
    status, _, body = post(sandbox, "sts-token", {"Policy": policy, "DurationSeconds": "1800"}, token=token)
    assert status == 200, body


def test_sts_token_expires(sandbox: SandboxServer, info: dict[str, Any], token: str) -> None:
    _, _, body = post(sandbox, "sts-token", {"DurationSeconds": 900}, token=token)
    sandbox.clock.advance(900)
    with pytest.raises(ServerException) as err:
        call(_sts_client(info, body), GetCallerIdentityRequest(), sandbox.url)
    assert err.value.get_error_code() == "InvalidSecurityToken.Expired"


@pytest.mark.parametrize(("request_body", "status", "code", "fault"), [
    ({"DurationSeconds": 60}, 400, "InvalidParameter.DurationSeconds", "15min/1hr"),
    ({"DurationSeconds": "soon"}, 400, "InvalidParameter.DurationSeconds", "whole number"),
    ({"Policy": "{broken"}, 400, "InvalidParameter.PolicyGrammar", "not valid JSON"),
    ({"Policy": {"Version": "1", "Statement": []}}, 400, "InvalidParameter.PolicyGrammar", "Statement"),
    ({"RoleArn": "acs:ram::1:role/admin"}, 400, "InvalidParameter", "Unknown field 'RoleArn'"),
    ({"DurationSeconds": True}, 400, "InvalidParameter", "boolean"),
])
def test_sts_token_errors_pass_through(sandbox: SandboxServer, token: str, request_body: dict[str, Any],
                                       status: int, code: str, fault: str) -> None:
    got, _, body = post(sandbox, "sts-token", request_body, token=token)
    assert (got, body["Code"]) == (status, code)
    assert fault in body["Message"]
    assert body["RequestId"]


def test_sts_token_when_the_role_no_longer_trusts_the_user(sandbox: SandboxServer, token: str) -> None:
    role = sandbox.config.roles[0]
    saved = list(role.trusted)
    role.trusted = []
    try:
        status, _, body = post(sandbox, "sts-token", {}, token=token)
    finally:
        role.trusted = saved
    assert (status, body["Code"]) == (403, "NoPermission")


# -- authentication, routing, bodies -------------------------------------------------------------------------
@pytest.mark.parametrize("path", ["sts-token", "create-upload-video", "refresh-upload-video"])
def test_missing_bearer_token(sandbox: SandboxServer, path: str) -> None:
    status, headers, body = post(sandbox, path, {})
    assert (status, body["Code"]) == (401, "MissingToken")
    assert headers["www-authenticate"].startswith("Bearer")
    assert body["RequestId"]


@pytest.mark.parametrize("auth", ["Bearer wrong-token", "Basic dXNlcjpwYXNz", "Bearer", "bearer  "])
def test_wrong_bearer_token(sandbox: SandboxServer, auth: str) -> None:
    status, _, body = post(sandbox, "sts-token", {}, auth=auth)
    assert (status, body["Code"]) == (401, "InvalidToken")


def test_bearer_scheme_is_case_insensitive(sandbox: SandboxServer, token: str) -> None:
    status, _, body = post(sandbox, "sts-token", {}, auth=f"bearer {token}")
    assert status == 200, body


def test_unknown_path_is_404(sandbox: SandboxServer, token: str) -> None:
    status, _, body = post(sandbox, "delete-everything", {}, token=token)
    assert (status, body["Code"]) == (404, "NotFound")
    assert "/_appserver/delete-everything" in body["Message"]


def test_wrong_method_is_405(sandbox: SandboxServer, token: str) -> None:
    status, headers, body = post(sandbox, "sts-token", method="GET", token=token)
    assert (status, body["Code"]) == (405, "MethodNotAllowed")
    assert headers["allow"] == "POST"


@pytest.mark.parametrize(("raw", "fault"), [(b"{not json", "not valid JSON"), (b"[1, 2]", "JSON object"),
                                            (b"\xff\xfe", "not valid JSON")])
def test_bad_json_is_400(sandbox: SandboxServer, token: str, raw: bytes, fault: str) -> None:
    status, _, body = post(sandbox, "create-upload-video", raw=raw, token=token)
    assert (status, body["Code"]) == (400, "MalformedJSON")
    assert fault in body["Message"]


def test_injected_fault_answers_in_the_appserver_format(sandbox: SandboxServer, control: SandboxControl,
                                                        token: str) -> None:
    control.add_fault(service="appserver", op="sts-token", status=503, code="ServiceUnavailable", first=1)
    status, _, body = post(sandbox, "sts-token", {}, token=token)
    assert (status, body["Code"]) == (503, "ServiceUnavailable")
    assert body["RequestId"] and body["Message"]
    assert post(sandbox, "sts-token", {}, token=token)[0] == 200


# -- create-upload-video and refresh-upload-video ------------------------------------------------------------
def _create(sandbox: SandboxServer, token: str, **fields: Any) -> Answer:
    return post(sandbox, "create-upload-video", {"Title": "AppServer upload", "FileName": "D:\\clips\\a.mp4",
                                                 "FileSize": 2048, **fields}, token=token)


def test_create_upload_video(sandbox: SandboxServer, token: str) -> None:
    status, _, body = _create(sandbox, token, Description="from a content team", Tags="a,b",
                              UserData={"Extend": {"team": "news"}})
    assert status == 200, body
    assert set(body) == {"VideoId", "UploadAddress", "UploadAuth", "RequestId"}
    address = _b64json(body["UploadAddress"])
    assert address["Endpoint"] and address["Bucket"] and address["FileName"].endswith(".mp4")
    auth = _b64json(body["UploadAuth"])
    assert auth["AccessKeyId"].startswith("STS.") and auth["SecurityToken"]


def test_create_upload_video_errors_pass_through(sandbox: SandboxServer, token: str) -> None:
    status, _, body = _create(sandbox, token, FileName="virus.exe")
    assert (status, body["Code"]) == (400, "InvalidFileName.Extension")
    status, _, body = post(sandbox, "create-upload-video", {"FileName": "a.mp4"}, token=token)
    assert (status, body["Code"]) == (400, "MissingTitle")


def test_create_upload_video_refuses_unknown_fields(sandbox: SandboxServer, token: str) -> None:
    status, _, body = _create(sandbox, token, Filename="typo.mp4")
    assert (status, body["Code"]) == (400, "InvalidParameter")
    assert "'Filename'" in body["Message"] and "FileName" in body["Message"]


def test_refresh_upload_video_keeps_the_address(sandbox: SandboxServer, token: str) -> None:
    _, _, created = _create(sandbox, token)
    sandbox.clock.advance(2500)
    status, _, body = post(sandbox, "refresh-upload-video", {"VideoId": created["VideoId"]}, token=token)
    assert status == 200, body
    assert body["VideoId"] == created["VideoId"]
    assert _b64json(body["UploadAddress"]) == _b64json(created["UploadAddress"])
    old, new = _b64json(created["UploadAuth"]), _b64json(body["UploadAuth"])
    assert new["AccessKeyId"] != old["AccessKeyId"]
    assert _epoch(new["ExpireUTCTime"]) > _epoch(old["ExpireUTCTime"])


@pytest.mark.parametrize(("request_body", "status", "code"), [
    ({"VideoId": "f" * 32}, 404, "InvalidVideo.NotFound"),
    ({}, 400, "MissingVideoId"),
    ({"VideoId": ""}, 400, "MissingVideoId"),
    ({"VideoId": "x", "Title": "y"}, 400, "InvalidParameter"),
])
def test_refresh_upload_video_errors(sandbox: SandboxServer, token: str, request_body: dict[str, Any],
                                     status: int, code: str) -> None:
    got, _, body = post(sandbox, "refresh-upload-video", request_body, token=token)
    assert (got, body["Code"]) == (status, code)
    assert body["Message"] and body["RequestId"]


def test_requests_are_logged(sandbox: SandboxServer, control: SandboxControl, token: str) -> None:
    post(sandbox, "sts-token", {}, token=token)
    post(sandbox, "sts-token", {})
    entries = [e for e in control.log() if e["service"] == "appserver"]
    assert [(e["op"], e["status"]) for e in entries] == [("sts-token", 200), ("sts-token", 401)]
    assert entries[1]["code"] == "MissingToken"
