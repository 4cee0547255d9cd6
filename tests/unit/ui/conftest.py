"""GUI fixtures: a window wired to the session sandbox, a private home and an in-memory keychain."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.keyrings import MemoryKeyring
from tests.helpers.workspace import FAST
from tests.helpers.workspace import add_sandbox_profiles as add_workspace_profiles
from vodgui.core.keychain import SecretStore
from vodgui.core.workspace import Workspace
from vodgui.sandbox import SandboxServer


def make_ctx(home: Path, sandbox: SandboxServer, keyring: MemoryKeyring | None = None) -> Any:
    """An AppContext like the app builds, on ``home`` (reuse it to "reopen the app")."""
    from vodgui.app import build_context

    ws = Workspace(str(home), secrets=SecretStore(keyring or MemoryKeyring()))
    ctx = build_context(ws, sandbox.info)
    # The built-in profile with tiny parts, so multipart is exercised with small files.
    profile = ws.profiles.require("Sandbox")
    profile.transfer = FAST
    ws.profiles.put(profile)
    ws.sessions.invalidate()
    return ctx


def close_ctx(ctx: Any) -> None:
    ctx.bridge.stop()
    ctx.engine.shutdown(pause=True, timeout=10)
    ctx.workspace.close()


def open_window(qtbot: Any, ctx: Any) -> Any:
    """A shown MainWindow on ``ctx``, closed by qtbot after the test; quitting never asks."""
    from vodgui.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.ask_pause_on_quit = lambda running: True  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture(autouse=True)
def english_plurals(qapp: Any) -> None:
    """English as the app installs it: with its plural forms ("1 file", "2 files"), before each test (a test that
    switched languages with a stand-in catalogue may have left none)."""
    from vodgui.ui import i18n

    if not i18n._installed:
        i18n.install_translators(qapp, "en")


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def ui_ctx(qapp: Any, tmp_path: Path, sandbox: SandboxServer, keyring_backend: MemoryKeyring) -> Iterator[Any]:
    sandbox.config.settings.min_part_size = 1024
    ctx = make_ctx(tmp_path / "home", sandbox, keyring_backend)
    yield ctx
    close_ctx(ctx)


@pytest.fixture
def main_window(qtbot: Any, ui_ctx: Any) -> Any:
    return open_window(qtbot, ui_ctx)


@pytest.fixture
def page(main_window: Any) -> Any:
    """The main window's Upload page."""
    return main_window.upload_page


@pytest.fixture
def media(tmp_path: Path) -> Path:
    """An empty folder for the test's media files."""
    folder = tmp_path / "media"
    folder.mkdir()
    return folder


def add_sandbox_profiles(ctx: Any, info: dict[str, Any]) -> None:
    """The four mode x source profiles, for tests that need real (non-built-in) profiles."""
    add_workspace_profiles(ctx.workspace, info)
