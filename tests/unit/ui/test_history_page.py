"""The History page against the real sandbox: new uploads appear, statuses are polled until settled."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.helpers.vod import sample
from tests.helpers.workspace import write_file
from tests.unit.ui.conftest import add_sandbox_profiles
from vodgui.core.profiles import POLICY_UPLOAD_ONLY
from vodgui.core.store import QueueStore
from vodgui.core.transfer.events import JobState
from vodgui.core.transfer.record import JobRecord, Kind, VideoDetails
from vodgui.sandbox import SandboxServer
from vodgui.ui.format import iso_time
from vodgui.ui.history_model import STATUS_ROLE, Category, Column, HistoryModel
from vodgui.ui.history_page import CSV_COLUMNS, HistoryPage


def make_page(qtbot: Any, ctx: Any, interval_ms: int = 50) -> HistoryPage:
    page = HistoryPage(ctx)
    page.poll_timer.setInterval(interval_ms)
    qtbot.addWidget(page)
    page.resize(1000, 500)
    page.show()
    return page


def seed(store: QueueStore, video_id: str, title: str, profile: str = "Sandbox", status: str | None = None,
         size: int = 1000, path: str | None = None) -> None:
    """A finished upload in the history, as the engine writes it."""
    item = JobRecord(id=0, position=0, kind=Kind.VIDEO, path=path or f"/videos/{title}.mp4", size=size, mtime_ns=0,
                     metadata={}, profile=profile, state=JobState.DONE, details=VideoDetails(), media_id=video_id)
    store.add_history(item, title, "0")
    if status:
        store.update_history_status(video_id, status)


def statuses(page: HistoryPage) -> dict[str, str | None]:
    return {row.video_id: row.status for row in page.model.rows()}


def get_infos_calls(sandbox: SandboxServer, video_id: str) -> int:
    return sum(1 for e in sandbox.request_log.since(0)
               if e.get("op") in ("GetVideoInfos", "GetVideoInfo") and video_id in str(e))


def test_finished_upload_appears_and_is_polled_to_normal_then_polling_stops(
        qtbot: Any, ui_ctx: Any, sandbox: SandboxServer, control: Any, tmp_path: Path) -> None:
    sandbox.config.settings.transcode_delay = 60.0
    sandbox.config.settings.transcode_duration = 60.0
    page = make_page(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: page.footer.text() != "", timeout=5000)
    assert page.stack.currentWidget() is page.empty

    clip = sample("clip.mp4")  # real media: random bytes would end TranscodeFail
    [job] = ui_ctx.engine.add_files([str(clip)], "Sandbox", {"title": "第一个视频"})
    qtbot.waitUntil(lambda: ui_ctx.engine.snapshot(job).state is JobState.DONE, timeout=20000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    row = page.model.row(0)
    video_id = row.video_id
    assert video_id and row.record.title == "第一个视频" and row.record.profile == "Sandbox"
    assert page.stack.currentWidget() is page.table

    qtbot.waitUntil(lambda: statuses(page)[video_id] == "UploadSucc", timeout=5000)
    # VOD's status name in the cell, the friendly words in the tooltip (issue 13).
    assert page.proxy.index(0, Column.STATUS).data() == "UploadSucc"
    assert page.proxy.index(0, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole).startswith("Uploaded\n")
    assert page.pending() == {"Sandbox": [video_id]}

    control.clock(advance=61)
    qtbot.waitUntil(lambda: statuses(page)[video_id] == "Transcoding", timeout=5000)
    control.clock(advance=61)
    qtbot.waitUntil(lambda: statuses(page)[video_id] == "Normal", timeout=5000)
    assert page.proxy.index(0, Column.STATUS).data() == "Normal"
    assert page.proxy.index(0, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole).startswith("Ready\n")
    assert page.pending() == {}
    [stored] = ui_ctx.workspace.store.history()
    assert stored.media_status == "Normal" and stored.status_checked_at

    # Settled: more timer ticks, no more GetVideoInfos for it.
    qtbot.waitUntil(lambda: not page._checking, timeout=5000)
    calls, ticks = get_infos_calls(sandbox, video_id), page.ticks
    qtbot.waitUntil(lambda: page.ticks >= ticks + 5, timeout=5000)
    assert get_infos_calls(sandbox, video_id) == calls

    # The next start shows the stored status at once, without asking VOD.
    again = make_page(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: again.model.rowCount() == 1, timeout=5000)
    assert statuses(again) == {video_id: "Normal"}
    assert again.pending() == {}



def test_random_bytes_upload_ends_transcode_fail_in_history(qtbot: Any, ui_ctx: Any, tmp_path: Path) -> None:
    page = make_page(qtbot, ui_ctx)
    junk = write_file(tmp_path / "junk.mp4", 40 * 1024)  # random bytes named .mp4: not media
    [job] = ui_ctx.engine.add_files([str(junk)], "Sandbox", {"title": "junk"})
    qtbot.waitUntil(lambda: ui_ctx.engine.snapshot(job).state is JobState.DONE, timeout=20000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5000)
    video_id = page.model.row(0).video_id
    qtbot.waitUntil(lambda: statuses(page)[video_id] == "TranscodeFail", timeout=10000)
    assert page.proxy.index(0, Column.STATUS).data() == "TranscodeFail"
    assert "Transcoding failed" in page.proxy.index(0, Column.STATUS).data(Qt.ItemDataRole.ToolTipRole)


def test_filter_copy_playback_and_csv_export(qtbot: Any, ui_ctx: Any, tmp_path: Path) -> None:
    store = ui_ctx.workspace.store
    seed(store, "a" * 32, "城市夜景 Night city", status="Normal", size=2_500_000)
    seed(store, "b" * 32, "Product demo", status="TranscodeFail", path="/work/demo-final.mov")
    seed(store, "c" * 32, "Interview", status="Blocked")
    page = make_page(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=5000)
    assert page.pending() == {}  # all settled: nothing to poll

    page.search.setText("demo-final")  # the file name matches
    assert page.visible_video_ids() == ["b" * 32]
    page.search.setText("CCCC")  # VideoId, case-insensitive
    assert page.visible_video_ids() == ["c" * 32]
    page.search.setText("夜景")
    assert page.visible_video_ids() == ["a" * 32]
    page.search.clear()
    page.status_box.setCurrentIndex(page.status_box.findData(Category.FAILED))
    assert sorted(page.visible_video_ids()) == ["b" * 32, "c" * 32]
    page.status_box.setCurrentIndex(page.status_box.findData(Category.ALL))
    assert page.proxy.rowCount() == 3

    page.table.selectAll()
    page.table.setFocus()
    page.copy_action.trigger()
    assert sorted(QGuiApplication.clipboard().text().splitlines()) == ["a" * 32, "b" * 32, "c" * 32]
    with qtbot.waitSignal(ui_ctx.hub.open_in_playback, timeout=2000) as blocker:
        page.playback_button.click()
    assert sorted(blocker.args[0]) == ["a" * 32, "b" * 32, "c" * 32]

    page.search.setText("夜景 night")
    out = tmp_path / "history.csv"
    with qtbot.waitSignal(page.csv_exported, timeout=5000):
        page.export_csv(str(out))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == 2
    video_id, title, file, size, finished, profile, status, checked = rows[1]
    assert (video_id, title, size, profile, status) == ("a" * 32, "城市夜景 Night city", "2500000", "Sandbox", "Normal")
    assert file.endswith("城市夜景 Night city.mp4")
    assert finished[:4].isdigit() and "T" in finished
    # When VOD last said so: the seeded status was stored, not checked again (Normal is settled).
    stored = next(r for r in page.model.rows() if r.video_id == "a" * 32).record.status_checked_at
    assert stored is not None and checked == iso_time(stored)


def test_profiles_that_cannot_read_video_info_are_explained_not_polled(
        qtbot: Any, ui_ctx: Any, info: dict[str, Any]) -> None:
    add_sandbox_profiles(ui_ctx, info)
    upload_only = ui_ctx.workspace.profiles.require("sts-accesskey")
    upload_only.policy = POLICY_UPLOAD_ONLY
    ui_ctx.workspace.profiles.put(upload_only)
    ui_ctx.workspace.sessions.invalidate()
    store = ui_ctx.workspace.store
    seed(store, "d" * 32, "Through AppServer", profile="credential-appserver")
    seed(store, "e" * 32, "Upload-only role", profile="sts-accesskey")
    page = make_page(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: not page.banner.isHidden(), timeout=10000)
    qtbot.waitUntil(lambda: "Forbidden.RAM" in page.banner.text() and "AppServer" in page.banner.text(),
                    timeout=10000)
    assert page.pending() == {}  # neither profile is asked again
    for r in range(page.proxy.rowCount()):
        index = page.proxy.index(r, Column.STATUS)
        assert index.data() == "—"
        assert index.data(STATUS_ROLE) is None
        assert "Profile “" in index.data(Qt.ItemDataRole.ToolTipRole)
    # "Refresh status" asks again (the administrator may have fixed the policy).
    with qtbot.waitSignal(page.statuses_checked, timeout=10000) as blocker:
        page.refresh_button.click()
    assert set(blocker.args[0].problems) == {"credential-appserver", "sts-accesskey"}
    assert blocker.args[0].problems["sts-accesskey"].code == "Forbidden.RAM"


def test_deleted_videos_settle_as_not_found(qtbot: Any, ui_ctx: Any) -> None:
    seed(ui_ctx.workspace.store, "f" * 32, "Gone")
    page = make_page(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: statuses(page).get("f" * 32) == "NotFound", timeout=10000)
    assert page.proxy.index(0, Column.STATUS).data() == "Deleted"
    assert page.pending() == {}


def test_model_passes_the_model_tester(qtmodeltester: Any, tmp_path: Path) -> None:
    store = QueueStore(tmp_path / "q.sqlite3")
    try:
        for i, status in enumerate(("Normal", "Transcoding", None)):
            seed(store, f"{i:032d}", f"video {i}", status=status)
        model = HistoryModel()
        model.merge(store.history())
        assert model.merge(store.history()) == 0  # merging again adds nothing
        qtmodeltester.check(model)
    finally:
        store.close()
