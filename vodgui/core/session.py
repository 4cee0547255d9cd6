"""Turns a profile (+ its keychain secret) into working clients: the one place that knows all four
mode/source combinations."""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from typing import Any

from vodgui.core.appserver import AppServerClient, AppServerStsSigner
from vodgui.core.clock import Clock, SystemClock
from vodgui.core.credentials import AccessKey, Secret
from vodgui.core.errors import VodError, config_error
from vodgui.core.keychain import SecretStore
from vodgui.core.ledger import AccountIdentity, Ledger, ProfileLedger, appserver_account
from vodgui.core.network import Network
from vodgui.core.pop import ConnectionOptions, SignerSource, StaticSigner
from vodgui.core.profiles import Profile, ProfileStore, secret_name
from vodgui.core.retry import RetryPolicy
from vodgui.core.sources import UploadSource, VodUploadSource
from vodgui.core.sts import AssumeRoleSigner, StsApi
from vodgui.core.transfer.context import ProfileSession
from vodgui.core.transfer.session import SEND_BLOCK, oss_session
from vodgui.core.vod import VodApi

SandboxInfo = Callable[[], dict[str, Any]]


def resolve_sandbox(profile: Profile, info: dict[str, Any]) -> tuple[Profile, dict[str, Secret]]:
    """Fill a sandbox profile's endpoints and keys from the running sandbox's connection facts."""
    secrets: dict[str, Secret] = {}
    values: dict[str, Any] = {"region": info["region"], "vod_endpoint": info["vod_endpoint"],
                              "sts_endpoint": info["sts_endpoint"], "appserver_url": info["appserver_url"],
                              "accelerate_endpoint": profile.accelerate_endpoint
                              or info.get("oss_accelerate_endpoint", "")}
    if profile.mode == "sts":
        values.update(access_key_id=info["ram_user"]["access_key_id"], role_arn=info["role_arn"])
        secrets["access_key_secret"] = Secret(info["ram_user"]["access_key_secret"])
    else:
        values.update(access_key_id=info["access_key_id"])
        secrets["access_key_secret"] = Secret(info["access_key_secret"])
    secrets["appserver_token"] = Secret(info["appserver_token"])
    return replace(profile, **values), secrets


def connection_options(profile: Profile, secrets: Mapping[str, Secret], connect_timeout: float,
                       read_timeout: float) -> ConnectionOptions:
    """The profile's proxy, trust and timeouts for every client it makes."""
    network = Network(profile.network, secrets.get("proxy_password"), connect_timeout)
    return ConnectionOptions(network, connect_timeout, read_timeout)


class SessionFactory:
    """Builds and caches one :class:`ProfileSession` per profile; :meth:`invalidate` after an edit."""

    def __init__(self, profiles: ProfileStore, secrets: SecretStore, *, clock: Clock | None = None,
                 sandbox_info: SandboxInfo | None = None, ledger: Callable[[], Ledger] | None = None) -> None:
        self.profiles = profiles
        self.secrets = secrets
        self.clock = clock or SystemClock()
        self.sandbox_info = sandbox_info
        self.ledger = ledger
        self._lock = threading.Lock()
        self._cache: dict[str, ProfileSession] = {}
        self._accounts: dict[tuple[str, ...], AccountIdentity] = {}

    def invalidate(self, name: str | None = None) -> None:
        with self._lock:
            if name is None:
                self._cache.clear()
            else:
                self._cache.pop(name, None)

    def __call__(self, name: str) -> ProfileSession:
        with self._lock:
            cached = self._cache.get(name)
        if cached is not None:
            return cached
        profile = self.profiles.require(name)
        session = self.build(profile)
        with self._lock:
            self._cache[name] = session
        return session

    def effective(self, profile: Profile) -> tuple[Profile, dict[str, Secret]]:
        """The profile with sandbox facts filled in, and its secrets."""
        if profile.sandbox:
            if self.sandbox_info is None:
                raise config_error("SandboxNotRunning")
            return resolve_sandbox(profile, self.sandbox_info())
        field = profile.needs_secret
        secrets: dict[str, Secret] = {}
        if field:
            secret = self.secrets.get(profile.name, field)
            if secret is None:
                raise config_error("MissingSecret", params={"secret": secret_name(field),
                                                            "profile": repr(profile.name)})
            secrets[field] = secret
        if profile.proxy_password_used:
            password = self.secrets.get(profile.name, "proxy_password")
            if password is not None:
                secrets["proxy_password"] = password
        return profile, secrets

    def build(self, profile: Profile) -> ProfileSession:
        return self.build_resolved(*self.effective(profile))

    def build_resolved(self, profile: Profile, secrets: Mapping[str, Secret]) -> ProfileSession:
        """A session for a profile :meth:`effective` has resolved already (sandbox facts, secrets)."""
        profile.validate()
        cfg = profile.transfer
        conn = connection_options(profile, secrets, cfg.connect_timeout, cfg.read_timeout)
        retry = cfg.retry_policy
        clock = self.clock
        accelerate = profile.accelerate_target
        vod: VodApi | None = None
        upload: UploadSource
        signer: SignerSource
        appserver: AppServerClient | None = None
        if profile.source == "appserver":
            appserver = AppServerClient(profile.appserver_url, secrets["appserver_token"], conn, retry, clock,
                                        accelerate=accelerate)
        if not profile.has_vod:
            assert appserver is not None
            upload = appserver
        elif profile.mode == "credential":
            signer = StaticSigner(AccessKey(profile.access_key_id.strip(), secrets["access_key_secret"]))
            vod = VodApi(profile.region, profile.vod_endpoint or None, signer, conn, retry, clock,
                         accelerate=accelerate)
            upload = VodUploadSource(vod)
        else:
            if appserver is not None:
                signer = AppServerStsSigner(appserver, clock)
            else:
                sts = StsApi(profile.region, profile.sts_endpoint or None, conn, retry, clock)
                signer = AssumeRoleSigner(sts, AccessKey(profile.access_key_id.strip(),
                                                         secrets["access_key_secret"]), profile.role(), clock)
            vod = VodApi(profile.region, profile.vod_endpoint or None, signer, conn, retry, clock,
                         accelerate=accelerate)
            upload = VodUploadSource(vod)
        pool = max(10, cfg.parts_in_flight * cfg.concurrent_files + 2)
        oss = oss_session(pool)
        # oss2 sends through ``oss2.Session.session``: ours brings the proxy, the trust store and typed failures.
        oss.session = conn.network.session("oss", pool, SEND_BLOCK)
        session = ProfileSession(profile.name, upload, cfg, conn, vod, oss, accelerate=accelerate)
        if self.ledger is not None:
            session.ledger = ProfileLedger(self.ledger(), self.account_identity(profile, vod, conn, retry))
        return session

    def account_identity(self, profile: Profile, vod: VodApi | None, conn: ConnectionOptions,
                         retry: RetryPolicy) -> AccountIdentity:
        """How to learn the account a profile uploads to: GetCallerIdentity for the credential that signs its VOD
        calls (an AccessKey, or the STS token of AssumeRole or of an AppServer); the AppServer's URL when the
        AppServer makes the VOD calls itself."""
        # Cached per profile (as it is now: an edited key or endpoint is another account until learned again).
        ident = (profile.name, profile.mode, profile.source, profile.access_key_id, profile.appserver_url,
                 profile.region, profile.sts_endpoint, profile.role_arn)
        with self._lock:
            cached = self._accounts.get(ident)
        if cached is not None:
            return cached
        if vod is None:
            url = profile.appserver_url
            identity = AccountIdentity(lambda: appserver_account(url), profile.region)
        else:
            sts = StsApi(profile.region, profile.sts_endpoint or None, conn, retry, self.clock)
            identity = AccountIdentity(partial(caller_account, sts, vod.signer), profile.region)
        with self._lock:
            return self._accounts.setdefault(ident, identity)


def caller_account(sts: StsApi, signer: SignerSource) -> str:
    """The account of the credential that signs the VOD calls (GetCallerIdentity). A temporary credential the
    service calls expired is renewed once and asked again, as every VOD call does."""
    cred = signer.current()
    try:
        return "acs:" + sts.get_caller_identity(cred).account_id
    except VodError as err:
        if not err.refresh_credentials:
            raise
        signer.force_refresh(cred)
        return "acs:" + sts.get_caller_identity(signer.current()).account_id


class DraftSessionFactory(SessionFactory):
    """Sessions for a profile being edited and not saved yet ("Test connection" in the editor).

    A secret typed in the editor wins; otherwise the one stored in the keychain under ``stored_name`` (the
    profile's name before the edit, which may differ from the draft's) is used. Nothing is cached.
    """

    def __init__(self, base: SessionFactory, typed: Mapping[str, str] | None = None,
                 stored_name: str | None = None) -> None:
        super().__init__(base.profiles, base.secrets, clock=base.clock, sandbox_info=base.sandbox_info,
                         ledger=base.ledger)
        self._typed = {k: Secret(v) for k, v in (typed or {}).items() if v}
        self._stored_name = stored_name

    def __call__(self, name: str) -> ProfileSession:
        raise TypeError("a draft has no saved profiles to look up; use build()")

    def effective(self, profile: Profile) -> tuple[Profile, dict[str, Secret]]:
        if profile.sandbox:
            return super().effective(profile)
        field = profile.needs_secret
        stored_as = self._stored_name or profile.name
        secrets: dict[str, Secret] = {}
        if field and field in self._typed:
            secrets[field] = self._typed[field]
        elif field:
            secrets[field] = super().effective(replace(profile, name=stored_as))[1][field]
        if profile.proxy_password_used:
            password = self._typed.get("proxy_password") or self.secrets.get(stored_as, "proxy_password")
            if password is not None:
                secrets["proxy_password"] = password
        return profile, secrets
