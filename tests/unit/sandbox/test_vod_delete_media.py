"""DeleteImage and DeleteAttachedMedia through the official SDK: what they take, what they remove, how they fail."""

from __future__ import annotations

from typing import Any

import pytest
from aliyunsdkvod.request.v20170321.CreateUploadAttachedMediaRequest import CreateUploadAttachedMediaRequest
from aliyunsdkvod.request.v20170321.CreateUploadImageRequest import CreateUploadImageRequest
from aliyunsdkvod.request.v20170321.DeleteAttachedMediaRequest import DeleteAttachedMediaRequest
from aliyunsdkvod.request.v20170321.DeleteImageRequest import DeleteImageRequest

from tests.helpers.sdk import oss_bucket
from tests.helpers.vod import create_video, decode, vod, vod_error
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.client import SandboxControl, SandboxControlError

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _put(created: dict[str, Any], body: bytes) -> dict[str, Any]:
    """Upload ``body`` with a Create* answer's credentials; returns the decoded UploadAddress."""
    address, auth = decode(created["UploadAddress"]), decode(created["UploadAuth"])
    oss_bucket(address["Endpoint"], address["Bucket"], auth["AccessKeyId"], auth["AccessKeySecret"],
               auth["SecurityToken"]).put_object(address["FileName"], body)
    return address


def _image(info: dict[str, Any]) -> dict[str, Any]:
    req = CreateUploadImageRequest()
    req.set_ImageType("default")
    req.set_ImageExt("png")
    return vod(info, req)


def _attached(info: dict[str, Any]) -> dict[str, Any]:
    req = CreateUploadAttachedMediaRequest()
    req.set_BusinessType("subtitle")
    req.set_MediaExt("vtt")
    return vod(info, req)


def _gone(sandbox: SandboxServer, media_id: str, address: dict[str, Any]) -> bool:
    with pytest.raises(SandboxControlError, match="404"):
        SandboxControl(sandbox.url).video(media_id)
    return sandbox.context.models["oss"].head(address["Bucket"], address["FileName"]) is None


def test_delete_image_by_id_removes_the_record_and_the_object(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    kept, gone = _image(info), _image(info)
    address = _put(gone, PNG)
    _put(kept, PNG)
    req = DeleteImageRequest()
    req.set_DeleteImageType("ImageId")
    req.set_ImageIds(f"{gone['ImageId']},{'d' * 32}")  # an unknown id does not fail the call
    assert set(vod(info, req)) == {"RequestId"}
    assert _gone(sandbox, gone["ImageId"], address)
    assert SandboxControl(sandbox.url).video(kept["ImageId"])["kind"] == "image"


def test_delete_image_by_url(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    image = _image(info)
    address = _put(image, PNG)
    req = DeleteImageRequest()
    req.set_DeleteImageType("ImageURL")
    req.set_ImageURLs(image["ImageURL"])  # the signed CDN URL CreateUploadImage answered
    vod(info, req)
    assert _gone(sandbox, image["ImageId"], address)


def test_delete_image_does_not_delete_other_kinds(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    video = create_video(info)
    req = DeleteImageRequest()
    req.set_DeleteImageType("ImageId")
    req.set_ImageIds(video["VideoId"])
    vod(info, req)
    assert SandboxControl(sandbox.url).video(video["VideoId"])["kind"] == "video"


def _image_error(info: dict[str, Any], **params: str) -> tuple[int, str]:
    req = DeleteImageRequest()
    for name, value in params.items():
        req.add_query_param(name, value)
    err = vod_error(info, req)
    return err.get_http_status(), err.get_error_code()


def test_delete_image_checks_its_parameters(info: dict[str, Any]) -> None:
    video_id = create_video(info)["VideoId"]
    assert _image_error(info) == (400, "MissingDeleteImageType")
    assert _image_error(info, DeleteImageType="Everything") == (400, "InvalidDeleteImageType")
    # Each mode needs its own parameters; the other modes' parameters do not stand in for them.
    assert _image_error(info, DeleteImageType="ImageId", ImageURLs="http://x/y.png") == (400, "MissingImageIds")
    assert _image_error(info, DeleteImageType="ImageURL", ImageIds="a" * 32) == (400, "MissingImageURLs")
    assert _image_error(info, DeleteImageType="VideoId", ImageType="All") == (400, "MissingVideoId")
    assert _image_error(info, DeleteImageType="VideoId", VideoId=video_id) == (400, "MissingImageType")
    assert _image_error(info, DeleteImageType="VideoId", VideoId=video_id, ImageType="Cover") == (
        400, "InvalidImageType")
    assert _image_error(info, DeleteImageType="VideoId", VideoId="f" * 32, ImageType="All") == (
        404, "InvalidVideo.NotFound")
    too_many = ",".join(f"{i:032x}" for i in range(21))
    assert _image_error(info, DeleteImageType="ImageId", ImageIds=too_many) == (400, "LimitExceeded.ImageIds")
    req = DeleteImageRequest()
    req.set_DeleteImageType("VideoId")
    req.set_VideoId(video_id)
    req.set_ImageType("All")
    vod(info, req)  # the sandbox makes no snapshots: nothing to delete, and no error


def test_delete_attached_media(sandbox: SandboxServer, info: dict[str, Any]) -> None:
    media = _attached(info)
    address = _put(media, b"WEBVTT\n\n")
    image = _image(info)
    req = DeleteAttachedMediaRequest()
    req.set_MediaIds(f"{media['MediaId']},{image['ImageId']},{'e' * 32}")
    answer = vod(info, req)
    # Only attached media go; an image id is not one, so it is reported with the unknown id.
    assert answer["NonExistMediaIds"] == [image["ImageId"], "e" * 32]
    assert _gone(sandbox, media["MediaId"], address)
    assert SandboxControl(sandbox.url).video(image["ImageId"])["kind"] == "image"


def test_delete_attached_media_limits(info: dict[str, Any]) -> None:
    err = vod_error(info, DeleteAttachedMediaRequest())
    assert (err.get_http_status(), err.get_error_code()) == (400, "MissingMediaIds")
    req = DeleteAttachedMediaRequest()
    req.set_MediaIds(",".join(f"{i:032x}" for i in range(21)))
    assert vod_error(info, req).get_error_code() == "LimitExceeded.MediaIds"
