"""GetVideoPlayAuth and GetPlayInfo, including the player's path: GetPlayInfo signed with a PlayAuth's own
credentials plus its AuthInfo."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from datetime import UTC, datetime
from typing import Any

import pytest
from aliyunsdkvod.request.v20170321.DeleteVideoRequest import DeleteVideoRequest
from aliyunsdkvod.request.v20170321.GetPlayInfoRequest import GetPlayInfoRequest
from aliyunsdkvod.request.v20170321.GetVideoInfoRequest import GetVideoInfoRequest
from aliyunsdkvod.request.v20170321.GetVideoPlayAuthRequest import GetVideoPlayAuthRequest

from tests.helpers.sdk import acs_client
from tests.helpers.vod import create_video, decode, sample, upload, vod, vod_error
from vodgui.sandbox import SandboxServer


def _iso(text: str) -> float:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()


def uploaded(info: dict[str, Any], name: str = "clip.mp4", **params: str) -> str:
    created = create_video(info, file_name=name, **params)
    upload(created, sample(name))
    return str(created["VideoId"])


def play_auth_request(video_id: str, timeout: int | None = None) -> GetVideoPlayAuthRequest:
    req = GetVideoPlayAuthRequest()
    req.set_VideoId(video_id)
    if timeout is not None:
        req.set_AuthInfoTimeout(timeout)
    return req


def play_info_request(video_id: str, **params: str) -> GetPlayInfoRequest:
    req = GetPlayInfoRequest()
    req.set_VideoId(video_id)
    for name, value in params.items():
        req.add_query_param(name, value)
    return req


def fetch(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=10) as resp:
            return resp.status, dict(resp.headers.items()), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers.items()), exc.read()


# -- GetVideoPlayAuth ----------------------------------------------------------------------------------------
def test_play_auth_shape(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    video_id = uploaded(info, Title="playable")
    answer = vod(info, play_auth_request(video_id))
    meta = answer["VideoMeta"]
    assert (meta["VideoId"], meta["Title"], meta["Status"]) == (video_id, "playable", "Normal")
    assert meta["Duration"] == pytest.approx(2.0, abs=0.1)

    blob = decode(answer["PlayAuth"])
    assert {"AccessKeyId", "AccessKeySecret", "SecurityToken", "Region", "CustomerId", "PlayDomain",
            "AuthInfo", "VideoMeta"} <= set(blob)
    assert blob["AccessKeyId"].startswith("STS.")
    assert str(blob["CustomerId"]) == info["account_id"]
    assert blob["Region"] == info["region"]
    auth_info = json.loads(blob["AuthInfo"])
    assert set(auth_info) == {"CI", "Caller", "ExpireTime", "MediaId", "PlayDomain", "Signature"}
    assert auth_info["MediaId"] == video_id
    assert _iso(auth_info["ExpireTime"]) == pytest.approx(sandbox.clock.now() + 100, abs=3)

    longer = json.loads(decode(vod(info, play_auth_request(video_id, 3000))["PlayAuth"])["AuthInfo"])
    assert _iso(longer["ExpireTime"]) == pytest.approx(sandbox.clock.now() + 3000, abs=3)


@pytest.mark.parametrize("timeout", [99, 3001])
def test_play_auth_timeout_range(info: dict[str, Any], timeout: int) -> None:
    err = vod_error(info, play_auth_request(uploaded(info), timeout))
    assert (err.get_http_status(), err.get_error_code()) == (400, "InvalidAuthInfoTimeout")


def test_play_auth_refuses_videos_that_are_not_playable(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    waiting = create_video(info)["VideoId"]
    err = vod_error(info, play_auth_request(waiting))
    assert (err.get_http_status(), err.get_error_code()) == (403, "Forbidden.IllegalStatus")
    assert "Uploading" in err.get_error_msg()

    sandbox.config.settings.transcode_delay = 5
    transcoding = uploaded(info)
    err = vod_error(info, play_auth_request(transcoding))
    assert err.get_error_msg() == ("Status of the video is illegal. Currently Video Status is UploadSucc and "
                                   "AuditStatus is Init.")

    err = vod_error(info, play_auth_request("a" * 32))
    assert (err.get_http_status(), err.get_error_code()) == (404, "InvalidVideo.NotFound")


def test_play_auth_and_play_info_after_delete(info: dict[str, Any]) -> None:
    video_id = uploaded(info)
    delete = DeleteVideoRequest()
    delete.set_VideoIds(video_id)
    vod(info, delete)
    for req in (play_auth_request(video_id), play_info_request(video_id)):
        err = vod_error(info, req)
        assert (err.get_http_status(), err.get_error_code(), err.get_error_msg()) == (
            404, "InvalidVideo.NotFound", "The video does not exist.")


# -- GetPlayInfo ---------------------------------------------------------------------------------------------
def test_play_info_shape_and_cdn_url(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    video_id = uploaded(info, Title="shape")
    answer = vod(info, play_info_request(video_id))
    base = answer["VideoBase"]
    assert (base["VideoId"], base["Title"], base["Status"], base["MediaType"]) == (
        video_id, "shape", "Normal", "video")
    assert float(base["Duration"]) == pytest.approx(2.0, abs=0.1)
    [stream] = answer["PlayInfoList"]["PlayInfo"]
    size = sample("clip.mp4").stat().st_size
    assert (stream["Format"], stream["Definition"], stream["StreamType"], stream["Size"]) == (
        "mp4", "OD", "video", size)
    assert (stream["Width"], stream["Height"]) == (320, 240)
    assert float(stream["Fps"]) == pytest.approx(25.0)
    assert float(stream["Bitrate"]) == pytest.approx(size * 8 / float(stream["Duration"]) / 1000, rel=0.05)
    assert (stream["Encrypt"], stream["Status"]) == (0, "Normal")

    url = stream["PlayURL"]
    assert url.startswith(f"{sandbox.url}/_cdn/")
    status, headers, body = fetch(url)
    assert (status, len(body), headers["Content-Type"]) == (200, size, "video/mp4")
    assert body == sample("clip.mp4").read_bytes()


def test_play_info_accepts_player_parameters(info: dict[str, Any]) -> None:
    video_id = uploaded(info)
    answer = vod(info, play_info_request(
        video_id, Formats="mp4,m3u8", Definition="OD,LD", StreamType="video", ResultType="Multiple",
        PlayConfig='{"PlayDomain":"vod.example.com"}', OutputType="cdn", AuthTimeout="60", Channel="Html5",
        PlayerVersion="2.9.3", ReAuthInfo='{"uid":"12345","rand":"abcdef"}'))
    url = answer["PlayInfoList"]["PlayInfo"][0]["PlayURL"]
    assert "-abcdef-12345-" in url
    assert fetch(url)[0] == 200


@pytest.mark.parametrize(("params", "code"), [
    ({"OutputType": "ftp"}, "InvalidOutputType"),
    ({"ResultType": "All"}, "InvalidResultType"),
    ({"StreamType": "subtitle"}, "InvalidStreamType"),
    ({"PlayConfig": "PlayDomain=x"}, "InvalidPlayConfig"),
    ({"AuthTimeout": "0"}, "InvalidAuthTimeout"),
    ({"OutputType": "oss", "AuthTimeout": "2592001"}, "InvalidAuthTimeout"),
])
def test_play_info_parameter_errors(info: dict[str, Any], params: dict[str, str], code: str) -> None:
    err = vod_error(info, play_info_request(uploaded(info), **params))
    assert (err.get_http_status(), err.get_error_code()) == (400, code)


def test_play_info_with_no_matching_stream(info: dict[str, Any]) -> None:
    video_id = uploaded(info)
    err = vod_error(info, play_info_request(video_id, Formats="m3u8", Definition="LD", StreamType="video"))
    assert (err.get_http_status(), err.get_error_code(), err.get_error_msg()) == (
        404, "InvalidVideo.NoneStream",
        "The video has no stream to play for the request parameter 'Formats: m3u8, Definition: LD, "
        "StreamType: video'.")
    assert vod_error(info, play_info_request(video_id, StreamType="audio")).get_error_code() == \
        "InvalidVideo.NoneStream"


def test_play_info_refuses_videos_that_are_not_playable(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    err = vod_error(info, play_info_request(create_video(info)["VideoId"]))
    assert (err.get_http_status(), err.get_error_code(), err.get_error_msg()) == (
        403, "Forbidden.IllegalStatus", "Status of the video is illegal. Current Status is Uploading.")
    sandbox.config.settings.transcode_delay = 1
    sandbox.config.settings.transcode_duration = 5
    video_id = uploaded(info)
    sandbox.clock.advance(2)
    assert vod_error(info, play_info_request(video_id)).get_error_msg().endswith("is Transcoding.")
    sandbox.clock.advance(5)
    assert vod(info, play_info_request(video_id))["VideoBase"]["Status"] == "Normal"


def test_no_transcode_plays_only_formats_it_can_serve(info: dict[str, Any]) -> None:
    playable = uploaded(info, "clip.mp4", TemplateGroupId="VOD_NO_TRANSCODE")
    assert vod(info, play_info_request(playable))["PlayInfoList"]["PlayInfo"][0]["Format"] == "mp4"
    stored_only = uploaded(info, "clip.mkv", TemplateGroupId="VOD_NO_TRANSCODE")
    assert vod_error(info, play_info_request(stored_only)).get_error_code() == "InvalidVideo.NoneStream"
    transcoded = uploaded(info, "clip.mkv")
    [stream] = vod(info, play_info_request(transcoded))["PlayInfoList"]["PlayInfo"]
    assert (stream["Format"], stream["Width"], stream["Height"]) == ("mkv", 176, 144)


def test_audio_is_an_audio_stream(info: dict[str, Any]) -> None:
    answer = vod(info, play_info_request(uploaded(info, "tone.mp3")))
    assert answer["VideoBase"]["MediaType"] == "audio"
    [stream] = answer["PlayInfoList"]["PlayInfo"]
    assert (stream["Format"], stream["StreamType"]) == ("mp3", "audio")
    assert "Width" not in stream


def test_oss_output_is_a_presigned_oss_url(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    video_id = uploaded(info)
    url = vod(info, play_info_request(video_id, OutputType="oss", AuthTimeout="120"))[
        "PlayInfoList"]["PlayInfo"][0]["PlayURL"]
    assert "OSSAccessKeyId=STS." in url and "Expires=" in url and "security-token=" in url
    status, _, body = fetch(url)
    assert (status, body) == (200, sample("clip.mp4").read_bytes())
    sandbox.clock.advance(121)
    assert fetch(url)[0] == 403


def test_play_info_needs_ram_permission(info: dict[str, Any]) -> None:
    user = info["ram_user"]
    client = acs_client(info, user["access_key_id"], user["access_key_secret"])
    err = vod_error(info, play_info_request(uploaded(info)), client)
    assert err.get_error_code() == "Forbidden.RAM"


# -- the player's path: GetPlayInfo with the PlayAuth's own credentials --------------------------------------
def player_request(video_id: str, auth_info: str) -> GetPlayInfoRequest:
    # What the Aliyun player SDK sends besides the signature parameters.
    return play_info_request(video_id, AuthInfo=auth_info, Channel="Html5", PlayerVersion="2.16.3",
                             Formats="", AuthTimeout="7200", Rand="f1a2", Definition="", StreamType="")


def player_client(info: dict[str, Any], play_auth: str) -> tuple[Any, str]:
    blob = decode(play_auth)
    client = acs_client(info, blob["AccessKeyId"], blob["AccessKeySecret"], blob["SecurityToken"])
    return client, blob["AuthInfo"]


def test_player_gets_play_info_with_the_play_auth(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    video_id = uploaded(info)
    client, auth_info = player_client(info, vod(info, play_auth_request(video_id))["PlayAuth"])
    answer = vod(info, player_request(video_id, auth_info), client)
    assert answer["VideoBase"]["VideoId"] == video_id
    url = answer["PlayInfoList"]["PlayInfo"][0]["PlayURL"]
    assert fetch(url, {"Range": "bytes=0-7"})[0] == 206

    sandbox.clock.advance(101)
    err = vod_error(info, player_request(video_id, auth_info), client)
    assert (err.get_http_status(), err.get_error_code()) == (403, "InvalidAuthInfo.ExpireTime")


def test_a_play_auth_is_for_one_video_only(info: dict[str, Any]) -> None:
    first, second = uploaded(info), uploaded(info)
    client, auth_info = player_client(info, vod(info, play_auth_request(first))["PlayAuth"])
    err = vod_error(info, player_request(second, auth_info), client)
    assert (err.get_http_status(), err.get_error_code()) == (403, "InvalidAuthInfo.MediaId")

    # Another video's (valid) AuthInfo with these credentials is refused too: the credentials are scoped.
    _, other_auth_info = player_client(info, vod(info, play_auth_request(second))["PlayAuth"])
    assert vod_error(info, player_request(second, other_auth_info), client).get_error_code() == \
        "InvalidAuthInfo.MediaId"


def test_a_tampered_or_missing_auth_info_is_refused(info: dict[str, Any]) -> None:
    video_id = uploaded(info)
    client, auth_info = player_client(info, vod(info, play_auth_request(video_id))["PlayAuth"])
    fields = json.loads(auth_info)
    fields["ExpireTime"] = "2099-01-01T00:00:00Z"
    err = vod_error(info, player_request(video_id, json.dumps(fields)), client)
    assert (err.get_http_status(), err.get_error_code()) == (403, "InvalidAuthInfo.Signature")
    assert vod_error(info, player_request(video_id, "{not json"), client).get_error_code() == \
        "InvalidAuthInfo.Malformed"
    assert vod_error(info, play_info_request(video_id), client).get_error_code() == "MissingAuthInfo"


def test_play_auth_credentials_can_call_nothing_else(info: dict[str, Any]) -> None:
    video_id = uploaded(info)
    client, _ = player_client(info, vod(info, play_auth_request(video_id))["PlayAuth"])
    get = GetVideoInfoRequest()
    get.set_VideoId(video_id)
    assert vod_error(info, get, client).get_error_code() == "Forbidden.RAM"
    assert vod_error(info, play_auth_request(video_id), client).get_error_code() == "Forbidden.RAM"


def test_upload_credentials_cannot_get_play_info(info: dict[str, Any]) -> None:
    created = create_video(info)
    upload(created, sample("clip.mp4"))
    auth = decode(created["UploadAuth"])
    client = acs_client(info, auth["AccessKeyId"], auth["AccessKeySecret"], auth["SecurityToken"])
    assert vod_error(info, play_info_request(created["VideoId"]), client).get_error_code() == "Forbidden.RAM"
