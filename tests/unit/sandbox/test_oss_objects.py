"""Sandbox OSS single-object operations through oss2 (CRC checking on): PutObject, HeadObject, GetObject with
ranges and conditions, DeleteObject, listeners, the control-plane view and persistence across a restart."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import urllib.request
from pathlib import Path
from typing import Any

import oss2
import pytest

from tests.helpers.oss import raw_request, signed_headers, upload
from tests.helpers.sdk import oss_bucket
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.oss import ObjectMeta
from vodgui.sandbox.oss.crc64 import crc64


def test_put_head_get_roundtrip_with_crc(sandbox: SandboxServer) -> None:
    up = upload(sandbox, key="sv/dir with space/视频 #1.mp4")
    data = os.urandom(300_000)
    put = up.bucket.put_object(up.key, data)  # oss2 compares the returned CRC with its own
    md5 = hashlib.md5(data).hexdigest().upper()
    assert put.status == 200
    assert put.etag == md5
    assert put.crc == crc64(data)
    assert put.headers["x-oss-request-id"] == put.request_id and len(put.request_id) == 24
    assert put.headers["Content-MD5"] == base64.b64encode(hashlib.md5(data).digest()).decode()

    head = up.bucket.head_object(up.key)
    assert head.content_length == len(data)
    assert head.etag == md5
    assert head.server_crc == crc64(data)
    assert head.content_type == "video/mp4"  # oss2 sets it from the extension; the sandbox stores it
    assert head.object_type == "Normal"
    assert head.headers["Accept-Ranges"] == "bytes"
    assert head.last_modified > 0

    got = up.bucket.get_object(up.key)
    assert got.read() == data
    assert got.client_crc == got.server_crc == crc64(data)

    up.bucket.get_object_to_file(up.key, os.devnull)  # oss2 verifies the whole-object CRC here


def test_default_content_type_is_octet_stream(sandbox: SandboxServer) -> None:
    up = upload(sandbox, key="sv/noext")
    up.bucket.put_object(up.key, b"abc")
    assert up.bucket.head_object(up.key).content_type == "application/octet-stream"


def test_user_metadata_and_stored_headers_come_back(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    up.bucket.put_object(up.key, b"x", headers={"x-oss-meta-origin": "test", "Content-Disposition": "inline"})
    head = up.bucket.head_object(up.key)
    assert head.headers["x-oss-meta-origin"] == "test"
    assert head.headers["Content-Disposition"] == "inline"


@pytest.mark.parametrize(("rng", "expected"), [
    ((0, 9), slice(0, 10)),
    ((100, None), slice(100, None)),
    ((None, 50), slice(-50, None)),
    ((999, 999), slice(999, 1000)),
])
def test_get_ranges(sandbox: SandboxServer, rng: tuple[int | None, int | None], expected: slice) -> None:
    up = upload(sandbox)
    data = os.urandom(1000)
    up.bucket.put_object(up.key, data)
    got = up.bucket.get_object(up.key, byte_range=rng)
    body = got.read()
    assert got.status == 206
    assert body == data[expected]
    start = expected.start % 1000 if expected.start is not None else 0
    assert got.content_range == f"bytes {start}-{start + len(body) - 1}/1000"
    assert got.headers["Accept-Ranges"] == "bytes"


def test_unsatisfiable_range_is_ignored_by_default_and_416_with_standard_behaviour(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    data = os.urandom(1000)
    up.bucket.put_object(up.key, data)
    # OSS default: an out-of-range Range is ignored and the whole object comes back with 200.
    whole = up.bucket.get_object(up.key, byte_range=(1000, 2000))
    assert whole.status == 200
    assert whole.read() == data
    assert up.bucket.get_object(up.key, byte_range=(500, 2000)).status == 200
    # x-oss-range-behavior: standard: the end is clipped, a start beyond the object is 416 InvalidRange.
    standard = {"x-oss-range-behavior": "standard"}
    clipped = up.bucket.get_object(up.key, byte_range=(500, 2000), headers=standard)
    assert clipped.status == 206
    assert clipped.read() == data[500:]
    with pytest.raises(oss2.exceptions.ServerError) as exc:
        up.bucket.get_object(up.key, byte_range=(1000, 2000), headers=standard)
    assert (exc.value.status, exc.value.code) == (416, "InvalidRange")


def test_conditional_get(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    etag = up.bucket.put_object(up.key, b"hello").etag
    assert up.bucket.get_object(up.key, headers={"If-Match": f'"{etag}"'}).read() == b"hello"
    with pytest.raises(oss2.exceptions.PreconditionFailed):
        up.bucket.get_object(up.key, headers={"If-Match": '"0000"'})
    with pytest.raises(oss2.exceptions.NotModified):
        up.bucket.get_object(up.key, headers={"If-None-Match": f'"{etag}"'})


def test_missing_object_head_and_get(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    with pytest.raises(oss2.exceptions.NoSuchKey) as exc:
        up.bucket.head_object(up.key)  # error details come from the x-oss-err header
    assert exc.value.code == "NoSuchKey"
    assert exc.value.request_id == exc.value.details["RequestId"]
    with pytest.raises(oss2.exceptions.NoSuchKey):
        up.bucket.get_object(up.key)


def test_overwrite_replaces_content(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    up.bucket.put_object(up.key, b"first version")
    up.bucket.put_object(up.key, b"second")
    assert up.bucket.get_object(up.key).read() == b"second"
    with pytest.raises(oss2.exceptions.ServerError) as exc:
        up.bucket.put_object(up.key, b"third", headers={"x-oss-forbid-overwrite": "true"})
    assert (exc.value.status, exc.value.code) == (409, "FileAlreadyExists")


def test_content_md5_checked(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    good = oss2.utils.content_md5(b"payload")
    assert up.bucket.put_object(up.key, b"payload", headers={"Content-MD5": good}).status == 200
    with pytest.raises(oss2.exceptions.InvalidDigest):
        up.bucket.put_object(up.key, b"tampered", headers={"Content-MD5": good})
    with pytest.raises(oss2.exceptions.InvalidDigest):
        up.bucket.put_object(up.key, b"payload", headers={"Content-MD5": "not-base64!"})
    assert up.bucket.get_object(up.key).read() == b"payload"


def test_missing_content_length_is_411(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    path, headers = signed_headers(up, "PUT", up.key)
    headers["Transfer-Encoding"] = "chunked"
    status, resp_headers, body = raw_request(sandbox, "PUT", path, headers, b"5\r\nhello\r\n0\r\n\r\n")
    assert status == 411
    assert b"<Code>MissingContentLength</Code>" in body
    assert resp_headers["connection"] == "close"


def test_delete_object_is_denied_to_upload_credentials_but_model_delete_works(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    up.bucket.put_object(up.key, b"abc")
    with pytest.raises(oss2.exceptions.AccessDenied):
        up.bucket.delete_object(up.key)
    model = sandbox.context.models["oss"]
    meta = model.head(up.bucket_name, up.key)
    assert meta is not None and meta.path.exists()
    assert model.delete(up.bucket_name, up.key) is True
    assert not meta.path.exists()
    assert model.delete(up.bucket_name, up.key) is False
    with pytest.raises(oss2.exceptions.NoSuchKey):
        up.bucket.head_object(up.key)


def test_listeners_see_stored_objects_and_their_errors_do_not_fail_requests(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    seen: list[ObjectMeta] = []

    def broken(meta: ObjectMeta) -> None:
        raise RuntimeError("listener bug")

    def record(meta: ObjectMeta) -> None:
        assert meta.path.exists()  # called once the object is durable
        seen.append(meta)

    model = sandbox.context.models["oss"]
    model.add_listener(broken)
    model.add_listener(record)
    try:
        up.bucket.put_object(up.key, b"data")
        upload_id = up.bucket.init_multipart_upload(up.key).upload_id
        part = up.bucket.upload_part(up.key, upload_id, 1, b"multipart data")
        done = up.bucket.complete_multipart_upload(up.key, upload_id, [oss2.models.PartInfo(1, part.etag)])
    finally:
        model.remove_listener(broken)
        model.remove_listener(record)
    assert [(m.bucket, m.key, m.size, m.etag, m.object_type) for m in seen] == [
        (up.bucket_name, up.key, 4, '"' + hashlib.md5(b"data").hexdigest().upper() + '"', "Normal"),
        (up.bucket_name, up.key, 14, f'"{done.etag}"', "Multipart")]
    assert seen[1].crc64 == crc64(b"multipart data")


def test_control_plane_object_view(sandbox: SandboxServer) -> None:
    up = upload(sandbox, key="sv/a b/c.mp4")
    data = os.urandom(5000)
    up.bucket.put_object(up.key, data)
    url = f"{sandbox.url}/_sandbox/objects/{up.bucket_name}/{urllib.request.quote(up.key)}"
    with urllib.request.urlopen(url, timeout=10) as resp:
        view: dict[str, Any] = json.loads(resp.read())
    assert view["size"] == 5000
    assert view["crc64"] == str(crc64(data))
    assert view["md5"] == hashlib.md5(data).hexdigest()
    assert view["etag"] == '"' + hashlib.md5(data).hexdigest().upper() + '"'
    assert view["content_type"] == "video/mp4"
    assert view["last_modified"].endswith(".000Z")


def test_unknown_bucket_and_bad_key(sandbox: SandboxServer) -> None:
    up = upload(sandbox)
    other = oss_bucket(sandbox.url, "outin-doesnotexist", up.cred.access_key_id, up.cred.access_key_secret,
                       up.cred.security_token)
    with pytest.raises(oss2.exceptions.NoSuchBucket):
        other.put_object(up.key, b"x")
    path, headers = signed_headers(up, "PUT", "/leading-slash")
    status, _, body = raw_request(sandbox, "PUT", path, headers, b"x")
    assert status == 400 and b"InvalidObjectName" in body


def test_state_survives_a_restart(tmp_path: Path) -> None:
    data = os.urandom(200_000)
    with SandboxServer(data_dir=tmp_path, seed="oss-restart", settings={"min_part_size": 1024}) as first:
        bucket = "outin-" + "ab" * 16
        first.context.models["oss"].ensure_bucket(bucket)
        cred = first.context.iam.issue("upload", 3000, scope={"bucket": bucket, "prefix": "sv/"})
        client = oss_bucket(first.url, bucket, cred.access_key_id, cred.access_key_secret, cred.security_token)
        client.put_object("sv/single.mp4", data)
        upload_id = client.init_multipart_upload("sv/multi.mp4").upload_id
        client.upload_part("sv/multi.mp4", upload_id, 1, data[:150_000])
    with SandboxServer(data_dir=tmp_path) as second:
        client = oss_bucket(second.url, bucket, cred.access_key_id, cred.access_key_secret, cred.security_token)
        assert client.get_object("sv/single.mp4").read() == data
        assert client.head_object("sv/single.mp4").server_crc == crc64(data)
        parts = client.list_parts("sv/multi.mp4", upload_id).parts
        assert [(p.part_number, p.size) for p in parts] == [(1, 150_000)]
        second_part = client.upload_part("sv/multi.mp4", upload_id, 2, data[150_000:])
        client.complete_multipart_upload("sv/multi.mp4", upload_id, [
            oss2.models.PartInfo(1, parts[0].etag), oss2.models.PartInfo(2, second_part.etag)])
        got = client.get_object("sv/multi.mp4")
        assert got.read() == data
        assert got.server_crc == crc64(data)
