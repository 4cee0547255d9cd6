"""CRC-64/ECMA as OSS computes it: both implementations agree with crcmod, and combining part CRCs equals the
CRC of the concatenated data."""

from __future__ import annotations

import os
import random

import crcmod
import oss2
import pytest

from vodgui.sandbox.oss import crc64 as c


def reference(data: bytes) -> int:
    fn = crcmod.Crc(0x142F0E1EBA9EA3693, initCrc=0, rev=True, xorOut=0xFFFFFFFFFFFFFFFF)
    fn.update(data)
    return int(fn.crcValue)


def test_crcmod_runs_its_c_extension() -> None:
    assert c.crcmod_uses_c_extension()


def test_check_values() -> None:
    assert c.crc64(b"123456789") == 0x995DC9BBDF1939FA
    assert c.crc64(b"123456789", reference=True) == 0x995DC9BBDF1939FA
    assert c.crc64(b"") == 0


@pytest.mark.parametrize("size", [0, 1, 7, 8, 4095, 65_537, 1 << 20])
def test_fast_path_matches_crcmod(size: int) -> None:
    data = os.urandom(size)
    expected = reference(data)
    assert c.crc64(data) == expected
    assert c.crc64(bytearray(data)) == expected
    assert c.crc64(memoryview(data)) == expected
    state = c.new_crc64()
    for i in range(0, size, 1000):
        state.update(data[i:i + 1000])
    assert state.crcValue == expected


def test_update_address_hashes_in_place() -> None:
    import ctypes

    buf = bytearray(os.urandom(10_000))
    array = (ctypes.c_char * len(buf)).from_buffer(buf)
    for state in (c.new_crc64(), c.new_crc64(reference=True)):
        state.update_address(ctypes.addressof(array), 5000)
        assert state.crcValue == reference(bytes(buf[:5000]))
    del array


def test_combine_equals_crc_of_concatenation() -> None:
    rng = random.Random(7)
    for _ in range(30):
        a = os.urandom(rng.randrange(0, 5000))
        b = os.urandom(rng.randrange(0, 5000))
        assert c.crc64_combine(reference(a), reference(b), len(b)) == reference(a + b)


def test_crc_of_parts_matches_whole_and_oss2() -> None:
    parts = [os.urandom(n) for n in (100_000, 100_000, 100_000, 1234, 0, 5)]
    pairs = [(reference(p), len(p)) for p in parts]
    whole = reference(b"".join(parts))
    assert c.crc64_of_parts(pairs) == whole
    infos = [oss2.models.PartInfo(i + 1, "x", size=len(p), part_crc=crc) for i, (crc, p) in
             enumerate(zip([x for x, _ in pairs], parts)) if p]
    assert oss2.utils.calc_obj_crc_from_parts(infos) == whole


def test_combine_with_large_lengths_is_consistent() -> None:
    # Appending 2**40 zero bytes in one step or as two halves must give the same register.
    once = c.crc64_combine(0xDEADBEEF, 0, 1 << 40)
    twice = c.crc64_combine(c.crc64_combine(0xDEADBEEF, 0, 1 << 39), 0, 1 << 39)
    assert once == twice
    with pytest.raises(ValueError):
        c.crc64_combine(1, 2, -1)
