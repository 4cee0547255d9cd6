"""``vodgui playauth`` as a QA script uses it: JSON shape, masking, --show-secrets, exit statuses."""

from __future__ import annotations

import base64
import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from aliyunsdkvod.request.v20170321.DeleteVideoRequest import DeleteVideoRequest

from tests.e2e.conftest import add_profile, json_lines
from tests.helpers.vod import uploaded, vod
from vodgui.sandbox import SandboxServer


def test_json_shape_masking_and_exit_status(tmp_path: Path, info: dict[str, Any],
                                            vodgui: Callable[..., Any]) -> None:
    add_profile(vodgui, info)
    first, second = uploaded(info), uploaded(info)
    csv_path = tmp_path / "out.csv"
    res = vodgui("playauth", f"{first},{second}", "--profile", "cred", "--timeout", "600", "--check", "--json",
                 "--csv", str(csv_path))
    assert res.returncode == 0, res.stderr
    out = json_lines(res.stdout)
    assert [o["video_id"] for o in out] == [first, second]
    for obj in out:
        assert {"video_id", "play_auth", "play_auth_expires_at", "check", "streams", "status", "title"} <= set(obj)
        assert obj["check"] == {"ok": True, "code": None, "message": None, "request_id": obj["check"]["request_id"],
                                "status": "Normal", "via": "playauth"}
        assert obj["play_auth_expires_at"].endswith("Z") and obj["status"] == "Normal"
        assert "…(" in obj["play_auth"]  # masked: a prefix and the length
        [stream] = obj["streams"]
        assert (stream["format"], stream["width"], stream["height"]) == ("mp4", 320, 240)
        assert "auth_key=" in stream["url"] and stream["url_expires_at"].endswith("Z")
        decoded = obj["decoded"]
        assert decoded["AccessKeyId"].startswith("STS.") and "…(" in decoded["SecurityToken"]
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8-sig")))
    assert [(r["video_id"], r["check_ok"]) for r in rows] == [(first, "true"), (second, "true")]

    shown = vodgui("playauth", first, "--profile", "cred", "--json", "--show-secrets")
    assert shown.returncode == 0, shown.stderr
    [obj] = json_lines(shown.stdout)
    play_auth = obj["play_auth"]
    blob = json.loads(base64.b64decode(play_auth))
    assert blob["AccessKeyId"].startswith("STS.") and json.loads(blob["AuthInfo"])["MediaId"] == first
    assert obj["decoded"]["SecurityToken"] == blob["SecurityToken"]
    assert obj["check"] is None  # not asked for
    # Masked output never contains the secrets of the PlayAuth it describes.
    masked = vodgui("playauth", first, "--profile", "cred", "--json")
    assert blob["SecurityToken"] not in masked.stdout and blob["AccessKeySecret"] not in masked.stdout


def test_failures_and_exit_statuses(sandbox: SandboxServer, info: dict[str, Any],
                                    vodgui: Callable[..., Any]) -> None:
    add_profile(vodgui, info)
    good = uploaded(info)
    gone = uploaded(info)
    req = DeleteVideoRequest()
    req.set_VideoIds(gone)
    vod(info, req)
    res = vodgui("playauth", good, gone, "--profile", "cred", "--check", "--json")
    assert res.returncode == 1
    out = {o["video_id"]: o for o in json_lines(res.stdout)}
    assert out[good]["check"]["ok"] is True
    assert out[gone]["check"]["ok"] is False and out[gone]["check"]["code"] == "InvalidVideo.NotFound"
    assert out[gone]["play_auth"] is None and out[gone]["play_auth_expires_at"] is None

    sandbox.config.settings.transcode_duration = 600
    busy = uploaded(info)
    text = vodgui("playauth", busy, "--profile", "cred", "--check")
    assert text.returncode == 1
    assert "Forbidden.IllegalStatus" in text.stdout and "Transcoding" in text.stdout and "FAIL" in text.stdout

    plain = vodgui("playauth", good, "--profile", "cred", "--check")
    assert plain.returncode == 0, plain.stderr
    assert "PASS" in plain.stdout and "expires" in plain.stdout and "stream" in plain.stdout

    assert vodgui("playauth", good, "--profile", "cred", "--timeout", "99").returncode == 2
    bad = vodgui("playauth", good, "--profile", "cred", "--play-config", "x=1")
    assert bad.returncode == 2 and "PlayConfig" in bad.stderr
    assert vodgui("playauth", good, "--profile", "nope").returncode == 2


def test_an_appserver_credential_profile_cannot_call_vod(info: dict[str, Any], vodgui: Callable[..., Any]) -> None:
    add_profile(vodgui, info, "app", "--mode", "credential", "--source", "appserver")
    res = vodgui("playauth", uploaded(info), "--profile", "app", "--check")
    assert res.returncode == 2
    assert "NoVodAccess" in res.stderr and "AppServer" in res.stderr
