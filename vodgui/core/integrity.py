"""CRC-64/ECMA as OSS computes it (through oss2's Crc64, i.e. crcmod), and the check that it runs at C speed.

crcmod silently falls back to pure Python (tens of times slower) when its C extension did not build; a 1 GiB
upload would then spend minutes hashing. :func:`crc_uses_c_extension` lets tests and ``--smoke`` fail loudly.
"""

from __future__ import annotations

from functools import lru_cache

from oss2.utils import Crc64

_CHUNK = 1 << 20


def crc_uses_c_extension() -> bool:
    import sys

    import crcmod  # noqa: F401 - loads crcmod.crcmod

    # ``crcmod.crcmod`` the attribute is shadowed by the package's star import; the module is in sys.modules.
    return bool(getattr(sys.modules["crcmod.crcmod"], "_usingExtension", False))


def crc64_bytes(data: bytes, init: int = 0) -> int:
    crc = Crc64(init)
    crc.update(data)
    return int(crc.crc)


def crc64_file(path: str, offset: int = 0, size: int | None = None) -> int:
    """CRC64 of ``size`` bytes of a file from ``offset`` (the whole rest when ``size`` is None)."""
    crc = Crc64(0)
    with open(path, "rb") as f:
        f.seek(offset)
        left = size
        while left is None or left > 0:
            chunk = f.read(_CHUNK if left is None else min(_CHUNK, left))
            if not chunk:
                break
            crc.update(chunk)
            if left is not None:
                left -= len(chunk)
    return int(crc.crc)


# -- combining ----------------------------------------------------------------------------------------------
# CRC64(A+B) = shift(CRC64(A), len(B)) ^ CRC64(B), where shift appends len(B) zero bytes: a linear map over GF(2)
# (zlib's crc32_combine argument; init and xorout cancel out). oss2's Crc64.combine rebuilds that map with ~46
# 64x64 matrix squarings per call (8-9 ms in Python), so 128 parts of a 1 GiB file cost over a second. Nearly all
# parts of an upload have the same length, so we build the map once per length and apply it as 64 XORs.

_POLY_REFLECTED = 0xC96C5795D7870F42  # ECMA-182, bit-reversed
_Matrix = tuple[int, ...]  # 64 columns: image of each basis bit


def _times(mat: _Matrix, vec: int) -> int:
    out = 0
    i = 0
    while vec:
        if vec & 1:
            out ^= mat[i]
        vec >>= 1
        i += 1
    return out


def _compose(a: _Matrix, b: _Matrix) -> _Matrix:
    """The map ``a(b(v))``."""
    return tuple(_times(a, col) for col in b)


@lru_cache(maxsize=64)
def _shift_operator(nbytes: int) -> _Matrix:
    """The linear map that appends ``nbytes`` zero bytes to a CRC register."""
    one_bit: _Matrix = (_POLY_REFLECTED, *(1 << (n - 1) for n in range(1, 64)))  # one zero bit
    op = tuple(1 << n for n in range(64))  # identity
    power = _compose(_compose(one_bit, one_bit), _compose(one_bit, one_bit))  # 4 bits
    power = _compose(power, power)  # 8 bits = one byte
    n = nbytes
    while n:
        if n & 1:
            op = _compose(power, op)
        n >>= 1
        if n:
            power = _compose(power, power)
    return op


def crc64_combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC64 of A+B from CRC64(A), CRC64(B) and len(B)."""
    if len2 <= 0:
        return crc1
    return _times(_shift_operator(len2), crc1) ^ crc2


def crc64_of_parts(parts: list[tuple[int, int]]) -> int:
    """The object CRC64 from ``(part_crc, part_size)`` in part order."""
    crc = 0
    for part_crc, size in parts:
        crc = crc64_combine(crc, part_crc, size)
    return crc
