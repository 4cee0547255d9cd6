"""The playback tester's core against the sandbox, through the real SDK: PlayAuth issue/decode, the player's check,
GetPlayInfo streams, batch checks and their exports."""

from __future__ import annotations

import base64
import csv
import io
import json
from typing import Any

import pytest
from aliyunsdkvod.request.v20170321.DeleteVideoRequest import DeleteVideoRequest

from tests.helpers.vod import sample, uploaded, vod
from tests.helpers.workspace import ops, profile_from_info, store_profile
from vodgui.core.credentials import Secret
from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.playback import (
    PlayerTarget,
    PlayInfoQuery,
    check_as_player,
    decode_play_auth,
    get_play_auth,
    get_play_info,
    query_play_info,
    split_video_ids,
    status_from_message,
    url_expiry,
)
from vodgui.core.playback_batch import batch_check, export_csv, export_json, player_target
from vodgui.core.vod import VodApi
from vodgui.core.workspace import Workspace
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.client import SandboxControl

#: A session policy that allows uploads and GetVideoPlayAuth but not GetPlayInfo.
NO_PLAY_INFO = json.dumps({"Version": "1", "Statement": [
    {"Effect": "Allow", "Action": ["vod:CreateUploadVideo", "vod:RefreshUploadVideo", "vod:GetVideoPlayAuth"],
     "Resource": "*"}]})


def delete(info: dict[str, Any], video_id: str) -> None:
    req = DeleteVideoRequest()
    req.set_VideoIds(video_id)
    vod(info, req)


@pytest.fixture
def api(ws: Workspace) -> tuple[VodApi, PlayerTarget]:
    api, target = player_target(ws.sessions, "credential-accesskey")
    assert api is not None
    return api, target


def check(play_auth: Any, video_id: str, target: PlayerTarget, api: VodApi | None = None) -> Any:
    return check_as_player(play_auth, video_id, target.region, target.endpoint, target.conn, vod=api)


def test_issue_decode_and_check_a_play_auth(sandbox: SandboxServer, info: dict[str, Any], control: SandboxControl,
                                            api: tuple[VodApi, PlayerTarget]) -> None:
    vod_api, target = api
    video_id = uploaded(info, "playable")
    result = get_play_auth(vod_api, video_id, 300)
    assert (result.meta.video_id, result.meta.title, result.meta.status) == (video_id, "playable", "Normal")
    assert result.meta.duration == pytest.approx(2.0, abs=0.1)
    assert result.request_id
    assert isinstance(result.play_auth, Secret) and result.play_auth.reveal() not in repr(result)

    decoded = result.decoded
    assert not decoded.opaque and decoded.player_ready
    assert decoded.access_key_id.startswith("STS.") and decoded.region == info["region"]
    assert decoded.customer_id == info["account_id"]
    assert decoded.auth_info is not None and decoded.auth_info.media_id == video_id
    assert decoded.expires_at == pytest.approx(sandbox.clock.now() + 300, abs=3)
    shown = json.dumps(decoded.to_dict())
    assert decoded.access_key_secret is not None and decoded.access_key_secret.reveal() not in shown
    assert decoded.security_token is not None and decoded.security_token.reveal() not in shown
    assert decoded.security_token.reveal() in json.dumps(decoded.to_dict(show_secrets=True))

    since = len(control.log())
    verdict = check(result.play_auth, video_id, target)
    assert (verdict.ok, verdict.via, verdict.code) == (True, "playauth", "")
    assert [s.format for s in verdict.streams] == ["mp4"]
    # It really was the player's request: signed with the PlayAuth's own key, carrying the AuthInfo.
    [entry] = ops(control.log()[since:], "GetPlayInfo")
    assert entry["access_key_id"] == decoded.access_key_id


def test_the_check_fails_once_the_auth_info_timeout_has_passed(info: dict[str, Any], control: SandboxControl,
                                                               api: tuple[VodApi, PlayerTarget]) -> None:
    vod_api, target = api
    video_id = uploaded(info)
    result = get_play_auth(vod_api, video_id, 100)
    assert check(result.play_auth, video_id, target).ok
    control.clock(advance=101)
    verdict = check(result.play_auth, video_id, target)
    assert (verdict.ok, verdict.code, verdict.via) == (False, "InvalidAuthInfo.ExpireTime", "playauth")
    assert verdict.request_id and "expired" in verdict.message
    assert result.play_auth.reveal() not in repr(verdict)


@pytest.mark.parametrize("timeout", [99, 3001, 0])
def test_auth_info_timeout_is_checked_before_calling(info: dict[str, Any], control: SandboxControl,
                                                     api: tuple[VodApi, PlayerTarget], timeout: int) -> None:
    video_id = uploaded(info)
    since = len(control.log())
    with pytest.raises(VodError) as exc:
        get_play_auth(api[0], video_id, timeout)
    assert (exc.value.code, exc.value.kind) == ("InvalidAuthInfoTimeout", ErrorKind.CONFIG)
    assert "100" in exc.value.message and "3000" in exc.value.message
    assert not ops(control.log()[since:], "GetVideoPlayAuth")


def test_a_video_still_transcoding(sandbox: SandboxServer, info: dict[str, Any],
                                   api: tuple[VodApi, PlayerTarget]) -> None:
    vod_api, target = api
    sandbox.config.settings.transcode_delay = 0
    sandbox.config.settings.transcode_duration = 600
    video_id = uploaded(info)
    with pytest.raises(VodError) as exc:
        get_play_auth(vod_api, video_id)
    assert (exc.value.code, exc.value.kind) == ("Forbidden.IllegalStatus", ErrorKind.STATUS)
    assert status_from_message(exc.value.message) == "Transcoding"
    # Without a PlayAuth the check falls back to the profile's GetPlayInfo, which names the status too.
    verdict = check(None, video_id, target, vod_api)
    assert (verdict.ok, verdict.code, verdict.status, verdict.via) == (
        False, "Forbidden.IllegalStatus", "Transcoding", "profile")
    [row] = batch_check(vod_api, [video_id], 100, target)
    assert (row.status, row.issued, row.check and row.check.code) == (
        "Transcoding", False, "Forbidden.IllegalStatus")


def test_a_deleted_video(info: dict[str, Any], api: tuple[VodApi, PlayerTarget]) -> None:
    vod_api, target = api
    video_id = uploaded(info)
    result = get_play_auth(vod_api, video_id)
    delete(info, video_id)
    verdict = check(result.play_auth, video_id, target)
    assert (verdict.ok, verdict.code, verdict.via) == (False, "InvalidVideo.NotFound", "playauth")
    with pytest.raises(VodError) as exc:
        get_play_auth(vod_api, video_id)
    assert exc.value.code == "InvalidVideo.NotFound"


def test_a_profile_whose_policy_denies_get_play_info(ws: Workspace, info: dict[str, Any]) -> None:
    profile, field, secret = profile_from_info("sts-no-playinfo", info, "sts", "accesskey")
    profile.policy = NO_PLAY_INFO
    store_profile(ws, profile, field, secret)
    vod_api, target = player_target(ws.sessions, profile.name)
    video_id = uploaded(info)

    result = get_play_auth(vod_api, video_id)  # allowed by the session policy
    # The player's path needs no RAM permission: the PlayAuth is the authorization.
    assert check(result.play_auth, video_id, target, vod_api).ok
    # The fallback (a PlayAuth vodgui cannot decode) asks with the profile's own STS token: a real denial.
    opaque = base64.b64encode(b"\x00\x01 a newer format").decode()
    verdict = check(opaque, video_id, target, vod_api)
    assert (verdict.ok, verdict.code, verdict.via, verdict.kind) == (False, "Forbidden.RAM", "profile", "permission")
    with pytest.raises(VodError) as exc:
        get_play_info(vod_api, video_id)
    assert exc.value.code == "Forbidden.RAM"
    # A batch still shows what the player got, and says why the explorer could not ask.
    [row] = batch_check(vod_api, [video_id], 100, target)
    assert row.check is not None and row.check.ok
    assert row.play_info_error is not None and row.play_info_error.code == "Forbidden.RAM"
    assert [s.format for s in row.streams] == ["mp4"]


def test_play_info_streams_are_decoded(sandbox: SandboxServer, info: dict[str, Any], control: SandboxControl,
                                       api: tuple[VodApi, PlayerTarget]) -> None:
    vod_api = api[0]
    video_id = uploaded(info, "streams")
    play = query_play_info(vod_api, video_id, PlayInfoQuery(
        formats="mp4 m3u8", definition="od,ld", stream_type="video", output_type="cdn", auth_timeout=600,
        result_type="Multiple", play_config='{"PlayDomain": "vod.example.com"}'))
    assert (play.video_id, play.title, play.status, play.media_type) == (video_id, "streams", "Normal", "video")
    assert play.duration == pytest.approx(2.0, abs=0.1) and play.request_id
    [stream] = play.streams
    [plain] = get_play_info(vod_api, video_id, formats="mp4")  # the short form: just the streams
    assert (plain.format, plain.resolution, plain.size) == ("mp4", "320x240", sample("clip.mp4").stat().st_size)
    assert (stream.format, stream.definition, stream.stream_type, stream.resolution) == (
        "mp4", "OD", "video", "320x240")
    assert stream.size == sample("clip.mp4").stat().st_size
    assert stream.duration == pytest.approx(2.0, abs=0.1) and stream.fps == pytest.approx(25.0)
    assert stream.bitrate and stream.bitrate > 0 and stream.encrypt is False
    assert stream.url_expires_at == pytest.approx(sandbox.clock.now() + 600, abs=3)
    masked = stream.display_url()
    assert "auth_key=" in masked and masked != stream.url and stream.to_dict()["url"] == masked
    assert stream.to_dict(show_secrets=True)["url"] == stream.url

    [oss] = get_play_info(vod_api, video_id, output_type="oss", auth_timeout=120)
    assert "Expires=" in oss.url and oss.url_expires_at == pytest.approx(sandbox.clock.now() + 120, abs=3)
    assert "security-token=" in oss.url and "CAIS" not in oss.display_url()

    since = len(control.log())
    for bad, code in (({"play_config": "PlayDomain=x"}, "InvalidPlayConfig.NotJson"),
                      ({"play_config": "[1]"}, "InvalidPlayConfig.NotObject"),
                      ({"definition": "XL"}, "InvalidDefinition"),
                      ({"output_type": "ftp"}, "InvalidOutputType"), ({"stream_type": "sub"}, "InvalidStreamType"),
                      ({"result_type": "All"}, "InvalidResultType"), ({"auth_timeout": 0}, "InvalidAuthTimeout")):
        with pytest.raises(VodError) as exc:
            get_play_info(vod_api, video_id, **bad)
        assert (exc.value.code, exc.value.kind) == (code, ErrorKind.CONFIG)
    assert not ops(control.log()[since:], "GetPlayInfo")
    with pytest.raises(VodError) as exc:
        get_play_info(vod_api, video_id, formats="m3u8")
    assert exc.value.code == "InvalidVideo.NoneStream"


def test_url_expiry() -> None:
    assert url_expiry("http://h/_cdn/b/k.mp4?auth_key=1800000600-abc-0-" + "0" * 32) == 1800000600
    assert url_expiry("http://h/b/k.mp4?OSSAccessKeyId=STS.x&Expires=1800000120&Signature=s") == 1800000120
    assert url_expiry("http://h/k.mp4") is None
    assert url_expiry("http://h/k.mp4?auth_key=garbage") is None


@pytest.mark.parametrize("text", ["", "   ", "not base64 at all!", base64.b64encode(b"\xff\xfe binary").decode(),
                                  base64.b64encode(b"[1, 2]").decode(), base64.b64encode(b'"text"').decode(),
                                  "v2.ZXlKaGJHY2lPaUpJVXpJMU5pSjk.sig", "a" * 5000])
def test_an_unknown_play_auth_is_opaque_not_a_crash(text: str) -> None:
    decoded = decode_play_auth(text)
    assert decoded.opaque and decoded.reason
    assert decoded.to_dict() == {"format": "opaque", "reason": decoded.reason.english()}
    assert not decoded.player_ready and decoded.expires_at is None


def test_partially_known_play_auth() -> None:
    blob = {"AccessKeyId": "STS.abc", "AuthInfo": "{not json", "NewField": {"Token": "x" * 30}}
    decoded = decode_play_auth(base64.b64encode(json.dumps(blob).encode()).decode())
    assert not decoded.opaque and not decoded.player_ready
    assert decoded.auth_info is not None and decoded.expires_at is None
    shown = decoded.to_dict()
    assert shown["NewField"]["Token"] != "x" * 30 and "(unparsed)" in shown["AuthInfo"]


def test_an_opaque_play_auth_is_checked_with_the_profile(info: dict[str, Any],
                                                         api: tuple[VodApi, PlayerTarget]) -> None:
    vod_api, target = api
    video_id = uploaded(info)
    verdict = check("opaque-new-format-token", video_id, target, vod_api)
    assert (verdict.ok, verdict.via) == (True, "profile")
    assert check("opaque-new-format-token", video_id, target, None).code == "NoVodAccess.PlayAuth"


def test_split_video_ids() -> None:
    text = "a1b2, c3d4;\n e5f6\t'a1b2' \"g7\" | h8"
    assert split_video_ids(text) == ["a1b2", "c3d4", "e5f6", "g7", "h8"]


def test_batch_export_has_one_row_per_video(sandbox: SandboxServer, info: dict[str, Any],
                                            api: tuple[VodApi, PlayerTarget]) -> None:
    vod_api, target = api
    normal = uploaded(info, "=cmd|' /C calc'!A0")
    gone = uploaded(info)
    delete(info, gone)
    sandbox.config.settings.transcode_duration = 600
    busy = uploaded(info)
    seen: list[str] = []
    results = batch_check(vod_api, f"{normal}\n{gone}, {busy}", 200, target, on_result=lambda r: seen.append(
        r.video_id))
    assert seen == [normal, gone, busy]
    assert [(r.video_id, r.passed) for r in results] == [(normal, True), (gone, False), (busy, False)]

    out = io.StringIO()
    export_csv(results, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [r["video_id"] for r in rows] == [normal, gone, busy]
    assert [(r["check_ok"], r["check_code"]) for r in rows] == [
        ("true", ""), ("false", "InvalidVideo.NotFound"), ("false", "Forbidden.IllegalStatus")]
    assert rows[0]["title"].startswith("'=")  # no formula injection into spreadsheets
    assert rows[0]["streams"] == "1" and rows[0]["play_auth_expires_at"].endswith("Z")
    assert rows[2]["status"] == "Transcoding"

    js = io.StringIO()
    export_json(results, js)
    data = json.loads(js.getvalue())
    assert [d["video_id"] for d in data] == [normal, gone, busy]
    assert [d["check"]["ok"] for d in data] == [True, False, False]
    assert data[0]["streams"][0]["format"] == "mp4" and data[0]["streams"][0]["url_expires_at"]

    first = results[0].play_auth
    assert first is not None and first.decoded.access_key_secret is not None
    for text in (out.getvalue(), js.getvalue()):
        assert first.play_auth.reveal() not in text
        assert first.decoded.access_key_secret.reveal() not in text
        assert results[0].streams[0].url not in text
    revealed = io.StringIO()
    export_json(results, revealed, show_secrets=True)
    assert first.play_auth.reveal() in revealed.getvalue()
