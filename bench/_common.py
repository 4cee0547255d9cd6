"""What the benches share: sizes, random input files, a sandbox in a child process, peak RSS, a keyring.

The benches run as scripts (``python bench/upload.py``), so this folder is on ``sys.path`` and they import this
module as ``_common``; importing it also puts the repository root on ``sys.path`` for ``vodgui``. Nothing here
depends on ``tests/``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MB = 1e6
MIB = 1 << 20


def parse_size(text: str) -> int:
    """``"1G"``, ``"256M"``, ``"64MiB"``, ``"512k"`` or plain bytes; the units are binary (M = 2**20)."""
    units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    text = text.strip().upper().removesuffix("B").removesuffix("I")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def make_file(path: Path, size: int) -> Path:
    """``size`` random bytes at ``path``, flushed to disk (so writing it back does not compete with a measurement)."""
    with open(path, "wb") as f:
        left = size
        while left > 0:
            n = min(8 * MIB, left)
            f.write(os.urandom(n))
            left -= n
        f.flush()
        os.fsync(f.fileno())
    return path


def start_sandbox(*sets: str, data_dir: Path | None = None) -> tuple[subprocess.Popen[str], dict[str, Any]]:
    """``python -m vodgui.sandbox --set NAME=VALUE ...`` in a child process; (the process, its info line).

    ``data_dir`` keeps its state on disk (default: in memory). Stop it with :func:`stop_sandbox`.
    """
    cmd = [sys.executable, "-m", "vodgui.sandbox"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    for setting in sets:
        cmd += ["--set", setting]
    path = os.environ.get("PYTHONPATH")
    env = dict(os.environ, PYTHONPATH=str(ROOT) + (os.pathsep + path if path else ""))
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if not line:
        code = stop_sandbox(proc)
        raise SystemExit(f"the sandbox did not start (exit code {code})")
    return proc, json.loads(line)


def stop_sandbox(proc: subprocess.Popen[Any], timeout: float = 10) -> int | None:
    """SIGTERM the sandbox, wait ``timeout`` s for it, SIGKILL it if it is still there; its exit status."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout)
    if proc.stdout is not None:
        proc.stdout.close()
    return proc.returncode


def peak_rss_mb(pid: int | None = None) -> float:
    """Peak resident set size in MB of ``pid`` (default: this process).

    Linux: ``VmHWM`` from ``/proc/<pid>/status``. Elsewhere only this process is known, from ``getrusage``,
    whose ``ru_maxrss`` is in bytes on macOS and in KiB on the BSDs; NaN when nothing says.
    """
    try:
        for line in Path(f"/proc/{pid or 'self'}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / MB
    except OSError:
        pass
    if pid not in (None, os.getpid()):
        return float("nan")
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / MB if sys.platform == "darwin" else maxrss * 1024 / MB


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring for one bench process: secrets never reach the user's keychain."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.data: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.data.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.data[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.data.pop((service, username), None) is None:
            raise PasswordDeleteError(username)
