"""Identifier generation for the sandbox.

With a seed, the sequence is reproducible (tests can predict IDs); the counter is persisted with the state so a
restarted sandbox with a data directory never repeats an ID.
"""

from __future__ import annotations

import hashlib
import os
import string
import threading
import uuid

_ALNUM = string.ascii_letters + string.digits


class IdGenerator:
    """Produces the identifiers the real services hand out, in their real shapes."""

    def __init__(self, seed: str | None = None, counter: int = 0) -> None:
        self._seed = seed
        self._counter = counter
        self._lock = threading.Lock()

    @property
    def counter(self) -> int:
        with self._lock:
            return self._counter

    def _bytes(self, n: int) -> bytes:
        if self._seed is None:
            return os.urandom(n)
        with self._lock:
            self._counter += 1
            counter = self._counter
        out = b""
        block = 0
        while len(out) < n:
            out += hashlib.sha256(f"{self._seed}:{counter}:{block}".encode()).digest()
            block += 1
        return out[:n]

    def hex(self, nchars: int) -> str:
        return self._bytes((nchars + 1) // 2).hex()[:nchars]

    def alnum(self, nchars: int) -> str:
        raw = self._bytes(nchars)
        return "".join(_ALNUM[b % len(_ALNUM)] for b in raw)

    def request_id(self) -> str:
        """POP request id: an upper-case UUID."""
        return str(uuid.UUID(bytes=self._bytes(16))).upper()

    def oss_request_id(self) -> str:
        """OSS request id: 24 upper-case hex characters."""
        return self.hex(24).upper()

    def video_id(self) -> str:
        """VOD media id: 32 lower-case hex characters."""
        return self.hex(32)

    def upload_id(self) -> str:
        """OSS multipart upload id: 32 upper-case hex characters."""
        return self.hex(32).upper()

    def access_key_id(self, prefix: str = "LTAI5t") -> str:
        return prefix + self.alnum(24 - len(prefix)) if prefix != "STS." else prefix + self.alnum(25)

    def secret(self) -> str:
        return self.alnum(30)

    def security_token(self) -> str:
        # Real tokens are long opaque base64-ish strings starting with CAIS; their length is not bounded.
        return "CAIS" + self.alnum(316)
