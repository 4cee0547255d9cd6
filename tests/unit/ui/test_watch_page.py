"""The Watch page: a hot folder added in the GUI queues its complete files into the window's queue once, shows
its status, notifies when the file is up; the folder dialog's pickers come from the account's catalog."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from tests.helpers.workspace import write_file
from tests.unit.ui.conftest import open_window
from tests.unit.ui.upload_helpers import WAIT_MS
from vodgui.core.hotfolder import HotFolderStore, WatchedFolder, WatchTemplate
from vodgui.core.transfer.events import JobState


def old_file(path: Path, size: int) -> Path:
    write_file(path, size)
    then = time.time() - 60
    os.utime(path, (then, then))
    return path


def test_a_watched_folder_queues_each_complete_file_once(qtbot: Any, main_window: Any, media: Path) -> None:
    page = main_window.watch_page
    main_window.nav.setCurrentRow(main_window.stack.indexOf(page))
    old_file(media / "take one.mp4", 3000)
    write_file(media / "export.mp4.part", 3000)
    folder = WatchedFolder(str(media), "Sandbox", WatchTemplate(title="Desk: {stem}"), settle=0.5)
    with qtbot.waitSignal(page.notify, timeout=WAIT_MS) as notified:
        page.set_folder(folder)
    assert notified.args[2] is False and "take one.mp4" in notified.args[1]
    snaps = [s for s in main_window.model.snapshots() if s.path.startswith(str(media))]
    assert [(os.path.basename(s.path), s.state, s.title) for s in snaps] == [
        ("take one.mp4", JobState.DONE, "Desk: take one")]
    # The row says what the folder did; the folders are kept for the next start.
    qtbot.waitUntil(lambda: page.table.item(0, 4).text() == "1", timeout=WAIT_MS)
    assert page.table.item(0, 1).text() == "Sandbox" and page.table.item(0, 6).text() == "take one.mp4"
    assert HotFolderStore(main_window.ctx.workspace.dirs.config).load() == [folder]
    # The app started again: the folder comes back from the config and its re-scan queues nothing again.
    page.stop()
    reopened = open_window(qtbot, main_window.ctx).watch_page
    qtbot.waitUntil(lambda: reopened.table.item(0, 5).text() == "1", timeout=WAIT_MS)
    assert reopened.table.item(0, 4).text() == "0"
    assert len([s for s in main_window.model.snapshots() if s.path.startswith(str(media))]) == 1
    # Pausing the folder says so.
    reopened.table.selectRow(0)
    reopened.toggle_selected()
    assert reopened.table.item(0, 2).text() == "Paused" and reopened.toggle_button.text() == "Resume"


def test_no_notification_while_focused_and_fine(qtbot: Any, main_window: Any, monkeypatch: Any) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(main_window, "isActiveWindow", lambda: True)
    monkeypatch.setattr(main_window.statusBar(), "showMessage", lambda text, ms=0: shown.append(("bar", text)))
    if main_window.tray is not None:
        monkeypatch.setattr(main_window.tray, "showMessage", lambda *a: shown.append(("tray", a[0])))
    main_window.notify("Done", "all good", False)
    assert shown == []
    main_window.notify("Failed", "one failed", True)
    assert len(shown) == 1 and "Failed" in shown[0][1]
    monkeypatch.setattr(main_window, "isActiveWindow", lambda: False)
    main_window.notify("Done", "all good", False)
    assert len(shown) == 2


def test_folder_dialog_pickers_come_from_the_catalog(qtbot: Any, main_window: Any, media: Path) -> None:
    from vodgui.ui.watch_dialog import WatchFolderDialog

    dialog = WatchFolderDialog(main_window.ctx, None, main_window)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(media))
    assert dialog.pickers.category.count() == 1  # "(none)" until the lists are fetched
    with qtbot.waitSignal(dialog.pickers.refreshed, timeout=WAIT_MS):
        dialog.pickers.refresh_button.click()
    labels = [dialog.pickers.category.itemText(i) for i in range(dialog.pickers.category.count())]
    trailers = next(i for i, text in enumerate(labels) if text.startswith("Movies / Trailers"))
    dialog.pickers.category.setCurrentIndex(trailers)
    default_group = next(i for i in range(dialog.pickers.group.count())
                         if "(default)" in dialog.pickers.group.itemText(i))
    dialog.pickers.group.setCurrentIndex(default_group)
    dialog.title.setText("{folder} {stem}")
    dialog.tags.setText("a, b")
    folder = dialog.folder()
    assert folder.template.cate_id == dialog.pickers.category.itemData(trailers)
    assert folder.template.template_group_id == dialog.pickers.group.itemData(default_group)
    assert folder.template.tags == ("a", "b") and folder.profile == "Sandbox"
    # Mistakes are named, nothing is accepted.
    dialog.title.setText("{basename}")
    with qtbot.assertNotEmitted(dialog.accepted_folder):
        dialog._on_ok()
    assert "unknown field" in dialog.error.text()
    dialog.title.setText("{stem}")
    dialog.workflow.setText("not-a-workflow")
    dialog._on_ok()
    assert dialog.error.text()
    dialog.workflow.setText("")
    with qtbot.waitSignal(dialog.accepted_folder, timeout=WAIT_MS):
        dialog._on_ok()
    # A reopened dialog reads the cache: the lists are there at once.
    again = WatchFolderDialog(main_window.ctx, folder, main_window)
    qtbot.addWidget(again)
    assert again.pickers.category.count() > 1
    assert again.pickers.values()[0] == folder.template.cate_id


def test_metadata_editor_fields_pick_from_the_catalog(qtbot: Any, main_window: Any) -> None:
    page = main_window.upload_page
    menus = page.catalog_menus
    field = page.details.form.inputs["cate_id"]
    assert set(menus.actions) == {"cate_id", "template_group_id", "app_id"}
    menus.actions["cate_id"].trigger()  # nothing cached yet: the lists are fetched first
    qtbot.waitUntil(lambda: menus.menu is not None, timeout=WAIT_MS)
    labels = {a.text(): a for a in menus.menu.actions()}
    trailers = next(a for text, a in labels.items() if text.startswith("Movies / Trailers"))
    trailers.trigger()
    assert field.text() == trailers.text().rsplit("[", 1)[1].rstrip("]")
    menus.menu.close()
    menus.menu = None
    group_field = page.details.form.inputs["template_group_id"]
    menus.actions["template_group_id"].trigger()  # cached now: the menu opens at once
    assert menus.menu is not None
    default = next(a for a in menus.menu.actions() if "(default)" in a.text())
    default.trigger()
    assert len(group_field.text()) == 32
    menus.menu.close()


def test_the_watch_page_follows_a_language_switch_and_keeps_watching(qtbot: Any, qapp: Any, main_window: Any,
                                                                     media: Path) -> None:
    """Switching the language (Settings) retranslates the page in place: same page, same watcher thread, the
    folders' status rows in the new language, and files saved afterwards are still picked up."""
    from vodgui.ui import i18n

    page = main_window.watch_page
    page.set_folder(WatchedFolder(str(media), "Sandbox", WatchTemplate(), recursive=True, settle=0.5))
    qtbot.waitUntil(lambda: page.table.item(0, 2).text() == "Watching", timeout=WAIT_MS)
    thread = page.watcher._thread
    assert thread is not None and thread.is_alive()
    headers = lambda: [page.table.horizontalHeaderItem(c).text() for c in range(page.table.columnCount())]  # noqa: E731
    assert headers()[:3] == ["Folder", "Profile", "Status"]
    try:
        i18n.install_translators(qapp, "zh_CN")
        qtbot.waitUntil(lambda: page.add_button.text() == "添加文件夹…", timeout=WAIT_MS)
        assert main_window.watch_page is page and page.watcher._thread is thread and thread.is_alive()
        assert headers() == ["文件夹", "配置", "状态", "等待中", "已加入队列", "已跳过", "最近文件"]
        assert page.table.item(0, 2).text() == "监控中" and page.table.item(0, 0).text().endswith("（含子文件夹）")
        assert page.toggle_button.text() == "暂停" and page.remove_button.text() == "移除"
        assert main_window.nav.item(main_window.stack.indexOf(page)).text() == "监控文件夹"
        # The watcher did not stop meanwhile: a file saved now is queued and uploaded, and says so in Chinese.
        with qtbot.waitSignal(page.notify, timeout=WAIT_MS) as notified:
            old_file(media / "after the switch.mp4", 3000)
        assert notified.args[0] == "监控文件夹上传完成" and "after the switch.mp4" in notified.args[1]
        qtbot.waitUntil(lambda: page.table.item(0, 4).text() == "1", timeout=WAIT_MS)
    finally:
        i18n.install_translators(qapp, "en")
    qtbot.waitUntil(lambda: page.add_button.text() == "Add folder…", timeout=WAIT_MS)
    assert page.table.item(0, 2).text() == "Watching" and headers()[0] == "Folder"
    assert page.watcher._thread is thread and thread.is_alive()
