"""Run vodgui on a private sandbox and make announced things happen: one upload done, one failed.

    python tools/atspi/drive.py [en|zh_CN]     # run by tools/atspi/run.sh, on X with accessibility on
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtWidgets import QApplication, QLabel


def main() -> None:
    app = QApplication(sys.argv[:1])
    from tools.screenshots import demo_window, settle, wait
    from vodgui.core.transfer.events import JobState
    from vodgui.ui import i18n

    i18n.install_translators(app, sys.argv[1] if len(sys.argv) > 1 else "en")
    with demo_window() as window, tempfile.TemporaryDirectory() as tmp:
        settle(6.0)  # the listener dumps the tree while the window is idle
        good, bad = Path(tmp) / "good.mp4", Path(tmp) / "bad.mp4"
        good.write_bytes(os.urandom(40_000))
        bad.write_bytes(b"")
        window.upload_page.add_paths([str(good)])
        wait(lambda: {s.path: s.state for s in window.model.snapshots()}.get(str(good)) is JobState.DONE, "done")
        settle(1.5)
        window.ctx.engine.add_files([str(bad)], window.ctx.current_profile)  # empty: VOD refuses it, it fails
        wait(lambda: {s.path: s.state for s in window.model.snapshots()}.get(str(bad)) is JobState.FAILED, "fail")
        settle(2.0)
        label = window.findChild(QLabel, "announcement")
        print("status bar:", label.text() if label is not None else None)


if __name__ == "__main__":
    main()
