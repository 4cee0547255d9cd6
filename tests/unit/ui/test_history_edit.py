"""Editing videos from the History page: the details editor reads what VOD has (GetVideoInfos), saves the changed
fields in every selected video (UpdateVideoInfo, off the GUI thread) and lists each video's result."""

from __future__ import annotations

from typing import Any

from aliyunsdkvod.request.v20170321.DeleteVideoRequest import DeleteVideoRequest

from tests.helpers import a11y
from tests.helpers.vod import create_video, vod
from tests.unit.ui.test_history_page import make_page, seed
from vodgui.core.transfer.events import JobState
from vodgui.core.transfer.record import ImageDetails, JobRecord, Kind
from vodgui.sandbox.client import SandboxControl

WAIT_MS = 15_000


def test_two_videos_get_tags_and_a_category_from_the_catalog_picker(qtbot: Any, ui_ctx: Any, info: dict[str, Any],
                                                                    control: SandboxControl) -> None:
    a = create_video(info, title="First", Description="Shared words", Tags="old")["VideoId"]
    b = create_video(info, title="Second", Description="Shared words")["VideoId"]
    seed(ui_ctx.workspace.store, a, "First")
    seed(ui_ctx.workspace.store, b, "Second")
    page = make_page(qtbot, ui_ctx, interval_ms=60_000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)
    assert not page.edit_button.isEnabled()
    page.table.selectAll()
    assert page.edit_button.isEnabled()

    dialog = page.edit_details()
    assert dialog is not None and dialog.windowTitle() == "Edit 2 videos in VOD"
    form = dialog.form
    qtbot.waitUntil(form.isEnabled, timeout=WAIT_MS)
    assert form.text("description") == "Shared words"  # the same in both
    assert form.text("title") == "" and "Several values" in form.inputs["title"].placeholderText()
    # Only what UpdateVideoInfo changes is offered.
    assert form.inputs["tags"].isVisibleTo(dialog) and not form.inputs["template_group_id"].isVisibleTo(dialog)
    assert not dialog.apply_button.isEnabled()  # nothing changed yet
    unnamed = [f"{c.role} {c.path}" for c in a11y.controls([dialog]) if not c.name]
    assert not unnamed  # a screen reader can name every control of the editor

    form.inputs["tags"].setText("launch, 2026")
    field = form.inputs["cate_id"]
    dialog.catalog_menus.refresh("cate_id", field)  # what the button in the field does on first use
    qtbot.waitUntil(lambda: dialog.catalog_menus.menu is not None, timeout=WAIT_MS)
    menu = dialog.catalog_menus.menu
    sports = next(act for act in menu.actions() if act.text().startswith("Sports"))
    sports.trigger()
    menu.close()
    cate_id = int(field.text())
    assert dialog.apply_button.isEnabled()

    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as blocker:
        dialog.apply_button.click()
    assert blocker.args[0] == {a: None, b: None}
    for video_id, title in ((a, "First"), (b, "Second")):
        video = control.video(video_id)
        assert video["tags"] in (["launch", "2026"], "launch,2026") and video["cate_id"] == cate_id
        assert video["title"] == title and video["description"] == "Shared words"  # untouched fields stay
    lines = {dialog.results.item(i).text() for i in range(dialog.results.count())}
    assert lines == {f"✓ First: Details saved in VOD (UpdateVideoInfo) for video {a}.",
                     f"✓ Second: Details saved in VOD (UpdateVideoInfo) for video {b}."}
    assert page.footer.text() == "Details saved in VOD for 2 videos."
    assert not dialog.apply_button.isEnabled()  # saved: the form is clean again
    dialog.reject()


def test_each_video_says_how_it_went_and_a_new_title_shows_in_history(qtbot: Any, ui_ctx: Any,
                                                                      info: dict[str, Any],
                                                                      control: SandboxControl) -> None:
    kept = create_video(info, title="Kept")["VideoId"]
    gone = create_video(info, title="Gone")["VideoId"]
    store = ui_ctx.workspace.store
    seed(store, kept, "Kept")
    seed(store, gone, "Gone")
    image = JobRecord(id=0, position=0, kind=Kind.IMAGE, path="/img/poster.png", size=10, mtime_ns=0, metadata={},
                      profile="Sandbox", state=JobState.DONE, details=ImageDetails(), media_id="f" * 32)
    store.add_history(image, "poster", "0")
    page = make_page(qtbot, ui_ctx, interval_ms=60_000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=WAIT_MS)
    image_row = next(r for r in range(page.proxy.rowCount())
                     if page.model.row(page.proxy.mapToSource(page.proxy.index(r, 0)).row()).video_id == "f" * 32)
    page.table.selectRow(image_row)
    assert not page.edit_button.isEnabled()  # an image has no UpdateVideoInfo
    page.table.selectAll()
    assert {v.video_id for v in page.edit_details().videos} == {kept, gone}  # the image is left out
    dialog = page.details_dialog
    qtbot.waitUntil(dialog.form.isEnabled, timeout=WAIT_MS)

    req = DeleteVideoRequest()  # deleted in the console while the editor is open
    req.set_VideoIds(gone)
    vod(info, req)
    dialog.form.inputs["title"].setText("Renamed")
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as blocker:
        dialog.apply_button.click()
    results = blocker.args[0]
    assert results[kept] is None and results[gone].code == "InvalidVideo.NotFound"
    assert control.video(kept)["title"] == "Renamed"
    [failed] = [dialog.results.item(i) for i in range(dialog.results.count())
                if dialog.results.item(i).text().startswith("✗ Gone: ")]
    assert "does not exist" in failed.text() and "InvalidVideo.NotFound" in failed.toolTip()
    assert "RequestId" in failed.toolTip()
    assert "Not saved: 1" in dialog.status.text()
    assert page.footer.text() == "Details saved in VOD for 1 video. Not saved for 1 (see the dialog)."
    titles = {row.video_id: row.record.title for row in page.model.rows()}
    assert titles[kept] == "Renamed" and titles[gone] == "Gone"
    assert {h.video_id: h.title for h in store.history()}[kept] == "Renamed"  # kept for the next start


def test_a_cover_image_chosen_in_the_editor_becomes_the_cover_of_the_videos(
        qtbot: Any, ui_ctx: Any, info: dict[str, Any], control: SandboxControl, tmp_path: Any) -> None:
    from tests.helpers.workspace import write_file

    ids = [create_video(info, title=name)["VideoId"] for name in ("One", "Two")]
    for video_id, name in zip(ids, ("One", "Two"), strict=True):
        seed(ui_ctx.workspace.store, video_id, name)
    page = make_page(qtbot, ui_ctx, interval_ms=60_000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)
    page.table.selectAll()
    dialog = page.edit_details()
    qtbot.waitUntil(dialog.form.isEnabled, timeout=WAIT_MS)
    poster = write_file(tmp_path / "poster.png", 3000, seed=5)
    dialog.choose_cover_image = lambda: str(poster)
    with qtbot.waitSignal(dialog.cover_queued, timeout=WAIT_MS) as blocker:
        dialog.cover_button.click()
    assert blocker.args == [2] and "poster.png" in dialog.status.text()
    # The image goes up through the queue, then UpdateVideoInfo(CoverURL) for both videos.
    qtbot.waitUntil(lambda: [s.state for s in ui_ctx.engine.snapshots() if s.path == str(poster)]
                    == [JobState.DONE], timeout=WAIT_MS)
    [image] = [s for s in ui_ctx.engine.snapshots() if s.path == str(poster)]
    image_key = control.video(image.media_id)["key"]
    assert all(image_key in control.video(v)["cover_url"] for v in ids)
