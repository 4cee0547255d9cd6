"""Upload acceleration in the core, against the sandbox: what each Create* call asks VOD for, which endpoint the
OSS client uses, and the guard that keeps a sandbox's uploads on this computer. (The accelerated upload itself,
through the real endpoint name mapped to loopback in a private mount namespace: tests/e2e/test_cli_accelerate.py.)
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from tests.helpers.workspace import profile_from_info, store_profile, wait_for, write_file
from vodgui.core.acceleration import DEFAULT_ACCELERATE_ENDPOINT, AcceleratedBucket, EndpointGuard
from vodgui.core.errors import VodError
from vodgui.core.sources import LiveUploadCredentials
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import JobState
from vodgui.core.vod import VideoMetadata
from vodgui.core.workspace import Workspace
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.client import SandboxControl


def _accelerated(ws: Workspace, info: dict[str, Any], mode: str, source: str, endpoint: str = "") -> str:
    profile, field, secret = profile_from_info(f"fast-{mode}-{source}", info, mode, source)
    store_profile(ws, replace(profile, accelerate=True, accelerate_endpoint=endpoint), field, secret)
    return profile.name


@pytest.mark.parametrize(("mode", "source"), [("credential", "accesskey"), ("credential", "appserver"),
                                              ("sts", "accesskey")])
def test_userdata_asks_for_acceleration_and_keeps_the_users_callback_and_extend(
        ws: Workspace, info: dict[str, Any], sandbox: SandboxServer, mode: str, source: str) -> None:
    name = _accelerated(ws, info, mode, source)
    session = ws.sessions(name)
    meta = VideoMetadata(title="far", callback_url="https://hooks.example.com/vod",
                         user_data='{"Extend": {"batch": "7"}, "MessageCallback": {"CallbackType": "http"}}')
    ticket = session.upload_source.create_upload_video(meta, "far.mp4", 1000)
    view = SandboxControl(info["control_url"]).video(ticket.video_id)
    assert view["user_data"] == {
        "Extend": {"batch": "7"},
        "MessageCallback": {"CallbackType": "http", "CallbackURL": "https://hooks.example.com/vod"},
        "AccelerateConfig": {"Type": "oss", "Domain": DEFAULT_ACCELERATE_ENDPOINT},
    }
    # The OSS client goes to the accelerate endpoint, not to the UploadAddress endpoint (the sandbox's).
    assert ticket.address.endpoint == info["oss_endpoint"]
    session.accelerate_guard = EndpointGuard(resolve=lambda host: ["127.0.0.1"])  # as a hosts file would
    creds = LiveUploadCredentials(session.upload_source, ticket, ws.sessions.clock, None, None)
    bucket = session.bucket(creds, ticket.address.endpoint, ticket.address.bucket)
    assert isinstance(bucket, AcceleratedBucket)
    assert bucket.endpoint == DEFAULT_ACCELERATE_ENDPOINT


def test_switch_off_sends_no_accelerate_config(ws: Workspace, info: dict[str, Any]) -> None:
    session = ws.sessions("credential-accesskey")
    ticket = session.upload_source.create_upload_video(VideoMetadata(title="near"), "near.mp4", 1000)
    view = SandboxControl(info["control_url"]).video(ticket.video_id)
    assert "AccelerateConfig" not in view["user_data"]
    assert session.accelerate is None


def test_a_sandbox_upload_never_leaves_this_computer_through_the_accelerate_endpoint(
        tmp_path, ws: Workspace, info: dict[str, Any], control: SandboxControl) -> None:
    # The real endpoint name resolves to the internet (here: a documentation address, given by a fake resolver):
    # the job fails before any OSS request, naming the host and the fix.
    name = _accelerated(ws, info, "credential", "accesskey")
    session = ws.sessions(name)
    asked: list[str] = []

    def resolve(host: str) -> list[str]:
        asked.append(host)
        return ["192.0.2.10"]

    session.accelerate_guard = EndpointGuard(resolve=resolve)
    engine = TransferEngine(ws.store, ws.sessions)
    try:
        [job_id] = engine.add_files([str(write_file(tmp_path / "far.mp4", 5000))], name)
        snap = wait_for(lambda: (s := engine.snapshot(job_id)) and s.state is JobState.FAILED and s)
    finally:
        engine.shutdown(pause=True, timeout=10)
    assert snap.error is not None and snap.error.code == "AccelerateEndpointNotLocal"
    bucket_host = f"{info['storage_bucket']}.oss-accelerate.aliyuncs.com"
    assert asked == [bucket_host] and bucket_host in snap.error.message
    assert "127.0.0.1 in the hosts file" in snap.error.message
    assert not [e for e in control.log() if e["service"] == "oss"]


def test_a_bad_accelerate_endpoint_is_a_profile_error(ws: Workspace, info: dict[str, Any]) -> None:
    profile, _field, _secret = profile_from_info("bad", info, "credential", "accesskey")
    for bad in ("oss-accelerate.aliyuncs.com", "ftp://oss-accelerate.aliyuncs.com", "https://x/y", "https://"):
        with pytest.raises(VodError) as err:
            replace(profile, accelerate=True, accelerate_endpoint=bad).validate()
        assert err.value.code == "InvalidAccelerateEndpoint"
    ok = replace(profile, accelerate=True, accelerate_endpoint="https://oss-accelerate-overseas.aliyuncs.com/")
    assert ok.validate().accelerate_target == "https://oss-accelerate-overseas.aliyuncs.com"
    assert replace(profile, accelerate_endpoint="https://o.example:8443").accelerate_target is None


def test_the_sandbox_refuses_an_accelerate_config_vod_does_not_document(ws: Workspace) -> None:
    session = ws.sessions("credential-accesskey")
    for config in ('{"Type": "cdn", "Domain": "https://oss-accelerate.aliyuncs.com"}', '{"Type": "oss"}',
                   '{"Type": "oss", "Domain": "oss-accelerate.aliyuncs.com"}'):
        meta = VideoMetadata(title="odd", user_data=f'{{"AccelerateConfig": {config}}}')
        with pytest.raises(VodError) as err:
            session.upload_source.create_upload_video(meta, "odd.mp4", 1000)
        assert err.value.code == "InvalidUserData" and err.value.http_status == 400, err.value
