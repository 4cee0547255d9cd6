"""Render pages of the main window to PNGs, offscreen.

Usage::

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [OUT_DIR]

Without arguments it starts a private sandbox and home, queues a batch (finished, uploading, waiting, paused and
failed items) and writes ``upload.png``, ``upload-empty.png`` and ``upload-transfer.png`` in the current directory.
:func:`render_upload` works on any MainWindow; :func:`stage_upload_batch` sets up the batch on a window whose context
runs the built-in sandbox. Add a ``render_<page>(window, path)`` function per page.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from vodgui.core.transfer.events import JobState

#: (file name, size in KB): what the staged batch uploads.
BATCH = [
    ("Product launch 2026 — keynote.mp4", 420), ("城市夜景航拍 Night city.mov", 380),
    ("Interview with the team (long cut).mp4", 900), ("Behind the scenes.mkv", 2400),
    ("Customer story — Hangzhou.mp4", 3100), ("产品演示 demo.mp4", 520), ("Teaser 15s.mp4", 300),
    ("Training session part 1.mp4", 800), ("Training session part 2.mp4", 810), ("Podcast episode 12.mp3", 350),
    ("Corrupted export.mp4", 260),
]


def wait(cond: Callable[[], bool], what: str, timeout: float = 60.0) -> None:
    """Run the event loop until ``cond()`` holds."""
    app = QApplication.instance()
    assert app is not None
    deadline = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def settle(seconds: float) -> None:
    end = time.monotonic() + seconds
    wait(lambda: time.monotonic() >= end, "time to pass", seconds + 5)


def stage_upload_batch(window: Any, folder: Path) -> None:
    """Queue :data:`BATCH` and bring it to a mixed state: some done, two uploading, one paused, one failed."""
    ctx, page = window.ctx, window.upload_page
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n, (name, kb) in enumerate(BATCH):
        path = folder / name
        path.write_bytes(os.urandom(kb * 1000) if n else b"\0" * kb * 1000)
        paths.append(str(path))
    snap = lambda p: next((s for s in page.model.snapshots() if s.path == p), None)  # noqa: E731
    Path(paths[-1]).write_bytes(b"")  # empty: VOD cannot accept it, so the item fails with an explanation
    page.add_paths(paths[:3] + paths[-1:])
    wait(lambda: all(snap(p) and snap(p).state is JobState.DONE for p in paths[:3])
         and snap(paths[-1]) is not None and snap(paths[-1]).state is JobState.FAILED, "the first uploads")
    ctx.engine.set_bandwidth_limit(150_000)
    page.add_paths(paths[3:-1])
    wait(lambda: snap(paths[-2]) is not None and snap(paths[4]) is not None
         and snap(paths[4]).bytes_done > 600_000, "uploads to progress")
    paused = snap(paths[-2])
    assert paused is not None
    ctx.engine.pause([paused.job_id])
    ctx.engine.update_metadata([paused.job_id], {"tags": ["podcast", "2026"], "description": "Episode 12."})
    page.select_jobs([paused.job_id])
    page.view.setFocus()
    settle(1.0)  # a few progress ticks, so speed and ETA show


def render_upload(window: Any, path: str | Path, *, side: str = "details") -> Path:
    """Grab the window on the Upload page, its side panel showing ``side`` ("details" or "transfer")."""
    window.nav.setCurrentRow(0)
    page = window.upload_page
    page.side.setCurrentWidget(page.transfer if side == "transfer" else page.details)
    QApplication.processEvents()
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise OSError(f"could not write {out}")
    return out


def main(argv: list[str]) -> int:
    from tests.helpers.keyrings import MemoryKeyring  # an in-memory keychain: nothing leaves the process
    from vodgui.app import build_context
    from vodgui.core.keychain import SecretStore
    from vodgui.core.workspace import Workspace
    from vodgui.sandbox import SandboxServer
    from vodgui.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(argv)
    try:
        from vodgui.ui.style import apply_style

        apply_style(app)
    except ImportError:
        pass
    out_dir = Path(argv[1] if len(argv) > 1 else ".")
    with tempfile.TemporaryDirectory() as home:
        sandbox = SandboxServer(seed="screenshots", settings={"transcode_delay": 0.0}).start()
        ws = Workspace(home, secrets=SecretStore(MemoryKeyring()))
        ctx = build_context(ws, sandbox.info)
        window = MainWindow(ctx)
        window.ask_pause_on_quit = lambda running: True  # type: ignore[method-assign]
        window.resize(1280, 760)
        window.show()
        ctx.engine.restore(resume=True)
        try:
            print(render_upload(window, out_dir / "upload-empty.png"))
            stage_upload_batch(window, Path(home) / "media")
            print(render_upload(window, out_dir / "upload.png"))
            print(render_upload(window, out_dir / "upload-transfer.png", side="transfer"))
        finally:
            window.close()
            ctx.bridge.stop()
            ctx.engine.shutdown(pause=True, timeout=10)
            ws.close()
            sandbox.stop()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
