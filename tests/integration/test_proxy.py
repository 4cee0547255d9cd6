"""The proxy setting applies to every request: VOD, STS, OSS and the AppServer."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.helpers.proxy import forwarding_proxy
from tests.helpers.workspace import write_file
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import JobState
from vodgui.core.workspace import Workspace


@pytest.mark.parametrize("profile", ["sts-accesskey", "credential-appserver"])
def test_uploads_go_through_the_configured_proxy(tmp_path, ws: Workspace, profile: str) -> None:
    with forwarding_proxy() as proxy:
        proxy_url = f"http://127.0.0.1:{proxy.server_address[1]}"
        p = ws.profiles.require(profile)
        ws.profiles.put(replace(p, proxy_mode="manual", proxy_url=proxy_url))
        ws.sessions.invalidate()
        engine = TransferEngine(ws.store, ws.sessions)
        try:
            [job_id] = engine.add_files([str(write_file(tmp_path / "p.mp4", 100_000))], profile)
            assert engine.wait_idle(30)
            assert engine.snapshot(job_id).state is JobState.DONE  # type: ignore[union-attr]
        finally:
            engine.shutdown()
        paths = [path for _, path in proxy.seen]
    assert any("Action=CreateUploadVideo" in p or "create-upload-video" in p for p in paths), paths
    assert any("uploadId=" in p for p in paths)  # OSS parts went through it too
    if profile == "sts-accesskey":
        assert any("Action=AssumeRole" in p for p in paths)
