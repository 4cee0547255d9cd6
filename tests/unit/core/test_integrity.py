from __future__ import annotations

import os
import sys
from pathlib import Path

import oss2
import pytest

from vodgui.core.integrity import (
    RunningCrc64,
    crc64_bytes,
    crc64_combine,
    crc64_file,
    crc64_of_parts,
    hashing_info,
)


def oss2_crc(data: bytes) -> int:
    crc = oss2.utils.Crc64(0)
    crc.update(data)
    return int(crc.crc)


def test_crc64_matches_the_ecma_check_value_and_combines(tmp_path: Path) -> None:
    assert crc64_bytes(b"123456789") == 0x995DC9BBDF1939FA
    assert crc64_bytes(b"") == 0
    a, b = os.urandom(1000), os.urandom(777)
    assert crc64_combine(crc64_bytes(a), crc64_bytes(b), len(b)) == crc64_bytes(a + b) == oss2_crc(a + b)
    assert crc64_bytes(b, init=crc64_bytes(a)) == crc64_bytes(a + b)
    path = tmp_path / "f.bin"
    path.write_bytes(a + b)
    assert crc64_file(str(path)) == crc64_bytes(a + b)
    assert crc64_file(str(path), 1000, 777) == crc64_bytes(b)
    assert crc64_file(str(path), 1000, 10_000) == crc64_bytes(b)  # past the end: what is there
    with pytest.raises(ValueError):
        crc64_combine(1, 2, -1)


def test_file_larger_than_one_read_and_running_crc_match_oss2(tmp_path: Path) -> None:
    data = os.urandom((1 << 20) * 2 + 12345)
    path = tmp_path / "big.bin"
    path.write_bytes(data)
    assert crc64_file(str(path)) == oss2_crc(data)
    running = RunningCrc64()
    for i in range(0, len(data), 300_000):
        running.update(memoryview(data)[i:i + 300_000])
    assert running.value == oss2_crc(data)


def test_object_crc_from_parts_equals_oss2s() -> None:
    parts = [os.urandom(n) for n in (102_400, 102_400, 5, 0, 777)]
    pairs = [(crc64_bytes(p), len(p)) for p in parts]
    assert crc64_of_parts(pairs) == oss2_crc(b"".join(parts))
    infos = [oss2.models.PartInfo(i + 1, "x", size=len(p), part_crc=crc) for i, ((crc, _), p) in
             enumerate(zip(pairs, parts)) if p]
    assert oss2.utils.calc_obj_crc_from_parts(infos) == crc64_of_parts(pairs)


def test_hashing_info_names_anycrc_and_any_pure_python_path() -> None:
    import crcmod  # noqa: F401

    crcmod_is_c = bool(getattr(sys.modules["crcmod.crcmod"], "_usingExtension", False))
    info = hashing_info()
    assert info.backend.startswith("anycrc ")
    assert ("C extension" in info.crcmod) == crcmod_is_c
    assert info.pure_python == ()  # anycrc never runs in pure Python, and vodgui's Buckets leave crcmod off

