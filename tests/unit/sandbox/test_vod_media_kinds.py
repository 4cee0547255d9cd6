"""Images (covers), attached media (subtitles) and M3U8 uploads, and UpdateVideoInfo, through the official SDKs."""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any

import oss2
import pytest
from aliyunsdkvod.request.v20170321.CreateUploadAttachedMediaRequest import CreateUploadAttachedMediaRequest
from aliyunsdkvod.request.v20170321.CreateUploadImageRequest import CreateUploadImageRequest
from aliyunsdkvod.request.v20170321.CreateUploadVideoRequest import CreateUploadVideoRequest
from aliyunsdkvod.request.v20170321.DeleteVideoRequest import DeleteVideoRequest
from aliyunsdkvod.request.v20170321.GetPlayInfoRequest import GetPlayInfoRequest
from aliyunsdkvod.request.v20170321.GetVideoInfosRequest import GetVideoInfosRequest
from aliyunsdkvod.request.v20170321.UpdateVideoInfoRequest import UpdateVideoInfoRequest

from tests.helpers.sdk import oss_bucket
from tests.helpers.vod import create_video, decode, video_info, vod, vod_error
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.cdn import DEFAULT_AUTH_TIMEOUT

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _bucket(created: dict[str, Any]) -> tuple[oss2.Bucket, dict[str, Any]]:
    """An oss2 Bucket with the UploadAuth of a Create* answer, and the decoded UploadAddress."""
    address, auth = decode(created["UploadAddress"]), decode(created["UploadAuth"])
    bucket = oss_bucket(address["Endpoint"], address["Bucket"], auth["AccessKeyId"], auth["AccessKeySecret"],
                        auth["SecurityToken"])
    return bucket, address


def _get(url: str) -> tuple[int, str, bytes]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=10) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.headers.get("Content-Type", ""), exc.read()


def _image(info: dict[str, Any], ext: str = "png", image_type: str = "cover") -> dict[str, Any]:
    req = CreateUploadImageRequest()
    req.set_ImageType(image_type)
    req.set_ImageExt(ext)
    return vod(info, req)


def _update(info: dict[str, Any], video_id: str | None, **params: str) -> dict[str, Any]:
    req = UpdateVideoInfoRequest()
    if video_id is not None:
        req.set_VideoId(video_id)
    for name, value in params.items():
        req.add_query_param(name, value)
    return vod(info, req)


def _update_error(info: dict[str, Any], video_id: str | None, **params: str) -> tuple[int, str]:
    req = UpdateVideoInfoRequest()
    if video_id is not None:
        req.set_VideoId(video_id)
    for name, value in params.items():
        req.add_query_param(name, value)
    err = vod_error(info, req)
    return err.get_http_status(), err.get_error_code()


# -- images and covers ---------------------------------------------------------------------------------------
def test_an_uploaded_image_is_served_by_its_image_url(info: dict[str, Any]) -> None:
    image = _image(info)
    assert _get(image["ImageURL"])[0] == 404  # nothing uploaded yet
    bucket, address = _bucket(image)
    bucket.put_object(address["FileName"], PNG)
    assert _get(image["ImageURL"]) == (200, "image/png", PNG)
    assert _get(image["FileURL"])[0] == 403  # the VOD bucket is private: FileURL is not a public URL


@pytest.mark.parametrize("ext", ["heic", "webp", "jpeg", "gif"])
def test_all_documented_image_extensions(info: dict[str, Any], ext: str) -> None:
    assert decode(_image(info, ext, "default")["UploadAddress"])["FileName"].endswith("." + ext)


def test_cover_url_given_at_create_time(info: dict[str, Any]) -> None:
    created = create_video(info, CoverURL="https://img.example.com/covers/a.jpg")
    assert video_info(info, created["VideoId"])["CoverURL"] == "https://img.example.com/covers/a.jpg"
    for bad in ("not a url", "ftp://img.example.com/a.jpg", "https://x/" + "a" * 1100):
        req_error = vod_error(info, _create_request(CoverURL=bad))
        assert req_error.get_error_code() == "InvalidCoverURL", bad


def _create_request(**params: str) -> CreateUploadVideoRequest:
    req = CreateUploadVideoRequest()
    req.set_Title("t")
    req.set_FileName("a.mp4")
    for name, value in params.items():
        req.add_query_param(name, value)
    return req


def test_update_video_info_sets_an_uploaded_image_as_cover(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    image = _image(info)
    bucket, address = _bucket(image)
    bucket.put_object(address["FileName"], PNG)
    created = create_video(info)
    answer = _update(info, created["VideoId"], CoverURL=image["ImageURL"], Title="new title",
                     Description="about", Tags="x,y", CateId="12")
    assert set(answer) == {"RequestId"}

    video = video_info(info, created["VideoId"])
    assert (video["Title"], video["Description"], video["Tags"], video["CateId"]) == ("new title", "about", "x,y", 12)
    assert video["CoverURL"].split("?")[0] == image["ImageURL"].split("?")[0]
    assert _get(video["CoverURL"])[::2] == (200, PNG)

    # The ImageURL expires with the CDN's URL authentication; the cover the service answers is signed afresh.
    sandbox.clock.advance(DEFAULT_AUTH_TIMEOUT + 1)
    assert _get(image["ImageURL"])[0] == 403
    assert _get(video_info(info, created["VideoId"])["CoverURL"])[::2] == (200, PNG)

    # A plain FileURL of the VOD bucket works as a cover too: it is answered as a signed CDN URL.
    _update(info, created["VideoId"], CoverURL=image["FileURL"])
    cover = video_info(info, created["VideoId"])["CoverURL"]
    assert "/_cdn/" in cover and "auth_key=" in cover
    assert _get(cover)[::2] == (200, PNG)


def test_update_video_info_leaves_absent_fields_alone(info: dict[str, Any]) -> None:
    created = create_video(info, title="keep", Description="kept", Tags="t1", CoverURL="https://e.com/c.png")
    _update(info, created["VideoId"], Tags="t2,t3")
    video = video_info(info, created["VideoId"])
    assert (video["Title"], video["Description"], video["Tags"], video["CoverURL"]) == (
        "keep", "kept", "t2,t3", "https://e.com/c.png")
    assert video["ModificationTime"] >= video["CreationTime"]


def test_update_video_info_reference_id(info: dict[str, Any]) -> None:
    first, second = create_video(info, ReferenceId="ref-first"), create_video(info)
    _update(info, second["VideoId"], ReferenceId="ref-second")
    req = GetVideoInfosRequest()
    req.add_query_param("ReferenceIds", "ref-second")
    assert [v["VideoId"] for v in vod(info, req)["VideoList"]] == [second["VideoId"]]
    assert _update_error(info, second["VideoId"], ReferenceId="ref-first") == (400, "InvalidReferenceId.Duplicate")
    assert video_info(info, first["VideoId"])["ReferenceId"] == "ref-first"


def test_update_video_info_errors(info: dict[str, Any]) -> None:
    video_id = create_video(info)["VideoId"]
    assert _update_error(info, None, Title="t") == (400, "MissingVideoId")
    assert _update_error(info, "0" * 32, Title="t") == (404, "InvalidVideo.NotFound")
    assert _update_error(info, video_id, Title="x" * 129) == (400, "LengthExceededMax")
    assert _update_error(info, video_id, Title="\U0001F600") == (400, "IllegalCharacters")
    assert _update_error(info, video_id, Tags=",".join(f"t{i}" for i in range(17))) == (400, "TagsExceededMax")
    assert _update_error(info, video_id, CateId="music") == (400, "InvalidCateId")
    assert _update_error(info, video_id, CoverURL="cover.png") == (400, "InvalidCoverURL")
    assert _update_error(info, video_id, UserData="[]") == (400, "InvalidUserData")
    assert video_info(info, video_id)["Title"] == "sandbox clip"  # nothing changed


def test_cover_url_in_play_info(info: dict[str, Any]) -> None:
    image = _image(info)
    bucket, address = _bucket(image)
    bucket.put_object(address["FileName"], PNG)
    created = create_video(info, CoverURL=image["ImageURL"], TemplateGroupId="VOD_NO_TRANSCODE")
    video_bucket, video_address = _bucket(created)
    video_bucket.put_object(video_address["FileName"], b"\x00" * 100)
    req = GetPlayInfoRequest()
    req.set_VideoId(created["VideoId"])
    assert _get(vod(info, req)["VideoBase"]["CoverURL"])[::2] == (200, PNG)


# -- attached media ------------------------------------------------------------------------------------------
def test_subtitle_upload_is_served_by_its_media_url(info: dict[str, Any]) -> None:
    req = CreateUploadAttachedMediaRequest()
    req.set_BusinessType("subtitle")
    req.set_MediaExt("vtt")
    req.set_Title("English")
    answer = vod(info, req)
    bucket, address = _bucket(answer)
    text = b"WEBVTT\n\n00:00.000 --> 00:01.000\nhello\n"
    bucket.put_object(address["FileName"], text)
    assert _get(answer["MediaURL"]) == (200, "text/vtt", text)
    with pytest.raises(oss2.exceptions.AccessDenied):  # the credentials cover that one object only
        bucket.put_object(address["FileName"] + ".bak", text)


@pytest.mark.parametrize(("business_type", "ext"), [
    ("subtitle", "srt"), ("subtitle", "ass"), ("subtitle", "ttml"), ("subtitle", "stl"),
    ("watermark", "png"), ("watermark", "apng"), ("watermark", "mov"), ("material", "apk"), ("material", "zip"),
])
def test_attached_media_extensions(info: dict[str, Any], business_type: str, ext: str) -> None:
    req = CreateUploadAttachedMediaRequest()
    req.set_BusinessType(business_type)
    req.set_MediaExt(ext)
    assert decode(vod(info, req)["UploadAddress"])["FileName"].endswith("." + ext)


@pytest.mark.parametrize(("business_type", "ext"), [("subtitle", "png"), ("watermark", "srt"), ("material", "exe")])
def test_attached_media_refuses_other_extensions(info: dict[str, Any], business_type: str, ext: str) -> None:
    req = CreateUploadAttachedMediaRequest()
    req.set_BusinessType(business_type)
    req.set_MediaExt(ext)
    assert vod_error(info, req).get_error_code() == "InvalidMediaExt"


# -- M3U8 ----------------------------------------------------------------------------------------------------
def test_m3u8_credentials_cover_the_prefix_only(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    created = create_video(info, file_name="/hls/index.m3u8")
    bucket, address = _bucket(created)
    prefix = address["ObjectPrefix"]
    assert address["FileName"].startswith(prefix)
    bucket.put_object(prefix + "seg0.ts", b"\x47" * 188)
    bucket.put_object(prefix + "low/seg0.ts", b"\x47" * 188)  # sub-folders under the prefix are fine
    assert video_info(info, created["VideoId"])["Status"] == "Uploading"  # segments do not complete the video
    for outside in ("sv/elsewhere/seg0.ts", prefix.rstrip("/") + "-x/seg0.ts", "seg0.ts"):
        with pytest.raises(oss2.exceptions.AccessDenied):
            bucket.put_object(outside, b"\x47")
    bucket.put_object(address["FileName"], b"#EXTM3U\n#EXTINF:2.0,\nseg0.ts\n#EXT-X-ENDLIST\n")
    assert video_info(info, created["VideoId"])["Status"] == "Normal"

    oss = sandbox.context.models["oss"]
    assert oss.keys(address["Bucket"], prefix) == [address["FileName"], prefix + "low/seg0.ts", prefix + "seg0.ts"]
    delete = DeleteVideoRequest()
    delete.set_VideoIds(created["VideoId"])
    vod(info, delete)
    assert oss.keys(address["Bucket"], prefix) == []  # the segments go with the playlist
