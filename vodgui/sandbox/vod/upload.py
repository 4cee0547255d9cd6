"""RPC handlers of the upload actions: CreateUploadVideo, RefreshUploadVideo, CreateUploadImage,
CreateUploadAttachedMedia, GetUploadDetails, UploadMediaByURL and GetURLUploadInfos.

The rules live in :class:`~vodgui.sandbox.vod.models.VodModel` (the AppServer shares them); these handlers
only read parameters through the :class:`~vodgui.sandbox.rpc.RpcContext` and shape the answer.
"""

from __future__ import annotations

from typing import Any

from vodgui.sandbox.clock import iso_utc
from vodgui.sandbox.rpc import Handler, RpcContext, invalid
from vodgui.sandbox.vod import errors
from vodgui.sandbox.vod import validation as v
from vodgui.sandbox.vod.models import VodModel
from vodgui.sandbox.vod.playback import resolve_video


def upload_actions(model: VodModel) -> dict[str, Handler]:
    """The upload actions of the VOD product, bound to ``model``."""

    def create_upload_video(rpc: RpcContext) -> dict[str, Any]:
        return dict(model.create_upload_video(rpc))

    def refresh_upload_video(rpc: RpcContext) -> dict[str, Any]:
        media = resolve_video(model, rpc, not_found=errors.refresh_video_not_found)
        return dict(model.refresh_upload_video(media.media_id))

    def create_upload_image(rpc: RpcContext) -> dict[str, Any]:
        return dict(model.create_upload_image(rpc))

    def create_upload_attached_media(rpc: RpcContext) -> dict[str, Any]:
        return dict(model.create_upload_attached_media(rpc))

    def get_upload_details(rpc: RpcContext) -> dict[str, Any]:
        ids = v.id_list(rpc, "MediaIds", 20, errors.media_ids_exceeded())
        media_type = rpc.get("MediaType") or "video"
        if media_type != "video":
            raise invalid("MediaType")
        now = model.now()
        details: list[dict[str, Any]] = []
        missing_ids: list[str] = []
        for media_id in ids:
            media = model.get(media_id)
            if media is None:
                missing_ids.append(media_id)
                continue
            done = media.uploaded_at is not None
            # UNCONFIRMED: the real service fills ratios only from its own upload SDKs' progress reports; the
            # sandbox reports what OSS saw (nothing until the object completes, then everything).
            detail: dict[str, Any] = {
                "MediaId": media.media_id,
                "Title": media.title,
                "Status": media.status(now),
                "UploadStatus": "UPLOADED" if done else "UPLOADING",
                "UploadRatio": 1.0 if done else 0.0,
                "UploadSize": media.size or 0,
                "CreationTime": iso_utc(media.created_at),
                "ModificationTime": iso_utc(media.modified(now)),
            }
            size = media.size if done else media.file_size
            if size is not None:
                detail["FileSize"] = size
            if media.uploaded_at is not None:
                detail["CompletionTime"] = iso_utc(media.uploaded_at)
            details.append(detail)
        return {"UploadDetails": details, "NonExistMediaIds": missing_ids, "ForbiddenMediaIds": []}

    def upload_media_by_url(rpc: RpcContext) -> dict[str, Any]:
        return {"UploadJobs": model.url_jobs.submit(rpc)}

    def get_url_upload_infos(rpc: RpcContext) -> dict[str, Any]:
        return model.url_jobs.infos(rpc)

    return {
        "UploadMediaByURL": upload_media_by_url,
        "GetURLUploadInfos": get_url_upload_infos,
        "CreateUploadVideo": create_upload_video,
        "RefreshUploadVideo": refresh_upload_video,
        "CreateUploadImage": create_upload_image,
        "CreateUploadAttachedMedia": create_upload_attached_media,
        "GetUploadDetails": get_upload_details,
    }
