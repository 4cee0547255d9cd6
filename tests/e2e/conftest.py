from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]


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
