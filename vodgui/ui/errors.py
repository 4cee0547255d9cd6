"""One place that turns typed errors into sentences a user can act on (OnionShare keeps one function for all
Tor errors the same way). The cause first, then the fix; the service's code and RequestId stay available.

The sentences live in :class:`ErrorTexts` as literal ``self.tr()`` calls so that lupdate extracts them.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from vodgui.core.errors import VodError
from vodgui.core.messages import placeholders
from vodgui.core.transfer.events import JobError
from vodgui.ui.i18n import language_key
from vodgui.ui.message_texts import message_text, templates


class ErrorTexts(QObject):
    """The translated sentences, by error kind and by error code."""

    def by_kind(self) -> dict[str, str]:
        return {
            "network": self.tr(
                "The service could not be reached. Check the network connection, the endpoint and the proxy "
                "setting."),
            "throttled": self.tr(
                "The service is limiting the request rate. vodgui retried; try again in a minute."),
            "server": self.tr(
                "The service had a temporary failure. vodgui retried; try again later."),
            "auth_key_id": self.tr(
                "The AccessKey ID is unknown or disabled. Check it in the RAM console and edit the profile."),
            "auth_secret": self.tr(
                "The AccessKey secret (or AppServer token) is wrong: the key ID is known but the signature does "
                "not match. Enter the secret again in the profile."),
            "auth_expired": self.tr(
                "The temporary credentials expired and could not be renewed. Test the profile's connection."),
            "clock_skew": self.tr(
                "This computer's clock is more than 15 minutes off. Correct the date and time, then retry."),
            "permission": self.tr(
                "The key or role is valid but not allowed to do this. Ask an administrator to grant the VOD "
                "permission (for uploads: vod:CreateUploadVideo and vod:RefreshUploadVideo)."),
            "role": self.tr(
                "The role does not exist or this user may not assume it. Check the RoleArn and the role's trust "
                "policy."),
            "not_found": self.tr(
                "The video or upload no longer exists on the service."),
            "bad_request": self.tr(
                "The service refused a value. Check the video's metadata."),
            "status": self.tr(
                "The video is not in a state that allows this yet."),
            "file": self.tr(
                "There is a problem with the local file."),
            "integrity": self.tr(
                "The data arrived corrupted (CRC64 mismatch). Retry the upload."),
            "config": self.tr(
                "The profile settings are not valid."),
            "keychain": self.tr(
                "No usable system keychain: secrets are never stored in a plain file. Unlock or install a "
                "keychain (GNOME Keyring, KWallet), or use an AppServer profile."),
        }

    def by_code(self) -> dict[str, str]:
        kinds = self.by_kind()
        return {
            "FileNotFound": self.tr(
                "The file is not there any more. Put it back, or remove the item."),
            "FileVanished": self.tr(
                "The file disappeared during the upload. Put it back and retry: finished parts are kept."),
            "FileUnreadable": self.tr(
                "The file cannot be read. Check its permissions."),
            "IsADirectory": self.tr(
                "This is a folder. Add the files inside it instead."),
            "EmptyFile": self.tr(
                "The file is empty (0 bytes); VOD cannot accept it."),
            "InvalidFileName.Extension": self.tr(
                "VOD does not accept this file type as video or audio."),
            "FileChangedDuringUpload": self.tr(
                "The file changed while it was being uploaded. Retry to upload the new version from the start."),
            "InvalidTimeStamp.Expired": kinds["clock_skew"],
            "RequestTimeTooSkewed": kinds["clock_skew"],
            "InvalidAccessKeySecret": kinds["auth_secret"],
            "SignatureDoesNotMatch": kinds["auth_secret"],
            "MissingSecret": self.tr(
                "The profile's secret is not in the keychain. Edit the profile and enter it again."),
            "KeychainUnavailable": kinds["keychain"],
            "EntityNotExist.Role": kinds["role"],
            "InvalidVideo.NotFound": self.tr(
                "The video does not exist (it may have been deleted)."),
            "Forbidden.IllegalStatus": self.tr(
                "The video cannot be played yet: it must be in the Normal status."),
            "InvalidVideo.NoneStream": self.tr(
                "The video has no stream matching the chosen format and definition."),
            "InvalidAuthInfo.ExpireTime": self.tr(
                "The PlayAuth has expired (its AuthInfoTimeout has passed)."),
            "AppServerUnauthorized": self.tr(
                "The AppServer refused the token. Check the token in the profile."),
            "QueueBusy": self.tr(
                "Another vodgui window or command is running the upload queue."),
            "InvalidAuthInfo.Signature": self.tr(
                "The PlayAuth's AuthInfo was altered or was not issued for this account. Get a new PlayAuth."),
            "InvalidAuthInfo.MediaId": self.tr(
                "This PlayAuth was issued for another video."),
            "InvalidAuthInfo.Malformed": self.tr(
                "The AuthInfo sent with the PlayAuth is malformed. Get a new PlayAuth."),
            "MissingAuthInfo": self.tr(
                "GetPlayInfo was called with a PlayAuth's credentials but without its AuthInfo."),
            "InvalidAuthInfoTimeout": self.tr(
                "AuthInfoTimeout must be between 100 and 3000 seconds."),
            "InvalidPlayConfig": self.tr(
                'PlayConfig must be a JSON object, e.g. {"PlayDomain": "vod.example.com"}.'),
            "InvalidVideoId": self.tr(
                "That is not a VideoId. Copy the 32-character id from the upload or the VOD console."),
            "InvalidImageExt": self.tr(
                "VOD takes images in PNG, JPG, JPEG or GIF only. Convert the image and add it again."),
            "InvalidMediaExt": self.tr(
                "VOD does not take this file type for this kind of attached media (subtitles: srt, vtt, ass, stl, "
                "ttml; watermarks: png, gif, apng, mov; material: jpg, gif, png, mp4, mat, zip)."),
            "InvalidPlaylist": self.tr(
                "The HLS playlist cannot be uploaded as it is: the problems are listed below. Nothing was sent. Fix "
                "them and retry."),
            "AppServerUnsupported": self.tr(
                "This profile gets upload credentials from an AppServer, which covers videos only. Images, attached "
                "media and uploads by URL need a profile in STS mode or with an AccessKey."),
            "InvalidURL": self.tr(
                "VOD can only fetch http:// or https:// addresses."),
            "URLInvalidError": self.tr(
                "VOD could not download the file from its address. Check that the URL works from the internet."),
            "URLJobNotFound": self.tr(
                "VOD no longer knows this upload by URL. Remove the item and add the address again."),
            "UploadAuthExpired": self.tr(
                "The upload credentials expired several times before the upload finished. Retry; on a slow "
                "connection, raise the bandwidth limit or upload fewer files at once."),
            "NoVodAccess": self.tr(
                "This profile gets upload credentials from an AppServer and holds no VOD key, so it cannot ask "
                "VOD itself (media status, PlayAuth, play info). Use an AccessKey or STS profile for that."),
        }


@lru_cache(maxsize=4)
def _tables(language: int) -> tuple[dict[str, str], dict[str, str]]:
    texts = ErrorTexts()
    return texts.by_kind(), texts.by_code()


def _current() -> tuple[dict[str, str], dict[str, str]]:
    return _tables(language_key())


def our_text(code: str, params: Mapping[str, Any] | None) -> str | None:
    """Our own message ``code`` in the user's language, or None when it is not ours (a service's code) or was
    stored without the values its sentence needs (an item from an older version)."""
    template = templates().get(code)
    if template is None or not placeholders(template) <= set(params or {}):
        return None
    return message_text(code, params)


def describe(code: str, message: str = "", kind: str = "unknown", params: Mapping[str, Any] | None = None) -> str:
    """The user-facing sentence for an error: our message rendered from its code and values; a service's error
    explained by its code, else by its kind; the service's own message as the last resort."""
    ours = our_text(code, params)
    if ours is not None:
        return ours
    by_kind, by_code = _current()
    text = by_code.get(code) or by_kind.get(kind)
    return text or message or code


def describe_job_error(error: JobError) -> str:
    # ``params``: the values of the core's message, which job events carry with the transfer rework (issue 11).
    return describe(error.code, error.message, error.kind, getattr(error, "params", None))


def describe_exception(exc: BaseException) -> str:
    if isinstance(exc, VodError):
        return describe(exc.code, exc.message, exc.kind.value, exc.params)
    return QCoreApplication.translate("errors", "Unexpected error: {0}").format(f"{type(exc).__name__}: {exc}")


def error_line(code: str, message: str, params: Mapping[str, Any] | None = None, kind: str = "unknown") -> str:
    """An error in one line: our message in the user's language, or the service's ``code: message``. One of
    ours stored without its values (by an older version) is explained by its code, never shown in English."""
    ours = our_text(code, params)
    if ours is not None:
        return ours
    if code in templates():
        return describe(code, message, kind)
    return f"{code}: {message}"


def job_error_line(error: JobError) -> str:
    return error_line(error.code, error.message, getattr(error, "params", None), error.kind)


def details(code: str, message: str, request_id: str | None) -> str:
    """The technical line shown under the sentence: code, the service's message, RequestId. Our own messages
    are already shown in full, in the user's language, above it: the line keeps just their code."""
    rid = QCoreApplication.translate("errors", " RequestId: {0}").format(request_id) if request_id else ""
    if code in templates():
        return f"{code}{rid}"
    return f"{code}: {message}{rid}"
