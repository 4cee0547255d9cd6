"""Credential expiry during an upload: proactive renewal before ExpireUTCTime and reactive renewal when OSS says
the token expired. A finished part is never sent again."""

from __future__ import annotations

from collections import defaultdict

from tests.helpers.workspace import part_uploads, wait_for, write_file
from vodgui.core.integrity import crc64_file
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import JobState
from vodgui.core.workspace import Workspace
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.client import SandboxControl


def assert_no_part_sent_twice_unless_it_failed(attempts: list[tuple[int, int]]) -> None:
    ok = defaultdict(int)
    for number, status in attempts:
        if status == 200:
            ok[number] += 1
    assert all(count == 1 for count in ok.values()), f"parts sent twice after succeeding: {dict(ok)}"


def test_short_lived_upload_credentials_are_renewed_proactively(tmp_path, sandbox: SandboxServer,
                                                                 control: SandboxControl,
                                                                 engine: TransferEngine) -> None:
    control.settings(upload_auth_ttl=2)  # every UploadAuth expires 2 s after it is issued
    engine.set_bandwidth_limit(100_000)  # ~7 s for the file: several lifetimes
    path = write_file(tmp_path / "long.mp4", 700_000, seed=3)
    [job_id] = engine.add_files([str(path)], "sts-accesskey")
    assert engine.wait_idle(60)
    snap = engine.snapshot(job_id)
    assert snap is not None and snap.state is JobState.DONE, snap

    log = control.log()
    video = control.video(snap.media_id or "")
    refreshes = [e for e in log if e.get("op") == "RefreshUploadVideo" and e["status"] == 200]
    assert len(refreshes) >= 3
    assert len([e for e in log if e.get("op") == "CreateUploadVideo"]) == 1
    attempts = part_uploads(log, video["key"])
    assert {n for n, s in attempts if s == 200} == set(range(1, -(-700_000 // (16 * 1024)) + 1))
    assert_no_part_sent_twice_unless_it_failed(attempts)
    assert int(control.object(video["bucket"], video["key"])["crc64"]) == crc64_file(str(path))


def test_expired_token_answer_forces_one_refresh_and_the_part_is_retried(tmp_path, sandbox: SandboxServer,
                                                                          control: SandboxControl,
                                                                          engine: TransferEngine) -> None:
    engine.set_bandwidth_limit(150_000)
    path = write_file(tmp_path / "clip.mp4", 600_000, seed=4)
    [job_id] = engine.add_files([str(path)], "credential-accesskey")

    def some_parts_done() -> bool:
        return sum(1 for e in control.log() if e.get("op") == "UploadPart" and e["status"] == 200) >= 5

    wait_for(some_parts_done)
    assert control.expire("upload") >= 1  # the keys in use expire now, long before ExpireUTCTime
    assert engine.wait_idle(60)
    snap = engine.snapshot(job_id)
    assert snap is not None and snap.state is JobState.DONE, snap

    log = control.log()
    video = control.video(snap.media_id or "")
    expired = [e for e in log if e.get("code") == "SecurityTokenExpired"]
    assert expired, "the sandbox never refused the expired keys"
    assert any(e.get("op") == "RefreshUploadVideo" for e in log)
    attempts = part_uploads(log, video["key"])
    for e in expired:
        if e.get("op") == "UploadPart":
            assert (int(e["part_number"]), 200) in attempts  # the refused part went again, with new keys
    assert_no_part_sent_twice_unless_it_failed(attempts)
    assert int(control.object(video["bucket"], video["key"])["crc64"]) == crc64_file(str(path))


def test_the_account_is_learned_with_a_renewed_token_when_the_service_says_it_expired(
        ws: Workspace, control: SandboxControl) -> None:
    """GetCallerIdentity (the ledger's account) signs with the STS token of the VOD calls: a token the service
    expired early is renewed once and the call made again, as every VOD call does."""
    from vodgui.core.ledger import account_key

    for name in ("sts-accesskey", "sts-appserver"):
        session = ws.sessions(name)
        assert session.vod is not None
        session.vod.signer.current()  # a token is cached now...
        assert control.expire("sts") >= 1  # ...and the service expires it before its time
        assert (account_key(session) or "").startswith("acs:"), name
