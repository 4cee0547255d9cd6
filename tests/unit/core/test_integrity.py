from __future__ import annotations

import os

from vodgui.core.integrity import crc64_bytes, crc64_combine, crc64_file, crc_uses_c_extension


def test_crcmod_runs_its_c_extension() -> None:
    # Without it, CRC64 of a 1 GiB upload takes minutes of pure Python. pip builds it from source: it needs gcc
    # and the Python headers (python3-dev) on the build machine.
    assert crc_uses_c_extension(), "crcmod's C extension is not in use: reinstall crcmod with a C compiler"


def test_crc64_matches_the_ecma_check_value_and_combines(tmp_path) -> None:
    assert crc64_bytes(b"123456789") == 0x995DC9BBDF1939FA
    a, b = os.urandom(1000), os.urandom(777)
    assert crc64_combine(crc64_bytes(a), crc64_bytes(b), len(b)) == crc64_bytes(a + b)
    path = tmp_path / "f.bin"
    path.write_bytes(a + b)
    assert crc64_file(str(path)) == crc64_bytes(a + b)
    assert crc64_file(str(path), 1000, 777) == crc64_bytes(b)
