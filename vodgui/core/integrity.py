"""CRC-64/ECMA as OSS computes it (through oss2's Crc64, i.e. crcmod), and the check that it runs at C speed.

crcmod silently falls back to pure Python (tens of times slower) when its C extension did not build; a 1 GiB
upload would then spend minutes hashing. :func:`crc_uses_c_extension` lets tests and ``--smoke`` fail loudly.
"""

from __future__ import annotations

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


def crc64_combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC64 of A+B from CRC64(A), CRC64(B) and len(B)."""
    return int(Crc64(0).combine(crc1, crc2, len2))
