"""The media probe on files generated with ffmpeg at test time (skipped without ffmpeg)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers.media import ffmpeg
from tests.helpers.vod import needs_ffmpeg, sample
from vodgui.sandbox import probe as probe_module
from vodgui.sandbox.probe import probe


@pytest.fixture
def no_ffprobe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(probe_module.shutil, "which", lambda name: None)


@needs_ffmpeg
@pytest.mark.usefixtures("no_ffprobe")
def test_mp4_is_read_in_pure_python() -> None:
    path = sample("clip.mp4")
    result = probe(path)
    assert result is not None
    assert result.format == "mp4"
    assert result.duration == pytest.approx(2.0, abs=0.05)
    assert (result.width, result.height) == (320, 240)
    assert result.fps == pytest.approx(25.0)
    assert (result.has_video, result.has_audio) == (True, True)
    assert (result.video_codec, result.audio_codec) == ("h264", "aac")
    assert result.bitrate == pytest.approx(path.stat().st_size * 8 / result.duration)


@needs_ffmpeg
@pytest.mark.usefixtures("no_ffprobe")
def test_mov_and_audio_only_mp4() -> None:
    mov = probe(sample("clip.mov"))
    assert mov is not None
    assert mov.format == "mov"
    assert (mov.width, mov.height, mov.fps) == (160, 120, pytest.approx(30.0))
    m4a = probe(sample("tone.m4a"))
    assert m4a is not None
    assert (m4a.has_video, m4a.has_audio) == (False, True)
    assert m4a.duration == pytest.approx(1.0, abs=0.1)


@needs_ffmpeg
@pytest.mark.usefixtures("no_ffprobe")
def test_fast_start_mp4(tmp_path: Path) -> None:
    out = ffmpeg("-i", str(sample("clip.mp4")), "-c", "copy", "-movflags", "+faststart",
                 out=tmp_path / "faststart.mp4")
    result = probe(out)
    assert result is not None
    assert (result.width, result.height, result.fps) == (320, 240, pytest.approx(25.0))


@needs_ffmpeg
@pytest.mark.skipif(shutil.which("ffprobe") is None, reason="ffprobe is not installed")
def test_other_containers_fall_back_to_ffprobe() -> None:
    mkv = probe(sample("clip.mkv"))
    assert mkv is not None
    assert (mkv.width, mkv.height, mkv.fps) == (176, 144, pytest.approx(10.0))
    assert mkv.duration == pytest.approx(1.0, abs=0.1)
    mp3 = probe(sample("tone.mp3"))
    assert mp3 is not None
    assert (mp3.has_video, mp3.has_audio) == (False, True)
    assert mp3.bitrate is not None


@needs_ffmpeg
@pytest.mark.usefixtures("no_ffprobe")
def test_without_ffprobe_other_containers_are_unknown() -> None:
    assert probe(sample("clip.mkv")) is None


def test_m3u8_duration_is_the_sum_of_its_segments(tmp_path: Path) -> None:
    playlist = tmp_path / "index.m3u8"
    playlist.write_text("#EXTM3U\n#EXT-X-VERSION:3\n#EXTINF:10.0,\na.ts\n#EXTINF:4.5,\nb.ts\n#EXTINF:bad,\n"
                        "c.ts\n#EXT-X-ENDLIST\n")
    result = probe(playlist)
    assert result is not None
    assert (result.format, result.duration) == ("hls", 14.5)


@needs_ffmpeg
def test_damaged_files_never_raise(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.mp4"
    garbage.write_bytes(b"\x00\x00\x00\x08free" + b"\xff" * 5000)
    assert probe(garbage) is None
    empty = tmp_path / "empty.mp4"
    empty.write_bytes(b"")
    assert probe(empty) is None
    truncated = tmp_path / "truncated.mp4"
    data = sample("clip.mp4").read_bytes()
    truncated.write_bytes(data[: len(data) // 3])
    probe(truncated)  # whatever it finds, it must not raise
    weird = tmp_path / "weird.mp4"
    weird.write_bytes(b"\x00\x00\x00\x01moov" + b"\x00" * 8 + b"x" * 100)  # 64-bit size of 0
    probe(weird)
    assert probe(tmp_path / "missing.mp4") is None
