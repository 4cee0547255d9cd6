"""Sandbox OSS authentication and authorization, as OSS checks them: V1 and V4 header signatures, presigned
URLs, STS tokens, clock skew, and the scope of VOD upload credentials."""

from __future__ import annotations

import base64
import os
from email.utils import formatdate
from typing import Any

import oss2
import pytest
import requests

from tests.helpers.oss import issue, new_bucket, raw_request, signed_headers, upload
from tests.helpers.sdk import oss_bucket
from vodgui.sandbox import SandboxServer


def error_of(exc: pytest.ExceptionInfo[oss2.exceptions.OssError]) -> tuple[int, str]:
    return exc.value.status, exc.value.code


def test_v4_signing(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    v4 = up.client(v4=True)
    data = os.urandom(3000)
    assert v4.put_object(up.key, data).status == 200
    assert v4.get_object(up.key, byte_range=(10, 19)).read() == data[10:20]
    assert v4.head_object(up.key).content_length == 3000
    upload_id = v4.init_multipart_upload(up.key).upload_id
    part = v4.upload_part(up.key, upload_id, 1, data)
    assert [p.part_number for p in v4.list_parts(up.key, upload_id).parts] == [1]
    v4.complete_multipart_upload(up.key, upload_id, [oss2.models.PartInfo(1, part.etag, size=3000,
                                                                          part_crc=part.crc)])


def test_v4_wrong_region_and_wrong_secret(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    other_region = oss_bucket(sandbox.url, up.bucket_name, up.cred.access_key_id, up.cred.access_key_secret,
                              up.cred.security_token, v4=True, region="cn-beijing")
    with pytest.raises(oss2.exceptions.InvalidArgument) as exc:
        other_region.put_object(up.key, b"x")
    assert exc.value.message == "Invalid signing region in Authorization header."
    assert exc.value.ec == "0002-00000226"
    with pytest.raises(oss2.exceptions.SignatureDoesNotMatch) as sig:
        up.client(v4=True, secret="wrong-secret").put_object(up.key, b"x")
    assert sig.value.details["StringToSign"].startswith("OSS4-HMAC-SHA256\n")


def test_presigned_url(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    up.bucket.put_object(up.key, b"signed content")
    url = up.bucket.sign_url("GET", up.key, 600)
    assert "security-token=" in url and "OSSAccessKeyId=" in url
    resp = requests.get(url, timeout=10)
    assert resp.status_code == 200 and resp.content == b"signed content"
    assert resp.headers["x-oss-hash-crc64ecma"]
    put_url = up.bucket.sign_url("PUT", up.key, 600, headers={"Content-Type": "text/plain"})
    resp = requests.put(put_url, data=b"via url", headers={"Content-Type": "text/plain"}, timeout=10)
    assert resp.status_code == 200
    assert up.bucket.get_object(up.key).read() == b"via url"
    tampered = url.replace("Signature=", "Signature=A")
    resp = requests.get(tampered, timeout=10)
    assert resp.status_code == 403 and b"<Code>SignatureDoesNotMatch</Code>" in resp.content


def test_presigned_url_expires_on_the_logical_clock(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    up.bucket.put_object(up.key, b"x")
    url = up.bucket.sign_url("GET", up.key, 60)
    sandbox.clock.advance(120)  # the credentials (3000 s) are still valid, the URL is not
    resp = requests.get(url, timeout=10)
    assert resp.status_code == 403
    assert b"<Code>AccessDenied</Code>" in resp.content and b"Request has expired." in resp.content
    assert b"<ServerTime>" in resp.content


def test_expired_token(sandbox: SandboxServer) -> None:
    up = upload(sandbox, ttl=60)
    up.bucket.put_object(up.key, b"x")
    sandbox.clock.advance(61)
    with pytest.raises(oss2.exceptions.ServerError) as exc:
        up.bucket.put_object(up.key, b"y")
    assert error_of(exc) == (403, "SecurityTokenExpired")
    assert exc.value.message == "The security token you provided has expired."
    assert exc.value.ec == "0002-00000007"
    with pytest.raises(oss2.exceptions.ServerError) as head:
        up.bucket.head_object(up.key)  # HEAD: the error travels in x-oss-err
    assert error_of(head) == (403, "SecurityTokenExpired")


def test_unknown_access_key(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    with pytest.raises(oss2.exceptions.ServerError) as exc:
        up.client(access_key_id="STS.NotIssuedByThisSandbox1").put_object(up.key, b"x")
    assert error_of(exc) == (403, "InvalidAccessKeyId")
    assert exc.value.details["OSSAccessKeyId"] == "STS.NotIssuedByThisSandbox1"
    plain = oss2.Bucket(oss2.Auth("LTAI5tUnknownKey00000000", "secret"), sandbox.url, up.bucket_name)
    with pytest.raises(oss2.exceptions.ServerError) as exc2:
        plain.get_object(up.key)
    assert error_of(exc2) == (403, "InvalidAccessKeyId")


def test_disabled_access_key(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    bucket = new_bucket(sandbox)
    record = sandbox.config.user_keys[0]
    client = oss2.Bucket(oss2.Auth(record.access_key_id, record.access_key_secret), sandbox.url, bucket)
    record.active = False
    try:
        with pytest.raises(oss2.exceptions.ServerError) as exc:
            client.put_object("sv/x.mp4", b"x")
    finally:
        record.active = True
    assert error_of(exc) == (403, "InvalidAccessKeyId")
    assert exc.value.message == "The OSS Access Key Id you provided is disabled."


def test_sts_key_without_token(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    no_token = oss2.Bucket(oss2.Auth(up.cred.access_key_id, up.cred.access_key_secret), sandbox.url,
                           up.bucket_name)
    with pytest.raises(oss2.exceptions.ServerError) as exc:
        no_token.put_object(up.key, b"x")
    assert error_of(exc) == (403, "InvalidAccessKeyId")


def test_malformed_or_foreign_token(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    other = issue(sandbox, up.bucket_name, key=up.key)
    for token in ("CAISnotatoken", other.security_token):
        with pytest.raises(oss2.exceptions.ServerError) as exc:
            up.client(token=token).put_object(up.key, b"x")
        assert error_of(exc) == (403, "InvalidSecurityToken")


def test_wrong_secret_quotes_the_string_to_sign(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    with pytest.raises(oss2.exceptions.SignatureDoesNotMatch) as exc:
        up.client(secret="not-the-secret").put_object(up.key, b"x", headers={"Content-Type": "video/mp4"})
    details = exc.value.details
    assert details["StringToSign"].startswith("PUT\n\nvideo/mp4\n")
    assert details["StringToSign"].endswith(f"\nx-oss-security-token:{up.cred.security_token}\n"
                                            f"/{up.bucket_name}/{up.key}")
    assert details["OSSAccessKeyId"] == up.cred.access_key_id
    assert exc.value.ec == "0002-00000040"
    with pytest.raises(oss2.exceptions.SignatureDoesNotMatch):
        up.client(secret="not-the-secret").head_object(up.key)


def test_skewed_date(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    sandbox.clock.set_skew(16 * 60)
    with pytest.raises(oss2.exceptions.ServerError) as exc:
        up.bucket.put_object(up.key, b"x")
    assert error_of(exc) == (403, "RequestTimeTooSkewed")
    sandbox.clock.set_skew(14 * 60)
    assert up.bucket.put_object(up.key, b"x").status == 200
    sandbox.clock.set_skew(0)
    sandbox.clock.advance(3600 * 24 * 365)  # logical time does not matter for request timestamps...
    with pytest.raises(oss2.exceptions.ServerError) as expired:
        up.bucket.put_object(up.key, b"x")
    assert error_of(expired) == (403, "SecurityTokenExpired")  # ...only for expiries


def test_x_oss_date_overrides_date(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    stale = formatdate(0, usegmt=True)
    path, headers = signed_headers(up, "PUT", up.key, headers={"x-oss-date": formatdate(usegmt=True)})
    headers["Date"] = stale  # not signed when x-oss-date is present, and not checked for skew
    status, _, _ = raw_request(sandbox, "PUT", path, headers, b"")
    assert status == 200


def test_missing_authorization(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    status, headers, body = raw_request(sandbox, "GET", f"/{up.bucket_name}/{up.key}")
    assert status == 403 and b"<Code>AccessDenied</Code>" in body
    assert headers["x-oss-request-id"]
    status, headers, body = raw_request(sandbox, "HEAD", f"/{up.bucket_name}/{up.key}")
    assert status == 403 and body == b""
    assert b"<Code>AccessDenied</Code>" in base64.b64decode(headers["x-oss-err"])


def test_content_md5_is_part_of_the_signature(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    md5 = oss2.utils.content_md5(b"abc")
    path, headers = signed_headers(up, "PUT", up.key, headers={"Content-MD5": md5})
    headers["Content-MD5"] = oss2.utils.content_md5(b"abd")
    status, _, body = raw_request(sandbox, "PUT", path, headers, b"abd")
    assert status == 403 and b"SignatureDoesNotMatch" in body


@pytest.mark.parametrize("target", ["other_key", "other_bucket"])
def test_upload_credentials_only_reach_their_object(sandbox: SandboxServer, target: str) -> None:
    up = upload(sandbox)
    if target == "other_key":
        client, key = up.bucket, up.key + ".other"
    else:
        other = new_bucket(sandbox)
        client = oss_bucket(sandbox.url, other, up.cred.access_key_id, up.cred.access_key_secret,
                            up.cred.security_token)
        key = up.key
    calls: list[Any] = [
        lambda: client.put_object(key, b"x"),
        lambda: client.init_multipart_upload(key),
        lambda: client.get_object(key),
        lambda: client.head_object(key),
    ]
    for call in calls:
        with pytest.raises(oss2.exceptions.AccessDenied) as exc:
            call()
        assert exc.value.message == "Access denied by authorizer's policy."


def test_prefix_credentials(sandbox: SandboxServer) -> None:
    up = upload(sandbox, prefix="hls/abc/")
    assert up.bucket.put_object("hls/abc/index.m3u8", b"#EXTM3U").status == 200
    assert up.bucket.put_object("hls/abc/seg-0001.ts", b"ts").status == 200
    with pytest.raises(oss2.exceptions.AccessDenied):
        up.bucket.put_object("hls/abd/seg-0001.ts", b"ts")


def test_read_only_credentials(sandbox: SandboxServer) -> None:
    writer = upload(sandbox)
    writer.bucket.put_object(writer.key, b"content")
    reader_cred = issue(sandbox, writer.bucket_name, key=writer.key, access="read")
    reader = oss_bucket(sandbox.url, writer.bucket_name, reader_cred.access_key_id,
                        reader_cred.access_key_secret, reader_cred.security_token)
    assert reader.get_object(writer.key).read() == b"content"
    assert reader.head_object(writer.key).content_length == 7
    for call in (lambda: reader.put_object(writer.key, b"x"), lambda: reader.init_multipart_upload(writer.key)):
        with pytest.raises(oss2.exceptions.AccessDenied):
            call()


def test_account_and_ram_keys_do_not_own_vod_buckets(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    bucket = new_bucket(sandbox)
    for ak, sk in ((info["access_key_id"], info["access_key_secret"]),
                   (info["ram_user"]["access_key_id"], info["ram_user"]["access_key_secret"])):
        client = oss2.Bucket(oss2.Auth(ak, sk), sandbox.url, bucket)
        with pytest.raises(oss2.exceptions.AccessDenied) as exc:
            client.put_object("sv/x.mp4", b"x")
        assert exc.value.message == "The bucket you access does not belong to you."


def test_request_log_names_the_caller(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    up.bucket.put_object(up.key, b"x")
    with pytest.raises(oss2.exceptions.SignatureDoesNotMatch):
        up.client(secret="bad").put_object(up.key, b"x")
    entries = [e for e in sandbox.request_log.since(0) if e["service"] == "oss"][-2:]
    assert [(e["op"], e["status"], e.get("code"), e["access_key_id"], e["key"]) for e in entries] == [
        ("PutObject", 200, None, up.cred.access_key_id, up.key),
        ("PutObject", 403, "SignatureDoesNotMatch", up.cred.access_key_id, up.key)]
