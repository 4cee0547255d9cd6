"""Helpers shared by the CLI commands: the workspace, the sandbox profile, error output."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable
from typing import Any

from vodgui.core.errors import VodError
from vodgui.core.redact import install_log_filter
from vodgui.core.workspace import Workspace

_sandbox_server: Any = None


def setup_logging(verbose: bool = False) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    install_log_filter()


def builtin_sandbox_info(ws: Workspace) -> Callable[[], dict[str, Any]]:
    """Start the built-in sandbox (as the desktop app does) the first time a sandbox profile needs it."""

    def info() -> dict[str, Any]:
        global _sandbox_server
        if _sandbox_server is None:
            from vodgui.sandbox import SandboxServer

            _sandbox_server = SandboxServer(data_dir=ws.dirs.data / "sandbox").start()
        return dict(_sandbox_server.info())

    return info


def stop_builtin_sandbox() -> None:
    global _sandbox_server
    if _sandbox_server is not None:
        _sandbox_server.stop()
        _sandbox_server = None


def open_workspace(home: str | None = None) -> Workspace:
    """The workspace of ``--home`` (None: ``VODGUI_HOME``, else the platform's folders)."""
    ws = Workspace(home)
    ws.sessions.sandbox_info = builtin_sandbox_info(ws)
    return ws


def profile_name(ws: Workspace, requested: str | None) -> str | None:
    """The profile a command uses: ``--profile``, else the default one. None (said on stderr) when there is
    neither; the command then exits with status 2."""
    name = requested or ws.profiles.default
    if not name:
        fail("no profile: create one with 'vodgui profiles add' or pass --profile", 2)
    return name


def fail(message: str, code: int = 1) -> int:
    print(f"vodgui: {message}", file=sys.stderr)
    return code


def error_text(err: VodError) -> str:
    rid = f" [RequestId {err.request_id}]" if err.request_id else ""
    return f"{err.code}: {err.message}{rid}"


def print_json(obj: Any) -> None:
    print(json.dumps(obj, ensure_ascii=False), flush=True)


def read_secret(prompt: str, *, stdin: bool, env: str | None) -> str | None:
    """A secret from an environment variable, stdin, or an interactive prompt — never from argv."""
    import getpass
    import os

    if env:
        value = os.environ.get(env)
        if not value:
            raise SystemExit(fail(f"environment variable {env} is empty or not set", 2))
        return value.strip()
    if stdin:
        return sys.stdin.readline().strip() or None
    if sys.stdin.isatty():
        return getpass.getpass(prompt).strip() or None
    return None
