"""``vodgui --smoke``: prove an installation works, end to end, on the built-in sandbox.

Steps: the main window is shown; the bundled H.264 sample (which also proves resources were packaged) is copied to
a fresh file and uploaded through the real engine; the video reaches Normal; a PlayAuth is issued and checked the
way the player does; the play info is fetched; one frame of the stream is decoded by QtMultimedia (which proves the
multimedia/FFmpeg plugins are there). Exits 0 when every step passed; otherwise names the step and the reason.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, QUrl
from PySide6.QtMultimedia import QMediaPlayer, QVideoFrame, QVideoSink

from vodgui.core.transfer.events import JobState
from vodgui.resources import resource_path

T = TypeVar("T")


class SmokeFailure(Exception):
    pass


def _pump(ms: int = 50) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(what: str, cond: Callable[[], bool], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise SmokeFailure(f"timed out after {timeout:.0f} s waiting for {what}")
        _pump()


def off_thread(pool: ThreadPoolExecutor, fn: Callable[[], T], timeout: float, what: str) -> T:
    """Run a blocking call on a worker while the GUI keeps processing events."""
    future: Future[T] = pool.submit(fn)
    wait_until(what, future.done, timeout)
    return future.result()


def run_smoke(app: QCoreApplication, window: Any, ctx: Any) -> int:
    results: list[tuple[str, bool, str]] = []
    pool = ThreadPoolExecutor(max_workers=2)
    state: dict[str, Any] = {}

    def step(name: str, fn: Callable[[], str]) -> None:
        started = time.monotonic()
        try:
            detail = fn()
        except Exception as exc:
            reason = str(exc) or type(exc).__name__
            if not isinstance(exc, SmokeFailure):
                reason = f"{type(exc).__name__}: {reason}\n{traceback.format_exc()}"
            results.append((name, False, reason))
            raise
        results.append((name, True, f"{detail} ({time.monotonic() - started:.1f} s)"))
        print(f"smoke: [ok] {name}: {detail}", flush=True)

    def window_shown() -> str:
        wait_until("the main window", window.isVisible, 10)
        if ctx.current_profile != "Sandbox":
            raise SmokeFailure(f"the window opened on profile {ctx.current_profile!r}, not the built-in sandbox")
        return f"{window.width()}x{window.height()} on profile {ctx.current_profile}"

    def upload() -> str:
        sample = resource_path("samples", "sample.mp4")
        if not sample.exists():
            raise SmokeFailure(f"the bundled sample is missing: {sample}")
        folder = tempfile.mkdtemp(prefix="vodgui-smoke-")
        path = os.path.join(folder, f"smoke-{int(time.time())}.mp4")
        shutil.copyfile(sample, path)
        [job_id] = ctx.engine.add_files([path], "Sandbox", {"title": "vodgui smoke test"})
        wait_until("the upload", lambda: ctx.engine.snapshot(job_id).state.terminal
                   or ctx.engine.snapshot(job_id).state is JobState.FAILED, 60)
        snap = ctx.engine.snapshot(job_id)
        if snap.state is not JobState.DONE:
            err = snap.error
            raise SmokeFailure(f"upload ended {snap.state.value}: {err.code}: {err.message}" if err else
                               f"upload ended {snap.state.value}")
        wait_until("the queue view to show it", lambda: window.model.row_of(job_id) is not None, 5)
        state["video_id"] = snap.media_id
        return f"video {snap.media_id}, {snap.size} bytes"

    def normal() -> str:
        vod = ctx.workspace.sessions("Sandbox").vod

        def poll() -> str:
            deadline = time.monotonic() + 60
            while True:
                status = vod.get_video_info(state["video_id"]).status
                if status == "Normal" or time.monotonic() > deadline:
                    return str(status)
                time.sleep(0.5)

        status = off_thread(pool, poll, 70, "the video to become Normal")
        if status != "Normal":
            raise SmokeFailure(f"the video stayed {status}")
        return "Normal"

    def play_auth() -> str:
        from vodgui.core import playback

        vod = ctx.workspace.sessions("Sandbox").vod
        info = off_thread(pool, lambda: playback.get_play_auth(vod, state["video_id"], 100), 30, "GetVideoPlayAuth")
        state["play_auth"] = info
        profile, _ = ctx.workspace.sessions.effective(ctx.workspace.profiles.require("Sandbox"))
        verdict = off_thread(pool, lambda: playback.check_as_player(
            info.play_auth, state["video_id"], profile.region, profile.vod_endpoint), 30, "the player-style check")
        if not verdict.ok:
            raise SmokeFailure(f"the player-style check failed: {verdict.code}: {verdict.message}")
        return f"PlayAuth issued and accepted as the player would use it (expires in {info.timeout} s)"

    def play_info() -> str:
        from vodgui.core import playback

        vod = ctx.workspace.sessions("Sandbox").vod
        streams = off_thread(pool, lambda: playback.get_play_info(vod, state["video_id"]), 30, "GetPlayInfo")
        if not streams:
            raise SmokeFailure("GetPlayInfo returned no stream")
        state["url"] = streams[0].url
        return f"{len(streams)} stream(s), {streams[0].format} {streams[0].width}x{streams[0].height}"

    def preview() -> str:
        player = QMediaPlayer()
        from vodgui.ui.ffmpeg_log import quiet_ffmpeg

        quiet_ffmpeg()  # FFmpeg would print the signed URL on stderr
        sink = QVideoSink()
        player.setVideoSink(sink)
        frames: list[QVideoFrame] = []
        errors: list[str] = []
        sink.videoFrameChanged.connect(lambda f: frames.append(f) if f.isValid() else None)
        player.errorOccurred.connect(lambda e, text: errors.append(f"{e.name}: {text}"))
        player.setSource(QUrl(state["url"]))
        player.play()
        try:
            wait_until("a decoded video frame", lambda: bool(frames) or bool(errors), 30)
        finally:
            player.stop()
        if errors:
            raise SmokeFailure(f"the player failed: {errors[0]}")
        size = frames[0].size()
        return f"decoded a {size.width()}x{size.height()} frame; duration {player.duration()} ms"

    try:
        step("window", window_shown)
        step("upload", upload)
        step("status", normal)
        step("playauth", play_auth)
        step("playinfo", play_info)
        step("preview", preview)
    except Exception:  # reported below
        pass
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    failed = [r for r in results if not r[1]]
    if failed:
        name, _, reason = failed[0]
        print(f"smoke: [FAILED] {name}: {reason}", file=sys.stderr, flush=True)
    else:
        print("smoke: all steps passed", flush=True)
    window.ask_pause_on_quit = lambda running: True
    window.close()
    app.quit()
    return 1 if failed else 0
