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
            "InvalidAppServerURL": self.tr("The AppServer URL must start with http:// or https://."),
            "InvalidDurationSeconds": self.tr(
                "DurationSeconds must be between {low} and {high} seconds; {value} is out of range."),
            "InvalidRoleArn": self.tr(
                "RoleArn {role_arn} is not of the form acs:ram::<account id>:role/<role name>. Copy it from the "
                "RAM console."),
            "InvalidRoleSessionName": self.tr(
                "RoleSessionName must be 2-64 characters: letters, digits, '.', '@', '_' or '-'."),
            "InvalidProxy": self.tr(
                "The proxy must look like http://host:port (optionally http://user:password@host:port)."),
            "CorruptProfiles": self.tr("{path} is not valid JSON ({reason}). Fix or remove it."),
            "ProfileNotFound": self.tr(
                "There is no profile named {name} (profiles: {known}). Create it with 'vodgui profiles add'."),
            "ProfileNotFound.NoProfiles": self.tr(
                "There is no profile named {name}: there are no profiles yet. Create one with 'vodgui profiles "
                "add'."),
            "DuplicateProfileName": self.tr("A profile named {name} already exists."),
            "MissingSecret": self.tr(
                "The {secret} of profile {profile} is not in the keychain. Edit the profile and enter it again."),
            "SandboxNotRunning": self.tr(
                "This is the built-in sandbox profile, but the sandbox is not running. Start vodgui without "
                "--no-sandbox, or pass --sandbox to the command."),
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
            # Answers that make no sense
            "InvalidResponse.MissingFields": self.tr("{action} answered without a valid {fields}."),
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


def render(message: Message | Mapping[str, Any] | None) -> str:
    """A :class:`Message` or its stored dict form in the current language ("" for None)."""
    if message is None:
        return ""
    if isinstance(message, Message):
        return message_text(message.code, message.params)
    return message_text(str(message.get("code", "")), message.get("params") or {})
