"""``python -m vodgui.sandbox``: prints its info as one JSON line and stops cleanly on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_sandbox_process_prints_info_and_stops_on_sigterm(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "vodgui.sandbox", "--data-dir", str(tmp_path), "--seed", "m",
                             "--set", "min_part_size=2048"], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    try:
        assert proc.stdout is not None
        info = json.loads(proc.stdout.readline())
        assert info["pid"] == proc.pid
        with urllib.request.urlopen(info["control_url"] + "/settings", timeout=10) as resp:
            assert json.loads(resp.read())["min_part_size"] == 2048
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(5)
    assert (tmp_path / "sandbox-config.json").exists()
