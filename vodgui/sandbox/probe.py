"""Media probing for the sandbox: duration, picture size, frame rate and bitrate of an uploaded file.

MP4/MOV (ISO base media) files are read in pure Python, box headers only, never the media data: ``mvhd`` gives
the duration, each ``trak``'s ``hdlr`` its kind, ``tkhd``/the visual sample entry the picture size, and
``mdhd`` + ``stts`` the frame rate. M3U8 playlists are summed from their ``#EXTINF`` lines. Anything else
goes to ``ffprobe -print_format json`` when it is on PATH. Probing never raises: an upload must not fail
because its file could not be understood; callers get ``None`` fields instead.
"""

from __future__ import annotations

import json
import logging
import shutil
import struct
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

log = logging.getLogger("vodgui.sandbox.probe")

_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"dinf"}
_VISUAL_ENTRIES = {b"avc1", b"avc3", b"hvc1", b"hev1", b"mp4v", b"vp09", b"av01", b"jpeg", b"mjpa", b"s263",
                   b"h263", b"apcn", b"apch", b"apcs", b"apco", b"ap4h"}
_CODEC_NAMES = {b"avc1": "h264", b"avc3": "h264", b"hvc1": "hevc", b"hev1": "hevc", b"mp4v": "mpeg4",
                b"vp09": "vp9", b"av01": "av1", b"mp4a": "aac", b".mp3": "mp3", b"ac-3": "ac3",
                b"Opus": "opus"}
_MAX_BOXES = 100_000
#: Only the start of an object named .m3u8 is read: a playlist is small, the object may not be.
_MAX_PLAYLIST_BYTES = 4 << 20


@dataclass
class ProbeResult:
    """What is known about a media file. ``bitrate`` is in bits per second over the whole file."""

    format: str = ""
    duration: float | None = None
    width: int | None = None
    height: int | None = None
    fps: float | None = None
    bitrate: float | None = None
    has_video: bool = False
    has_audio: bool = False
    video_codec: str = ""
    audio_codec: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def finish(self, size: int) -> ProbeResult:
        if self.bitrate is None and self.duration and self.duration > 0 and size > 0:
            self.bitrate = size * 8 / self.duration
        return self


def probe(path: Path | str, ext: str = "") -> ProbeResult | None:
    """Probe a media file; ``None`` when nothing could be learned. Never raises."""
    path = Path(path)
    ext = (ext or path.suffix.lstrip(".")).lower()
    try:
        size = path.stat().st_size
    except OSError:
        return None
    try:
        if ext == "m3u8":
            return _probe_m3u8(path)
        result = _probe_isobmff(path, size)
        if result is not None and (result.duration or result.has_video or result.has_audio):
            return result.finish(size)
    except Exception:  # a damaged file must not break an upload
        log.debug("ISO BMFF probe failed for %s", path, exc_info=True)
    try:
        result = _probe_ffprobe(path)
        return result.finish(size) if result is not None else None
    except Exception:
        log.debug("ffprobe failed for %s", path, exc_info=True)
        return None


# -- ISO base media (MP4/MOV) ----------------------------------------------------------------------------
def _boxes(f: BinaryIO, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """``(type, payload_start, payload_end)`` of the boxes between ``start`` and ``end``."""
    out: list[tuple[bytes, int, int]] = []
    pos = start
    while pos + 8 <= end and len(out) < _MAX_BOXES:
        f.seek(pos)
        header = f.read(8)
        if len(header) < 8:
            break
        size, kind = struct.unpack(">I4s", header)
        payload = pos + 8
        if size == 1:
            large = f.read(8)
            if len(large) < 8:
                break
            size = struct.unpack(">Q", large)[0]
            payload = pos + 16
        elif size == 0:
            size = end - pos
        if size < payload - pos or pos + size > end:
            # A truncated or corrupt box: keep what was found before it.
            if kind in (b"moov", b"mdat") and pos + size > end:
                out.append((kind, payload, end))
            break
        out.append((kind, payload, pos + size))
        pos += size
    return out


def _read(f: BinaryIO, start: int, end: int, limit: int = 1 << 20) -> bytes:
    f.seek(start)
    return f.read(min(end - start, limit))


def _probe_isobmff(path: Path, size: int) -> ProbeResult | None:
    with open(path, "rb") as f:
        top = _boxes(f, 0, size)
        kinds = {k for k, _, _ in top}
        if b"ftyp" not in kinds and b"moov" not in kinds:
            return None
        result = ProbeResult(format="mov" if _brand(f, top) == b"qt  " else "mp4")
        moov = next(((s, e) for k, s, e in top if k == b"moov"), None)
        if moov is None:
            return result
        for kind, start, end in _boxes(f, *moov):
            if kind == b"mvhd":
                timescale, duration = _header_times(_read(f, start, end))
                if timescale and duration:
                    result.duration = duration / timescale
            elif kind == b"trak":
                _probe_trak(f, start, end, result)
        return result


def _brand(f: BinaryIO, top: list[tuple[bytes, int, int]]) -> bytes:
    ftyp = next(((s, e) for k, s, e in top if k == b"ftyp"), None)
    return _read(f, *ftyp)[:4] if ftyp else b""


def _header_times(data: bytes) -> tuple[int, int]:
    """``(timescale, duration)`` from an mvhd/mdhd payload (version 0 or 1)."""
    if not data:
        return 0, 0
    if data[0] == 1:
        if len(data) < 32:
            return 0, 0
        timescale, duration = struct.unpack(">IQ", data[20:32])
    else:
        if len(data) < 20:
            return 0, 0
        timescale, duration = struct.unpack(">II", data[12:20])
    if duration in (0xFFFFFFFF, 0xFFFFFFFFFFFFFFFF):
        duration = 0
    return timescale, duration


def _tkhd_size(data: bytes) -> tuple[int, int]:
    # width/height are the last 8 bytes, 16.16 fixed point.
    if len(data) < 84:
        return 0, 0
    w, h = struct.unpack(">II", data[-8:])
    return w >> 16, h >> 16


def _probe_trak(f: BinaryIO, start: int, end: int, result: ProbeResult) -> None:
    handler = b""
    tk_size = (0, 0)
    mdhd = (0, 0)
    entry = b""
    entry_size = (0, 0)
    stts: list[tuple[int, int]] = []
    stack = [(start, end)]
    while stack:
        s, e = stack.pop()
        for kind, ps, pe in _boxes(f, s, e):
            if kind in _CONTAINERS:
                stack.append((ps, pe))
            elif kind == b"tkhd":
                tk_size = _tkhd_size(_read(f, ps, pe))
            elif kind == b"mdhd":
                mdhd = _header_times(_read(f, ps, pe))
            elif kind == b"hdlr":
                data = _read(f, ps, pe)
                # QuickTime also has a data-handler hdlr ("dhlr", e.g. "alis") inside minf: only the media
                # handler, met first under mdia, tells the track kind.
                if len(data) >= 12 and data[4:8] != b"dhlr" and not handler:
                    handler = data[8:12]
            elif kind == b"stsd":
                data = _read(f, ps, pe, 4096)
                if len(data) >= 16:
                    entry = data[12:16]
                    if entry in _VISUAL_ENTRIES and len(data) >= 16 + 36:
                        entry_size = struct.unpack(">HH", data[16 + 24:16 + 28])
            elif kind == b"stts":
                data = _read(f, ps, pe, 8 << 20)
                if len(data) >= 8:
                    count = struct.unpack(">I", data[4:8])[0]
                    count = min(count, (len(data) - 8) // 8)
                    stts = [struct.unpack(">II", data[8 + 8 * i:16 + 8 * i]) for i in range(count)]
    if handler == b"vide" and not result.has_video:
        result.has_video = True
        result.video_codec = _CODEC_NAMES.get(entry, entry.decode("latin-1").strip())
        width, height = entry_size if all(entry_size) else tk_size
        result.width, result.height = (width or None), (height or None)
        timescale, _ = mdhd
        samples = sum(n for n, _ in stts)
        ticks = sum(n * d for n, d in stts)
        if timescale and samples and ticks:
            result.fps = round(samples * timescale / ticks, 4)
    elif handler == b"soun" and not result.has_audio:
        result.has_audio = True
        result.audio_codec = _CODEC_NAMES.get(entry, entry.decode("latin-1").strip())


# -- HLS playlists ---------------------------------------------------------------------------------------
def _probe_m3u8(path: Path) -> ProbeResult | None:
    with open(path, "rb") as f:
        text = f.read(_MAX_PLAYLIST_BYTES).decode("utf-8", "replace")
    if not text.lstrip().startswith("#EXTM3U"):
        return None
    duration = 0.0
    for line in text.splitlines():
        if line.startswith("#EXTINF:"):
            try:
                duration += float(line[8:].split(",", 1)[0])
            except ValueError:
                continue
    # A playlist's own size says nothing about the media bitrate.
    return ProbeResult(format="hls", duration=round(duration, 4) if duration else None, bitrate=None,
                       has_video=True)


# -- ffprobe fallback ------------------------------------------------------------------------------------
def _rate(text: str | None) -> float | None:
    if not text or text in ("0/0", "0"):
        return None
    num, _, den = text.partition("/")
    try:
        value = float(num) / float(den or 1)
    except (ValueError, ZeroDivisionError):
        return None
    return round(value, 4) if value > 0 else None


def _float(value: Any) -> float | None:
    try:
        result = float(value)
    except (TypeError, ValueError):
        return None
    return result if result > 0 else None


def _probe_ffprobe(path: Path) -> ProbeResult | None:
    exe = shutil.which("ffprobe")
    if exe is None:
        return None
    proc = subprocess.run(
        [exe, "-v", "error", "-print_format", "json", "-show_format", "-show_streams", str(path)],
        capture_output=True, timeout=15, check=False,
    )
    if proc.returncode != 0:
        return None
    data = json.loads(proc.stdout or b"{}")
    fmt = data.get("format") or {}
    result = ProbeResult(format=str(fmt.get("format_name", "")).split(",")[0],
                         duration=_float(fmt.get("duration")), bitrate=_float(fmt.get("bit_rate")))
    for stream in data.get("streams") or []:
        kind = stream.get("codec_type")
        if kind == "video" and not result.has_video:
            if (stream.get("disposition") or {}).get("attached_pic"):
                continue  # cover art inside an audio file is not a video track
            result.has_video = True
            result.video_codec = str(stream.get("codec_name", ""))
            result.width = int(stream["width"]) if stream.get("width") else None
            result.height = int(stream["height"]) if stream.get("height") else None
            result.fps = _rate(stream.get("avg_frame_rate")) or _rate(stream.get("r_frame_rate"))
        elif kind == "audio" and not result.has_audio:
            result.has_audio = True
            result.audio_codec = str(stream.get("codec_name", ""))
    if not (result.duration or result.has_video or result.has_audio):
        return None
    return result
