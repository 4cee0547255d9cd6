"""Upload acceleration: OSS traffic through the transfer-acceleration endpoint, as VOD documents it.

What VOD asks for (docs/protocols.md, "Upload acceleration"): the acceleration is enabled per account and
storage bucket by a ticket to Alibaba Cloud; each upload that wants it says so in the ``UserData`` of its
Create* call, ``{"AccelerateConfig": {"Type": "oss", "Domain": "https://oss-accelerate.aliyuncs.com"}}``, and
sends its bytes to that domain, the OSS accelerate endpoint. A profile with the switch on does both:
:func:`with_accelerate` adds the key to whatever UserData the user gave (their MessageCallback and Extend stay),
and :class:`AcceleratedBucket` is the oss2 bucket on the accelerate endpoint in place of the UploadAddress
endpoint. OSS refuses the accelerate endpoint of a bucket that does not have acceleration enabled:
:func:`explain_refusal` turns that into a message naming the cause and the fix, never retried.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import oss2

from vodgui.core.errors import ErrorKind, VodError, config_error
from vodgui.core.network import is_loopback

#: OSS's two transfer-acceleration endpoints: the global one, and the one for uploads from outside mainland China.
ACCELERATE_ENDPOINTS = ("https://oss-accelerate.aliyuncs.com", "https://oss-accelerate-overseas.aliyuncs.com")
DEFAULT_ACCELERATE_ENDPOINT = ACCELERATE_ENDPOINTS[0]


def check_endpoint(value: str) -> str:
    """``value`` as a URL (http or https, a host, nothing after it but an optional port), or a config error."""
    text = value.strip()
    parts = urlsplit(text)
    try:
        port_ok = parts.port is None or parts.port > 0
    except ValueError:
        port_ok = False
    if parts.scheme not in ("http", "https") or not parts.hostname or not port_ok \
            or parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise config_error("InvalidAccelerateEndpoint", params={"value": value})
    return text.rstrip("/")


def accelerate_config(endpoint: str) -> dict[str, str]:
    """The ``AccelerateConfig`` object of UserData for ``endpoint``."""
    return {"Type": "oss", "Domain": endpoint}


def with_accelerate(user_data: str | None, endpoint: str | None) -> str | None:
    """``user_data`` (a JSON object, already validated, or None) with ``AccelerateConfig`` for ``endpoint`` added.

    The other keys (MessageCallback, Extend...) are kept as given. No endpoint: ``user_data`` unchanged.
    """
    if not endpoint:
        return user_data
    data: dict[str, Any] = json.loads(user_data) if user_data else {}
    data["AccelerateConfig"] = accelerate_config(endpoint)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


class AcceleratedBucket(oss2.Bucket):  # type: ignore[misc]  # oss2 has no type hints
    """An oss2 bucket on the accelerate endpoint; knows it is, so a refusal can be explained."""

    def __init__(self, *args: Any, accelerate_endpoint: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.accelerate_endpoint = accelerate_endpoint


def explain_refusal(err: VodError, bucket: object) -> VodError:
    """An AccessDenied from the accelerate endpoint means, in practice, that acceleration is not enabled for the
    bucket: say so, with the fix. Anything else, and any answer from the normal endpoint, is returned as it is."""
    endpoint = getattr(bucket, "accelerate_endpoint", None)
    if endpoint is None or err.code != "AccessDenied":
        return err
    return VodError("AccelerationRefused", params={"endpoint": endpoint, "reason": err.message.rstrip(". ")},
                    kind=ErrorKind.CONFIG, service="oss", request_id=err.request_id, http_status=err.http_status,
                    details=err.details)


Resolver = Callable[[str], list[str]]


def _resolve(host: str) -> list[str]:
    return [str(info[4][0]) for info in socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)]


def _resolves_to_loopback(host: str, resolve: Resolver) -> bool:
    if is_loopback(host):
        return True
    try:
        addresses = resolve(host)
    except OSError:
        return False
    return bool(addresses) and all(ipaddress.ip_address(a.split("%", 1)[0]).is_loopback for a in addresses)


def contacted_host(endpoint: str, bucket: str) -> str:
    """The host oss2 connects to for ``bucket`` at ``endpoint``: the endpoint's own for an IP address or
    localhost (path style), ``<bucket>.<host>`` for a name (virtual-hosted style)."""
    host = urlsplit(endpoint if "://" in endpoint else "https://" + endpoint).hostname or ""
    return host if oss2.utils.is_ip_or_localhost(host) else f"{bucket}.{host}"


class EndpointGuard:
    """Keeps a sandbox's uploads on this computer: when the UploadAddress endpoint is a loopback address (the
    sandbox answers on 127.0.0.1), the host the accelerate endpoint makes oss2 contact must resolve to loopback
    too (a hosts-file rehearsal), or the upload is refused before a byte is sent, with the fix. A real upload
    address is never resolved here. Answers are cached per (address host, contacted host)."""

    def __init__(self, resolve: Resolver = _resolve) -> None:
        self._resolve = resolve
        self._lock = threading.Lock()
        self._checked: set[tuple[str, str]] = set()

    def check(self, address_endpoint: str, accelerate_endpoint: str, bucket: str) -> None:
        address_host = urlsplit(address_endpoint if "://" in address_endpoint
                                else "https://" + address_endpoint).hostname or ""
        target = contacted_host(accelerate_endpoint, bucket)
        key = (address_host, target)
        with self._lock:
            if key in self._checked:
                return
        if is_loopback(address_host) and not _resolves_to_loopback(target, self._resolve):
            raise VodError("AccelerateEndpointNotLocal", params={"host": target},
                           kind=ErrorKind.CONFIG, service="local")
        with self._lock:
            self._checked.add(key)
