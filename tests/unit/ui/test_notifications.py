"""Desktop notifications open exactly what they are about (the queue rows, or the History entry), and a video
that fails after its upload (found by the History page's follow-up checks) is notified too, once, even while the
window has the focus."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path
from typing import Any

from tests.helpers.vod import sample
from tests.helpers.workspace import write_file
from tests.unit.ui.upload_helpers import WAIT_MS, wait_finished
from vodgui.core.hotfolder import WatchedFolder, WatchTemplate
from vodgui.ui import i18n
from vodgui.ui.history_model import Category
from vodgui.ui.notifications import Notice


def statuses(window: Any) -> dict[str, str | None]:
    return {row.file_name: row.status for row in window.history_page.model.rows()}


def test_a_video_that_fails_after_its_upload_is_notified_and_opens_its_history_entry(
        qtbot: Any, qapp: Any, main_window: Any, media: Path, monkeypatch: Any) -> None:
    window = main_window
    monkeypatch.setattr(window, "isActiveWindow", lambda: True)  # focused: only what went wrong is notified
    notices: list[Notice] = []
    window.notice_shown.connect(notices.append)
    junk = write_file(media / "junk.mp4", 40 * 1024)  # random bytes named .mp4: uploads fine, never plays
    fine = shutil.copy(sample("clip.mp4"), media / "fine.mp4")  # real media (ffmpeg): ends Normal
    jobs = window.ctx.engine.add_files([str(junk), str(fine)], "Sandbox", {})
    wait_finished(qtbot, window.ctx.engine, jobs)
    qtbot.waitUntil(lambda: statuses(window) == {"junk.mp4": "TranscodeFail", "fine.mp4": "Normal"},
                    timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bool(notices), timeout=WAIT_MS)
    junk_id = next(r.video_id for r in window.history_page.model.rows() if r.file_name == "junk.mp4")
    # One notice, about the failure: the batch itself went fine (and the window has the focus).
    [notice] = notices
    assert notice.failed and notice.title == "A video failed after its upload"
    assert notice.text.startswith("“junk” will not play. Transcoding failed") and notice.target.video_ids == (junk_id,)

    # Asking VOD again about a failure already known is no news.
    with qtbot.waitSignal(window.history_page.statuses_checked, timeout=WAIT_MS):
        window.history_page.check_now([r.video_id for r in window.history_page.model.rows()])
    assert len(notices) == 1

    # Clicking the notice opens History on that entry, even from another page with a filter that hid it.
    window.nav.setCurrentRow(0)
    box = window.history_page.status_box
    box.setCurrentIndex(box.findData(Category.READY))
    window._on_notification_clicked()  # what the tray's messageClicked calls
    assert window.stack.currentWidget() is window.history_page
    assert window.history_page.selected_video_ids() == [junk_id]
    assert box.currentData() == Category.ALL

    # In Chinese too; several at once are one notice about all of them.
    rows = window.history_page.model.rows()
    junk_row = next(r for r in rows if r.file_name == "junk.mp4")
    old_page = window.history_page
    try:
        i18n.install_translators(qapp, "zh_CN")
        # The History page is built again in Chinese; a click right away still lands on the entry.
        qtbot.waitUntil(lambda: window.history_page is not old_page, timeout=WAIT_MS)
        window.nav.setCurrentRow(0)
        window._on_notification_clicked()
        qtbot.waitUntil(lambda: window.history_page.selected_video_ids() == [junk_id], timeout=WAIT_MS)
        assert window.stack.currentWidget() is window.history_page
        window._on_failed_later([junk_row])
        assert notices[-1].title == "有视频在上传后失败" and notices[-1].text.startswith("“junk”无法播放。转码失败")
        window._on_failed_later([junk_row, junk_row])
        assert notices[-1].title == "2 个视频在上传后失败" and notices[-1].text.startswith("2 个视频无法播放：“junk”")
    finally:
        i18n.install_translators(qapp, "en")
    window._on_failed_later([junk_row, junk_row])
    assert notices[-1].title == "2 videos failed after their upload"
    assert notices[-1].text == "2 videos will not play: “junk” (Transcoding failed), “junk” (Transcoding failed)"


def test_clicking_a_notification_selects_the_queue_rows_it_speaks_of(qtbot: Any, main_window: Any, media: Path,
                                                                     monkeypatch: Any) -> None:
    window = main_window
    monkeypatch.setattr(window, "isActiveWindow", lambda: False)  # in the background: successes are notified
    notices: list[Notice] = []
    window.notice_shown.connect(notices.append)
    batches = lambda: [n for n in notices if n.title == "Uploads finished"]  # noqa: E731
    files = [str(write_file(media / f"part {i}.mp4", 3000, seed=i)) for i in range(3)]
    before = window.ctx.engine.add_files([str(write_file(media / "earlier.mp4", 3000, seed=9))], "Sandbox", {})
    wait_finished(qtbot, window.ctx.engine, before)
    qtbot.waitUntil(lambda: len(batches()) == 1, timeout=WAIT_MS)
    jobs = window.ctx.engine.add_files(files, "Sandbox", {})
    wait_finished(qtbot, window.ctx.engine, jobs)
    qtbot.waitUntil(lambda: len(batches()) == 2, timeout=WAIT_MS)
    batch = batches()[1]
    assert sorted(batch.target.job_ids) == sorted(jobs)
    window.notice = batch  # the last one shown (the bytes' later TranscodeFail may have come after it)
    window.nav.setCurrentRow(1)
    window._on_notification_clicked()
    page = window.upload_page
    assert window.stack.currentWidget() is page
    assert sorted(s.job_id for s in page.selected()) == sorted(jobs)  # this batch, not the earlier one

    # A hot folder's file: its notice is about that one queue item.
    folder = media / "hot"
    folder.mkdir()
    clip = write_file(folder / "from the desk.mp4", 3000, seed=5)
    old = time.time() - 60
    os.utime(clip, (old, old))
    window.watch_page.set_folder(WatchedFolder(str(folder), "Sandbox", WatchTemplate(), settle=0.5))
    qtbot.waitUntil(lambda: any(n.title == "Hot folder upload finished" for n in notices), timeout=WAIT_MS)
    hot = next(n for n in notices if n.title == "Hot folder upload finished")
    [job] = [s.job_id for s in window.model.snapshots() if s.path == str(clip)]
    assert hot.target.job_ids == (job,) and "from the desk.mp4" in hot.text
    window.nav.setCurrentRow(4)
    window.open_target(hot.target)
    assert window.stack.currentWidget() is page and [s.job_id for s in page.selected()] == [job]
