"""Bad input: each case ends the item with a message that names the cause, keeps the item, and never retries
forever."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest

from tests.helpers.workspace import FAST, ops, profile_from_info, store_profile, wait_for, write_file
from vodgui.core.profiles import POLICY_UPLOAD_ONLY
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import JobSnapshot, JobState
from vodgui.core.workspace import Workspace
from vodgui.sandbox.client import SandboxControl


def run_one(engine: TransferEngine, path: str, profile: str = "credential-accesskey") -> JobSnapshot:
    [job_id] = engine.add_files([path], profile)
    assert engine.wait_idle(60)
    snap = engine.snapshot(job_id)
    assert snap is not None
    return snap


def failed_with(snap: JobSnapshot, code: str, *words: str) -> None:
    assert snap.state is JobState.FAILED, snap
    assert snap.error is not None and snap.error.code == code, snap.error
    for word in words:
        assert word in snap.error.message, snap.error.message


@pytest.mark.parametrize(("name", "size", "code", "words"), [
    ("empty.mp4", 0, "EmptyFile", ["empty"]),
    ("notes.txt", 10, "InvalidFileName.Extension", [".txt", "mp4"]),
])
def test_file_problems_are_caught_before_anything_is_sent(tmp_path, control: SandboxControl,
                                                          engine: TransferEngine, name: str, size: int, code: str,
                                                          words: list[str]) -> None:
    snap = run_one(engine, str(write_file(tmp_path / name, size)))
    failed_with(snap, code, *words)
    assert not ops(control.log(), "CreateUploadVideo")
    assert engine.store.get(snap.job_id) is not None  # the item stays, with its error


def test_missing_file_and_directory(tmp_path, engine: TransferEngine) -> None:
    failed_with(run_one(engine, str(tmp_path / "nope.mp4")), "FileNotFound", "does not exist")
    folder = tmp_path / "clips.mp4"
    folder.mkdir()
    failed_with(run_one(engine, str(folder)), "IsADirectory", "folder")


def test_unreadable_file(tmp_path, engine: TransferEngine, monkeypatch: pytest.MonkeyPatch) -> None:
    # Tests run as root in CI, where no file is unreadable: pretend the permission check fails.
    path = write_file(tmp_path / "locked.mp4", 1000)
    monkeypatch.setattr("vodgui.core.transfer.files.os.access", lambda p, mode: False)
    failed_with(run_one(engine, str(path)), "FileUnreadable", "permission")


def test_file_vanishing_mid_upload_keeps_the_item_for_a_retry(tmp_path, engine: TransferEngine) -> None:
    engine.set_bandwidth_limit(60_000)
    path = write_file(tmp_path / "gone.mp4", 400_000, seed=1)
    [job_id] = engine.add_files([str(path)], "credential-accesskey")
    wait_for(lambda: (engine.snapshot(job_id).bytes_done or 0) > 100_000)  # type: ignore[union-attr]
    data = path.read_bytes()
    path.unlink()
    assert engine.wait_idle(30)
    snap = engine.snapshot(job_id)
    failed_with(snap, "FileVanished", "gone.mp4")  # type: ignore[arg-type]
    path.write_bytes(data)
    os.utime(path, ns=(engine.store.get(job_id).mtime_ns,) * 2)  # type: ignore[union-attr]
    engine.set_bandwidth_limit(0)
    engine.retry([job_id])
    assert engine.wait_idle(30)
    assert engine.snapshot(job_id).state is JobState.DONE  # type: ignore[union-attr]


def test_file_changed_during_upload_restarts_with_a_reason(tmp_path, control: SandboxControl,
                                                           engine: TransferEngine) -> None:
    engine.set_bandwidth_limit(60_000)
    path = write_file(tmp_path / "edit.mp4", 300_000, seed=2)
    [job_id] = engine.add_files([str(path)], "credential-accesskey")
    wait_for(lambda: (engine.snapshot(job_id).bytes_done or 0) > 50_000)  # type: ignore[union-attr]
    with open(path, "ab") as f:
        f.write(b"more frames")
    assert engine.wait_idle(30)
    snap = engine.snapshot(job_id)
    failed_with(snap, "FileChangedDuringUpload", "changed while it was being uploaded")  # type: ignore[arg-type]
    video_id = snap.media_id  # type: ignore[union-attr]
    engine.set_bandwidth_limit(0)
    engine.retry([job_id])
    assert engine.wait_idle(30)
    snap = engine.snapshot(job_id)
    assert snap is not None and snap.state is JobState.DONE and snap.media_id == video_id
    assert snap.size == 300_000 + len(b"more frames")
    video = control.video(video_id or "")
    assert control.object(video["bucket"], video["key"])["size"] == snap.size


def add_profile(ws: Workspace, info: dict, name: str, mode: str = "credential", source: str = "accesskey",
                secret: str | None = None, **changes: object) -> str:
    profile, field, real_secret = profile_from_info(name, info, mode, source, FAST)
    store_profile(ws, replace(profile, **changes), field, secret or real_secret)  # type: ignore[arg-type]
    return name


def test_wrong_key_id_and_wrong_secret_are_told_apart(tmp_path, ws: Workspace, info: dict,
                                                      engine: TransferEngine) -> None:
    path = str(write_file(tmp_path / "a.mp4", 5000))
    add_profile(ws, info, "bad-id", access_key_id="LTAI5tNoSuchKey000000000")
    add_profile(ws, info, "bad-secret", secret="not-the-secret-at-all-000000")
    snap = run_one(engine, path, "bad-id")
    failed_with(snap, "InvalidAccessKeyId.NotFound")
    assert snap.error.kind == "auth_key_id"  # type: ignore[union-attr]
    snap = run_one(engine, path, "bad-secret")
    assert snap.error is not None and snap.error.kind == "auth_secret", snap.error
    assert snap.error.code in ("InvalidAccessKeySecret", "SignatureDoesNotMatch")


def test_role_problems(tmp_path, ws: Workspace, info: dict, engine: TransferEngine) -> None:
    path = str(write_file(tmp_path / "a.mp4", 5000))
    missing_role = info["role_arn"].rsplit("/", 1)[0] + "/nosuchrole"
    add_profile(ws, info, "no-role", mode="sts", role_arn=missing_role)
    snap = run_one(engine, path, "no-role")
    failed_with(snap, "EntityNotExist.Role")
    assert snap.error.kind == "role"  # type: ignore[union-attr]
    with pytest.raises(Exception, match="DurationSeconds must be between 900 and 3600"):
        add_profile(ws, info, "short", mode="sts", duration_seconds=60)
    with pytest.raises(Exception, match="RoleArn"):
        add_profile(ws, info, "garbled", mode="sts", role_arn="role/uploader")


def test_policy_denial(tmp_path, ws: Workspace, info: dict, engine: TransferEngine) -> None:
    deny = POLICY_UPLOAD_ONLY.replace("vod:CreateUploadVideo", "vod:GetPlayInfo")
    add_profile(ws, info, "no-upload", mode="sts", policy=deny)
    snap = run_one(engine, str(write_file(tmp_path / "a.mp4", 5000)), "no-upload")
    failed_with(snap, "Forbidden.RAM")
    assert snap.error.kind == "permission"  # type: ignore[union-attr]


def test_clock_skew(tmp_path, control: SandboxControl, engine: TransferEngine) -> None:
    control.clock(skew=20 * 60)
    snap = run_one(engine, str(write_file(tmp_path / "a.mp4", 5000)))
    failed_with(snap, "InvalidTimeStamp.Expired")
    assert snap.error.kind == "clock_skew"  # type: ignore[union-attr]


def test_unreachable_endpoint_fails_after_the_retries(tmp_path, ws: Workspace, info: dict,
                                                      engine: TransferEngine) -> None:
    add_profile(ws, info, "offline", vod_endpoint="http://127.0.0.1:9")
    snap = run_one(engine, str(write_file(tmp_path / "a.mp4", 5000)), "offline")
    assert snap.state is JobState.FAILED and snap.error is not None
    assert snap.error.kind == "network", snap.error
