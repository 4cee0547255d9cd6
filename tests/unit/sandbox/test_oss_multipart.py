"""Sandbox OSS multipart uploads through oss2: primitives, resumable_upload, ListParts paging, every error the
real service gives, client disconnects and injected faults."""

from __future__ import annotations

import hashlib
import os
import socket
import time
from pathlib import Path
from urllib.parse import urlsplit

import oss2
import pytest

from tests.helpers.oss import Upload, raw_request, signed_headers, upload
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.oss.crc64 import crc64

KIB = 1024


@pytest.fixture
def small_parts(sandbox: SandboxServer) -> SandboxServer:
    sandbox.config.settings.min_part_size = KIB  # the fixture restores the real 100 KB afterwards
    return sandbox


def put_parts(up: Upload, upload_id: str, chunks: list[bytes], numbers: list[int] | None = None,
              key: str | None = None) -> list[oss2.models.PartInfo]:
    infos = []
    for number, chunk in zip(numbers or range(1, len(chunks) + 1), chunks):
        result = up.bucket.upload_part(key or up.key, upload_id, number, chunk)
        infos.append(oss2.models.PartInfo(number, result.etag, size=len(chunk), part_crc=result.crc))
    return infos


def multipart_etag(chunks: list[bytes]) -> str:
    joined = b"".join(hashlib.md5(c).digest() for c in chunks)
    return f"{hashlib.md5(joined).hexdigest().upper()}-{len(chunks)}"


def test_multipart_with_primitives(small_parts: SandboxServer) -> None:
    up = upload(small_parts)
    chunks = [os.urandom(4 * KIB), os.urandom(4 * KIB), os.urandom(4 * KIB), os.urandom(1000)]
    init = up.bucket.init_multipart_upload(up.key)
    assert len(init.upload_id) == 32
    infos = put_parts(up, init.upload_id, chunks)
    for info, chunk in zip(infos, chunks):
        assert info.etag == hashlib.md5(chunk).hexdigest().upper()
        assert info.part_crc == crc64(chunk)
    listed = up.bucket.list_parts(up.key, init.upload_id)
    assert [(p.part_number, p.size, p.etag) for p in listed.parts] == [
        (i.part_number, i.size, i.etag) for i in infos]
    assert not listed.is_truncated
    done = up.bucket.complete_multipart_upload(up.key, init.upload_id, infos)  # oss2 checks the combined CRC
    data = b"".join(chunks)
    assert done.etag == multipart_etag(chunks)
    assert done.crc == crc64(data)
    head = up.bucket.head_object(up.key)
    assert (head.content_length, head.object_type, head.server_crc) == (len(data), "Multipart", crc64(data))
    assert head.content_type == "video/mp4"  # from InitiateMultipartUpload
    assert up.bucket.get_object(up.key).read() == data
    with pytest.raises(oss2.exceptions.NoSuchUpload):
        up.bucket.list_parts(up.key, init.upload_id)  # a completed upload is gone


def test_parts_arriving_out_of_order_and_reuploaded(small_parts: SandboxServer) -> None:
    up = upload(small_parts)
    chunks = [os.urandom(2 * KIB) for _ in range(5)] + [os.urandom(300)]
    upload_id = up.bucket.init_multipart_upload(up.key).upload_id
    put_parts(up, upload_id, [chunks[3], chunks[5], chunks[0], chunks[1]], numbers=[4, 6, 1, 2])
    put_parts(up, upload_id, [os.urandom(2 * KIB)], numbers=[3])
    put_parts(up, upload_id, [chunks[2], chunks[4]], numbers=[3, 5])  # part 3 again: replaces the first one
    put_parts(up, upload_id, [chunks[0]], numbers=[1])  # same content again: harmless
    infos = [oss2.models.PartInfo(p.part_number, p.etag, size=p.size)
             for p in up.bucket.list_parts(up.key, upload_id).parts]
    assert [i.part_number for i in infos] == [1, 2, 3, 4, 5, 6]
    up.bucket.complete_multipart_upload(up.key, upload_id, infos)
    assert up.bucket.get_object(up.key).read() == b"".join(chunks)


def test_complete_with_a_subset_of_non_consecutive_parts(small_parts: SandboxServer) -> None:
    up = upload(small_parts)
    chunks = [os.urandom(2 * KIB) for _ in range(4)]
    upload_id = up.bucket.init_multipart_upload(up.key).upload_id
    infos = put_parts(up, upload_id, chunks)
    up.bucket.complete_multipart_upload(up.key, upload_id, [infos[0], infos[2], infos[3]])  # skips part 2
    assert up.bucket.get_object(up.key).read() == chunks[0] + chunks[2] + chunks[3]


def test_complete_all_header(small_parts: SandboxServer) -> None:
    up = upload(small_parts)
    chunks = [os.urandom(2 * KIB), os.urandom(10)]
    upload_id = up.bucket.init_multipart_upload(up.key).upload_id
    put_parts(up, upload_id, chunks)
    up.bucket.complete_multipart_upload(up.key, upload_id, None, headers={"x-oss-complete-all": "yes"})
    assert up.bucket.get_object(up.key).read() == b"".join(chunks)


def test_resumable_upload(sandbox: SandboxServer, tmp_path: Path) -> None:
    # oss2 never cuts parts below its own 100 KiB minimum, so this file makes 4 parts with the real limits.
    up = upload(sandbox)
    data = os.urandom(350 * KIB)
    source = tmp_path / "video.mp4"
    source.write_bytes(data)
    store = oss2.ResumableStore(root=str(tmp_path), dir="checkpoints")
    oss2.resumable_upload(up.bucket, up.key, str(source), store=store, multipart_threshold=100 * KIB,
                          part_size=100 * KIB, num_threads=3)
    got = up.bucket.get_object(up.key)
    assert got.read() == data
    assert got.server_crc == crc64(data)
    assert got.headers["x-oss-object-type"] == "Multipart"


def test_resumable_upload_resumes_after_a_failed_part(sandbox: SandboxServer, tmp_path: Path) -> None:
    up = upload(sandbox)
    data = os.urandom(450 * KIB)
    source = tmp_path / "video.mp4"
    source.write_bytes(data)
    store = oss2.ResumableStore(root=str(tmp_path), dir="checkpoints")
    first_seq = sandbox.request_log.since(0)[-1]["seq"] if sandbox.request_log.since(0) else 0
    sandbox.faults.add({"service": "oss", "op": "UploadPart", "nth": [3], "status": 503,
                        "code": "ServiceUnavailable"})
    with pytest.raises(oss2.exceptions.ServerError) as exc:
        oss2.resumable_upload(up.bucket, up.key, str(source), store=store, multipart_threshold=100 * KIB,
                              part_size=100 * KIB, num_threads=1)
    assert (exc.value.status, exc.value.code) == (503, "ServiceUnavailable")
    oss2.resumable_upload(up.bucket, up.key, str(source), store=store, multipart_threshold=100 * KIB,
                          part_size=100 * KIB, num_threads=1)
    assert up.bucket.get_object(up.key).read() == data
    parts = [e for e in sandbox.request_log.since(first_seq) if e["op"] == "UploadPart"]
    ok = [e["part_number"] for e in parts if e["status"] == 200]
    failed = [e["part_number"] for e in parts if e["status"] != 200]
    assert failed == [3] and [e.get("code") for e in parts if e["status"] != 200] == ["ServiceUnavailable"]
    assert sorted(ok) == [1, 2, 3, 4, 5]  # each part stored exactly once; only the failed one was resent
    assert all(e["upload_id"] and e["access_key_id"] == up.cred.access_key_id for e in parts)


def test_list_parts_paging(small_parts: SandboxServer) -> None:
    up = upload(small_parts)
    upload_id = up.bucket.init_multipart_upload(up.key).upload_id
    put_parts(up, upload_id, [os.urandom(KIB) for _ in range(7)])
    page = up.bucket.list_parts(up.key, upload_id, max_parts=3)
    assert [p.part_number for p in page.parts] == [1, 2, 3]
    assert page.is_truncated and page.next_marker == "3"
    page = up.bucket.list_parts(up.key, upload_id, marker="3", max_parts=3)
    assert [p.part_number for p in page.parts] == [4, 5, 6]
    page = up.bucket.list_parts(up.key, upload_id, marker="6", max_parts=3)
    assert [p.part_number for p in page.parts] == [7]
    assert not page.is_truncated and page.next_marker == "7"
    assert [p.part_number for p in oss2.PartIterator(up.bucket, up.key, upload_id, max_parts=2)] == list(
        range(1, 8))
    with pytest.raises(oss2.exceptions.InvalidArgument):
        up.bucket.list_parts(up.key, upload_id, max_parts=0)


def test_abort(small_parts: SandboxServer) -> None:
    up = upload(small_parts)
    upload_id = up.bucket.init_multipart_upload(up.key).upload_id
    put_parts(up, upload_id, [os.urandom(KIB)])
    assert up.bucket.abort_multipart_upload(up.key, upload_id).status == 204
    with pytest.raises(oss2.exceptions.NoSuchUpload):
        up.bucket.upload_part(up.key, upload_id, 2, b"x")
    with pytest.raises(oss2.exceptions.NoSuchUpload):
        up.bucket.abort_multipart_upload(up.key, upload_id)


def test_part_too_small(small_parts: SandboxServer) -> None:
    up = upload(small_parts)
    upload_id = up.bucket.init_multipart_upload(up.key).upload_id
    infos = put_parts(up, upload_id, [os.urandom(KIB - 1), os.urandom(KIB)])
    with pytest.raises(oss2.exceptions.ServerError) as exc:
        up.bucket.complete_multipart_upload(up.key, upload_id, infos)
    assert (exc.value.status, exc.value.code) == (400, "EntityTooSmall")
    assert exc.value.details["PartNumber"] == "1"
    # The last part may be small: completing with part 1 alone works.
    up.bucket.complete_multipart_upload(up.key, upload_id, infos[:1])


def test_parts_out_of_order_in_complete(small_parts: SandboxServer) -> None:
    up = upload(small_parts)
    upload_id = up.bucket.init_multipart_upload(up.key).upload_id
    infos = put_parts(up, upload_id, [os.urandom(KIB), os.urandom(KIB)])
    body = ("<CompleteMultipartUpload>" + "".join(
        f"<Part><PartNumber>{i.part_number}</PartNumber><ETag>\"{i.etag}\"</ETag></Part>"
        for i in reversed(infos)) + "</CompleteMultipartUpload>").encode()
    path, headers = signed_headers(up, "POST", up.key, params={"uploadId": upload_id})
    status, _, answer = raw_request(small_parts, "POST", path, headers, body)
    assert status == 400 and b"<Code>InvalidPartOrder</Code>" in answer


def test_wrong_etag_and_unknown_part(small_parts: SandboxServer) -> None:
    up = upload(small_parts)
    upload_id = up.bucket.init_multipart_upload(up.key).upload_id
    infos = put_parts(up, upload_id, [os.urandom(KIB), os.urandom(KIB)])
    for bad in ([infos[0], oss2.models.PartInfo(2, "0" * 32)], [infos[0], oss2.models.PartInfo(3, infos[1].etag)]):
        with pytest.raises(oss2.exceptions.ServerError) as exc:
            up.bucket.complete_multipart_upload(up.key, upload_id, bad)
        assert (exc.value.status, exc.value.code) == (400, "InvalidPart")


def test_malformed_complete_body(small_parts: SandboxServer) -> None:
    up = upload(small_parts)
    upload_id = up.bucket.init_multipart_upload(up.key).upload_id
    for body in (b"<CompleteMultipartUpload><Part>", b"<CompleteMultipartUpload/>",
                 b"<Other><Part><PartNumber>1</PartNumber><ETag>x</ETag></Part></Other>"):
        path, headers = signed_headers(up, "POST", up.key, params={"uploadId": upload_id})
        status, _, answer = raw_request(small_parts, "POST", path, headers, body)
        assert status == 400 and b"<Code>MalformedXML</Code>" in answer


def test_unknown_upload_id(small_parts: SandboxServer) -> None:
    up = upload(small_parts)
    with pytest.raises(oss2.exceptions.NoSuchUpload) as exc:
        up.bucket.upload_part(up.key, "0" * 32, 1, b"x")
    assert exc.value.details["UploadId"] == "0" * 32
    with pytest.raises(oss2.exceptions.NoSuchUpload):
        up.bucket.complete_multipart_upload(up.key, "0" * 32, [oss2.models.PartInfo(1, "0" * 32)])


def test_upload_id_of_another_object(small_parts: SandboxServer) -> None:
    up = upload(small_parts, prefix="sv/")
    upload_id = up.bucket.init_multipart_upload("sv/a.mp4").upload_id
    with pytest.raises(oss2.exceptions.NoSuchUpload):
        up.bucket.upload_part("sv/b.mp4", upload_id, 1, b"x")


@pytest.mark.parametrize("number", ["0", "10001", "x"])
def test_part_number_out_of_range(small_parts: SandboxServer, number: str) -> None:
    up = upload(small_parts)
    upload_id = up.bucket.init_multipart_upload(up.key).upload_id
    path, headers = signed_headers(up, "PUT", up.key, params={"uploadId": upload_id, "partNumber": number})
    status, _, answer = raw_request(small_parts, "PUT", path, headers, b"abc")
    assert status == 400 and b"<Code>InvalidArgument</Code>" in answer


def test_max_parts_setting(small_parts: SandboxServer) -> None:
    small_parts.config.settings.max_parts = 2
    up = upload(small_parts)
    upload_id = up.bucket.init_multipart_upload(up.key).upload_id
    put_parts(up, upload_id, [os.urandom(KIB), os.urandom(KIB)])
    put_parts(up, upload_id, [os.urandom(KIB)], numbers=[2])  # replacing an existing part is fine
    with pytest.raises(oss2.exceptions.InvalidArgument):
        up.bucket.upload_part(up.key, upload_id, 3, b"x")


def test_client_disconnect_mid_part_leaves_no_part(small_parts: SandboxServer) -> None:
    up = upload(small_parts)
    upload_id = up.bucket.init_multipart_upload(up.key).upload_id
    for number in (1, 2):  # part 1 goes to the upload data file, part 2 first to a temporary file
        path, headers = signed_headers(up, "PUT", up.key,
                                       params={"partNumber": str(number), "uploadId": upload_id})
        headers["Content-Length"] = str(64 * KIB)
        host = urlsplit(small_parts.url)
        with socket.create_connection((host.hostname, host.port)) as sock:
            head = f"PUT {path} HTTP/1.1\r\nHost: {host.netloc}\r\n" + "".join(
                f"{k}: {v}\r\n" for k, v in headers.items()) + "\r\n"
            sock.sendall(head.encode() + os.urandom(20 * KIB))
        # The server notices the short body; wait until it has logged the request.
        for _ in range(200):
            if any(e.get("part_number") == number and e.get("error") for e in small_parts.request_log.since(0)):
                break
            time.sleep(0.01)
    assert up.bucket.list_parts(up.key, upload_id).parts == []
    tmp = small_parts.context.store.blob_dir / "oss" / "tmp"
    assert not tmp.exists() or list(tmp.iterdir()) == []
    chunks = [os.urandom(2 * KIB), os.urandom(KIB)]
    infos = put_parts(up, upload_id, chunks)  # the retry works normally
    up.bucket.complete_multipart_upload(up.key, upload_id, infos)
    assert up.bucket.get_object(up.key).read() == b"".join(chunks)


def test_fault_drop_on_upload_part(small_parts: SandboxServer) -> None:
    up = upload(small_parts)
    upload_id = up.bucket.init_multipart_upload(up.key).upload_id
    small_parts.faults.add({"service": "oss", "op": "UploadPart", "nth": [1], "effect": "drop"})
    with pytest.raises(oss2.exceptions.RequestError):
        up.bucket.upload_part(up.key, upload_id, 1, os.urandom(4 * KIB))
    assert up.bucket.list_parts(up.key, upload_id).parts == []
    put_parts(up, upload_id, [os.urandom(KIB)])
    assert len(up.bucket.list_parts(up.key, upload_id).parts) == 1


def test_fault_error_on_nth_upload_part(small_parts: SandboxServer) -> None:
    up = upload(small_parts)
    upload_id = up.bucket.init_multipart_upload(up.key).upload_id
    small_parts.faults.add({"service": "oss", "op": "UploadPart", "nth": [2], "status": 500,
                            "code": "InternalError", "message": "boom"})
    put_parts(up, upload_id, [os.urandom(KIB)], numbers=[1])
    with pytest.raises(oss2.exceptions.ServerError) as exc:
        up.bucket.upload_part(up.key, upload_id, 2, os.urandom(KIB))
    assert (exc.value.status, exc.value.code, exc.value.message) == (500, "InternalError", "boom")
    assert [p.part_number for p in up.bucket.list_parts(up.key, upload_id).parts] == [1]
