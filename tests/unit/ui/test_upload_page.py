"""The Upload page against the real sandbox: adding, uploading, the row actions, metadata, duplicates, quitting."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from tests.helpers.workspace import ops, write_file
from tests.unit.ui.conftest import close_ctx, make_ctx, open_window
from tests.unit.ui.upload_helpers import (
    WAIT_MS,
    cell,
    drag_event,
    drop_paths,
    held,
    select,
    snap_for,
    state_of,
    wait_state,
)
from vodgui.core.intake import Duplicate
from vodgui.core.transfer.events import JobState
from vodgui.sandbox.client import SandboxControl
from vodgui.ui.duplicate_prompt import DuplicateDecision, DuplicatePrompt
from vodgui.ui.queue_model import FRACTION_ROLE, Column

S = JobState


def test_drop_queues_media_from_files_and_nested_folders(qtbot: Any, page: Any, media: Path) -> None:
    held(page)
    single = write_file(media / "single.mp4", 1000, seed=1)
    folder = media / "shoot"
    (folder / "day1" / "raw").mkdir(parents=True)
    nested = [write_file(folder / "a.mov", 1000, seed=2), write_file(folder / "day1" / "b.MKV", 1000, seed=3),
              write_file(folder / "day1" / "raw" / "c.mp3", 1000, seed=4)]
    write_file(folder / "notes.txt", 10)
    write_file(folder / ".hidden.mp4", 10)

    entered, dropped = drop_paths(page.view, [single, folder])
    assert entered and dropped
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=WAIT_MS)
    assert [s.path for s in page.model.snapshots()] == [str(single), *map(str, nested)]
    assert all(s.profile == "Sandbox" and s.state is S.QUEUED for s in page.model.snapshots())
    qtbot.waitUntil(lambda: "not video or audio" in page.message.text())
    # Dropping the same again does not queue anything twice.
    drop_paths(page.view, [folder])
    qtbot.waitUntil(lambda: "Already in the queue: 3 files." in page.message.text(), timeout=WAIT_MS)
    assert page.model.rowCount() == 4


def test_drop_ignores_non_file_urls(page: Any) -> None:
    from PySide6.QtCore import QMimeData, QPointF
    from PySide6.QtGui import QDragEnterEvent

    mime = QMimeData()
    mime.setText("just text")
    event = drag_event(QDragEnterEvent, QPointF(5, 5), mime)
    QApplication.sendEvent(page.view.viewport(), event)
    assert not event.isAccepted()


def test_all_files_setting_accepts_any_extension(qtbot: Any, page: Any, media: Path) -> None:
    held(page)
    page.ctx.settings_store.update(all_files=True)
    odd = write_file(media / "clip.weird", 100)
    page.add_paths([str(media)])
    qtbot.waitUntil(lambda: snap_for(page, odd) is not None, timeout=WAIT_MS)


def test_an_upload_shows_to_completion(qtbot: Any, page: Any, media: Path, control: SandboxControl) -> None:
    path = write_file(media / "done.mp4", 100_000, seed=5)
    page.add_paths([str(path)])
    snap = wait_state(qtbot, page, path, S.DONE)
    assert cell(page, path, Column.STATE) == "Done"
    assert cell(page, path, Column.PROGRESS) == "100%"
    assert cell(page, path, Column.PROGRESS, FRACTION_ROLE) == 1.0
    assert snap.media_id and cell(page, path, Column.VIDEO_ID) == snap.media_id
    video = control.video(snap.media_id)
    assert control.object(video["bucket"], video["key"])["size"] == 100_000
    select(page, path)
    assert page.act_copy.isEnabled() and page.act_play.isEnabled() and not page.act_pause.isEnabled()
    page.act_copy.trigger()
    assert QApplication.clipboard().text() == snap.media_id
    with qtbot.waitSignal(page.ctx.hub.open_in_playback) as blocker:
        page.act_play.trigger()
    assert blocker.args == [[snap.media_id]]


def test_pause_resume_and_space_through_the_ui(qtbot: Any, page: Any, media: Path) -> None:
    page.ctx.engine.set_bandwidth_limit(40_000)
    path = write_file(media / "slow.mp4", 300_000, seed=6)
    page.add_paths([str(path)])
    qtbot.waitUntil(lambda: (snap_for(page, path) or 0) and snap_for(page, path).bytes_done > 0,  # type: ignore
                    timeout=WAIT_MS)
    select(page, path)
    qtbot.waitUntil(page.act_pause.isEnabled)
    assert not page.act_start.isEnabled()
    page.act_pause.trigger()
    paused = wait_state(qtbot, page, path, S.PAUSED)
    assert 0 < paused.bytes_done < 300_000
    qtbot.waitUntil(lambda: page.act_start.isEnabled() and not page.act_pause.isEnabled())
    page.act_start.trigger()
    wait_state(qtbot, page, path, S.QUEUED, S.PREPARING, S.UPLOADING)
    # Space toggles: pause again, then resume.
    page.view.setFocus()
    qtbot.waitUntil(page.act_pause.isEnabled)
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    wait_state(qtbot, page, path, S.PAUSED)
    page.ctx.engine.set_bandwidth_limit(0)
    qtbot.waitUntil(page.act_start.isEnabled)
    qtbot.keyClick(page.view, Qt.Key.Key_Space)
    wait_state(qtbot, page, path, S.DONE)


def test_cancel_asks_first(qtbot: Any, page: Any, media: Path, control: SandboxControl) -> None:
    page.ctx.engine.set_bandwidth_limit(30_000)
    path = write_file(media / "cancel.mp4", 200_000, seed=7)
    page.add_paths([str(path)])
    wait_state(qtbot, page, path, S.UPLOADING)
    select(page, path)
    asked: list[str] = []
    page.confirm = lambda title, text, action: asked.append(text) or False
    page.act_cancel.trigger()
    assert asked and "placeholder video" in asked[0] and "DeleteVideo" in asked[0]
    page.ops.wait(5)
    assert state_of(page, path) is S.UPLOADING
    placeholder = snap_for(page, path).media_id
    page.confirm = lambda title, text, action: True
    page.act_cancel.trigger()
    wait_state(qtbot, page, path, S.CANCELLED)
    qtbot.waitUntil(lambda: bool(ops(control.log(), "AbortMultipartUpload")), timeout=WAIT_MS)
    assert ops(control.log(), "DeleteVideo", 200)
    cancelled = snap_for(page, path)
    assert cancelled.media_id is None and placeholder in cell(page, path, Column.STATE, Qt.ItemDataRole.ToolTipRole)
    # Cancelled is not the end: Start queues it again, as a new attempt.
    qtbot.waitUntil(lambda: not page.act_cancel.isEnabled() and page.act_start.isEnabled())
    page.ctx.engine.set_bandwidth_limit(0)
    page.act_start.trigger()
    wait_state(qtbot, page, path, S.DONE)
    done = snap_for(page, path)
    assert done.media_id not in (None, placeholder)


def test_cancel_of_an_image_deletes_its_image_in_vod(qtbot: Any, page: Any, media: Path,
                                                     control: SandboxControl) -> None:
    from vodgui.sandbox.client import SandboxControlError

    page.ctx.engine.set_bandwidth_limit(30_000)
    path = write_file(media / "still.png", 200_000, seed=8)
    page.add_paths([str(path)])
    wait_state(qtbot, page, path, S.UPLOADING)
    image_id = snap_for(page, path).media_id
    assert image_id and control.video(image_id)["kind"] == "image"
    select(page, path)
    asked: list[str] = []
    page.confirm = lambda title, text, action: asked.append(text) or True
    page.act_cancel.trigger()
    assert asked and "DeleteImage" in asked[0] and "DeleteVideo" not in asked[0]
    wait_state(qtbot, page, path, S.CANCELLED)
    assert ops(control.log(), "DeleteImage", 200)
    with pytest.raises(SandboxControlError, match="404"):
        control.video(image_id)
    assert image_id in cell(page, path, Column.STATE, Qt.ItemDataRole.ToolTipRole)


def test_failure_shows_the_error_and_retry_finishes(qtbot: Any, page: Any, media: Path,
                                                   control: SandboxControl) -> None:
    control.add_fault(service="oss", op="UploadPart", effect="error", status=403, code="AccessDenied",
                      message="You have no right to access this object.")
    path = write_file(media / "fails.mp4", 100_000, seed=8)
    page.add_paths([str(path)])
    failed = wait_state(qtbot, page, path, S.FAILED)
    assert failed.error is not None and failed.error.code == "AccessDenied"
    text = cell(page, path, Column.ERROR)
    assert text.startswith("AccessDenied: You have no right")
    if failed.error.request_id:
        assert failed.error.request_id in text
    assert "not allowed" in cell(page, path, Column.ERROR, Qt.ItemDataRole.ToolTipRole)
    select(page, path)
    assert page.act_retry.isEnabled() and page.act_start.isEnabled()
    control.clear_faults()
    page.act_retry.trigger()
    done = wait_state(qtbot, page, path, S.DONE)
    assert done.error is None and cell(page, path, Column.ERROR) == ""


def test_delete_key_removes_and_asks_only_for_running_items(qtbot: Any, page: Any, media: Path) -> None:
    page.ctx.engine.set_bandwidth_limit(30_000)
    running = write_file(media / "running.mp4", 200_000, seed=9)
    waiting = write_file(media / "waiting.mp4", 1000, seed=10)
    page.ctx.engine.set_concurrent_files(1)
    page.add_paths([str(running), str(waiting)])
    wait_state(qtbot, page, running, S.UPLOADING)
    asked: list[str] = []
    page.confirm = lambda title, text, action: asked.append(text) or True
    select(page, waiting)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: snap_for(page, waiting) is None, timeout=WAIT_MS)
    assert asked == []
    select(page, running)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=WAIT_MS)
    assert len(asked) == 1 and "uploading" in asked[0]
    assert page.ctx.engine.snapshots() == []


def test_ctrl_o_opens_the_file_dialog(qtbot: Any, page: Any, media: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    held(page)
    path = write_file(media / "picked.mp4", 1000, seed=11)
    calls: list[tuple[Any, ...]] = []

    def fake_dialog(*args: Any) -> tuple[list[str], str]:
        calls.append(args)
        return [str(path)], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_dialog))
    page.window().activateWindow()
    page.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.view)
    qtbot.keyClick(page.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert calls and "*.mp4" in calls[0][3]
    qtbot.waitUntil(lambda: snap_for(page, path) is not None, timeout=WAIT_MS)


def test_buttons_follow_the_selection(qtbot: Any, page: Any, media: Path) -> None:
    held(page)
    paths = [write_file(media / f"{n}.mp4", 1000, seed=n) for n in range(3)]
    page.add_paths([str(p) for p in paths])
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=WAIT_MS)
    page.view.clearSelection()
    assert not any(a.isEnabled() for a in (page.act_start, page.act_pause, page.act_retry, page.act_cancel,
                                           page.act_remove, page.act_copy, page.act_play))
    assert page.act_add_files.isEnabled() and page.act_add_files.toolTip()
    select(page, *paths)
    assert page.act_pause.isEnabled() and page.act_cancel.isEnabled() and page.act_remove.isEnabled()
    assert not page.act_start.isEnabled() and not page.act_retry.isEnabled() and not page.act_copy.isEnabled()
    page.act_pause.trigger()
    qtbot.waitUntil(lambda: all(state_of(page, p) is S.PAUSED for p in paths), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.act_start.isEnabled() and page.act_resume_all.isEnabled(), timeout=WAIT_MS)
    assert "3 paused" in page.summary.text()


# -- metadata ----------------------------------------------------------------------------------------------------
def test_metadata_of_several_items_changes_only_edited_fields(qtbot: Any, page: Any, media: Path) -> None:
    held(page)
    a, b = write_file(media / "a.mp4", 1000, seed=1), write_file(media / "b.mp4", 1000, seed=2)
    page.add_paths([str(a), str(b)])
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)
    select(page, a)
    form = page.details.form
    assert form.inputs["title"].placeholderText() == "a"
    form.inputs["description"].setPlainText("only a")
    page.details.apply_button.click()
    qtbot.waitUntil(lambda: snap_for(page, a).metadata.get("description") == "only a",  # type: ignore[union-attr]
                    timeout=WAIT_MS)
    select(page, a, b)
    assert "Several values" in form.inputs["description"].placeholderText()
    form.inputs["tags"].setText("sports, 2024")
    form.inputs["cate_id"].setText("42")
    form.inputs["user_data"].setPlainText("{not json")
    assert form._errors["user_data"].isVisible() or form._errors["user_data"].text()
    assert "not valid JSON" in form._errors["user_data"].text()
    assert not page.details.apply_button.isEnabled()
    form.inputs["user_data"].setPlainText('{"Extend": {"k": "v"}}')
    assert not form._errors["user_data"].text() and page.details.apply_button.isEnabled()
    page.details.apply_button.click()
    qtbot.waitUntil(lambda: all((snap_for(page, p).metadata.get("tags") == ["sports", "2024"])  # type: ignore
                                for p in (a, b)), timeout=WAIT_MS)
    sa, sb = snap_for(page, a), snap_for(page, b)
    assert sa is not None and sb is not None
    assert sa.metadata["cate_id"] == 42 and sb.metadata["user_data"] == '{"Extend": {"k": "v"}}'
    assert sa.metadata["description"] == "only a" and "description" not in sb.metadata  # untouched field kept
    # The store has it too (what the job will send).
    assert page.ctx.workspace.store.get(sb.job_id).metadata["tags"] == ["sports", "2024"]


def test_uploaded_items_keep_only_what_vod_can_change_editable(qtbot: Any, page: Any, media: Path) -> None:
    path = write_file(media / "done.mp4", 1000, seed=3)
    page.add_paths([str(path)])
    wait_state(qtbot, page, path, S.DONE)
    select(page, path)
    form = page.details.form
    assert form.isEnabled() and form.inputs["title"].isEnabled()  # UpdateVideoInfo (issue 13)
    assert not form.inputs["template_group_id"].isEnabled()  # only at CreateUploadVideo
    assert page.details.notice.isVisibleTo(page.details) and "UpdateVideoInfo" in page.details.notice.text()


def test_title_is_uploaded_and_defaults_apply_to_new_files(qtbot: Any, page: Any, media: Path,
                                                           control: SandboxControl) -> None:
    page._on_defaults_saved("Sandbox", {"tags": ["default-tag"], "description": "from defaults", "title": "x"})
    page.ops.wait(5)
    assert page.defaults_store.get("Sandbox") == {"tags": ["default-tag"], "description": "from defaults"}
    held(page)
    path = write_file(media / "titled.mp4", 1000, seed=4)
    page.add_paths([str(path)])
    qtbot.waitUntil(lambda: snap_for(page, path) is not None, timeout=WAIT_MS)
    snap = snap_for(page, path)
    assert snap is not None and snap.metadata == {"tags": ["default-tag"], "description": "from defaults"}
    select(page, path)
    page.details.form.inputs["title"].setText("A proper title")
    page.details.apply_button.click()
    qtbot.waitUntil(lambda: snap_for(page, path).title == "A proper title", timeout=WAIT_MS)  # type: ignore
    page.ctx.engine.start_queue()
    done = wait_state(qtbot, page, path, S.DONE)
    video = control.video(done.media_id or "")
    assert video["title"] == "A proper title" and video["description"] == "from defaults"


def test_defaults_dialog_validates(qtbot: Any) -> None:
    from vodgui.ui.metadata_editor import DefaultsDialog

    dialog = DefaultsDialog("Sandbox", {"callback_url": "https://example.com/cb"})
    qtbot.addWidget(dialog)
    assert "title" not in dialog.form.inputs
    dialog.form.inputs["callback_url"].setText("ftp://nope")
    from PySide6.QtWidgets import QDialogButtonBox

    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
    dialog.form.inputs["callback_url"].setText("https://example.com/other")
    assert dialog.values()["callback_url"] == "https://example.com/other"


# -- already uploaded ----------------------------------------------------------------------------------------------
def _upload_once(qtbot: Any, page: Any, *paths: Path) -> None:
    page.add_paths([str(p) for p in paths])
    for p in paths:
        wait_state(qtbot, page, p, S.DONE)
    page.clear_finished()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=WAIT_MS)


def test_already_uploaded_file_skip_or_upload_again(qtbot: Any, page: Any, media: Path) -> None:
    path = write_file(media / "dup.mp4", 50_000, seed=12)
    _upload_once(qtbot, page, path)
    asked: list[tuple[Duplicate, int]] = []
    answer = DuplicateDecision(upload=False)
    page.ask_duplicate = lambda dup, left: asked.append((dup, left)) or answer
    held(page)
    page.add_paths([str(path)])
    qtbot.waitUntil(lambda: "Skipped 1" in page.message.text(), timeout=WAIT_MS)
    assert page.model.rowCount() == 0
    assert len(asked) == 1 and not asked[0][0].same_content and asked[0][1] == 0
    answer = DuplicateDecision(upload=True)
    page.add_paths([str(path)])
    qtbot.waitUntil(lambda: snap_for(page, path) is not None, timeout=WAIT_MS)
    assert len(asked) == 2
    # A copy elsewhere has the same content: found by size + CRC64.
    copy = media / "copy of dup.mp4"
    shutil.copyfile(path, copy)
    page.add_paths([str(copy)])
    qtbot.waitUntil(lambda: snap_for(page, copy) is not None, timeout=WAIT_MS)
    assert asked[-1][0].same_content and asked[-1][0].file.path == str(copy)


def test_a_file_uploaded_to_another_account_is_not_a_duplicate(qtbot: Any, page: Any, media: Path) -> None:
    path = write_file(media / "theirs.mp4", 30_000, seed=21)
    st = path.stat()
    # The same file went to another account (another profile's, or another sandbox's) and region before.
    page.ctx.workspace.ledger.record("acs:999", "cn-shanghai", str(path), st.st_size, st.st_mtime_ns, None, "V0",
                                     "video")
    asked: list[Duplicate] = []
    page.ask_duplicate = lambda dup, left: asked.append(dup) or DuplicateDecision(upload=False)
    page.add_paths([str(path)])
    wait_state(qtbot, page, path, S.DONE)
    assert asked == []
    # Now it is in this profile's account: the next drop asks.
    page.clear_finished()
    held(page)
    page.add_paths([str(path)])
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=WAIT_MS)
    assert asked[0].entry.media_id != "V0" and asked[0].entry.account.startswith("acs:")


def test_remember_for_this_batch_asks_once(qtbot: Any, page: Any, media: Path) -> None:
    paths = [write_file(media / f"r{n}.mp4", 20_000 + n, seed=n) for n in range(3)]
    _upload_once(qtbot, page, *paths)
    held(page)
    fresh = write_file(media / "new.mp4", 1234, seed=99)
    asked: list[int] = []
    page.ask_duplicate = lambda dup, left: asked.append(left) or DuplicateDecision(upload=True, remember=True)
    page.add_paths([str(media)])
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=WAIT_MS)
    assert asked == [2]
    assert snap_for(page, fresh) is not None
    # Skip + remember: nothing from the batch, and one question.
    page.view.selectAll()
    page.confirm = lambda *a: True
    page.remove_selected()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=WAIT_MS)
    asked.clear()
    page.ask_duplicate = lambda dup, left: asked.append(left) or DuplicateDecision(upload=False, remember=True)
    page.add_paths([str(media)])
    qtbot.waitUntil(lambda: "Skipped 3" in page.message.text(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=WAIT_MS)
    assert asked == [2] and [s.path for s in page.model.snapshots()] == [str(fresh)]


def test_the_prompt_dialog_itself(qtbot: Any, page: Any, media: Path) -> None:
    paths = [write_file(media / f"d{n}.mp4", 30_000 + n, seed=n) for n in range(2)]
    _upload_once(qtbot, page, *paths)
    held(page)
    seen: list[DuplicatePrompt] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DuplicatePrompt):
            return  # not shown yet: the timer fires again
        seen.append(dialog)
        assert dialog.remember.isVisibleTo(dialog) and "1 " in dialog.remember.text()
        dialog.remember.setChecked(True)
        dialog.upload_button.click()

    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(answer)
    timer.start(20)
    page.add_paths([str(media)])
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)
    timer.stop()
    assert len(seen) == 1


# -- transfer settings -------------------------------------------------------------------------------------------
def test_transfer_panel_applies_live_and_saves_into_the_profile(qtbot: Any, page: Any) -> None:
    panel = page.transfer
    assert panel.files.value() == 2
    with qtbot.waitSignal(panel.saved, timeout=WAIT_MS):
        panel.bandwidth.setValue(1.5)
        panel.files.setValue(3)
        panel.parts.setValue(6)
        assert page.ctx.engine.limiter.rate == 1_500_000 and page.ctx.engine.concurrent_files == 3
    saved = page.ctx.workspace.profiles.require("Sandbox").transfer
    assert (saved.bandwidth_limit, saved.concurrent_files, saved.parts_in_flight) == (1_500_000, 3, 6)
    assert saved.part_size == 16 * 1024  # untouched fields keep their value
    assert page.ctx.workspace.sessions("Sandbox").transfer.parts_in_flight == 6  # the session was rebuilt
    with qtbot.waitSignal(panel.saved, timeout=WAIT_MS):
        panel.bandwidth.setValue(0)
    assert page.ctx.engine.limiter.rate == 0 and panel.bandwidth.text() == "Unlimited"


# -- quitting and reopening ----------------------------------------------------------------------------------------
def _start_two_slow_uploads(qtbot: Any, window: Any, media: Path) -> list[Path]:
    page = window.upload_page
    # Slow enough that neither file can finish between the check below and the quit, even on a loaded machine.
    page.ctx.engine.set_bandwidth_limit(40_000)
    paths = [write_file(media / f"big{n}.mp4", 600_000, seed=n) for n in range(2)]
    page.add_paths([str(p) for p in paths])
    qtbot.waitUntil(lambda: all((snap_for(page, p) is not None and snap_for(page, p).bytes_done > 20_000)
                                for p in paths), timeout=WAIT_MS)  # type: ignore[union-attr]
    return paths


def _reopen(qtbot: Any, tmp_path: Path, sandbox: Any, keyring: Any) -> tuple[Any, Any, list[Any]]:
    ctx = make_ctx(tmp_path / "home", sandbox, keyring)
    window = open_window(qtbot, ctx)
    added: list[Any] = []
    ctx.bridge.jobs_added.connect(added.extend)
    window.upload_page.load_queue(resume=ctx.settings.auto_resume)  # what run_app does after showing the window
    return ctx, window, added


def test_quit_pauses_and_reopen_resumes_without_a_new_video(qtbot: Any, main_window: Any, media: Path,
                                                            tmp_path: Path, sandbox: Any, control: SandboxControl,
                                                            keyring_backend: Any) -> None:
    ctx = main_window.ctx
    paths = _start_two_slow_uploads(qtbot, main_window, media)
    assert main_window.close()
    assert ctx.engine.shutdown(pause=True, timeout=10)
    items = ctx.workspace.store.items()
    assert [i.state for i in items] == ["paused", "paused"] and all(i.confirmed_bytes > 0 and i.media_id for i in items)
    close_ctx(ctx)

    ctx2, window2, added = _reopen(qtbot, tmp_path, sandbox, keyring_backend)
    try:
        page = window2.upload_page
        qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)
        assert all(s.bytes_done > 0 for s in added)  # restored with their progress
        for path in paths:
            wait_state(qtbot, page, path, S.DONE)
        # Resumed with RefreshUploadVideo, never a second video.
        assert len(ops(control.log(), "CreateUploadVideo")) == 2
        assert {snap_for(page, p).media_id for p in paths} == {i.media_id for i in items}  # type: ignore
    finally:
        close_ctx(ctx2)


def test_reopen_without_auto_resume_offers_resume_all(qtbot: Any, main_window: Any, media: Path, tmp_path: Path,
                                                      sandbox: Any, keyring_backend: Any) -> None:
    ctx = main_window.ctx
    ctx.settings_store.update(auto_resume=False)
    paths = _start_two_slow_uploads(qtbot, main_window, media)
    main_window.close()
    close_ctx(ctx)

    ctx2, window2, _added = _reopen(qtbot, tmp_path, sandbox, keyring_backend)
    try:
        page = window2.upload_page
        qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)
        assert all(state_of(page, p) is S.PAUSED for p in paths)
        assert all(0 < (cell(page, p, Column.PROGRESS, FRACTION_ROLE) or 0) < 1 for p in paths)
        qtbot.waitUntil(lambda: page.banner.isVisibleTo(page), timeout=WAIT_MS)
        assert "2 unfinished uploads" in page.banner_text.text()
        qtbot.waitUntil(page.act_resume_all.isEnabled)
        page.act_resume_all.trigger()
        for path in paths:
            wait_state(qtbot, page, path, S.DONE)
        assert not page.banner.isVisibleTo(page)
    finally:
        close_ctx(ctx2)
