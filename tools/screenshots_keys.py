"""Render the Keyboard shortcuts dialog (F1) and the window with a page menu open, offscreen, in English and Chinese.

Usage::

    QT_QPA_PLATFORM=offscreen python tools/screenshots_keys.py [OUT_DIR] [--lang en,zh_CN]

Writes ``shortcuts[-zh_CN].png`` (the dialog, opened with F1) and ``menu-queue[-zh_CN].png`` (the window with
its Queue menu open, opened with Alt+Q) to OUT_DIR (default ``screenshots``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from tools.screenshots import demo_window, save_png, wait


def render_keys(out_dir: Path, language: str) -> list[Path]:
    from vodgui.ui.i18n import install_translators
    from vodgui.ui.keyboard import ShortcutsDialog

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, language)
    suffix = "" if language == "en" else f"-{language}"
    shots: list[Path] = []
    with demo_window() as window:
        window.activateWindow()
        wait(lambda: QApplication.activeWindow() is window, "the window to be active")
        QTest.keyClick(window.upload_page.view, Qt.Key.Key_F1)
        wait(lambda: isinstance(QApplication.activeModalWidget(), ShortcutsDialog), "the shortcuts dialog")
        dialog = QApplication.activeModalWidget()
        shots.append(save_png(dialog, out_dir / f"shortcuts{suffix}.png"))
        dialog.reject()
        window.activateWindow()
        wait(lambda: QApplication.activeWindow() is window, "the window to be active again")
        QTest.keyClick(window.upload_page.view, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)
        wait(lambda: isinstance(QApplication.activePopupWidget(), QMenu), "the Queue menu")
        menu = QApplication.activePopupWidget()
        # A popup is a window of its own: paint it over the window where it opened.
        image = QPixmap(window.grab())
        painter = QPainter(image)
        painter.drawPixmap(window.mapFromGlobal(menu.pos()), menu.grab())
        painter.end()
        out = out_dir / f"menu-queue{suffix}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(out))
        shots.append(out)
        menu.close()
    return shots


def main(argv: list[str]) -> int:
    import argparse

    from vodgui.ui.style import apply_style

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", nargs="?", default="screenshots")
    parser.add_argument("--lang", default="en,zh_CN")
    args = parser.parse_args(argv[1:])
    app = QApplication.instance() or QApplication(argv[:1])
    assert isinstance(app, QApplication)
    apply_style(app)
    for language in args.lang.split(","):
        for path in render_keys(Path(args.out_dir), language.strip()):
            print(path, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
