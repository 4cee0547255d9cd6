from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.procs import stop_process

REPO = Path(__file__).resolve().parents[2]

#: Transfer options for profiles: tiny parts and short retry delays, so small files go multipart quickly.
TINY = ["--part-size", "16384", "--min-part-size", "1024", "--retry-delay", "0.05"]


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """Environment for ``python -m vodgui`` subprocesses: a private home and a test keyring shared between
    the processes of one test."""
    env = dict(os.environ)
    env.update(
        VODGUI_HOME=str(tmp_path / "home"),
        PYTHON_KEYRING_BACKEND="tests.helpers.keyrings.FileKeyring",
        VODGUI_TEST_KEYRING_FILE=str(tmp_path / "keyring.json"),
        PYTHONPATH=str(REPO) + os.pathsep + env.get("PYTHONPATH", ""),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


@pytest.fixture
def vodgui(cli_env: dict[str, str]) -> Callable[..., subprocess.CompletedProcess[str]]:
    def run(*args: str, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "vodgui", *args], input=stdin, capture_output=True,
                              text=True, env=cli_env, timeout=timeout, cwd=REPO)

    return run


def json_lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def add_profile(vodgui: Callable[..., Any], info: dict[str, Any], name: str = "cred",
                *extra: str) -> subprocess.CompletedProcess[str]:
    """``vodgui profiles add NAME --from-sandbox - EXTRA...`` with the sandbox line on stdin; must succeed."""
    res: subprocess.CompletedProcess[str] = vodgui("profiles", "add", name, "--from-sandbox", "-", *extra,
                                                   stdin=json.dumps(info) + "\n")
    assert res.returncode == 0, res.stderr
    return res


def add_profiles(vodgui: Callable[..., Any], info: dict[str, Any]) -> None:
    """Profiles ``cred`` (credential), ``sts`` (STS) and ``app`` (credential from the AppServer), all with
    :data:`TINY` transfer options."""
    for name, mode, source in (("cred", "credential", "accesskey"), ("sts", "sts", "accesskey"),
                               ("app", "credential", "appserver")):
        res = add_profile(vodgui, info, name, "--mode", mode, "--source", source, *TINY)
        assert "stored in" in res.stderr and info["access_key_secret"] not in res.stderr


def run_until_then_kill(args: list[str], cli_env: dict[str, str], until: Callable[[], bool],
                        timeout: float = 30) -> None:
    """Start ``python -m vodgui ARGS``, poll ``until()`` while it runs, then SIGKILL it (a crash mid-transfer).

    Fails if the CLI exits first or ``until()`` stays false for ``timeout`` s. The CLI's stdout and stderr go to
    files beside its home (never an unread pipe, which could fill and stall it); stderr is in the failure message.
    """
    logs = Path(cli_env["VODGUI_HOME"]).parent
    stderr_path = logs / "killed-cli.stderr"
    with open(logs / "killed-cli.stdout", "wb") as out, open(stderr_path, "wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "vodgui", *args], env=cli_env, cwd=REPO,
                                stdin=subprocess.DEVNULL, stdout=out, stderr=err)

    def stderr() -> str:
        return stderr_path.read_text(encoding="utf-8", errors="replace")

    try:
        deadline = time.monotonic() + timeout
        while not until():
            assert proc.poll() is None, f"the CLI exited with {proc.returncode} first; its stderr:\n{stderr()}"
            assert time.monotonic() < deadline, f"not reached in {timeout} s; the CLI's stderr:\n{stderr()}"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        stop_process(proc)
