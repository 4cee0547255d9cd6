"""The part uploader against a fake bucket, on a fake clock: resume proof, integrity checks, retries, progress.

The fake bucket keeps parts and objects in memory and answers like OSS (ETag = MD5 of the part, the CRC64 of what
it received in ``x-oss-hash-crc64ecma``); it can be told to corrupt or refuse. The HTTP-level behaviour is covered
against the sandbox in tests/integration.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import oss2
import pytest
from oss2.models import PartInfo

from tests.helpers.queue import InlineExecutor
from vodgui.core.clock import FakeClock
from vodgui.core.errors import VodError
from vodgui.core.integrity import crc64_bytes, crc64_file
from vodgui.core.messages import Message
from vodgui.core.store import PartRecord
from vodgui.core.transfer.config import TransferConfig
from vodgui.core.transfer.context import StopSignal
from vodgui.core.transfer.uploader import FileIdentity, ObjectUploader

CONFIG = TransferConfig(part_size=1024, min_part_size=1024, multipart_threshold=1024, retry_delay=1.0,
                        retry_max_delay=8.0, parts_in_flight=2)


def _read(body: Any) -> bytes:
    if isinstance(body, bytes):
        return body
    chunks = []
    while True:
        chunk = body.read(300)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)


def _etag(data: bytes) -> str:
    return '"' + hashlib.md5(data).hexdigest().upper() + '"'


@dataclass
class FakeBucket:
    """An in-memory OSS bucket with the answers the uploader relies on."""

    parts: dict[str, dict[int, bytes]] = field(default_factory=dict)
    objects: dict[str, bytes] = field(default_factory=dict)
    fail_parts: dict[int, int] = field(default_factory=dict)  # part number -> 503s still to give
    wrong_part_crc: set[int] = field(default_factory=set)  # parts whose CRC answer is off by one
    no_crc: bool = False  # answer parts with an ETag only (a server that gives no CRC64)
    wrong_part_etag: set[int] = field(default_factory=set)  # parts whose ETag answer is another MD5
    aborted: list[str] = field(default_factory=list)
    sent: list[int] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def init_multipart_upload(self, key: str, headers: Any = None) -> Any:
        upload_id = f"U{len(self.parts) + 1}"
        self.parts[upload_id] = {}
        return SimpleNamespace(upload_id=upload_id)

    def upload_part(self, key: str, upload_id: str, number: int, body: Any) -> Any:
        data = _read(body)
        with self.lock:
            self.sent.append(number)
            if self.fail_parts.get(number, 0) > 0:
                self.fail_parts[number] -= 1
                raise oss2.exceptions.ServerError(503, {}, b"", {"Code": "ServiceUnavailable",
                                                                 "Message": "try later"})
            self.parts[upload_id][number] = data
        crc = crc64_bytes(data) + (1 if number in self.wrong_part_crc else 0)
        etag = _etag(data + b"!" if number in self.wrong_part_etag else data)
        return SimpleNamespace(etag=etag, crc=None if self.no_crc else crc)

    def list_parts(self, key: str, upload_id: str, marker: str = "0", max_parts: int = 1000) -> Any:
        if upload_id not in self.parts:
            raise oss2.exceptions.NoSuchUpload(404, {}, b"", {"Code": "NoSuchUpload", "Message": "gone"})
        listed = [PartInfo(n, _etag(d), size=len(d)) for n, d in sorted(self.parts[upload_id].items())]
        return SimpleNamespace(parts=listed, is_truncated=False, next_marker="")

    def complete_multipart_upload(self, key: str, upload_id: str, parts: list[PartInfo]) -> Any:
        stored = self.parts.pop(upload_id)
        data = b"".join(stored[p.part_number] for p in parts)
        self.objects[key] = data
        return SimpleNamespace(etag='"X-1"', crc=crc64_bytes(data))

    def abort_multipart_upload(self, key: str, upload_id: str) -> None:
        self.aborted.append(upload_id)
        self.parts.pop(upload_id, None)

    def put_object(self, key: str, body: Any, headers: Any = None) -> Any:
        data = _read(body)
        self.objects[key] = data
        return SimpleNamespace(etag=_etag(data), crc=crc64_bytes(data))


class Creds:
    def current_key_id(self) -> str:
        return "STS.key"

    def force_refresh(self, failed_key_id: str) -> None:
        pass

    def get_credentials(self) -> Any:
        raise AssertionError("the fake bucket signs nothing")


class Hooks:
    """Records what the uploader reports, as a job would: in-flight and confirmed bytes, parts, notes."""

    def __init__(self) -> None:
        self.flying = 0
        self.confirmed = 0
        self.confirmed_seen: list[int] = []
        self.parts: dict[int, PartRecord] = {}
        self.notes: list[Message | None] = []
        self.started: list[str] = []
        self.retries: list[tuple[str, str, float]] = []
        self.lock = threading.Lock()

    def upload_started(self, upload_id: str, part_size: int, abort: Any) -> None:
        self.started.append(upload_id)

    def upload_gone(self, note: Message) -> None:
        self.notes.append(note)

    def in_flight(self, delta: int) -> None:
        with self.lock:
            self.flying += delta

    def parts_confirmed(self, parts: list[PartRecord], *, flown: bool) -> None:
        with self.lock:
            for p in parts:
                self.parts[p.part_number] = p
            n = sum(p.size for p in parts)
            self.confirmed += n
            self.confirmed_seen.append(self.confirmed)
            if flown:
                self.flying -= n

    def bytes_confirmed(self, nbytes: int, *, flown: bool) -> None:
        with self.lock:
            self.confirmed += nbytes
            self.confirmed_seen.append(self.confirmed)
            if flown:
                self.flying -= nbytes

    def completing(self) -> None:
        pass

    def note(self, note: Message | None) -> None:
        self.notes.append(note)

    def retrying(self, what: str, error: VodError, attempt: int, delay: float) -> None:
        self.retries.append((what, error.code, delay))


def make(path: Path, bucket: FakeBucket, clock: FakeClock | None = None) -> tuple[ObjectUploader, Hooks]:
    hooks = Hooks()
    ident = FileIdentity.of(str(path))
    uploader = ObjectUploader(bucket, "obj", ident, Creds(), CONFIG, clock or FakeClock(),  # type: ignore[arg-type]
                              InlineExecutor(), StopSignal(), hooks)
    return uploader, hooks


def flight(hooks: Hooks) -> int:
    return hooks.flying


@pytest.fixture
def media(tmp_path: Path) -> Path:
    path = tmp_path / "clip.mp4"
    path.write_bytes(bytes(range(256)) * 20)  # 5,120 bytes: five parts of 1 KiB
    return path


def test_a_fresh_upload_confirms_every_part_and_the_object_crc(media: Path) -> None:
    bucket = FakeBucket()
    uploader, hooks = make(media, bucket)
    result = uploader.multipart(None, None, {})
    assert bucket.objects["obj"] == media.read_bytes()
    assert result.crc64 == crc64_file(str(media)) and (result.parts_sent, result.parts_reused) == (5, 0)
    assert hooks.confirmed == 5120 and flight(hooks) == 0
    assert hooks.confirmed_seen == sorted(hooks.confirmed_seen)


def test_a_resume_reuses_only_parts_proven_equal_to_the_file(media: Path) -> None:
    bucket = FakeBucket()
    upload_id = bucket.init_multipart_upload("obj").upload_id
    data = media.read_bytes()
    bucket.parts[upload_id] = {1: data[:1024], 2: b"X" * 1024, 3: data[2048:3072]}  # part 2: other bytes
    known = {1: PartRecord(1, 1024, _etag(data[:1024]), crc64_bytes(data[:1024])),
             3: PartRecord(3, 1024, _etag(data[2048:3072]), 12345)}  # a wrong record for part 3
    uploader, hooks = make(media, bucket)
    result = uploader.multipart(upload_id, 1024, known)
    assert sorted(bucket.sent) == [2, 3, 4, 5]  # 1 proven; 2 differs on the server; 3's record is wrong
    assert (result.parts_reused, result.parts_resent) == (1, 2)
    assert bucket.objects["obj"] == data and result.crc64 == crc64_file(str(media))
    assert Message("note.parts_resent", {"count": 2}) in hooks.notes


def test_a_gone_upload_starts_again_and_says_why(media: Path) -> None:
    bucket = FakeBucket()
    uploader, hooks = make(media, bucket)
    uploader.multipart("U-expired", 1024, {})
    assert hooks.notes[0] == Message("note.upload_session_gone", {})
    assert bucket.objects["obj"] == media.read_bytes() and hooks.started == ["U1"]


def test_a_503_is_retried_with_backoff_on_the_clock_and_its_bytes_given_back(media: Path) -> None:
    bucket = FakeBucket(fail_parts={2: 2})
    clock = FakeClock()
    uploader, hooks = make(media, bucket, clock)
    uploader.multipart(None, None, {})
    assert [r[1] for r in hooks.retries] == ["ServiceUnavailable", "ServiceUnavailable"]
    assert len(clock.sleeps) == 2 and clock.sleeps[1] > clock.sleeps[0] * 0.9
    assert flight(hooks) == 0 and hooks.confirmed == 5120
    assert hooks.confirmed_seen == sorted(hooks.confirmed_seen)


def test_a_part_whose_crc_answer_differs_is_retried_then_fails(media: Path) -> None:
    bucket = FakeBucket(wrong_part_crc={3})
    uploader, _ = make(media, bucket)
    with pytest.raises(VodError) as info:
        uploader.multipart(None, None, {})
    assert info.value.code == "IntegrityMismatch" and info.value.params["detail"] == "crc64"
    assert bucket.sent.count(3) == CONFIG.retries + 1
    assert "obj" not in bucket.objects  # never completed with other bytes


def test_without_a_crc_answer_the_etag_is_proven_by_the_md5_of_the_bytes(media: Path) -> None:
    # Parts are hashed with CRC64 only as they are sent; a server that answers without a CRC64 gets its ETag
    # checked against the MD5 of the part, read again.
    bucket = FakeBucket(no_crc=True, wrong_part_etag={2})
    uploader, _ = make(media, bucket)
    with pytest.raises(VodError) as info:
        uploader.multipart(None, None, {})
    assert info.value.code == "IntegrityMismatch" and info.value.params["detail"] == "etag"
    assert bucket.sent.count(2) == CONFIG.retries + 1
    assert "obj" not in bucket.objects

    bucket = FakeBucket(no_crc=True)  # right ETags: done, with the object CRC64 worked out from the parts
    uploader, hooks = make(media, bucket)
    uploader.multipart(None, None, {})
    assert hooks.confirmed == 5120 and crc64_bytes(bucket.objects["obj"]) == crc64_bytes(media.read_bytes())


def test_an_object_crc_that_differs_at_completion_is_not_done(media: Path) -> None:
    bucket = FakeBucket()
    original = bucket.complete_multipart_upload

    def corrupt(key: str, upload_id: str, parts: list[PartInfo]) -> Any:
        result = original(key, upload_id, parts)
        return SimpleNamespace(etag=result.etag, crc=result.crc ^ 1)

    bucket.complete_multipart_upload = corrupt  # type: ignore[method-assign]
    uploader, _ = make(media, bucket)
    with pytest.raises(VodError) as info:
        uploader.multipart(None, None, {})
    assert info.value.code == "IntegrityMismatch" and not info.value.retryable


def test_pause_stops_the_parts_and_keeps_what_is_confirmed(media: Path) -> None:
    bucket = FakeBucket()
    stop = StopSignal()
    hooks = Hooks()
    original = bucket.upload_part

    def upload_part(key: str, upload_id: str, number: int, body: Any) -> Any:
        result = original(key, upload_id, number, body)
        if number == 2:
            stop.set()  # the user pauses after the second part
        return result

    bucket.upload_part = upload_part  # type: ignore[method-assign]
    uploader = ObjectUploader(bucket, "obj", FileIdentity.of(str(media)), Creds(), CONFIG,  # type: ignore[arg-type]
                              FakeClock(), InlineExecutor(), stop, hooks)
    from vodgui.core.errors import Cancelled

    with pytest.raises(Cancelled):
        uploader.multipart(None, None, {})
    assert sorted(hooks.parts) == [1, 2] and flight(hooks) == 0 and bucket.sent == [1, 2]
    assert not bucket.aborted  # a pause never aborts
