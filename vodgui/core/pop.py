"""Shared plumbing for the POP RPC products (VOD, STS) on aliyun-python-sdk-core.

The SDK does no retries for VOD/STS (docs/protocols.md, 'SDK retries (VOD, STS)'), so every call goes through
:func:`call_with_retry`. One ``AcsClient`` is kept per credential, because the client owns its HTTP connection pool.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from aliyunsdkcore.acs_exception.exceptions import ClientException, ServerException
from aliyunsdkcore.auth.credentials import StsTokenCredential
from aliyunsdkcore.auth.signers.sts_token_signer import StsTokenSigner
from aliyunsdkcore.client import AcsClient
from aliyunsdkcore.request import RpcRequest

from vodgui.core.clock import Clock
from vodgui.core.credentials import AccessKey, StsToken, format_utc
from vodgui.core.errors import ErrorKind, VodError, from_pop_exception
from vodgui.core.network import Network
from vodgui.core.retry import RetryObserver, RetryPolicy, call_with_retry

log = logging.getLogger(__name__)

Credential = AccessKey | StsToken


@dataclass(frozen=True)
class ConnectionOptions:
    """Network settings shared by every client of a profile: the proxy and trust (:class:`Network`, the
    system's when not given) and the timeouts."""

    network: Network = field(default_factory=Network)
    connect_timeout: float = 10.0
    read_timeout: float = 30.0

    def __post_init__(self) -> None:
        if self.network is None:  # ConnectionOptions(None, ...): the system's settings
            object.__setattr__(self, "network", Network())

    def proxies(self) -> dict[str, str] | None:
        """Always None: the proxy is chosen per request by the :class:`~vodgui.core.network.NetSession` every
        client sends through (kept for callers that pass ``proxies=`` to oss2)."""
        return None


class SignerSource(Protocol):
    """Provides the credential that signs POP requests, refreshing temporary ones."""

    def current(self) -> Credential:
        """A credential valid for a while yet (refreshed here if it is about to expire)."""

    def force_refresh(self, failed: Credential) -> None:
        """The service rejected ``failed`` as expired: get a new one, unless another thread already did."""

    def describe(self) -> str:
        """Short, secret-free description for logs and the UI."""


class StaticSigner:
    """A long-term AccessKey (from the keychain)."""

    def __init__(self, key: AccessKey) -> None:
        self._key = key

    def current(self) -> Credential:
        return self._key

    def force_refresh(self, failed: Credential) -> None:
        return None

    def describe(self) -> str:
        return f"AccessKey {self._key.access_key_id}"


class FixedSigner:
    """Temporary credentials that cannot be renewed here (a PlayAuth's, or a token checked once)."""

    def __init__(self, token: StsToken, label: str = "STS token") -> None:
        self._token = token
        self._label = label

    def current(self) -> Credential:
        return self._token

    def force_refresh(self, failed: Credential) -> None:
        return None

    def describe(self) -> str:
        return f"{self._label} {self._token.access_key_id}"


class CachingTokenSigner:
    """An STS token shared by every request until shortly before it expires, then fetched again; also fetched
    again when a service says it expired (unless another thread already did). One fetch at a time.

    The renewal margin is ``margin`` seconds, but at most a quarter of the token's lifetime, so a short-lived
    token is not fetched on every use. Used for AssumeRole with a local key and for an AppServer's token.
    """

    def __init__(self, fetch: Callable[[], StsToken], clock: Clock, margin: float, label: str) -> None:
        self._fetch = fetch
        self._clock = clock
        self._margin = margin
        self._label = label
        self._lock = threading.Lock()
        self._token: StsToken | None = None
        self._token_margin = margin
        self.refreshes = 0

    def _renew(self) -> StsToken:
        token = self._fetch()
        self._token_margin = min(self._margin, max(0.0, (token.expires_at - self._clock.now()) / 4))
        self._token = token
        self.refreshes += 1
        log.info("%s: new token %s valid until %s", self._label, token.access_key_id,
                 format_utc(token.expires_at))
        return token

    def current(self) -> Credential:
        with self._lock:
            token = self._token
            if token is None or token.expires_within(self._token_margin, self._clock.now()):
                token = self._renew()
            return token

    def force_refresh(self, failed: Credential) -> None:
        with self._lock:
            if self._token is None or self._token.access_key_id == failed.access_key_id:
                self._renew()

    def describe(self) -> str:
        return self._label


def normalize_endpoint(endpoint: str, default_scheme: str = "https") -> str:
    """``vod.cn-shanghai.aliyuncs.com`` -> ``https://vod.cn-shanghai.aliyuncs.com``; a given scheme is kept."""
    endpoint = endpoint.strip().rstrip("/")
    if not endpoint:
        raise VodError("InvalidEndpoint", kind=ErrorKind.CONFIG)
    return endpoint if "://" in endpoint else f"{default_scheme}://{endpoint}"


class PopCaller:
    """Signs and sends RPC requests for one product with retries and credential refresh."""

    def __init__(self, service: str, region: str, endpoint: str, signer: SignerSource,
                 conn: ConnectionOptions, retry: RetryPolicy, clock: Clock) -> None:
        self.service = service
        self.region = region
        self.endpoint = normalize_endpoint(endpoint)
        self.signer = signer
        self._conn = conn
        self._retry = retry
        self._clock = clock
        self._clients: dict[tuple[str, ...], AcsClient] = {}
        self._lock = threading.Lock()

    def _client(self, cred: Credential) -> AcsClient:
        if isinstance(cred, StsToken):
            ident: tuple[str, ...] = (cred.access_key_id, cred.security_token.reveal())
        else:
            ident = (cred.access_key_id, cred.access_key_secret.reveal())
        with self._lock:
            client = self._clients.get(ident)
            if client is not None:
                return client
            common: dict[str, Any] = dict(
                region_id=self.region, auto_retry=False, max_retry_time=0,
                connect_timeout=self._conn.connect_timeout, timeout=self._conn.read_timeout,
                user_agent="vodgui",
            )
            if isinstance(cred, StsToken):
                sts = StsTokenCredential(cred.access_key_id, cred.access_key_secret.reveal(),
                                         cred.security_token.reveal())
                client = AcsClient(credential=sts, **common)
                # The SDK prefers ALIYUN_ACCESS_KEY_ID/SECRET from the environment over an explicit STS
                # credential (signer_factory.py): force the STS signer so a stray variable cannot hijack us.
                client._signer = StsTokenSigner(sts)
            else:
                client = AcsClient(cred.access_key_id, cred.access_key_secret.reveal(), **common)
            # The SDK sends through ``client.session`` (prepare_request + send): ours brings the profile's proxy,
            # the system trust store and typed proxy/TLS failures.
            client.session = self._conn.network.session(self.service)
            if len(self._clients) > 16:  # old temporary credentials: drop their pools
                self._clients.clear()
            self._clients[ident] = client
            return client

    def call(self, make_request: Callable[[], RpcRequest], params: dict[str, Any], *,
             interrupt: threading.Event | None = None, on_retry: RetryObserver | None = None) -> dict[str, Any]:
        """Send the request built by ``make_request`` with ``params``; return the decoded JSON body. ``on_retry``
        hears about each retry (see :func:`~vodgui.core.retry.call_with_retry`)."""
        probe = make_request()
        action = probe.get_action_name()
        used: list[Credential] = []

        def attempt() -> dict[str, Any]:
            cred = self.signer.current()
            used[:] = [cred]
            request = make_request()
            for name, value in params.items():
                if value is not None and value != "":
                    request.add_query_param(name, str(value))
            request.set_endpoint(self.endpoint)
            request.set_accept_format("JSON")
            try:
                body = self._client(cred).do_action_with_exception(request)
            except (ServerException, ClientException) as exc:
                raise from_pop_exception(exc, self.service) from None
            try:
                data = json.loads(body)
            except ValueError:
                raise VodError("InvalidResponse.NotJson", params={"action": action, "status": 200},
                               kind=ErrorKind.SERVER, service=self.service, retryable=True) from None
            if not isinstance(data, dict):
                raise VodError("InvalidResponse.Unexpected", params={"action": action}, kind=ErrorKind.SERVER,
                               service=self.service)
            return data

        def refresh() -> None:
            if used:
                self.signer.force_refresh(used[0])

        return call_with_retry(attempt, policy=self._retry, clock=self._clock, what=f"{self.service}:{action}",
                               refresh=refresh, interrupt=interrupt, on_retry=on_retry)
