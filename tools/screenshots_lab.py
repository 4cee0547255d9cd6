"""Render the Playback page's lab offscreen, in English and Chinese, at the window's default and minimum sizes:
an HLS rendition playing with the definition switcher and both player verdicts (VidAuth, VidSts), the
JWTPlayAuth tab, the URL signing tab and the GetPlayInfo matrix.

Usage::

    QT_QPA_PLATFORM=offscreen python tools/screenshots_lab.py [OUT_DIR] [--lang en,zh_CN]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from tools.screenshots import demo_window, save_png, wait
from tools.screenshots_playback import upload_clip


def render_lab(window: Any, out_dir: Path, suffix: str) -> list[Path]:
    page = window.playback_page
    window.ctx.hub.open_in_playback.emit([upload_clip(window, Path(tempfile.mkdtemp(prefix="vodgui-lab-")))])
    got: dict[str, Any] = {}
    page.play_auth_received.connect(lambda r: got.setdefault("auth", r))
    page.check_finished.connect(lambda c: got.setdefault("check", c))
    page.sts_check_finished.connect(lambda c: got.setdefault("sts", c))
    page.play_info_received.connect(lambda i: got.setdefault("info", i))
    page.get_play_auth(then_check=True)
    wait(lambda: "check" in got and "sts" in got, "both player checks", 60)
    page.playinfo_panel.formats.setText("m3u8")
    page.get_play_info()
    wait(lambda: "info" in got, "the play info")
    page.preview_row(1)
    player = page.player
    wait(lambda: player.frames_seen > 0 and player.player.position() >= 1200, "HLS playback", 60)
    player.player.pause()
    shots = [save_png(window, out_dir / f"playback-lab{suffix}.png")]

    page.tabs.setCurrentWidget(page.jwt_panel)
    page.jwt_panel.make()
    wait(lambda: page.jwt_panel.tree.topLevelItemCount() == 2, "the JWTPlayAuth")
    shots.append(save_png(window, out_dir / f"playback-jwt{suffix}.png"))

    page.tabs.setCurrentWidget(page.urlsign_panel)
    sign = page.urlsign_panel
    stream = got["info"].streams[0]
    sign.url_edit.setText(stream.url.split("?")[0])
    sign.sandbox_button.click()
    sign.type_combo.setCurrentText("C")
    signed = sign.sign()
    sign.url_edit.setText(signed.replace("index.m3u8", "index.m3u9"))
    sign.verify()
    shots.append(save_png(window, out_dir / f"playback-urlsign{suffix}.png"))

    page.tabs.setCurrentWidget(page.matrix_panel)
    done: list[Any] = []
    page.matrix_panel.finished.connect(done.append)
    page.matrix_panel.run()
    wait(lambda: bool(done), "the matrix", 120)
    page.matrix_panel.only_refused.setCurrentIndex(2)
    shots.append(save_png(window, out_dir / f"playback-matrix{suffix}.png"))
    page.tabs.setCurrentIndex(0)
    return shots


def main(argv: list[str]) -> int:
    import argparse

    from vodgui.ui.i18n import install_translators
    from vodgui.ui.style import apply_style

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", nargs="?", default="screenshots")
    parser.add_argument("--lang", default="en,zh_CN")
    args = parser.parse_args(argv[1:])
    app = QApplication.instance() or QApplication(argv[:1])
    apply_style(app)
    out_dir = Path(args.out_dir)
    for language in args.lang.split(","):
        install_translators(app, language.strip())
        for size_name in ("default", "minimum"):
            with demo_window() as window:
                if size_name == "minimum":
                    window.resize(window.minimumSizeHint())
                suffix = f"-{size_name}" + ("" if language == "en" else f"-{language}")
                for shot in render_lab(window, out_dir, suffix):
                    print(shot, flush=True)
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
