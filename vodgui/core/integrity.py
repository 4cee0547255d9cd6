"""CRC-64 as OSS computes it (``x-oss-hash-crc64ecma``), through anycrc.

OSS's CRC-64/ECMA is the catalogue's CRC-64/XZ: the ECMA-182 polynomial, reflected, all-ones initial register and
final XOR (``b"123456789"`` gives ``0x995DC9BBDF1939FA``, the empty string 0). anycrc computes it with CLMUL
instructions (about 7.7 GB/s here, against crcmod's 423 MB/s) and combines CRCs of concatenated data, so the
object CRC follows from the part CRCs without re-reading the file. anycrc ships compiled wheels only: there is no
pure-Python fallback that could make hashing silently slow. oss2 still depends on crcmod, whose C extension needs a
compiler at install time; vodgui's Buckets run with ``enable_crc=False`` and verify CRCs here, so crcmod computes
nothing in vodgui. :func:`hashing_info` reports both (``vodgui --version --verbose``, the app's log).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from importlib import metadata

import anycrc

_CHUNK = 1 << 20
_MODEL = anycrc.Model("CRC64-XZ")  # == CRC-64/ECMA as OSS and oss2 define it
_CHECK = (b"123456789", 0x995DC9BBDF1939FA)
Buffer = bytes | bytearray | memoryview


def _bytes_view(data: Buffer) -> Buffer:
    # anycrc takes any buffer of unsigned bytes; a memoryview of another item type is cast to bytes.
    if isinstance(data, memoryview) and data.format != "B":
        return data.cast("B")
    return data


def crc64_bytes(data: Buffer, init: int = 0) -> int:
    """CRC64 of ``data``, continuing from ``init`` (the CRC64 of whatever came before; 0 for nothing)."""
    return int(_MODEL.calc(_bytes_view(data), init))


class RunningCrc64:
    """A CRC64 fed chunk by chunk (same value as :func:`crc64_bytes` over the concatenation)."""

    __slots__ = ("value",)

    def __init__(self, value: int = 0) -> None:
        self.value = value

    def update(self, data: Buffer) -> None:
        self.value = int(_MODEL.calc(_bytes_view(data), self.value))


def crc64_file(path: str, offset: int = 0, size: int | None = None) -> int:
    """CRC64 of ``size`` bytes of a file from ``offset`` (the whole rest when ``size`` is None)."""
    crc = RunningCrc64()
    buf = bytearray(_CHUNK)
    view = memoryview(buf)
    with open(path, "rb", buffering=0) as f:
        f.seek(offset)
        left = size
        while left is None or left > 0:
            want = _CHUNK if left is None else min(_CHUNK, left)
            n = f.readinto(view[:want])
            if not n:
                break
            crc.update(view[:n])
            if left is not None:
                left -= n
    return crc.value


def crc64_combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC64 of A+B from CRC64(A), CRC64(B) and len(B)."""
    if len2 < 0:
        raise ValueError("len2 must not be negative")
    if len2 == 0:
        return crc1
    return int(_MODEL.combine(crc1, crc2, len2))


def crc64_of_parts(parts: list[tuple[int, int]]) -> int:
    """The object CRC64 from ``(part_crc, part_size)`` in part order."""
    crc = 0
    for part_crc, size in parts:
        crc = crc64_combine(crc, part_crc, size)
    return crc


@dataclass(frozen=True)
class HashingInfo:
    """What computes checksums in this process (for ``vodgui --version --verbose`` and the log).

    Attributes:
        backend: the library vodgui's CRC-64 comes from, with its version.
        crcmod: how oss2's own CRC check (crcmod) would run, were it on: "C extension" or "pure Python".
        pure_python: vodgui's hashing paths that would run in pure Python (empty when none).
    """

    backend: str
    crcmod: str
    pure_python: tuple[str, ...]

    def lines(self) -> list[str]:
        slow = ", ".join(self.pure_python) if self.pure_python else "none"
        return [f"CRC-64: {self.backend}", f"crcmod (oss2's own CRC check, off in vodgui): {self.crcmod}",
                f"pure-Python hashing paths: {slow}"]


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def hashing_info() -> HashingInfo:
    if _MODEL.calc(_CHECK[0]) != _CHECK[1]:  # a broken build must not pass for a working one
        raise RuntimeError("anycrc computes a wrong CRC-64/XZ check value")
    try:
        import crcmod  # noqa: F401 - loads crcmod.crcmod, where the flag lives

        # ``crcmod.crcmod`` the attribute is shadowed by the package's star import; the module is in sys.modules.
        c_ext = bool(getattr(sys.modules["crcmod.crcmod"], "_usingExtension", False))
        crcmod_state = f"{_version('crcmod')}, {'C extension' if c_ext else 'pure Python'}"
    except ImportError:
        crcmod_state = "not installed"
    # Every CRC vodgui computes goes through _MODEL (anycrc, compiled only). A path added later that can fall back
    # to pure Python belongs in this tuple, so the log and --version --verbose say so.
    slow: tuple[str, ...] = ()
    return HashingInfo(f"anycrc {_version('anycrc')} (compiled)", crcmod_state, slow)
