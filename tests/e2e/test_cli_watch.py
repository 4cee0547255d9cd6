"""``vodgui watch``: files written slowly into a hot folder go up once each, complete, and never twice — not
after the watcher is killed with uploads in flight and started again, not on a re-scan with ``--once``; every
video it uploads is followed to its final state (real transcoding: media ends Normal, noise TranscodeFail), never
longer than ``--follow-timeout``."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.e2e.conftest import REPO, add_profile, json_lines
from tests.helpers.procs import stop_process
from tests.helpers.vod import sample, video_info
from tests.helpers.workspace import ops, wait_for
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.client import SandboxControl

MB = 1 << 20


def md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes()).hexdigest()


class Watcher:
    """``python -m vodgui watch ...`` in the background; its stdout (JSON lines) read from a file."""

    def __init__(self, args: list[str], env: dict[str, str], logs: Path, name: str) -> None:
        self.out = logs / f"{name}.stdout"
        self.err = logs / f"{name}.stderr"
        with open(self.out, "wb") as out, open(self.err, "wb") as err:
            self.proc = subprocess.Popen([sys.executable, "-m", "vodgui", "watch", *args], env=env, cwd=REPO,
                                         stdin=subprocess.DEVNULL, stdout=out, stderr=err)

    def lines(self) -> list[dict[str, Any]]:
        return json_lines(self.out.read_text(encoding="utf-8", errors="replace"))

    def find(self, state: str, name: str) -> dict[str, Any] | None:
        assert self.proc.poll() is None, self.err.read_text()
        return next((r for r in self.lines() if r.get("state") == state and r["file"].endswith("/" + name)), None)


def media_id_recorded(home: Path, path: Path) -> bool:
    """Whether the queue row of ``path`` holds its VideoId (read-only look at the watcher's queue database)."""
    con = sqlite3.connect(f"file:{home / 'data' / 'queue.sqlite3'}?mode=ro", uri=True, timeout=5)
    try:
        row = con.execute("SELECT media_id FROM items WHERE path = ?", (str(path),)).fetchone()
    except sqlite3.OperationalError:
        return False
    finally:
        con.close()
    return bool(row and row[0])


def settled(path: str | Path) -> Path:
    """``path`` written a minute ago: complete, a hot folder takes it on its second look."""
    old = time.time() - 60
    os.utime(path, (old, old))
    return Path(path)


def grow(path: Path, total: int, seconds: float, chunks: int = 20) -> None:
    """Write ``total`` random bytes into ``path`` over ``seconds``, flushed chunk by chunk (an export in
    progress): the file exists, incomplete, the whole time."""
    piece = total // chunks
    with open(path, "wb") as f:
        for i in range(chunks):
            f.write(os.urandom(piece if i < chunks - 1 else total - piece * (chunks - 1)))
            f.flush()
            time.sleep(seconds / chunks)


def test_hot_folder_uploads_complete_files_exactly_once(tmp_path: Path, info: dict, control: SandboxControl,
                                                        cli_env: dict[str, str],
                                                        vodgui: Callable[..., Any]) -> None:
    add_profile(vodgui, info, "cred")
    folder = tmp_path / "exports"
    folder.mkdir()
    big = folder / "big.mp4"
    part = folder / "clip.mp4.part"
    hidden = folder / ".~clip.tmp.mp4"
    watch_args = [str(folder), "--profile", "cred", "--json", "--settle", "2"]
    first = Watcher(watch_args, cli_env, tmp_path, "watch1")
    try:
        # A 30 MB export growing over 10 s, a download finishing under a .part name, an editor's hidden temp file.
        writers = [threading.Thread(target=grow, args=(big, 30 * MB, 10.0)),
                   threading.Thread(target=grow, args=(part, 3 * MB, 4.0))]
        for w in writers:
            w.start()
        hidden.write_bytes(os.urandom(200_000))
        writers[1].join()
        part.rename(folder / "clip.mp4")
        writers[0].join()
        wait_for(lambda: first.find("done", "clip.mp4"), timeout=60)
        # Killed while big.mp4 uploads (a crash, a logout): once its VideoId is recorded, so no CreateUploadVideo
        # answer is lost in the kill (that would leave an empty extra video, as any client killed mid-call does).
        wait_for(lambda: first.find("queued", "big.mp4"), timeout=60)
        wait_for(lambda: media_id_recorded(Path(cli_env["VODGUI_HOME"]), big), timeout=60, interval=0.02)
        first.proc.kill()
        first.proc.wait(10)
    finally:
        stop_process(first.proc)
    queued = [r for r in first.lines() if r["state"] == "queued"]
    assert sorted(Path(r["file"]).name for r in queued) == ["big.mp4", "clip.mp4"], first.lines()

    second = Watcher(watch_args, cli_env, tmp_path, "watch2")
    try:
        done_big = wait_for(lambda: second.find("done", "big.mp4"), timeout=90)
    finally:
        second.proc.terminate()
        stop_process(second.proc)
    # The restart resumed the killed upload (same VideoId) and queued nothing new.
    assert not [r for r in second.lines() if r["state"] == "queued"], second.lines()
    done_clip = next(r for r in first.lines() if r["state"] == "done" and r["file"].endswith("/clip.mp4"))
    creates = ops(control.log(), "CreateUploadVideo")
    assert len(creates) == 2
    # What went up is the final file, byte for byte: nothing was read while it was still being written.
    for res, local in ((done_big, big), (done_clip, folder / "clip.mp4")):
        video = control.video(res["video_id"])
        assert control.object(video["bucket"], video["key"])["md5"] == md5(local)
        assert video["title"] == local.stem

    # A re-scan after the app was closed, and the file renamed meanwhile: nothing goes up again.
    (folder / "clip.mp4").rename(folder / "clip renamed.mp4")
    res = vodgui("watch", *watch_args, "--once", timeout=120)
    assert res.returncode == 0, res.stderr
    lines = json_lines(res.stdout)
    assert {Path(r["file"]).name: r["state"] for r in lines} == {"big.mp4": "skipped",
                                                                 "clip renamed.mp4": "skipped"}
    renamed = next(r for r in lines if r["file"].endswith("clip renamed.mp4"))
    assert renamed["video_id"] == done_clip["video_id"] and renamed["same_content"] is True
    assert len(ops(control.log(), "CreateUploadVideo")) == 2


def test_watch_applies_the_template_and_refuses_a_bad_one(tmp_path: Path, info: dict, control: SandboxControl,
                                                          vodgui: Callable[..., Any]) -> None:
    add_profile(vodgui, info, "cred")
    folder = tmp_path / "in"
    folder.mkdir()
    settled(shutil.copy(sample("clip.mp4"), folder / "take 1.mp4"))  # real media: it ends Normal
    template = tmp_path / "template.json"
    template.write_text('{"title": "{folder}: {stem}", "tags": "news,daily", "description": "from the desk"}')
    res = vodgui("watch", str(folder), "--profile", "cred", "--once", "--json", "--template", str(template))
    assert res.returncode == 0, res.stderr
    lines = json_lines(res.stdout)
    done = next(r for r in lines if r["state"] == "done")
    assert next(r for r in lines if r["state"] == "final")["status"] == "Normal"
    video = control.video(done["video_id"])
    assert video["title"] == "in: take 1" and video["tags"] == ["news", "daily"]
    assert video["description"] == "from the desk"

    bad = vodgui("watch", str(folder), "--profile", "cred", "--once", "--title", "{basename}")
    assert bad.returncode == 2 and "InvalidTitlePattern" in bad.stderr and "{stem}" in bad.stderr
    missing = vodgui("watch", str(tmp_path / "nowhere"), "--profile", "cred", "--once")
    assert missing.returncode == 2 and "is not a folder" in missing.stderr


def test_watch_once_follows_each_upload_to_its_final_state(tmp_path: Path, sandbox: SandboxServer, info: dict,
                                                           vodgui: Callable[..., Any]) -> None:
    """Done is not the end: ``--once`` waits until VOD has transcoded each video (for real, with FFmpeg) and
    prints the final state per file; the failure is in the exit status and in ``vodgui history list``."""
    sandbox.config.settings.transcode_mode = "full"
    add_profile(vodgui, info, "cred")
    folder = tmp_path / "desk"
    folder.mkdir()
    settled(shutil.copy(sample("clip.mp4"), folder / "real.mp4"))  # ffmpeg-made H.264 + AAC
    noise = folder / "noise.mp4"
    noise.write_bytes(os.urandom(40_000))  # random bytes named .mp4: VOD cannot transcode them
    settled(noise)
    res = vodgui("watch", str(folder), "--profile", "cred", "--once", "--json", timeout=180)
    assert res.returncode == 1, res.stderr  # a video failed
    lines = json_lines(res.stdout)
    done = {Path(r["file"]).name: r["video_id"] for r in lines if r["state"] == "done"}
    final = {Path(r["file"]).name: r for r in lines if r["state"] == "final"}
    assert set(done) == set(final) == {"real.mp4", "noise.mp4"}, lines
    assert (final["real.mp4"]["status"], final["real.mp4"]["failed"], final["real.mp4"]["code"]) == \
        ("Normal", False, None)
    assert (final["noise.mp4"]["status"], final["noise.mp4"]["failed"], final["noise.mp4"]["code"]) == \
        ("TranscodeFail", True, "TranscodeFail")
    assert final["real.mp4"]["video_id"] == done["real.mp4"] and final["noise.mp4"]["video_id"] == done["noise.mp4"]
    # Each final line comes after its file's upload finished.
    order = [(r["state"], Path(r["file"]).name) for r in lines]
    for name in ("real.mp4", "noise.mp4"):
        assert order.index(("done", name)) < order.index(("final", name))
    # VOD agrees (the official SDK's GetVideoInfo), and the answers were stored: History knows without asking.
    assert video_info(info, done["real.mp4"])["Status"] == "Normal"
    assert video_info(info, done["noise.mp4"])["Status"] == "TranscodeFail"
    listed = json_lines(vodgui("history", "list", "--failed", "--json", "--no-check").stdout)
    assert [(r["video_id"], r["code"]) for r in listed] == [(done["noise.mp4"], "TranscodeFail")]
    # Without --json: one line per file with its final state, a failure explained.
    again = settled(shutil.copy(sample("clip.mov"), folder / "again.mov"))
    noise2 = folder / "noise 2.mp4"
    noise2.write_bytes(os.urandom(40_000))
    settled(noise2)
    text = vodgui("watch", str(folder), "--profile", "cred", "--once", timeout=180)
    assert text.returncode == 1, text.stderr
    out = text.stdout.splitlines()
    assert any(line.startswith("final ") and line.endswith(f"{again}: Normal") for line in out), text.stdout
    assert any(line.startswith("final ") and f"{noise2}: TranscodeFail (after the upload: VOD could not transcode"
               in line for line in out), text.stdout


def test_watch_once_gives_up_following_at_the_cap_and_says_so(tmp_path: Path, sandbox: SandboxServer,
                                                              info: dict, vodgui: Callable[..., Any]) -> None:
    """A video VOD keeps processing does not hold ``--once`` for ever: ``--follow-timeout`` ends the wait with a
    message naming the cap and what to do, and exit status 3."""
    sandbox.config.settings.transcode_delay = 600.0  # transcoding will not start while the test runs
    add_profile(vodgui, info, "cred")
    folder = tmp_path / "slow"
    folder.mkdir()
    settled(shutil.copy(sample("clip.mp4"), folder / "long film.mp4"))
    res = vodgui("watch", str(folder), "--profile", "cred", "--once", "--json", "--follow-timeout", "2",
                 timeout=120)
    assert res.returncode == 3, res.stderr
    lines = json_lines(res.stdout)
    done = next(r for r in lines if r["state"] == "done")
    [unsettled] = [r for r in lines if r["state"] == "unsettled"]
    assert unsettled["video_id"] == done["video_id"] and unsettled["status"] == "UploadSucc"
    assert unsettled["reason"]["code"] == "FollowTimeout"
    assert "--follow-timeout 2 s" in res.stderr and "vodgui history list" in res.stderr
    assert not [r for r in lines if r["state"] == "final"]
    # Not following at all is a choice too: done is the end, exit 0.
    settled(shutil.copy(sample("clip.mkv"), folder / "short.mkv"))
    quick = vodgui("watch", str(folder), "--profile", "cred", "--once", "--json", "--follow-timeout", "0")
    assert quick.returncode == 0, quick.stderr
    states = {(Path(r["file"]).name, r["state"]) for r in json_lines(quick.stdout)}
    assert states == {("long film.mp4", "skipped"), ("short.mkv", "queued"), ("short.mkv", "done")}
