"""The media life cycle: upload completion (through oss2, or the OSS listener directly), status driven by the
logical clock, GetVideoInfo(s), DeleteVideo, persistence across a restart and event callbacks."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import oss2
import pytest
from aliyunsdkvod.request.v20170321.DeleteVideoRequest import DeleteVideoRequest
from aliyunsdkvod.request.v20170321.GetVideoInfoRequest import GetVideoInfoRequest
from aliyunsdkvod.request.v20170321.GetVideoInfosRequest import GetVideoInfosRequest
from aliyunsdkvod.request.v20170321.RefreshUploadVideoRequest import RefreshUploadVideoRequest

from tests.helpers.sdk import oss_bucket
from tests.helpers.vod import create_video, decode, sample, upload, video_info, vod, vod_error
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.client import SandboxControl
from vodgui.sandbox.oss.models import ObjectMeta


def complete_directly(sandbox: SandboxServer, created: dict[str, Any], path: Path,
                      key: str | None = None) -> None:
    """Tell the VOD model an object completed, as OSS does after PutObject/CompleteMultipartUpload."""
    address = decode(created["UploadAddress"])
    size = path.stat().st_size
    etag = '"0123456789ABCDEF0123456789ABCDEF"'
    meta = ObjectMeta(address["Bucket"], key or address["FileName"], size, etag, 12345, "video/mp4",
                      sandbox.clock.now(), path)
    sandbox.context.models["vod"].on_object(meta)


def test_listener_drives_the_status_with_the_logical_clock(sandbox: SandboxServer,
                                                           info: dict[str, Any]) -> None:
    sandbox.config.settings.transcode_delay = 5
    sandbox.config.settings.transcode_duration = 10
    created = create_video(info)
    video_id = created["VideoId"]
    clip = sample("clip.mp4")
    complete_directly(sandbox, created, clip)

    video = video_info(info, video_id)
    assert video["Status"] == "UploadSucc"
    assert video["Size"] == clip.stat().st_size
    assert video["Duration"] == pytest.approx(2.0, abs=0.1)
    sandbox.clock.advance(4)
    assert video_info(info, video_id)["Status"] == "UploadSucc"
    sandbox.clock.advance(2)
    assert video_info(info, video_id)["Status"] == "Transcoding"
    sandbox.clock.advance(8)
    assert video_info(info, video_id)["Status"] == "Transcoding"
    sandbox.clock.advance(2)
    assert video_info(info, video_id)["Status"] == "Normal"

    view = SandboxControl(sandbox.url).video(video_id)
    assert view["status"] == "Normal"
    assert view["crc64"] == "12345"
    assert view["metadata"]["width"] == 320
    assert [s["format"] for s in view["streams"]] == ["mp4"]


def test_no_transcode_group_goes_straight_to_normal(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    sandbox.config.settings.transcode_delay = 3
    sandbox.config.settings.transcode_duration = 100
    created = create_video(info, TemplateGroupId="VOD_NO_TRANSCODE")
    complete_directly(sandbox, created, sample("clip.mp4"))
    assert video_info(info, created["VideoId"])["Status"] == "UploadSucc"
    sandbox.clock.advance(3)
    video = video_info(info, created["VideoId"])
    assert video["Status"] == "Normal"
    assert video["TemplateGroupId"] == "VOD_NO_TRANSCODE"


def test_settings_changed_after_upload_do_not_rewrite_history(sandbox: SandboxServer,
                                                              info: dict[str, Any]) -> None:
    created = create_video(info)
    complete_directly(sandbox, created, sample("clip.mp4"))
    sandbox.config.settings.transcode_delay = 1000
    assert video_info(info, created["VideoId"])["Status"] == "Normal"


def test_an_m3u8_completes_with_its_playlist_not_its_segments(sandbox: SandboxServer, info: dict[str, Any],
                                                              tmp_path: Path) -> None:
    created = create_video(info, file_name="index.m3u8")
    prefix = decode(created["UploadAddress"])["ObjectPrefix"]
    segment = tmp_path / "seg0.ts"
    segment.write_bytes(b"\x47" * 188)
    complete_directly(sandbox, created, segment, key=prefix + "seg0.ts")
    assert video_info(info, created["VideoId"])["Status"] == "Uploading"
    playlist = tmp_path / "index.m3u8"
    playlist.write_text("#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\nseg0.ts\n#EXTINF:2.5,\nseg1.ts\n"
                        "#EXT-X-ENDLIST\n")
    complete_directly(sandbox, created, playlist)
    video = video_info(info, created["VideoId"])
    assert video["Status"] == "Normal"
    assert video["Duration"] == pytest.approx(6.5)


def test_upload_with_oss2_marks_the_video_uploaded(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    sandbox.config.settings.transcode_delay = 2
    created = create_video(info)
    clip = sample("clip.mp4")
    upload(created, clip)
    video = video_info(info, created["VideoId"])
    assert video["Status"] == "UploadSucc"
    assert video["Size"] == clip.stat().st_size
    sandbox.clock.advance(2)
    assert video_info(info, created["VideoId"])["Status"] == "Normal"


def test_multipart_upload_with_oss2_marks_the_video_uploaded(sandbox: SandboxServer, info: dict[str, Any],
                                                             tmp_path: Path) -> None:
    sandbox.config.settings.min_part_size = 1024
    created = create_video(info)
    address, auth = decode(created["UploadAddress"]), decode(created["UploadAuth"])
    bucket = oss_bucket(address["Endpoint"], address["Bucket"], auth["AccessKeyId"], auth["AccessKeySecret"],
                        auth["SecurityToken"])
    clip = sample("clip.mp4")
    oss2.resumable_upload(bucket, address["FileName"], str(clip),
                          store=oss2.ResumableStore(root=str(tmp_path)),
                          multipart_threshold=8 * 1024, part_size=8 * 1024)
    video = video_info(info, created["VideoId"])
    assert (video["Status"], video["Size"]) == ("Normal", clip.stat().st_size)


def test_reupload_after_refresh_restarts_the_life_cycle(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    created = create_video(info)
    complete_directly(sandbox, created, sample("clip.mp4"))
    assert video_info(info, created["VideoId"])["Status"] == "Normal"
    sandbox.config.settings.transcode_delay = 10
    req = RefreshUploadVideoRequest()
    req.set_VideoId(created["VideoId"])
    complete_directly(sandbox, vod(info, req), sample("clip.mp4"))
    assert video_info(info, created["VideoId"])["Status"] == "UploadSucc"


def test_get_video_infos_reports_missing_ids(info: dict[str, Any]) -> None:
    a, b = create_video(info, title="a"), create_video(info, title="b")
    req = GetVideoInfosRequest()
    req.set_VideoIds(f"{a['VideoId']},{'f' * 32},{b['VideoId']}")
    answer = vod(info, req)
    assert [v["Title"] for v in answer["VideoList"]] == ["a", "b"]
    assert answer["NonExistVideoIds"] == ["f" * 32]


def test_delete_video(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    created = create_video(info, ReferenceId="delete-me")
    upload(created, sample("clip.mp4"))
    address = decode(created["UploadAddress"])
    control = SandboxControl(sandbox.url)
    assert control.object(address["Bucket"], address["FileName"])["size"] > 0

    req = DeleteVideoRequest()
    req.set_VideoIds(f"{created['VideoId']},{'e' * 32}")
    answer = vod(info, req)
    assert answer["NonExistVideoIds"] == ["e" * 32]
    assert answer["ForbiddenVideoIds"] == []

    get = GetVideoInfoRequest()
    get.set_VideoId(created["VideoId"])
    err = vod_error(info, get)
    assert (err.get_http_status(), err.get_error_code(), err.get_error_msg()) == (
        404, "InvalidVideo.NotFound", "The video does not exist.")
    assert sandbox.context.models["oss"].head(address["Bucket"], address["FileName"]) is None
    assert create_video(info, ReferenceId="delete-me")["VideoId"]  # the ReferenceId is free again


def test_delete_video_limits(info: dict[str, Any]) -> None:
    req = DeleteVideoRequest()
    req.set_VideoIds(",".join(f"{i:032x}" for i in range(21)))
    err = vod_error(info, req)
    assert (err.get_http_status(), err.get_error_code(), err.get_error_msg()) == (
        400, "VideoIdsExceededMax", "The VideoIds exceeded maximum.")
    assert vod_error(info, DeleteVideoRequest()).get_error_code() == "MissingVideoIds"


def test_videos_survive_a_restart_with_a_data_dir(tmp_path: Path) -> None:
    settings = {"transcode_delay": 0.0, "transcode_duration": 0.0, "transcode_mode": "original"}
    with SandboxServer(data_dir=tmp_path, settings=settings) as first:
        info = first.info()
        created = create_video(info, ReferenceId="persist-1")
        complete_directly(first, created, sample("clip.mp4"))
        bucket = first.context.models["vod"].bucket
    with SandboxServer(data_dir=tmp_path, settings=settings) as second:
        info = second.info()
        assert second.context.models["vod"].bucket == bucket
        video = video_info(info, created["VideoId"])
        assert (video["Status"], video["ReferenceId"]) == ("Normal", "persist-1")
        req = RefreshUploadVideoRequest()
        req.set_VideoId(created["VideoId"])
        before, after = decode(created["UploadAddress"]), decode(vod(info, req)["UploadAddress"])
        assert (after["Bucket"], after["FileName"]) == (before["Bucket"], before["FileName"])
        assert after["Endpoint"] == second.url


class _Receiver(BaseHTTPRequestHandler):
    events: list[dict[str, Any]]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.events.append(json.loads(body))  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    server.events = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def _wait_for(events: list[dict[str, Any]], count: int, timeout: float = 5.0) -> list[dict[str, Any]]:
    deadline = time.monotonic() + timeout
    while len(events) < count and time.monotonic() < deadline:
        time.sleep(0.02)
    return list(events)


def test_message_callback_events(sandbox: SandboxServer, info: dict[str, Any],
                                 receiver: ThreadingHTTPServer) -> None:
    sandbox.config.settings.transcode_delay = 1
    sandbox.config.settings.transcode_duration = 1
    url = f"http://127.0.0.1:{receiver.server_address[1]}/vod-events"
    user_data = json.dumps({"MessageCallback": {"CallbackURL": url}, "Extend": {"job": "42"}})
    created = create_video(info, UserData=user_data)
    complete_directly(sandbox, created, sample("clip.mp4"))
    events = _wait_for(receiver.events, 1)  # type: ignore[attr-defined]
    assert [e["EventType"] for e in events] == ["FileUploadComplete"]
    first = events[0]
    assert (first["VideoId"], first["Status"]) == (created["VideoId"], "success")
    assert first["Size"] == sample("clip.mp4").stat().st_size
    assert json.loads(first["Extend"]) == {"job": "42"}

    sandbox.clock.advance(2)
    events = _wait_for(receiver.events, 3)  # type: ignore[attr-defined]
    assert [e["EventType"] for e in events] == ["FileUploadComplete", "StreamTranscodeComplete",
                                                "TranscodeComplete"]
    assert events[1]["Format"] == "mp4"
    assert events[2]["StreamInfos"][0]["Definition"] == "OD"
