"""One place that turns typed errors into sentences a user can act on (OnionShare keeps one function for all
Tor errors the same way). The cause first, then the fix; the service's code and RequestId stay available."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from vodgui.core.errors import VodError
from vodgui.core.transfer.events import JobError


def _by_kind() -> dict[str, str]:
    return {
        "network": QCoreApplication.translate("errors", "The service could not be reached. Check the network connection, the endpoint and the "
                       "proxy setting."),
        "throttled": QCoreApplication.translate("errors", "The service is limiting the request rate. vodgui retried; try again in a minute."),
        "server": QCoreApplication.translate("errors", "The service had a temporary failure. vodgui retried; try again later."),
        "auth_key_id": QCoreApplication.translate("errors", "The AccessKey ID is unknown or disabled. Check it in the RAM console and edit the "
                           "profile."),
        "auth_secret": QCoreApplication.translate("errors", "The AccessKey secret (or AppServer token) is wrong: the key ID is known but the "
                           "signature does not match. Enter the secret again in the profile."),
        "auth_expired": QCoreApplication.translate("errors", "The temporary credentials expired and could not be renewed. Test the profile's "
                            "connection."),
        "clock_skew": QCoreApplication.translate("errors", "This computer's clock is more than 15 minutes off. Correct the date and time, then "
                          "retry."),
        "permission": QCoreApplication.translate("errors", "The key or role is valid but not allowed to do this. Ask an administrator to grant "
                          "the VOD permission (for uploads: vod:CreateUploadVideo and vod:RefreshUploadVideo)."),
        "role": QCoreApplication.translate("errors", "The role does not exist or this user may not assume it. Check the RoleArn and the role's "
                    "trust policy."),
        "not_found": QCoreApplication.translate("errors", "The video or upload no longer exists on the service."),
        "bad_request": QCoreApplication.translate("errors", "The service refused a value. Check the video's metadata."),
        "status": QCoreApplication.translate("errors", "The video is not in a state that allows this yet."),
        "file": QCoreApplication.translate("errors", "There is a problem with the local file."),
        "integrity": QCoreApplication.translate("errors", "The data arrived corrupted (CRC64 mismatch). Retry the upload."),
        "config": QCoreApplication.translate("errors", "The profile settings are not valid."),
        "keychain": QCoreApplication.translate("errors", "No usable system keychain: secrets are never stored in a plain file. Unlock or install "
                        "a keychain (GNOME Keyring, KWallet), or use an AppServer profile."),
    }


def _by_code() -> dict[str, str]:
    return {
        "FileNotFound": QCoreApplication.translate("errors", "The file is not there any more. Put it back, or remove the item."),
        "FileVanished": QCoreApplication.translate("errors", "The file disappeared during the upload. Put it back and retry: finished parts are "
                            "kept."),
        "FileUnreadable": QCoreApplication.translate("errors", "The file cannot be read. Check its permissions."),
        "IsADirectory": QCoreApplication.translate("errors", "This is a folder. Add the files inside it instead."),
        "EmptyFile": QCoreApplication.translate("errors", "The file is empty (0 bytes); VOD cannot accept it."),
        "InvalidFileName.Extension": QCoreApplication.translate("errors", "VOD does not accept this file type as video or audio."),
        "FileChangedDuringUpload": QCoreApplication.translate("errors", "The file changed while it was being uploaded. Retry to upload the new "
                                       "version from the start."),
        "InvalidTimeStamp.Expired": _by_kind()["clock_skew"],
        "RequestTimeTooSkewed": _by_kind()["clock_skew"],
        "InvalidAccessKeySecret": _by_kind()["auth_secret"],
        "SignatureDoesNotMatch": _by_kind()["auth_secret"],
        "MissingSecret": QCoreApplication.translate("errors", "The profile's secret is not in the keychain. Edit the profile and enter it again."),
        "KeychainUnavailable": _by_kind()["keychain"],
        "EntityNotExist.Role": _by_kind()["role"],
        "InvalidVideo.NotFound": QCoreApplication.translate("errors", "The video does not exist (it may have been deleted)."),
        "Forbidden.IllegalStatus": QCoreApplication.translate("errors", "The video cannot be played yet: it must be in the Normal status."),
        "InvalidVideo.NoneStream": QCoreApplication.translate("errors", "The video has no stream matching the chosen format and definition."),
        "InvalidAuthInfo.ExpireTime": QCoreApplication.translate("errors", "The PlayAuth has expired (its AuthInfoTimeout has passed)."),
        "AppServerUnauthorized": QCoreApplication.translate("errors", "The AppServer refused the token. Check the token in the profile."),
        "QueueBusy": QCoreApplication.translate("errors", "Another vodgui window or command is running the upload queue."),
        # Playback tester (issue 5).
        "InvalidAuthInfo.Signature": QCoreApplication.translate("errors", "The PlayAuth's AuthInfo was altered or was not issued for this account. "
                                         "Get a new PlayAuth."),
        "InvalidAuthInfo.MediaId": QCoreApplication.translate("errors", "This PlayAuth was issued for another video."),
        "InvalidAuthInfo.Malformed": QCoreApplication.translate("errors", "The AuthInfo sent with the PlayAuth is malformed. Get a new PlayAuth."),
        "MissingAuthInfo": QCoreApplication.translate("errors", "GetPlayInfo was called with a PlayAuth's credentials but without its AuthInfo."),
        "InvalidAuthInfoTimeout": QCoreApplication.translate("errors", "AuthInfoTimeout must be between 100 and 3000 seconds."),
        "InvalidPlayConfig": QCoreApplication.translate("errors", 'PlayConfig must be a JSON object, e.g. {"PlayDomain": "vod.example.com"}.'),
        "InvalidVideoId": QCoreApplication.translate("errors", "That is not a VideoId. Copy the 32-character id from the upload or the VOD console."),
        "NoVodAccess": QCoreApplication.translate("errors", "This profile gets upload credentials from an AppServer and holds no VOD key, so it "
                           "cannot ask VOD itself (media status, PlayAuth, play info). Use an AccessKey or STS "
                           "profile for that."),
    }


def describe(code: str, message: str = "", kind: str = "unknown") -> str:
    """The user-facing sentence for an error code (falling back to its kind, then the service's message)."""
    text = _by_code().get(code) or _by_kind().get(kind)
    return text or message or code


def describe_job_error(error: JobError) -> str:
    return describe(error.code, error.message, error.kind)


def describe_exception(exc: BaseException) -> str:
    if isinstance(exc, VodError):
        return describe(exc.code, exc.message, exc.kind.value)
    return QCoreApplication.translate("errors", "Unexpected error: {0}").format(f"{type(exc).__name__}: {exc}")


def details(code: str, message: str, request_id: str | None) -> str:
    """The technical line shown under the sentence: code, the service's message, RequestId."""
    rid = QCoreApplication.translate("errors", " RequestId: {0}").format(request_id) if request_id else ""
    return f"{code}: {message}{rid}"
