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
(``{"code": ..., "params": {...}}``): it is rendered in the same language. A list is shown comma-separated.

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
    "InvalidAppServerURL": "The AppServer URL must start with http:// or https://.",
    "InvalidDurationSeconds": "DurationSeconds must be between {low} and {high} seconds; {value} is out of range.",
    "InvalidRoleArn": "RoleArn {role_arn} is not of the form acs:ram::<account id>:role/<role name>. Copy it from "
                      "the RAM console.",
    "InvalidRoleSessionName": "RoleSessionName must be 2-64 characters: letters, digits, '.', '@', '_' or '-'.",
    "InvalidProxy": "The proxy must look like http://host:port (optionally http://user:password@host:port).",
    "CorruptProfiles": "{path} is not valid JSON ({reason}). Fix or remove it.",
    "ProfileNotFound": "There is no profile named {name} (profiles: {known}). Create it with 'vodgui profiles add'.",
    "ProfileNotFound.NoProfiles": "There is no profile named {name}: there are no profiles yet. Create one with "
                                  "'vodgui profiles add'.",
    "DuplicateProfileName": "A profile named {name} already exists.",
    "MissingSecret": "The {secret} of profile {profile} is not in the keychain. Edit the profile and enter it "
                     "again.",
    "SandboxNotRunning": "This is the built-in sandbox profile, but the sandbox is not running. Start vodgui "
                         "without --no-sandbox, or pass --sandbox to the command.",
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
    # -- answers that make no sense (vodgui.core.pop, vod, sts, appserver, playback) ----------------------------
    "InvalidResponse.MissingFields": "{action} answered without a valid {fields}.",
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
    ``render``, a list joined with commas. Never raises: a missing parameter stays as ``{name}``."""
    fields = _Fields()
    for name, value in params.items():
        if is_message_dict(value):
            fields[name] = render(value["code"], value.get("params") or {})
        elif isinstance(value, (list, tuple)):
            fields[name] = ", ".join(str(v) for v in value)
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
