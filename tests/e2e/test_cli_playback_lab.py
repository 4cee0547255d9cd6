"""The playback lab from the command line: renditions, JWTPlayAuth, URL signing, the GetPlayInfo matrix,
TranscodeFail (issue 15's must-shows)."""

from __future__ import annotations

import os
import urllib.error
import urllib.request
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jwt
import pytest
from aliyunsdkvod.request.v20170321.GetAppPlayKeyRequest import GetAppPlayKeyRequest
from aliyunsdkvod.request.v20170321.GetPlayInfoRequest import GetPlayInfoRequest
from aliyunsdkvod.request.v20170321.ListTranscodeTemplateGroupRequest import ListTranscodeTemplateGroupRequest

from tests.e2e.conftest import add_profile, json_lines
from tests.helpers.vod import create_video, needs_ffmpeg, sample, upload, vod, wait_status
from vodgui.sandbox import SandboxServer

pytestmark = needs_ffmpeg


def group_id(info: dict[str, Any], name: str) -> str:
    listed = vod(info, ListTranscodeTemplateGroupRequest())["TranscodeTemplateGroupList"]
    return str(next(g["TranscodeTemplateGroupId"] for g in listed if g["Name"] == name))


def upload_six(info: dict[str, Any], group: str, path: Path | None = None) -> str:
    created = create_video(info, file_name="six.mp4", TemplateGroupId=group)
    upload(created, path or sample("six.mp4"))
    return str(created["VideoId"])


def status_of(url: str) -> int:
    req = urllib.request.Request(url, headers={"Range": "bytes=0-99"})
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            return int(resp.status)
    except urllib.error.HTTPError as err:
        return int(err.code)


@pytest.fixture
def full(sandbox: SandboxServer) -> SandboxServer:
    sandbox.config.settings.transcode_mode = "full"
    return sandbox


def test_playauth_check_lists_renditions_with_true_resolutions(full: SandboxServer, info: dict[str, Any],
                                                               vodgui: Callable[..., Any]) -> None:
    add_profile(vodgui, info)
    video_id = upload_six(info, group_id(info, "Multi-definition MP4 + HLS"))
    res = vodgui("playauth", video_id, "--profile", "cred", "--check", "--json", "--wait", "60")
    assert res.returncode == 0, res.stderr
    [out] = json_lines(res.stdout)
    assert out["check"]["ok"] is True and out["status"] == "Normal"
    streams = {(s["format"], s["definition"]): (s["width"], s["height"]) for s in out["streams"]}
    for fmt in ("mp4", "m3u8"):
        assert {d for f, d in streams if f == fmt} >= {"LD", "SD", "HD"}
    # Heights at the tests' 1/8 scale of 480/720/1080, widths keeping the 4:3 source.
    assert [streams[("mp4", d)] for d in ("LD", "SD", "HD")] == [(80, 60), (120, 90), (182, 136)]
    assert streams[("m3u8", "HD")] == streams[("mp4", "HD")]


def test_jwt_play_auth_decodes_with_the_play_key(full: SandboxServer, info: dict[str, Any],
                                                 vodgui: Callable[..., Any]) -> None:
    add_profile(vodgui, info)
    video_id = upload_six(info, group_id(info, "Multi-definition MP4 + HLS"))
    res = vodgui("playauth", video_id, "--profile", "cred", "--jwt", "--json", "--show-secrets", "--check",
                 "--wait", "60", "--formats", "m3u8")
    assert res.returncode == 0, res.stderr
    [out] = json_lines(res.stdout)
    play_key = vod(info, GetAppPlayKeyRequest())["AppPlayKey"]["PlayKey"]
    with warnings.catch_warnings():  # VOD's PlayKeys are 8-20 characters; PyJWT would like 32 bytes
        warnings.simplefilter("ignore")
        claims = jwt.decode(out["play_auth"], play_key, algorithms=["HS256"])
    assert claims["videoId"] == video_id and claims["appId"] == "app-1000000"
    assert claims["regionId"] == info["region"] and claims["playContentInfo"]["formats"] == "m3u8"
    assert claims["expireTimeStamp"] - claims["currentTimeStamp"] == 86_400_000  # milliseconds
    assert out["check"]["ok"] is True and {s["format"] for s in out["streams"]} == {"m3u8"}
    masked = vodgui("playauth", video_id, "--profile", "cred", "--jwt", "--json")
    assert out["play_auth"] not in masked.stdout


@pytest.mark.parametrize("auth_type", ["A", "B", "C"])
def test_urlsign_types_are_served_and_a_changed_path_is_refused(sandbox: SandboxServer, info: dict[str, Any],
                                                                vodgui: Callable[..., Any], cli_env: dict[str, str],
                                                                auth_type: str) -> None:
    created = create_video(info, file_name="clip.mp4")
    upload(created, sample("clip.mp4"))
    req = GetPlayInfoRequest()
    req.set_VideoId(created["VideoId"])
    play_url = vod(info, req)["PlayInfoList"]["PlayInfo"][0]["PlayURL"]
    bare = play_url.split("?", 1)[0]
    sandbox.config.settings.cdn_auth_type = auth_type
    cli_env["CDN_KEY"] = info["cdn_auth_key"]
    res = vodgui("urlsign", bare, "--type", auth_type, "--key-env", "CDN_KEY", "--ttl", "600")
    assert res.returncode == 0, res.stderr
    signed = res.stdout.strip()
    assert signed != bare and status_of(signed) in (200, 206)
    path, sep, query = signed.partition("?")
    tampered = path[:-1] + ("x" if path[-1] != "x" else "y") + sep + query  # the object path's last character
    assert status_of(tampered) == 403
    why = vodgui("urlsign", tampered, "--verify", "--type", auth_type, "--key-env", "CDN_KEY", "--issued", signed)
    assert why.returncode == 1 and "path changed" in why.stdout
    ok = vodgui("urlsign", signed, "--verify", "--type", auth_type, "--key-env", "CDN_KEY")
    assert ok.returncode == 0 and "VALID" in ok.stdout


def test_random_bytes_end_transcode_fail_with_illegal_status(full: SandboxServer, info: dict[str, Any],
                                                             vodgui: Callable[..., Any], tmp_path: Path) -> None:
    add_profile(vodgui, info)
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(os.urandom(20_000))
    video_id = upload_six(info, group_id(info, "Multi-definition MP4 + HLS"), junk)
    wait_status(info, video_id, {"TranscodeFail"})
    res = vodgui("playauth", video_id, "--profile", "cred", "--check", "--json")
    assert res.returncode == 1
    [out] = json_lines(res.stdout)
    assert out["status"] == "TranscodeFail"
    assert out["check"]["code"] == "Forbidden.IllegalStatus" and out["check"]["status"] == "TranscodeFail"


def test_playinfo_matrix_explains_each_answer(full: SandboxServer, info: dict[str, Any],
                                              vodgui: Callable[..., Any]) -> None:
    add_profile(vodgui, info)
    video_id = upload_six(info, group_id(info, "Multi-definition MP4 + HLS"))
    wait_status(info, video_id, {"Normal"})
    # ResultType is left at Single here (the GUI test runs the full 180): half the calls, the same lessons.
    res = vodgui("playinfo", video_id, "--profile", "cred", "--matrix", "--json", "--result-types", "Single")
    assert res.returncode == 0, res.stderr
    [out] = json_lines(res.stdout)
    cells = {(c["formats"], c["definition"], c["stream_type"], c["output_type"], c["result_type"]): c
             for c in out["cells"]}
    assert len(cells) == 3 * 5 * 3 * 2
    od_hls = cells[("m3u8", "OD", "(all)", "cdn", "Single")]
    assert od_hls["code"] == "InvalidVideo.NoneStream" and "no stream matches" in od_hls["explanation"]
    sd_hls = cells[("m3u8", "SD", "video", "cdn", "Single")]
    assert sd_hls["ok"] and [(s["definition"], s["format"]) for s in sd_hls["streams"]] == [("SD", "m3u8")]
    assert cells[("(all)", "(all)", "audio", "cdn", "Single")]["code"] == "InvalidVideo.NoneStream"
    # HLS has no OSS URL: OutputType=oss lists only the MP4s.
    assert {s["format"] for s in cells[("(all)", "(all)", "(all)", "oss", "Single")]["streams"]} == {"mp4"}
