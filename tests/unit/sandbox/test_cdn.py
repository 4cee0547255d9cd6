"""The sandbox CDN: type-A URL authentication on the logical clock, byte ranges for seeking players."""

from __future__ import annotations

import http.client
import re
from typing import Any
from urllib.parse import urlsplit

import pytest
from aliyunsdkvod.request.v20170321.GetPlayInfoRequest import GetPlayInfoRequest

from tests.helpers.sdk import oss_bucket
from tests.helpers.vod import create_video, decode, sample, upload, vod
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.cdn import DEFAULT_AUTH_TIMEOUT, parse_range, sign_cdn_url


def play_url(info: dict[str, Any], name: str = "clip.mp4", auth_timeout: str | None = None) -> str:
    created = create_video(info, file_name=name)
    upload(created, sample(name))
    req = GetPlayInfoRequest()
    req.set_VideoId(created["VideoId"])
    if auth_timeout is not None:
        req.set_AuthTimeout(auth_timeout)
    return str(vod(info, req)["PlayInfoList"]["PlayInfo"][0]["PlayURL"])


def request(url: str, method: str = "GET", headers: dict[str, str] | None = None,
            conn: http.client.HTTPConnection | None = None) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    own = conn is None
    conn = conn or http.client.HTTPConnection(parts.netloc, timeout=10)
    try:
        target = f"{parts.path}?{parts.query}" if parts.query else parts.path
        conn.request(method, target, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        if own:
            conn.close()


def test_play_url_is_type_a_signed(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    url = play_url(info, auth_timeout="600")
    match = re.search(r"\?auth_key=(\d+)-([0-9a-f]{32})-0-([0-9a-f]{32})$", url)
    assert match is not None
    assert int(match.group(1)) == pytest.approx(sandbox.clock.now() + 600, abs=3)


def test_ranges_let_a_player_seek(info: dict[str, Any]) -> None:
    url = play_url(info)
    data = sample("clip.mp4").read_bytes()
    size = len(data)
    conn = http.client.HTTPConnection(urlsplit(url).netloc, timeout=10)
    try:  # one keep-alive connection, as a player seeking around the file
        status, headers, body = request(url, headers={"Range": "bytes=0-99"}, conn=conn)
        assert (status, headers["content-range"], body) == (206, f"bytes 0-99/{size}", data[:100])
        assert headers["accept-ranges"] == "bytes"
        assert headers["content-length"] == "100"
        status, headers, body = request(url, headers={"Range": "bytes=1000-"}, conn=conn)
        assert (status, headers["content-range"], body) == (206, f"bytes 1000-{size - 1}/{size}", data[1000:])
        status, headers, body = request(url, headers={"Range": "bytes=-50"}, conn=conn)
        assert (status, headers["content-range"], body) == (206, f"bytes {size - 50}-{size - 1}/{size}",
                                                            data[-50:])
        status, headers, body = request(url, headers={"Range": f"bytes=10-{size * 2}"}, conn=conn)
        assert (status, body) == (206, data[10:])
        status, headers, _ = request(url, headers={"Range": f"bytes={size}-"}, conn=conn)
        assert (status, headers["content-range"]) == (416, f"bytes */{size}")
        for ignored in ("bytes=abc", "items=0-1", "bytes=0-1,5-6"):
            status, _, body = request(url, headers={"Range": ignored}, conn=conn)
            assert (status, body) == (200, data), ignored
    finally:
        conn.close()


def test_head_and_content_types(info: dict[str, Any]) -> None:
    url = play_url(info)
    status, headers, body = request(url, "HEAD")
    assert (status, body) == (200, b"")
    assert headers["content-length"] == str(sample("clip.mp4").stat().st_size)
    assert headers["content-type"] == "video/mp4"
    assert request(play_url(info, "tone.mp3"))[1]["content-type"] == "audio/mpeg"
    assert request(url, "POST")[0] == 405


def test_tampered_urls_are_refused(info: dict[str, Any]) -> None:
    url = play_url(info)
    assert request(url)[0] == 200
    flipped = url[:-1] + ("0" if url[-1] != "0" else "1")
    status, headers, body = request(flipped)
    assert status == 403
    assert headers["content-type"].startswith("text/plain")
    assert b"Forbidden" in body
    other_path = url.replace(".mp4?", ".mp3?")
    assert request(other_path)[0] == 403
    assert request(url.split("?", 1)[0])[0] == 403
    assert request(url.split("?", 1)[0] + "?auth_key=garbage")[0] == 403


def test_expiry_is_on_the_logical_clock(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    url = play_url(info, auth_timeout="60")
    sandbox.clock.advance(55)
    assert request(url)[0] == 200
    sandbox.clock.advance(10)
    assert request(url)[0] == 403
    sandbox.config.settings.cdn_extra_ttl = 100  # the CDN's own grace period on top of the timestamp
    assert request(url)[0] == 200


def test_changing_the_private_key_invalidates_urls(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    url = play_url(info)
    sandbox.config.settings.cdn_auth_key = "rotated-key"
    assert request(url)[0] == 403


def test_a_valid_signature_for_a_missing_object_is_404(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    created = create_video(info)
    bucket = decode(created["UploadAddress"])["Bucket"]
    assert request(sign_cdn_url(sandbox.context, bucket, "sv/none/none.mp4", 60))[0] == 404


@pytest.mark.parametrize(("header", "expected"), [
    ("bytes=0-0", (0, 0)), ("bytes=5-", (5, 99)), ("bytes=-1", (99, 99)), ("bytes=-500", (0, 99)),
    ("bytes=90-200", (90, 99)), ("bytes=100-", False), ("bytes=-0", False), ("bytes=5-4", None),
    ("bytes=", None), ("bytes=a-b", None), ("bytes=0-1,3-4", None), ("pages=1-2", None),
])
def test_parse_range(header: str, expected: object) -> None:
    assert parse_range(header, 100) == expected


def test_hls_playlist_and_segments_play_through_the_cdn(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    created = create_video(info, file_name="D:\\hls\\index.m3u8")
    address, auth = decode(created["UploadAddress"]), decode(created["UploadAuth"])
    bucket = oss_bucket(address["Endpoint"], address["Bucket"], auth["AccessKeyId"], auth["AccessKeySecret"],
                        auth["SecurityToken"])
    segments = {"seg0.ts": b"\x47" * 376, "seg1.ts": b"\x47" * 188}
    for name, data in segments.items():  # the UploadAuth covers the whole ObjectPrefix
        bucket.put_object(address["ObjectPrefix"] + name, data)
    bucket.put_object(address["FileName"], b"#EXTM3U\n#EXT-X-TARGETDURATION:4\n#EXTINF:4.0,\nseg0.ts\n"
                                           b"#EXTINF:2.0,\nseg1.ts\n#EXT-X-ENDLIST\n")
    req = GetPlayInfoRequest()
    req.set_VideoId(created["VideoId"])
    [stream] = vod(info, req)["PlayInfoList"]["PlayInfo"]
    assert (stream["Format"], float(stream["Duration"])) == ("m3u8", 6.0)

    status, headers, body = request(stream["PlayURL"])
    assert (status, headers["content-type"]) == (200, "application/vnd.apple.mpegurl")
    uris = [line for line in body.decode().splitlines() if line and not line.startswith("#")]
    assert [u.split("?", 1)[0] for u in uris] == ["seg0.ts", "seg1.ts"]
    base = stream["PlayURL"].split("?", 1)[0].rsplit("/", 1)[0]
    for uri, (_, data) in zip(uris, segments.items()):
        assert request(f"{base}/{uri}")[::2] == (200, data)
        assert request(f"{base}/{uri.split('?', 1)[0]}")[0] == 403
    sandbox.clock.advance(DEFAULT_AUTH_TIMEOUT + 1)  # segments expire with their playlist
    assert request(f"{base}/{uris[0]}")[0] == 403
