"""The VOD 2017-03-21 product for the POP front door: the action table plus the media-library actions
(GetVideoInfo, GetVideoInfos, UpdateVideoInfo, DeleteVideo, DeleteImage, DeleteAttachedMedia)."""

from __future__ import annotations

import json
from typing import Any

from vodgui.sandbox.clock import iso_utc
from vodgui.sandbox.rpc import Handler, RpcContext, RpcProduct, invalid, missing
from vodgui.sandbox.service import SandboxContext
from vodgui.sandbox.vod import errors
from vodgui.sandbox.vod import validation as v
from vodgui.sandbox.vod.apps import app_actions
from vodgui.sandbox.vod.catalog import Categories, catalog_actions
from vodgui.sandbox.vod.media import KIND_ATTACHED, KIND_IMAGE, Media
from vodgui.sandbox.vod.models import VodModel
from vodgui.sandbox.vod.playback import SELF_AUTHORIZING, playback_actions, resolve_video
from vodgui.sandbox.vod.upload import upload_actions

VERSION = "2017-03-21"
MAX_IDS = 20
#: DeleteImage by VideoId: which of the video's images go. The sandbox makes no snapshots, so there is never one
#: to delete; the values are still checked. UNCONFIRMED beyond All, CoverSnapshot and NormalSnapshot.
SNAPSHOT_TYPES = frozenset({"All", "CoverSnapshot", "NormalSnapshot", "SpriteSnapshot", "SpriteOriginSnapshot"})


def video_info(ctx: SandboxContext, model: VodModel, media: Media, *,
               snapshots_wrapped: bool) -> dict[str, Any]:
    """The ``Video`` structure of GetVideoInfo / an entry of GetVideoInfos' ``VideoList``.

    Empty optional fields are left out, as the service does. GetVideoInfo wraps Snapshots as
    ``{"Snapshot": [...]}`` while GetVideoInfos gives a plain list (their Tea models differ).
    """
    now = model.now()
    info: dict[str, Any] = {
        "VideoId": media.media_id,
        "Title": media.title,
        "Status": media.status(now),
        "CreationTime": iso_utc(media.created_at),
        "ModificationTime": iso_utc(media.modified(now)),
        "TemplateGroupId": media.template_group_id,
        "StorageLocation": media.storage_location,
        "RegionId": ctx.config.region,
        "AppId": media.app_id,
        "DownloadSwitch": "on",
        "StorageClass": "Standard",
        "Snapshots": {"Snapshot": []} if snapshots_wrapped else [],
    }
    size = media.size if media.uploaded_at is not None else media.file_size
    optional: dict[str, Any] = {
        "Description": media.description or None,
        "Duration": round(media.duration, 4) if media.duration is not None else None,
        "CoverURL": model.present_cover(media.cover_url) or None,
        "Size": size,
        "CateId": media.cate_id,
        "Tags": ",".join(media.tags) or None,
        "ReferenceId": media.reference_id or None,
        "UserData": json.dumps(media.user_data, ensure_ascii=False) if media.user_data else None,
    }
    info.update({k: val for k, val in optional.items() if val is not None})
    return info


def library_actions(ctx: SandboxContext, model: VodModel) -> dict[str, Handler]:
    def get_video_info(rpc: RpcContext) -> dict[str, Any]:
        media = resolve_video(model, rpc)
        return {"Video": video_info(ctx, model, media, snapshots_wrapped=True)}

    def _ids(rpc: RpcContext) -> tuple[list[str], list[str]]:
        """(video ids, reference ids that do not exist) from VideoIds, or else ReferenceIds."""
        if rpc.get("VideoIds") is not None or rpc.get("ReferenceIds") is None:
            if rpc.get("VideoIds") is None:
                raise missing("VideoIds")
            return v.id_list(rpc, "VideoIds", MAX_IDS, errors.video_ids_exceeded()), []
        refs = v.id_list(rpc, "ReferenceIds", MAX_IDS, errors.video_ids_exceeded())
        found: list[str] = []
        unknown: list[str] = []
        for ref in refs:
            media = model.find_reference(ref)
            if media is None:
                unknown.append(ref)
            else:
                found.append(media.media_id)
        return found, unknown

    def get_video_infos(rpc: RpcContext) -> dict[str, Any]:
        ids, unknown_refs = _ids(rpc)
        videos: list[dict[str, Any]] = []
        missing_ids: list[str] = []
        for video_id in ids:
            media = model.get(video_id)
            if media is None:
                missing_ids.append(video_id)
            else:
                videos.append(video_info(ctx, model, media, snapshots_wrapped=False))
        body: dict[str, Any] = {"VideoList": videos, "NonExistVideoIds": missing_ids}
        if rpc.get("VideoIds") is None:
            body["NonExistReferenceIds"] = unknown_refs
        return body

    def delete_video(rpc: RpcContext) -> dict[str, Any]:
        ids, unknown_refs = _ids(rpc)
        # UNCONFIRMED: unknown ids are reported in NonExistVideoIds with a 200, not as InvalidVideo.NotFound.
        missing_ids = [video_id for video_id in ids if not model.delete_video(video_id)]
        body: dict[str, Any] = {"NonExistVideoIds": missing_ids, "ForbiddenVideoIds": []}
        if rpc.get("VideoIds") is None:
            body["NonExistReferenceIds"] = unknown_refs
        return body

    def update_video_info(rpc: RpcContext) -> dict[str, Any]:
        model.update_video_info(rpc)
        return {}

    def delete_image(rpc: RpcContext) -> dict[str, Any]:
        """DeleteImage by ImageId, ImageURL or VideoId (DeleteImageType says which; only that mode's parameters
        count). The answer is only a RequestId: an id or URL that names no image is not reported.
        UNCONFIRMED: that unknown ImageIds/ImageURLs pass silently rather than failing."""
        mode = rpc.get("DeleteImageType")
        if mode is None:
            raise missing("DeleteImageType")
        if mode == "ImageId":
            for image_id in v.id_list(rpc, "ImageIds", MAX_IDS, errors.image_ids_exceeded()):
                model.delete_media(image_id, KIND_IMAGE)
        elif mode == "ImageURL":
            for url in v.id_list(rpc, "ImageURLs", MAX_IDS, errors.image_urls_exceeded()):
                media = model.image_for_url(url)
                if media is not None:
                    model.delete_media(media.media_id, KIND_IMAGE)
        elif mode == "VideoId":
            video_id = rpc.get("VideoId")
            if not video_id:
                raise missing("VideoId")
            image_type = rpc.get("ImageType")
            if image_type is None:
                raise missing("ImageType")
            if image_type not in SNAPSHOT_TYPES:
                raise invalid("ImageType")
            if model.get(video_id) is None:
                raise errors.video_not_found()
        else:
            raise invalid("DeleteImageType")
        return {}

    def delete_attached_media(rpc: RpcContext) -> dict[str, Any]:
        # UNCONFIRMED: the error for more than 20 ids (the documented limit); GetUploadDetails' code is used.
        ids = v.id_list(rpc, "MediaIds", MAX_IDS, errors.media_ids_exceeded())
        return {"NonExistMediaIds": [media_id for media_id in ids if not model.delete_media(media_id, KIND_ATTACHED)]}

    return {"GetVideoInfo": get_video_info, "GetVideoInfos": get_video_infos, "UpdateVideoInfo": update_video_info,
            "DeleteVideo": delete_video, "DeleteImage": delete_image, "DeleteAttachedMedia": delete_attached_media}


def make_vod_product(ctx: SandboxContext, model: VodModel) -> RpcProduct:
    """VOD for the POP front door: ``vod:<Action>`` RAM checks, GetPlayInfo authorizing itself."""
    categories = Categories(ctx)
    actions: dict[str, Handler] = {
        **upload_actions(model),
        **playback_actions(ctx, model),
        **library_actions(ctx, model),
        **app_actions(ctx, model),
        **catalog_actions(ctx, categories),
    }

    def reset() -> None:
        model.reset()
        categories.reset()

    return RpcProduct("vod", VERSION, f"vod.{ctx.config.region}.aliyuncs.com", actions,
                      self_authorizing=SELF_AUTHORIZING, reset=reset)
