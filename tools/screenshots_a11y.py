"""Render the main pages at a high scale factor and in a theme (issue 18): crisp, readable, nothing clipped.

Usage::

    python tools/screenshots_a11y.py [OUT_DIR] [--scale 2] [--theme dark] [--lang en,zh_CN]

Qt is started offscreen on a simulated 1920x1080 screen with ``QT_SCALE_FACTOR`` = ``--scale``, so the window
opens at the size it would get there (at 200%: 960x540 device-independent pixels of room). For each language it
writes the Upload page with a running batch, the Playback page with a result, History, Log and the Settings
dialog, at the window's default and minimum sizes, as ``<page>-<default|minimum>-<theme>-x<scale>[-zh_CN].png``
(device pixels: a 200% shot is twice the size of the window). The pages' ``render_*`` helpers come from the other
``screenshots*.py`` tools.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

#: The screen the window opens on, in device pixels.
SCREEN = (1920, 1080)


def _options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Render the main pages at a scale factor and in a theme.")
    parser.add_argument("out_dir", nargs="?", default="screenshots")
    parser.add_argument("--scale", default="2", help="QT_SCALE_FACTOR (default 2)")
    parser.add_argument("--theme", default="dark", help="system, light, dark or high-contrast (default dark)")
    parser.add_argument("--lang", default="en,zh_CN", help="comma-separated: en, zh_CN")
    return parser.parse_args(argv[1:])


if __name__ == "__main__":
    # Before Qt starts: the scale and the screen are read once, when the application is created.
    _args = _options(sys.argv)
    _screen = Path(tempfile.mkdtemp(prefix="vodgui-screen-")) / "screen.json"
    _screen.write_text(json.dumps({"screens": [{"name": "shot", "x": 0, "y": 0, "width": SCREEN[0],
                                                "height": SCREEN[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                                "dpr": 1}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
    os.environ["QT_SCALE_FACTOR"] = _args.scale
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication  # noqa: E402

from tools.screenshots import demo_window, render_upload, save_png, settle, stage_upload_batch  # noqa: E402


def render_settings(window: Any, path: Path, *, minimum: bool = False) -> Path:
    """The Settings dialog over ``window``, at its own size (or its minimum)."""
    from vodgui.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(window.ctx, window)
    dialog.show()
    QApplication.processEvents()
    if minimum:
        dialog.resize(dialog.minimumSizeHint())
        settle(0.2)
    try:
        return save_png(dialog, path)
    finally:
        dialog.close()


def render_pages(out_dir: Path, language: str, theme: str, scale: str) -> list[Path]:
    """Upload, Playback, History, Log and Settings in ``language`` at the default and the minimum window size."""
    from tools.screenshots_history import render_history, render_log
    from tools.screenshots_playback import render_playback
    from vodgui.ui.i18n import install_translators

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, language)
    suffix = "" if language == "en" else f"-{language}"
    name = lambda page, size: out_dir / f"{page}-{size}-{theme}-x{scale}{suffix}.png"  # noqa: E731
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as media, demo_window(None) as window:
        default, minimum = window.size(), window.minimumSize()
        print(f"window {default.width()}x{default.height()}, minimum {minimum.width()}x{minimum.height()} "
              f"(device-independent px) at scale {scale}", flush=True)
        stage_upload_batch(window, Path(media))
        shots.append(render_upload(window, name("upload", "default")))
        window.resize(minimum)
        settle(0.5)
        shots.append(render_upload(window, name("upload", "minimum")))
        window.ctx.engine.set_bandwidth_limit(0)
        window.resize(default)
        shots.append(render_playback(window, name("playback", "default")))
        window.resize(minimum)
        settle(0.3)
        shots.append(save_png(window, name("playback", "minimum")))
        window.resize(default)
        shots.append(render_history(window, name("history", "default")))
        window.resize(minimum)
        settle(0.3)
        shots.append(save_png(window, name("history", "minimum")))
        window.resize(default)
        shots.append(render_log(window, name("log", "default")))
        shots.append(render_settings(window, name("settings", "default")))
        shots.append(render_settings(window, name("settings", "minimum"), minimum=True))
    return shots


def main(argv: list[str]) -> int:
    from vodgui.ui.style import apply_theme

    args = _options(argv)
    app = QApplication.instance() or QApplication(argv[:1])
    theme = apply_theme(app, args.theme)
    out_dir = Path(args.out_dir)
    for language in args.lang.split(","):
        for shot in render_pages(out_dir, language.strip(), theme, args.scale):
            print(shot, flush=True)
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
