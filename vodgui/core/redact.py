"""Keep secrets out of logs, exceptions, files and screenshots.

Two layers:

* every secret the app handles is registered here the moment it is created (``register``), and any text that
  passes through :func:`redact` has each registered secret replaced by a short mask;
* patterns catch secrets we never saw whole, e.g. a SecurityToken quoted back inside a server's
  string-to-sign, or an ``auth_key`` in a URL.

The SDKs log their exceptions (aliyunsdkcore at ERROR, with the server's string-to-sign that contains the
SecurityToken); :func:`install_log_filter` attaches a filter to the root handlers so nothing leaves unredacted.
"""

from __future__ import annotations

import logging
import re
import threading
from urllib.parse import quote

_MIN_SECRET_LENGTH = 8

_lock = threading.Lock()
_secrets: set[str] = set()
#: ``_secrets`` longest first (a secret that contains another is masked whole), rebuilt by the first redact() after
#: a change: register() runs for every upload credential (three per tiny file), so sorting there made a batch of
#: thousands of files quadratic, under this lock.
_ordered: tuple[str, ...] = ()
_dirty = False

#: A value after a secret's name: 8 or more characters with a digit or one of ``+/=%`` among them, so a real
#: secret is caught and a sentence is not ("InvalidAccessKeySecret: Specified AccessKeySecret is incorrect").
_VALUE = r"(?=[^\s&\"',;<\\]*[0-9+/=%])(?:(?!%26|%2526)[^\s&\"',;<\\]){8,}"

# Shapes of secrets that may reach text without having been registered first.
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # Credentials in a URL's userinfo (``http://user:password@proxy:3128``), wherever a URL is printed: oss2's
    # DEBUG "Init Bucket ... proxies" line, urllib3's proxy errors, a hand-edited setting.
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^\s:/@\"'<>]*:)[^\s/@\"'<>]+@"), r"\1***@"),
    # A named token or secret in JSON, a dict repr, a header line, a query string or a string-to-sign:
    # ``"SecurityToken": "..."``, ``'x-oss-security-token': '...'``, ``x-oss-security-token:...\n`` (oss2 logs the
    # string-to-sign as a bytes repr, so a literal backslash ends the value), ``SecurityToken%3D...``.
    (re.compile(r"(?i)((?:x-(?:oss|acs)-)?security[-_]?token[\"']?\s*[:=]\s*[\"']?|SecurityToken(?:%3D|%253D|=))"
                + _VALUE), r"\1***"),
    (re.compile(r"(?i)((?:access[-_]?key[-_]?secret|proxy[-_]?password)[\"']?\s*[:=]\s*[\"']?)" + _VALUE),
     r"\1***"),
    # The same names with a quoted value (JSON, a dict repr): a value, never a sentence, so whatever its characters
    # (an STS AccessKeySecret without a digit in it escaped the rule above, about one in two hundred).
    (re.compile(r"(?i)([\"'](?:access[-_]?key[-_]?secret|(?:x-(?:oss|acs)-)?security[-_]?token|proxy[-_]?password)"
                r"[\"']\s*:\s*[\"'])[^\"'\\]{8,}"), r"\1***"),
    # STS security tokens not named as such (raw, or percent-encoded once or twice inside a string-to-sign).
    # An encoded "&" (``%26``, or ``%2526`` twice encoded) ends a value inside a string-to-sign.
    (re.compile(r"CAIS(?:(?!%26|%2526)[A-Za-z0-9+/=_%\-]){16,}"), "CAIS***"),
    (re.compile(r"(?i)(<(?:SecurityToken|AccessKeySecret|UploadAuth|PlayAuth)>)[^<]+"), r"\1***"),
    (re.compile(r"(?i)([\"']?(?:UploadAuth|PlayAuth)[\"']?\s*[:=]\s*[\"']?)[A-Za-z0-9+/=]{16,}"), r"\1***"),
    # Authorization headers, quoted either way (JSON, a Python dict repr as oss2's DEBUG "Send request" line
    # prints them) or bare; everything after the scheme goes, V4's Credential/Signature list included.
    (re.compile(r"(?i)((?:proxy-)?authorization[\"']?\s*[:=]\s*[\"']?(?:bearer|basic|OSS[0-9A-Z-]*|"
                r"ACS3-HMAC-SHA256)\s+)[^\"'\r\n\\]+"), r"\1***"),
    (re.compile(r"(auth_key=\d+-[0-9A-Za-z]+-\d+-)[0-9a-f]{32}"), r"\1***"),
    # CDN URL signing types B (/<YYYYMMDDHHMM>/<md5>/) and C (/<md5>/<hex time>/), and HLS key tokens.
    (re.compile(r"(/\d{12}/)[0-9a-f]{32}(?=/)"), r"\1***"),
    (re.compile(r"/[0-9a-f]{32}(/[0-9a-f]{8,16}/)"), r"/***\1"),
    (re.compile(r"(MtsHlsUriToken=\d+-)[0-9a-f]{32}"), r"\1***"),
    (re.compile(r"([?&](?:Signature|signature)=)[^&\s\"']+"), r"\1***"),
    # OSS V2/V4 authorization parts quoted outside a header (``Signature:abc``, ``Signature=abc``).
    (re.compile(r"(\bSignature[=:])[A-Za-z0-9+/=%]{16,}"), r"\1***"),
]


def mask(secret: str, keep: int = 4) -> str:
    """``"LTAI5tABCDEF..."`` -> ``"LTAI…(24)"``: enough to recognise, never enough to use."""
    if not secret:
        return ""
    if len(secret) <= keep * 2:
        return "***"
    return f"{secret[:keep]}…({len(secret)})"


def register(*secrets: str | None) -> None:
    """Remember secrets so that :func:`redact` hides them wherever they appear.

    The percent-encoded forms (once and twice, as in an RPC string-to-sign) are remembered too: a real
    SecurityToken contains ``+``, ``/`` and ``=``.
    """
    global _dirty
    with _lock:
        before = len(_secrets)
        for secret in secrets:
            if secret and len(secret) >= _MIN_SECRET_LENGTH:
                once = quote(secret, safe="")
                _secrets.update({secret, once, quote(once, safe="")})
        if len(_secrets) != before:
            _dirty = True


def _ordered_secrets() -> tuple[str, ...]:
    """The registered secrets, longest first (sorted again only after a change)."""
    global _ordered, _dirty
    if _dirty:
        with _lock:
            if _dirty:
                _ordered = tuple(sorted(_secrets, key=len, reverse=True))
                _dirty = False
    return _ordered


def forget_all() -> None:
    """For tests only."""
    global _ordered, _dirty
    with _lock:
        _secrets.clear()
        _ordered = ()
        _dirty = False


def registered() -> frozenset[str]:
    with _lock:
        return frozenset(_secrets)


def redact(text: str) -> str:
    """Return ``text`` with every known secret and every secret-shaped value masked."""
    if not text:
        return text
    for secret in _ordered_secrets():  # an immutable snapshot: no lock needed to read it
        if secret in text:
            text = text.replace(secret, mask(secret))
    for pattern, repl in _PATTERNS:
        text = pattern.sub(repl, text)
    return text


class RedactingFilter(logging.Filter):
    """Rewrites each record's message (and exception text) through :func:`redact`."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not lose the record
            message = str(record.msg)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = redact(text)
            record.exc_info = None
        return True


def install_log_filter(logger: logging.Logger | None = None) -> None:
    """Attach the redacting filter to every handler of ``logger`` (default: root) and to the SDK loggers."""
    target = logger or logging.getLogger()
    for handler in target.handlers:
        # A handler may have its own already (the log file's, the Log page's buffer): one is enough.
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
    # The SDK logs every ServerException at ERROR with the string-to-sign; filter at the source as well, so a
    # handler added later (or logging.lastResort) never sees the raw text.
    for name in ("aliyunsdkcore", "aliyunsdkcore.client", "oss2", "urllib3"):
        sdk_logger = logging.getLogger(name)
        if not any(isinstance(f, RedactingFilter) for f in sdk_logger.filters):
            sdk_logger.addFilter(RedactingFilter())
