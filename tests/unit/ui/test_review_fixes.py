"""Regression tests for the review fixes: profile saves that do not undo each other, CSV cells that cannot run
as formulas, the Log page's line cache and secrets registered later, the ordered lane, the language key, and the
CLI walking folders the way the window does."""

from __future__ import annotations

import csv
import threading
from pathlib import Path
from typing import Any

import pytest

from tests.unit.ui.conftest import add_sandbox_profiles
from vodgui.cli.upload_cmd import expand
from vodgui.core import redact
from vodgui.core.intake import scan
from vodgui.core.media_items import INTAKE_EXTENSIONS
from vodgui.ui import i18n
from vodgui.ui.ops import OrderedLane
from vodgui.ui.serial_ops import SerialOps

NAME = "credential-accesskey"


def test_transfer_panel_and_profile_editor_keep_each_others_changes(qtbot: Any, ui_ctx: Any, info: dict) -> None:
    from vodgui.ui.profile_dialog import ProfileDialog
    from vodgui.ui.transfer_panel import TransferPanel

    add_sandbox_profiles(ui_ctx, info)
    ui_ctx.select_profile(NAME)
    profiles = ui_ctx.workspace.profiles
    dialog = ProfileDialog(ui_ctx, NAME)  # opened before the panel saves: it read the old transfer settings
    dialog.open()  # deletes itself once saved
    qtbot.waitUntil(lambda: dialog.stored is not None or dialog.keychain_problem is not None)
    panel = TransferPanel(ui_ctx)
    qtbot.addWidget(panel)
    panel.load(NAME, apply_live=False)
    retries = profiles.require(NAME).transfer.retries + 2
    with qtbot.waitSignal(panel.saved, timeout=5000):
        panel.retries.setValue(retries)
        panel.save_now()
    assert profiles.require(NAME).transfer.retries == retries

    dialog.proxy_mode_box.setCurrentIndex(dialog.proxy_mode_box.findData("manual"))
    dialog.proxy_edit.setText("http://proxy.example:3128")
    dialog.session_name_edit.setText("edited-in-dialog")
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()
    saved = profiles.require(NAME)
    assert saved.transfer.retries == retries  # the panel's save is not reverted
    assert saved.proxy_url == "http://proxy.example:3128" and saved.role_session_name == "edited-in-dialog"

    # And the other way round: the panel applies only the field it changed.
    with qtbot.waitSignal(panel.saved, timeout=5000):
        panel.files.setValue(saved.transfer.concurrent_files + 1)
        panel.save_now()
    again = profiles.require(NAME)
    assert again.proxy_url == "http://proxy.example:3128" and again.transfer.retries == retries


def test_history_csv_defuses_formulas(qtbot: Any, ui_ctx: Any, tmp_path: Path) -> None:
    from tests.unit.ui.test_history_page import make_page, seed

    seed(ui_ctx.workspace.store, "a" * 32, "=HYPERLINK(\"http://evil\")", status="Normal")
    page = make_page(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    out = tmp_path / "h.csv"
    with qtbot.waitSignal(page.csv_exported, timeout=5000):
        page.export_csv(str(out))
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[1][1] == "'=HYPERLINK(\"http://evil\")"


def test_log_page_hides_a_secret_registered_after_the_line_was_cached(qtbot: Any, ui_ctx: Any) -> None:
    import logging

    from vodgui.ui.log_page import LogPage

    logger = logging.getLogger("vodgui.test.review.log")
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    logger.addHandler(ui_ctx.log_buffer)
    secret = "late-registered-secret-0123456789"
    try:
        page = LogPage(ui_ctx)
        page.timer.setInterval(30)
        qtbot.addWidget(page)
        logger.info("the value is %s", secret)
        qtbot.waitUntil(lambda: secret in page.text(), timeout=3000)
        page.search.setText("value")  # cached now
        assert secret in page.text()
        redact.register(secret)
        page.search.setText("the value")
        assert "the value is" in page.text() and secret not in page.text()
    finally:
        logger.removeHandler(ui_ctx.log_buffer)
        redact.forget_all()


def test_ordered_lane_keeps_order_and_serial_ops_reports_failures(qtbot: Any) -> None:
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    lane = OrderedLane()
    ran: list[int] = []
    delivered: list[int] = []
    threads: set[str] = set()

    def job(i: int) -> int:
        threads.add(threading.current_thread().name)
        ran.append(i)
        return i

    for i in range(200):
        lane.run(parent, lambda i=i: job(i), delivered.append)
    lane.wait(5)
    assert ran == list(range(200))
    qtbot.waitUntil(lambda: len(delivered) == 200, timeout=5000)
    assert delivered == list(range(200)) and threads == {"vodgui-lane"}

    ops = SerialOps(parent)
    with qtbot.waitSignal(ops.failed, timeout=5000) as blocker:
        ops.submit(lambda: 1 / 0)
    assert isinstance(blocker.args[0], ZeroDivisionError)
    done: list[str] = []
    ops.submit(lambda: "after", done.append)  # a failure does not stop the lane
    ops.wait(5)
    qtbot.waitUntil(lambda: done == ["after"], timeout=5000)
    with pytest.raises(TimeoutError):
        blocker_event = threading.Event()
        ops.submit(lambda: blocker_event.wait(5))
        try:
            ops.wait(0.05)
        finally:
            blocker_event.set()


def test_language_key_changes_with_every_install(qapp: Any) -> None:
    before = i18n.language_key()
    i18n.install_translators(qapp, "en")
    assert i18n.language_key() != before


def test_cli_folder_walk_is_the_windows(tmp_path: Path) -> None:
    root = tmp_path / "media"
    for rel in ("b.mp4", "A.mp4", "._clip.mov", ".hidden/x.mp4", "sub/c.mp4", "notes.txt", "cover.png"):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
    files, problems = expand([str(root)], recursive=True)
    assert problems == []
    assert files == [f.path for f in scan([str(root)], extensions=INTAKE_EXTENSIONS).files]
    assert [Path(p).relative_to(root).as_posix() for p in files] == ["A.mp4", "b.mp4", "cover.png", "sub/c.mp4"]
    _, problems = expand([str(root), str(root / "gone.mp4")], recursive=False)
    assert [p["error"]["code"] for p in problems] == ["IsADirectory", "FileNotFound"]
