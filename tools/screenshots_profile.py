"""Render the profile editor (STS mode, after a connection test) to a PNG, offscreen.

The screenshots tool (``tools/screenshots.py``) uses :func:`render_profile_editor` for its ``profile-editor`` shot;
it needs an AppContext whose sandbox is running (``ctx.sandbox_info``). Nothing is saved: the values are typed into
a new-profile dialog, as a user would.

Run alone (a private sandbox, home and in-memory keychain)::

    QT_QPA_PLATFORM=offscreen python tools/screenshots_profile.py [OUT.png]
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


def render_profile_editor(ctx: Any, path: str | Path) -> Path:
    """Fill a new STS profile from the sandbox's RAM user, run Test connection, and grab the dialog."""
    from vodgui.core.profiles import POLICY_UPLOAD_ONLY
    from vodgui.ui.profile_dialog import ProfileDialog

    if ctx.sandbox_info is None:
        raise RuntimeError("render_profile_editor needs the sandbox running")
    info = ctx.sandbox_info()
    dialog = ProfileDialog(ctx, None)
    dialog.name_edit.setText("Production uploads")
    dialog.region_box.setCurrentText(info["region"])
    dialog.mode_box.setCurrentIndex(dialog.mode_box.findData("sts"))
    dialog.source_box.setCurrentIndex(dialog.source_box.findData("accesskey"))
    dialog.key_id_edit.setText(info["ram_user"]["access_key_id"])
    dialog.secret_edit.setText(info["ram_user"]["access_key_secret"])
    dialog.role_arn_edit.setText(info["role_arn"])
    dialog.session_name_edit.setText("vodgui-uploads")
    dialog.duration_spin.setValue(3600)
    dialog.policy_editor.set_policy(POLICY_UPLOAD_ONLY)
    dialog.vod_endpoint_edit.setText(info["vod_endpoint"])
    dialog.sts_endpoint_edit.setText(info["sts_endpoint"])
    dialog.show()
    wait(lambda: dialog.stored is not None or dialog.keychain_problem is not None, "the keychain check", 20)
    dialog.test_panel.button.click()
    wait(lambda: dialog.test_panel.result is not None, "the connection test", 20)
    out = save_png(dialog, path)
    dialog.close()
    return out


def render_profile_network(ctx: Any, path: str | Path, *, minimum: bool = False, refused: bool = False) -> Path:
    """A new profile behind a password-protected proxy (a real one on loopback) with an extra CA file, after Test
    connection: with the right password it works and warns about the root-account key; with ``refused`` the proxy
    refuses the password. ``minimum`` grabs the dialog at its minimum size."""
    import tempfile

    from tests.helpers.proxy import forwarding_proxy
    from tests.helpers.tls import make_ca
    from vodgui.ui.profile_dialog import ProfileDialog

    if ctx.sandbox_info is None:
        raise RuntimeError("render_profile_network needs the sandbox running")
    info = ctx.sandbox_info()
    with tempfile.TemporaryDirectory() as tmp, forwarding_proxy(auth=("qa", "Proxy-Pw-2468")) as proxy:
        ca = make_ca(Path(tmp))
        dialog = ProfileDialog(ctx, None)
        dialog.name_edit.setText("Office (proxy)")
        dialog.region_box.setCurrentText(info["region"])
        dialog.mode_box.setCurrentIndex(dialog.mode_box.findData("credential"))
        dialog.key_id_edit.setText(info["access_key_id"])
        dialog.secret_edit.setText(info["access_key_secret"])
        dialog.vod_endpoint_edit.setText(info["vod_endpoint"])
        dialog.sts_endpoint_edit.setText(info["sts_endpoint"])
        dialog.proxy_mode_box.setCurrentIndex(dialog.proxy_mode_box.findData("manual"))
        dialog.proxy_edit.setText(f"http://127.0.0.1:{proxy.port}")
        dialog.proxy_user_edit.setText("qa")
        dialog.proxy_password_edit.setText("wrong" if refused else "Proxy-Pw-2468")
        dialog.no_proxy_edit.setText(".corp.example.com, 10.0.0.0/8")
        dialog.ca_file_edit.setText(str(ca.ca_file))
        dialog.show()
        if minimum:
            dialog.resize(dialog.minimumSizeHint())
        wait(lambda: dialog.stored is not None or dialog.keychain_problem is not None, "the keychain check", 20)
        dialog.test_panel.button.click()
        wait(lambda: dialog.test_panel.result is not None, "the connection test", 20)
        out = save_png(dialog, path)
        dialog.close()
    return out


def render_profile_acceleration(ctx: Any, path: str | Path, *, minimum: bool = False) -> Path:
    """A new profile with "Send uploads through OSS transfer acceleration" on and the overseas endpoint chosen,
    its tooltip (billing, enabled by Alibaba Cloud first) shown as a label would not: hover text is not grabbed."""
    from vodgui.ui.profile_dialog import ProfileDialog

    if ctx.sandbox_info is None:
        raise RuntimeError("render_profile_acceleration needs the sandbox running")
    info = ctx.sandbox_info()
    dialog = ProfileDialog(ctx, None)
    dialog.name_edit.setText("Uploads from Europe")
    dialog.region_box.setCurrentText(info["region"])
    dialog.key_id_edit.setText(info["access_key_id"])
    dialog.secret_edit.setText(info["access_key_secret"])
    dialog.accelerate_check.setChecked(True)
    dialog.accelerate_endpoint_box.setCurrentIndex(1)
    dialog.show()
    wait(lambda: dialog.stored is not None or dialog.keychain_problem is not None, "the keychain check", 20)
    if minimum:
        dialog.resize(dialog.minimumSize())
    out = save_png(dialog, path)
    dialog.close()
    return out


def main(argv: list[str]) -> int:
    app = QApplication.instance() or QApplication(argv)
    out = argv[1] if len(argv) > 1 else "profile-editor.png"
    with demo_window() as window:
        print(render_profile_editor(window.ctx, out))
        stem = Path(out).with_suffix("")
        print(render_profile_network(window.ctx, f"{stem}-network.png"))
        print(render_profile_network(window.ctx, f"{stem}-network-min.png", minimum=True))
        print(render_profile_network(window.ctx, f"{stem}-proxy-refused.png", refused=True))
        print(render_profile_acceleration(window.ctx, f"{stem}-acceleration.png"))
        print(render_profile_acceleration(window.ctx, f"{stem}-acceleration-min.png", minimum=True))
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
