"""The main flows without a mouse: every step is a key press on the focused widget (QTest key events), as someone
who works on the keyboard does it. Add files through the file dialog (typing the path), start, pause, resume,
cancel and remove in the queue, open an upload in Playback, get a PlayAuth, check it as the player would, preview
the stream and pause it, export the History as CSV, and read the Keyboard shortcuts dialog.

Nothing here clicks or calls the page's methods to act; the tests only read state to decide the next key (which
row is selected, which button has the focus) and to assert.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLineEdit, QMenu, QMessageBox, QWidget

from tests.helpers.media import ffmpeg
from tests.helpers.vod import needs_ffmpeg
from tests.unit.ui.upload_helpers import snap_for, wait_state
from vodgui.core.transfer.events import JobState
from vodgui.ui.keyboard import ShortcutsDialog

WAIT = 60_000
Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier
NoMod = Qt.KeyboardModifier.NoModifier
K = Qt.Key


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(qtbot: Any, key: Qt.Key, modifiers: Qt.KeyboardModifier = NoMod) -> None:
    """One key press on whatever has the focus (as the keyboard would deliver it)."""
    qtbot.keyClick(focused(), key, modifiers)


def tab_to(qtbot: Any, target: QWidget, limit: int = 80) -> None:
    """Press Tab until ``target`` has the focus (it must be reachable with Tab)."""
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        press(qtbot, K.Key_Tab)
    assert QApplication.focusWidget() is target, f"Tab never reaches {target!r}"


def wm_activate(qtbot: Any, window: QWidget) -> None:
    """What a window manager does for a window that opens or comes back: activate it (the offscreen platform
    leaves that to the application; this is the platform's part, not a step of the flow)."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=WAIT)


@contextmanager
def on_modal(qtbot: Any, kind: type, answer: Callable[[Any], None]) -> Iterator[list[Any]]:
    """Answer the modal dialog of type ``kind`` that the key pressed inside the block opens (its own event loop
    runs until it closes, so the answer comes from a timer). Yields the dialogs answered."""
    answered: list[Any] = []

    def tick() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible() and not answered:
            answered.append(dialog)
            timer.stop()
            try:
                qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()), timeout=WAIT)
                answer(dialog)
            finally:
                if dialog.isVisible():  # never leave a test hanging in the dialog's loop
                    dialog.reject()
                    answered.append("left open")

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(tick)
    timer.start()
    before = QApplication.activeWindow()
    try:
        yield answered
    finally:
        timer.stop()
    assert answered and "left open" not in answered, f"no {kind.__name__} was answered: {answered}"
    if before is not None and QApplication.activeWindow() is None:
        wm_activate(qtbot, before)  # back to the window under the closed dialog


def type_path(qtbot: Any, path: Path) -> Callable[[QFileDialog], None]:
    """Type ``path`` into the file dialog's name field and press Enter (again if a completion popup ate it)."""
    def answer(dialog: QFileDialog) -> None:
        field = focused()
        assert isinstance(field, QLineEdit), field
        qtbot.keyClick(field, K.Key_A, Ctrl)
        qtbot.keyClicks(field, str(path))
        for _ in range(3):
            if not dialog.isVisible():
                return
            qtbot.keyClick(focused(), K.Key_Return)
            qtbot.wait(50)
    return answer


def press_button(qtbot: Any, text: str) -> Callable[[QWidget], None]:
    """Tab to the dialog's button ``text`` and press Space."""
    def answer(dialog: QWidget) -> None:
        for _ in range(10):
            widget = focused()
            if isinstance(widget, QAbstractButton) and widget.text().replace("&", "") == text:
                qtbot.keyClick(widget, K.Key_Space)
                return
            press(qtbot, K.Key_Tab)
        raise AssertionError(f"no button {text!r} in {dialog!r}")
    return answer


def menu_key(window: QWidget) -> None:
    """The Menu key: the platform turns it into a keyboard context-menu event for the window (xcb does; the
    offscreen platform does not, so the test delivers that event itself), which goes to the focused widget."""
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), window.mapToGlobal(QPoint(0, 0)))
    QApplication.sendEvent(window.windowHandle(), event)


@pytest.fixture
def window(qtbot: Any, main_window: Any) -> Any:
    """The main window, active, as a keyboard user finds it."""
    main_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main_window, timeout=WAIT)
    return main_window


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """10 s of 320x240 H.264 without audio (see test_playback_page.clip): long enough to pause while it plays."""
    return ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x240:rate=10", "-t", "10", "-pix_fmt", "yuv420p",
                  "-c:v", "libx264", "-movflags", "+faststart",
                  out=tmp_path_factory.mktemp("keys") / "keyboard clip.mp4")


def add_file(qtbot: Any, page: Any, path: Path) -> None:
    """Ctrl+O, type the path, Enter; the file is in the queue."""
    with on_modal(qtbot, QFileDialog, type_path(qtbot, path)):
        press(qtbot, K.Key_O, Ctrl)
    qtbot.waitUntil(lambda: snap_for(page, path) is not None, timeout=WAIT)


def select_row(qtbot: Any, page: Any, path: Path) -> None:
    """Move the queue's selection with the arrow keys onto ``path``'s row."""
    row = page.model.row_of(snap_for(page, path).job_id)
    press(qtbot, K.Key_Home)
    for _ in range(row):
        press(qtbot, K.Key_Down)
    qtbot.waitUntil(lambda: [s.path for s in page.selected()] == [str(path)], timeout=WAIT)


@pytest.mark.timeout(300)
def test_the_queue_by_keyboard(qtbot: Any, window: Any, ui_ctx: Any, media: Path) -> None:
    page = window.upload_page
    big = media / "long upload.mp4"
    big.write_bytes(os.urandom(3 * 1024 * 1024))
    ui_ctx.engine.set_bandwidth_limit(64 * 1024)  # slow enough to act on it while it runs
    add_file(qtbot, page, big)
    wait_state(qtbot, page, big, JobState.PREPARING, JobState.UPLOADING, timeout=WAIT)

    tab_to(qtbot, page.view)
    select_row(qtbot, page, big)
    qtbot.waitUntil(page.act_pause.isEnabled, timeout=WAIT)
    press(qtbot, K.Key_P, Ctrl)  # Pause
    wait_state(qtbot, page, big, JobState.PAUSED, timeout=WAIT)
    qtbot.waitUntil(page.act_start.isEnabled, timeout=WAIT)
    press(qtbot, K.Key_S, Ctrl)  # Start (resume)
    wait_state(qtbot, page, big, JobState.QUEUED, JobState.PREPARING, JobState.UPLOADING, timeout=WAIT)
    qtbot.waitUntil(page.act_pause.isEnabled, timeout=WAIT)
    press(qtbot, K.Key_Space)  # pause or resume, in the queue
    wait_state(qtbot, page, big, JobState.PAUSED, timeout=WAIT)
    qtbot.waitUntil(page.act_start.isEnabled, timeout=WAIT)
    press(qtbot, K.Key_Space)
    wait_state(qtbot, page, big, JobState.QUEUED, JobState.PREPARING, JobState.UPLOADING, timeout=WAIT)

    # The context-menu key offers what can be done with the selected row; Escape closes it.
    assert focused() is page.view
    menu_key(window)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=WAIT)
    menu = QApplication.activePopupWidget()
    assert page.act_cancel in menu.actions() and page.act_pause in menu.actions()
    qtbot.keyClick(menu, K.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=WAIT)
    wm_activate(qtbot, window)

    # Enter opens the row's details with the focus in the title; Escape is not needed to come back: Ctrl+Shift+L.
    press(qtbot, K.Key_Return)
    qtbot.waitUntil(lambda: focused() is page.details.form.inputs["title"], timeout=WAIT)
    # The category list inside its field opens with Alt+Down (its button takes no focus).
    tab_to(qtbot, page.details.form.inputs["cate_id"])
    press(qtbot, K.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=WAIT)
    qtbot.keyClick(QApplication.activePopupWidget(), K.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=WAIT)
    wm_activate(qtbot, window)
    press(qtbot, K.Key_L, Ctrl | Shift)
    assert focused() is page.view

    # Cancel asks first; the answer is given with Tab and Space ("Keep" is the default, so Enter would keep it).
    with on_modal(qtbot, QMessageBox, press_button(qtbot, "Cancel uploads")):
        press(qtbot, K.Key_Delete, Shift)
    wait_state(qtbot, page, big, JobState.CANCELLED, timeout=WAIT)
    press(qtbot, K.Key_Delete)  # Remove
    qtbot.waitUntil(lambda: snap_for(page, big) is None, timeout=WAIT)


@needs_ffmpeg
@pytest.mark.timeout(300)
def test_upload_play_check_preview_and_export_by_keyboard(qtbot: Any, window: Any, ui_ctx: Any, clip: Path,
                                                         tmp_path: Path) -> None:
    page = window.upload_page
    add_file(qtbot, page, clip)
    done = wait_state(qtbot, page, clip, JobState.DONE, JobState.FAILED, timeout=WAIT)
    assert done.state is JobState.DONE, done.error
    video_id = done.media_id

    # Open in Playback from the queue.
    tab_to(qtbot, page.view)
    select_row(qtbot, page, clip)
    press(qtbot, K.Key_P, Ctrl | Shift)
    playback = window.playback_page
    qtbot.waitUntil(lambda: window.stack.currentWidget() is playback and playback.current_video() == video_id,
                    timeout=WAIT)
    assert [a.text() for a in window.keys.bar.actions()][1] == "&Playback"  # the page's own menu

    # Get a PlayAuth, then check it as the player would.
    auths: list[Any] = []
    checks: list[Any] = []
    playback.play_auth_received.connect(auths.append)
    playback.check_finished.connect(checks.append)
    press(qtbot, K.Key_G, Ctrl)
    qtbot.waitUntil(lambda: len(auths) == 1, timeout=WAIT)
    assert auths[0].video_id == video_id
    assert playback.playauth_panel.field.text() == auths[0].masked()
    press(qtbot, K.Key_G, Ctrl | Shift)
    qtbot.waitUntil(lambda: len(checks) == 1, timeout=WAIT)
    assert checks[0].ok, checks[0]

    # The streams (GetPlayInfo), the preview of the first, then pause and play again.
    press(qtbot, K.Key_I, Ctrl)
    qtbot.waitUntil(lambda: playback.playinfo_panel.table.rowCount() >= 1
                    and playback.playinfo_panel.preview_button.isEnabled(), timeout=WAIT)
    player = playback.player
    press(qtbot, K.Key_P, Ctrl | Shift)
    qtbot.waitUntil(lambda: player.frames_seen >= 1, timeout=WAIT)
    qtbot.waitUntil(lambda: player.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState, timeout=WAIT)
    press(qtbot, K.Key_P, Ctrl)
    qtbot.waitUntil(lambda: player.player.playbackState() == QMediaPlayer.PlaybackState.PausedState, timeout=WAIT)
    press(qtbot, K.Key_P, Ctrl)
    qtbot.waitUntil(lambda: player.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState, timeout=WAIT)
    player.stop()  # cleanup, not a step: a playing backend would outlive the test

    # Export the History as CSV: Ctrl+2, then Ctrl+Shift+S and the path typed into the save dialog.
    history = window.history_page
    press(qtbot, K.Key_2, Ctrl)
    assert window.stack.currentWidget() is history
    qtbot.waitUntil(lambda: video_id in history.visible_video_ids(), timeout=WAIT)
    exported: list[str] = []
    history.csv_exported.connect(exported.append)
    target = tmp_path / "history by keyboard.csv"
    with on_modal(qtbot, QFileDialog, type_path(qtbot, target)):
        press(qtbot, K.Key_S, Ctrl | Shift)
    qtbot.waitUntil(lambda: exported == [str(target)], timeout=WAIT)
    with open(target, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["video_id"] for r in rows] == [video_id]

    # In the History list: the Menu key offers the row's actions, Enter opens the row in Playback.
    tab_to(qtbot, history.table)
    press(qtbot, K.Key_Home)
    press(qtbot, K.Key_Space)  # selects the row with the focus (Home alone moves no selection onto it)
    qtbot.waitUntil(lambda: history.selected_video_ids() == [video_id], timeout=WAIT)
    menu_key(window)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=WAIT)
    menu = QApplication.activePopupWidget()
    assert history.copy_action in menu.actions()
    qtbot.keyClick(menu, K.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=WAIT)
    wm_activate(qtbot, window)
    window.playback_page.ids_edit.clear()  # arranging: the Playback page forgets the video, Enter brings it back
    press(qtbot, K.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is playback and playback.current_video() == video_id,
                    timeout=WAIT)


def test_the_shortcuts_dialog_and_page_menus(qtbot: Any, window: Any) -> None:
    # F1 lists the shortcuts, from the menus themselves; Escape closes it.
    press(qtbot, K.Key_F1)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), ShortcutsDialog), timeout=WAIT)
    dialog = QApplication.activeModalWidget()
    rows = dict(r for r in dialog.rows() if r[1])
    assert rows["Start"] == "Ctrl+S" and rows["Pause"] == "Ctrl+P" and rows["Add files…"] == "Ctrl+O"
    assert rows["Get PlayAuth"] == "Ctrl+G" and rows["Upload"] == "Ctrl+1"
    assert "F1" in rows["Keyboard shortcuts"]
    wm_activate(qtbot, dialog)
    press(qtbot, K.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
    wm_activate(qtbot, window)

    # Tooltips carry the keys.
    page = window.upload_page
    assert page.act_start.toolTip().endswith("(Ctrl+S)")
    assert window.playback_page.get_button.toolTip().endswith("(Ctrl+G)")

    # One page menu at a time, and its keys act only on its page: Ctrl+G on the Upload page gets no PlayAuth.
    titles = lambda: [a.text() for a in window.keys.bar.actions()]  # noqa: E731
    assert titles() == ["&File", "&Queue", "&Go", "&Help"]
    asked: list[Any] = []
    [get] = [a for a in window.keys.page_menus[2].actions() if a.text() == "&Get PlayAuth"]
    get.triggered.connect(asked.append)
    press(qtbot, K.Key_G, Ctrl)
    press(qtbot, K.Key_3, Ctrl)
    assert window.stack.currentWidget() is window.playback_page and titles()[1] == "&Playback"
    assert asked == []


def test_dialogs_open_from_the_keyboard_and_escape_closes_them(qtbot: Any, window: Any) -> None:
    from vodgui.ui.add_url_dialog import AddUrlDialog
    from vodgui.ui.profile_dialog import ProfileDialog
    from vodgui.ui.settings_dialog import SettingsDialog
    from vodgui.ui.watch_dialog import WatchFolderDialog

    def escape_closes(kind: type) -> None:
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=WAIT)
        dialog = QApplication.activeModalWidget()
        wm_activate(qtbot, dialog)
        press(qtbot, K.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT)
        wm_activate(qtbot, window)

    # The menu bar: Alt+F opens File, E (its underlined letter) chooses "Edit profile…".
    press(qtbot, K.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=WAIT)
    qtbot.keyClick(QApplication.activePopupWidget(), K.Key_E)
    escape_closes(ProfileDialog)

    press(qtbot, K.Key_Comma, Ctrl)  # Settings
    escape_closes(SettingsDialog)

    with on_modal(qtbot, AddUrlDialog, lambda dialog: press(qtbot, K.Key_Escape)):
        press(qtbot, K.Key_U, Ctrl | Shift)  # Add URL…
    assert window.upload_page.model.rowCount() == 0

    press(qtbot, K.Key_5, Ctrl)  # the Watch page: Ctrl+N watches a new folder
    press(qtbot, K.Key_N, Ctrl)
    escape_closes(WatchFolderDialog)
    assert window.watch_page.folders == []
