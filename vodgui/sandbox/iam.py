"""Who is calling: long-term AccessKeys, temporary credentials, and what each may do.

Temporary credentials come in three kinds, all STS-shaped (``STS.`` AccessKeyId + secret + SecurityToken):

* ``sts`` - issued by AssumeRole; carry the role's policies and an optional session policy.
* ``upload`` - embedded in a VOD UploadAuth; only allow writing one OSS object (or an object prefix for M3U8).
* ``playauth`` - embedded in a legacy PlayAuth; only allow GetPlayInfo for one video, with its AuthInfo.

Each service maps a :class:`CredentialError` to its own wire error (POP JSON or OSS XML).
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field, replace
from enum import Enum
from typing import Any

from vodgui.sandbox.clock import SandboxClock, iso_utc
from vodgui.sandbox.config import RamRole, SandboxConfig
from vodgui.sandbox.ids import IdGenerator
from vodgui.sandbox.policy import Decision, RequestContext, evaluate
from vodgui.sandbox.state import StateStore

#: TempCredential fields a control-plane expiry may filter on (besides the scope).
_MATCHABLE_FIELDS = frozenset({"access_key_id", "role_arn", "session_name", "caller"})

#: How long (logical clock) an expired temporary credential is remembered before :meth:`Iam.issue` forgets it,
#: memory and store row. Until then it answers *Expired*; afterwards the key is unknown. Every GetPlayInfo with
#: OutputType=oss and every PlayAuth issues one, so they must not pile up forever. For 30 days after it expired
#: a token still answers "expired" (as the real STS would); after that it is forgotten and answers "malformed".
EXPIRED_RETENTION_SECONDS = 30 * 24 * 3600.0
#: Pruning scans every credential: at most once per this much logical time.
_PRUNE_INTERVAL_SECONDS = 3600.0


class CredentialProblem(Enum):
    NOT_FOUND = "not_found"
    INACTIVE = "inactive"
    TOKEN_MISSING = "token_missing"
    TOKEN_MALFORMED = "token_malformed"
    TOKEN_MISMATCH = "token_mismatch"
    TOKEN_EXPIRED = "token_expired"


class CredentialError(Exception):
    def __init__(self, problem: CredentialProblem, access_key_id: str) -> None:
        super().__init__(problem.value)
        self.problem = problem
        self.access_key_id = access_key_id


@dataclass
class TempCredential:
    access_key_id: str
    access_key_secret: str
    security_token: str
    kind: str  # "sts" | "upload" | "playauth"
    issued_at: float
    expires_at: float
    role_arn: str = ""
    session_name: str = ""
    caller: str = ""  # the RAM user that assumed the role
    session_policy: dict[str, Any] | None = None
    #: upload: {"bucket", "key"} or {"bucket", "prefix"}; playauth: {"video_id"}
    scope: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Identity:
    """An authenticated caller."""

    kind: str  # "root" | "user" | "sts" | "upload" | "playauth"
    access_key_id: str
    account_id: str
    user: str = ""
    role: RamRole | None = None
    temp: TempCredential | None = None

    @property
    def arn(self) -> str:
        if self.kind == "root":
            return f"acs:ram::{self.account_id}:root"
        if self.kind == "user":
            return f"acs:ram::{self.account_id}:user/{self.user}"
        if self.temp is not None and self.temp.role_arn:
            return f"{self.temp.role_arn.replace(':role/', ':assumed-role/')}/{self.temp.session_name}"
        return f"acs:ram::{self.account_id}:temporary/{self.access_key_id}"


class Iam:
    """Keys, temporary credentials and authorization decisions for one sandbox."""

    KIND = "tempcred"

    def __init__(self, config: SandboxConfig, store: StateStore, ids: IdGenerator, clock: SandboxClock) -> None:
        self.config = config
        self._store = store
        self._ids = ids
        self._clock = clock
        self._lock = threading.Lock()
        self._temp: dict[str, TempCredential] = {
            k: TempCredential(**v) for k, v in store.load(self.KIND).items()
        }
        self._by_token: dict[str, TempCredential] = {t.security_token: t for t in self._temp.values()}
        self._last_prune: float | None = None

    def reset(self) -> None:
        with self._lock:
            self._temp.clear()
            self._by_token.clear()
            self._last_prune = None

    # -- issuing ---------------------------------------------------------------------------------------------
    def issue(self, kind: str, ttl: float, **attrs: Any) -> TempCredential:
        now = self._clock.now()
        cred = TempCredential(
            access_key_id=self._ids.access_key_id("STS."),
            access_key_secret=self._ids.alnum(44),
            security_token=self._ids.security_token(),
            kind=kind,
            issued_at=now,
            expires_at=now + ttl,
            **attrs,
        )
        with self._lock:
            self._temp[cred.access_key_id] = cred
            self._by_token[cred.security_token] = cred
            self._prune_locked(now)
        self._store.put(self.KIND, cred.access_key_id, asdict(cred))
        return cred

    def _prune_locked(self, now: float) -> None:
        """Forget credentials expired more than :data:`EXPIRED_RETENTION_SECONDS` ago (caller holds the lock)."""
        last = self._last_prune
        if last is not None and last <= now < last + _PRUNE_INTERVAL_SECONDS:
            return  # scanned recently (a backward clock jump scans again)
        self._last_prune = now
        cutoff = now - EXPIRED_RETENTION_SECONDS
        stale = [k for k, cred in self._temp.items() if cred.expires_at < cutoff]
        for key in stale:
            self._by_token.pop(self._temp.pop(key).security_token, None)
        self._store.delete_many(self.KIND, stale)

    def expire_matching(self, kind: str, **scope: str) -> int:
        """Make temporary credentials of ``kind`` whose scope contains ``scope`` expire now (control plane).

        A filter key is looked up in the credential's scope first, then among its own string fields
        (``access_key_id``, ``role_arn``, ``session_name``, ``caller``): AssumeRole tokens have no scope, and
        QA needs to expire one of them.
        """
        now = self._clock.now()
        count = 0

        def field_value(cred: TempCredential, name: str) -> str | None:
            if name in cred.scope:
                return cred.scope[name]
            value = getattr(cred, name, None) if name in _MATCHABLE_FIELDS else None
            return value if isinstance(value, str) else None

        with self._lock:
            for cred in self._temp.values():
                if cred.kind == kind and all(field_value(cred, k) == v for k, v in scope.items()):
                    cred.expires_at = min(cred.expires_at, now)
                    self._store.put(self.KIND, cred.access_key_id, asdict(cred))
                    count += 1
        return count

    # -- authentication --------------------------------------------------------------------------------------
    def resolve(self, access_key_id: str, security_token: str | None) -> tuple[str, Identity]:
        """Return ``(secret, identity)`` for a key, or raise :class:`CredentialError`.

        Checks the way the real services do: an unknown key first, then a disabled key; for a temporary key the
        token must be present, well-formed, belong to this key and not be expired.
        """
        for rec in self.config.all_keys():
            if rec.access_key_id == access_key_id:
                if not rec.active:
                    raise CredentialError(CredentialProblem.INACTIVE, access_key_id)
                if rec.owner == "root":
                    return rec.access_key_secret, Identity("root", access_key_id, self.config.account_id)
                return rec.access_key_secret, Identity("user", access_key_id, self.config.account_id,
                                                       user=rec.owner)
        with self._lock:
            cred = self._temp.get(access_key_id)
            by_token = self._by_token.get(security_token) if security_token else None
        if cred is None:
            if access_key_id.startswith("STS.") and security_token and by_token is None:
                raise CredentialError(CredentialProblem.TOKEN_MALFORMED, access_key_id)
            raise CredentialError(CredentialProblem.NOT_FOUND, access_key_id)
        if not security_token:
            raise CredentialError(CredentialProblem.TOKEN_MISSING, access_key_id)
        if by_token is None:
            raise CredentialError(CredentialProblem.TOKEN_MALFORMED, access_key_id)
        if by_token is not cred:
            raise CredentialError(CredentialProblem.TOKEN_MISMATCH, access_key_id)
        if self._clock.now() >= cred.expires_at:
            raise CredentialError(CredentialProblem.TOKEN_EXPIRED, access_key_id)
        role = self.config.find_role(cred.role_arn) if cred.role_arn else None
        return cred.access_key_secret, Identity(cred.kind, access_key_id, self.config.account_id,
                                                user=cred.caller, role=role, temp=cred)

    # -- authorization ---------------------------------------------------------------------------------------
    def decide(self, identity: Identity, action: str, resource: str = "*",
               ctx: RequestContext | None = None) -> Decision:
        """RAM evaluation for an RPC action (``vod:CreateUploadVideo``, ``sts:AssumeRole``...).

        ``acs:CurrentTime`` is the sandbox's logical time unless the caller set it, so Date conditions follow
        the control plane's clock like every expiry does.
        """
        ctx = ctx or RequestContext()
        if not ctx.current_time:
            ctx = replace(ctx, current_time=iso_utc(self._clock.now()))
        if identity.kind == "root":
            return Decision.ALLOW
        if identity.kind == "user":
            user = self.config.find_user(identity.user)
            return evaluate(user.policies if user else [], action, resource, ctx)
        if identity.kind == "sts":
            role_policies = identity.role.policies if identity.role else []
            decision = evaluate(role_policies, action, resource, ctx)
            temp = identity.temp
            if decision is Decision.ALLOW and temp is not None and temp.session_policy is not None:
                decision = evaluate([temp.session_policy], action, resource, ctx)
            return decision
        # Upload and PlayAuth credentials carry no RAM policy: services check their scope themselves.
        return Decision.IMPLICIT_DENY
