"""Words and sentences that reach the window from the service or the core, shown in the user's language.

* VOD media statuses (``Transcoding``, ``Normal``…) are the source texts of the ``MediaStatus`` context: English
  shows the service's own word, other languages their translation.
* The core writes its validation messages, job notes and connection-test steps in English (the CLI, the logs and
  the JSON exports keep them that way). :func:`core_text` recognises each known sentence by its error code and a
  pattern and fills the translated sentence with the same values; anything it does not know is shown as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from vodgui.ui.i18n import language_key

#: VOD's media statuses, marked for lupdate; translated at display time by :func:`media_status_text`.
MEDIA_STATUSES = (
    QT_TRANSLATE_NOOP("MediaStatus", "Uploading"),
    QT_TRANSLATE_NOOP("MediaStatus", "UploadSucc"),
    QT_TRANSLATE_NOOP("MediaStatus", "Transcoding"),
    QT_TRANSLATE_NOOP("MediaStatus", "Checking"),
    QT_TRANSLATE_NOOP("MediaStatus", "Normal"),
    QT_TRANSLATE_NOOP("MediaStatus", "Blocked"),
    QT_TRANSLATE_NOOP("MediaStatus", "UploadFail"),
    QT_TRANSLATE_NOOP("MediaStatus", "TranscodeFail"),
    QT_TRANSLATE_NOOP("MediaStatus", "ProduceFail"),
    QT_TRANSLATE_NOOP("MediaStatus", "NotFound"),
)


def media_status_text(status: str | None) -> str:
    """A VOD media status in the user's language (an unknown status is shown as the service sent it)."""
    if not status:
        return ""
    return QCoreApplication.translate("MediaStatus", status) if status in MEDIA_STATUSES else status


def join_sentences(*sentences: str) -> str:
    """Sentences in a row: a space between them in English, none in Chinese (its full stop carries the gap).
    Empty ones are left out."""
    text = ""
    for sentence in sentences:
        if sentence:
            text = QCoreApplication.translate("Sentences", "{0} {1}", "two sentences in a row").format(
                text, sentence) if text else sentence
    return text


#: Keys of :meth:`CoreTexts.entries` for texts that are not errors.
NOTE = "note"
STEP = "step"


class CoreTexts(QObject):
    """The core's English sentences as patterns, with their translations (literal ``self.tr`` for lupdate)."""

    def entries(self) -> list[tuple[str, str, str]]:
        """(error code or NOTE/STEP, pattern of the English text, translated template with ``{0}``…)."""
        return [
            # Profile validation (vodgui.core.profiles, vodgui.core.sts, vodgui.core.transfer.config)
            ("InvalidProfileName", r"A profile name is 1-64 characters, without ':', '/', '\\' or leading/trailing "
                                   r"spaces\.",
             self.tr("A profile name is 1-64 characters, without ':', '/', '\\' or leading/trailing spaces.")),
            ("InvalidRegion", r"(.+) is not a region id like cn-shanghai\.",
             self.tr("{0} is not a region id like cn-shanghai.")),
            ("MissingAccessKeyId", r"Enter the AccessKey ID\.", self.tr("Enter the AccessKey ID.")),
            ("InvalidAppServerURL", r"The AppServer URL must start with http:// or https://\.",
             self.tr("The AppServer URL must start with http:// or https://.")),
            ("InvalidDurationSeconds", r"DurationSeconds must be between (\d+) and (\d+) seconds; (.+) is out of "
                                       r"range\.",
             self.tr("DurationSeconds must be between {0} and {1} seconds; {2} is out of range.")),
            ("InvalidDurationSeconds", r"DurationSeconds must be between (\d+) and (\d+)\.",
             self.tr("DurationSeconds must be between {0} and {1}.")),
            ("InvalidRoleArn", r"RoleArn (.+) is not of the form acs:ram::<account id>:role/<role name>\. Copy it "
                               r"from the RAM console\.",
             self.tr("RoleArn {0} is not of the form acs:ram::<account id>:role/<role name>. Copy it from the RAM "
                     "console.")),
            ("InvalidRoleSessionName", r"RoleSessionName must be 2-64 characters: letters, digits, '\.', '@', '_' "
                                       r"or '-'\.",
             self.tr("RoleSessionName must be 2-64 characters: letters, digits, '.', '@', '_' or '-'.")),
            ("InvalidProxy", r"The proxy must look like http://host:port \(optionally "
                             r"http://user:password@host:port\)\.",
             self.tr("The proxy must look like http://host:port (optionally http://user:password@host:port).")),
            # Session policy grammar (vodgui.core.profiles.check_policy_json)
            ("InvalidPolicy", r"The policy is not valid JSON: (.+)", self.tr("The policy is not valid JSON: {0}")),
            ("InvalidPolicy", r"The policy must be a JSON object\.", self.tr("The policy must be a JSON object.")),
            ("InvalidPolicy", r"The policy is longer than (\d+) characters\.",
             self.tr("The policy is longer than {0} characters.")),
            ("InvalidPolicy", r'The policy needs "Version": "1"\.', self.tr('The policy needs "Version": "1".')),
            ("InvalidPolicy", r"The policy needs a non-empty Statement list\.",
             self.tr("The policy needs a non-empty Statement list.")),
            ("InvalidPolicy", r"Statement (\d+) must be an object\.", self.tr("Statement {0} must be an object.")),
            ("InvalidPolicy", r'Statement (\d+): Effect must be "Allow" or "Deny"\.',
             self.tr('Statement {0}: Effect must be "Allow" or "Deny".')),
            ("InvalidPolicy", r"Statement (\d+) has no Action\.", self.tr("Statement {0} has no Action.")),
            ("InvalidPolicy", r"Statement (\d+) has no Resource\.", self.tr("Statement {0} has no Resource.")),
            ("InvalidPolicy", r"Statement (\d+): action (.+) is not like vod:CreateUploadVideo\.",
             self.tr("Statement {0}: action {1} is not like vod:CreateUploadVideo.")),
            # GetPlayInfo and PlayAuth inputs (vodgui.core.playback)
            ("InvalidFormats", r"Formats: (.+) is not a format like mp4, m3u8, mp3 or mpd\.",
             self.tr("Formats: {0} is not a format like mp4, m3u8, mp3 or mpd.")),
            ("InvalidDefinition", r"Definition: (.+) is not one of (.+)\.",
             self.tr("Definition: {0} is not one of {1}.")),
            ("InvalidStreamType", r"StreamType must be video, audio, or both\.",
             self.tr("StreamType must be video, audio, or both.")),
            ("InvalidOutputType", r"OutputType must be cdn or oss\.", self.tr("OutputType must be cdn or oss.")),
            ("InvalidAuthTimeout", r"AuthTimeout must be at least 1 second and at most (\d+) for OSS URLs\.",
             self.tr("AuthTimeout must be at least 1 second and at most {0} for OSS URLs.")),
            ("InvalidAuthTimeout", r"AuthTimeout must be at least 1 second\.",
             self.tr("AuthTimeout must be at least 1 second.")),
            ("InvalidResultType", r"ResultType must be Single or Multiple\.",
             self.tr("ResultType must be Single or Multiple.")),
            ("InvalidPlayConfig", r"PlayConfig is not valid JSON: (.+)", self.tr("PlayConfig is not valid JSON: {0}")),
            ("InvalidAuthInfoTimeout", r"AuthInfoTimeout must be a whole number of seconds from (\d+) to (\d+); "
                                       r"(.+) is out of range\.",
             self.tr("AuthInfoTimeout must be a whole number of seconds from {0} to {1}; {2} is out of range.")),
            # Notes the transfer engine leaves on queue items (vodgui.core.transfer)
            (NOTE, r"Video (\S+) no longer exists in VOD \(deleted\?\); a new video is created\.",
             self.tr("Video {0} no longer exists in VOD (deleted?); a new video is created.")),
            (NOTE, r"The file changed since the last attempt \(size or modification time\); it is uploaded again "
                   r"from the start\.",
             self.tr("The file changed since the last attempt (size or modification time); it is uploaded again "
                     "from the start.")),
            (NOTE, r"(\d+) parts reused after resume", self.tr("{0} parts reused after resume")),
            (NOTE, r"(\d+) segments were already on the server",
             self.tr("{0} segments were already on the server")),
            (NOTE, r"Submitted to VOD; waiting for it to fetch the file\.",
             self.tr("Submitted to VOD; waiting for it to fetch the file.")),
            (NOTE, r"VOD reports the upload job as (\S+)\.", self.tr("VOD reports the upload job as {0}.")),
            (NOTE, r"The upload credentials of (\S+) expired before the upload finished; it was uploaded again under "
                   r"a new id\.",
             self.tr("The upload credentials of {0} expired before the upload finished; it was uploaded again under "
                     "a new id.")),
            (NOTE, r"The cover image could not be set: (.*)", self.tr("The cover image could not be set: {0}")),
            (NOTE, r"The server no longer has the earlier upload session \(it was completed, aborted or expired\); "
                   r"the file is sent again\.",
             self.tr("The server no longer has the earlier upload session (it was completed, aborted or expired); "
                     "the file is sent again.")),
            # What each step of "Test connection" found (vodgui.core.connection_test)
            (STEP, r"valid: (.+)", self.tr("valid: {0}")),
            (STEP, r"token (\S+), valid until (.+)", self.tr("token {0}, valid until {1}")),
            (STEP, r"STS token (\S+)", self.tr("STS token {0}")),
            (STEP, r"reachable, token accepted", self.tr("reachable, token accepted")),
            (STEP, r"allowed", self.tr("allowed")),
            (STEP, r"reachable", self.tr("reachable")),
            (STEP, r"reachable and authorized", self.tr("reachable and authorized")),
            (STEP, r"reachable; this profile may not read video info \((.+)\) — uploads can still work",
             self.tr("reachable; this profile may not read video info ({0}) — uploads can still work")),
        ]


@lru_cache(maxsize=4)
def _table(language: int) -> dict[str, list[tuple[re.Pattern[str], str]]]:
    table: dict[str, list[tuple[re.Pattern[str], str]]] = {}
    for key, pattern, template in CoreTexts().entries():
        table.setdefault(key, []).append((re.compile(pattern, re.DOTALL), template))
    return table


def core_text(text: str, key: str = "") -> str:
    """``text`` (an English sentence from the core, for error code / NOTE / STEP ``key``) in the user's language;
    unknown sentences come back unchanged. An empty key tries every entry."""
    if not text:
        return text
    table = _table(language_key())  # another language, another table
    candidates = table.get(key, []) if key else [entry for entries in table.values() for entry in entries]
    for pattern, template in candidates:
        match = pattern.fullmatch(text)
        if match:
            return template.format(*match.groups())
    return text
