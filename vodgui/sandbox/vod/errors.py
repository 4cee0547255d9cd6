"""VOD-specific POP errors, with the codes, messages and HTTP statuses the real service answers.

Sources: the error tables of the AlibabaCloudDocs/vod API pages (CreateUploadVideo, RefreshUploadVideo,
GetPlayInfo, GetVideoPlayAuth, DeleteVideo, GetUploadDetails), summarised in docs/protocols.md, 'VOD and STS
error codes'. Anything marked UNCONFIRMED could not be checked against public material; the code and wording are
the sandbox's best guess.
"""

from __future__ import annotations

from vodgui.sandbox.rpc import RpcError


def illegal_extension() -> RpcError:
    return RpcError(400, "InvalidFileName.Extension", "The specified FileName's extension is illegal.")


def illegal_characters(param: str) -> RpcError:
    return RpcError(400, "IllegalCharacters",
                    f"The specified {param} contains illegal emoticon or special characters.")


def length_exceeded(param: str, max_bytes: int) -> RpcError:
    return RpcError(400, "LengthExceededMax", f"The specified {param} length has exceeded {max_bytes} bytes.")


def tags_exceeded() -> RpcError:
    return RpcError(400, "TagsExceededMax", "The specified Tags count has exceeded 16.")


def template_group_not_found() -> RpcError:
    return RpcError(404, "InvalidTemplateGroupId.NotFound", "The TemplateGroupId does not exist.")


def workflow_not_found() -> RpcError:
    # UNCONFIRMED: code and message modelled on InvalidTemplateGroupId.NotFound.
    return RpcError(404, "InvalidWorkflowId.NotFound", "The WorkflowId does not exist.")


def storage_not_found() -> RpcError:
    return RpcError(404, "InvalidStorage.NotFound", "The StorageLocation does not exist.")


def app_not_found() -> RpcError:
    # UNCONFIRMED: the code other Alibaba Cloud products use for an unknown AppId (SAE, RTC); VOD's own
    # wording is not published.
    return RpcError(404, "InvalidAppId.NotFound", "The specified AppId does not exist.")


def reference_id_duplicate() -> RpcError:
    # UNCONFIRMED: the real code for a second media with the same ReferenceId is not published.
    return RpcError(400, "InvalidReferenceId.Duplicate", "The specified ReferenceId already exists.")


def invalid_parameter(param: str) -> RpcError:
    # The dotted form UploadMediaByURL documents (InvalidParameter.UploadURLs); used for its other
    # parameters and GetURLUploadInfos' too (UNCONFIRMED there).
    return RpcError(400, f"InvalidParameter.{param}", f"The specified parameter {param} is not valid.")


def session_id_duplicate() -> RpcError:
    # UNCONFIRMED: UploadMediaByURL documents that a SessionId repeated within 10 minutes is an error, not which.
    return RpcError(400, "InvalidSessionId.Duplicate", "The specified SessionId was used in the last 10 minutes.")


def video_not_found() -> RpcError:
    return RpcError(404, "InvalidVideo.NotFound", "The video does not exist.")


def refresh_video_not_found() -> RpcError:
    # RefreshUploadVideo's own table words it differently from the other actions.
    return RpcError(404, "InvalidVideo.NotFound", "The video not exist.")


def illegal_status_play_info(status: str) -> RpcError:
    return RpcError(403, "Forbidden.IllegalStatus",
                    f"Status of the video is illegal. Current Status is {status}.")


def illegal_status_play_auth(status: str) -> RpcError:
    # The wording seen in the wild for GetVideoPlayAuth (docs/protocols.md, 'VOD and STS error codes'); its docs
    # list 403.
    return RpcError(403, "Forbidden.IllegalStatus",
                    "Status of the video is illegal. "
                    f"Currently Video Status is {status} and AuditStatus is Init.")


def none_stream(formats: str, definition: str, stream_type: str) -> RpcError:
    # The documented shape names the three filters; how the real service renders an absent filter is
    # UNCONFIRMED (the sandbox leaves it empty).
    return RpcError(404, "InvalidVideo.NoneStream",
                    "The video has no stream to play for the request parameter "
                    f"'Formats: {formats}, Definition: {definition}, StreamType: {stream_type}'.")


def video_ids_exceeded() -> RpcError:
    return RpcError(400, "VideoIdsExceededMax", "The VideoIds exceeded maximum.")


def image_ids_exceeded() -> RpcError:
    # UNCONFIRMED: DeleteImage documents the limit of 20, not the error; modelled on LimitExceeded.MediaIds.
    return RpcError(400, "LimitExceeded.ImageIds", 'The input parameter "ImageIds" Exceed the limit.')


def image_urls_exceeded() -> RpcError:
    # UNCONFIRMED, as image_ids_exceeded.
    return RpcError(400, "LimitExceeded.ImageURLs", 'The input parameter "ImageURLs" Exceed the limit.')


def media_ids_exceeded() -> RpcError:
    return RpcError(400, "LimitExceeded.MediaIds", 'The input parameter "MediaIds" Exceed the limit.')


# -- PlayAuth verification on GetPlayInfo --------------------------------------------------------------------
# UNCONFIRMED: the codes the real service gives the player SDK for a bad AuthInfo are not public. They are
# 403s named after the part of the AuthInfo that failed, so a client can tell "expired, fetch a new PlayAuth"
# from "this PlayAuth is not for this video".


def auth_info_malformed() -> RpcError:
    return RpcError(403, "InvalidAuthInfo.Malformed", "The specified AuthInfo is malformed.")


def auth_info_signature() -> RpcError:
    return RpcError(403, "InvalidAuthInfo.Signature", "The signature of the specified AuthInfo is invalid.")


def auth_info_media() -> RpcError:
    return RpcError(403, "InvalidAuthInfo.MediaId", "The specified AuthInfo does not authorize this video.")


def auth_info_expired() -> RpcError:
    return RpcError(403, "InvalidAuthInfo.ExpireTime", "The specified AuthInfo has expired.")


def aliyun_vod_encryption() -> RpcError:
    # Documented code (GetPlayInfo error table); the message and the exact rule are UNCONFIRMED: the sandbox
    # answers it when every matching stream is privately encrypted and ResultType is not Multiple.
    return RpcError(403, "Forbidden.AliyunVoDEncryption",
                    "The video is encrypted with Alibaba Cloud VOD encryption; only the ApsaraVideo Player can "
                    "play it. Request ResultType=Multiple to list the encrypted streams.")


def play_key_invalid() -> RpcError:
    # SetAppPlayKey: "only letters and digits, 8 to 20 characters" (GetAppPlayKey docs); code UNCONFIRMED.
    return RpcError(400, "InvalidParameter.PlayKey",
                    "The specified PlayKey is invalid: use 8 to 20 letters and digits.")
