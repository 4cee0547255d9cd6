"""What the core says to a user, as data: a code and its parameters (issue 11, item 7).

The core never builds a user-facing sentence for a front end to show. It reports a :class:`Message` (or a
:class:`~vodgui.core.errors.VodError` carrying ``code`` + ``params``); the CLI renders it in English with
:func:`english`, the GUI through ``tr()`` in the current language (``vodgui.ui.message_texts``). Nothing parses a
sentence back.

Codes:

* errors use the services' style, ``CamelCase`` with an optional ``.Detail`` (``InvalidPolicy.NotJson``), so that
  a VodError's ``code`` is its message code;
* other messages (job notes, connection-test steps...) use ``area.snake_case`` (``step.reachable``).

Parameters are JSON values (str, int, float, bool, None, lists of them) so a message can be stored with a queue
item and rendered later in another language. A parameter may itself be a message, as ``Message.to_dict()``
(``{"code": ..., "params": {...}}``): it is rendered in the same language. A list is shown comma-separated
(a list of messages, semicolon-separated).

Adding a code is one line in :data:`ENGLISH`, one line in ``vodgui/ui/message_texts.py`` and its zh_CN
translation; ``tests/unit/ui/test_message_texts.py`` fails until all three exist.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

#: code -> English template with named ``{name}`` fields (``{{``/``}}`` for a literal brace).
ENGLISH: dict[str, str] = {
    # -- profiles and their validation (vodgui.core.profiles, vodgui.core.sts) ---------------------------------
    "InvalidProfileName": "A profile name is 1-64 characters, without ':', '/', '\\' or leading/trailing spaces.",
    "InvalidMode": "Mode must be one of {allowed}.",
    "InvalidSource": "Source must be one of {allowed}.",
    "InvalidRegion": "{region} is not a region id like cn-shanghai.",
    "MissingAccessKeyId": "Enter the AccessKey ID.",
    "InvalidAppServerURL": "The AppServer URL must start with https:// (http:// only for a loopback address such as "
                           "127.0.0.1): the token must not travel in clear.",
    "InvalidDurationSeconds": "DurationSeconds must be between {low} and {high} seconds; {value} is out of range.",
    "InvalidRoleArn": "RoleArn {role_arn} is not of the form acs:ram::<account id>:role/<role name>. Copy it from "
                      "the RAM console.",
    "InvalidRoleSessionName": "RoleSessionName must be 2-64 characters: letters, digits, '.', '@', '_' or '-'.",
    "InvalidProxy": "The proxy must look like http://host:port, https://host:port or socks5://host:port.",
    "InvalidPartSize": "Part size must be between {low_kib} KiB and 5 GiB (or 0 for automatic); got {value} bytes.",
    "InvalidParallelParts": "Parallel parts must be between {low} and {high}.",
    "InvalidConcurrentFiles": "Concurrent files must be between {low} and {high}.",
    "InvalidRetries": "Retries must be between {low} and {high}.",
    "InvalidRetryDelay": "Retry delays cannot be negative.",
    "InvalidBandwidthLimit": "The bandwidth limit cannot be negative.",
    "InvalidMaxConnections": "Maximum connections must be between {low} and {high}.",
    "InvalidBandwidthSchedule": "{value} is not a bandwidth schedule step. Write a rate (4M, 512k, off) or time,rate "
                                "steps such as \"08:00,4M 18:00,off\".",
    "CorruptProfiles": "{path} is not valid JSON ({reason}). Fix or remove it.",
    "ProfileNotFound": "There is no profile named {name} (profiles: {known}). Create it with 'vodgui profiles add'.",
    "ProfileNotFound.NoProfiles": "There is no profile named {name}: there are no profiles yet. Create one with "
                                  "'vodgui profiles add'.",
    "DuplicateProfileName": "A profile named {name} already exists.",
    "MissingSecret": "The {secret} of profile {profile} is not in the keychain. Edit the profile and enter it "
                     "again.",
    "SandboxNotRunning": "This is the built-in sandbox profile, but the sandbox is not running in this program. Use "
                         "the desktop app, or create a profile from 'vodgui sandbox' output with 'vodgui profiles "
                         "add --from-sandbox'.",
    "secret.access_key_secret": "AccessKey secret",
    "secret.appserver_token": "AppServer token",
    "secret.proxy_password": "proxy password",
    "KeychainUnavailable": "Cannot store secrets: {reason}. vodgui keeps AccessKey secrets and tokens only in the "
                           "system keychain (GNOME Keyring / KWallet on Linux, Keychain on macOS, Credential Manager "
                           "on Windows) and never in a plain file. Start or unlock your keychain, or use an AppServer "
                           "profile.",
    "keychain.none": "no keychain is available",
    "keychain.disabled": "the keychain is disabled",
    "keychain.plain_file": "the only keyring backend stores secrets in a plain file (keyrings.alt)",
    "keychain.refused": "the keychain refused to store it ({error})",
    "keychain.unreadable": "the keychain could not be read ({error})",
    "QueueBusy": "Another vodgui process ({holder}) is running the upload queue in this home. Finish or quit it "
                 "first, or use another VODGUI_HOME.",
    # -- company networks: proxy, trust, AppServer transport (vodgui.core.network, appserver, connection_test) --
    "InvalidProxy.Empty": "Enter the proxy address, e.g. http://proxy.example.com:3128.",
    "InlineProxyPassword": "The proxy password goes to the keychain, not into the proxy address. Enter it in the "
                           "proxy password field.",
    "InvalidProxyMode": "The proxy setting must be one of {allowed}.",
    "InvalidPacURL": "Enter the address of the PAC file, e.g. http://wpad.example.com/wpad.dat.",
    "InvalidCAFile.NotFound": "The CA certificate file {path} does not exist.",
    "InvalidCAFile": "The CA certificate file {path} cannot be used: it must hold PEM certificates ({reason}).",
    "PacUnavailable": "The PAC file {url} could not be downloaded or is not a PAC file.",
    "PacUnavailable.Unreadable": "The PAC file {url} cannot be read: {reason}.",
    "PacUnavailable.Invalid": "The PAC file {url} is not valid: {reason}.",
    "ProxyAuthRequired": "The proxy {proxy} refused the user name or password (HTTP 407). Check the proxy user and "
                         "password in the profile.",
    "ProxyAuthRequired.NoCredentials": "The proxy {proxy} requires a user name and password (HTTP 407). Enter the "
                                       "proxy user and password in the profile.",
    "ProxyUnreachable": "The proxy {proxy} cannot be reached ({reason}). Check the proxy address in the profile, or "
                        "choose another proxy setting.",
    "TlsUntrusted": "The certificate of {host} is not trusted: it was issued by {issuer}, which this computer does "
                    "not trust. If your company inspects HTTPS traffic, install its CA certificate in the operating "
                    "system, or choose it as the profile's extra CA certificate.",
    "tls.unknown_issuer": "an unknown authority",
    "TlsError": "The secure connection to {host} failed: {reason}.",
    "AppServerUnreachable": "Could not reach the AppServer at {url} ({reason}). Check the URL and the network.",
    "AppServerContractMismatch": "The AppServer at {url} answered /{path} with {what}, not as the AppServer "
                                 "contract says. Check that the URL is the prefix before /sts-token.",
    "appserver.not_json": "HTTP {status} without JSON",
    "appserver.missing_fields": "a body without a valid {fields}",
    "net.refused": "connection refused",
    "net.timeout": "timed out",
    "net.unknown_host": "unknown host name",
    "net.other": "network error: {name}",
    "RootAccessKey": "This AccessKey belongs to the root account {account_id} ({arn}): it can do everything in the "
                     "account, and anyone who copies it can too. Create a RAM user for uploads, give it the "
                     "upload-only policy (vod:CreateUploadVideo, vod:RefreshUploadVideo: the \"Upload only\" preset), "
                     "and use its AccessKey instead.",
    # -- session policy grammar (vodgui.core.profiles.check_policy_json) ---------------------------------------
    "InvalidPolicy.NotJson": "The policy is not valid JSON: {reason}",
    "InvalidPolicy.NotObject": "The policy must be a JSON object.",
    "InvalidPolicy.TooLong": "The policy is longer than {limit} characters.",
    "InvalidPolicy.Version": 'The policy needs "Version": "1".',
    "InvalidPolicy.NoStatement": "The policy needs a non-empty Statement list.",
    "InvalidPolicy.StatementNotObject": "Statement {index} must be an object.",
    "InvalidPolicy.Effect": 'Statement {index}: Effect must be "Allow" or "Deny".',
    "InvalidPolicy.NoAction": "Statement {index} has no Action.",
    "InvalidPolicy.NoResource": "Statement {index} has no Resource.",
    "InvalidPolicy.Action": "Statement {index}: action {action} is not like vod:CreateUploadVideo.",
    # -- the services and how they answer (vodgui.core.errors, pop, vod, sts, appserver, credentials) ----------
    "InvalidResponse.MissingFields": "{action} answered without a valid {fields}.",
    "InvalidResponse.NotJson": "{action}: the service answered HTTP {status} with something that is not JSON.",
    "InvalidResponse.Unexpected": "{action}: unexpected response.",
    "InvalidResponse.Blob": "The {name} returned by the service is not base64-encoded JSON.",
    "InvalidResponse.BlobNotObject": "The {name} returned by the service is not a JSON object.",
    "InvalidResponse.BlobFields": "The {name} returned by the service has no {fields}.",
    "InvalidResponse.NoExpiry": "The UploadAuth returned by the service has neither ExpireUTCTime nor Expiration.",
    "InvalidEndpoint": "The endpoint is empty.",
    "NetworkError": "Could not reach {service} ({reason}).",
    "InconsistentError": "The object OSS stored differs from the bytes sent (CRC64 mismatch: {detail}).",
    "AppServerUnauthorized": "The AppServer refused the token. Check the AppServer token in the profile.",
    "UploadAuthExpired": "The upload credentials of {media_id} expired before the upload finished; they cannot be "
                         "refreshed.",
    # -- what is uploaded and how it is described (vodgui.core.vod, media_items, hls) -------------------------
    "InvalidUserData.NotJson": "UserData is not valid JSON: {reason}",
    "InvalidUserData.NotObject": 'UserData must be a JSON object, e.g. {{"Extend": {{"key": "value"}}}}.',
    "InvalidCallbackURL": "The callback URL must start with http:// or https://.",
    "InvalidAccelerateEndpoint": "The acceleration endpoint “{value}” is not a URL like "
                                 "https://oss-accelerate.aliyuncs.com (http or https, a host name, an optional "
                                 "port, nothing after it).",
    "AccelerationRefused": "OSS refused the upload through the transfer-acceleration endpoint {endpoint} "
                           "({reason}). Acceleration is not enabled for this account's VOD storage: ask Alibaba "
                           "Cloud to enable upload acceleration (a ticket naming the account UID and the storage "
                           "bucket), or switch acceleration off in the profile.",
    "AccelerateEndpointNotLocal": "This profile uploads to a sandbox on this computer, but {host}, where "
                                  "acceleration would send the upload, does not point to this computer: nothing "
                                  "was sent. For a rehearsal, map {host} to 127.0.0.1 in the hosts file; "
                                  "otherwise switch acceleration off in the profile.",
    "InvalidFileName.Extension": "VOD does not accept {ext} files as video or audio. Supported: {supported}.",
    "LengthExceededMax.Title": "The title is longer than {limit} bytes.",
    "LengthExceededMax.Description": "The description is longer than {limit} bytes.",
    "IllegalCharacters.Title": "The title contains emoji or other characters VOD refuses.",
    "TagsExceededMax.Count": "At most {limit} tags are allowed; there are {count}.",
    "InvalidTags": "Tag {tag} is too long (max {limit} bytes) or contains a comma.",
    "InvalidImageType": "The image type must be one of {allowed}; got {value}.",
    "InvalidImageExt": "VOD does not accept {ext} images. Supported: {supported}.",
    "InvalidBusinessType": "The attached media type must be one of {allowed}; got {value}.",
    "InvalidMediaExt": "VOD does not accept {ext} files as {business_type} media. Supported: {supported}.",
    "InvalidURL": "{url} is not an http:// or https:// address VOD can fetch.",
    "file.no_extension": "(no extension)",
    "file.empty_url": "(empty)",
    "FileNotFound": "{name} does not exist any more at {path}. Put it back or remove the item.",
    "IsADirectory": "{name} is a folder. Add the files inside it instead.",
    "FileUnreadable": "{name} cannot be read: {reason}.",
    "file.permission_denied": "permission denied; check the file's permissions",
    "NotAFile": "{name} is not a regular file.",
    "EmptyFile": "{name} is empty (0 bytes); VOD cannot accept it.",
    "InvalidPlaylist.NotText": "{name} is not a text playlist (not UTF-8).",
    "InvalidPlaylist.NoHeader": "{name} is not an M3U8 playlist: it does not start with #EXTM3U.",
    "InvalidPlaylist": "{name} cannot be uploaded; nothing was sent. Problems ({count}): {problems}.",
    "hls.segment": "segment",
    "hls.key_file": "key file",
    "hls.init_segment": "initialization segment",
    "hls.master": "it is a master playlist (it lists variant streams); upload each variant playlist on its own",
    "hls.no_segments": "it lists no segments",
    "hls.remote": "{what} {uri} is a remote address; only local files can be uploaded (download the package "
                  "first, or upload the playlist by URL)",
    "hls.same_name": "{uri} and {other} have the same name {name}; a package is one folder on the server, so "
                     "rename one of them",
    "hls.missing": "{what} {uri} is missing (looked for {path})",
    "hls.unreadable": "{what} {uri} cannot be read: {reason}",
    "hls.not_a_file": "{what} {uri} is not a file",
    "hls.too_large": "{what} {uri} is larger than 5 GiB",
    "hls.no_name": "{what} {uri} has no file name",
    # -- playback (vodgui.core.playback) ----------------------------------------------------------------------
    "InvalidAuthInfoTimeout": "AuthInfoTimeout must be a whole number of seconds from {low} to {high}; {value} is "
                              "out of range.",
    "NoVodAccess": "Profile {profile} gets its upload credentials from an AppServer and holds no VOD key, so it "
                   "cannot call GetVideoPlayAuth or GetPlayInfo. Use an AccessKey profile, or an STS profile, to "
                   "test playback.",
    "NoVodAccess.ThisProfile": "This profile gets its upload credentials from an AppServer and holds no VOD key, so "
                               "it cannot call GetVideoPlayAuth or GetPlayInfo. Use an AccessKey profile, or an STS "
                               "profile, to test playback.",
    "NoVodAccess.PlayAuth": "vodgui cannot use the PlayAuth as the player would ({why}) and the profile has no VOD "
                            "key to fall back on.",
    "playauth.missing": "No PlayAuth.",
    "playauth.empty": "The PlayAuth is empty.",
    "playauth.not_base64": "The PlayAuth is not base64: it is in a format vodgui does not know (newer PlayAuths are "
                           "encrypted). Only the player SDK can use it.",
    "playauth.not_json": "The PlayAuth is base64 but not JSON: it is in a format vodgui does not know (newer "
                         "PlayAuths are encrypted). Only the player SDK can use it.",
    "playauth.not_object": "The PlayAuth decodes to JSON that is not an object.",
    "playauth.incomplete": "it lacks credentials or AuthInfo",
    "InvalidVideoId": "{value} is not a VideoId (32 letters and digits, as the upload or the VOD console shows it).",
    "InvalidFormats": "Formats: {value} is not a format like mp4, m3u8, mp3 or mpd.",
    "InvalidDefinition": "Definition: {values} is not one of {allowed}.",
    "InvalidStreamType": "StreamType must be video, audio, or both.",
    "InvalidOutputType": "OutputType must be cdn or oss.",
    "InvalidAuthTimeout": "AuthTimeout must be at least 1 second.",
    "InvalidAuthTimeout.Oss": "AuthTimeout must be at least 1 second and at most {limit} for OSS URLs.",
    "InvalidResultType": "ResultType must be Single or Multiple.",
    "InvalidPlayConfig.NotJson": "PlayConfig is not valid JSON: {reason}",
    "InvalidPlayConfig.NotObject": 'PlayConfig must be a JSON object, e.g. {{"PlayDomain": "vod.example.com"}}.',
    # -- "Test connection" (vodgui.core.connection_test): what each step found, and the verdict ---------------
    "step.valid": "valid: {arn}",
    "step.token_until": "token {key_id}, valid until {until}",
    "step.sts_token": "STS token {key_id}",
    "step.token_accepted": "reachable, token accepted",
    "step.allowed": "allowed",
    "step.reachable": "reachable",
    "step.authorized": "reachable and authorized",
    "step.no_video_info": "reachable; this profile may not read video info ({code}) — uploads can still work",
    "connection.works": "Connection works.",
    "connection.auth_key_id": "The AccessKey ID is unknown or disabled. Check it in the RAM console.",
    "connection.auth_secret": "The AccessKey secret (or the AppServer token) is wrong: the key ID is known, but the "
                              "signature does not match. Enter the secret again.",
    "connection.permission": "The key or role is valid but lacks permission for this call. Attach a policy that "
                             "allows it (for uploads: vod:CreateUploadVideo and vod:RefreshUploadVideo).",
    "connection.role": "The role does not exist, or this user may not assume it. Check the RoleArn and the role's "
                       "trust policy.",
    "connection.network": "The service could not be reached. Check the network, the endpoint and the proxy.",
    "connection.clock_skew": "This computer's clock is more than 15 minutes off. Correct the date and time.",
    "connection.config": "The profile settings are not valid.",
    "connection.auth_expired": "The temporary credentials were refused as expired.",
    "connection.throttled": "The service is throttling requests; try again in a minute.",
    "connection.server": "The service had an internal error; try again later.",
    # -- the transfer core (vodgui.core.transfer): errors ---------------------------------------------------------
    "FileVanished": "{name} can no longer be read ({reason}). Put it back and retry; the parts already sent are "
                    "kept.",
    "FileChangedDuringUpload": "{name} changed while it was being uploaded. Nothing was lost: retry to upload the "
                               "new version from the start.",
    "IntegrityMismatch": "{what}: what OSS stored differs from the bytes read from the file ({detail}). The upload "
                         "is not counted as done; retry it, and check the disk and the network if it happens again.",
    "AppServerUnsupported": "Profile {profile} gets its upload credentials from an AppServer, whose contract covers "
                            "videos only (create and refresh upload video): {what} cannot go through it. Use a "
                            "profile in STS mode or with an AccessKey for this item.",
    "NoVodAccess.Cover": "Profile {profile} has no VOD key to set the cover with.",
    "UnexpectedError": "Unexpected {error}. The item is kept: retry it, and send the diagnostics if it happens "
                       "again.",
    "URLJobNotFound": "VOD does not know the upload job {job_id} for {url} any more. Remove the item and add the "
                      "URL again.",
    "URLUploadFailed": "VOD could not fetch {url} (status {status}).",
    "CoverURLMissing": "CreateUploadImage gave no ImageURL or FileURL to use as the cover.",
    "InvalidWorkflowId": "A workflow ID is 32 hexadecimal digits (console: Configuration Management > Media "
                         "Processing > Workflows).",
    "InvalidStorageLocation": "A storage location looks like outin-<id>.oss-<region>.aliyuncs.com (console: "
                              "Configuration Management > Media Management > Storage).",
    # -- the transfer core: notes on queue items --------------------------------------------------------------
    "note.video_gone": "Video {video_id} no longer exists in VOD (deleted?); a new video is created.",
    "note.file_changed": "The file changed since the last attempt (size or modification time); it is uploaded "
                         "again from the start.",
    "note.parts_reused": "{count} parts reused after resume",
    "note.parts_resent": "{count} parts on the server differed from the file and were sent again.",
    "note.segments_reused": "{count} segments were already on the server",
    "note.url_submitted": "Submitted to VOD; waiting for it to fetch the file.",
    "note.url_job_status": "VOD reports the upload job as {status}.",
    "note.media_recreated": "The upload credentials of {media_id} expired before the upload finished; it was "
                            "uploaded again under a new id.",
    "note.cover_failed": "The cover image could not be set: {error}",
    "note.upload_session_gone": "The server no longer has the earlier upload session (it was completed, aborted or "
                                "expired); the file is sent again.",
    "note.upload_aborted": "The unfinished upload on the server was aborted.",
    "note.create_found": "Video {video_id} had been created before its answer was lost (a crash or a dropped "
                         "connection); the upload goes on in it.",
    "note.metadata_updated": "Details saved in VOD (UpdateVideoInfo) for video {video_id}.",
    "note.metadata_failed": "The details could not be saved in VOD for video {video_id}: {error}",
    "NoVodAccess.Metadata": "Profile {profile} gets upload credentials from an AppServer and cannot call VOD, so "
                            "it cannot change a video's details. Use an AccessKey profile for the same account.",
    "VideoNotInVod": "Video {video_id} does not exist in VOD (deleted?).",
    "note.video_deleted": "Cancelled: the placeholder video {video_id} was deleted from VOD.",
    "note.video_delete_failed": "Cancelled, but the placeholder video {video_id} could not be deleted ({error}). "
                                "Delete it in the VOD console.",
    "note.video_kept": "Cancelled. This profile cannot delete videos: delete the placeholder video {video_id} in "
                       "the VOD console.",
    "note.image_deleted": "Cancelled: the image {media_id} created for it was deleted from VOD (DeleteImage).",
    "note.image_delete_failed": "Cancelled, but the image {media_id} created for it could not be deleted ({error}). "
                                "Delete it in the VOD console.",
    "note.image_kept": "Cancelled. This profile cannot delete images: delete the image {media_id} in the VOD console.",
    "note.attached_deleted": "Cancelled: the attached media {media_id} created for it was deleted from VOD "
                             "(DeleteAttachedMedia).",
    "note.attached_delete_failed": "Cancelled, but the attached media {media_id} created for it could not be deleted "
                                   "({error}). Delete it in the VOD console.",
    "note.attached_kept": "Cancelled. This profile cannot delete attached media: delete {media_id} in the VOD "
                          "console.",
    "note.interrupted": "Interrupted: the program that was uploading this item stopped. It goes on from the parts "
                        "the server has.",
    "what.image": "an image",
    "what.attached": "{business_type} media",
    "what.url": "an upload by URL",
    # -- the local machine, and waiting for a service (vodgui.core.home_faults, vodgui.core.retry) -------------
    "InvalidThrottlePatience": "Throttle patience must be between {low} and {high} seconds.",
    "HomeFull": "The disk holding the vodgui home {directory} is full ({free} free). Free at least {want} on that "
        "disk (vodgui's own files there: {used}; old logs and the built-in sandbox's data can go), or use another "
        "home with --home or VODGUI_HOME. Nothing was lost: try again once there is room.",
    "HomeNotWritable": "The vodgui home {directory} cannot be written (read-only or no permission). Make it writable "
        "for this user, or use another home with --home or VODGUI_HOME. Nothing was lost: try again then.",
    "waiting.throttled": "waiting: the service is throttling ({code}); trying again in {delay} s",
    "waiting.retry": "waiting: {code}; retry {attempt} in {delay} s",
}

#: Codes of the services (VOD, STS, OSS) that the core raises by name, with the service's own words as the
#: message (or a safe summary of them): the GUI explains them by code and kind (``vodgui/ui/errors.py``), not
#: through :data:`ENGLISH`. Computed codes the core passes through from a response need no entry here.
SERVICE_CODES: frozenset[str] = frozenset({
    "SignatureDoesNotMatch",  # VOD/STS/OSS: the string-to-sign quoted back holds the token, so it is summarised
})


@dataclass(frozen=True)
class Message:
    """A user-visible message: a code and JSON-serialisable parameters, rendered by each front end."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "params": dict(self.params)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Message:
        return cls(str(data["code"]), dict(data.get("params") or {}))

    def english(self) -> str:
        return english(self.code, self.params)

    def __str__(self) -> str:
        return self.english()


def is_message_dict(value: Any) -> bool:
    """``value`` is a message in its stored form (``Message.to_dict()``)."""
    return isinstance(value, Mapping) and isinstance(value.get("code"), str) and set(value) <= {"code", "params"}


class _Fields(dict[str, Any]):
    """Format fields with a visible placeholder, not an exception, for a parameter the caller left out."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(template: str, params: Mapping[str, Any], render: Callable[[str, Mapping[str, Any]], str]) -> str:
    """``template`` with its ``{name}`` fields taken from ``params``: a nested message is rendered with
    ``render``, a list joined with commas (messages with semicolons). Never raises: a missing parameter stays
    as ``{name}``."""
    fields = _Fields()
    for name, value in params.items():
        if is_message_dict(value):
            fields[name] = render(value["code"], value.get("params") or {})
        elif isinstance(value, (list, tuple)):
            items = [render(v["code"], v.get("params") or {}) if is_message_dict(v) else str(v) for v in value]
            fields[name] = ("; " if any(is_message_dict(v) for v in value) else ", ").join(items)
        else:
            fields[name] = value
    try:
        return string.Formatter().vformat(template, (), fields)
    except (ValueError, IndexError, KeyError, TypeError, AttributeError):
        return template


def fallback(code: str, params: Mapping[str, Any]) -> str:
    """A readable line for a code nobody knows (a newer version's stored message): the code and its values."""
    if not params:
        return code
    return f"{code} (" + ", ".join(f"{k}: {v}" for k, v in params.items()) + ")"


def english(code: str, params: Mapping[str, Any] | None = None) -> str:
    """The English sentence for ``code`` filled with ``params``; an unknown code gives a readable fallback."""
    params = params or {}
    template = ENGLISH.get(code)
    if template is None:
        return fallback(code, params)
    return fill(template, params, english)


def placeholders(template: str) -> set[str]:
    """The field names a template uses (for the coverage test)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
