"""Child processes in tests: stopping them for sure, even when the test failed half-way."""

from __future__ import annotations

import subprocess
from typing import Any


def stop_process(proc: subprocess.Popen[Any], timeout: float = 10) -> int:
    """SIGKILL ``proc`` if it is still running, and reap it; its exit status (for a ``finally`` block)."""
    if proc.poll() is None:
        proc.kill()
    return proc.wait(timeout)
