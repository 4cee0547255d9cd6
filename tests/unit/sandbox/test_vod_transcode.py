"""Real renditions: template groups, FFmpeg transcoding, true figures, TranscodeFail, HLS encryption."""

from __future__ import annotations

import json
import os
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from aliyunsdkvod.request.v20170321.GetAppPlayKeyRequest import GetAppPlayKeyRequest
from aliyunsdkvod.request.v20170321.GetPlayInfoRequest import GetPlayInfoRequest
from aliyunsdkvod.request.v20170321.GetTranscodeTemplateGroupRequest import GetTranscodeTemplateGroupRequest
from aliyunsdkvod.request.v20170321.ListTranscodeTemplateGroupRequest import ListTranscodeTemplateGroupRequest
from aliyunsdkvod.request.v20170321.SetAppPlayKeyRequest import SetAppPlayKeyRequest

from tests.helpers.vod import create_video, needs_ffmpeg, sample, upload, vod, vod_error, wait_status
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.cdn import hls_token_digest

pytestmark = needs_ffmpeg


@pytest.fixture
def full(sandbox: SandboxServer) -> SandboxServer:
    """Real transcoding at 1/8 of the preset heights (LD 60p, SD 90p, HD 136p)."""
    sandbox.config.settings.transcode_mode = "full"
    return sandbox


def groups(info: dict[str, Any]) -> dict[str, dict[str, Any]]:
    listed = vod(info, ListTranscodeTemplateGroupRequest())["TranscodeTemplateGroupList"]
    return {g["Name"]: g for g in listed}


def play_info(info: dict[str, Any], video_id: str, **params: str) -> list[dict[str, Any]]:
    req = GetPlayInfoRequest()
    req.set_VideoId(video_id)
    for name, value in params.items():
        req.add_query_param(name, value)
    return list(vod(info, req)["PlayInfoList"]["PlayInfo"])


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def ffprobe(path: Path) -> dict[str, Any]:
    out = subprocess.run(["ffprobe", "-v", "error", "-print_format", "json", "-show_streams", str(path)],
                         capture_output=True, check=True, timeout=30).stdout
    return dict(json.loads(out))


def upload_with(info: dict[str, Any], group_id: str, path: Path, name: str = "six.mp4") -> str:
    created = create_video(info, file_name=name, TemplateGroupId=group_id)
    upload(created, path)
    return str(created["VideoId"])


def test_template_groups_are_listed_with_their_templates(info: dict[str, Any]) -> None:
    listed = groups(info)
    assert {"No transcoding", "Multi-definition MP4 + HLS", "HLS standard encryption"} <= set(listed)
    assert listed["Multi-definition MP4 + HLS"]["IsDefault"] == "Default"
    req = GetTranscodeTemplateGroupRequest()
    req.set_TranscodeTemplateGroupId(listed["Multi-definition MP4 + HLS"]["TranscodeTemplateGroupId"])
    templates = vod(info, req)["TranscodeTemplateGroup"]["TranscodeTemplateList"]
    assert {(t["Definition"], json.loads(t["Container"])["Format"]) for t in templates} == {
        (d, f) for d in ("LD", "SD", "HD") for f in ("mp4", "m3u8")}


def test_multi_definition_group_makes_true_renditions(full: SandboxServer, info: dict[str, Any],
                                                      tmp_path: Path) -> None:
    group = groups(info)["Multi-definition MP4 + HLS"]["TranscodeTemplateGroupId"]
    video_id = upload_with(info, group, sample("six.mp4"))
    assert wait_status(info, video_id, {"Normal", "TranscodeFail"})["Status"] == "Normal"
    streams = play_info(info, video_id)
    by_key = {(s["Definition"], s["Format"]): s for s in streams}
    assert set(by_key) == {(d, f) for d in ("LD", "SD", "HD") for f in ("mp4", "m3u8")} | {("OD", "mp4")}
    assert [by_key[(d, "mp4")]["Height"] for d in ("LD", "SD", "HD")] == [60, 90, 136]
    for definition in ("LD", "SD", "HD"):
        mp4 = by_key[(definition, "mp4")]
        status, body = fetch(mp4["PlayURL"])
        assert status == 200 and len(body) == mp4["Size"]
        local = tmp_path / f"{definition}.mp4"
        local.write_bytes(body)
        video = next(s for s in ffprobe(local)["streams"] if s["codec_type"] == "video")
        assert (video["width"], video["height"]) == (mp4["Width"], mp4["Height"])
        assert abs(float(mp4["Duration"]) - 6.0) < 0.2 and float(mp4["Fps"]) == 25.0
        hls = by_key[(definition, "m3u8")]
        assert (hls["Width"], hls["Height"], hls["Encrypt"]) == (mp4["Width"], mp4["Height"], 0)
        status, playlist = fetch(hls["PlayURL"])
        assert status == 200 and playlist.count(b"#EXTINF") == 3  # 2-second segments of a 6 s clip
        segment = next(line for line in playlist.decode().splitlines() if line and not line.startswith("#"))
        assert fetch(urllib.parse.urljoin(hls["PlayURL"], segment))[0] == 200


def test_filters_answer_none_stream(full: SandboxServer, info: dict[str, Any]) -> None:
    group = groups(info)["Multi-definition MP4 + HLS"]["TranscodeTemplateGroupId"]
    video_id = upload_with(info, group, sample("six.mp4"))
    wait_status(info, video_id, {"Normal"})
    assert [s["Definition"] for s in play_info(info, video_id, Formats="m3u8", Definition="SD")] == ["SD"]
    req = GetPlayInfoRequest()
    req.set_VideoId(video_id)
    req.set_Formats("m3u8")
    req.set_Definition("OD")
    assert vod_error(info, req).error_code == "InvalidVideo.NoneStream"


def test_random_bytes_end_transcode_fail(full: SandboxServer, info: dict[str, Any], tmp_path: Path) -> None:
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(os.urandom(4096))
    video_id = upload_with(info, groups(info)["Multi-definition MP4 + HLS"]["TranscodeTemplateGroupId"], junk,
                           "junk.mp4")
    assert wait_status(info, video_id, {"Normal", "TranscodeFail"})["Status"] == "TranscodeFail"
    req = GetPlayInfoRequest()
    req.set_VideoId(video_id)
    err = vod_error(info, req)
    assert (err.error_code, "TranscodeFail" in err.message) == ("Forbidden.IllegalStatus", True)


def test_status_goes_through_upload_succ_and_transcoding(full: SandboxServer, info: dict[str, Any]) -> None:
    full.config.settings.transcode_delay = 30.0
    full.config.settings.transcode_duration = 30.0
    group = groups(info)["Multi-definition MP4 + HLS"]["TranscodeTemplateGroupId"]
    video_id = upload_with(info, group, sample("six.mp4"))
    assert wait_status(info, video_id, {"UploadSucc"}, 5)["Status"] == "UploadSucc"
    full.context.clock.advance(31)
    assert wait_status(info, video_id, {"Transcoding"}, 5)["Status"] == "Transcoding"
    full.context.clock.advance(31)
    assert wait_status(info, video_id, {"Normal"})["Status"] == "Normal"


def test_hls_encryption_key_needs_the_token(full: SandboxServer, info: dict[str, Any]) -> None:
    group = groups(info)["HLS standard encryption"]["TranscodeTemplateGroupId"]
    video_id = upload_with(info, group, sample("six.mp4"))
    wait_status(info, video_id, {"Normal"})
    streams = play_info(info, video_id)
    assert {(s["Format"], s["Encrypt"], s["EncryptType"]) for s in streams} == {("m3u8", 1, "HLSEncryption")}
    expires = int(time.time()) + 600
    token = f"{expires}-{hls_token_digest(info['hls_token_key'], video_id, expires)}"
    status, playlist = fetch(f"{streams[0]['PlayURL']}&MtsHlsUriToken={token}")
    key_line = next(line for line in playlist.decode().splitlines() if line.startswith("#EXT-X-KEY"))
    assert "METHOD=AES-128" in key_line and f"MtsHlsUriToken={token}" in key_line
    key_url = key_line.split('URI="', 1)[1].split('"', 1)[0]
    without = key_url.split("&MtsHlsUriToken=")[0]
    assert fetch(without)[0] == 403
    assert fetch(without + "&MtsHlsUriToken=" + token.replace(token[-1], "0" if token[-1] != "0" else "1"))[0] == 403
    status, key = fetch(key_url)
    assert status == 200 and len(key) == 16


def test_private_encryption_is_listed_only_with_result_type_multiple(full: SandboxServer,
                                                                    info: dict[str, Any]) -> None:
    group = groups(info)["Alibaba Cloud private encryption"]["TranscodeTemplateGroupId"]
    video_id = upload_with(info, group, sample("six.mp4"))
    wait_status(info, video_id, {"Normal"})
    req = GetPlayInfoRequest()
    req.set_VideoId(video_id)
    assert vod_error(info, req).error_code == "Forbidden.AliyunVoDEncryption"
    listed = play_info(info, video_id, ResultType="Multiple")
    assert [(s["Definition"], s["EncryptType"]) for s in listed] == [("SD", "AliyunVoDEncryption")]


def test_app_play_key_round_trip(info: dict[str, Any]) -> None:
    first = vod(info, GetAppPlayKeyRequest())["AppPlayKey"]
    assert first["AppId"] == "app-1000000" and 8 <= len(first["PlayKey"]) <= 20
    assert vod(info, GetAppPlayKeyRequest())["AppPlayKey"]["PlayKey"] == first["PlayKey"]
    req = SetAppPlayKeyRequest()
    req.set_PlayKey("NewKey12345")
    vod(info, req)
    assert vod(info, GetAppPlayKeyRequest())["AppPlayKey"]["PlayKey"] == "NewKey12345"
    bad = SetAppPlayKeyRequest()
    bad.set_PlayKey("no-dashes!")
    assert vod_error(info, bad).error_code == "InvalidParameter.PlayKey"


@pytest.mark.parametrize("auth_type", ["B", "C"])
def test_play_urls_follow_the_domain_auth_type(full: SandboxServer, info: dict[str, Any], auth_type: str) -> None:
    full.config.settings.cdn_auth_type = auth_type
    group = groups(info)["Multi-definition MP4 + HLS"]["TranscodeTemplateGroupId"]
    video_id = upload_with(info, group, sample("six.mp4"))
    wait_status(info, video_id, {"Normal"})
    [hls] = play_info(info, video_id, Formats="m3u8", Definition="LD")
    assert "auth_key" not in hls["PlayURL"] and "/_cdn/" in hls["PlayURL"]
    status, playlist = fetch(hls["PlayURL"])
    assert status == 200
    segments = [line for line in playlist.decode().splitlines() if line and not line.startswith("#")]
    assert len(segments) == 3 and all(fetch(urllib.parse.urljoin(hls["PlayURL"], s))[0] == 200 for s in segments)
    full.config.settings.cdn_auth_type = "A"  # the domain switched: the old URLs are refused
    assert fetch(hls["PlayURL"])[0] == 403
