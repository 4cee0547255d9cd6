"""Render pages of the main window to PNGs, offscreen.

Usage::

    QT_QPA_PLATFORM=offscreen python tools/screenshots.py [OUT_DIR] [--lang en,zh_CN]

For each language it starts a private sandbox and home, queues a batch (finished, uploading, waiting, paused and
failed items) and writes the Upload page (empty, running batch, transfer settings), the profile editor, the
Playback page (PlayAuth, player check, streams, a preview frame), History and Log to OUT_DIR (default
``screenshots``); Chinese files get a ``-zh_CN`` suffix.
:func:`render_upload` works on any MainWindow; :func:`stage_upload_batch` sets up the batch on a window whose context
runs the built-in sandbox. Add a ``render_<page>(window, path)`` function per page.

The other ``screenshots_*.py`` tools hold the other pages' ``render_*`` functions and can run alone; they share
:func:`demo_window`, :func:`wait` and :func:`save_png` from here (this module imports them only inside functions,
so they may import it at the top).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QEventLoop, QSize
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


def save_png(widget: Any, path: str | Path) -> Path:
    """Let pending events run, grab ``widget`` and write it to ``path`` as PNG (folders made as needed)."""
    QApplication.processEvents()
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(out)):
        raise OSError(f"could not write {out}")
    return out


@contextmanager
def demo_window(size: tuple[int, int] | None = (1280, 760), *,
                prepare: Callable[[Any, Any], None] | None = None) -> Iterator[Any]:
    """A shown MainWindow on a private sandbox (instant transcoding), home and in-memory keychain, logging as the
    app does (file and Log page buffer); everything is stopped, closed and removed afterwards. ``size=None``
    keeps the size the window gives itself on the screen it opens on.

    ``prepare(ctx, sandbox)`` runs before the window is built (to change profiles or sandbox settings first).
    """
    from tests.helpers.keyrings import MemoryKeyring  # an in-memory keychain: nothing leaves the process
    from vodgui.app import build_context, setup_logging
    from vodgui.core.keychain import SecretStore
    from vodgui.core.logbuffer import LogBuffer
    from vodgui.core.workspace import Workspace
    from vodgui.sandbox import SandboxServer
    from vodgui.ui.main_window import MainWindow

    root = logging.getLogger()
    handlers_before = list(root.handlers)
    with tempfile.TemporaryDirectory(prefix="vodgui-shot-", ignore_cleanup_errors=True) as home:
        sandbox = SandboxServer(seed="screenshots",
                                settings={"transcode_delay": 0.0, "transcode_duration": 0.0}).start()
        ws = Workspace(home, secrets=SecretStore(MemoryKeyring()))
        buffer = LogBuffer()
        ctx = build_context(ws, sandbox.info, log_buffer=buffer,
                            log_file=setup_logging(str(ws.dirs.logs), buffer))
        window = None
        try:
            if prepare is not None:
                prepare(ctx, sandbox)
            window = MainWindow(ctx)
            window.ask_pause_on_quit = lambda running: True  # type: ignore[method-assign]
            if size is not None:
                window.resize(*size)
            window.show()
            ctx.engine.restore(resume=True)  # what run_app does once the window is shown
            yield window
        finally:
            if window is not None:
                window.playback_page.player.stop()
                window.close()
            ctx.bridge.stop()
            ctx.engine.shutdown(pause=True, timeout=10)
            ws.close()
            sandbox.stop()
            for handler in list(root.handlers):  # the log file lives in the home about to be removed
                if handler not in handlers_before:
                    root.removeHandler(handler)
                    if isinstance(handler, logging.handlers.RotatingFileHandler):
                        handler.close()
            QApplication.processEvents()


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
    page.add_paths(paths[:3])
    # Intake refuses an empty file (issue 13); queued directly it fails, with its explanation in the row.
    ctx.engine.add_files(paths[-1:], ctx.current_profile)
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
    return save_png(window, path)


def render_all(out_dir: Path, language: str) -> list[Path]:
    """Every page in one language: upload with a running batch, profile editor, history, log, playback."""
    from tools.screenshots_history import render_history, render_log
    from tools.screenshots_playback import render_playback
    from tools.screenshots_profile import render_profile_editor
    from vodgui.ui.i18n import install_translators

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, language)
    suffix = "" if language == "en" else f"-{language}"
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as media, demo_window() as window:
        shots.append(render_upload(window, out_dir / f"upload-empty{suffix}.png"))
        stage_upload_batch(window, Path(media))
        shots.append(render_upload(window, out_dir / f"upload{suffix}.png"))
        shots.append(render_upload(window, out_dir / f"upload-transfer{suffix}.png", side="transfer"))
        window.ctx.engine.set_bandwidth_limit(0)
        shots.append(render_profile_editor(window.ctx, out_dir / f"profile-editor{suffix}.png"))
        shots.append(render_playback(window, out_dir / f"playback{suffix}.png"))
        shots.append(render_history(window, out_dir / f"history{suffix}.png"))
        shots.append(render_log(window, out_dir / f"log{suffix}.png"))
    return shots


def render_sizes(out_dir: Path, language: str) -> list[Path]:
    """The Upload page with a running batch at the default window size and at the minimum size (issue 13: no
    sideways scroll, no clipped text) and its Add menu, the Playback page at both sizes, and the History page's
    details editor."""
    from tools.screenshots_playback import render_playback
    from vodgui.ui.i18n import install_translators

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, language)
    suffix = "" if language == "en" else f"-{language}"
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as media, demo_window((1180, 720)) as window:
        stage_upload_batch(window, Path(media))
        shots.append(render_upload(window, out_dir / f"upload-default{suffix}.png"))
        shots.append(render_add_menu(window, out_dir / f"upload-add-menu{suffix}.png"))
        # The minimum on an ordinary screen (960x600): the offscreen screen is smaller, and the window's minimum
        # shrinks to fit a screen (issue 18).
        minimum = QSize(960, 600).expandedTo(window.minimumSize())
        window.resize(minimum)
        settle(0.5)
        shots.append(render_upload(window, out_dir / f"upload-minimum{suffix}.png"))
        window.resize(1180, 720)
        window.ctx.engine.set_bandwidth_limit(0)
        shots.append(render_playback(window, out_dir / f"playback-default{suffix}.png"))
        video_id = window.playback_page.current_video()
        window.resize(minimum)
        settle(0.5)
        shots.append(render_playback(window, out_dir / f"playback-minimum{suffix}.png", video_id=video_id))
        window.resize(1180, 720)
        shots += render_history_edit(window, video_id, out_dir, suffix)
    return shots


def render_add_menu(window: Any, path: Path) -> Path:
    """The Add files… button's menu (add a batch held, or started now) over the Upload page."""
    page = window.upload_page
    window.nav.setCurrentRow(window.stack.indexOf(page))
    menu = page.add_menu
    menu.popup(page.mapToGlobal(page.rect().topLeft()))
    wait(menu.isVisible, "the menu")
    out = save_png(menu, path)
    menu.hide()
    return out


def render_history_edit(window: Any, video_id: str, out_dir: Path, suffix: str) -> list[Path]:
    """The History page's details editor for ``video_id``: read from VOD, a tag typed, then saved."""
    page = window.history_page
    window.nav.setCurrentRow(window.stack.indexOf(page))
    wait(lambda: any(row.video_id == video_id for row in page.model.rows()), "the history row")
    page.table.selectAll()
    dialog = page.edit_details()
    assert dialog is not None
    wait(dialog.form.isEnabled, "the current details")
    dialog.form.inputs["tags"].setText("demo, 2026")
    first = save_png(dialog, out_dir / f"history-edit{suffix}.png")
    saved: list[Any] = []
    dialog.saved.connect(saved.append)
    dialog.apply()
    wait(lambda: bool(saved), "UpdateVideoInfo")
    second = save_png(dialog, out_dir / f"history-edit-saved{suffix}.png")
    dialog.reject()
    return [first, second]


def main(argv: list[str]) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Render every page of the app to PNG, offscreen.")
    parser.add_argument("out_dir", nargs="?", default="screenshots")
    parser.add_argument("--lang", default="en,zh_CN", help="comma-separated: en, zh_CN")
    parser.add_argument("--sizes", action="store_true",
                        help="only the Upload and Playback pages at the default and the minimum window size")
    args = parser.parse_args(argv[1:])
    app = QApplication.instance() or QApplication(argv[:1])
    from vodgui.ui.style import apply_style

    apply_style(app)
    out_dir = Path(args.out_dir)
    for language in args.lang.split(","):
        for shot in (render_sizes if args.sizes else render_all)(out_dir, language.strip()):
            print(shot, flush=True)
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
