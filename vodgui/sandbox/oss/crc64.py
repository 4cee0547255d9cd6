"""CRC-64/ECMA-182 as OSS computes it (``x-oss-hash-crc64ecma``), and combining CRCs of concatenated data.

OSS and oss2 use CRC-64/XZ: the ECMA-182 polynomial, reflected, with an all-ones initial register and
final XOR (crcmod spells it ``Crc(0x142F0E1EBA9EA3693, initCrc=0, rev=True, xorOut=0xFFFFFFFFFFFFFFFF)``;
``b"123456789"`` gives ``0x995DC9BBDF1939FA``, the empty string 0).

:func:`crc64_combine` is zlib's ``crc32_combine`` method carried over to 64 bits: appending ``n`` zero
bytes to a message is a linear map on the CRC register over GF(2), so the CRC of ``A + B`` follows from
``crc(A)``, ``crc(B)`` and ``len(B)`` without touching the data. CompleteMultipartUpload uses it to derive the
object's CRC from the part CRCs instead of re-reading gigabytes.

Two implementations compute the same value. crcmod's C extension (what oss2 uses) is the reference and the
fallback. Where Python's own ``liblzma`` is reachable, its ``lzma_crc64`` (xz's integrity check is exactly this
CRC) is called through ctypes instead: it runs about 15x faster here and, being a foreign call, releases the GIL,
so parallel part uploads hash on both cores. That is what lets the sandbox keep up with a client on a 2-core
machine (bench/sandbox_ingest.py). Set ``VODGUI_SANDBOX_CRC64=crcmod`` to force the reference path.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import threading
from collections.abc import Callable
from typing import Protocol, cast

import crcmod

#: The CRC-64/ECMA polynomial in crcmod's notation (with the implicit x^64 term).
POLY = 0x142F0E1EBA9EA3693
#: The same polynomial, bit-reversed, as the reflected shift register uses it.
_POLY_REVERSED = 0xC96C5795D7870F42
_MASK = 0xFFFFFFFFFFFFFFFF
_CHECK = (b"123456789", 0x995DC9BBDF1939FA)

_PROTOTYPE = crcmod.Crc(POLY, initCrc=0, rev=True, xorOut=_MASK)

_LzmaCrc = Callable[[object, int, int], int]


def _load_lzma_crc64() -> _LzmaCrc | None:
    """``lzma_crc64(buf, size, crc)`` from liblzma, if loadable and correct; None otherwise."""
    if os.environ.get("VODGUI_SANDBOX_CRC64", "").lower() == "crcmod":
        return None
    candidates = ["liblzma.so.5", "liblzma.5.dylib", "liblzma.dylib"]
    try:  # where _lzma links liblzma dynamically, its handle resolves the symbol too
        import _lzma

        candidates.append(_lzma.__file__ or "")
    except ImportError:
        pass
    for name in filter(None, candidates):
        try:
            fn = ctypes.CDLL(name).lzma_crc64
        except (OSError, AttributeError):
            continue
        fn.restype = ctypes.c_uint64
        fn.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint64]
        if fn(_CHECK[0], len(_CHECK[0]), 0) == _CHECK[1]:
            return cast(_LzmaCrc, fn)
    return None


def crcmod_uses_c_extension() -> bool:
    """True if crcmod runs its C extension (about 40x faster than its pure-Python fallback)."""
    module = sys.modules.get("crcmod.crcmod")
    return bool(getattr(module, "_usingExtension", False))


_LZMA_CRC64 = _load_lzma_crc64()
if _LZMA_CRC64 is None and not crcmod_uses_c_extension():
    # Pure-Python crcmod manages a few MB/s: uploads would crawl. Say so instead of leaving it a mystery.
    logging.getLogger("vodgui.sandbox.oss").warning(
        "neither liblzma nor crcmod's C extension is available: CRC-64 will be very slow")


class Crc64State(Protocol):
    """A running CRC-64 (what :func:`new_crc64` returns)."""

    @property
    def crcValue(self) -> int: ...

    def update(self, data: bytes | bytearray | memoryview) -> None: ...

    def update_address(self, address: int, size: int) -> None: ...


class _LzmaState:
    __slots__ = ("_value",)

    def __init__(self) -> None:
        self._value = 0

    @property
    def crcValue(self) -> int:
        return self._value

    def update(self, data: bytes | bytearray | memoryview) -> None:
        assert _LZMA_CRC64 is not None
        if isinstance(data, bytes):
            self._value = _LZMA_CRC64(data, len(data), self._value)
            return
        view = memoryview(data).cast("B")
        if view.readonly:
            self._value = _LZMA_CRC64(view.tobytes(), len(view), self._value)
            return
        array = (ctypes.c_char * len(view)).from_buffer(view)
        try:
            self._value = _LZMA_CRC64(ctypes.addressof(array), len(view), self._value)
        finally:
            del array

    def update_address(self, address: int, size: int) -> None:
        """Hash ``size`` bytes at ``address`` (a buffer the caller keeps alive): no copy, GIL released."""
        assert _LZMA_CRC64 is not None
        self._value = _LZMA_CRC64(address, size, self._value)


class _CrcmodState:
    __slots__ = ("_crc",)

    def __init__(self) -> None:
        # Crc.new() copies the prototype's table; constructing crcmod.Crc each time would rebuild it.
        self._crc = _PROTOTYPE.new()

    @property
    def crcValue(self) -> int:
        return int(self._crc.crcValue)

    def update(self, data: bytes | bytearray | memoryview) -> None:
        self._crc.update(data)

    def update_address(self, address: int, size: int) -> None:
        self._crc.update(ctypes.string_at(address, size))


def new_crc64(reference: bool = False) -> Crc64State:
    """A fresh running CRC-64; ``reference=True`` forces crcmod (for cross-checks)."""
    if _LZMA_CRC64 is not None and not reference:
        return _LzmaState()
    return _CrcmodState()


def crc64(data: bytes | bytearray | memoryview, reference: bool = False) -> int:
    """The CRC-64/ECMA of ``data`` as an unsigned integer."""
    state = new_crc64(reference)
    state.update(data)
    return state.crcValue


# -- combining

def _gf2_matrix_times(matrix: list[int], vector: int) -> int:
    result = 0
    row = 0
    while vector:
        if vector & 1:
            result ^= matrix[row]
        vector >>= 1
        row += 1
    return result


def _gf2_matrix_square(matrix: list[int]) -> list[int]:
    return [_gf2_matrix_times(matrix, matrix[n]) for n in range(64)]


class _ZeroOperators:
    """Lazily built operators ``M[k]``: the effect on a CRC register of appending ``2**k`` zero bytes.

    zlib recomputes these squarings on every call; caching them turns a combine into at most 64 cheap
    matrix-vector products, which matters when a 10 000-part upload completes.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ops: list[list[int]] = []

    def get(self, k: int) -> list[int]:
        with self._lock:
            if not self._ops:
                one_bit = [_POLY_REVERSED] + [1 << n for n in range(63)]  # one zero bit
                two_bits = _gf2_matrix_square(one_bit)
                four_bits = _gf2_matrix_square(two_bits)
                self._ops.append(_gf2_matrix_square(four_bits))  # eight bits: one zero byte
            while len(self._ops) <= k:
                self._ops.append(_gf2_matrix_square(self._ops[-1]))
            return self._ops[k]


_ZEROS = _ZeroOperators()


def crc64_combine(crc1: int, crc2: int, len2: int) -> int:
    """CRC of ``A + B`` given ``crc1 = crc(A)``, ``crc2 = crc(B)`` and ``len2 = len(B)``.

    Valid for CRCs whose initial register equals the final XOR (true for CRC-64/ECMA as OSS uses it): the XOR
    constants cancel, leaving ``shift(crc1, len2) ^ crc2``.
    """
    if len2 < 0:
        raise ValueError("len2 must not be negative")
    k = 0
    while len2:
        if len2 & 1:
            crc1 = _gf2_matrix_times(_ZEROS.get(k), crc1)
        len2 >>= 1
        k += 1
    return (crc1 ^ crc2) & _MASK


def crc64_of_parts(parts: list[tuple[int, int]]) -> int:
    """The CRC of the concatenation of parts given as ``(crc, size)`` pairs, in order."""
    total = 0
    for crc, size in parts:
        total = crc64_combine(total, crc, size)
    return total
