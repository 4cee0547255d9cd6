from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers.workspace import make_workspace
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.workspace import Workspace
from vodgui.sandbox import SandboxServer


@pytest.fixture
def ws(tmp_path, sandbox: SandboxServer, info: dict[str, Any]) -> Iterator[Workspace]:
    sandbox.config.settings.min_part_size = 1024
    workspace = make_workspace(tmp_path / "home", info)
    yield workspace
    workspace.close()


@pytest.fixture
def engine(ws: Workspace) -> Iterator[TransferEngine]:
    eng = TransferEngine(ws.store, ws.sessions)
    yield eng
    eng.shutdown(pause=True, timeout=10)
