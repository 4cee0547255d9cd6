"""Named profiles: region, authorization mode and credential source, endpoints, role and transfer settings.

Stored as JSON in the config directory (atomic replace). No secret is ever written here: the AccessKey secret,
the AppServer token and the proxy password live in the keychain (:mod:`vodgui.core.keychain`); a proxy password
that an older version left inline is moved there on first load (:meth:`ProfileStore.migrate_proxy_passwords`).
The built-in sandbox profile has no secret at all: its keys come from the sandbox running inside the app.
"""

from __future__ import annotations

import builtins
import json
import logging
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from vodgui.core.acceleration import DEFAULT_ACCELERATE_ENDPOINT, check_endpoint
from vodgui.core.errors import VodError, config_error
from vodgui.core.messages import Message
from vodgui.core.network import NetworkSettings, check_appserver_url, split_proxy_url
from vodgui.core.paths import atomic_write_json
from vodgui.core.sts import MAX_DURATION, MIN_DURATION, RoleSettings
from vodgui.core.transfer.config import TransferConfig

log = logging.getLogger(__name__)

MODES = ("credential", "sts")
SOURCES = ("accesskey", "appserver")
SANDBOX_PROFILE = "Sandbox"
_NAME = re.compile(r"^[^\x00-\x1f:/\\]{1,64}$")
_REGION = re.compile(r"^[a-z]{2,}(-[a-z0-9]+)+$")

#: Session policy presets for STS mode.
POLICY_UPLOAD_ONLY = json.dumps({"Version": "1", "Statement": [
    {"Effect": "Allow", "Action": ["vod:CreateUploadVideo", "vod:RefreshUploadVideo"], "Resource": "*"}]})
POLICY_UPLOAD_AND_PLAYBACK = json.dumps({"Version": "1", "Statement": [
    {"Effect": "Allow", "Action": ["vod:CreateUploadVideo", "vod:RefreshUploadVideo", "vod:GetVideoInfo",
                                   "vod:GetVideoInfos", "vod:GetVideoPlayAuth", "vod:GetPlayInfo"],
     "Resource": "*"}]})


@dataclass
class Profile:
    name: str
    region: str = "cn-shanghai"
    mode: str = "credential"
    source: str = "accesskey"
    vod_endpoint: str = ""  # empty: vod.<region>.aliyuncs.com
    sts_endpoint: str = ""  # empty: sts.<region>.aliyuncs.com
    access_key_id: str = ""
    role_arn: str = ""
    role_session_name: str = "vodgui"
    duration_seconds: int = 3600
    policy: str = ""
    appserver_url: str = ""
    transfer: TransferConfig = field(default_factory=TransferConfig)
    sandbox: bool = False
    #: Network (see :class:`~vodgui.core.network.NetworkSettings`); the proxy password is in the keychain.
    proxy_mode: str = "system"
    proxy_url: str = ""
    proxy_user: str = ""
    no_proxy: str = ""
    ca_file: str = ""
    #: Upload acceleration (:mod:`vodgui.core.acceleration`): OSS traffic through the accelerate endpoint
    #: (empty: OSS's global one), asked for in each upload's UserData. Billed; enabled per account by Alibaba Cloud.
    accelerate: bool = False
    accelerate_endpoint: str = ""

    @property
    def network(self) -> NetworkSettings:
        """The network settings; the built-in sandbox is on this computer and is always reached directly."""
        if self.sandbox:
            return NetworkSettings(proxy_mode="none")
        return NetworkSettings(self.proxy_mode, self.proxy_url.strip(), self.proxy_user.strip(),
                               self.no_proxy.strip(), self.ca_file.strip())

    @property
    def proxy_password_used(self) -> bool:
        """Whether a keychain proxy password applies (a proxy user is set and a proxy may be used)."""
        return bool(self.proxy_user.strip()) and self.proxy_mode != "none" and not self.sandbox

    @property
    def needs_secret(self) -> str | None:
        """The keychain field this profile needs, or None."""
        if self.sandbox:
            return None
        return "access_key_secret" if self.source == "accesskey" else "appserver_token"

    @property
    def has_vod(self) -> bool:
        """Whether a session for this profile holds a VOD client: False only for credential mode with an
        AppServer source (the AppServer hands out upload credentials; there are no keys to call VOD with)."""
        return not (self.mode == "credential" and self.source == "appserver")

    @property
    def accelerate_target(self) -> str | None:
        """The accelerate endpoint OSS traffic goes to, or None when the switch is off."""
        if not self.accelerate:
            return None
        return check_endpoint(self.accelerate_endpoint) if self.accelerate_endpoint.strip() \
            else DEFAULT_ACCELERATE_ENDPOINT

    def role(self) -> RoleSettings:
        return RoleSettings(self.role_arn, self.role_session_name, self.duration_seconds, self.policy or None)

    def validate(self) -> Profile:
        if not _NAME.match(self.name) or self.name != self.name.strip():
            raise config_error("InvalidProfileName")
        if self.mode not in MODES:
            raise config_error("InvalidMode", params={"allowed": list(MODES)})
        if self.source not in SOURCES:
            raise config_error("InvalidSource", params={"allowed": list(SOURCES)})
        if not _REGION.match(self.region):
            raise config_error("InvalidRegion", params={"region": repr(self.region)})
        if self.accelerate_endpoint.strip():
            check_endpoint(self.accelerate_endpoint)
        if self.sandbox:
            return self
        if self.source == "accesskey" and not self.access_key_id.strip():
            raise config_error("MissingAccessKeyId")
        if self.source == "appserver":
            check_appserver_url(self.appserver_url)
        if self.mode == "sts" and self.source == "accesskey":
            self.role().validate()
            if self.policy.strip():
                check_policy_json(self.policy)
        if not MIN_DURATION <= self.duration_seconds <= MAX_DURATION:
            raise config_error("InvalidDurationSeconds", params={
                "low": MIN_DURATION, "high": MAX_DURATION, "value": self.duration_seconds})
        self.transfer.validate()
        self.network.validate()
        return self

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["transfer"] = self.transfer.to_json()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        names = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in names}
        values["transfer"] = TransferConfig.from_json(data.get("transfer"))
        return cls(**values)


_SECRET_NAMES = {"access_key_secret": Message("secret.access_key_secret").to_dict(),
                 "appserver_token": Message("secret.appserver_token").to_dict(),
                 "proxy_password": Message("secret.proxy_password").to_dict()}


def secret_name(field: str) -> dict[str, Any]:
    """The words for a secret field (``access_key_secret``, ``appserver_token``), as a message to render."""
    return _SECRET_NAMES.get(field) or {"code": field}


def check_policy_json(text: str) -> dict[str, Any]:
    """A client-side grammar check of a session policy, naming the fault (the service only says "grammar")."""
    try:
        doc = json.loads(text)
    except ValueError as exc:
        raise config_error("InvalidPolicy.NotJson", params={"reason": str(exc)}) from None
    if not isinstance(doc, dict):
        raise config_error("InvalidPolicy.NotObject")
    if len(text) > 2048:
        raise config_error("InvalidPolicy.TooLong", params={"limit": 2048})
    if doc.get("Version") != "1":
        raise config_error("InvalidPolicy.Version")
    statements = doc.get("Statement")
    if not isinstance(statements, list) or not statements:
        raise config_error("InvalidPolicy.NoStatement")
    for i, st in enumerate(statements):
        if not isinstance(st, dict):
            raise config_error("InvalidPolicy.StatementNotObject", params={"index": i + 1})
        if st.get("Effect") not in ("Allow", "Deny"):
            raise config_error("InvalidPolicy.Effect", params={"index": i + 1})
        if "Action" not in st and "NotAction" not in st:
            raise config_error("InvalidPolicy.NoAction", params={"index": i + 1})
        if "Resource" not in st and "NotResource" not in st:
            raise config_error("InvalidPolicy.NoResource", params={"index": i + 1})
        actions = st.get("Action", st.get("NotAction"))
        for action in [actions] if isinstance(actions, str) else actions or []:
            if not isinstance(action, str) or not re.match(r"^(\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+)$", action):
                raise config_error("InvalidPolicy.Action", params={"index": i + 1, "action": repr(action)})
    return doc


class ProfileStore:
    """``profiles.json`` in the config directory; thread-safe, atomic writes."""

    def __init__(self, config_dir: Path) -> None:
        self.path = Path(config_dir) / "profiles.json"
        self._lock = threading.Lock()

    def _load(self) -> dict[str, Any]:
        if not self.path.exists():
            return {"version": 1, "default": None, "profiles": []}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise config_error("CorruptProfiles", params={"path": str(self.path), "reason": str(exc)}) from None
        return data if isinstance(data, dict) else {"version": 1, "default": None, "profiles": []}

    def _save(self, data: dict[str, Any]) -> None:
        atomic_write_json(self.path, data)

    def list(self) -> list[Profile]:
        with self._lock:
            return [Profile.from_json(p) for p in self._load().get("profiles", [])]

    def get(self, name: str) -> Profile | None:
        return next((p for p in self.list() if p.name == name), None)

    def require(self, name: str) -> Profile:
        profile = self.get(name)
        if profile is None:
            raise self._not_found(name, self.list())
        return profile

    @staticmethod
    def _not_found(name: str, profiles: Iterable[Profile]) -> VodError:
        known = [p.name for p in profiles]
        if not known:
            return config_error("ProfileNotFound.NoProfiles", params={"name": repr(name)})
        return config_error("ProfileNotFound", params={"name": repr(name), "known": known})

    def update(self, name: str, change: Callable[[Profile], Profile]) -> Profile:
        """Load profile ``name``, apply ``change``, validate and save it, all under the store's lock (atomic
        against concurrent writers). The changed profile keeps its place; a rename (``change`` returning a
        different name) replaces the old entry. Raises ProfileNotFound like :meth:`require`."""
        with self._lock:
            data = self._load()
            entries = list(data.get("profiles", []))
            index = next((i for i, p in enumerate(entries) if p.get("name") == name), None)
            if index is None:
                raise self._not_found(name, [Profile.from_json(p) for p in entries])
            profile = change(Profile.from_json(entries[index])).validate()
            entries[index] = profile.to_json()
            entries = [p for i, p in enumerate(entries) if i == index or p.get("name") != profile.name]
            data["profiles"] = entries
            if data.get("default") == name:
                data["default"] = profile.name
            self._save(data)
        return profile

    def put(self, profile: Profile, *, replace_name: str | None = None) -> None:
        profile.validate()
        with self._lock:
            data = self._load()
            old = replace_name or profile.name
            profiles = [p for p in data.get("profiles", []) if p.get("name") not in (old, profile.name)]
            profiles.append(profile.to_json())
            data["profiles"] = profiles
            if not data.get("default") or data.get("default") == old:
                data["default"] = profile.name
            self._save(data)

    def delete(self, name: str) -> None:
        with self._lock:
            data = self._load()
            data["profiles"] = [p for p in data.get("profiles", []) if p.get("name") != name]
            if data.get("default") == name:
                data["default"] = data["profiles"][0]["name"] if data["profiles"] else None
            self._save(data)

    @property
    def default(self) -> str | None:
        with self._lock:
            value = self._load().get("default")
        return str(value) if value else None

    def set_default(self, name: str) -> None:
        with self._lock:
            data = self._load()
            data["default"] = name
            self._save(data)

    def migrate_proxy_passwords(self, secrets: Any) -> builtins.list[str]:
        """Move proxy settings an older version kept in ``transfer.proxy`` (``http://user:pass@host:port``) to
        the profile's proxy fields, the password to the keychain (``proxy_password``). Returns the names of the
        profiles changed. Touches the keychain only when there is a password to move; if the keychain refuses,
        the profile is left as it was (and said so in the log) and the next start tries again."""
        changed: builtins.list[str] = []
        with self._lock:
            if not self.path.exists():
                return changed
            data = self._load()
            for entry in data.get("profiles", []):
                name = str(entry.get("name"))
                transfer = entry.get("transfer") if isinstance(entry.get("transfer"), dict) else {}
                legacy = str(transfer.get("proxy") or "")
                inline = str(entry.get("proxy_url") or "")
                source = legacy or inline
                bare, user, password = split_proxy_url(source) if source else ("", "", "")
                if not legacy and not password:
                    if "proxy" in transfer:  # an empty legacy field: it meant the system's proxy, the default
                        transfer.pop("proxy")
                        changed.append(name)
                    continue
                if password:
                    try:
                        secrets.set(name, "proxy_password", password)
                    except VodError as err:
                        log.warning("the proxy password of profile %s stays in %s until the keychain works: %s",
                                    name, self.path.name, err.message)
                        continue
                if legacy:
                    entry["proxy_mode"] = "manual"
                entry["proxy_url"] = bare
                entry["proxy_user"] = user or str(entry.get("proxy_user") or "")
                transfer.pop("proxy", None)
                changed.append(name)
            if changed:
                self._save(data)
        if changed:
            log.info("proxy settings of %s moved out of the profile file (passwords to the keychain)",
                     ", ".join(changed))
        return changed

    def ensure_sandbox(self) -> Profile:
        """The built-in sandbox profile, created on first run."""
        existing = self.get(SANDBOX_PROFILE)
        if existing is not None and existing.sandbox:
            return existing
        profile = Profile(SANDBOX_PROFILE, sandbox=True)
        self.put(profile)
        return profile


def with_transfer(profile: Profile, **changes: Any) -> Profile:
    return replace(profile, transfer=profile.transfer.with_changes(**changes))
