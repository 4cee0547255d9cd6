"""Render the update question, the update notice and Settings' Updates group to PNGs, offscreen, in English and
Chinese, at the window's default and minimum sizes.

The feed comes from a local server on 127.0.0.1, signed with a throwaway key the app is told to trust
(``VODGUI_UPDATE_PUBLIC_KEY``); nothing leaves the machine::

    QT_QPA_PLATFORM=offscreen python tools/screenshots_updates.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from tools.screenshots import demo_window, save_png, wait

NOTES = ("Uploads resume after a reboot even when the file was renamed.\nThe Playback page checks JWT PlayAuths.\n"
         "Update notices from a signed release feed.")
NOTES_ZH = "重启后即使文件被重命名也能继续上传。\n播放页面可检查 JWT 播放凭证。\n来自签名发布源的更新通知。"


def _real_profile(ctx: Any, _sandbox: Any) -> None:
    from vodgui.core.profiles import Profile

    ctx.workspace.profiles.put(Profile("Production uploads", region="cn-shanghai", access_key_id="LTAI5tExample"))


def render_all(out_dir: Path, language: str) -> list[Path]:
    from tests.helpers.feeds import ThrowawayKey, feed_bytes, feed_server
    from vodgui.ui.i18n import install_translators
    from vodgui.ui.settings_dialog import SettingsDialog

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    install_translators(app, language)
    suffix = "" if language == "en" else f"-{language}"
    shots: list[Path] = []
    key = ThrowawayKey()
    with feed_server() as server:
        feed = feed_bytes("0.2.0", notes=NOTES, notes_zh_CN=NOTES_ZH, date="2026-12-18")
        server.publish(feed, key.sign(feed))
        os.environ["VODGUI_UPDATE_PUBLIC_KEY"] = key.public_text
        os.environ.pop("VODGUI_UPDATE_FEED", None)
        for size_name in ("default", "minimum"):
            with demo_window(prepare=_real_profile) as window:
                if size_name == "minimum":
                    window.resize(window.minimumSizeHint())
                else:
                    window.resize(1180, 720)
                wait(window.update_bar.asking, "the question")
                shots.append(save_png(window, out_dir / f"update-ask-{size_name}{suffix}.png"))

            def allow(ctx: Any, sandbox: Any) -> None:
                _real_profile(ctx, sandbox)
                ctx.settings_store.update(update_checks=True, update_feed_url=server.url(), language=language)

            with demo_window(prepare=allow) as window:
                if size_name == "minimum":
                    window.resize(window.minimumSizeHint())
                else:
                    window.resize(1180, 720)
                wait(lambda: bool(window.update_bar.notice_text()), "the notice")
                shots.append(save_png(window, out_dir / f"update-notice-{size_name}{suffix}.png"))
                if size_name == "default":
                    dialog = SettingsDialog(window.ctx, window)
                    dialog.show()
                    dialog.check_button.click()
                    wait(lambda d=dialog: "0.2.0" in d.check_result.text(), "Check now")
                    shots.append(save_png(dialog, out_dir / f"settings-updates{suffix}.png"))
                    dialog.close()
    return shots


def main(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv[:1])
    from vodgui.ui.style import apply_style

    apply_style(app)
    out_dir = Path(argv[1] if len(argv) > 1 else "screenshots")
    for language in ("en", "zh_CN"):
        for shot in render_all(out_dir, language):
            print(shot, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
