"""A release-feed server on 127.0.0.1 and signed test feeds.

Test feeds are signed with a throwaway Ed25519 key made for the test session (never the release key, which is not
in the repository); the code under test is told to trust it through ``VODGUI_UPDATE_PUBLIC_KEY`` or ``keys=``.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from vodgui.core.update_feed import public_key_text, sign


@dataclass
class Route:
    body: bytes
    status: int = 200
    #: Announce this Content-Length instead of the body's (a larger one = the connection is cut short).
    announce: int | None = None
    #: Send no Content-Length and stream this many bytes of filler (a huge feed without a size).
    stream: int = 0


@dataclass
class FeedServer:
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    port: int = 0

    def url(self, path: str = "/latest.json") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def publish(self, feed: bytes, signature: bytes | None, path: str = "/latest.json", **route: Any) -> str:
        self.routes[path] = Route(feed, **route)
        if signature is None:
            self.routes.pop(path + ".sig", None)
        else:
            self.routes[path + ".sig"] = Route(signature)
        return self.url(path)


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    state = FeedServer()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: Any) -> None:
            pass

        def do_GET(self) -> None:
            state.requests.append(self.path)
            route = state.routes.get(self.path)
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(route.status)
            try:
                if route.stream:
                    self.send_header("Connection", "close")
                    self.end_headers()
                    filler = b" " * 65536
                    for _ in range(route.stream // len(filler)):
                        self.wfile.write(filler)
                    return
                self.send_header("Content-Length", str(route.announce or len(route.body)))
                if route.announce:
                    self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading, as it should for an oversized feed
            if route.announce or route.stream:
                self.close_connection = True

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


class ThrowawayKey:
    """A release key for one test session."""

    def __init__(self) -> None:
        self.private = Ed25519PrivateKey.generate()
        self.public_text = public_key_text(self.private)

    def sign(self, feed: bytes) -> bytes:
        return sign(feed, self.private)


def asset(name: str = "vodgui_9.0.0_amd64.deb", platform: str = "linux-x86_64", kind: str = "deb",
          content: bytes = b"package bytes") -> dict[str, Any]:
    return {"platform": platform, "kind": kind, "name": name, "url": name, "size": len(content),
            "sha256": hashlib.sha256(content).hexdigest()}


def feed_bytes(version: str = "9.0.0", **overrides: Any) -> bytes:
    data: dict[str, Any] = {"schema": 1, "name": "vodgui", "version": version, "date": "2026-12-04",
                            "notes": "Faster uploads.\nA new playback lab.", "notes_zh_CN": "上传更快。",
                            "url": f"https://example.invalid/releases/v{version}",
                            "assets": [asset(f"vodgui_{version}_amd64.deb")]}
    data.update(overrides)
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
