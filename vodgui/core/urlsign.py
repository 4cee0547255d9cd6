"""CDN URL authentication (Alibaba Cloud CDN types A, B and C): sign a URL, and explain why a URL is refused.

The rules are in docs/protocols.md ("CDN URL authentication"). In short, for a path ``uri`` (starting with
``/``, no query), a private key and a Unix ``timestamp``::

    A: <uri>?auth_key=<timestamp>-<rand>-<uid>-<md5("<uri>-<timestamp>-<rand>-<uid>-<key>")>
    B: /<YYYYMMDDHHMM in UTC+8>/<md5("<key><YYYYMMDDHHMM><uri>")><uri>
    C: /<md5("<key><uri><hex timestamp>")>/<hex timestamp><uri>

The CDN accepts a URL until ``timestamp + the domain's validity period``. Signers that want a URL to expire at
a given moment (VOD's GetPlayInfo does) put that moment in ``timestamp`` and the domain's period is then the
slack; :func:`sign` does the same with ``expires_at``.

:func:`verify` reports what it found as a :class:`Verdict` with a code (and parameters) the front ends render;
with the URL as it was issued (``issued``) it can tell a changed path or a tampered uid/rand from a wrong key.
"""

from __future__ import annotations

import calendar
import hashlib
import hmac
import re
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

AUTH_TYPES = ("A", "B", "C")
_UTC8 = 8 * 3600
_TYPE_B = re.compile(r"^/(\d{12})/([0-9a-fA-F]{32})(/.*)$")
_TYPE_C = re.compile(r"^/([0-9a-fA-F]{32})/([0-9a-fA-F]{1,16})(/.*)$")

# Verdict codes (rendered by the CLI in English and by the GUI through tr()).
OK = "url_ok"
EXPIRED = "url_expired"
NOT_SIGNED = "url_not_signed"
MALFORMED = "url_malformed"
BAD_SIGNATURE = "url_bad_signature"
WRONG_KEY = "url_wrong_key"
PATH_CHANGED = "url_path_changed"
PARAMS_CHANGED = "url_params_changed"


class UrlSignError(ValueError):
    """Bad input to :func:`sign`: ``code`` names it (``url_no_path``, ``url_bad_type``, ``url_bad_key``)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Verdict:
    """What :func:`verify` concluded: ``code`` plus its parameters, and the fields it read from the URL."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    auth_type: str = ""
    path: str = ""
    timestamp: int | None = None
    expires_at: float | None = None

    @property
    def ok(self) -> bool:
        return self.code == OK

    def to_dict(self) -> dict[str, Any]:
        return {"ok": self.ok, "code": self.code, "params": self.params, "type": self.auth_type, "path": self.path,
                "timestamp": self.timestamp, "expires_at": self.expires_at}


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def type_a_hash(uri: str, timestamp: int, rand: str, uid: str, key: str) -> str:
    return _md5(f"{uri}-{timestamp}-{rand}-{uid}-{key}")


def type_b_stamp(timestamp: int) -> str:
    """``YYYYMMDDHHMM`` in UTC+8, rounded up to the minute so a URL never ends before ``timestamp``."""
    return time.strftime("%Y%m%d%H%M", time.gmtime(((timestamp + 59) // 60) * 60 + _UTC8))


def type_b_time(stamp: str) -> int:
    return calendar.timegm(time.strptime(stamp, "%Y%m%d%H%M")) - _UTC8


def _check_key(key: str) -> None:
    # The CDN console asks for 16-32 letters and digits; any printable key signs the same way, so only what
    # cannot be a key (empty, spaces, absurdly long) is refused here.
    if not key or not re.fullmatch(r"[!-~]{1,128}", key):
        raise UrlSignError("url_bad_key")


def sign(url: str, key: str, auth_type: str, expires_at: int, *, uid: str = "0", rand: str | None = None) -> str:
    """``url`` signed with ``auth_type`` so that the CDN accepts it until ``expires_at`` (+ its own period).

    An existing signature (``auth_key`` query, B/C path prefix) is removed first, so a URL can be re-signed.

    Raises:
        UrlSignError: no path, unknown type, a key that is not 6-64 letters and digits, or a ``-`` in uid/rand.
    """
    auth_type = auth_type.upper()
    if auth_type not in AUTH_TYPES:
        raise UrlSignError("url_bad_type", type=auth_type)
    _check_key(key)
    if "-" in uid or (rand is not None and "-" in rand):
        raise UrlSignError("url_bad_uid_rand")
    parts = urlsplit(url)
    uri = strip_signature(parts.path)
    if not uri.startswith("/") or uri == "/":
        raise UrlSignError("url_no_path")
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "auth_key"]
    if auth_type == "A":
        rand = rand or uuid.uuid4().hex
        query.append(("auth_key", f"{expires_at}-{rand}-{uid}-{type_a_hash(uri, expires_at, rand, uid, key)}"))
        path = uri
    elif auth_type == "B":
        stamp = type_b_stamp(expires_at)
        path = f"/{stamp}/{_md5(f'{key}{stamp}{uri}')}{uri}"
    else:
        hexts = f"{expires_at:X}"
        path = f"/{_md5(f'{key}{uri}{hexts}')}/{hexts}{uri}"
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(query, safe="/"), parts.fragment))


def strip_signature(path: str) -> str:
    """The object path of a URL path, without a type B or C prefix."""
    for pattern in (_TYPE_B, _TYPE_C):
        match = pattern.match(path)
        if match:
            return match.group(3)
    return path


def detect_type(url: str) -> str:
    """"A", "B", "C" by the URL's shape, or "" for an unsigned URL."""
    parts = urlsplit(url)
    if any(k == "auth_key" for k, _ in parse_qsl(parts.query)):
        return "A"
    if _TYPE_B.match(parts.path):
        return "B"
    if _TYPE_C.match(parts.path):
        return "C"
    return ""


@dataclass(frozen=True)
class _Fields:
    auth_type: str
    uri: str
    timestamp: int
    digest: str
    rand: str = ""
    uid: str = ""
    stamp: str = ""


def _fields(url: str) -> _Fields | Verdict:
    parts = urlsplit(url)
    auth_type = detect_type(url)
    if not auth_type:
        return Verdict(NOT_SIGNED, path=parts.path)
    if auth_type == "A":
        value = dict(parse_qsl(parts.query)).get("auth_key", "")
        pieces = value.split("-")
        if len(pieces) != 4 or not pieces[0].isdigit() or not re.fullmatch(r"[0-9a-fA-F]{32}", pieces[3]):
            return Verdict(MALFORMED, {"field": "auth_key"}, "A", parts.path)
        return _Fields("A", parts.path, int(pieces[0]), pieces[3].lower(), pieces[1], pieces[2])
    if auth_type == "B":
        match = _TYPE_B.match(parts.path)
        assert match is not None
        try:
            timestamp = type_b_time(match.group(1))
        except ValueError:
            return Verdict(MALFORMED, {"field": "timestamp"}, "B", match.group(3))
        return _Fields("B", match.group(3), timestamp, match.group(2).lower(), stamp=match.group(1))
    match = _TYPE_C.match(parts.path)
    assert match is not None
    return _Fields("C", match.group(3), int(match.group(2), 16), match.group(1).lower(), stamp=match.group(2))


def _expected(f: _Fields, key: str) -> str:
    if f.auth_type == "A":
        return type_a_hash(f.uri, f.timestamp, f.rand, f.uid, key)
    if f.auth_type == "B":
        return _md5(f"{key}{f.stamp}{f.uri}")
    return _md5(f"{key}{f.uri}{f.stamp}")


def verify(url: str, key: str, *, now: float | None = None, domain_ttl: int = 0, expected_type: str = "",
           issued: str = "") -> Verdict:
    """Check ``url`` as the CDN would with ``key``; explain a refusal.

    ``expected_type`` is the domain's configured type (a URL of another type is refused as the CDN would);
    ``issued`` the URL as it was signed, to tell what changed since.
    """
    found = _fields(url)
    if isinstance(found, Verdict):
        return found
    f = found
    now = time.time() if now is None else now
    expires = f.timestamp + domain_ttl
    base: dict[str, Any] = {"auth_type": f.auth_type, "path": f.uri, "timestamp": f.timestamp,
                            "expires_at": float(expires)}
    if expected_type and expected_type.upper() != f.auth_type:
        return Verdict("url_wrong_type", {"type": f.auth_type, "expected": expected_type.upper()}, **base)
    if not hmac.compare_digest(_expected(f, key), f.digest):
        if issued:
            original = _fields(issued)
            if isinstance(original, _Fields):
                if original.uri != f.uri:
                    return Verdict(PATH_CHANGED, {"issued": original.uri, "now": f.uri}, **base)
                changed = [name for name in ("timestamp", "rand", "uid")
                           if getattr(original, name) != getattr(f, name)]
                if changed:
                    return Verdict(PARAMS_CHANGED, {"fields": ",".join(changed)}, **base)
                if hmac.compare_digest(_expected(original, key), original.digest):
                    return Verdict(BAD_SIGNATURE, {}, **base)
                return Verdict(WRONG_KEY, {}, **base)
        return Verdict(BAD_SIGNATURE, {}, **base)
    if now > expires:
        return Verdict(EXPIRED, {"seconds": int(now - expires)}, **base)
    return Verdict(OK, {"seconds_left": int(expires - now)}, **base)


#: English texts of the codes (the CLI's; the GUI has its own tr() table).
TEXTS: dict[str, str] = {
    OK: "valid: the CDN serves it for {seconds_left} more seconds",
    EXPIRED: "expired {seconds} s ago: sign it again (or ask GetPlayInfo for a new URL with a longer AuthTimeout)",
    NOT_SIGNED: "the URL carries no signature (no auth_key, no type B/C path): sign it first",
    MALFORMED: "the {field} part of the signature is malformed: the URL was cut or edited",
    BAD_SIGNATURE: "the signature does not match: the key is wrong, or the path, timestamp, rand or uid was "
                   "changed after signing",
    WRONG_KEY: "the signature does not match this key, though nothing in the URL changed: the URL was signed "
               "with another key (primary vs backup key?)",
    PATH_CHANGED: "the path changed after signing ({issued} -> {now}): a signature covers the exact path, "
                  "including its URL encoding",
    PARAMS_CHANGED: "{fields} changed after signing: the signature covers them",
    "url_wrong_type": "this is a type {type} URL but the domain uses type {expected}: sign it with type {expected}",
    "url_bad_type": "unknown authentication type {type}: use A, B or C",
    "url_bad_key": "the key must be 1 to 128 printable characters without spaces (the CDN console's private key)",
    "url_no_path": "the URL has no path to sign (e.g. http://host/video.mp4)",
    "url_bad_uid_rand": "uid and rand must not contain '-' (it separates the auth_key fields)",
}


def describe(code: str, params: dict[str, Any]) -> str:
    """English text of a verdict or error code."""
    try:
        return TEXTS[code].format(**params)
    except (KeyError, IndexError):
        return code
