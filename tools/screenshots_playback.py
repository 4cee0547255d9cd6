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
import sys
import tempfile
from pathlib import Path
from typing import Any, NoReturn

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from tests.helpers.media import HAVE_FFMPEG, ffmpeg
from tools.screenshots import demo_window, save_png, wait
from vodgui.core.transfer.events import JobState


def _no_ffmpeg(reason: str) -> NoReturn:
    raise SystemExit(f"{reason}: ffmpeg is needed to generate the demo clip")


def make_clip(folder: Path) -> Path:
    """A 3 s 640x360 H.264 test pattern with a tone (moov first, so it starts playing at once)."""
    return ffmpeg("-f", "lavfi", "-i", "testsrc2=size=640x360:rate=25", "-f", "lavfi", "-i",
                  "sine=frequency=440:sample_rate=44100", "-t", "3", "-pix_fmt", "yuv420p", "-c:v", "libx264",
                  "-c:a", "aac", "-shortest", "-movflags", "+faststart",
                  out=folder / "vodgui-playback-demo.mp4", missing=_no_ffmpeg)


def upload_clip(window: Any, folder: Path) -> str:
    """Upload a generated clip with the window's engine and current profile; its VideoId."""
    ctx = window.ctx
    [job_id] = ctx.engine.add_files([str(make_clip(folder))], ctx.current_profile,
                                    {"title": "Playback demo"})
    wait(lambda: ctx.engine.snapshot(job_id).state in (JobState.DONE, JobState.FAILED), "the upload")
    snap = ctx.engine.snapshot(job_id)
    if snap.state is not JobState.DONE:
        raise RuntimeError(f"upload failed: {snap.error}")
    vod = ctx.workspace.sessions(ctx.current_profile).vod
    # The sandbox transcodes for real: only a Normal video plays.
    wait(lambda: vod.get_video_info(str(snap.media_id)).status in ("Normal", "TranscodeFail"), "transcoding", 120)
    return str(snap.media_id)


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
    wait(lambda: "auth" in got, "the PlayAuth")
    page.check_as_player()
    wait(lambda: "check" in got, "the player check")
    page.playinfo_panel.formats.setText("mp4")
    page.get_play_info()
    wait(lambda: "info" in got, "the play info")
    page.preview_row(0)
    player = page.player
    wait(lambda: player.frames_seen > 0 and player.duration_ms > 0, "a preview frame", 30)
    wait(lambda: player.player.position() >= 1200, "playback to reach 1.2 s", 30)
    player.player.pause()
    return save_png(window, path)


def main(argv: list[str]) -> int:
    if not HAVE_FFMPEG:
        print("ffmpeg is needed to generate the demo clip", file=sys.stderr)
        return 2
    out = Path(argv[0] if argv else "playback.png").resolve()
    width, height = (int(v) for v in (argv[1] if len(argv) > 1 else "1440x920").split("x"))
    app = QApplication.instance() or QApplication(sys.argv)
    with demo_window((width, height)) as window:
        render_playback(window, out)
        print(out)
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
