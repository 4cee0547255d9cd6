"""The core's messages (:mod:`vodgui.core.messages`) in the user's language.

One literal ``self.tr()`` per code, with the same ``{name}`` fields as the English template in
``vodgui.core.messages.ENGLISH``, so that lupdate extracts them and the translator sees the names. A code the
table does not know (a newer version's stored message) is shown in English rather than not at all.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QObject

from vodgui.core.messages import Message, english, fill
from vodgui.ui.i18n import language_key


class MessageTexts(QObject):
    """Translated templates by message code."""

    def templates(self) -> dict[str, str]:
        return {
            # Profiles and their validation
            "InvalidProfileName": self.tr(
                "A profile name is 1-64 characters, without ':', '/', '\\' or leading/trailing spaces."),
            "InvalidMode": self.tr("Mode must be one of {allowed}."),
            "InvalidSource": self.tr("Source must be one of {allowed}."),
            "InvalidRegion": self.tr("{region} is not a region id like cn-shanghai."),
            "MissingAccessKeyId": self.tr("Enter the AccessKey ID."),
            "InvalidAppServerURL": self.tr(
                "The AppServer URL must start with https:// (http:// only for a loopback address such as 127.0.0.1): "
                "the token must not travel in clear."),
            "InvalidDurationSeconds": self.tr(
                "DurationSeconds must be between {low} and {high} seconds; {value} is out of range."),
            "InvalidRoleArn": self.tr(
                "RoleArn {role_arn} is not of the form acs:ram::<account id>:role/<role name>. Copy it from the RAM "
                "console."),
            "InvalidRoleSessionName": self.tr(
                "RoleSessionName must be 2-64 characters: letters, digits, '.', '@', '_' or '-'."),
            "InvalidProxy": self.tr(
                "The proxy must look like http://host:port, https://host:port or socks5://host:port."),
            "InvalidPartSize": self.tr(
                "Part size must be between {low_kib} KiB and 5 GiB (or 0 for automatic); got {value} bytes."),
            "InvalidParallelParts": self.tr("Parallel parts must be between {low} and {high}."),
            "InvalidConcurrentFiles": self.tr("Concurrent files must be between {low} and {high}."),
            "InvalidRetries": self.tr("Retries must be between {low} and {high}."),
            "InvalidRetryDelay": self.tr("Retry delays cannot be negative."),
            "InvalidBandwidthLimit": self.tr("The bandwidth limit cannot be negative."),
            "InvalidMaxConnections": self.tr("Maximum connections must be between {low} and {high}."),
            "InvalidBandwidthSchedule": self.tr("{value} is not a bandwidth schedule step. Write a rate (4M, 512k, "
                                                "off) or time,rate steps such as \"08:00,4M 18:00,off\"."),
            "CorruptProfiles": self.tr("{path} is not valid JSON ({reason}). Fix or remove it."),
            "ProfileNotFound": self.tr(
                "There is no profile named {name} (profiles: {known}). Create it with 'vodgui profiles add'."),
            "ProfileNotFound.NoProfiles": self.tr(
                "There is no profile named {name}: there are no profiles yet. Create one with 'vodgui profiles add'."),
            "DuplicateProfileName": self.tr("A profile named {name} already exists."),
            "MissingSecret": self.tr(
                "The {secret} of profile {profile} is not in the keychain. Edit the profile and enter it again."),
            "SandboxNotRunning": self.tr(
                "This is the built-in sandbox profile, but the sandbox is not running in this program. Use the "
                "desktop app, or create a profile from 'vodgui sandbox' output with 'vodgui profiles add "
                "--from-sandbox'."),
            "secret.access_key_secret": self.tr("AccessKey secret"),
            "secret.appserver_token": self.tr("AppServer token"),
            "secret.proxy_password": self.tr("proxy password"),
            "KeychainUnavailable": self.tr(
                "Cannot store secrets: {reason}. vodgui keeps AccessKey secrets and tokens only in the system "
                "keychain (GNOME Keyring / KWallet on Linux, Keychain on macOS, Credential Manager on Windows) and "
                "never in a plain file. Start or unlock your keychain, or use an AppServer profile."),
            "keychain.none": self.tr("no keychain is available"),
            "keychain.disabled": self.tr("the keychain is disabled"),
            "keychain.plain_file": self.tr("the only keyring backend stores secrets in a plain file (keyrings.alt)"),
            "keychain.refused": self.tr("the keychain refused to store it ({error})"),
            "keychain.unreadable": self.tr("the keychain could not be read ({error})"),
            "QueueBusy": self.tr(
                "Another vodgui process ({holder}) is running the upload queue in this home. Finish or quit it "
                "first, or use another VODGUI_HOME."),
            # Company networks: proxy, trust, AppServer transport
            "InvalidProxy.Empty": self.tr("Enter the proxy address, e.g. http://proxy.example.com:3128."),
            "InlineProxyPassword": self.tr(
                "The proxy password goes to the keychain, not into the proxy address. Enter it in the proxy password "
                "field."),
            "InvalidProxyMode": self.tr("The proxy setting must be one of {allowed}."),
            "InvalidPacURL": self.tr("Enter the address of the PAC file, e.g. http://wpad.example.com/wpad.dat."),
            "InvalidCAFile.NotFound": self.tr("The CA certificate file {path} does not exist."),
            "InvalidCAFile": self.tr(
                "The CA certificate file {path} cannot be used: it must hold PEM certificates ({reason})."),
            "PacUnavailable": self.tr("The PAC file {url} could not be downloaded or is not a PAC file."),
            "PacUnavailable.Unreadable": self.tr("The PAC file {url} cannot be read: {reason}."),
            "PacUnavailable.Invalid": self.tr("The PAC file {url} is not valid: {reason}."),
            "ProxyAuthRequired": self.tr(
                "The proxy {proxy} refused the user name or password (HTTP 407). Check the proxy user and password in "
                "the profile."),
            "ProxyAuthRequired.NoCredentials": self.tr(
                "The proxy {proxy} requires a user name and password (HTTP 407). Enter the proxy user and password in "
                "the profile."),
            "ProxyUnreachable": self.tr(
                "The proxy {proxy} cannot be reached ({reason}). Check the proxy address in the profile, or choose "
                "another proxy setting."),
            "TlsUntrusted": self.tr(
                "The certificate of {host} is not trusted: it was issued by {issuer}, which this computer does not "
                "trust. If your company inspects HTTPS traffic, install its CA certificate in the operating system, "
                "or choose it as the profile's extra CA certificate."),
            "tls.unknown_issuer": self.tr("an unknown authority"),
            "TlsError": self.tr("The secure connection to {host} failed: {reason}."),
            "AppServerUnreachable": self.tr(
                "Could not reach the AppServer at {url} ({reason}). Check the URL and the network."),
            "AppServerContractMismatch": self.tr(
                "The AppServer at {url} answered /{path} with {what}, not as the AppServer contract says. Check that "
                "the URL is the prefix before /sts-token."),
            "appserver.not_json": self.tr("HTTP {status} without JSON"),
            "appserver.missing_fields": self.tr("a body without a valid {fields}"),
            "net.refused": self.tr("connection refused"),
            "net.timeout": self.tr("timed out"),
            "net.unknown_host": self.tr("unknown host name"),
            "net.other": self.tr("network error: {name}"),
            "RootAccessKey": self.tr(
                "This AccessKey belongs to the root account {account_id} ({arn}): it can do everything in the "
                "account, and anyone who copies it can too. Create a RAM user for uploads, give it the upload-only "
                "policy (vod:CreateUploadVideo, vod:RefreshUploadVideo: the \"Upload only\" preset), and use its "
                "AccessKey instead."),
            # Session policy grammar
            "InvalidPolicy.NotJson": self.tr("The policy is not valid JSON: {reason}"),
            "InvalidPolicy.NotObject": self.tr("The policy must be a JSON object."),
            "InvalidPolicy.TooLong": self.tr("The policy is longer than {limit} characters."),
            "InvalidPolicy.Version": self.tr('The policy needs "Version": "1".'),
            "InvalidPolicy.NoStatement": self.tr("The policy needs a non-empty Statement list."),
            "InvalidPolicy.StatementNotObject": self.tr("Statement {index} must be an object."),
            "InvalidPolicy.Effect": self.tr('Statement {index}: Effect must be "Allow" or "Deny".'),
            "InvalidPolicy.NoAction": self.tr("Statement {index} has no Action."),
            "InvalidPolicy.NoResource": self.tr("Statement {index} has no Resource."),
            "InvalidPolicy.Action": self.tr("Statement {index}: action {action} is not like vod:CreateUploadVideo."),
            # The services and how they answer
            "InvalidResponse.MissingFields": self.tr("{action} answered without a valid {fields}."),
            "InvalidResponse.NotJson": self.tr(
                "{action}: the service answered HTTP {status} with something that is not JSON."),
            "InvalidResponse.Unexpected": self.tr("{action}: unexpected response."),
            "InvalidResponse.Blob": self.tr("The {name} returned by the service is not base64-encoded JSON."),
            "InvalidResponse.BlobNotObject": self.tr("The {name} returned by the service is not a JSON object."),
            "InvalidResponse.BlobFields": self.tr("The {name} returned by the service has no {fields}."),
            "InvalidResponse.NoExpiry": self.tr(
                "The UploadAuth returned by the service has neither ExpireUTCTime nor Expiration."),
            "InvalidEndpoint": self.tr("The endpoint is empty."),
            "NetworkError": self.tr("Could not reach {service} ({reason})."),
            "InconsistentError": self.tr(
                "The object OSS stored differs from the bytes sent (CRC64 mismatch: {detail})."),
            "AppServerUnauthorized": self.tr(
                "The AppServer refused the token. Check the AppServer token in the profile."),
            "UploadAuthExpired": self.tr(
                "The upload credentials of {media_id} expired before the upload finished; they cannot be refreshed."),
            # What is uploaded and how it is described
            "InvalidUserData.NotJson": self.tr("UserData is not valid JSON: {reason}"),
            "InvalidUserData.NotObject": self.tr(
                'UserData must be a JSON object, e.g. {{"Extend": {{"key": "value"}}}}.'),
            "InvalidCallbackURL": self.tr("The callback URL must start with http:// or https://."),
            "InvalidAccelerateEndpoint": self.tr(
                "The acceleration endpoint “{value}” is not a URL like https://oss-accelerate.aliyuncs.com "
                "(http or https, a host name, an optional port, nothing after it)."),
            "AccelerationRefused": self.tr(
                "OSS refused the upload through the transfer-acceleration endpoint {endpoint} ({reason}). "
                "Acceleration is not enabled for this account's VOD storage: ask Alibaba Cloud to enable upload "
                "acceleration (a ticket naming the account UID and the storage bucket), or switch acceleration off "
                "in the profile."),
            "AccelerateEndpointNotLocal": self.tr(
                "This profile uploads to a sandbox on this computer, but {host}, where acceleration would send the "
                "upload, does not point to this computer: nothing was sent. For a rehearsal, map {host} to 127.0.0.1 "
                "in the hosts file; otherwise switch acceleration off in the profile."),
            "InvalidFileName.Extension": self.tr(
                "VOD does not accept {ext} files as video or audio. Supported: {supported}."),
            "LengthExceededMax.Title": self.tr("The title is longer than {limit} bytes."),
            "LengthExceededMax.Description": self.tr("The description is longer than {limit} bytes."),
            "IllegalCharacters.Title": self.tr("The title contains emoji or other characters VOD refuses."),
            "TagsExceededMax.Count": self.tr("At most {limit} tags are allowed; there are {count}."),
            "InvalidTags": self.tr("Tag {tag} is too long (max {limit} bytes) or contains a comma."),
            "InvalidImageType": self.tr("The image type must be one of {allowed}; got {value}."),
            "InvalidImageExt": self.tr("VOD does not accept {ext} images. Supported: {supported}."),
            "InvalidBusinessType": self.tr("The attached media type must be one of {allowed}; got {value}."),
            "InvalidMediaExt": self.tr(
                "VOD does not accept {ext} files as {business_type} media. Supported: {supported}."),
            "InvalidURL": self.tr("{url} is not an http:// or https:// address VOD can fetch."),
            "file.no_extension": self.tr("(no extension)"),
            "file.empty_url": self.tr("(empty)"),
            "FileNotFound": self.tr("{name} does not exist any more at {path}. Put it back or remove the item."),
            "IsADirectory": self.tr("{name} is a folder. Add the files inside it instead."),
            "FileUnreadable": self.tr("{name} cannot be read: {reason}."),
            "file.permission_denied": self.tr("permission denied; check the file's permissions"),
            "NotAFile": self.tr("{name} is not a regular file."),
            "EmptyFile": self.tr("{name} is empty (0 bytes); VOD cannot accept it."),
            "InvalidPlaylist.NotText": self.tr("{name} is not a text playlist (not UTF-8)."),
            "InvalidPlaylist.NoHeader": self.tr("{name} is not an M3U8 playlist: it does not start with #EXTM3U."),
            "InvalidPlaylist": self.tr("{name} cannot be uploaded; nothing was sent. Problems ({count}): {problems}."),
            "hls.segment": self.tr("segment"),
            "hls.key_file": self.tr("key file"),
            "hls.init_segment": self.tr("initialization segment"),
            "hls.master": self.tr(
                "it is a master playlist (it lists variant streams); upload each variant playlist on its own"),
            "hls.no_segments": self.tr("it lists no segments"),
            "hls.remote": self.tr(
                "{what} {uri} is a remote address; only local files can be uploaded (download the package first, or "
                "upload the playlist by URL)"),
            "hls.same_name": self.tr(
                "{uri} and {other} have the same name {name}; a package is one folder on the server, so rename one "
                "of them"),
            "hls.missing": self.tr("{what} {uri} is missing (looked for {path})"),
            "hls.unreadable": self.tr("{what} {uri} cannot be read: {reason}"),
            "hls.not_a_file": self.tr("{what} {uri} is not a file"),
            "hls.too_large": self.tr("{what} {uri} is larger than 5 GiB"),
            "hls.no_name": self.tr("{what} {uri} has no file name"),
            # Playback
            "InvalidAuthInfoTimeout": self.tr(
                "AuthInfoTimeout must be a whole number of seconds from {low} to {high}; {value} is out of range."),
            "NoVodAccess": self.tr(
                "Profile {profile} gets its upload credentials from an AppServer and holds no VOD key, so it cannot "
                "call GetVideoPlayAuth or GetPlayInfo. Use an AccessKey profile, or an STS profile, to test "
                "playback."),
            "NoVodAccess.ThisProfile": self.tr(
                "This profile gets its upload credentials from an AppServer and holds no VOD key, so it cannot call "
                "GetVideoPlayAuth or GetPlayInfo. Use an AccessKey profile, or an STS profile, to test playback."),
            "NoVodAccess.PlayAuth": self.tr(
                "vodgui cannot use the PlayAuth as the player would ({why}) and the profile has no VOD key to fall "
                "back on."),
            "playauth.missing": self.tr("No PlayAuth."),
            "playauth.empty": self.tr("The PlayAuth is empty."),
            "playauth.not_base64": self.tr(
                "The PlayAuth is not base64: it is in a format vodgui does not know (newer PlayAuths are encrypted). "
                "Only the player SDK can use it."),
            "playauth.not_json": self.tr(
                "The PlayAuth is base64 but not JSON: it is in a format vodgui does not know (newer PlayAuths are "
                "encrypted). Only the player SDK can use it."),
            "playauth.not_object": self.tr("The PlayAuth decodes to JSON that is not an object."),
            "playauth.incomplete": self.tr("it lacks credentials or AuthInfo"),
            "InvalidVideoId": self.tr(
                "{value} is not a VideoId (32 letters and digits, as the upload or the VOD console shows it)."),
            "InvalidFormats": self.tr("Formats: {value} is not a format like mp4, m3u8, mp3 or mpd."),
            "InvalidDefinition": self.tr("Definition: {values} is not one of {allowed}."),
            "InvalidStreamType": self.tr("StreamType must be video, audio, or both."),
            "InvalidOutputType": self.tr("OutputType must be cdn or oss."),
            "InvalidAuthTimeout": self.tr("AuthTimeout must be at least 1 second."),
            "InvalidAuthTimeout.Oss": self.tr(
                "AuthTimeout must be at least 1 second and at most {limit} for OSS URLs."),
            "InvalidResultType": self.tr("ResultType must be Single or Multiple."),
            "InvalidPlayConfig.NotJson": self.tr("PlayConfig is not valid JSON: {reason}"),
            "InvalidPlayConfig.NotObject": self.tr(
                'PlayConfig must be a JSON object, e.g. {{"PlayDomain": "vod.example.com"}}.'),
            # "Test connection"
            "step.valid": self.tr("valid: {arn}"),
            "step.token_until": self.tr("token {key_id}, valid until {until}"),
            "step.sts_token": self.tr("STS token {key_id}"),
            "step.token_accepted": self.tr("reachable, token accepted"),
            "step.allowed": self.tr("allowed"),
            "step.reachable": self.tr("reachable"),
            "step.authorized": self.tr("reachable and authorized"),
            "step.no_video_info": self.tr(
                "reachable; this profile may not read video info ({code}) — uploads can still work"),
            "connection.works": self.tr("Connection works."),
            "connection.auth_key_id": self.tr("The AccessKey ID is unknown or disabled. Check it in the RAM console."),
            "connection.auth_secret": self.tr(
                "The AccessKey secret (or the AppServer token) is wrong: the key ID is known, but the signature does "
                "not match. Enter the secret again."),
            "connection.permission": self.tr(
                "The key or role is valid but lacks permission for this call. Attach a policy that allows it (for "
                "uploads: vod:CreateUploadVideo and vod:RefreshUploadVideo)."),
            "connection.role": self.tr(
                "The role does not exist, or this user may not assume it. Check the RoleArn and the role's trust "
                "policy."),
            "connection.network": self.tr(
                "The service could not be reached. Check the network, the endpoint and the proxy."),
            "connection.clock_skew": self.tr(
                "This computer's clock is more than 15 minutes off. Correct the date and time."),
            "connection.config": self.tr("The profile settings are not valid."),
            "connection.auth_expired": self.tr("The temporary credentials were refused as expired."),
            "connection.throttled": self.tr("The service is throttling requests; try again in a minute."),
            "connection.server": self.tr("The service had an internal error; try again later."),
            # The transfer core: errors and notes on queue items
            "FileVanished": self.tr(
                "{name} can no longer be read ({reason}). Put it back and retry; the parts already sent are kept."),
            "FileChangedDuringUpload": self.tr(
                "{name} changed while it was being uploaded. Nothing was lost: retry to upload the new version from "
                "the start."),
            "IntegrityMismatch": self.tr(
                "{what}: what OSS stored differs from the bytes read from the file ({detail}). The upload is not "
                "counted as done; retry it, and check the disk and the network if it happens again."),
            "AppServerUnsupported": self.tr(
                "Profile {profile} gets its upload credentials from an AppServer, whose contract covers videos only "
                "(create and refresh upload video): {what} cannot go through it. Use a profile in STS mode or with an "
                "AccessKey for this item."),
            "NoVodAccess.Cover": self.tr("Profile {profile} has no VOD key to set the cover with."),
            "UnexpectedError": self.tr(
                "Unexpected {error}. The item is kept: retry it, and send the diagnostics if it happens again."),
            "URLJobNotFound": self.tr(
                "VOD does not know the upload job {job_id} for {url} any more. Remove the item and add the URL again."),
            "URLUploadFailed": self.tr("VOD could not fetch {url} (status {status})."),
            "CoverURLMissing": self.tr("CreateUploadImage gave no ImageURL or FileURL to use as the cover."),
            "InvalidWorkflowId": self.tr(
                "A workflow ID is 32 hexadecimal digits (console: Configuration Management > Media Processing > "
                "Workflows)."),
            "InvalidStorageLocation": self.tr(
                "A storage location looks like outin-<id>.oss-<region>.aliyuncs.com (console: Configuration "
                "Management > Media Management > Storage)."),
            "note.video_gone": self.tr("Video {video_id} no longer exists in VOD (deleted?); a new video is created."),
            "note.file_changed": self.tr(
                "The file changed since the last attempt (size or modification time); it is uploaded again from the "
                "start."),
            "note.parts_reused": self.tr("{count} parts reused after resume"),
            "note.parts_resent": self.tr("{count} parts on the server differed from the file and were sent again."),
            "note.segments_reused": self.tr("{count} segments were already on the server"),
            "note.url_submitted": self.tr("Submitted to VOD; waiting for it to fetch the file."),
            "note.url_job_status": self.tr("VOD reports the upload job as {status}."),
            "note.media_recreated": self.tr(
                "The upload credentials of {media_id} expired before the upload finished; it was uploaded again under "
                "a new id."),
            "note.cover_failed": self.tr("The cover image could not be set: {error}"),
            "note.upload_session_gone": self.tr(
                "The server no longer has the earlier upload session (it was completed, aborted or expired); the file "
                "is sent again."),
            "note.upload_aborted": self.tr("The unfinished upload on the server was aborted."),
            "note.create_found": self.tr(
                "Video {video_id} had been created before its answer was lost (a crash or a dropped connection); the "
                "upload goes on in it."),
            "note.metadata_updated": self.tr("Details saved in VOD (UpdateVideoInfo) for video {video_id}."),
            "note.metadata_failed": self.tr("The details could not be saved in VOD for video {video_id}: {error}"),
            "NoVodAccess.Metadata": self.tr(
                "Profile {profile} gets upload credentials from an AppServer and cannot call VOD, so it cannot change "
                "a video's details. Use an AccessKey profile for the same account."),
            "VideoNotInVod": self.tr("Video {video_id} does not exist in VOD (deleted?)."),
            "note.video_deleted": self.tr("Cancelled: the placeholder video {video_id} was deleted from VOD."),
            "note.video_delete_failed": self.tr(
                "Cancelled, but the placeholder video {video_id} could not be deleted ({error}). Delete it in the VOD "
                "console."),
            "note.video_kept": self.tr(
                "Cancelled. This profile cannot delete videos: delete the placeholder video {video_id} in the VOD "
                "console."),
            "note.image_deleted": self.tr(
                "Cancelled: the image {media_id} created for it was deleted from VOD (DeleteImage)."),
            "note.image_delete_failed": self.tr(
                "Cancelled, but the image {media_id} created for it could not be deleted ({error}). Delete it in the "
                "VOD console."),
            "note.image_kept": self.tr(
                "Cancelled. This profile cannot delete images: delete the image {media_id} in the VOD console."),
            "note.attached_deleted": self.tr(
                "Cancelled: the attached media {media_id} created for it was deleted from VOD (DeleteAttachedMedia)."),
            "note.attached_delete_failed": self.tr(
                "Cancelled, but the attached media {media_id} created for it could not be deleted ({error}). Delete it "
                "in the VOD console."),
            "note.attached_kept": self.tr(
                "Cancelled. This profile cannot delete attached media: delete {media_id} in the VOD console."),
            "note.interrupted": self.tr(
                "Interrupted: the program that was uploading this item stopped. It goes on from the parts the server "
                "has."),
            "what.image": self.tr("an image"),
            "what.attached": self.tr("{business_type} media"),
            "what.url": self.tr("an upload by URL"),

            # The local machine, and waiting for a service
            "InvalidThrottlePatience": self.tr("Throttle patience must be between {low} and {high} seconds."),
            "HomeFull": self.tr("The disk holding the vodgui home {directory} is full ({free} free). Free at least "
                "{want} on that disk (vodgui's own files there: {used}; old logs and the built-in sandbox's data can "
                "go), or use another home with --home or VODGUI_HOME. Nothing was lost: try again once there is room."),
            "HomeNotWritable": self.tr("The vodgui home {directory} cannot be written (read-only or no permission). "
                "Make it writable for this user, or use another home with --home or VODGUI_HOME. Nothing was lost: "
                "try again then."),
            "waiting.throttled": self.tr("waiting: the service is throttling ({code}); trying again in {delay} s"),
            "waiting.retry": self.tr("waiting: {code}; retry {attempt} in {delay} s"),
        }


@lru_cache(maxsize=4)
def _templates(language: int) -> dict[str, str]:
    return MessageTexts().templates()


def templates() -> dict[str, str]:
    """The table in the current language (rebuilt after a language switch)."""
    return _templates(language_key())


def message_text(code: str, params: Mapping[str, Any] | None = None) -> str:
    """The message ``code`` with ``params`` in the current language (nested messages too)."""
    template = templates().get(code)
    if template is None:
        return english(code, params)
    return fill(template, params or {}, message_text)


def render(message: Message | Mapping[str, Any] | str | None) -> str:
    """A :class:`Message` or its stored dict form in the current language ("" for None). A plain string (a job
    note from before notes were messages) is shown as it is."""
    if message is None:
        return ""
    if isinstance(message, str):
        return message
    if isinstance(message, Message):
        return message_text(message.code, message.params)
    return message_text(str(message.get("code", "")), message.get("params") or {})
