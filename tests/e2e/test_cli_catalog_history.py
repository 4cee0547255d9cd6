"""``vodgui catalog`` lists what the account offers and the chosen category reaches the video;
``vodgui history list --failed`` names the videos that never became playable."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.e2e.conftest import add_profile, json_lines
from tests.helpers.vod import sample, video_info
from tests.helpers.workspace import wait_for
from vodgui.sandbox import SandboxServer


def settled_file(path: Path, data: bytes | None = None) -> Path:
    """A file written a minute ago (a hot folder takes it on its second look)."""
    if data is not None:
        path.write_bytes(data)
    old = time.time() - 60
    os.utime(path, (old, old))
    return path


def test_catalog_lists_the_accounts_choices_and_the_category_reaches_the_video(
        tmp_path: Path, info: dict, vodgui: Callable[..., Any]) -> None:
    add_profile(vodgui, info, "cred")
    res = vodgui("catalog", "categories", "--profile", "cred", "--json")
    assert res.returncode == 0, res.stderr
    categories = {c["path"]: c for c in json_lines(res.stdout)}
    assert {"Movies", "News", "Sports", "Movies / Trailers"} <= set(categories)
    news = categories["News"]
    added = vodgui("catalog", "add-category", "Daily", "--parent", str(news["cate_id"]), "--profile", "cred",
                   "--json")
    assert added.returncode == 0, added.stderr
    [daily] = json_lines(added.stdout)
    assert daily["parent_id"] == news["cate_id"] and daily["level"] == 1
    # The new category is in the list (and in the cache the pickers read).
    cached = json_lines(vodgui("catalog", "categories", "--profile", "cred", "--json", "--cached").stdout)
    assert any(c["path"] == "News / Daily" and c["cate_id"] == daily["cate_id"] for c in cached)

    templates = json_lines(vodgui("catalog", "templates", "--profile", "cred", "--json").stdout)
    assert any(t["group_id"] == "VOD_NO_TRANSCODE" for t in templates)
    assert sum(t["is_default"] for t in templates) == 1
    apps = json_lines(vodgui("catalog", "apps", "--profile", "cred", "--json").stdout)
    assert [a["app_id"] for a in apps] == ["app-1000000"]

    # A hot folder whose template names the category: GetVideoInfo says CateId.
    folder = tmp_path / "desk"
    folder.mkdir()
    settled_file(Path(shutil.copy(sample("clip.mp4"), folder / "story.mp4")))  # real media: it ends Normal
    template = f'{{"cate_id": {daily["cate_id"]}, "template_group_id": "{templates[0]["group_id"]}"}}'
    res = vodgui("watch", str(folder), "--profile", "cred", "--once", "--json", "--template", template)
    assert res.returncode == 0, res.stderr
    done = next(r for r in json_lines(res.stdout) if r["state"] == "done")
    video = video_info(info, done["video_id"])
    assert video["CateId"] == daily["cate_id"]

    missing = vodgui("catalog", "add-category", "Orphan", "--parent", "999", "--profile", "cred")
    assert missing.returncode == 2 and "InvalidCateId.NotFound" in missing.stderr


def test_history_failed_lists_the_video_that_ended_transcode_fail(tmp_path: Path, sandbox: SandboxServer,
                                                                  info: dict, vodgui: Callable[..., Any]) -> None:
    sandbox.config.settings.transcode_mode = "full"  # real transcoding (tiny scale)
    add_profile(vodgui, info, "cred")
    good = shutil.copy(sample("clip.mp4"), tmp_path / "real.mp4")
    bad = tmp_path / "noise.mp4"
    bad.write_bytes(os.urandom(30_000))  # random bytes named .mp4: VOD cannot transcode them
    res = vodgui("upload", str(good), str(bad), "--profile", "cred", "--json")
    assert res.returncode == 0, res.stderr
    ids = {Path(r["file"]).name: r["video_id"] for r in json_lines(res.stdout)}

    def statuses() -> dict[str, str] | None:
        listed = json_lines(vodgui("history", "list", "--json").stdout)
        found = {r["video_id"]: r["status"] for r in listed}
        return found if found.get(ids["real.mp4"]) == "Normal" and found.get(ids["noise.mp4"]) == "TranscodeFail" \
            else None

    wait_for(statuses, timeout=90, interval=0.5)
    res = vodgui("history", "list", "--failed", "--json", "--no-check")
    assert res.returncode == 0, res.stderr
    [failed] = json_lines(res.stdout)
    assert failed["video_id"] == ids["noise.mp4"] and failed["code"] == "TranscodeFail" and failed["failed"]
    assert failed["file"] == str(bad) and failed["status_checked_at"]
    text = vodgui("history", "list", "--failed", "--no-check").stdout
    assert ids["noise.mp4"] in text and ids["real.mp4"] not in text
