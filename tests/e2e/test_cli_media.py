"""``vodgui upload`` with images, attached media, M3U8 packages and URLs, as QA scripts use it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.e2e.conftest import TINY, add_profiles, json_lines, run_until_then_kill
from tests.helpers.media import make_hls, make_png, make_srt, segment_names, web_server
from tests.helpers.workspace import ops, write_file
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.client import SandboxControl


def by_name(stdout: str) -> dict[str, dict[str, Any]]:
    return {r["file"].rstrip("/").rsplit("/", 1)[-1]: r for r in json_lines(stdout)}


def test_images_attached_media_and_subtitles(tmp_path: Path, sandbox: SandboxServer, control: SandboxControl,
                                             info: dict, vodgui: Callable[..., Any]) -> None:
    sandbox.config.settings.min_part_size = 1024
    add_profiles(vodgui, info)
    png = make_png(tmp_path / "poster.png")
    bmp = write_file(tmp_path / "poster.bmp", 100)
    video = write_file(tmp_path / "clip.mp4", 30_000, seed=2)
    srt = make_srt(tmp_path / "clip.srt")
    vtt = tmp_path / "clip.zh.vtt"
    vtt.write_text("WEBVTT\n\n00:00.000 --> 00:01.000\n你好\n", encoding="utf-8")
    res = vodgui("upload", str(png), str(video), "--with-subtitles", "--image-type", "cover", "--profile", "cred",
                 "--json")
    assert res.returncode == 0, res.stderr
    out = by_name(res.stdout)
    assert set(out) == {"poster.png", "clip.mp4", "clip.srt", "clip.zh.vtt"}
    assert {k: v["kind"] for k, v in out.items()} == {"poster.png": "image", "clip.mp4": "video",
                                                      "clip.srt": "attached", "clip.zh.vtt": "attached"}
    assert all(v["state"] == "done" and v["video_id"] for v in out.values())
    assert control.video(out["poster.png"]["video_id"])["image_type"] == "cover"
    subtitle = control.video(out["clip.zh.vtt"]["video_id"])
    assert subtitle["business_type"] == "subtitle" and subtitle["ext"] == "vtt"
    assert srt.exists()

    res = vodgui("upload", str(png), "--attached", "watermark", "--profile", "sts", "--json")
    assert res.returncode == 0, res.stderr
    [mark] = json_lines(res.stdout)
    assert mark["kind"] == "attached" and control.video(mark["video_id"])["business_type"] == "watermark"

    creates = len(ops(control.log(), "CreateUploadImage"))
    res = vodgui("upload", str(bmp), "--image-type", "default", "--profile", "cred", "--json")
    assert res.returncode == 1
    [bad] = json_lines(res.stdout)
    # .bmp is an image format VOD does not take: refused locally with the formats it does, nothing created.
    assert bad["state"] == "failed" and bad["kind"] == "image" and bad["error"]["code"] == "InvalidImageExt"
    assert "png" in bad["error"]["message"]
    assert len(ops(control.log(), "CreateUploadImage")) == creates
    res = vodgui("upload", str(srt), "--attached", "watermark", "--profile", "cred", "--json")
    [wrong] = json_lines(res.stdout)
    assert wrong["error"]["code"] == "InvalidMediaExt" and wrong["kind"] == "attached"

    res = vodgui("upload", str(png), "--profile", "app", "--json")
    [refused] = json_lines(res.stdout)
    assert refused["error"]["code"] == "AppServerUnsupported"


def test_cover_image_for_the_videos_of_a_command(tmp_path: Path, sandbox: SandboxServer, control: SandboxControl,
                                                 info: dict, vodgui: Callable[..., Any]) -> None:
    sandbox.config.settings.min_part_size = 1024
    add_profiles(vodgui, info)
    video = write_file(tmp_path / "clip.mp4", 30_000, seed=3)
    png = make_png(tmp_path / "cover.png", seed=3)
    res = vodgui("upload", str(video), "--cover-image", str(png), "--profile", "cred", "--json")
    assert res.returncode == 0, res.stderr
    out = by_name(res.stdout)
    cover = control.video(out["clip.mp4"]["video_id"])["cover_url"]
    assert cover and out["cover.png"]["kind"] == "image"
    import requests

    assert requests.get(cover, timeout=10).content == png.read_bytes()


def test_m3u8_missing_segment_and_urls(tmp_path: Path, sandbox: SandboxServer, control: SandboxControl,
                                       info: dict, vodgui: Callable[..., Any]) -> None:
    add_profiles(vodgui, info)
    playlist = make_hls(tmp_path / "pkg", 3)
    missing = segment_names(playlist)[0]
    (tmp_path / "pkg" / missing).unlink()
    res = vodgui("upload", str(playlist), "--profile", "cred", "--json")
    assert res.returncode == 1
    [bad] = json_lines(res.stdout)
    assert bad["kind"] == "m3u8" and bad["error"]["code"] == "InvalidPlaylist"
    assert missing in bad["error"]["message"]
    log = control.log()
    assert not ops(log, "CreateUploadVideo") + ops(log, "PutObject")

    (tmp_path / "site").mkdir()
    clip = write_file(tmp_path / "site" / "clip.mp4", 25_000, seed=4)
    with web_server(tmp_path / "site") as base:
        res = vodgui("upload", "--url", f"{base}/clip.mp4", "--url", f"{base}/gone.mp4", "--url", "ftp://x/y.mp4",
                     "--profile", "sts", "--json", "--title", "网址")
    assert res.returncode == 1
    out = by_name(res.stdout)
    assert all(r["kind"] == "url" for r in out.values())
    assert out["clip.mp4"]["state"] == "done" and out["clip.mp4"]["size"] == clip.stat().st_size
    assert control.video(out["clip.mp4"]["video_id"])["title"] == "网址"
    assert out["gone.mp4"]["state"] == "failed" and out["gone.mp4"]["error"]["code"] == "URLInvalidError"
    assert out["y.mp4"]["error"]["code"] == "InvalidURL" and out["y.mp4"]["job_id"] is None


def test_sigkill_mid_package_then_resume_sends_only_the_missing_segments(
        tmp_path: Path, sandbox: SandboxServer, control: SandboxControl, info: dict, cli_env: dict[str, str],
        vodgui: Callable[..., Any]) -> None:
    add_profiles(vodgui, info)
    playlist = make_hls(tmp_path / "pkg", 16)
    segments = [tmp_path / "pkg" / n for n in segment_names(playlist)]
    assert len(segments) >= 12
    run_until_then_kill(["upload", str(playlist), "--profile", "cred", "--json", "--bandwidth-limit", "15000",
                         "--parallel-parts", "2", *TINY], cli_env,
                        lambda: len(ops(control.log(), "PutObject", 200)) >= 5)
    before = control.log()
    killed_at = max(e["seq"] for e in before)
    done_before = {e["key"] for e in ops(before, "PutObject", 200)}
    assert 5 <= len(done_before) < len(segments)
    assert len(ops(before, "CreateUploadVideo")) == 1

    res = vodgui("upload", str(playlist), "--profile", "cred", "--json")  # the same command, run again
    assert res.returncode == 0, res.stderr
    [result] = json_lines(res.stdout)
    assert result["state"] == "done" and result["kind"] == "m3u8"
    assert result["note"] and f"{len(done_before)} segments" in result["note"]
    after = [e for e in control.log() if e["seq"] > killed_at]
    assert not ops(after, "CreateUploadVideo")
    assert ops(after, "RefreshUploadVideo")
    assert ops(after, "HeadObject")
    sent_after = [e["key"] for e in ops(after, "PutObject", 200)]
    assert not set(sent_after) & done_before, "a segment already on the server was sent again"
    video = control.video(result["video_id"])
    assert sent_after[-1] == video["key"]  # the playlist last
    assert len(set(sent_after)) + len(done_before) == len(segments) + 1
    assert video["status"] in ("UploadSucc", "Transcoding", "Normal")
