"""Test media made at test time: a real HLS package (ffmpeg), small images, subtitles, a loopback web server.

Nothing here imports pytest at module level, so tools/ can use :func:`ffmpeg` and :func:`web_server` too.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import socketserver
import struct
import subprocess
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn, TypeVar

#: Looked up once at import: some tests monkeypatch ``shutil.which`` (to hide ffprobe) while they run ffmpeg.
HAVE_FFMPEG = shutil.which("ffmpeg") is not None

_Server = TypeVar("_Server", bound=socketserver.BaseServer)


def skip_test(reason: str) -> NoReturn:
    """Skip the running test (pytest is imported only when a test really needs skipping)."""
    import pytest

    pytest.skip(reason)


def ffmpeg(*args: str, out: Path, missing: Callable[[str], NoReturn] = skip_test) -> Path:
    """Run ``ffmpeg -nostdin -loglevel error -y ARGS OUT`` (60 s at most) and return ``out``.

    Without ffmpeg, ``missing(reason)`` is called instead: by default the test is skipped; tools pass their own.
    """
    if not HAVE_FFMPEG:
        missing("ffmpeg is not installed")
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", *args, str(out)], check=True, timeout=60)
    return out


@contextmanager
def serving(server: _Server) -> Iterator[_Server]:
    """Run ``server.serve_forever`` on a daemon thread for the ``with`` block; shut it down and close it after."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


def make_hls(folder: Path, seconds: int = 4, *, subdir: str = "segs", name: str = "out.m3u8") -> Path:
    """An HLS package of ``seconds`` one-second segments in ``folder/subdir``; the playlist in ``folder`` names
    them with relative paths (``segs/p00.ts``). Skips the test without ffmpeg."""
    target = folder / subdir if subdir else folder
    target.mkdir(parents=True, exist_ok=True)
    playlist = ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-t", str(seconds), "-c:v", "libx264",
                      "-g", "10", "-pix_fmt", "yuv420p", "-f", "hls", "-hls_time", "1", "-hls_playlist_type", "vod",
                      "-hls_segment_filename", str(target / "p%02d.ts"), out=folder / name)
    if subdir:
        # ffmpeg writes base names; make them relative paths into the subfolder, as packagers often do.
        lines = [f"{subdir}/{line}" if line.endswith(".ts") else line
                 for line in playlist.read_text().splitlines()]
        playlist.write_text("\n".join(lines) + "\n")
    return playlist


def segment_names(playlist: Path) -> list[str]:
    return [line.strip() for line in playlist.read_text().splitlines() if line.strip() and not line.startswith("#")]


def make_png(path: Path, width: int = 8, height: int = 8, seed: int = 0) -> Path:
    """A valid PNG (RGB, unfiltered rows)."""
    raw = b"".join(b"\x00" + bytes(((x * 31 + y * 17 + seed) % 256) for x in range(width * 3))
                   for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
                     + chunk(b"IEND", b""))
    return path


def make_srt(path: Path) -> Path:
    path.write_text("1\n00:00:00,000 --> 00:00:01,000\nHello\n\n2\n00:00:01,000 --> 00:00:02,000\n你好\n",
                    encoding="utf-8")
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def web_server(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a loopback port; yields the base URL (no trailing slash)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    with serving(http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}"
