"""Shared fixtures: one sandbox per session, reset before each test (qutebrowser's server_per_test idea)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The RPC SDK prefers these over an STS credential (docs/protocols.md, 'RPC SDK credentials'): never let a
# developer's shell leak in.
for _var in ("ALIYUN_ACCESS_KEY_ID", "ALIYUN_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_ACCESS_KEY_ID",
             "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
    os.environ.pop(_var, None)
os.environ["NO_PROXY"] = os.environ["no_proxy"] = "127.0.0.1,localhost"

from collections.abc import Iterator  # noqa: E402
from dataclasses import asdict  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402

from vodgui.sandbox import SandboxServer, Settings  # noqa: E402
from vodgui.sandbox.client import SandboxControl  # noqa: E402
from vodgui.sandbox.config import SandboxConfig  # noqa: E402

#: Settings every test starts from: instant life cycle, real part limits, the original only (no FFmpeg run; a
#: file that is not media still ends TranscodeFail). Tests of renditions switch to "full" at a tiny scale.
TEST_SETTINGS: dict[str, Any] = {"transcode_delay": 0.0, "transcode_duration": 0.0, "transcode_mode": "original",
                                 "transcode_scale": 0.125}


_SEEDED = SandboxConfig.generate(seed="tests").settings


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[SandboxServer]:
    server = SandboxServer(seed="tests", settings=TEST_SETTINGS)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def sandbox(sandbox_server: SandboxServer) -> SandboxServer:
    """The session's sandbox, reset to a clean state with the test settings."""
    sandbox_server.reset()
    # The seeded keys, whatever a test rotated them to.
    fresh = Settings(cdn_auth_key=_SEEDED.cdn_auth_key, hls_token_key=_SEEDED.hls_token_key)
    fresh.update(TEST_SETTINGS)
    for name, value in asdict(fresh).items():
        setattr(sandbox_server.config.settings, name, value)
    return sandbox_server


@pytest.fixture
def control(sandbox: SandboxServer) -> SandboxControl:
    return SandboxControl(sandbox.url)


@pytest.fixture
def info(sandbox: SandboxServer) -> dict[str, Any]:
    return sandbox.info()
