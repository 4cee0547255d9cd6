"""Transport-neutral request and response objects shared by every sandbox service.

A service sees a :class:`Request` whose body is a stream (:class:`BodyReader`) and returns a :class:`Response`
whose body is bytes or a file range. The server owns sockets, keep-alive, WAN shaping and dropped connections.
"""

from __future__ import annotations

import ipaddress
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import parse_qsl, unquote


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` (exactly: callers decide whether case matters) and loopback IP addresses."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def split_byte_range(spec: str, *, allow_spaces: bool) -> tuple[int | None, int | None] | None:
    """One ``first-last`` byte-range-spec as numbers, ``None`` for an absent side (``-500``, ``100-``).

    Only the syntax: ``None`` when there is no dash, both sides are empty, or a side is not all ASCII digits.
    ``allow_spaces`` accepts blanks around each side (OSS does, the CDN does not). Each service applies its own
    rules for the unit, several ranges and the object's size.
    """
    first, dash, last = spec.partition("-")
    if allow_spaces:
        first, last = first.strip(), last.strip()

    def number(text: str) -> bool:
        return text.isascii() and text.isdigit()

    if not dash or (not first and not last) or (first and not number(first)) or (last and not number(last)):
        return None
    return (int(first) if first else None), (int(last) if last else None)


class ConnectionDropped(Exception):
    """Raised inside a handler to make the server close the socket without answering (a fault)."""


class ClientGone(Exception):
    """The client closed the connection or sent less than it announced."""


class SharedLink:
    """The emulated link all connections of one sandbox share: a virtual-time queue at ``rate`` bytes/s.

    Each chunk a connection moves books the next ``nbytes / rate`` seconds of the link and waits until they are
    over, so N busy connections get about ``rate / N`` each (their chunks interleave) and together never more
    than ``rate``. ``loss`` is the chance that a chunk is "lost" and costs one more round trip (a
    retransmission). 0 for the rate means no shared limit.
    """

    BURST = 0.02  # seconds of link time an idle link may lend to the next chunk

    def __init__(self, bytes_per_second: Callable[[], float], rtt_ms: Callable[[], float] = lambda: 0.0,
                 loss: Callable[[], float] = lambda: 0.0) -> None:
        self._rate = bytes_per_second
        self._rtt = rtt_ms
        self._loss = loss
        self._lock = threading.Lock()
        self._next = 0.0
        self._random = random.Random()

    def consume(self, nbytes: int) -> None:
        loss = self._loss()
        if loss > 0 and self._random.random() < loss:
            time.sleep(self._rtt() / 1000)  # the retransmission's round trip
        rate = self._rate()
        if rate <= 0:
            return
        with self._lock:
            now = time.monotonic()
            start = max(now - self.BURST, self._next)
            self._next = start + nbytes / rate
            wait = self._next - now
        if wait > 0:
            time.sleep(wait)


class Throttle:
    """A per-connection token bucket (the per-connection cap of an emulated WAN), then the shared link."""

    def __init__(self, bytes_per_second: Callable[[], float], link: SharedLink | None = None) -> None:
        self._rate = bytes_per_second
        self._link = link
        self._allowance = 0.0
        self._last = time.monotonic()

    def consume(self, nbytes: int) -> None:
        rate = self._rate()
        if rate > 0:
            now = time.monotonic()
            self._allowance = min(rate * 0.1, self._allowance + (now - self._last) * rate)
            self._last = now
            self._allowance -= nbytes
            if self._allowance < 0:
                time.sleep(-self._allowance / rate)
                self._last = time.monotonic()
                self._allowance = 0.0
        if self._link is not None:
            self._link.consume(nbytes)


class BodyReader:
    """Reads exactly ``Content-Length`` bytes from the socket, shaped by the connection's throttle."""

    def __init__(self, stream: BinaryIO, length: int, throttle: Throttle | None = None) -> None:
        self._stream = stream
        self.length = length
        self.remaining = length
        self._throttle = throttle

    def readinto(self, buf: memoryview) -> int:
        """Fill ``buf`` with up to ``len(buf)`` bytes; 0 at the end of the body."""
        if self.remaining <= 0:
            return 0
        want = min(len(buf), self.remaining)
        if self._throttle is not None:
            want = min(want, 64 * 1024)
        n = self._stream.readinto(buf[:want])  # type: ignore[attr-defined]
        if not n:
            raise ClientGone("the client sent less than Content-Length")
        self.remaining -= n
        if self._throttle is not None:
            self._throttle.consume(n)
        return int(n)

    def read(self, limit: int = 1 << 20) -> bytes:
        """Read the whole (small) body; refuses bodies larger than ``limit``."""
        if self.remaining > limit:
            raise ValueError(f"request body larger than {limit} bytes")
        buf = bytearray(self.remaining)
        view = memoryview(buf)
        got = 0
        while got < len(buf):
            got += self.readinto(view[got:])
        return bytes(buf)

    def read_some(self, nbytes: int) -> int:
        """Consume up to ``nbytes`` bytes and throw them away; returns how many were read."""
        buf = bytearray(min(nbytes, 1 << 20) or 1)
        view = memoryview(buf)
        total = 0
        while total < nbytes and self.remaining > 0:
            total += self.readinto(view[: min(len(buf), nbytes - total)])
        return total

    def drain(self) -> None:
        self.read_some(self.remaining)


@dataclass
class Request:
    method: str
    target: str  # raw request-target, e.g. ``/bucket/a%2Fb.mp4?uploadId=X&partNumber=1``
    headers: Message
    body: BodyReader
    client: str = "127.0.0.1"
    #: Filled by the server: a shared id for logging and responses.
    request_id: str = ""
    #: Services add fields here (action, bucket, key, part number, error code...) for the request log.
    log: dict[str, Any] = field(default_factory=dict)
    #: What the answering service parsed from the request, kept so that classify(), handle() and
    #: error_response() of one request parse it once.
    parsed: Any = field(default=None, repr=False)

    @property
    def raw_path(self) -> str:
        return self.target.split("?", 1)[0]

    @property
    def path(self) -> str:
        return unquote(self.raw_path)

    @property
    def raw_query(self) -> str:
        return self.target.split("?", 1)[1] if "?" in self.target else ""

    @property
    def query(self) -> list[tuple[str, str]]:
        return parse_qsl(self.raw_query, keep_blank_values=True)

    def query_dict(self) -> dict[str, str]:
        return dict(self.query)

    def header(self, name: str, default: str | None = None) -> str | None:
        value = self.headers.get(name)
        return default if value is None else str(value)


@dataclass
class FileBody:
    """A response body served from a file (for GetObject and playback), optionally a byte range."""

    path: Path
    start: int
    length: int


@dataclass
class Response:
    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes | FileBody = b""
    #: Close the connection after this response (e.g. after an early error on a request with a body).
    close: bool = False

    def header(self, name: str) -> str | None:
        lname = name.lower()
        return next((v for k, v in self.headers if k.lower() == lname), None)


class RequestLog:
    """An in-memory ring of recent requests, for the control plane and tests."""

    def __init__(self, capacity: int = 200_000) -> None:
        self._lock = threading.Lock()
        self._entries: list[dict[str, Any]] = []
        self._capacity = capacity
        self._seq = 0

    def append(self, entry: dict[str, Any]) -> None:
        with self._lock:
            self._seq += 1
            entry["seq"] = self._seq
            self._entries.append(entry)
            if len(self._entries) > self._capacity:
                del self._entries[: len(self._entries) - self._capacity]

    def since(self, seq: int = 0) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(e) for e in self._entries if e["seq"] > seq]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
