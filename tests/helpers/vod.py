"""VOD test helpers: official-SDK calls against a sandbox, credential blobs, uploads, sample media files."""

from __future__ import annotations

import atexit
import base64
import functools
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.request import RpcRequest
from aliyunsdkvod.request.v20170321.CreateUploadVideoRequest import CreateUploadVideoRequest
from aliyunsdkvod.request.v20170321.GetVideoInfoRequest import GetVideoInfoRequest

from tests.helpers.media import HAVE_FFMPEG, ffmpeg
from tests.helpers.sdk import acs_client, call, oss_bucket

needs_ffmpeg = pytest.mark.skipif(not HAVE_FFMPEG, reason="ffmpeg is not installed")


def vod(info: dict[str, Any], request: RpcRequest, client: AcsClient | None = None) -> dict[str, Any]:
    """Send a VOD request with the account key (or ``client``) and decode the JSON answer."""
    return call(client or acs_client(info), request, info["vod_endpoint"])


def vod_error(info: dict[str, Any], request: RpcRequest, client: AcsClient | None = None) -> ServerException:
    """Send a request that must fail; return the SDK's ServerException."""
    with pytest.raises(ServerException) as exc:
        vod(info, request, client)
    return exc.value


def decode(blob: str) -> dict[str, Any]:
    """Decode an UploadAddress / UploadAuth / PlayAuth (standard base64 of a JSON object)."""
    return dict(json.loads(base64.b64decode(blob, validate=True)))


def create_video(info: dict[str, Any], title: str = "sandbox clip", file_name: str = "clip.mp4",
                 **params: str) -> dict[str, Any]:
    req = CreateUploadVideoRequest()
    req.set_Title(title)
    req.set_FileName(file_name)
    for name, value in params.items():
        req.add_query_param(name, value)
    return vod(info, req)


def video_info(info: dict[str, Any], video_id: str) -> dict[str, Any]:
    req = GetVideoInfoRequest()
    req.set_VideoId(video_id)
    return dict(vod(info, req)["Video"])


def upload(created: dict[str, Any], path: Path) -> None:
    """Upload ``path`` with oss2 to the address in a Create*/Refresh* answer, using its UploadAuth."""
    address = decode(created["UploadAddress"])
    auth = decode(created["UploadAuth"])
    bucket = oss_bucket(address["Endpoint"], address["Bucket"], auth["AccessKeyId"], auth["AccessKeySecret"],
                        auth["SecurityToken"])
    bucket.put_object_from_file(address["FileName"], str(path))


def uploaded(info: dict[str, Any], title: str = "clip", name: str = "clip.mp4") -> str:
    """CreateUploadVideo + upload of the :func:`sample` ``name`` with the official SDKs; the new VideoId."""
    created = create_video(info, title=title, file_name=name)
    upload(created, sample(name))
    return str(created["VideoId"])


_MEDIA_DIR = Path(tempfile.mkdtemp(prefix="vodgui-test-media-"))
atexit.register(shutil.rmtree, _MEDIA_DIR, True)

_RECIPES: dict[str, list[str]] = {
    # 2 s of 320x240 at 25 fps with a tone: the reference clip the probe assertions are written against.
    "clip.mp4": ["-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i",
                 "sine=frequency=440:sample_rate=44100", "-t", "2", "-pix_fmt", "yuv420p", "-c:v", "libx264",
                 "-c:a", "aac", "-shortest"],
    # 6 s of H.264 + AAC: what the transcoding tests upload (renditions of 2-second HLS segments).
    "six.mp4": ["-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=44100", "-t", "6", "-pix_fmt", "yuv420p", "-c:v", "libx264",
                "-preset", "veryfast", "-c:a", "aac", "-shortest"],
    "clip.mov": ["-f", "lavfi", "-i", "testsrc=size=160x120:rate=30", "-t", "1", "-pix_fmt", "yuv420p",
                 "-c:v", "libx264"],
    "clip.mkv": ["-f", "lavfi", "-i", "testsrc=size=176x144:rate=10", "-t", "1", "-c:v", "libx264",
                 "-pix_fmt", "yuv420p"],
    "tone.mp3": ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "1",
                 "-c:a", "libmp3lame"],
    "tone.m4a": ["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "1", "-c:a", "aac"],
}


@functools.cache
def sample(name: str) -> Path:
    """A small media file generated once per test run with ffmpeg (skips the test if ffmpeg is absent)."""
    return ffmpeg(*_RECIPES[name], out=_MEDIA_DIR / name)


def wait_status(info: dict[str, Any], video_id: str, wanted: set[str], timeout: float = 60.0) -> dict[str, Any]:
    """Poll GetVideoInfo until the video's Status is one of ``wanted`` (the transcoding worker is real)."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        video = video_info(info, video_id)
        if video["Status"] in wanted:
            return video
        if time.monotonic() > deadline:
            raise AssertionError(f"{video_id} stayed {video['Status']}, wanted {sorted(wanted)}")
        time.sleep(0.05)
