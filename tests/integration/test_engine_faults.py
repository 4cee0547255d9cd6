"""Unreliable networks and services: dropped connections, 5xx bursts, throttling. Uploads complete, intact."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from tests.helpers.workspace import FAST, part_uploads, profile_from_info, store_profile, write_file
from vodgui.core.integrity import crc64_file
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import JobState, Retrying
from vodgui.core.workspace import Workspace
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.client import SandboxControl


class Recorder:
    def __init__(self) -> None:
        self.events: list[object] = []

    def on_event(self, event: object) -> None:
        self.events.append(event)


def test_uploads_survive_drops_5xx_bursts_and_throttling(tmp_path, sandbox: SandboxServer, ws: Workspace,
                                                         info: dict[str, Any], control: SandboxControl,
                                                         engine: TransferEngine) -> None:
    # At most 6 drops in all: a part cannot meet more drops in a row than its retries, however the parts of three
    # files interleave on a loaded machine.
    control.add_fault(service="oss", op="UploadPart", effect="drop", percent=10, seed=7, drop_after=0.5, limit=6)
    control.add_fault(service="oss", op="UploadPart", effect="error", nth=[6, 7, 8], status=503,
                      code="ServiceUnavailable")
    control.add_fault(service="vod", op="CreateUploadVideo", effect="throttle", first=2)
    control.add_fault(service="vod", op="RefreshUploadVideo", effect="error", first=1, status=503,
                      code="ServiceUnavailable")
    rec = Recorder()
    engine.subscribe(rec)
    # One part can meet the whole 503 burst and a drop or two (4-5 failures in a row: the retries come at once,
    # so the same part takes consecutive nth faults); with the default 3 retries that failed about 1 run in 3.
    store_profile(ws, *profile_from_info("faulty", info, "credential", "accesskey", replace(FAST, retries=8)))
    files = [write_file(tmp_path / f"f{i}.mp4", 300_000 + i * 1000, seed=i) for i in range(3)]
    ids = engine.add_files([str(f) for f in files], "faulty")
    assert engine.wait_idle(90)
    log = control.log()
    for job_id, path in zip(ids, files):
        snap = engine.snapshot(job_id)
        assert snap is not None and snap.state is JobState.DONE, snap
        video = control.video(snap.media_id or "")
        assert int(control.object(video["bucket"], video["key"])["crc64"]) == crc64_file(str(path))
    assert any(e.get("fault") == "drop" for e in log)
    creates = [e.get("code") for e in log if e.get("op") == "CreateUploadVideo"]
    assert creates.count("Throttling.User") == 2 and len(creates) == 3 + 2
    retries = [e for e in rec.events if isinstance(e, Retrying)]
    assert {r.error.code for r in retries} >= {"Throttling.User", "ServiceUnavailable", "NetworkError"}
    # Parts that failed were sent again; none that succeeded was.
    for job_id in ids:
        video = control.video(engine.snapshot(job_id).media_id)  # type: ignore[union-attr]
        ok = [n for n, s in part_uploads(log, video["key"]) if s == 200]
        assert len(ok) == len(set(ok))


def test_a_fault_that_never_ends_fails_the_item_after_the_retries(tmp_path, control: SandboxControl,
                                                                  engine: TransferEngine) -> None:
    control.add_fault(service="oss", op="UploadPart", effect="error", status=500, code="InternalError")
    path = write_file(tmp_path / "f.mp4", 100_000)
    [job_id] = engine.add_files([str(path)], "credential-accesskey")
    assert engine.wait_idle(30)
    snap = engine.snapshot(job_id)
    assert snap is not None and snap.state is JobState.FAILED
    assert snap.error is not None and snap.error.code == "InternalError" and snap.error.request_id
    # Nothing retries forever: each part that was in flight had at most 1 try + 3 retries, and none started after.
    attempts = [e for e in control.log() if e.get("op") == "UploadPart"]
    per_part = Counter(e["part_number"] for e in attempts)
    assert per_part and max(per_part.values()) <= 4, per_part
    assert len(per_part) <= engine.gate.state().maximum
    # Nothing is lost: the item stays in the queue with its VideoId and upload, ready to retry.
    row = engine.store.get(job_id)
    assert row is not None and row.state is JobState.FAILED and row.media_id and row.upload_id
    control.clear_faults()
    engine.retry([job_id])
    assert engine.wait_idle(30)
    assert engine.snapshot(job_id).state is JobState.DONE  # type: ignore[union-attr]
    creates = [e for e in control.log() if e.get("op") == "CreateUploadVideo"]
    assert len(creates) == 1  # the retry refreshed the same video


def test_a_create_whose_answer_was_lost_is_found_not_made_twice(tmp_path, ws, control: SandboxControl,
                                                                engine: TransferEngine) -> None:
    """The item's ReferenceId is committed before CreateUploadVideo: when that call reached VOD but its answer
    never reached the item (a kill, a dropped connection), the next run finds the video by it."""
    from vodgui.core.media_items import file_item
    from vodgui.core.transfer.record import VideoDetails
    from vodgui.core.vod import VideoMetadata

    path = write_file(tmp_path / "lost.mp4", 120_000, seed=31)
    item = file_item(str(path), "sts-accesskey")
    item.details = VideoDetails(reference_id="vodgui-lost-answer-0001")
    vod = ws.sessions("sts-accesskey").vod
    assert vod is not None
    # The request that got through before the answer was lost.
    lost = vod.create_upload_video(VideoMetadata(title="lost", reference_id="vodgui-lost-answer-0001"),
                                   str(path), 120_000)
    [job_id] = engine.add([item])
    assert engine.wait_idle(30)
    snap = engine.snapshot(job_id)
    assert snap is not None and snap.state is JobState.DONE, snap
    assert snap.media_id == lost.video_id
    assert len([e for e in control.log() if e.get("op") == "CreateUploadVideo"]) == 1
    video = control.video(lost.video_id)
    assert int(control.object(video["bucket"], video["key"])["crc64"]) == crc64_file(str(path))


def test_every_video_item_sends_its_own_reference_id(tmp_path, ws, control: SandboxControl,
                                                      engine: TransferEngine) -> None:
    paths = [write_file(tmp_path / f"r{i}.mp4", 20_000, seed=40 + i) for i in range(2)]
    ids = engine.add_files([str(p) for p in paths], "credential-accesskey")
    assert engine.wait_idle(30)
    snaps = [engine.snapshot(i) for i in ids]
    refs = {control.video(s.media_id or "").get("reference_id") for s in snaps if s is not None}
    assert len(refs) == 2 and all(str(r).startswith("vodgui-") for r in refs)
