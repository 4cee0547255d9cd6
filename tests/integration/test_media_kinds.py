"""Images, covers, attached media and HLS packages through the engine, the real SDKs and the sandbox."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.helpers.media import make_hls, make_png, make_srt, segment_names, web_server
from tests.helpers.workspace import ops, wait_for, write_file
from vodgui.core.errors import VodError
from vodgui.core.integrity import crc64_file
from vodgui.core.media_items import cover_item, file_item, url_item
from vodgui.core.profiles import with_transfer
from vodgui.core.transfer.engine import TransferEngine
from vodgui.core.transfer.events import Event, JobChanged, JobSnapshot, JobState
from vodgui.core.transfer.record import CoverTarget, NewItem, UrlDetails
from vodgui.core.workspace import Workspace
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.cdn import sign_cdn_url
from vodgui.sandbox.client import SandboxControl

CRED = "credential-accesskey"
STS = "sts-accesskey"


def run(engine: TransferEngine, items: list[NewItem]) -> list[JobSnapshot]:
    ids = engine.add(items)
    assert engine.wait_idle(60)
    snaps = [engine.snapshot(i) for i in ids]
    assert all(s is not None for s in snaps)
    return [s for s in snaps if s is not None]


def actions(control: SandboxControl, since: int = 0) -> list[str]:
    return [e.get("action") or e.get("op") or "" for e in control.log(since)]


def stored(sandbox: SandboxServer, bucket: str, key: str) -> bytes:
    meta = sandbox.context.models["oss"].head(bucket, key)
    assert meta is not None, f"no object {bucket}/{key}"
    return bytes(meta.path.read_bytes())


# -- images ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("profile", [CRED, STS])
def test_image_upload(tmp_path: Path, ws: Workspace, engine: TransferEngine, control: SandboxControl,
                      sandbox: SandboxServer, profile: str) -> None:
    png = make_png(tmp_path / "poster.png")
    [snap] = run(engine, [file_item(str(png), profile, {"title": "海报", "tags": ["a"]})])
    assert snap.state is JobState.DONE, snap.error
    assert snap.kind == "image" and snap.media_id and snap.fraction == 1.0
    media = control.video(snap.media_id)
    assert media["kind"] == "image" and media["image_type"] == "default" and media["title"] == "海报"
    assert media["status"] == "Normal"
    assert stored(sandbox, media["bucket"], media["key"]) == png.read_bytes()
    item = ws.store.get(snap.job_id)
    assert item is not None and item.details.url and item.details.file_url
    [hist] = ws.store.history()
    assert (hist.kind, hist.video_id, hist.media_status) == ("image", snap.media_id, "Normal")
    assert hist.crc64 == str(crc64_file(str(png)))
    assert "CreateUploadVideo" not in actions(control)


def test_image_with_unsupported_extension_fails_before_any_call(tmp_path: Path, engine: TransferEngine,
                                                               control: SandboxControl) -> None:
    bmp = write_file(tmp_path / "logo.bmp", 500)
    [snap] = run(engine, [file_item(str(bmp), CRED, kind="image")])
    assert snap.state is JobState.FAILED and snap.error is not None
    assert snap.error.code == "InvalidImageExt" and snap.error.kind == "file"
    assert "png" in snap.error.message and ".bmp" in snap.error.message
    assert not [a for a in actions(control) if a.startswith("Create")]


def test_image_credentials_expiring_mid_upload_create_a_new_image(tmp_path: Path, engine: TransferEngine,
                                                                 control: SandboxControl,
                                                                 sandbox: SandboxServer) -> None:
    png = make_png(tmp_path / "big.png", 200, 200)
    # The first PutObject is told its token expired: the image cannot be refreshed, so it is created again.
    control.add_fault(service="oss", op="PutObject", first=1, status=403, code="SecurityTokenExpired",
                      message="The security token you provided has expired.")
    [snap] = run(engine, [file_item(str(png), CRED)])
    assert snap.state is JobState.DONE, snap.error
    assert len(ops(control.log(), "CreateUploadImage")) == 2
    assert snap.note and "new id" in snap.note.english()
    media = control.video(snap.media_id or "")
    assert stored(sandbox, media["bucket"], media["key"]) == png.read_bytes()


def test_image_through_appserver_profile_is_refused_clearly(tmp_path: Path, engine: TransferEngine,
                                                           control: SandboxControl) -> None:
    png = make_png(tmp_path / "a.png")
    [snap] = run(engine, [file_item(str(png), "credential-appserver")])
    assert snap.state is JobState.FAILED and snap.error is not None
    assert snap.error.code == "AppServerUnsupported" and "AppServer" in snap.error.message
    assert not [a for a in actions(control) if a.startswith("Create")]


# -- covers ----------------------------------------------------------------------------------------------------
def test_cover_for_an_existing_video(tmp_path: Path, engine: TransferEngine, control: SandboxControl) -> None:
    video = write_file(tmp_path / "clip.mp4", 40_000, seed=3)
    [done] = run(engine, [file_item(str(video), CRED)])
    assert done.state is JobState.DONE and done.media_id
    png = make_png(tmp_path / "cover.png", seed=7)
    [cover] = run(engine, [cover_item(str(png), CRED, [CoverTarget(video_id=done.media_id)])])
    assert cover.state is JobState.DONE, cover.error
    image = control.video(cover.media_id or "")
    assert image["image_type"] == "cover"
    info = control.video(done.media_id)
    assert info["cover_url"]
    got = requests.get(info["cover_url"], timeout=10)
    assert got.status_code == 200 and got.content == png.read_bytes()
    assert "UpdateVideoInfo" in actions(control)


def test_cover_for_a_queued_video_goes_with_create_upload_video(tmp_path: Path, engine: TransferEngine,
                                                              control: SandboxControl) -> None:
    video = write_file(tmp_path / "clip.mp4", 40_000, seed=4)
    [video_id] = engine.add([file_item(str(video), CRED)], start=False)
    png = make_png(tmp_path / "cover.png", seed=8)
    [cover] = run(engine, [cover_item(str(png), CRED, [CoverTarget(item_id=video_id)])])
    assert cover.state is JobState.DONE, cover.error
    waiting = engine.snapshot(video_id)
    assert waiting is not None and waiting.metadata["cover_url"]
    engine.resume([video_id])
    assert engine.wait_idle(60)
    snap = engine.snapshot(video_id)
    assert snap is not None and snap.state is JobState.DONE and snap.media_id
    # The video did not exist when the image was done: the URL went with CreateUploadVideo, no update needed.
    assert "UpdateVideoInfo" not in actions(control)
    info = control.video(snap.media_id)
    assert info["cover_url"] == waiting.metadata["cover_url"]
    assert requests.get(info["cover_url"], timeout=10).content == png.read_bytes()


def test_cover_done_while_the_video_is_being_created(tmp_path: Path, engine: TransferEngine,
                                                    control: SandboxControl) -> None:
    """The image finishes after the video job read its metadata but before CreateUploadVideo answered: the video
    job sees the new cover once its VideoId is stored and sets it with UpdateVideoInfo."""
    control.add_fault(service="vod", op="CreateUploadVideo", effect="delay", delay_ms=1500)
    video = write_file(tmp_path / "clip.mp4", 20_000, seed=5)
    png = make_png(tmp_path / "cover.png", seed=9)
    [video_job] = engine.add([file_item(str(video), CRED)])
    wait_for(lambda: ops(control.log(), "CreateUploadVideo") or
             (engine.snapshot(video_job) is not None and engine.snapshot(video_job).state is JobState.PREPARING))
    [cover_job] = engine.add([cover_item(str(png), CRED, [CoverTarget(item_id=video_job)])])
    assert engine.wait_idle(60)
    snap, cover = engine.snapshot(video_job), engine.snapshot(cover_job)
    assert snap is not None and cover is not None
    assert snap.state is JobState.DONE and cover.state is JobState.DONE, (snap.error, cover.error)
    info = control.video(snap.media_id or "")
    assert info["cover_url"] and requests.get(info["cover_url"], timeout=10).content == png.read_bytes()
    done = actions(control)  # in the order the requests were answered
    assert done.index("PutObject") < done.index("CreateUploadVideo") < done.index("UpdateVideoInfo")


# -- attached media --------------------------------------------------------------------------------------------
def test_attached_subtitle(tmp_path: Path, ws: Workspace, engine: TransferEngine, control: SandboxControl,
                           sandbox: SandboxServer) -> None:
    srt = make_srt(tmp_path / "clip.zh.srt")
    [snap] = run(engine, [file_item(str(srt), STS, business_type="subtitle")])
    assert snap.state is JobState.DONE, snap.error
    assert snap.kind == "attached"
    media = control.video(snap.media_id or "")
    assert media["kind"] == "attached" and media["business_type"] == "subtitle" and media["ext"] == "srt"
    assert stored(sandbox, media["bucket"], media["key"]) == srt.read_bytes()
    [hist] = ws.store.history()
    assert hist.kind == "attached" and hist.video_id == snap.media_id


def test_attached_with_the_wrong_extension_for_its_type(tmp_path: Path, engine: TransferEngine,
                                                      control: SandboxControl) -> None:
    srt = make_srt(tmp_path / "clip.srt")
    [snap] = run(engine, [file_item(str(srt), CRED, business_type="watermark")])
    assert snap.state is JobState.FAILED and snap.error is not None
    assert snap.error.code == "InvalidMediaExt" and "watermark" in snap.error.message
    assert not [a for a in actions(control) if a.startswith("Create")]


# -- M3U8 packages ---------------------------------------------------------------------------------------------
class _AtIndex:
    """Looks at the media when the package reaches COMPLETING, i.e. just before the playlist is sent."""

    def __init__(self, control: SandboxControl) -> None:
        self.control = control
        self.seen: dict[str, Any] = {}

    def on_event(self, event: Event) -> None:
        if isinstance(event, JobChanged) and event.snapshot.state is JobState.COMPLETING and event.snapshot.media_id:
            self.seen = self.control.video(event.snapshot.media_id)


@pytest.mark.parametrize("profile", [CRED, "credential-appserver"])
def test_m3u8_package_end_to_end(tmp_path: Path, ws: Workspace, engine: TransferEngine, control: SandboxControl,
                                 sandbox: SandboxServer, profile: str) -> None:
    playlist = make_hls(tmp_path / "pkg", 4)
    names = segment_names(playlist)
    assert len(names) >= 3 and all(n.startswith("segs/") for n in names)
    watcher = _AtIndex(control)
    engine.subscribe(watcher)
    item = file_item(str(playlist), profile)
    segments = [(tmp_path / "pkg" / n) for n in names]
    assert item.kind == "m3u8" and item.size > sum(p.stat().st_size for p in segments)
    [snap] = run(engine, [item])
    assert snap.state is JobState.DONE, snap.error
    assert snap.bytes_done == snap.size == item.size
    assert watcher.seen and watcher.seen["status"] == "Uploading"  # every segment there, not the index yet
    media = control.video(snap.media_id or "")
    assert media["status"] in ("UploadSucc", "Transcoding", "Normal")
    prefix = media["prefix"]
    assert prefix and media["key"].startswith(prefix)
    index = stored(sandbox, media["bucket"], media["key"]).decode()
    listed = [line for line in index.splitlines() if line and not line.startswith("#")]
    assert listed == [Path(n).name for n in names]  # relative names, as the official SDK writes them
    for seg in segments:
        assert stored(sandbox, media["bucket"], prefix + seg.name) == seg.read_bytes()
    log = control.log()
    puts = [e["key"] for e in ops(log, "PutObject", 200)]
    assert puts[-1] == media["key"] and len(puts) == len(segments) + 1
    assert len(ops(log, "CreateUploadVideo") + ops(log, "create-upload-video")) == 1
    # Playable as uploaded: the CDN serves the playlist and the segments it names.
    url = sign_cdn_url(sandbox.context, media["bucket"], media["key"], 600)
    served = requests.get(url, timeout=10)
    assert served.status_code == 200
    first = next(line for line in served.text.splitlines() if line and not line.startswith("#"))
    assert requests.get(url.rsplit("/", 1)[0] + "/" + first, timeout=10).content == segments[0].read_bytes()


def test_m3u8_with_a_missing_segment_fails_before_anything_is_sent(tmp_path: Path, engine: TransferEngine,
                                                                  control: SandboxControl) -> None:
    playlist = make_hls(tmp_path / "pkg", 4)
    names = segment_names(playlist)
    (tmp_path / "pkg" / names[1]).unlink()
    with playlist.open("a") as f:
        f.write("#EXTINF:1.0,\nhttp://example.com/remote.ts\n")
    [snap] = run(engine, [file_item(str(playlist), CRED)])
    assert snap.state is JobState.FAILED and snap.error is not None
    assert snap.error.code == "InvalidPlaylist" and snap.error.kind == "file"
    assert names[1] in snap.error.message and "missing" in snap.error.message
    assert "http://example.com/remote.ts" in snap.error.message and "Problems (2)" in snap.error.message
    assert not [a for a in actions(control) if a in ("CreateUploadVideo", "PutObject", "InitiateMultipartUpload")]


def test_m3u8_resume_sends_only_missing_segments(tmp_path: Path, ws: Workspace, engine: TransferEngine,
                                                control: SandboxControl, sandbox: SandboxServer) -> None:
    playlist = make_hls(tmp_path / "pkg", 6)
    segments = [tmp_path / "pkg" / n for n in segment_names(playlist)]
    # The fourth segment PUT fails for good: the job fails with three (or so) segments on the server.
    control.add_fault(service="oss", op="PutObject", nth=[4], status=400, code="InvalidArgument",
                      message="injected")
    ws.profiles.put(with_transfer(ws.profiles.require(CRED), parts_in_flight=1))
    ws.sessions.invalidate()
    [failed] = run(engine, [file_item(str(playlist), CRED)])
    assert failed.state is JobState.FAILED and failed.media_id
    before = control.log()
    sent_before = {e["key"] for e in ops(before, "PutObject", 200)}
    assert len(sent_before) == 3
    control.clear_faults()
    engine.retry([failed.job_id])
    assert engine.wait_idle(60)
    snap = engine.snapshot(failed.job_id)
    assert snap is not None and snap.state is JobState.DONE, snap.error
    assert snap.media_id == failed.media_id and snap.note and "3 segments" in snap.note.english()
    after = control.log(max(e["seq"] for e in before))
    sent_after = [e["key"] for e in ops(after, "PutObject", 200)]
    assert not set(sent_after) & sent_before
    assert len(sent_after) == len(segments) - 3 + 1
    assert not ops(after, "CreateUploadVideo")
    assert ops(after, "RefreshUploadVideo")
    media = control.video(snap.media_id or "")
    for seg in segments:
        assert stored(sandbox, media["bucket"], media["prefix"] + seg.name) == seg.read_bytes()


# -- uploads by URL --------------------------------------------------------------------------------------------
class _States:
    def __init__(self) -> None:
        self.snaps: list[JobSnapshot] = []

    def on_event(self, event: Event) -> None:
        if isinstance(event, JobChanged):
            self.snaps.append(event.snapshot)


@pytest.mark.parametrize("profile", [CRED, STS])
def test_url_upload_success(tmp_path: Path, ws: Workspace, engine: TransferEngine, control: SandboxControl,
                            sandbox: SandboxServer, profile: str) -> None:
    sandbox.config.settings.url_pull_delay = 0.3
    (tmp_path / "site").mkdir()
    clip = write_file(tmp_path / "site" / "clip one.mp4", 30_000, seed=5)
    states = _States()
    engine.subscribe(states)
    with web_server(tmp_path / "site") as base:
        url = f"{base}/clip%20one.mp4"
        [snap] = run(engine, [url_item(url, profile, {"title": "来自网址"})])
    assert snap.state is JobState.DONE, snap.error
    assert snap.kind == "url" and snap.media_id and snap.path == url and snap.fraction == 1.0
    running = [s for s in states.snaps if s.state.active]
    assert running and {s.state for s in running} >= {JobState.PREPARING, JobState.UPLOADING}
    # Nothing says how far VOD is: no made-up progress, speed or ETA while it runs.
    assert all(not s.progress_known and s.speed is None and s.eta is None and s.bytes_done == 0 for s in running)
    media = control.video(snap.media_id or "")
    assert media["title"] == "来自网址" and media["kind"] == "video"
    assert stored(sandbox, media["bucket"], media["key"]) == clip.read_bytes()
    assert len(ops(control.log(), "UploadMediaByURL")) == 1
    item = ws.store.get(snap.job_id)
    assert item is not None and item.details.job_id and item.size == 30_000
    [hist] = ws.store.history()
    assert (hist.kind, hist.path, hist.video_id) == ("url", url, snap.media_id)


def test_url_that_fails(tmp_path: Path, engine: TransferEngine, control: SandboxControl) -> None:
    (tmp_path / "site").mkdir()
    with web_server(tmp_path / "site") as base:
        [snap] = run(engine, [url_item(f"{base}/missing.mp4", CRED)])
    assert snap.state is JobState.FAILED and snap.error is not None
    assert snap.error.code == "URLInvalidError" and "404" in snap.error.message
    assert snap.media_id is None


def test_url_resume_follows_the_same_job(tmp_path: Path, ws: Workspace, control: SandboxControl,
                                         sandbox: SandboxServer) -> None:
    sandbox.config.settings.url_pull_delay = 1.5
    (tmp_path / "site").mkdir()
    clip = write_file(tmp_path / "site" / "clip.mp4", 20_000, seed=6)
    with web_server(tmp_path / "site") as base:
        first = TransferEngine(ws.store, ws.sessions)
        try:
            [job_id] = first.add([url_item(f"{base}/clip.mp4", CRED)])
            wait_for(lambda: bool(getattr((ws.store.get(job_id) or NewItem("", "")).details, "job_id", None)))
            first.suspend([job_id])  # the program closes while VOD is still fetching
        finally:
            first.shutdown(pause=True, timeout=10)
        submitted = getattr((ws.store.get(job_id) or NewItem("", "")).details, "job_id", None)
        second = TransferEngine(ws.store, ws.sessions)
        try:
            second.restore(resume=True)
            assert second.wait_idle(60)
            snap = second.snapshot(job_id)
        finally:
            second.shutdown(pause=True, timeout=10)
    assert snap is not None and snap.state is JobState.DONE, snap and snap.error
    assert len(ops(control.log(), "UploadMediaByURL")) == 1
    assert getattr((ws.store.get(job_id) or NewItem("", "")).details, "job_id", None) == submitted
    media = control.video(snap.media_id or "")
    assert stored(sandbox, media["bucket"], media["key"]) == clip.read_bytes()


def test_url_answer_lost_in_a_crash_is_found_not_submitted_again(tmp_path: Path, ws: Workspace,
                                                                 engine: TransferEngine,
                                                                 control: SandboxControl) -> None:
    (tmp_path / "site").mkdir()
    write_file(tmp_path / "site" / "clip.mp4", 20_000, seed=7)
    with web_server(tmp_path / "site") as base:
        url = f"{base}/clip.mp4"
        vod = ws.sessions(CRED).vod
        assert vod is not None
        started = time.time()
        job = vod.upload_media_by_url(url, {"Title": "clip"}, {})  # the request that got through...
        item = url_item(url, CRED)
        item.details = UrlDetails(submitted_at=started)  # ...before the program died, without storing the JobId
        [snap] = run(engine, [item])
    assert snap.state is JobState.DONE, snap.error
    assert len(ops(control.log(), "UploadMediaByURL")) == 1
    assert getattr((ws.store.get(snap.job_id) or NewItem("", "")).details, "job_id", None) == job


def test_url_through_appserver_profile_is_refused_clearly(engine: TransferEngine, control: SandboxControl) -> None:
    [snap] = run(engine, [url_item("http://127.0.0.1:9/clip.mp4", "credential-appserver")])
    assert snap.state is JobState.FAILED and snap.error is not None and snap.error.code == "AppServerUnsupported"
    assert not ops(control.log(), "UploadMediaByURL")


def test_invalid_url_is_refused_when_added() -> None:
    with pytest.raises(VodError) as info:
        url_item("ftp://example.com/a.mp4", CRED)
    assert info.value.code == "InvalidURL"
