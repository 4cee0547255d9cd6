"""Both authorization modes x both credential sources, end to end through the real SDKs and the sandbox."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.workspace import COMBOS, write_file
from vodgui.core.integrity import crc64_file
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import JobState
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.client import SandboxControl

META = {"title": "发布会 Keynote", "description": "季度发布", "tags": ["launch", "2026"], "cate_id": 7,
        "callback_url": "http://127.0.0.1:9/callback", "user_data": '{"Extend":{"batch":"b1"}}'}


@pytest.mark.parametrize(("mode", "source"), COMBOS, ids=[f"{m}-{s}" for m, s in COMBOS])
@pytest.mark.parametrize("size", [20_000, 150_000], ids=["single-put", "multipart"])
def test_upload_end_to_end(tmp_path, sandbox: SandboxServer, control: SandboxControl, engine: TransferEngine,
                           mode: str, source: str, size: int) -> None:
    sandbox.config.settings.transcode_delay = 30  # hold the video in UploadSucc until the clock moves
    sandbox.config.settings.transcode_duration = 10
    path = write_file(tmp_path / "keynote.mp4", size, seed=size)
    [job_id] = engine.add_files([str(path)], f"{mode}-{source}", META)
    assert engine.wait_idle(30)
    snap = engine.snapshot(job_id)
    assert snap is not None and snap.state is JobState.DONE, snap
    assert snap.bytes_done == size and snap.media_id

    video: dict[str, Any] = control.video(snap.media_id)
    assert video["status"] == "UploadSucc"
    assert video["title"] == "发布会 Keynote" and video["description"] == "季度发布"
    assert video["tags"] == ["launch", "2026"] and video["cate_id"] == 7
    assert video["user_data"]["MessageCallback"]["CallbackURL"] == "http://127.0.0.1:9/callback"
    assert video["user_data"]["Extend"] == {"batch": "b1"}
    assert video["file_size"] == size
    obj = control.object(video["bucket"], video["key"])
    assert int(obj["crc64"]) == crc64_file(str(path))
    control.clock(advance=31)
    assert control.video(snap.media_id)["status"] == "Transcoding"
    control.clock(advance=10)
    # Random bytes named .mp4 are not media: like real VOD, the sandbox ends them TranscodeFail.
    assert control.video(snap.media_id)["status"] == "TranscodeFail"

    [history] = engine.store.history()
    assert history.video_id == snap.media_id and history.crc64 == str(crc64_file(str(path)))
    # The queue row keeps nothing secret.
    row = engine.store.get(job_id)
    assert row is not None and row.upload_address and "SecurityToken" not in str(row)
