"""A tiny SOCKS5 server for tests (RFC 1928 CONNECT, RFC 1929 user/password): proves that a client really
connects through it, and what it does when the server refuses the login."""

from __future__ import annotations

import select
import socket
import socketserver
import struct
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from tests.helpers.media import serving


class _Socks5Handler(socketserver.BaseRequestHandler):
    server: _Socks5Server

    def _read(self, n: int) -> bytes:
        data = b""
        while len(data) < n:
            chunk = self.request.recv(n - len(data))
            if not chunk:
                raise ConnectionError("client went away")
            data += chunk
        return data

    def handle(self) -> None:
        try:
            self._handle()
        except (ConnectionError, OSError, struct.error):
            return

    def _handle(self) -> None:
        version, count = self._read(2)
        methods = self._read(count)
        if version != 5:
            return
        wanted = 2 if self.server.auth else 0
        if wanted not in methods:
            self.request.sendall(b"\x05\xff")
            return
        self.request.sendall(bytes([5, wanted]))
        with self.server.lock:
            self.server.attempts += 1
        if wanted == 2:
            _, ulen = self._read(2)
            user = self._read(ulen).decode()
            (plen,) = self._read(1)
            password = self._read(plen).decode()
            if (user, password) != self.server.auth:
                with self.server.lock:
                    self.server.refused += 1
                self.request.sendall(b"\x01\x01")
                return
            self.request.sendall(b"\x01\x00")
        _, command, _, atyp = self._read(4)
        if atyp == 1:
            host = socket.inet_ntoa(self._read(4))
        elif atyp == 3:
            (length,) = self._read(1)
            host = self._read(length).decode()
        else:
            host = socket.inet_ntop(socket.AF_INET6, self._read(16))
        (port,) = struct.unpack(">H", self._read(2))
        if command != 1:
            self.request.sendall(b"\x05\x07\x00\x01" + b"\x00" * 6)
            return
        try:
            upstream = socket.create_connection((host, port), timeout=30)
        except OSError:
            self.request.sendall(b"\x05\x05\x00\x01" + b"\x00" * 6)
            return
        with self.server.lock:
            self.server.seen.append(f"{host}:{port}")
        self.request.sendall(b"\x05\x00\x00\x01" + b"\x00" * 6)
        pair = [self.request, upstream]
        try:
            while True:
                readable, _, _ = select.select(pair, [], [], 30)
                if not readable:
                    return
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (upstream if sock is self.request else self.request).sendall(data)
        finally:
            upstream.close()


class _Socks5Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, auth: tuple[str, str] | None) -> None:
        super().__init__(("127.0.0.1", 0), _Socks5Handler)
        self.auth = auth
        self.lock = threading.Lock()
        self.seen: list[str] = []
        self.attempts = 0
        self.refused = 0

    @property
    def port(self) -> int:
        return int(self.server_address[1])


@contextmanager
def socks5_proxy(auth: tuple[str, str] | None = None) -> Iterator[_Socks5Server]:
    with serving(_Socks5Server(auth)) as server:
        yield server
