"""Real transcoding for the sandbox: FFmpeg renditions made by a bounded background worker.

:class:`Transcoder` owns a fixed pool of worker threads (``Settings.transcode_workers``, read when the pool
starts) fed by a bounded queue (``Settings.transcode_queue_max``): a job that finds the queue full fails at once
(TranscodeFail) instead of piling up. Each job runs :func:`render` with the ``ffmpeg`` binary:

- one H.264 + AAC MP4 per definition of the template group (height scaled by ``Settings.transcode_scale``,
  width keeping the aspect ratio, even numbers as H.264 wants);
- each HLS template remuxes that MP4 into 2-second MPEG-TS segments (``-c copy``), AES-128 encrypted with a
  per-video key when the template asks for encryption; the playlist's ``EXT-X-KEY`` names the key by a
  sandbox-relative URI that the CDN turns into the key service's URL when it serves the playlist.

Every figure GetPlayInfo shows afterwards (Width, Height, Fps, Duration, Bitrate, Size) is measured from the
files written, never copied from the template. A source FFmpeg cannot decode fails the job (TranscodeFail), as
real VOD does with a file that is not media.

Without an ``ffmpeg`` binary on PATH the worker keeps the original only (like ``transcode_mode="original"``)
and says so in the log once.
"""

from __future__ import annotations

import logging
import queue
import shutil
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vodgui.sandbox.probe import ProbeResult, probe
from vodgui.sandbox.vod.templates import Template

log = logging.getLogger("vodgui.sandbox.transcode")

#: Seconds one FFmpeg run may take before the job fails (tiny test clips take well under a second).
FFMPEG_TIMEOUT = 300
HLS_SEGMENT_SECONDS = 2
#: What the stored playlists name as the key URI; the CDN rewrites it (see vodgui.sandbox.cdn).
KEY_URI_PREFIX = "/_hlskey/decrypt?Ciphertext="


class TranscodeError(Exception):
    """FFmpeg could not produce a rendition (a source that is not media, or a broken one)."""


@dataclass
class RenditionFile:
    """One file of a rendition: its object key suffix (relative to the video's folder) and local path."""

    name: str
    path: Path


@dataclass
class Rendition:
    """A finished rendition: what GetPlayInfo lists as one stream."""

    definition: str
    container: str
    encrypt: str
    template_id: str
    #: The file the player opens (the MP4, or the playlist); then the HLS segments.
    files: list[RenditionFile] = field(default_factory=list)
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    duration: float | None = None
    size: int = 0
    bitrate_kbps: float | None = None
    codec: str = "h264"


def have_ffmpeg() -> bool:
    return shutil.which("ffmpeg") is not None


def _run(args: list[str]) -> None:
    exe = shutil.which("ffmpeg")
    if exe is None:
        raise TranscodeError("ffmpeg is not installed")
    try:
        proc = subprocess.run([exe, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *args],
                              capture_output=True, timeout=FFMPEG_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise TranscodeError(f"ffmpeg took longer than {FFMPEG_TIMEOUT} s") from None
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        raise TranscodeError(f"ffmpeg failed: {tail[0][:200]}")


def _even(value: float) -> int:
    return max(2, round(value / 2) * 2)


def target_size(source: ProbeResult, height: int, scale: float) -> tuple[int, int]:
    """(width, height) of a rendition: the template height times ``scale``, the source's aspect ratio."""
    h = _even(height * scale)
    if source.width and source.height:
        return _even(h * source.width / source.height), h
    return _even(h * 16 / 9), h


def render(src: Path, work: Path, templates: tuple[Template, ...], scale: float, source: ProbeResult,
           key: bytes | None, key_id: str) -> list[Rendition]:
    """All renditions of ``templates`` from ``src``, written under ``work``.

    Raises:
        TranscodeError: when FFmpeg fails on any of them (the whole job fails, as one VOD transcode task does).
    """
    renditions: list[Rendition] = []
    by_definition: dict[str, list[Template]] = {}
    for t in templates:
        by_definition.setdefault(t.definition, []).append(t)
    key_info: Path | None = None
    if key is not None:
        key_file = work / "hls.key"
        key_file.write_bytes(key)
        key_info = work / "hls.keyinfo"
        key_info.write_text(f"{KEY_URI_PREFIX}{key_id}\n{key_file}\n", encoding="utf-8")
    for definition, group in by_definition.items():
        first = group[0]
        mp4 = work / f"{definition.lower()}.mp4"
        args = ["-i", str(src), "-map", "0:v:0?", "-map", "0:a:0?"]
        if source.has_video:
            width, height = target_size(source, first.height, scale)
            args += ["-vf", f"scale={width}:{height}", "-c:v", "libx264", "-preset", "veryfast",
                     "-b:v", f"{max(16, int(first.video_kbps * scale))}k", "-pix_fmt", "yuv420p",
                     # A keyframe every 2 s lets the HLS remux cut 2-second segments.
                     "-force_key_frames", f"expr:gte(t,n_forced*{HLS_SEGMENT_SECONDS})"]
        if source.has_audio:
            args += ["-c:a", "aac", "-b:a", f"{first.audio_kbps}k", "-ac", "2"]
        _run([*args, "-movflags", "+faststart", str(mp4)])
        measured = probe(mp4, "mp4")
        if measured is None or not (measured.has_video or measured.has_audio):
            raise TranscodeError(f"the {definition} rendition has no stream")
        for t in group:
            rendition = Rendition(t.definition, t.container, t.encrypt, t.template_id,
                                  width=measured.width, height=measured.height, fps=measured.fps,
                                  duration=measured.duration,
                                  codec=measured.video_codec or measured.audio_codec or "")
            if t.container == "mp4":
                rendition.files = [RenditionFile(f"{definition.lower()}.mp4", mp4)]
            else:
                rendition.files = _hls(mp4, work, definition.lower(), key_info if t.encrypt else None,
                                       t.encrypt)
            rendition.size = sum(f.path.stat().st_size for f in rendition.files)
            if rendition.duration:
                rendition.bitrate_kbps = round(rendition.size * 8 / rendition.duration / 1000, 4)
            renditions.append(rendition)
    return renditions


def _hls(mp4: Path, work: Path, stem: str, key_info: Path | None, encrypt: str) -> list[RenditionFile]:
    folder = work / f"{stem}-{'enc' if encrypt else 'hls'}"
    folder.mkdir(exist_ok=True)
    playlist = folder / "index.m3u8"
    args = ["-i", str(mp4), "-c", "copy", "-f", "hls", "-hls_time", str(HLS_SEGMENT_SECONDS),
            "-hls_playlist_type", "vod", "-hls_segment_filename", str(folder / "seg-%03d.ts")]
    if key_info is not None:
        args += ["-hls_key_info_file", str(key_info)]
    _run([*args, str(playlist)])
    files = [RenditionFile(f"{folder.name}/index.m3u8", playlist)]
    for line in playlist.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            files.append(RenditionFile(f"{folder.name}/{line.strip()}", folder / line.strip()))
    return files


@dataclass(frozen=True)
class Job:
    """One queued transcode: which video, and the generation it belongs to (a reset drops older jobs)."""

    media_id: str
    generation: int


class Transcoder:
    """A bounded pool of worker threads running ``handler(job)`` for queued jobs.

    ``handler`` does the work and records the outcome itself; an exception from it is logged and the job
    reported through ``on_crash``.
    """

    def __init__(self, workers: Callable[[], int], queue_max: Callable[[], int],
                 handler: Callable[[Job], None], on_crash: Callable[[Job, str], None]) -> None:
        self._workers = workers
        self._queue_max = queue_max
        self._handler = handler
        self._on_crash = on_crash
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._closed = False
        self._busy = 0

    def submit(self, job: Job) -> bool:
        """Queue ``job``; False when the queue is full or the pool is closed (the caller fails the job)."""
        with self._lock:
            if self._closed or self._queue.qsize() >= max(1, self._queue_max()):
                return False
            self._start_locked()
            self._queue.put(job)
            return True

    def _start_locked(self) -> None:
        want = max(1, self._workers())
        while len(self._threads) < want:
            thread = threading.Thread(target=self._loop, name=f"sandbox-transcode-{len(self._threads)}",
                                      daemon=True)
            self._threads.append(thread)
            thread.start()

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            with self._lock:
                self._busy += 1
            try:
                self._handler(job)
            except Exception as exc:  # a bug must not kill the worker or leave the video in Transcoding
                log.exception("transcode job for %s crashed", job.media_id)
                self._on_crash(job, f"internal error: {exc.__class__.__name__}")
            finally:
                with self._lock:
                    self._busy -= 1

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {"workers": len(self._threads), "queued": self._queue.qsize(), "running": self._busy}

    def close(self) -> None:
        with self._lock:
            self._closed = True
            threads = list(self._threads)
        for _ in threads:
            self._queue.put(None)
        for thread in threads:
            thread.join(5)
