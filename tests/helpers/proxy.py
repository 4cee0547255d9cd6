"""A tiny forwarding HTTP proxy for tests: proves that a client really sends its requests through a proxy.

It forwards absolute-URI requests (plain http) and tunnels ``CONNECT`` (https). With ``auth=(user, password)``
it answers 407 with an HTML page, as corporate proxies do, to any request without those Basic credentials.
"""

from __future__ import annotations

import base64
import http.client
import select
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tests.helpers.media import serving

DENIED_PAGE = (b"<html><head><title>407 Proxy Authentication Required</title></head><body><h1>Access Denied"
               b"</h1><p>Corporate proxy: please log in.</p></body></html>")


class _ProxyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _ProxyServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _authorized(self) -> bool:
        with self.server.lock:
            self.server.attempts += 1
        if self.server.auth is None:
            return True
        user, password = self.server.auth
        expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
        if self.headers.get("Proxy-Authorization") == expected:
            return True
        with self.server.lock:
            self.server.refused += 1
        self.send_response(407, "Proxy Authentication Required")
        self.send_header("Proxy-Authenticate", 'Basic realm="corp"')
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(DENIED_PAGE)))
        self.end_headers()
        self.wfile.write(DENIED_PAGE)
        return False

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        if not self._authorized():
            return
        url = urlsplit(self.path)  # a proxy receives absolute URIs
        if not url.scheme:
            self.send_error(400, "not a proxy request")
            return
        headers = {k: v for k, v in self.headers.items()
                   if k.lower() not in ("proxy-connection", "connection", "proxy-authorization")}
        conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=30)
        target = url.path + (f"?{url.query}" if url.query else "")
        conn.request(self.command, target, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        with self.server.lock:
            self.server.seen.append((self.command, self.path))
        self.send_response(resp.status, resp.reason)
        for k, v in resp.getheaders():
            if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
        conn.close()

    def do_CONNECT(self) -> None:
        if not self._authorized():
            return
        host, _, port = self.path.rpartition(":")
        try:
            upstream = socket.create_connection((host.strip("[]"), int(port)), timeout=30)
        except OSError:
            self.send_error(502, "upstream unreachable")
            return
        with self.server.lock:
            self.server.seen.append(("CONNECT", self.path))
        self.send_response(200, "Connection established")
        self.end_headers()
        self.close_connection = True
        sockets = [self.connection, upstream]
        try:
            while True:
                readable, _, _ = select.select(sockets, [], [], 30)
                if not readable:
                    break
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    (upstream if sock is self.connection else self.connection).sendall(data)
        except OSError:
            pass
        finally:
            upstream.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward


class _ProxyServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, auth: tuple[str, str] | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        self.lock = threading.Lock()
        self.auth = auth
        self.seen: list[tuple[str, str]] = []
        self.attempts = 0
        self.refused = 0

    @property
    def port(self) -> int:
        return int(self.server_address[1])


@contextmanager
def forwarding_proxy(auth: tuple[str, str] | None = None) -> Iterator[_ProxyServer]:
    with serving(_ProxyServer(auth)) as server:
        yield server
