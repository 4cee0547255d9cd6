"""The CLI as QA scripts use it: profiles from the sandbox line, uploads with JSON output, kill and resume."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from tests.e2e.conftest import add_profiles, json_lines, run_until_then_kill
from tests.helpers.workspace import ops, write_file
from vodgui.core.integrity import crc64_file
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.client import SandboxControl


def test_profiles_and_json_upload(tmp_path, sandbox: SandboxServer, control: SandboxControl, info: dict,
                                  vodgui: Callable[..., Any]) -> None:
    sandbox.config.settings.min_part_size = 1024
    add_profiles(vodgui, info)
    listed = json_lines(vodgui("profiles", "list", "--json").stdout)
    assert {p["name"] for p in listed} == {"cred", "sts", "app"}
    assert all(info["access_key_secret"] not in json.dumps(p) for p in listed)
    good = write_file(tmp_path / "a.mp4", 70_000, seed=1)
    bad = write_file(tmp_path / "b.txt", 10)
    for profile in ("cred", "sts", "app"):
        res = vodgui("upload", str(good), str(bad), str(tmp_path / "missing.mp4"), "--profile", profile,
                     "--json", "--title", "片头", "--tags", "a,b")
        assert res.returncode == 1, res.stderr  # not every file is done
        out = {r["file"].rsplit("/", 1)[-1]: r for r in json_lines(res.stdout)}
        assert out["a.mp4"]["state"] == "done" and len(out["a.mp4"]["video_id"]) == 32
        assert out["a.mp4"]["error"] is None
        assert out["b.txt"]["state"] == "failed" and out["b.txt"]["error"]["code"] == "InvalidFileName.Extension"
        assert out["missing.mp4"]["error"]["code"] == "FileNotFound"
        video = control.video(out["a.mp4"]["video_id"])
        assert video["title"] == "片头" and video["tags"] == ["a", "b"]
    res = vodgui("upload", str(good), "--profile", "cred", "--json")
    assert res.returncode == 0 and json_lines(res.stdout)[0]["state"] == "done"
    queue = json_lines(vodgui("queue", "list", "--json").stdout)
    assert len([q for q in queue if q["state"] == "done"]) == 4


def test_sigkill_mid_file_then_resume_sends_only_the_missing_parts(tmp_path, sandbox: SandboxServer,
                                                                   control: SandboxControl, info: dict,
                                                                   cli_env: dict[str, str],
                                                                   vodgui: Callable[..., Any]) -> None:
    sandbox.config.settings.min_part_size = 1024
    add_profiles(vodgui, info)
    path = write_file(tmp_path / "big.mp4", 1_000_000, seed=9)
    parts = -(-1_000_000 // 16384)
    run_until_then_kill(["upload", str(path), "--profile", "cred", "--json", "--bandwidth-limit", "150000"], cli_env,
                        lambda: len(ops(control.log(), "UploadPart", 200)) >= 15)
    killed_at = max(e["seq"] for e in control.log())
    before = control.log()
    creates = ops(before, "CreateUploadVideo")
    assert len(creates) == 1
    upload_ids = {e["upload_id"] for e in ops(before, "UploadPart")}
    assert len(upload_ids) == 1
    done_before = {int(e["part_number"]) for e in ops(before, "UploadPart", 200)}
    assert 15 <= len(done_before) < parts

    [queued] = [q for q in json_lines(vodgui("queue", "list", "--json").stdout) if q["file"] == str(path)]
    # The killed process left the item "uploading"; no process runs it, so the queue says it was interrupted.
    assert queued["state"] == "paused" and queued["note"].startswith("Interrupted") and queued["video_id"]
    assert queued["confirmed_bytes"] >= 15 * 16384

    res = vodgui("upload", str(path), "--profile", "cred", "--json")  # the same command, run again
    assert res.returncode == 0, res.stderr
    [result] = json_lines(res.stdout)
    assert result["state"] == "done" and result["video_id"] == queued["video_id"]
    after = [e for e in control.log() if e["seq"] > killed_at]
    assert not ops(after, "CreateUploadVideo") + ops(after, "InitiateMultipartUpload")
    assert ops(after, "RefreshUploadVideo")
    assert ops(after, "ListParts")
    sent_after = [int(e["part_number"]) for e in ops(after, "UploadPart", 200)]
    assert {e["upload_id"] for e in ops(after, "UploadPart")} == upload_ids
    assert not set(sent_after) & done_before, "a part that was already on the server was sent again"
    assert set(sent_after) | done_before == set(range(1, parts + 1))
    video = control.video(result["video_id"])
    obj = control.object(video["bucket"], video["key"])
    assert int(obj["crc64"]) == crc64_file(str(path))


def test_a_file_edited_in_place_after_a_kill_is_uploaded_exactly(tmp_path, sandbox: SandboxServer,
                                                                 control: SandboxControl, info: dict,
                                                                 cli_env: dict[str, str],
                                                                 vodgui: Callable[..., Any]) -> None:
    """kill -9 mid-upload; the file is edited in place keeping its size and mtime; the same command again ends
    "done" only with an object equal to the file (the edited parts are proven different and sent again)."""
    import os

    sandbox.config.settings.min_part_size = 1024
    add_profiles(vodgui, info)
    path = write_file(tmp_path / "edit.mp4", 600_000, seed=21)
    run_until_then_kill(["upload", str(path), "--profile", "cred", "--json", "--bandwidth-limit", "150000"], cli_env,
                        lambda: len(ops(control.log(), "UploadPart", 200)) >= 10)
    st = os.stat(path)
    with open(path, "r+b") as f:
        f.seek(20_000)
        f.write(os.urandom(50_000))  # inside parts the server already has
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    res = vodgui("upload", str(path), "--profile", "cred", "--json")
    [result] = json_lines(res.stdout)
    assert res.returncode == 0 and result["state"] == "done", res.stderr
    assert "differed from the file and were sent again" in (result["note"] or "")
    video = control.video(result["video_id"])
    assert int(control.object(video["bucket"], video["key"])["crc64"]) == crc64_file(str(path))
    assert len(ops(control.log(), "CreateUploadVideo")) == 1
