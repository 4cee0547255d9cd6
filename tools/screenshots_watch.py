"""Render the Watch page (hot folders) and its folder dialog offscreen, in English and Chinese, at the window's
default and minimum sizes.

Usage::

    QT_QPA_PLATFORM=offscreen python tools/screenshots_watch.py [OUT_DIR] [--lang en,zh_CN]

It starts a private sandbox and home, watches four folders — one whose files went up, one with a file still being
written, one paused, one that disappeared — and writes ``watch-<size>[-zh_CN].png`` and
``watch-dialog-<size>[-zh_CN].png``, and the Details panel's category menu (``metadata-picker-...``).

With ``--switch`` it builds the window in English instead and switches the language while it runs, as Settings
does: ``watch-switched-<size>-zh_CN.png`` (the Watch page after the switch, its watcher still running) and
``watch-switched-<size>-en.png`` (back again); then it clicks the notification about the exports that failed
after their upload (random bytes end TranscodeFail): ``notice-history-<size>[-zh_CN].png``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from tools.screenshots import demo_window, save_png, settle, wait
from vodgui.core.hotfolder import WatchedFolder, WatchTemplate


def stage_folders(window: Any, root: Path) -> threading.Event:
    """Four hot folders in different states; returns the event that stops the slow writer."""
    page = window.watch_page
    exports, growing, paused, gone = (root / "Editors export", root / "Camera card", root / "Archive 2025",
                                      root / "NAS share")
    for folder in (exports, growing, paused, gone):
        folder.mkdir(parents=True)
    then = time.time() - 120
    for name in ("Product launch — keynote.mp4", "城市夜景 Night city.mov", "Interview (long cut).mp4"):
        (exports / name).write_bytes(os.urandom(200_000))
        os.utime(exports / name, (then, then))
    (exports / "render.mp4.part").write_bytes(os.urandom(1000))
    stop = threading.Event()

    def writer() -> None:  # an export in progress: the file keeps growing
        with open(growing / "A001_C002.mov", "wb") as f:
            while not stop.wait(0.2):
                f.write(os.urandom(20_000))
                f.flush()

    threading.Thread(target=writer, daemon=True).start()
    template = WatchTemplate(title="{folder} — {stem}", tags=("daily", "news"), cate_id=1000002)
    page.set_folder(WatchedFolder(str(exports), "Sandbox", template, settle=1.0))
    page.set_folder(WatchedFolder(str(growing), "Sandbox", WatchTemplate(), recursive=True, settle=3.0))
    page.set_folder(WatchedFolder(str(paused), "Sandbox", WatchTemplate(), enabled=False))
    page.set_folder(WatchedFolder(str(gone), "Sandbox", WatchTemplate()))
    gone.rmdir()
    page.watcher.scan(str(gone))
    wait(lambda: page.table.item(0, 4) is not None and page.table.item(0, 4).text() == "3", "the exports queued")
    wait(lambda: "·" in page.table.item(1, 2).text(), "the growing file noticed")
    wait(lambda: page.table.item(3, 2).text() != page.state_text(page.folders[3], None), "the missing folder")
    page.table.selectRow(0)
    return stop


def render(window: Any, out_dir: Path, suffix: str) -> list[Path]:
    from vodgui.ui.watch_dialog import WatchFolderDialog

    page = window.watch_page
    window.nav.setCurrentRow(window.stack.indexOf(page))
    shots = [save_png(window, out_dir / f"watch{suffix}.png")]
    dialog = WatchFolderDialog(window.ctx, page.folders[0], window)
    dialog.show()
    with_lists = []
    dialog.pickers.refreshed.connect(lambda: with_lists.append(True))
    dialog.pickers.refresh()
    wait(lambda: bool(with_lists), "the catalog lists")
    dialog.pickers.select(1000002, "", "")
    if "minimum" in suffix:
        dialog.resize(dialog.minimumSizeHint())
    shots.append(save_png(dialog, out_dir / f"watch-dialog{suffix}.png"))
    dialog.close()
    shots.append(render_picker_menu(window, out_dir / f"metadata-picker{suffix}.png"))
    return shots


def render_picker_menu(window: Any, path: Path) -> Path:
    """The category menu of the Upload page's Details panel (a popup: grabbed on its own)."""
    window.nav.setCurrentRow(0)
    menus = window.upload_page.catalog_menus
    menus.menu = None
    menus.actions["cate_id"].trigger()
    wait(lambda: menus.menu is not None and menus.menu.isVisible(), "the category menu")
    settle(0.2)
    out = save_png(menus.menu, path)
    menus.menu.close()
    return out


def render_switch(app: Any, window: Any, out_dir: Path, size_name: str) -> list[Path]:
    """The Watch page after live language switches, and History opened by clicking a later-failure notice."""
    from vodgui.ui.i18n import install_translators

    page = window.watch_page
    notices: list[Any] = []
    window.notice_shown.connect(notices.append)
    window.nav.setCurrentRow(window.stack.indexOf(page))
    thread = page.watcher._thread
    shots = []
    for language, add_text in (("zh_CN", "添加文件夹…"), ("en", "Add folder…")):
        install_translators(app, language)
        wait(lambda text=add_text: page.add_button.text() == text, "the page in the new language")
        assert page.watcher._thread is thread and thread is not None and thread.is_alive(), "watcher restarted"
        shots.append(save_png(window, out_dir / f"watch-switched-{size_name}-{language}.png"))
    # The three exports are random bytes: uploaded fine, then TranscodeFail (found by History's follow-up checks).
    wait(lambda: sum(r.status == "TranscodeFail" for r in window.history_page.model.rows()) == 3, "TranscodeFail")
    wait(lambda: any(n.target.video_ids for n in notices), "the later-failure notice")
    for language in ("en", "zh_CN"):
        if language != "en":
            before = window.history_page
            install_translators(app, language)
            wait(lambda before=before: window.history_page is not before and sum(
                r.status == "TranscodeFail" for r in window.history_page.model.rows()) == 3,
                 "the rebuilt History page read")
            failed = [r for r in window.history_page.model.rows() if r.status == "TranscodeFail"]
            window.later_failures.failed.emit(failed[:1])  # the same notice, in Chinese
        window.notice = next(n for n in reversed(notices) if n.target.video_ids)
        window.nav.setCurrentRow(0)
        window._on_notification_clicked()  # what the tray's messageClicked calls
        suffix = f"-{size_name}" + ("" if language == "en" else f"-{language}")
        shots.append(save_png(window, out_dir / f"notice-history{suffix}.png"))
    install_translators(app, "en")
    return shots


def main(argv: list[str]) -> int:
    import argparse

    from vodgui.ui.i18n import install_translators
    from vodgui.ui.style import apply_style

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", nargs="?", default="screenshots")
    parser.add_argument("--lang", default="en,zh_CN")
    parser.add_argument("--switch", action="store_true", help="switch the language while the window runs")
    args = parser.parse_args(argv[1:])
    app = QApplication.instance() or QApplication(argv[:1])
    apply_style(app)
    out_dir = Path(args.out_dir)
    if args.switch:
        install_translators(app, "en")
        for size_name in ("default", "minimum"):
            with tempfile.TemporaryDirectory() as root, demo_window() as window:
                window.setFocus()
                if size_name == "minimum":
                    window.resize(window.minimumSizeHint())
                stop = stage_folders(window, Path(root))
                try:
                    for shot in render_switch(app, window, out_dir, size_name):
                        print(shot, flush=True)
                finally:
                    stop.set()
                    window.watch_page.stop()
        return 0
    for language in args.lang.split(","):
        install_translators(app, language.strip())
        for size_name in ("default", "minimum"):
            with tempfile.TemporaryDirectory() as root, demo_window() as window:
                if size_name == "minimum":
                    window.resize(window.minimumSizeHint())
                stop = stage_folders(window, Path(root))
                settle(0.5)
                suffix = f"-{size_name}" + ("" if language == "en" else f"-{language}")
                try:
                    for shot in render(window, out_dir, suffix):
                        print(shot, flush=True)
                finally:
                    stop.set()
                    window.watch_page.stop()
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
