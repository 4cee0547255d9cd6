"""Render the History and Log pages offscreen to PNGs.

Usage::

    QT_QPA_PLATFORM=offscreen python tools/screenshots_history.py [OUT_DIR [WIDTHxHEIGHT]]

Without arguments it starts a private sandbox and home, uploads a few files (so the history holds videos that are
ready, waiting, transcoding, plus a few settled failure states and a profile that cannot read status) and writes
``history.png`` and ``log.png`` in the current directory. :func:`render_history` and :func:`render_log` work on any
MainWindow whose context runs the built-in sandbox.
"""

from __future__ import annotations

import logging
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from tools.screenshots import demo_window, save_png, wait
from vodgui.core.transfer.events import JobState
from vodgui.core.transfer.record import JobRecord, Kind, VideoDetails

log = logging.getLogger("vodgui.screenshots")

#: (title, size in KB, transcode_delay, transcode_duration): what VOD will report for each upload.
UPLOADS = [
    ("城市夜景航拍 Night city", 420, 0.0, 0.0),
    ("Product launch 2026 — keynote", 380, 0.0, 0.0),
    ("产品演示 demo", 260, 0.0, 3600.0),
    ("Interview with the team", 300, 3600.0, 0.0),
]
#: Settled failure states the sandbox does not produce: written to the history directly.
SEEDED = [
    ("Training session (raw export)", "TranscodeFail", 1_830_000_000),
    ("Old teaser", "Blocked", 52_000_000),
    ("Draft cut v1", "NotFound", 96_000_000),
]


def _show_page(window: Any, page: Any) -> None:
    window.nav.setCurrentRow(window.stack.indexOf(page))
    QApplication.processEvents()


def fill_history(window: Any, folder: Path) -> None:
    """Upload :data:`UPLOADS` through the window's engine (sandbox profile) and seed :data:`SEEDED` rows."""
    from vodgui.sandbox.client import SandboxControl

    ctx = window.ctx
    if ctx.sandbox_info is None:
        raise RuntimeError("render_history needs the built-in sandbox")
    info = ctx.sandbox_info()
    control = SandboxControl(info["control_url"])
    rng = random.Random(7)
    for i, (title, kb, delay, duration) in enumerate(UPLOADS):
        control.settings(transcode_delay=delay, transcode_duration=duration)
        path = folder / f"clip-{i + 1}.mp4"
        path.write_bytes(rng.randbytes(kb * 1024))
        [job] = ctx.engine.add_files([str(path)], "Sandbox", {"title": title})
        wait(lambda job=job: ctx.engine.snapshot(job).state in (JobState.DONE, JobState.FAILED), title)
        time.sleep(0.05)  # distinct finish times, so the order on the page is the upload order
    control.settings(transcode_delay=0.0, transcode_duration=0.0)
    store = ctx.workspace.store
    for i, (title, status, size) in enumerate(SEEDED):
        item = JobRecord(id=0, position=0, kind=Kind.VIDEO, path=f"/Users/lin/Videos/{title}.mov", size=size,
                         mtime_ns=0, metadata={}, profile="Sandbox", state=JobState.DONE, details=VideoDetails(),
                         media_id=f"{0x5e1f0000 + i:08x}" + "7c2d4e8fa91b4c3d9e0f1a2b")
        store.add_history(item, title, None)
        store.update_history_status(str(item.media_id), status)
    # A team profile that gets upload credentials from an AppServer: it cannot read status, and says why.
    from vodgui.core.profiles import Profile

    team = Profile("Team AppServer", region=info["region"], mode="credential", source="appserver",
                   appserver_url=info["appserver_url"])
    ctx.workspace.secrets.set(team.name, "appserver_token", info["appserver_token"])
    ctx.workspace.profiles.put(team)
    item = JobRecord(id=0, position=0, kind=Kind.VIDEO, path="/Users/lin/Videos/weekly-update.mp4", size=240_000_000,
                     mtime_ns=0, metadata={}, profile=team.name, state=JobState.DONE, details=VideoDetails(),
                     media_id="a41c09e7d2b84f5e9c3a1b7d6e2f8c90")
    store.add_history(item, "Weekly update (team)", None)


def render_history(window: Any, path: str | Path, *, fill: bool = True) -> Path:
    """Show the History page with rows in several statuses and save ``window`` as PNG."""
    page = window.history_page
    if fill:
        with tempfile.TemporaryDirectory() as folder:
            fill_history(window, Path(folder))
    page.reload()
    wait(lambda: page.model.rowCount() >= len(UPLOADS) + len(SEEDED) + (1 if fill else 0), "the history rows")
    page.check_now()
    wait(lambda: not page._checking and not page.banner.isHidden() if fill else not page._checking,
         "the status check")
    _show_page(window, page)
    page.table.clearSelection()
    page.table.selectRow(1)
    return save_png(window, path)


def render_log(window: Any, path: str | Path) -> Path:
    """Show the Log page (Info and above) scrolled to the newest line and save ``window`` as PNG."""
    page = window.log_page
    if not window.ctx.log_buffer.since(0):
        log.info("vodgui started; nothing else logged yet")
    page.level_box.setCurrentIndex(page.level_box.findData(logging.INFO))
    _show_page(window, page)
    wait(lambda: bool(page.text()), "log lines")
    page.scroll_to_end()
    return save_png(window, path)


def _multipart_with_a_retry(ctx: Any, sandbox: Any) -> None:
    """Parts small enough that the demo files go multipart, and one failed part: the log then shows what a real
    session logs (part plans, a retry with its RequestId)."""
    from dataclasses import replace

    from vodgui.sandbox.client import SandboxControl

    sandbox.config.settings.min_part_size = 1024
    workspace = ctx.workspace
    profile = workspace.profiles.require("Sandbox")
    profile.transfer = replace(profile.transfer, part_size=128 * 1024, min_part_size=1024,
                               multipart_threshold=256 * 1024, retry_delay=0.2)
    workspace.profiles.put(profile)
    workspace.sessions.invalidate()
    SandboxControl(sandbox.url).add_fault(service="oss", op="UploadPart", nth=[3], status=503,
                                          code="ServiceUnavailable")


def main(argv: list[str]) -> int:
    out_dir = Path(argv[0] if argv else ".").resolve()
    width, height = (int(v) for v in (argv[1] if len(argv) > 1 else "1280x760").split("x"))
    app = QApplication.instance() or QApplication(sys.argv)
    with demo_window((width, height), prepare=_multipart_with_a_retry) as window:
        print(render_history(window, out_dir / "history.png"))
        print(render_log(window, out_dir / "log.png"))
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
