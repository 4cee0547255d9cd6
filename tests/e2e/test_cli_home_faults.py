"""A full or read-only home (a 2 MB tmpfs as VODGUI_HOME): a message naming the folder, exit 2, no traceback,
and nothing lost: the same command finishes the upload once there is room."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import REPO, add_profile, json_lines
from tests.helpers.procs import stop_process
from tests.helpers.workspace import ops, write_file
from vodgui.core.integrity import crc64_file
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.client import SandboxControl


def admin(*cmd: str) -> list[str]:
    """``cmd`` as root: directly when we are, else through passwordless sudo (the README's user, CI's root)."""
    return list(cmd) if os.geteuid() == 0 else ["sudo", "-n", *cmd]


@pytest.fixture
def small_home(tmp_path: Path, cli_env: dict[str, str]) -> Iterator[Path]:
    """VODGUI_HOME on its own 2 MB tmpfs, owned by the user running the tests (mounting needs root or sudo)."""
    mount = tmp_path / "small"
    mount.mkdir()
    options = f"size=2m,uid={os.getuid()},gid={os.getgid()},mode=0755"
    res = subprocess.run(admin("mount", "-t", "tmpfs", "-o", options, "tmpfs", str(mount)), capture_output=True,
                         text=True, timeout=10)
    if res.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (neither root nor passwordless sudo): {res.stderr.strip()}")
    cli_env["VODGUI_HOME"] = str(mount / "home")
    try:
        yield mount
    finally:
        subprocess.run(admin("umount", "-l", str(mount)), capture_output=True, timeout=10)


def fill(mount: Path) -> Path:
    """Fill the tmpfs to the last byte."""
    filler = mount / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                continue
    finally:
        os.close(fd)
    return filler


def assert_explained(res: subprocess.CompletedProcess[str] | tuple[int, str], mount: Path, what: str) -> None:
    code, stderr = (res.returncode, res.stderr) if isinstance(res, subprocess.CompletedProcess) else res
    assert code == 2, stderr
    assert "Traceback" not in stderr and str(mount / "home") in stderr and what in stderr, stderr
    assert "--home" in stderr


def test_a_full_home_is_explained_and_loses_nothing(tmp_path: Path, small_home: Path, sandbox: SandboxServer,
                                                    control: SandboxControl, info: dict, cli_env: dict[str, str],
                                                    vodgui: Callable[..., Any]) -> None:
    sandbox.config.settings.min_part_size = 1024
    add_profile(vodgui, info, "cred", "--part-size", "16384", "--min-part-size", "1024", "--retry-delay", "0.05")
    clip = write_file(tmp_path / "clip.mp4", 1_500_000, seed=3)
    # Full before anything starts: nothing is created in VOD, nothing is queued.
    filler = fill(small_home)
    assert_explained(vodgui("upload", str(clip), "--json"), small_home, "is full")
    assert not ops(control.log(), "CreateUploadVideo")
    filler.unlink()
    # Full in the middle of the upload: the parts on the server stay, the same command finishes it.
    with open(tmp_path / "cli.err", "wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "vodgui", "upload", str(clip), "--json", "--bandwidth-limit",
                                 "300000"], env=cli_env, cwd=REPO, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 30
        while len(ops(control.log(), "UploadPart", 200)) < 10:
            assert proc.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
        filler = fill(small_home)
        code = proc.wait(60)
    finally:
        stop_process(proc)
    assert_explained((code, (tmp_path / "cli.err").read_text()), small_home, "is full")
    filler.unlink()
    res = vodgui("upload", str(clip), "--json")
    assert res.returncode == 0, res.stderr
    [out] = json_lines(res.stdout)
    assert out["state"] == "done"
    assert len(ops(control.log(), "CreateUploadVideo")) == 1  # the same video, resumed
    video = control.video(out["video_id"])
    assert int(control.object(video["bucket"], video["key"])["crc64"]) == crc64_file(str(clip))
    # And then the guard knows it.
    again = vodgui("upload", str(clip), "--json")
    assert again.returncode == 0 and json_lines(again.stdout)[0]["state"] == "skipped"
    nothing = vodgui("queue", "resume", "--all")
    assert nothing.returncode == 0 and "nothing to resume" in nothing.stderr


def test_a_read_only_home_is_explained(tmp_path: Path, small_home: Path, info: dict,
                                       vodgui: Callable[..., Any]) -> None:
    add_profile(vodgui, info, "cred")
    clip = write_file(tmp_path / "clip.mp4", 10_000, seed=4)
    subprocess.run(admin("mount", "-o", "remount,ro", str(small_home)), check=True, timeout=10)
    try:
        assert_explained(vodgui("upload", str(clip), "--json"), small_home, "cannot be written")
        res = vodgui("profiles", "add", "other", "--from-sandbox", "-", stdin=json.dumps(info) + "\n")
        assert_explained(res, small_home, "cannot be written")
    finally:
        subprocess.run(admin("mount", "-o", "remount,rw", str(small_home)), check=True, timeout=10)
