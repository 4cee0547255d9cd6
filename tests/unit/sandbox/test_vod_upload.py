"""VOD upload actions through the official SDK: shapes of success answers and the service's refusals."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import pytest
from aliyunsdkvod.request.v20170321.CreateUploadAttachedMediaRequest import CreateUploadAttachedMediaRequest
from aliyunsdkvod.request.v20170321.CreateUploadImageRequest import CreateUploadImageRequest
from aliyunsdkvod.request.v20170321.CreateUploadVideoRequest import CreateUploadVideoRequest
from aliyunsdkvod.request.v20170321.GetUploadDetailsRequest import GetUploadDetailsRequest
from aliyunsdkvod.request.v20170321.RefreshUploadVideoRequest import RefreshUploadVideoRequest

from tests.helpers.sdk import acs_client
from tests.helpers.vod import create_video, decode, video_info, vod, vod_error
from vodgui.sandbox import SandboxServer

KEY_RE = re.compile(r"^sv/([0-9a-f]{8}-[0-9a-f]{11})/\1\.mp4$")


def _create_error(info: dict[str, Any], **params: str) -> tuple[int, str, str]:
    req = CreateUploadVideoRequest()
    for name, value in params.items():
        req.add_query_param(name, value)
    err = vod_error(info, req)
    return err.get_http_status(), err.get_error_code(), err.get_error_msg()


def test_create_upload_video_answers_id_address_and_auth(sandbox: SandboxServer,
                                                         info: dict[str, Any]) -> None:
    created = create_video(info, file_name="/home/a/b c.mp4")
    assert set(created) == {"RequestId", "VideoId", "UploadAddress", "UploadAuth"}
    assert re.fullmatch(r"[0-9a-f]{32}", created["VideoId"])
    assert re.fullmatch(r"[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}", created["RequestId"])

    address = decode(created["UploadAddress"])
    assert address["Endpoint"] == sandbox.url
    assert re.fullmatch(r"outin-[0-9a-f]{32}", address["Bucket"])
    assert KEY_RE.match(address["FileName"])
    assert "ObjectPrefix" not in address

    auth = decode(created["UploadAuth"])
    assert set(auth) == {"AccessKeyId", "AccessKeySecret", "SecurityToken", "Expiration", "ExpireUTCTime",
                         "Region"}
    assert auth["AccessKeyId"].startswith("STS.")
    assert auth["Expiration"] == "3000"
    assert auth["Region"] == info["region"]
    expires = datetime.strptime(auth["ExpireUTCTime"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC).timestamp()
    assert abs(expires - (sandbox.clock.now() + 3000)) < 5

    video = video_info(info, created["VideoId"])
    assert video["Status"] == "Uploading"
    assert video["Title"] == "sandbox clip"
    assert video["StorageLocation"] == f"{address['Bucket']}.oss-{info['region']}.aliyuncs.com"
    assert video["AppId"] == "app-1000000"


def test_each_create_gives_a_new_video_and_key(info: dict[str, Any]) -> None:
    first, second = create_video(info), create_video(info)
    assert first["VideoId"] != second["VideoId"]
    a, b = decode(first["UploadAddress"]), decode(second["UploadAddress"])
    assert a["Bucket"] == b["Bucket"]
    assert a["FileName"] != b["FileName"]


def test_upload_auth_ttl_follows_the_settings(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    sandbox.config.settings.upload_auth_ttl = 60
    assert decode(create_video(info)["UploadAuth"])["Expiration"] == "60"


def test_m3u8_upload_address_has_an_object_prefix(info: dict[str, Any]) -> None:
    address = decode(create_video(info, file_name="C:\\hls\\index.M3U8")["UploadAddress"])
    assert address["FileName"].endswith(".m3u8")
    assert address["ObjectPrefix"] == address["FileName"].rsplit("/", 1)[0] + "/"


@pytest.mark.parametrize("file_name",
                         ["D:\\video_01.mp4", "/home/a/b c.MOV", "x.Mp3", "movie.mkv", "a.b.flv"])
def test_supported_extensions_in_any_case_and_path_style(info: dict[str, Any], file_name: str) -> None:
    assert create_video(info, file_name=file_name)["VideoId"]


@pytest.mark.parametrize("file_name", ["video", "video.txt", "D:\\dir.mp4\\file", "archive.mp4.zip", "a."])
def test_unsupported_extension_is_refused(info: dict[str, Any], file_name: str) -> None:
    assert _create_error(info, Title="t", FileName=file_name) == (
        400, "InvalidFileName.Extension", "The specified FileName's extension is illegal.")


def test_missing_title_and_file_name(info: dict[str, Any]) -> None:
    assert _create_error(info, FileName="a.mp4")[:2] == (400, "MissingTitle")
    assert _create_error(info, Title="t")[:2] == (400, "MissingFileName")


def test_title_length_is_counted_in_utf8_bytes(info: dict[str, Any]) -> None:
    assert create_video(info, title="a" * 128)["VideoId"]
    assert create_video(info, title="视" * 42)["VideoId"]  # 126 bytes
    status, code, message = _create_error(info, Title="视" * 43, FileName="a.mp4")  # 129 bytes
    assert (status, code) == (400, "LengthExceededMax")
    assert message == "The specified Title length has exceeded 128 bytes."


def test_emoji_in_title_description_or_tags_is_refused(info: dict[str, Any]) -> None:
    assert _create_error(info, Title="party \U0001F389", FileName="a.mp4") == (
        400, "IllegalCharacters", "The specified Title contains illegal emoticon or special characters.")
    for param in ({"Description": "\U0001F600"}, {"Tags": "ok,\U0001F600"}):
        assert _create_error(info, Title="t", FileName="a.mp4", **param)[1] == "IllegalCharacters"


def test_description_and_tag_limits(info: dict[str, Any]) -> None:
    status, code, message = _create_error(info, Title="t", FileName="a.mp4", Description="d" * 1025)
    assert (status, code, message) == (400, "LengthExceededMax",
                                       "The specified Description length has exceeded 1024 bytes.")
    assert _create_error(info, Title="t", FileName="a.mp4", Tags=",".join(f"t{i}" for i in range(17))) == (
        400, "TagsExceededMax", "The specified Tags count has exceeded 16.")
    assert _create_error(info, Title="t", FileName="a.mp4", Tags="x" * 33)[:2] == (400, "LengthExceededMax")
    created = create_video(info, Tags=",".join(f"t{i}" for i in range(16)), Description="d" * 1024)
    assert video_info(info, created["VideoId"])["Tags"].count(",") == 15


def test_numeric_parameters(info: dict[str, Any]) -> None:
    assert _create_error(info, Title="t", FileName="a.mp4", FileSize="-1")[:2] == (400, "InvalidFileSize")
    assert _create_error(info, Title="t", FileName="a.mp4", FileSize="12kb")[:2] == (400, "InvalidFileSize")
    assert _create_error(info, Title="t", FileName="a.mp4", CateId="music")[:2] == (400, "InvalidCateId")
    created = create_video(info, FileSize="12345", CateId="1000")
    video = video_info(info, created["VideoId"])
    assert (video["Size"], video["CateId"]) == (12345, 1000)


def test_template_group_workflow_storage_and_app(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    assert create_video(info, TemplateGroupId="VOD_NO_TRANSCODE")["VideoId"]
    assert _create_error(info, Title="t", FileName="a.mp4", TemplateGroupId="0" * 32) == (
        404, "InvalidTemplateGroupId.NotFound", "The TemplateGroupId does not exist.")
    assert _create_error(info, Title="t", FileName="a.mp4", WorkflowId="nope")[:2] == (
        404, "InvalidWorkflowId.NotFound")
    model = sandbox.context.models["vod"]
    assert create_video(info, WorkflowId=model.workflow_id)["VideoId"]
    assert create_video(info, TemplateGroupId=model.default_template_group_id)["VideoId"]
    assert create_video(info, StorageLocation=model.storage_location)["VideoId"]
    assert _create_error(info, Title="t", FileName="a.mp4",
                         StorageLocation="outin-0.oss-cn-beijing.aliyuncs.com") == (
        404, "InvalidStorage.NotFound", "The StorageLocation does not exist.")
    assert create_video(info, AppId="app-1000000")["VideoId"]
    assert _create_error(info, Title="t", FileName="a.mp4", AppId="app-2")[:2] == (
        404, "InvalidAppId.NotFound")


def test_user_data_must_be_a_json_object_with_an_http_callback(info: dict[str, Any]) -> None:
    good = '{"MessageCallback":{"CallbackURL":"https://example.com/cb"},"Extend":{"localId":"7"}}'
    created = create_video(info, UserData=good)
    assert '"localId"' in video_info(info, created["VideoId"])["UserData"]
    for bad in ("not json", "[1, 2]", '"text"', '{"MessageCallback":{"CallbackURL":"ftp://x/y"}}',
                '{"MessageCallback":{"CallbackURL":"example.com/cb"}}'):
        error = _create_error(info, Title="t", FileName="a.mp4", UserData=bad)
        assert error[:2] == (400, "InvalidUserData"), bad


def test_reference_id_format_and_uniqueness(info: dict[str, Any]) -> None:
    created = create_video(info, ReferenceId="my-ref_001")
    assert video_info(info, created["VideoId"])["ReferenceId"] == "my-ref_001"
    assert _create_error(info, Title="t", FileName="a.mp4", ReferenceId="my-ref_001")[:2] == (
        400, "InvalidReferenceId.Duplicate")
    for bad in ("short", "x" * 65, "has space", "semi;colon"):
        assert _create_error(info, Title="t", FileName="a.mp4", ReferenceId=bad)[:2] == (
            400, "InvalidReferenceId"), bad


def test_refresh_keeps_the_address_and_changes_the_keys(info: dict[str, Any]) -> None:
    created = create_video(info, ReferenceId="refresh-me")
    req = RefreshUploadVideoRequest()
    req.set_VideoId(created["VideoId"])
    refreshed = vod(info, req)
    assert refreshed["VideoId"] == created["VideoId"]
    assert decode(refreshed["UploadAddress"]) == decode(created["UploadAddress"])
    old, new = decode(created["UploadAuth"]), decode(refreshed["UploadAuth"])
    assert new["AccessKeyId"] != old["AccessKeyId"]
    assert new["SecurityToken"] != old["SecurityToken"]
    assert new["AccessKeySecret"] != old["AccessKeySecret"]

    by_reference = RefreshUploadVideoRequest()
    by_reference.set_ReferenceId("refresh-me")
    assert vod(info, by_reference)["VideoId"] == created["VideoId"]


def test_refresh_unknown_video(info: dict[str, Any]) -> None:
    req = RefreshUploadVideoRequest()
    req.set_VideoId("0" * 32)
    err = vod_error(info, req)
    assert (err.get_http_status(), err.get_error_code(), err.get_error_msg()) == (
        404, "InvalidVideo.NotFound", "The video not exist.")
    assert vod_error(info, RefreshUploadVideoRequest()).get_error_code() == "MissingVideoId"


def test_create_upload_image(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    req = CreateUploadImageRequest()
    req.set_ImageType("cover")
    req.set_ImageExt("JPG")
    req.set_Title("poster")
    answer = vod(info, req)
    assert set(answer) == {"RequestId", "ImageId", "ImageURL", "FileURL", "UploadAddress", "UploadAuth"}
    address = decode(answer["UploadAddress"])
    assert address["FileName"].endswith(".jpg")
    assert answer["FileURL"] == f"{sandbox.url}/{address['Bucket']}/{address['FileName']}"
    assert answer["ImageURL"].startswith(f"{sandbox.url}/_cdn/{address['Bucket']}/")
    assert "auth_key=" in answer["ImageURL"]
    assert decode(answer["UploadAuth"])["Expiration"] == "3000"

    cases = (("poster", "png", "InvalidImageType"), ("default", "bmp", "InvalidImageExt"))
    for image_type, ext, code in cases:
        bad = CreateUploadImageRequest()
        bad.set_ImageType(image_type)
        bad.set_ImageExt(ext)
        assert vod_error(info, bad).get_error_code() == code
    assert vod_error(info, CreateUploadImageRequest()).get_error_code() == "MissingImageType"


def test_create_upload_attached_media(info: dict[str, Any]) -> None:
    req = CreateUploadAttachedMediaRequest()
    req.set_BusinessType("subtitle")
    req.set_FileName("D:\\subs\\movie.en.VTT")
    answer = vod(info, req)
    assert set(answer) == {"RequestId", "MediaId", "MediaURL", "FileURL", "UploadAddress", "UploadAuth"}
    assert decode(answer["UploadAddress"])["FileName"].startswith("subtitle/")
    assert decode(answer["UploadAddress"])["FileName"].endswith(".vtt")

    wrong = CreateUploadAttachedMediaRequest()
    wrong.set_BusinessType("watermark")
    wrong.set_MediaExt("srt")
    assert vod_error(info, wrong).get_error_code() == "InvalidMediaExt"
    unknown = CreateUploadAttachedMediaRequest()
    unknown.set_BusinessType("poster")
    unknown.set_MediaExt("png")
    assert vod_error(info, unknown).get_error_code() == "InvalidBusinessType"


def test_get_upload_details(info: dict[str, Any]) -> None:
    created = create_video(info, title="details", FileSize="42")
    req = GetUploadDetailsRequest()
    req.set_MediaIds(f"{created['VideoId']},{'0' * 32}")
    answer = vod(info, req)
    assert answer["NonExistMediaIds"] == ["0" * 32]
    detail = answer["UploadDetails"][0]
    assert detail["MediaId"] == created["VideoId"]
    assert (detail["Title"], detail["Status"], detail["FileSize"]) == ("details", "Uploading", 42)

    too_many = GetUploadDetailsRequest()
    too_many.set_MediaIds(",".join(f"{i:032x}" for i in range(21)))
    err = vod_error(info, too_many)
    assert (err.get_http_status(), err.get_error_code()) == (400, "LimitExceeded.MediaIds")


def test_a_ram_user_without_vod_permission_is_refused(info: dict[str, Any]) -> None:
    user = info["ram_user"]
    client = acs_client(info, user["access_key_id"], user["access_key_secret"])
    req = CreateUploadVideoRequest()
    req.set_Title("t")
    req.set_FileName("a.mp4")
    assert vod_error(info, req, client).get_error_code() == "Forbidden.RAM"
