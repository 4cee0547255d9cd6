"""Render the Playback page offscreen to a PNG: a decoded PlayAuth, its countdown, the player-check verdict, the
streams and a preview frame.

Usage::

    QT_QPA_PLATFORM=offscreen python tools/screenshots_playback.py [OUT.png [WIDTHxHEIGHT]]

Without arguments it starts a private sandbox and home, uploads a generated clip (ffmpeg) and writes
``playback.png`` in the current directory. :func:`render_playback` works on any MainWindow whose current profile
can call VOD (the release screenshots use it too).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from vodgui.core.transfer.events import JobState


def _wait(cond: Callable[[], bool], what: str, timeout: float = 30.0) -> None:
    from tools.screenshots import wait

    wait(cond, what, timeout)


def make_clip(folder: Path) -> Path:
    """A 3 s 640x360 H.264 test pattern with a tone (moov first, so it starts playing at once)."""
    out = folder / "vodgui-playback-demo.mp4"
    subprocess.run(["ffmpeg", "-nostdin", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                    "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
                    "-t", "3", "-pix_fmt", "yuv420p", "-c:v", "libx264", "-c:a", "aac", "-shortest",
                    "-movflags", "+faststart", str(out)], check=True, timeout=60)
    return out


def upload_clip(window: Any, folder: Path) -> str:
    """Upload a generated clip with the window's engine and current profile; its VideoId."""
    ctx = window.ctx
    [job_id] = ctx.engine.add_files([str(make_clip(folder))], ctx.current_profile,
                                    {"title": "Playback demo"})
    _wait(lambda: ctx.engine.snapshot(job_id).state in (JobState.DONE, JobState.FAILED), "the upload")
    snap = ctx.engine.snapshot(job_id)
    if snap.state is not JobState.DONE:
        raise RuntimeError(f"upload failed: {snap.error}")
    return str(snap.video_id)


def render_playback(window: Any, path: str | Path, *, video_id: str | None = None,
                    timeout: int = 300) -> Path:
    """Drive the Playback page through PlayAuth, check, play info and preview, then save ``window`` as PNG."""
    page = window.playback_page
    if video_id is None:
        with tempfile.TemporaryDirectory() as folder:
            video_id = upload_clip(window, Path(folder))
    window.ctx.hub.open_in_playback.emit([video_id])
    page.timeout_spin.setValue(timeout)
    got: dict[str, Any] = {}
    page.play_auth_received.connect(lambda r: got.setdefault("auth", r))
    page.check_finished.connect(lambda c: got.setdefault("check", c))
    page.play_info_received.connect(lambda i: got.setdefault("info", i))
    page.get_play_auth()
    _wait(lambda: "auth" in got, "the PlayAuth")
    page.check_as_player()
    _wait(lambda: "check" in got, "the player check")
    page.playinfo_panel.formats.setText("mp4")
    page.get_play_info()
    _wait(lambda: "info" in got, "the play info")
    page.preview_row(0)
    player = page.player
    _wait(lambda: player.frames_seen > 0 and player.duration_ms > 0, "a preview frame", 30)
    _wait(lambda: player.player.position() >= 1200, "playback to reach 1.2 s", 30)
    player.player.pause()
    QApplication.processEvents()
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise RuntimeError(f"could not write {out}")
    return out


def main(argv: list[str]) -> int:
    from tests.helpers.keyrings import MemoryKeyring  # a throw-away keychain: nothing touches the user's
    from vodgui.app import build_context
    from vodgui.core.keychain import SecretStore
    from vodgui.core.workspace import Workspace
    from vodgui.sandbox import SandboxServer
    from vodgui.ui.main_window import MainWindow

    if shutil.which("ffmpeg") is None:
        print("ffmpeg is needed to generate the demo clip", file=sys.stderr)
        return 2
    out = Path(argv[0] if argv else "playback.png").resolve()
    app = QApplication.instance() or QApplication(sys.argv)
    home = tempfile.mkdtemp(prefix="vodgui-shot-")
    sandbox = SandboxServer(settings={"transcode_delay": 0.0, "transcode_duration": 0.0}).start()
    ctx = build_context(Workspace(home, secrets=SecretStore(MemoryKeyring())), sandbox.info)
    window = MainWindow(ctx)
    window.ask_pause_on_quit = lambda running: True  # type: ignore[method-assign]
    width, height = (int(v) for v in (argv[1] if len(argv) > 1 else "1440x920").split("x"))
    window.resize(width, height)
    window.show()
    try:
        render_playback(window, out)
        print(out)
    finally:
        window.playback_page.player.stop()
        window.close()
        ctx.bridge.stop()
        ctx.engine.shutdown(pause=True, timeout=10)
        ctx.workspace.close()
        sandbox.stop()
        shutil.rmtree(home, ignore_errors=True)
        app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
