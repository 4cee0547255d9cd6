"""A diagnostics bundle for support: logs, settings, versions and the queue's failures, with secrets removed.

Everything that goes into the zip passes through :func:`vodgui.core.redact.redact` again, even text that was
redacted when it was written: a secret registered after a line was logged (or a pattern added in a later
version) is still caught. Settings files hold no secrets by design; keys that look secret are blanked anyway.

No Qt here: the GUI runs :func:`build_diagnostics` off its thread, and the CLI can call it directly.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import io
import json
import logging
import os
import platform
import re
import sys
import time
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from vodgui import __version__
from vodgui.core.paths import atomic_replace
from vodgui.core.redact import redact
from vodgui.core.store import QueueStore
from vodgui.core.workspace import Workspace

log = logging.getLogger(__name__)

#: Distributions whose versions matter when something goes wrong with a call or an upload, and the module
#: to ask for ``__version__`` when the distribution's metadata is missing (a frozen build).
PACKAGES = {"oss2": "oss2", "aliyun-python-sdk-core": "aliyunsdkcore", "aliyun-python-sdk-vod": "aliyunsdkvod",
            "aliyun-python-sdk-sts": "aliyunsdksts", "keyring": "keyring", "platformdirs": "platformdirs",
            "requests": "requests", "urllib3": "urllib3", "truststore": "truststore", "pypac": "pypac"}

#: Settings files copied (redacted) from the config directory.
CONFIG_FILES = ("profiles.json", "settings.json")

#: Keys whose values are blanked in copied settings, whatever they contain.
_SECRET_KEY = re.compile(r"(?i)(secret|token|password|passwd|auth|credential|private)")

#: A RequestId as the services print it: POP ``RequestId``, OSS ``x-oss-request-id`` / oss2's ``req-id``.
_REQUEST_ID = re.compile(
    r"(?i)\b(?:x-oss-)?(?:request[-_ ]?id|req[-_]id)\b[\"']?\s*[:=]?\s*[\"']?([0-9A-Za-z][0-9A-Za-z-]{15,63})")

#: The level written by app.setup_logging's formatter: ``2026-01-02 03:04:05,678 LEVEL name: message``.
_LOG_HEAD = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}[,.]\d+ (\w+) ")
_FAILURE_LEVELS = frozenset({"WARNING", "ERROR", "CRITICAL"})

#: The most RequestIds read from the logs (the newest are kept).
MAX_LOG_REQUEST_IDS = 500


@dataclass(frozen=True)
class FailedRequest:
    """A RequestId worth giving to support, and where it was seen."""

    request_id: str
    source: str
    code: str = ""
    detail: str = ""

    def to_json(self) -> dict[str, str]:
        return {"request_id": self.request_id, "source": self.source, "code": self.code, "detail": self.detail}


@dataclass
class DiagnosticsResult:
    """What :func:`build_diagnostics` wrote."""

    path: Path
    members: list[str] = field(default_factory=list)
    request_ids: list[FailedRequest] = field(default_factory=list)


# -- versions ------------------------------------------------------------------------------------------------
def package_versions(packages: dict[str, str] | None = None) -> dict[str, str]:
    """Installed versions of ``packages`` (distribution -> module), from metadata or the module's ``__version__``."""
    versions: dict[str, str] = {}
    for name, module in (PACKAGES if packages is None else packages).items():
        try:
            versions[name] = importlib.metadata.version(name)
            continue
        except importlib.metadata.PackageNotFoundError:
            pass
        try:
            versions[name] = str(getattr(importlib.import_module(module), "__version__", "unknown"))
        except ImportError:
            versions[name] = "not installed"
    return versions


def collect_versions(workspace: Workspace | None = None, extra: dict[str, str] | None = None) -> dict[str, str]:
    """vodgui, Python, the OS, the SDKs and the keyring backend; ``extra`` adds e.g. PySide6 and Qt."""
    versions: dict[str, str] = {
        "vodgui": __version__,
        "python": f"{platform.python_version()} ({platform.python_implementation()}, {sys.executable})",
        "os": f"{platform.system()} {platform.release()} ({platform.platform()}; {platform.machine()})",
    }
    versions.update(package_versions())
    if workspace is not None:
        try:
            versions["keyring backend"] = workspace.secrets.describe()
            problem = workspace.secrets.problem()
            if problem:
                versions["keyring problem"] = problem.english()
        except Exception as exc:  # a broken keyring must not spoil the bundle meant to debug it
            versions["keyring backend"] = f"unavailable: {type(exc).__name__}: {exc}"
    versions.update(extra or {})
    return {k: redact(str(v)) for k, v in versions.items()}


# -- settings ------------------------------------------------------------------------------------------------
def scrub(value: Any, key: str = "") -> Any:
    """A copy of a JSON value with secret-looking keys blanked and every string redacted."""
    if isinstance(value, dict):
        return {str(k): scrub(v, str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v, key) for v in value]
    if isinstance(value, str):
        if value and _SECRET_KEY.search(key) and not key.endswith(("_url", "_mode", "_source")):
            return "***"
        return redact(value)
    return value


def scrubbed_config(path: Path) -> str | None:
    """The redacted text of a settings file, or None if it does not exist."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"(could not be read: {exc})\n"
    try:
        data = json.loads(text)
    except ValueError:
        return redact(text)  # not JSON: keep it for support, line by line redacted
    return json.dumps(scrub(data), indent=2, ensure_ascii=False) + "\n"


# -- the network ---------------------------------------------------------------------------------------------
def network_summary(workspace: Workspace) -> dict[str, Any]:
    """Each profile's proxy choice and extra CA, and the proxy variables of the environment (credentials in a URL
    are masked by the redactor like everywhere)."""
    profiles: dict[str, Any] = {}
    try:
        for p in workspace.profiles.list():
            net = p.network
            profiles[p.name] = {"proxy_mode": net.proxy_mode, "proxy_url": net.proxy_url,
                                "proxy_user": bool(net.proxy_user), "no_proxy": net.no_proxy,
                                "ca_file": net.ca_file, "ca_file_exists": bool(net.ca_file) and
                                os.path.isfile(net.ca_file)}
    except Exception as exc:  # a damaged profile file is reported, not fatal
        profiles = {"error": f"{type(exc).__name__}: {exc}"}
    env = {k: v for k, v in os.environ.items() if k.lower() in (
        "http_proxy", "https_proxy", "all_proxy", "no_proxy", "ssl_cert_file", "ssl_cert_dir", "requests_ca_bundle",
        "alibaba_cloud_ca_bundle")}
    return {"profiles": profiles, "environment": env,
            "trust": "the operating system's trust store (truststore), plus each profile's ca_file"}


# -- the queue -----------------------------------------------------------------------------------------------
def queue_summary(store: QueueStore) -> tuple[dict[str, Any], list[FailedRequest]]:
    """Counts by state and error code, the failed items, and their RequestIds."""
    items = store.items()
    states = Counter(item.state.value for item in items)
    codes = Counter(item.error.code for item in items if item.error)
    failed: list[dict[str, Any]] = []
    requests: list[FailedRequest] = []
    for item in items:
        error = item.error
        if error is None:
            continue
        name = os.path.basename(item.path)
        failed.append({
            "id": item.id, "file": redact(name), "size": item.size, "profile": item.profile,
            "state": item.state.value, "error_code": error.code, "error_kind": error.kind,
            "error_message": redact(error.message), "request_id": error.request_id, "attempts": item.attempts,
        })
        if error.request_id:
            requests.append(FailedRequest(error.request_id, f"queue item {item.id} ({redact(name)})",
                                          error.code, redact(error.message)[:300]))
    history = store.history()
    statuses = Counter(h.media_status or "unknown" for h in history)
    summary = {
        "items": len(items),
        "states": dict(sorted(states.items())),
        "error_codes": dict(sorted(codes.items())),
        "failed_items": failed,
        "history": {"entries": len(history), "media_status": dict(sorted(statuses.items()))},
    }
    return summary, requests


# -- logs ----------------------------------------------------------------------------------------------------
def log_files(log_dir: Path, base: str = "vodgui.log") -> list[Path]:
    """``vodgui.log`` and its rotated siblings (``vodgui.log.1`` ...), oldest first."""
    if not log_dir.is_dir():
        return []

    def age(path: Path) -> int:
        suffix = path.name[len(base):].lstrip(".")
        return int(suffix) if suffix.isdigit() else 0

    files = [p for p in log_dir.iterdir() if p.is_file() and p.name.startswith(base)]
    return sorted(files, key=age, reverse=True)


def _redacted_lines(path: Path) -> Iterator[str]:
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        for line in f:
            yield redact(line)


def request_ids_in_log(lines: Iterable[str], source: str) -> list[FailedRequest]:
    """RequestIds mentioned by warning and error lines (and the traceback lines that follow them)."""
    found: list[FailedRequest] = []
    level = ""
    for number, line in enumerate(lines, 1):
        head = _LOG_HEAD.match(line)
        if head:
            level = head.group(1).upper()
        if level not in _FAILURE_LEVELS:
            continue
        for match in _REQUEST_ID.finditer(line):
            found.append(FailedRequest(match.group(1), f"{source}:{number}", "", line.strip()[:300]))
    return found


# -- the bundle ----------------------------------------------------------------------------------------------
def _readme(created: str, members: list[str]) -> str:
    listing = "\n".join(f"  {name}" for name in members)
    return (f"vodgui diagnostics, created {created}.\n\n"
            "Secrets are removed: every line was passed through vodgui's redactor, which masks every AccessKey "
            "secret, token and upload credential the app knew about and anything shaped like one.\n"
            "Give request_ids.json to Alibaba Cloud support together with the time of the failure.\n\n"
            f"Contents:\n{listing}\n")


def build_diagnostics(workspace: Workspace, log_file: str | os.PathLike[str] | None,
                      out_path: str | os.PathLike[str],
                      extra_versions: dict[str, str] | None = None) -> DiagnosticsResult:
    """Write the diagnostics zip to ``out_path`` (atomically) and return what it holds.

    Args:
        workspace: the vodgui home (settings, queue store, keychain).
        log_file: the active log file; its directory is searched for ``vodgui.log*``. Falls back to the
            workspace's logs directory when empty.
        out_path: where the zip goes; its directory must exist.
        extra_versions: versions the caller knows and the core does not (PySide6, Qt).
    """
    out = Path(out_path)
    log_path = Path(log_file) if log_file else workspace.dirs.logs / "vodgui.log"
    created = datetime.now(UTC).astimezone().isoformat(timespec="seconds")
    members: list[str] = []
    requests: list[FailedRequest] = []
    with atomic_replace(out, prefix=".vodgui-diagnostics-", suffix=".zip") as tmp, \
            zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        def add_text(name: str, text: str) -> None:
            zf.writestr(name, redact(text))
            members.append(name)

        add_text("versions.json", json.dumps(collect_versions(workspace, extra_versions), indent=2,
                                             ensure_ascii=False) + "\n")
        add_text("network.json", json.dumps(network_summary(workspace), indent=2, ensure_ascii=False) + "\n")
        for name in CONFIG_FILES:
            text = scrubbed_config(workspace.dirs.config / name)
            if text is not None:
                add_text(f"config/{name}", text)
        try:
            summary, from_queue = queue_summary(workspace.store)
        except Exception as exc:  # a damaged database is exactly what support needs to hear about
            summary, from_queue = {"error": f"{type(exc).__name__}: {exc}"}, []
        add_text("queue.json", json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
        requests.extend(from_queue)
        from_logs: list[FailedRequest] = []
        for path in log_files(log_path.parent, log_path.name):
            name = f"logs/{path.name}"
            with zf.open(name, "w") as raw:
                writer = io.TextIOWrapper(raw, encoding="utf-8", newline="")
                from_logs.extend(request_ids_in_log(_tee(_redacted_lines(path), writer), path.name))
                writer.flush()
                writer.detach()
            members.append(name)
        known = {r.request_id for r in requests}
        requests.extend(_dedupe([r for r in from_logs if r.request_id not in known])[-MAX_LOG_REQUEST_IDS:])
        add_text("request_ids.json", json.dumps([r.to_json() for r in requests], indent=2,
                                                ensure_ascii=False) + "\n")
        add_text("README.txt", _readme(created, [*members, "README.txt"]))
    log.info("diagnostics written to %s (%d members, %d request ids)", out, len(members), len(requests))
    return DiagnosticsResult(out, members, requests)


def default_name(now: float | None = None) -> str:
    """``vodgui-diagnostics-20260102-030405.zip``."""
    return time.strftime("vodgui-diagnostics-%Y%m%d-%H%M%S.zip", time.localtime(now))


def _tee(lines: Iterable[str], writer: IO[str]) -> Iterator[str]:
    """Write each line as it passes, so a log file is read once and never held in memory."""
    for line in lines:
        writer.write(line)
        yield line


def _dedupe(requests: list[FailedRequest]) -> list[FailedRequest]:
    seen: set[str] = set()
    unique: list[FailedRequest] = []
    for request in requests:
        if request.request_id not in seen:
            seen.add(request.request_id)
            unique.append(request)
    return unique
