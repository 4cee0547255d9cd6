"""What a screen reader gets: every control a user can operate has a name, in English and in Chinese; queue rows
speak their state; the status changes that matter are announced.

The walk asks Qt's accessibility layer (``QAccessible.queryAccessibleInterface``) for the name of each operable
widget of the main window (every page) and of every dialog; Qt's own internal widgets are left out by name
(tests/helpers/a11y.py, ``QT_INTERNAL_NAMES``/``QT_INTERNAL_CLASSES``). ``python tools/a11y_audit.py`` prints the
same walk's figures.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QLabel, QToolButton, QWidget

import vodgui.ui.i18n as i18n
from tests.helpers import a11y
from tests.helpers.workspace import write_file
from tests.unit.ui.conftest import open_window
from tests.unit.ui.upload_helpers import WAIT_MS, held, snap_for, wait_state
from vodgui.core.transfer.events import JobSnapshot, JobState
from vodgui.sandbox.client import SandboxControl
from vodgui.ui.a11y import plain
from vodgui.ui.announce import LABEL_NAME, announcement_event, announcer
from vodgui.ui.catalog_menu import attach_catalog_pickers
from vodgui.ui.main_window import MainWindow
from vodgui.ui.metadata_editor import DefaultsDialog
from vodgui.ui.queue_model import Column

CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def language(qapp: Any) -> Iterator[Callable[[str], str]]:
    yield lambda choice: i18n.install_translators(qapp, choice)
    i18n.install_translators(qapp, "en")


@pytest.fixture
def spoken() -> Iterator[list[tuple[str, bool]]]:
    """What the app announces during the test: (text, assertive)."""
    heard: list[tuple[str, bool]] = []

    def hear(text: str, urgent: bool) -> None:
        heard.append((text, urgent))

    announcer().announced.connect(hear)
    yield heard
    announcer().announced.disconnect(hear)


def walk_everything(window: Any) -> list[a11y.Control]:
    """Every operable control of the window, its dialogs and a confirmation box, as a screen reader gets it."""
    dialogs = a11y.open_every_dialog(window)
    try:
        found = a11y.controls([window, *dialogs])
        found += a11y.walk_modal(lambda: MainWindow.ask_pause_on_quit(window, 2))
    finally:
        a11y.close_all(dialogs)
    return found


def accessible_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    assert iface is not None
    return a11y.accessible_name(widget, iface)


# -- the walk --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_operable_control_has_a_name(qtbot: Any, ui_ctx: Any, language: Callable[[str], str],
                                           lang: str) -> None:
    language(lang)
    window = open_window(qtbot, ui_ctx)
    found = walk_everything(window)
    unnamed = [f"{c.role} {c.path} (tooltip/description: {c.description!r})" for c in found if not c.name]
    assert not unnamed, f"{len(unnamed)} operable control(s) without an accessible name:\n" + "\n".join(unnamed)
    # The walk reached every page and dialog: the profile editor's fields, the player, the confirmation box...
    names = {c.name for c in found}
    roles = {c.role for c in found}
    assert len(found) > 200 and {"Button", "EditableText", "ComboBox", "SpinBox", "Slider", "Table", "Tree",
                                 "List", "CheckBox", "PageTabList"} <= roles, roles
    tr = QCoreApplication.translate
    for expected in (tr("QueueView", "Upload queue"), tr("PlayerWidget", "Volume"), tr("PlayerWidget", "Play"),
                     tr("PlayAuthPanel", "Decoded PlayAuth"), tr("PlayInfoPanel", "Streams"),
                     tr("Accessibility", "Clear {0}").format(plain(tr("_Form", "&Title:"))),
                     tr("MainWindow", "Pause and quit")):
        assert expected in names, expected
    if lang == "zh_CN":  # the names are Chinese, not English left behind
        assert CJK.search(accessible_name(window.upload_page.view))
        assert CJK.search(accessible_name(window.playback_page.player.volume))


def test_the_walk_finds_an_unnamed_control(qtbot: Any, ui_ctx: Any) -> None:
    """The walk can fail: an icon-only button, a field whose label is not its buddy, a name taken away."""
    window = open_window(qtbot, ui_ctx)
    holder = QWidget()
    qtbot.addWidget(holder)
    icon_only = QToolButton(holder)
    icon_only.setToolTip("a tooltip is a description, not a name")
    assert [c.cls for c in a11y.unnamed([holder])] == ["QToolButton"]
    icon_only.setAccessibleName("Clear")
    assert a11y.unnamed([holder]) == []

    a11y.reveal(window)
    assert a11y.unnamed([window]) == []
    window.playback_page.player.volume.setAccessibleName("")
    window.upload_page.view.setAccessibleName("")
    assert sorted(c.path.rsplit("/", 1)[-1] for c in a11y.unnamed([window])) == ["QSlider", "queueView"]


def test_qt_internals_are_left_out_by_name_only(qtbot: Any, ui_ctx: Any) -> None:
    """What the allow-list leaves out is Qt's (spin box editors, combo box pop-ups, headers, scroll bars), never
    one of our widgets."""
    window = open_window(qtbot, ui_ctx)
    left_out = a11y.internal([window])
    assert left_out
    for widget in left_out:
        chain = []
        w: QWidget | None = widget
        while w is not None:
            chain += [w.objectName(), w.metaObject().className()]
            w = w.parentWidget()
        assert set(chain) & (a11y.QT_INTERNAL_NAMES | a11y.QT_INTERNAL_CLASSES), a11y.widget_path(widget)


def test_names_follow_a_language_switch(qtbot: Any, ui_ctx: Any, language: Callable[[str], str]) -> None:
    window = open_window(qtbot, ui_ctx)
    assert accessible_name(window.upload_page.view) == "Upload queue"
    language("zh_CN")
    window.retranslate()  # the pages are built again
    assert accessible_name(window.upload_page.view) == "上传队列"
    assert accessible_name(window.playback_page.player.play_button) == "播放"
    a11y.reveal(window)
    assert a11y.unnamed([window]) == []


def test_an_open_dialog_renames_its_fields(qtbot: Any, ui_ctx: Any, language: Callable[[str], str]) -> None:
    """The defaults dialog, open during a language switch, renames its fields and the buttons inside them."""
    dialog = DefaultsDialog("Sandbox", {}, None)
    qtbot.addWidget(dialog)
    dialog.catalog_menus = attach_catalog_pickers(dialog.form.inputs, ui_ctx, lambda: "Sandbox", dialog)
    dialog.show()
    tags, cate = dialog.form.inputs["tags"], dialog.form.inputs["cate_id"]

    def buttons(field: QWidget) -> list[str]:
        return sorted(accessible_name(b) for b in field.findChildren(QToolButton))

    assert accessible_name(tags) == "Tags" and buttons(tags) == ["Clear Tags"]
    assert buttons(cate) == ["Choose Category ID from the account's list", "Clear Category ID"]
    language("zh_CN")
    qtbot.waitUntil(lambda: dialog.windowTitle() != "Defaults for new files", timeout=WAIT_MS)  # its Retranslator
    assert accessible_name(tags) == "标签" and buttons(tags) == ["清除标签"]
    assert buttons(cate) == ["从账号的列表中选择分类 ID", "清除分类 ID"]


# -- queue rows ------------------------------------------------------------------------------------------------
def spoken_cell(window: Any, path: Path, column: Column = Column.PROGRESS) -> tuple[str, str]:
    """(name, description) of a queue cell as the view's accessible table gives them to a screen reader."""
    page = window.upload_page
    snap = snap_for(page, path)
    assert snap is not None
    view = QAccessible.queryAccessibleInterface(page.view)
    row = page.model.row_of(snap.job_id)
    for i in range(view.childCount()):  # the column headers, then the cells row by row
        child = view.child(i)
        cell = child.tableCellInterface() if child is not None else None
        if cell is not None and child.role() is QAccessible.Role.Cell \
                and (cell.rowIndex(), cell.columnIndex()) == (row, column):
            return child.text(QAccessible.Text.Name), child.text(QAccessible.Text.Description)
    raise AssertionError(f"no accessible cell at row {row}, column {column}")


def test_a_queue_row_speaks_its_state(qtbot: Any, main_window: Any, media: Path) -> None:
    page = main_window.upload_page
    held(page)
    path = write_file(media / "clip.mp4", 300_000, seed=3)
    page.add_paths([str(path)])
    wait_state(qtbot, page, path, JobState.QUEUED)
    assert spoken_cell(main_window, path) == ("clip.mp4, Queued", "")
    page.ctx.engine.set_bandwidth_limit(60_000)
    page.ctx.engine.auto_start = True
    page.ctx.engine.start_queue()
    qtbot.waitUntil(lambda: (s := snap_for(page, path)) is not None and s.state is JobState.UPLOADING
                    and s.speed is not None and s.eta is not None, timeout=WAIT_MS)
    name, description = spoken_cell(main_window, path)
    assert re.fullmatch(r"clip\.mp4, Uploading, \d+% done, [\d.]+ (KB|MB)/s", name), name
    assert description.endswith(" left"), description
    assert spoken_cell(main_window, path, Column.FILE)[0] == "clip.mp4"  # other cells say what they show
    page.ctx.engine.set_bandwidth_limit(0)
    wait_state(qtbot, page, path, JobState.DONE)
    assert spoken_cell(main_window, path)[0] == "clip.mp4, Done"


# -- announcements ---------------------------------------------------------------------------------------------
def status_text(window: Any) -> str:
    """What the status bar's announcement label says, read through its accessible interface."""
    label = window.findChild(QLabel, LABEL_NAME)
    assert label is not None and label.isVisible()
    return QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name)


def test_uploads_done_and_failed_are_announced(qtbot: Any, main_window: Any, media: Path,
                                               control: SandboxControl, spoken: list[tuple[str, bool]]) -> None:
    page = main_window.upload_page
    good = write_file(media / "good.mp4", 50_000, seed=4)
    page.add_paths([str(good)])
    wait_state(qtbot, page, good, JobState.DONE)
    qtbot.waitUntil(lambda: ("good.mp4 uploaded", False) in spoken, timeout=WAIT_MS)
    assert status_text(main_window) == "good.mp4 uploaded"

    control.add_fault(service="oss", op="UploadPart", effect="error", status=403, code="AccessDenied",
                      message="You have no right to access this object.")
    bad = write_file(media / "bad.mp4", 50_000, seed=5)
    page.add_paths([str(bad)])
    wait_state(qtbot, page, bad, JobState.FAILED)
    qtbot.waitUntil(lambda: any(t.startswith("bad.mp4 failed: ") for t, _ in spoken), timeout=WAIT_MS)
    text, urgent = next((t, u) for t, u in spoken if t.startswith("bad.mp4 failed: "))
    assert urgent and "not allowed" in text  # the reason, in words, interrupting the screen reader
    assert status_text(main_window) == text
    assert len([t for t, _ in spoken if "good.mp4" in t]) == 1  # announced once, not at every change


def test_items_finishing_together_are_one_announcement(qtbot: Any, main_window: Any, media: Path,
                                                       spoken: list[tuple[str, bool]]) -> None:
    """A batch ending in one flush is one sentence, not one per file (a restored, already finished item is not
    announced at all)."""
    page = main_window.upload_page
    held(page)
    path = write_file(media / "one.mp4", 1000, seed=6)
    page.add_paths([str(path)])
    real = wait_state(qtbot, page, path, JobState.QUEUED)

    def snap(job_id: int, state: JobState) -> JobSnapshot:
        return replace(real, job_id=job_id, path=f"/v/{job_id}.mp4", state=state)

    bridge = main_window.ctx.bridge
    bridge.jobs_added.emit([snap(9001, JobState.UPLOADING), snap(9002, JobState.UPLOADING),
                            snap(9003, JobState.DONE)])
    bridge.jobs_changed.emit([snap(9001, JobState.DONE), snap(9002, JobState.DONE), snap(9003, JobState.DONE)])
    assert spoken == [("2 files uploaded", False)]


def test_the_announcement_event(qtbot: Any) -> None:
    """What reaches the platform's accessibility bridge: the sentence, from the widget, polite or assertive."""
    label = QLabel()
    qtbot.addWidget(label)
    polite = announcement_event(label, "clip.mp4 uploaded")
    assert polite.type() is QAccessible.Event.Announcement and polite.message() == "clip.mp4 uploaded"
    assert polite.object() is label and polite.politeness() is QAccessible.AnnouncementPoliteness.Polite
    urgent = announcement_event(label, "clip.mp4 failed", urgent=True)
    assert urgent.politeness() is QAccessible.AnnouncementPoliteness.Assertive


def test_play_auth_expiry_and_checks_are_announced(qtbot: Any, main_window: Any, ui_ctx: Any, media: Path,
                                                   control: SandboxControl,
                                                   spoken: list[tuple[str, bool]]) -> None:
    from tests.helpers.media import ffmpeg
    from tests.helpers.vod import HAVE_FFMPEG

    if not HAVE_FFMPEG:
        pytest.skip("ffmpeg is needed for a playable clip")
    clip = ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-t", "1", "-pix_fmt", "yuv420p",
                  "-c:v", "libx264", "-movflags", "+faststart", out=media / "clip.mp4")
    [job_id] = ui_ctx.engine.add_files([str(clip)], "Sandbox")
    qtbot.waitUntil(lambda: ("clip.mp4 uploaded", False) in spoken, timeout=20_000)
    page = main_window.playback_page
    ui_ctx.hub.open_in_playback.emit([str(ui_ctx.engine.snapshot(job_id).media_id)])
    with qtbot.waitSignal(page.play_auth_received, timeout=10_000):
        page.get_button.click()

    def heard(start: str) -> list[tuple[str, bool]]:
        return [(t, u) for t, u in spoken if t.startswith(start)]

    with qtbot.waitSignal(page.check_finished, timeout=10_000):
        page.check_as_player()
    qtbot.waitUntil(lambda: bool(heard("VidSts check: ")), timeout=10_000)  # the second verdict beside it
    assert heard("VidAuth check (PlayAuth): ") == [
        ("VidAuth check (PlayAuth): ✓ Pass: the player would get 1 stream(s)", False)]
    assert status_text(main_window) in {t for t, _ in spoken[-2:]}

    control.clock(advance=101)
    with qtbot.waitSignal(page.check_finished, timeout=10_000):
        page.check_as_player()
    text, urgent = heard("VidAuth check (PlayAuth): ")[-1]
    assert urgent and text.startswith("VidAuth check (PlayAuth): ✗ Fail: InvalidAuthInfo.ExpireTime")
    assert "expired" in text

    panel = page.playauth_panel
    panel.now = lambda: time.time() + 400
    qtbot.waitUntil(lambda: bool(heard("AuthInfo expired ")), timeout=3000)
    qtbot.wait(600)  # two more ticks of the countdown
    panel.now = time.time
    assert len(heard("AuthInfo expired ")) == 1  # once, not at every tick
    assert heard("AuthInfo expired ")[0][0].endswith("get a new PlayAuth.")
