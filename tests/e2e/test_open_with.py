""""Open with vodgui" while the app runs: ``vodgui a.mp4`` hands the file to the running window (single
instance), which queues it, instead of failing on the queue lock or opening a second window."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.e2e.conftest import REPO
from tests.helpers.procs import stop_process
from tests.helpers.workspace import wait_for, write_file


def queued_paths(home: Path) -> list[str]:
    db = home / "data" / "queue.sqlite3"
    if not db.exists():
        return []
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        return [row[0] for row in con.execute("SELECT path FROM items")]
    except sqlite3.OperationalError:  # the table is being created
        return []
    finally:
        con.close()


def test_a_second_launch_queues_its_file_in_the_running_app(tmp_path: Path, cli_env: dict[str, str]) -> None:
    home = Path(cli_env["VODGUI_HOME"])
    env = dict(cli_env, VODGUI_REPORT_SHOWN="1")
    out_path = tmp_path / "gui.stdout"
    with open(out_path, "wb") as out, open(tmp_path / "gui.stderr", "wb") as err:
        gui = subprocess.Popen([sys.executable, "-m", "vodgui"], env=env, cwd=REPO, stdin=subprocess.DEVNULL,
                               stdout=out, stderr=err)
    try:
        def shown() -> bool:
            assert gui.poll() is None, (tmp_path / "gui.stderr").read_text()
            return b"VODGUI_SHOWN" in out_path.read_bytes()

        wait_for(shown, timeout=60, interval=0.1)
        clip = write_file(tmp_path / "a.mp4", 20_000)
        started = time.monotonic()
        second = subprocess.run([sys.executable, "-m", "vodgui", str(clip)], env=cli_env, cwd=tmp_path,
                                capture_output=True, text=True, timeout=60)
        assert second.returncode == 0, second.stderr
        assert time.monotonic() - started < 30
        # The running window queued it (its queue database says so); the second launch opened no window.
        wait_for(lambda: str(clip) in queued_paths(home), timeout=30, interval=0.1)
        # A relative path is resolved where the second launch ran.
        other = write_file(tmp_path / "b c.mp4", 10_000)
        rel = subprocess.run([sys.executable, "-m", "vodgui", other.name], env=cli_env, cwd=tmp_path,
                             capture_output=True, text=True, timeout=60)
        assert rel.returncode == 0, rel.stderr
        wait_for(lambda: str(other) in queued_paths(home), timeout=30, interval=0.1)
        assert gui.poll() is None
    finally:
        gui.terminate()
        stop_process(gui)
    assert os.path.exists(home / "data" / "queue.sqlite3")
