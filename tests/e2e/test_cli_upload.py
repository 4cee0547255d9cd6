"""The CLI as QA scripts use it: profiles from the sandbox line, uploads with JSON output, kill and resume."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from tests.e2e.conftest import add_profile, add_profiles, json_lines, run_until_then_kill
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
    first: dict[str, str] = {}
    for profile in ("cred", "sts", "app"):
        res = vodgui("upload", str(good), str(bad), str(tmp_path / "missing.mp4"), "--profile", profile,
                     "--json", "--title", "片头", "--tags", "a,b")
        assert res.returncode == 1, res.stderr  # not every file is done
        out = {r["file"].rsplit("/", 1)[-1]: r for r in json_lines(res.stdout)}
        assert out["b.txt"]["state"] == "failed" and out["b.txt"]["error"]["code"] == "InvalidFileName.Extension"
        assert out["missing.mp4"]["error"]["code"] == "FileNotFound"
        first[profile] = out["a.mp4"]["video_id"]
        if profile == "sts":
            # Same sandbox account as "cred" (GetCallerIdentity says so): the file is there already.
            assert out["a.mp4"]["state"] == "skipped" and out["a.mp4"]["video_id"] == first["cred"]
            continue
        assert out["a.mp4"]["state"] == "done" and len(out["a.mp4"]["video_id"]) == 32
        assert out["a.mp4"]["error"] is None
        video = control.video(out["a.mp4"]["video_id"])
        assert video["title"] == "片头" and video["tags"] == ["a", "b"]
    # Uploaded already: no new VideoId, the existing one in the output, exit 0.
    creates = len(ops(control.log(), "CreateUploadVideo"))
    res = vodgui("upload", str(good), "--profile", "cred", "--json")
    assert res.returncode == 0, res.stderr
    [skipped] = json_lines(res.stdout)
    assert skipped["state"] == "skipped" and skipped["video_id"] == first["cred"]
    assert len(ops(control.log(), "CreateUploadVideo")) == creates
    text = vodgui("upload", str(good), "--profile", "cred")
    assert text.returncode == 0 and text.stdout.startswith(f"skipped {first['cred']}") and "--again" in text.stdout
    # --again uploads anyway.
    res = vodgui("upload", str(good), "--profile", "cred", "--json", "--again")
    assert res.returncode == 0, res.stderr
    [again] = json_lines(res.stdout)
    assert again["state"] == "done" and again["video_id"] not in first.values()
    queue = json_lines(vodgui("queue", "list", "--json").stdout)
    assert len([q for q in queue if q["state"] == "done"]) == 3


def test_another_account_is_a_new_upload(tmp_path, sandbox: SandboxServer, info: dict,
                                         vodgui: Callable[..., Any]) -> None:
    other = SandboxServer(seed="another account", settings={"transcode_delay": 0.0}).start()
    try:
        assert other.info()["account_id"] != info["account_id"]
        add_profile(vodgui, info, "mine")
        add_profile(vodgui, other.info(), "theirs")
        clip = write_file(tmp_path / "clip.mp4", 5_000, seed=4)
        ids = []
        for profile in ("mine", "theirs", "mine", "theirs"):
            res = vodgui("upload", str(clip), "--profile", profile, "--json")
            assert res.returncode == 0, res.stderr
            [out] = json_lines(res.stdout)
            ids.append((out["state"], out["video_id"]))
        assert [s for s, _ in ids] == ["done", "done", "skipped", "skipped"]
        assert ids[0][1] != ids[1][1] and ids[2][1] == ids[0][1] and ids[3][1] == ids[1][1]
        assert SandboxControl(other.url).video(ids[1][1])["status"]
    finally:
        other.stop()


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
    # What the job recorded before the kill: never more than the server acknowledged (an answer may be lost).
    assert 0 < queued["confirmed_bytes"] <= len(done_before) * 16384

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


def test_throttling_is_waited_out_and_said_not_failed(tmp_path, sandbox: SandboxServer, control: SandboxControl,
                                                      info: dict, vodgui: Callable[..., Any]) -> None:
    sandbox.config.settings.min_part_size = 1024
    add_profiles(vodgui, info)
    # Longer than the 3 retries a network error gets, on VOD and on OSS.
    control.add_fault(service="vod", op="CreateUploadVideo", effect="throttle", first=6)
    control.add_fault(service="oss", op="UploadPart", effect="throttle", first=5)
    clip = write_file(tmp_path / "clip.mp4", 60_000, seed=5)
    res = vodgui("upload", str(clip), "--profile", "sts", "--json")
    assert res.returncode == 0, res.stderr
    [out] = json_lines(res.stdout)
    assert out["state"] == "done"
    video = control.video(out["video_id"])
    assert int(control.object(video["bucket"], video["key"])["crc64"]) == crc64_file(str(clip))
    log = control.log()
    assert [e.get("code") for e in ops(log, "CreateUploadVideo")].count("Throttling.User") == 6
    assert [e.get("code") for e in ops(log, "UploadPart")].count("TotalQpsLimitExceeded") == 5
    assert "waiting: the service is throttling (Throttling.User)" in res.stderr
    assert "Traceback" not in res.stderr
    # Patience is configurable and bounded: with none, throttling gets the network budget and the item fails.
    control.clear_faults()
    control.add_fault(service="vod", op="CreateUploadVideo", effect="throttle", first=6)
    other = write_file(tmp_path / "other.mp4", 5_000, seed=6)
    res = vodgui("upload", str(other), "--profile", "sts", "--json", "--throttle-patience", "0")
    assert res.returncode == 1
    [out] = json_lines(res.stdout)
    assert out["state"] == "failed" and out["error"]["code"] == "Throttling.User"
    assert len(ops(control.log(), "CreateUploadVideo")) == 7 + 4  # the first file's 7, then 1 try + 3 retries


def test_queue_cancel_of_a_started_upload_leaves_no_video_and_can_be_queued_again(
        tmp_path, sandbox: SandboxServer, control: SandboxControl, info: dict, cli_env: dict[str, str],
        vodgui: Callable[..., Any]) -> None:
    """An upload killed half-way has a VideoId and a multipart upload; ``queue cancel`` removes both (DeleteVideo,
    AbortMultipartUpload) and says so; ``queue resume ID`` queues the cancelled item again as a new attempt."""
    from vodgui.sandbox.client import SandboxControlError

    sandbox.config.settings.min_part_size = 1024
    add_profiles(vodgui, info)
    path = write_file(tmp_path / "gone.mp4", 600_000, seed=31)
    run_until_then_kill(["upload", str(path), "--profile", "cred", "--json", "--bandwidth-limit", "150000"], cli_env,
                        lambda: len(ops(control.log(), "UploadPart", 200)) >= 5)
    [item] = [q for q in json_lines(vodgui("queue", "list", "--json").stdout) if q["file"] == str(path)]
    video_id = item["video_id"]
    assert video_id and control.video(video_id)["status"] == "Uploading"

    res = vodgui("queue", "cancel", str(item["job_id"]))
    assert res.returncode == 0, res.stderr
    with pytest.raises(SandboxControlError, match="404"):
        control.video(video_id)
    assert ops(control.log(), "DeleteVideo", 200) and ops(control.log(), "AbortMultipartUpload", 204)
    [after] = [q for q in json_lines(vodgui("queue", "list", "--json").stdout) if q["job_id"] == item["job_id"]]
    assert after["state"] == "cancelled" and after["video_id"] is None
    assert after["note"] == f"Cancelled: the placeholder video {video_id} was deleted from VOD."

    res = vodgui("queue", "resume", str(item["job_id"]), "--json", "--no-progress")
    assert res.returncode == 0, res.stderr
    [again] = json_lines(res.stdout)
    assert again["state"] == "done" and again["video_id"] not in (None, video_id)
    video = control.video(again["video_id"])
    assert int(control.object(video["bucket"], video["key"])["crc64"]) == crc64_file(str(path))


@pytest.mark.parametrize(("name", "create", "delete", "note"), [
    ("still.png", "CreateUploadImage", "DeleteImage", "Cancelled: the image {} created for it was deleted from VOD "
                                                      "(DeleteImage)."),
    ("captions.srt", "CreateUploadAttachedMedia", "DeleteAttachedMedia",
     "Cancelled: the attached media {} created for it was deleted from VOD (DeleteAttachedMedia)."),
])
def test_queue_cancel_of_a_started_image_or_attached_media_leaves_nothing_in_vod(
        tmp_path, sandbox: SandboxServer, control: SandboxControl, info: dict, cli_env: dict[str, str],
        vodgui: Callable[..., Any], name: str, create: str, delete: str, note: str) -> None:
    """An image (CreateUploadImage) or subtitle file (CreateUploadAttachedMedia) killed half-way has an id in VOD;
    ``queue cancel`` deletes it (DeleteImage / DeleteAttachedMedia) and the row says so."""
    from vodgui.sandbox.client import SandboxControlError

    sandbox.config.settings.min_part_size = 1024
    add_profiles(vodgui, info)
    path = write_file(tmp_path / name, 600_000, seed=32)
    run_until_then_kill(["upload", str(path), "--profile", "cred", "--json", "--bandwidth-limit", "150000"], cli_env,
                        lambda: len(ops(control.log(), "UploadPart", 200)) >= 2)
    [item] = [q for q in json_lines(vodgui("queue", "list", "--json").stdout) if q["file"] == str(path)]
    media_id = item["video_id"]
    assert media_id and ops(control.log(), create, 200) and control.video(media_id)["status"] == "Uploading"

    res = vodgui("queue", "cancel", str(item["job_id"]))
    assert res.returncode == 0, res.stderr
    with pytest.raises(SandboxControlError, match="404"):
        control.video(media_id)
    assert ops(control.log(), delete, 200)
    [after] = [q for q in json_lines(vodgui("queue", "list", "--json").stdout) if q["job_id"] == item["job_id"]]
    assert after["state"] == "cancelled" and after["video_id"] is None
    assert after["note"] == note.format(media_id)


def test_upload_hold_queues_paused_and_queue_resume_runs_it(
        tmp_path, sandbox: SandboxServer, control: SandboxControl, info: dict, vodgui: Callable[..., Any]) -> None:
    """``vodgui upload --hold`` only queues (paused, nothing created in VOD); ``queue resume ID`` uploads it."""
    sandbox.config.settings.min_part_size = 1024
    add_profiles(vodgui, info)
    path = write_file(tmp_path / "later.mp4", 50_000, seed=33)
    res = vodgui("upload", str(path), "--profile", "cred", "--hold", "--json", "--title", "Later")
    assert res.returncode == 0, res.stderr
    [out] = json_lines(res.stdout)
    assert (out["state"], out["video_id"], out["file"]) == ("held", None, str(path))
    [item] = [q for q in json_lines(vodgui("queue", "list", "--json").stdout) if q["job_id"] == out["job_id"]]
    assert item["state"] == "paused"
    assert not ops(control.log(), "CreateUploadVideo")

    text = vodgui("upload", str(path), "--profile", "cred", "--hold")  # the same file again: the same item
    assert text.returncode == 0 and text.stdout.strip() == f"held    job {out['job_id']}  {path}"

    res = vodgui("queue", "resume", str(out["job_id"]), "--json", "--no-progress")
    assert res.returncode == 0, res.stderr
    [done] = json_lines(res.stdout)
    assert done["state"] == "done" and control.video(done["video_id"])["title"] == "Later"
