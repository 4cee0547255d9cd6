"""Every connection a profile makes, in one place: which proxy, which certificates are trusted, and what a
network failure means.

* **Trust.** Certificates are verified against the operating system's trust store (``truststore``), so a CA
  that IT installed (a TLS-inspecting company proxy) works with no setting; a profile may add one CA file. The
  same context serves VOD/STS (aliyunsdkcore), OSS (oss2), the AppServer and playback checks. Verification
  cannot be switched off: :class:`NetSession` forces ``verify=True`` whatever a caller passes.
* **Proxy.** ``system`` (the default: the OS settings and environment, ``NO_PROXY`` honoured, then a PAC file
  from the OS settings or WPAD through ``pypac``), ``none``, ``manual`` (HTTP, HTTPS or SOCKS5, with the
  profile's own bypass list) or ``pac`` (a PAC file the profile names). The proxy password lives in the keychain
  and is added to the proxy URL only in memory.
* **Failures.** A proxy that answers 407, a proxy that cannot be reached and a certificate that is not trusted
  become :class:`~vodgui.core.errors.VodError` with their own codes (``ProxyAuthRequired``,
  ``ProxyUnreachable``, ``TlsUntrusted``, ``TlsError``) raised from inside the HTTP session, so the SDKs above it
  neither retry them as server errors nor show the proxy's HTML page.

aliyunsdkcore sends through ``AcsClient.session`` (a requests-like session it calls ``prepare_request`` and
``send`` on) and oss2 through ``oss2.Session.session``; both get a :class:`NetSession`.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import socket
import ssl
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import requests
import requests.adapters
import truststore

from vodgui.core.credentials import Secret
from vodgui.core.errors import ErrorKind, VodError, config_error
from vodgui.core.messages import Message
from vodgui.core.redact import redact

log = logging.getLogger(__name__)

PROXY_MODES = ("system", "none", "manual", "pac")
#: How long the system's proxy settings are cached by a profile's :class:`Network`, seconds.
SYSTEM_PROXY_TTL = 30.0
PROXY_SCHEMES = ("http", "https", "socks5", "socks5h")

#: OpenSSL verify codes that mean "the chain ends at a CA this computer does not trust".
_UNTRUSTED_CODES = frozenset({2, 18, 19, 20, 21})


# -- settings ------------------------------------------------------------------------------------------------
def is_loopback(host: str) -> bool:
    """``localhost`` or a loopback address (127.0.0.0/8, ::1)."""
    host = (host or "").strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def split_proxy_url(url: str) -> tuple[str, str, str]:
    """``http://user:pass@host:port`` -> (``http://host:port``, user, password); user and password unquoted."""
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.hostname:
        return url.strip(), "", ""
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    bare = f"{parts.scheme}://{host}" + (f":{parts.port}" if parts.port else "")
    return bare, unquote(parts.username or ""), unquote(parts.password or "")


def with_credentials(proxy: str, user: str, password: str) -> str:
    """The proxy URL with ``user:password@`` (percent-encoded) unless it already carries credentials."""
    if not user or "@" in proxy.split("://", 1)[-1]:
        return proxy
    scheme, rest = proxy.split("://", 1) if "://" in proxy else ("http", proxy)
    auth = quote(user, safe="") + (f":{quote(password, safe='')}" if password else "")
    return f"{scheme}://{auth}@{rest}"


def display_proxy(proxy: str) -> str:
    """A proxy URL fit for a message: without its credentials, e.g. ``127.0.0.1:3128``."""
    bare, _, _ = split_proxy_url(proxy)
    return bare.split("://", 1)[-1] if "://" in bare else bare


def check_proxy_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in PROXY_SCHEMES or not parts.hostname:
        raise config_error("InvalidProxy")
    try:
        parts.port  # noqa: B018 - raises for a port that is not a number
    except ValueError:
        raise config_error("InvalidProxy") from None
    if parts.password:
        raise config_error("InlineProxyPassword")


def check_appserver_url(url: str) -> None:
    """An AppServer gets the bearer token with every request: https:// only, http:// just for loopback."""
    parts = urlsplit(url.strip())
    if parts.scheme == "https" and parts.hostname:
        return
    if parts.scheme == "http" and parts.hostname and is_loopback(parts.hostname):
        return
    raise config_error("InvalidAppServerURL")


@dataclass(frozen=True)
class NetworkSettings:
    """A profile's network choices, as stored (no password here: that is in the keychain).

    Attributes:
        proxy_mode: ``system``, ``none``, ``manual`` or ``pac``.
        proxy_url: ``manual``: ``http|https|socks5://host:port``; ``pac``: the PAC file's URL or path.
        proxy_user: the proxy user name (its password is the keychain's ``proxy_password``).
        no_proxy: ``manual``: comma-separated hosts/domains/networks that go direct.
        ca_file: a PEM file with CA certificates trusted in addition to the operating system's.
    """

    proxy_mode: str = "system"
    proxy_url: str = ""
    proxy_user: str = ""
    no_proxy: str = ""
    ca_file: str = ""

    def validate(self) -> NetworkSettings:
        if self.proxy_mode not in PROXY_MODES:
            raise config_error("InvalidProxyMode", params={"allowed": list(PROXY_MODES)})
        if self.proxy_mode == "manual":
            if not self.proxy_url.strip():
                raise config_error("InvalidProxy.Empty")
            check_proxy_url(self.proxy_url.strip())
        if self.proxy_mode == "pac" and not self.proxy_url.strip():
            raise config_error("InvalidPacURL")
        if self.ca_file.strip():
            load_ca_file(self.ca_file.strip())
        return self


# -- trust ---------------------------------------------------------------------------------------------------
@lru_cache(maxsize=8)
def _context(ca_file: str, mtime: float) -> ssl.SSLContext:
    ctx = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if ca_file:
        ctx.load_verify_locations(cafile=ca_file)
    # The variables each SDK reads on its own stay honoured, as additions to the system store.
    for var in ("REQUESTS_CA_BUNDLE", "ALIBABA_CLOUD_CA_BUNDLE"):
        extra = os.environ.get(var)
        if extra and os.path.isfile(extra):
            try:
                ctx.load_verify_locations(cafile=extra)
            except (OSError, ssl.SSLError) as exc:
                log.warning("%s=%s cannot be loaded: %s", var, extra, exc)
    return ctx


def load_ca_file(path: str) -> ssl.SSLContext:
    """The TLS context trusting the OS store plus ``path``; a config error names a file that cannot be used."""
    try:
        mtime = os.stat(path).st_mtime if path else 0.0
        return _context(path, mtime)
    except FileNotFoundError:
        raise config_error("InvalidCAFile.NotFound", params={"path": path}) from None
    except (OSError, ssl.SSLError, ValueError) as exc:
        raise config_error("InvalidCAFile", params={"path": path, "reason": type(exc).__name__}) from None


# -- proxy resolution ----------------------------------------------------------------------------------------
_pac_lock = threading.Lock()
_system_pac: list[Any] = []  # [] not looked up yet; [None] none found; [PACFile]


def _discover_system_pac() -> Any:
    """The PAC file from the OS settings (Windows, macOS) or WPAD, looked up once per process."""
    with _pac_lock:
        if not _system_pac:
            pac = None
            if os.environ.get("VODGUI_NO_WPAD") != "1":
                try:
                    import pypac  # type: ignore[import-untyped]

                    pac = pypac.get_pac(from_os_settings=True, from_dns=True, timeout=2)
                except Exception as exc:  # a broken PAC must not stop uploads that may not need it
                    log.warning("proxy auto-configuration failed: %s", redact(str(exc)))
            if pac is not None:
                log.info("using the proxy auto-configuration (PAC) from the system settings")
            _system_pac.append(pac)
        return _system_pac[0]


def _bypassed(host: str, rules: str) -> bool:
    """``host`` matches a ``NO_PROXY``-style list: ``*``, names (``.example.com`` or ``example.com`` also cover
    subdomains), IP addresses and CIDR networks."""
    host = host.strip("[]").lower()
    for rule in (r.strip().lower() for r in rules.replace(";", ",").split(",")):
        if not rule:
            continue
        if rule == "*":
            return True
        try:
            if "/" in rule and ipaddress.ip_address(host) in ipaddress.ip_network(rule, strict=False):
                return True
        except ValueError:
            pass
        rule = rule.split(":", 1)[0] if rule.count(":") == 1 else rule
        name = rule.lstrip(".")
        if host == name or host.endswith("." + name):
            return True
    return False


class Network:
    """A profile's network settings made usable: the proxy for each URL, the TLS context, HTTP sessions."""

    def __init__(self, settings: NetworkSettings | None = None, proxy_password: Secret | None = None,
                 connect_timeout: float = 10.0) -> None:
        self.settings = settings or NetworkSettings()
        self._password = proxy_password
        self._connect_timeout = connect_timeout
        self._pac: Any = None
        self._pac_loaded = False
        self._lock = threading.Lock()
        self._system: tuple[float, dict[str, str]] | None = None

    def _system_proxies(self) -> dict[str, str]:
        """The OS / environment proxies (the registry on Windows, System Configuration on macOS), read at most
        every :data:`SYSTEM_PROXY_TTL` seconds: every part of an upload asks."""
        now = time.monotonic()
        cached = self._system
        if cached is None or now - cached[0] > SYSTEM_PROXY_TTL:
            found = {k: v for k, v in urllib.request.getproxies().items() if k != "no" and v}
            self._system = cached = (now, found)
        return cached[1]

    @property
    def ssl_context(self) -> ssl.SSLContext:
        return load_ca_file(self.settings.ca_file.strip())

    def _credentials(self, proxy: str) -> str:
        password = self._password.reveal() if self._password else ""
        return with_credentials(proxy, self.settings.proxy_user.strip(), password)

    def _profile_pac(self) -> Any:
        with self._lock:
            if not self._pac_loaded:
                import pypac

                where = self.settings.proxy_url.strip()
                try:
                    if "://" in where and not where.startswith("file://"):
                        self._pac = pypac.get_pac(url=where, timeout=self._connect_timeout,
                                                  allowed_content_types=None)
                        if self._pac is None:
                            raise VodError("PacUnavailable", params={"url": where}, kind=ErrorKind.NETWORK,
                                           retryable=True)
                    else:
                        path = where[len("file://"):] if where.startswith("file://") else where
                        with open(path, encoding="utf-8") as f:
                            self._pac = pypac.get_pac(js=f.read())
                except OSError as exc:
                    raise VodError("PacUnavailable.Unreadable", params={"url": where, "reason": str(exc.strerror)},
                                   kind=ErrorKind.CONFIG) from None
                except pypac.parser.MalformedPacError as exc:
                    raise VodError("PacUnavailable.Invalid", params={"url": where, "reason": str(exc)},
                                   kind=ErrorKind.CONFIG) from None
                self._pac_loaded = True
            return self._pac

    @staticmethod
    def _from_pac(pac: Any, url: str) -> str | None:
        from pypac.resolver import ProxyResolver  # type: ignore[import-untyped]

        with _pac_lock:  # dukpy's interpreter is not shared across threads safely
            proxy = ProxyResolver(pac).get_proxy(url)
        return None if not proxy or proxy == "DIRECT" else str(proxy)

    def proxy_for(self, url: str) -> str | None:
        """The proxy URL (with credentials) for a request to ``url``, or None to connect directly."""
        s = self.settings
        parts = urlsplit(url)
        host = parts.hostname or ""
        if s.proxy_mode == "none":
            return None
        if s.proxy_mode == "manual":
            return None if _bypassed(host, s.no_proxy) else self._credentials(s.proxy_url.strip())
        if s.proxy_mode == "pac":
            proxy = self._from_pac(self._profile_pac(), url)
            return self._credentials(proxy) if proxy else None
        # system: the OS / environment proxies first (they carry their own bypass list), then a PAC.
        system = self._system_proxies()
        if system:
            if host and urllib.request.proxy_bypass(host):
                return None
            proxy = system.get(parts.scheme) or system.get("all")
            return self._credentials(proxy) if proxy else None
        if is_loopback(host):  # no WPAD round trip for the local sandbox
            return None
        pac = _discover_system_pac()
        proxy = self._from_pac(pac, url) if pac is not None else None
        return self._credentials(proxy) if proxy else None

    def session(self, service: str, pool_size: int = 10, blocksize: int | None = None) -> NetSession:
        return NetSession(self, service, pool_size, blocksize)

    def describe(self) -> str:
        """The proxy choice in words, without secrets (for logs and diagnostics)."""
        s = self.settings
        if s.proxy_mode in ("manual", "pac"):
            return f"{s.proxy_mode} {display_proxy(s.proxy_url) if s.proxy_mode == 'manual' else s.proxy_url}"
        return s.proxy_mode


# -- the HTTP session ----------------------------------------------------------------------------------------
class _TrustAdapter(requests.adapters.HTTPAdapter):
    """Every pool, direct or through a proxy, verifies with the profile's TLS context."""

    def __init__(self, ctx: ssl.SSLContext, pool_size: int, blocksize: int | None) -> None:
        self._ctx = ctx
        self._blocksize = blocksize
        super().__init__(pool_connections=pool_size, pool_maxsize=pool_size)

    def _extra(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        kwargs["ssl_context"] = self._ctx
        if self._blocksize:
            kwargs.setdefault("blocksize", self._blocksize)
        return kwargs

    def init_poolmanager(self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any) -> None:
        super().init_poolmanager(connections, maxsize, block, **self._extra(pool_kwargs))

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        if proxy.lower().startswith("https://"):
            proxy_kwargs["proxy_ssl_context"] = self._ctx
        return super().proxy_manager_for(proxy, **self._extra(proxy_kwargs))


class NetSession(requests.Session):
    """A requests session that takes the proxy and the trust from the profile, whatever the caller passes, and
    turns proxy and TLS failures into typed errors."""

    def __init__(self, network: Network, service: str, pool_size: int = 10, blocksize: int | None = None) -> None:
        super().__init__()
        self.network = network
        self.service = service
        self.trust_env = False  # the proxy comes from Network.proxy_for, never from requests' own lookup
        adapter = _TrustAdapter(network.ssl_context, pool_size, blocksize)
        self.mount("https://", adapter)
        self.mount("http://", adapter)

    def send(self, request: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
        url = str(request.url)
        proxy = self.network.proxy_for(url)
        kwargs["proxies"] = {"http": proxy, "https": proxy} if proxy else {}
        kwargs["verify"] = True
        kwargs.pop("cert", None)
        try:
            response = super().send(request, **kwargs)
        except requests.RequestException as exc:
            error = classify_failure(exc, url, proxy, self.service, self.network)
            if error is not None:
                raise error from None
            raise
        if response.status_code == 407 and proxy:
            response.close()
            raise proxy_auth_error(proxy, self.service)
        return response


# -- failures ------------------------------------------------------------------------------------------------
def _chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and every exception it wraps (causes, contexts, urllib3 ``reason``, exception arguments)."""
    seen: set[int] = set()
    stack: list[Any] = [exc]
    while stack:
        item = stack.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        yield item
        stack.extend([item.__cause__, item.__context__, getattr(item, "reason", None), *item.args])


def proxy_auth_error(proxy: str, service: str) -> VodError:
    where = display_proxy(proxy)
    has_user = "@" in proxy.split("://", 1)[-1]
    if not has_user:
        return VodError("ProxyAuthRequired.NoCredentials", params={"proxy": where}, kind=ErrorKind.NETWORK,
                        service=service, http_status=407)
    return VodError("ProxyAuthRequired", params={"proxy": where}, kind=ErrorKind.NETWORK, service=service,
                    http_status=407)


def failure_reason(exc: BaseException) -> Message:
    """Why a connection failed, as a message: refused, timed out, unknown host, or the exception's name."""
    for item in _chain(exc):
        if isinstance(item, ConnectionRefusedError):
            return Message("net.refused")
        if isinstance(item, (socket.timeout, TimeoutError)) or "timed out" in str(item).lower():
            return Message("net.timeout")
        if isinstance(item, socket.gaierror):
            return Message("net.unknown_host")
    return Message("net.other", {"name": type(exc).__name__})


def classify_failure(exc: BaseException, url: str, proxy: str | None, service: str,
                     network: Network | None = None) -> VodError | None:
    """A typed error for a proxy or TLS failure of a request to ``url``; None for other failures (the caller's
    usual handling applies: a refused or reset connection to the service itself is retried)."""
    host = urlsplit(url).hostname or url
    chain = list(_chain(exc))
    if proxy:
        try:
            import socks  # type: ignore[import-untyped]
            socks_auth = tuple(getattr(socks, n) for n in ("SOCKS5AuthError",))
            socks_error: tuple[type[BaseException], ...] = (socks.ProxyError,)
        except ImportError:
            socks_auth, socks_error = (), ()
        if any("407" in str(item) for item in chain if isinstance(item, OSError)) or \
                any(isinstance(item, socks_auth) for item in chain):
            return proxy_auth_error(proxy, service)
        if isinstance(exc, requests.exceptions.ProxyError) or any(isinstance(i, socks_error) for i in chain):
            return VodError("ProxyUnreachable", params={"proxy": display_proxy(proxy),
                                                        "reason": failure_reason(exc).to_dict()},
                            kind=ErrorKind.NETWORK, service=service, retryable=True)
    verify = next((i for i in chain if isinstance(i, ssl.SSLCertVerificationError)), None)
    if verify is not None:
        code = getattr(verify, "verify_code", 0)
        message = str(getattr(verify, "verify_message", "") or verify)
        if code in _UNTRUSTED_CODES:
            issuer = peer_issuer(url, proxy, network)
            return VodError("TlsUntrusted", params={"host": host, "issuer": issuer or Message("tls.unknown_issuer")
                                                    .to_dict()}, kind=ErrorKind.NETWORK, service=service)
        return VodError("TlsError", params={"host": host, "reason": message}, kind=ErrorKind.NETWORK,
                        service=service)
    if isinstance(exc, requests.exceptions.SSLError):
        reason = next((str(i) for i in chain if isinstance(i, ssl.SSLError)), type(exc).__name__)
        return VodError("TlsError", params={"host": host, "reason": reason}, kind=ErrorKind.NETWORK,
                        service=service, retryable=True)
    return None


def peer_issuer(url: str, proxy: str | None = None, network: Network | None = None) -> str | None:
    """Who issued the certificate ``url``'s server presents (its issuer's common name), read from a handshake
    that sends no request: only to tell the user which CA would be needed. None if it cannot be read."""
    parts = urlsplit(url)
    host, port = parts.hostname or "", parts.port or 443
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    timeout = network._connect_timeout if network else 10.0
    try:
        if proxy and proxy.startswith(("socks5://", "socks5h://")):
            return None
        if proxy:
            import http.client

            p = urlsplit(proxy)
            headers = {}
            if p.username:
                import base64

                pair = f"{unquote(p.username)}:{unquote(p.password or '')}".encode()
                headers["Proxy-Authorization"] = "Basic " + base64.b64encode(pair).decode()
            conn = http.client.HTTPConnection(p.hostname or "", p.port or 80, timeout=timeout)
            conn.set_tunnel(host, port, headers)
            conn.connect()
            raw = conn.sock
        else:
            raw = socket.create_connection((host, port), timeout=timeout)
        with ctx.wrap_socket(raw, server_hostname=host) as tls:
            der = tls.getpeercert(binary_form=True)
    except (OSError, ValueError):
        return None
    if not der:
        return None
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    issuer = x509.load_der_x509_certificate(der).issuer
    names = issuer.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = names[0].value if names else issuer.rfc4514_string()
    return f'"{value.decode() if isinstance(value, bytes) else value}"'
