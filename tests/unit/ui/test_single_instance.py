"""A second launch on the same queue hands its files to the running window instead of failing on the lock."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from tests.helpers.workspace import write_file
from tests.unit.ui.upload_helpers import WAIT_MS
from vodgui.ui.single_instance import InstanceServer, hand_over, server_name

ROOT = Path(__file__).resolve().parents[3]


def second_launch(name: str, files: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """What a second ``vodgui FILE...`` does before giving up: hand the files over, in its own process."""
    code = ("import sys\nfrom PySide6.QtCore import QCoreApplication\n"
            "from vodgui.ui.single_instance import hand_over\n"
            "app = QCoreApplication(sys.argv[:1])\n"
            "print(hand_over(sys.argv[1], sys.argv[2:]))\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-c", code, name, *files], capture_output=True, text=True, timeout=60,
                          cwd=cwd, env=env)


def test_files_from_a_second_launch_reach_the_running_instance(qtbot: Any, qapp: Any, tmp_path: Path) -> None:
    name = server_name(tmp_path / "data")
    server = InstanceServer(name)
    assert server.listening()
    results: list[subprocess.CompletedProcess[str]] = []
    try:
        with qtbot.waitSignal(server.files_received, timeout=WAIT_MS) as received:
            # The second launch blocks on its socket: run it beside the event loop that answers it.
            thread = threading.Thread(target=lambda: results.append(
                second_launch(name, ["clip one.mp4", "/abs/other.mov"], tmp_path)))
            thread.start()
            qtbot.waitUntil(lambda: not thread.is_alive(), timeout=WAIT_MS)
        assert received.args[0] == [str(tmp_path / "clip one.mp4"), "/abs/other.mov"]
        assert results[0].stdout.strip() == "True", results[0].stderr
    finally:
        server.close()


def test_nobody_listening_means_no_hand_over(qapp: Any, tmp_path: Path) -> None:
    assert hand_over(server_name(tmp_path / "nobody"), ["a.mp4"]) is False


def test_two_homes_are_two_instances(tmp_path: Path) -> None:
    assert server_name(tmp_path / "a") != server_name(tmp_path / "b")
    assert server_name(tmp_path / "a") == server_name(tmp_path / "a" / ".." / "a")


def test_the_window_queues_opened_files(qtbot: Any, main_window: Any, media: Path) -> None:
    clip = write_file(media / "opened.mp4", 2000)
    main_window.open_files([str(clip)])
    qtbot.waitUntil(lambda: any(s.path == str(clip) for s in main_window.model.snapshots()), timeout=WAIT_MS)
