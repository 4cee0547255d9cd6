"""CRC-64/ECMA as OSS computes it: the sandbox's values equal oss2's own Crc64 and what a real oss2 upload reports
in ``x-oss-hash-crc64ecma``; combining part CRCs equals the CRC of the concatenated data."""

from __future__ import annotations

import os
import random

import oss2
import pytest

from tests.helpers.oss import upload
from vodgui.core.integrity import crc64_bytes
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.oss import crc64 as c


def oss2_crc(data: bytes) -> int:
    """oss2's own CRC-64 (crcmod, C or pure Python: the values are the same)."""
    crc = oss2.utils.Crc64(0)
    crc.update(data)
    return int(crc.crc)


def test_check_values() -> None:
    assert c.crc64(b"123456789") == 0x995DC9BBDF1939FA
    assert c.crc64(b"") == 0


@pytest.mark.parametrize("size", [0, 1, 7, 8, 4095, 65_537, 200_001])
def test_values_match_oss2(size: int) -> None:
    data = os.urandom(size)
    expected = oss2_crc(data)
    assert c.crc64(data) == expected
    assert c.crc64(bytearray(data)) == expected
    assert c.crc64(memoryview(b"xy" + data)[2:]) == expected
    state = c.new_crc64()
    for i in range(0, size, 1000):
        state.update(memoryview(data)[i:i + 1000])
    assert state.crcValue == expected


def test_combine_equals_crc_of_concatenation() -> None:
    rng = random.Random(7)
    for _ in range(30):
        a = os.urandom(rng.randrange(0, 5000))
        b = os.urandom(rng.randrange(0, 5000))
        assert c.crc64_combine(oss2_crc(a), oss2_crc(b), len(b)) == oss2_crc(a + b)
    with pytest.raises(ValueError):
        c.crc64_combine(1, 2, -1)


def test_crc_of_parts_matches_whole_and_oss2() -> None:
    parts = [os.urandom(n) for n in (100_000, 100_000, 100_000, 1234, 0, 5)]
    pairs = [(oss2_crc(p), len(p)) for p in parts]
    whole = oss2_crc(b"".join(parts))
    assert c.crc64_of_parts(pairs) == whole
    infos = [oss2.models.PartInfo(i + 1, "x", size=len(p), part_crc=crc) for i, (crc, p) in
             enumerate(zip([x for x, _ in pairs], parts)) if p]
    assert oss2.utils.calc_obj_crc_from_parts(infos) == whole


def test_combine_with_large_lengths_is_consistent() -> None:
    # Appending 2**40 zero bytes in one step or as two halves must give the same register.
    once = c.crc64_combine(0xDEADBEEF, 0, 1 << 40)
    twice = c.crc64_combine(c.crc64_combine(0xDEADBEEF, 0, 1 << 39), 0, 1 << 39)
    assert once == twice


def test_a_real_oss2_upload_reports_the_same_crc(sandbox: SandboxServer) -> None:
    """oss2 (enable_crc on) checks the server's x-oss-hash-crc64ecma against its own CRC for every part and for
    the whole object; the header must also equal the core's and the sandbox's CRC of the same bytes."""
    up = upload(sandbox)
    data = os.urandom(250_000)
    put = up.bucket.put_object(up.key, data)
    assert int(put.headers["x-oss-hash-crc64ecma"]) == oss2_crc(data) == crc64_bytes(data) == c.crc64(data)

    size = 100 * 1024
    upload_id = up.bucket.init_multipart_upload(up.key).upload_id
    parts = []
    for number, start in enumerate(range(0, len(data), size), 1):
        chunk = data[start:start + size]
        result = up.bucket.upload_part(up.key, upload_id, number, chunk)
        assert int(result.headers["x-oss-hash-crc64ecma"]) == oss2_crc(chunk) == crc64_bytes(chunk)
        parts.append(oss2.models.PartInfo(number, result.etag, size=len(chunk), part_crc=result.crc))
    done = up.bucket.complete_multipart_upload(up.key, upload_id, parts)
    assert int(done.headers["x-oss-hash-crc64ecma"]) == oss2_crc(data) == crc64_bytes(data)
    assert up.bucket.head_object(up.key).server_crc == c.crc64(data)
