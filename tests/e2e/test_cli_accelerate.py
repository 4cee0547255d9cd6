"""Upload acceleration end to end: the profile switch sends OSS traffic to the transfer-acceleration endpoint.

The CLI runs in a private mount namespace (``unshare -m``, see tests/helpers/namespaces.py) whose hosts file maps
``oss-accelerate.aliyuncs.com`` and the storage bucket's virtual host under it to loopback, so the real endpoint
name reaches the sandbox (which answers it on its own port) and no traffic leaves this computer. The sandbox
records the Host of every OSS request, and refuses the accelerate endpoint until transfer acceleration is enabled
for its account (``transfer_acceleration``, set through the control plane as QA would).
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import REPO, TINY, add_profile, json_lines
from tests.helpers.namespaces import namespaces_work, private_mount_command
from tests.helpers.workspace import write_file
from vodgui.sandbox import SandboxServer

ACCEL = "oss-accelerate.aliyuncs.com"


pytestmark = pytest.mark.skipif(not namespaces_work(), reason="needs unshare (root, or user namespaces)")


def _control(info: dict[str, Any], path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(f"{info['control_url']}/{path}", data=data, method="POST" if data else "GET")
    with urllib.request.urlopen(req, timeout=10) as resp:
        result: dict[str, Any] = json.loads(resp.read())
    return result


def _oss_hosts(info: dict[str, Any], since: int) -> list[tuple[str, str, int]]:
    """(Host, operation, status) of each OSS request logged after ``since``."""
    entries = _control(info, f"log?since={since}")["entries"]
    return [(e.get("host", ""), e["op"], e.get("status", 0)) for e in entries if e["service"] == "oss"]


def _last_seq(info: dict[str, Any]) -> int:
    entries = _control(info, "log")["entries"]
    return int(entries[-1]["seq"]) if entries else 0


@pytest.fixture
def in_namespace(tmp_path: Path, info: dict[str, Any], cli_env: dict[str, str]) -> Any:
    bucket = info["storage_bucket"]
    hosts = tmp_path / "hosts"
    hosts.write_text(Path("/etc/hosts").read_text(encoding="utf-8") + f"\n127.0.0.1 {ACCEL} {bucket}.{ACCEL}\n",
                     encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        argv = private_mount_command({str(hosts): "/etc/hosts"}, [sys.executable, "-m", "vodgui", *args])
        return subprocess.run(argv, capture_output=True, text=True, env=cli_env, timeout=120, cwd=REPO)

    return run


def test_switch_on_uploads_through_the_accelerate_endpoint_and_a_refusal_names_the_fix(
        tmp_path: Path, sandbox: SandboxServer, info: dict[str, Any], in_namespace: Any, vodgui: Any) -> None:
    sandbox.config.settings.min_part_size = 1024
    accel_url = info["oss_accelerate_endpoint"]
    assert accel_url.startswith(f"http://{ACCEL}:")
    add_profile(vodgui, info, "fast", "--accelerate", "--accelerate-endpoint", accel_url, *TINY)
    add_profile(vodgui, info, "plain", *TINY)
    listed = {p["name"]: p for p in json_lines(vodgui("profiles", "list", "--json").stdout)}
    assert listed["fast"]["accelerate"] is True and listed["plain"]["accelerate"] is False

    # Acceleration not enabled for the account: the accelerate endpoint refuses; the upload fails at once with
    # the cause and the fix, after one refused request (no retry loop).
    video = write_file(tmp_path / "far.mp4", 70_000, seed=3)
    since = _last_seq(info)
    refused = in_namespace("upload", str(video), "--profile", "fast", "--json")
    out = json_lines(refused.stdout)[0]
    assert out["state"] == "failed", refused.stderr[-2000:]
    assert out["error"]["code"] == "AccelerationRefused"
    refused_requests = _oss_hosts(info, since)
    assert len(refused_requests) == 1, refused_requests  # refused once, not retried
    assert refused_requests[0][0].startswith(f"{info['storage_bucket']}.{ACCEL}:") and refused_requests[0][2] == 403
    text = in_namespace("upload", str(video), "--profile", "fast")
    assert "Acceleration is not enabled for this account's VOD storage" in text.stdout + text.stderr
    assert "switch acceleration off in the profile" in text.stdout + text.stderr

    # The account gets acceleration (the control plane stands in for Alibaba Cloud's ticket): the same switch
    # now uploads through the accelerate endpoint, and the video is complete.
    _control(info, "settings", {"transfer_acceleration": True})
    since = _last_seq(info)
    ok = in_namespace("upload", str(video), "--profile", "fast", "--json")
    done = json_lines(ok.stdout)[0]
    assert done["state"] == "done", ok.stderr[-2000:]
    hosts = _oss_hosts(info, since)
    assert hosts and all(h.startswith(f"{info['storage_bucket']}.{ACCEL}:") for h, _op, _st in hosts)
    assert {"InitiateMultipartUpload", "UploadPart", "CompleteMultipartUpload"} <= {op for _h, op, _st in hosts}
    view = _control(info, f"videos/{done['video_id']}")
    assert view["size"] == 70_000 and view["uploaded_at"] is not None
    assert view["user_data"]["AccelerateConfig"] == {"Type": "oss", "Domain": accel_url}

    # Switch off: the UploadAddress endpoint, no AccelerateConfig.
    since = _last_seq(info)
    plain = in_namespace("upload", str(write_file(tmp_path / "near.mp4", 20_000, seed=4)), "--profile", "plain",
                         "--json")
    assert json_lines(plain.stdout)[0]["state"] == "done", plain.stderr[-2000:]
    hosts = _oss_hosts(info, since)
    assert hosts and all(h.startswith("127.0.0.1:") for h, _op, _st in hosts)
