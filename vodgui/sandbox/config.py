"""Sandbox configuration: the account, its RAM users and roles, and the tunable service behaviour.

The identities are generated once (random, or from ``seed``) and, with a data directory, written to
``sandbox-config.json`` there so a restarted sandbox keeps the same keys. Anyone can edit that file to add users,
roles and policies; it is read back on start.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from vodgui.sandbox.ids import IdGenerator

DEFAULT_REGION = "cn-shanghai"

#: Role policy of the default role: everything in VOD.
VOD_FULL_ACCESS: dict[str, Any] = {
    "Version": "1",
    "Statement": [{"Effect": "Allow", "Action": "vod:*", "Resource": "*"}],
}


@dataclass
class AccessKeyRecord:
    """One long-term AccessKey pair. ``owner`` is ``"root"`` for the account or a RAM user name."""

    access_key_id: str
    access_key_secret: str
    owner: str
    active: bool = True


@dataclass
class RamUser:
    name: str
    policies: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class RamRole:
    """A RAM role. ``trusted`` lists RAM user names (or ``"*"`` for any user of the account)."""

    name: str
    trusted: list[str] = field(default_factory=list)
    policies: list[dict[str, Any]] = field(default_factory=list)
    max_session_duration: int = 3600


@dataclass
class Settings:
    """Service behaviour that tests and QA tune through the control plane."""

    upload_auth_ttl: int = 3000
    min_part_size: int = 100 * 1024
    max_parts: int = 10_000
    max_part_size: int = 5 * 1024**3
    #: Seconds from upload completion until transcoding starts, and how long it takes.
    transcode_delay: float = 1.0
    transcode_duration: float = 2.0
    #: "full": real FFmpeg renditions of the template group; "original": no FFmpeg, the original only (a file
    #: that is not media still ends TranscodeFail). Template heights are multiplied by ``transcode_scale``
    #: (tests transcode at a few dozen pixels). Worker threads, and how many jobs may wait before new ones fail.
    transcode_mode: str = "full"
    transcode_scale: float = 1.0
    transcode_workers: int = 1
    transcode_queue_max: int = 32
    #: Link emulation: ``latency_ms`` is the round trip each request waits before it is served (plus up to
    #: ``jitter_ms`` more, at random); ``bandwidth_bps`` caps each connection; ``link_bps`` is the capacity all
    #: connections share; ``loss_rate`` is the chance that a 64 KiB chunk costs one more round trip.
    latency_ms: float = 0.0
    bandwidth_bps: float = 0.0
    link_bps: float = 0.0
    jitter_ms: float = 0.0
    loss_rate: float = 0.0
    #: Transfer acceleration of the account's VOD storage bucket (enabled by a ticket to Alibaba Cloud): off, the
    #: accelerate endpoints refuse every request with AccessDenied.
    transfer_acceleration: bool = False
    #: Accepted difference between a request's timestamp and the sandbox's wall clock.
    max_skew_seconds: int = 15 * 60
    #: CDN: the private key for URL authentication type A; the CDN's own extra TTL on top of the timestamp.
    cdn_auth_key: str = ""
    cdn_extra_ttl: int = 0
    #: The URL authentication type of the sandbox's play domain: "A", "B", "C" or "off".
    cdn_auth_type: str = "A"
    #: The secret of the sandbox's HLS token service (MtsHlsUriToken), standing in for the customer's own.
    hls_token_key: str = ""
    play_auth_default_timeout: int = 100
    #: UploadMediaByURL: wall-clock seconds a pull job waits in PENDING and again in UPLOADING so clients can
    #: observe them (read live: lowering it releases a waiting job); the pull's socket timeout; its size cap.
    url_pull_delay: float = 0.0
    url_pull_timeout: float = 10.0
    url_pull_max_bytes: int = 5 * 1024**3

    def update(self, values: dict[str, Any]) -> None:
        for name, value in values.items():
            if not hasattr(self, name):
                raise KeyError(name)
            current = getattr(self, name)
            if isinstance(current, bool) and not isinstance(value, bool):
                raise ValueError(f"{name} must be true or false")
            setattr(self, name, type(current)(value))


@dataclass
class SandboxConfig:
    region: str
    account_id: str
    account_keys: list[AccessKeyRecord]
    users: list[RamUser]
    user_keys: list[AccessKeyRecord]
    roles: list[RamRole]
    appserver_token: str
    settings: Settings = field(default_factory=Settings)
    seed: str | None = None

    # -- derived ---------------------------------------------------------------------------------------------
    def role_arn(self, role: RamRole) -> str:
        return f"acs:ram::{self.account_id}:role/{role.name.lower()}"

    def find_role(self, arn: str) -> RamRole | None:
        for role in self.roles:
            if self.role_arn(role) == arn.lower() or self.role_arn(role) == arn:
                return role
        return None

    def find_user(self, name: str) -> RamUser | None:
        return next((u for u in self.users if u.name == name), None)

    def all_keys(self) -> list[AccessKeyRecord]:
        return [*self.account_keys, *self.user_keys]

    # -- construction ----------------------------------------------------------------------------------------
    @classmethod
    def generate(cls, seed: str | None = None, region: str = DEFAULT_REGION) -> SandboxConfig:
        ids = IdGenerator(None if seed is None else f"config:{seed}")
        account_id = str(10**15 + int(ids.hex(16), 16) % (9 * 10**15))
        user = "vod-uploader"
        assume_role_policy = {
            "Version": "1",
            "Statement": [
                {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": f"acs:ram::{account_id}:role/*"}
            ],
        }
        settings = Settings(cdn_auth_key=ids.alnum(24), hls_token_key=ids.alnum(24))
        return cls(
            region=region,
            account_id=account_id,
            account_keys=[AccessKeyRecord(ids.access_key_id(), ids.secret(), "root")],
            users=[RamUser(user, [assume_role_policy])],
            user_keys=[AccessKeyRecord(ids.access_key_id(), ids.secret(), user)],
            roles=[RamRole("VodUploaderRole", trusted=[user], policies=[VOD_FULL_ACCESS])],
            appserver_token=ids.alnum(40),
            settings=settings,
            seed=seed,
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SandboxConfig:
        return cls(
            region=data["region"],
            account_id=data["account_id"],
            account_keys=[AccessKeyRecord(**k) for k in data["account_keys"]],
            users=[RamUser(**u) for u in data["users"]],
            user_keys=[AccessKeyRecord(**k) for k in data["user_keys"]],
            roles=[RamRole(**r) for r in data["roles"]],
            appserver_token=data["appserver_token"],
            settings=Settings(**data.get("settings", {})),
            seed=data.get("seed"),
        )

    @classmethod
    def load_or_create(cls, data_dir: Path | None, seed: str | None = None) -> SandboxConfig:
        if data_dir is None:
            return cls.generate(seed)
        path = Path(data_dir) / "sandbox-config.json"
        if path.exists():
            return cls.from_json(json.loads(path.read_text(encoding="utf-8")))
        config = cls.generate(seed)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(config.to_json(), indent=2), encoding="utf-8")
        tmp.chmod(0o600)
        tmp.replace(path)
        return config
