"""The Playback page end to end against the sandbox: paste ids, get a PlayAuth, live countdown, the player's check,
the GetPlayInfo explorer, a real preview of an uploaded H.264 clip, status follow-up, batch check and export."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path
from typing import Any

import pytest
from aliyunsdkvod.request.v20170321.DeleteVideoRequest import DeleteVideoRequest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.helpers.media import ffmpeg
from tests.helpers.vod import needs_ffmpeg, vod
from tests.unit.ui.conftest import add_sandbox_profiles
from tests.unit.ui.upload_helpers import wait_finished
from vodgui.core.credentials import Secret
from vodgui.core.playback import PlayAuthResult, VideoMeta, decode_play_auth
from vodgui.core.transfer.events import JobState
from vodgui.sandbox import SandboxServer
from vodgui.sandbox.client import SandboxControl
from vodgui.ui.playauth_panels import PlayAuthPanel
from vodgui.ui.style import Tone, tone_color

pytestmark = needs_ffmpeg


@pytest.fixture(scope="module")
def clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """1.5 s of 320x240 H.264 (yuv420p, moov first), without audio: Qt's FFmpeg backend can deadlock in
    QMediaPlayer.stop() while its audio renderer waits on a machine with no sound server (seen once in a dozen runs
    in CI's Debian root); these tests are about the picture, the PlayAuth and the streams."""
    return ffmpeg("-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-t", "1.5", "-pix_fmt", "yuv420p",
                  "-c:v", "libx264", "-movflags", "+faststart",
                  out=tmp_path_factory.mktemp("media") / "preview.mp4")


def upload(qtbot: Any, ctx: Any, path: Path, profile: str = "Sandbox") -> str:
    """Upload through the app's own engine; the VideoId once it is done."""
    [job_id] = ctx.engine.add_files([str(path)], profile)
    [snap] = wait_finished(qtbot, ctx.engine, [job_id], timeout=20000)
    assert snap.state is JobState.DONE, snap.error
    return str(snap.media_id)


def get_play_auth(qtbot: Any, page: Any) -> PlayAuthResult:
    with qtbot.waitSignal(page.play_auth_received, timeout=10000) as blocker:
        qtbot.mouseClick(page.get_button, Qt.MouseButton.LeftButton)
    result: PlayAuthResult = blocker.args[0]
    return result


def test_the_page_end_to_end(qtbot: Any, main_window: Any, ui_ctx: Any, clip: Path) -> None:
    video_id = upload(qtbot, ui_ctx, clip)
    page = main_window.playback_page
    ui_ctx.hub.open_in_playback.emit([video_id])
    assert main_window.stack.currentWidget() is page
    assert page.current_video() == video_id

    page.ids_edit.setPlainText(f"{video_id}, {'f' * 32}\n")
    assert [page.video_combo.itemText(i) for i in range(page.video_combo.count())] == [video_id, "f" * 32]
    assert page.current_video() == video_id
    page.timeout_spin.setValue(300)
    result = get_play_auth(qtbot, page)
    panel = page.playauth_panel

    # Masked by default; Show reveals it and the secrets inside; Copy copies the real thing.
    assert panel.field.text() == result.masked() and "…(" in panel.field.text()
    token = result.decoded.security_token
    assert token is not None
    tree_text = json.dumps(tree_items(panel))
    assert "AuthInfo" in tree_text and "ExpireTime" in tree_text and token.reveal() not in tree_text
    panel.show_button.click()
    assert panel.field.text() == result.play_auth.reveal()
    assert token.reveal() in json.dumps(tree_items(panel))
    panel.show_button.click()
    assert panel.field.text() == result.masked()
    panel.copy_button.click()
    assert QGuiApplication.clipboard().text() == result.play_auth.reveal()

    assert page.meta_panel.status.text() == "Normal" and page.meta_panel.title_label.text() == "preview"
    assert page.meta_panel.duration.text() == "0:02"

    # The countdown is live, and turns red once the AuthInfo has expired.
    first = panel.countdown_text()
    assert "expires in" in first
    qtbot.waitUntil(lambda: panel.countdown_text() != first, timeout=3000)
    panel.now = lambda: time.time() + 400
    qtbot.waitUntil(lambda: "expired" in panel.countdown_text(), timeout=3000)
    assert panel.countdown.property("tone") == Tone.ERROR_VERDICT
    panel.now = time.time

    with qtbot.waitSignal(page.check_finished, timeout=10000) as checked:
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    assert checked.args[0].ok and checked.args[0].via == "playauth"
    assert "Pass" in page.check_panel.verdict.text()
    assert page.playinfo_panel.table.rowCount() == 1  # what the player got

    explorer = page.playinfo_panel
    explorer.formats.setText("mp4")
    explorer.auth_timeout.setValue(600)
    explorer.play_config.setText("{bad json")
    assert not explorer.get_button.isEnabled() and tone_color(Tone.ERROR).name() in explorer.play_config.styleSheet()
    explorer.play_config.setText('{"PlayDomain": "vod.example.com"}')
    assert explorer.get_button.isEnabled()
    with qtbot.waitSignal(page.play_info_received, timeout=10000):
        qtbot.mouseClick(explorer.get_button, Qt.MouseButton.LeftButton)
    table = explorer.table
    assert table.rowCount() == 1
    row = [table.item(0, c).text() for c in range(table.columnCount())]
    assert row[:3] == ["mp4", "OD", "320x240"] and "kbps" in row[3] and row[6] == "none"
    assert "auth_key=" in row[8] and "***" in row[8]  # the URL's signature is masked

    # The preview decodes real frames of the uploaded clip, fetched from the CDN URL.
    player = page.player
    with qtbot.waitSignal(player.video_sink.videoFrameChanged, timeout=20000):
        qtbot.mouseClick(explorer.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: player.duration_ms > 0, timeout=20000)
    assert player.duration_ms == pytest.approx(1500, abs=150)
    assert player.frames_seen >= 1
    image = player.view.current_image()
    assert image is not None and (image.width(), image.height()) == (320, 240)
    assert player.time_label.text().endswith("/ 0:02")
    assert not player.error_label.isVisible()
    player.stop()


def test_a_preview_of_an_expired_url_shows_the_error(qtbot: Any, main_window: Any, ui_ctx: Any, clip: Path,
                                                     control: SandboxControl) -> None:
    page = main_window.playback_page
    ui_ctx.hub.open_in_playback.emit([upload(qtbot, ui_ctx, clip)])
    page.playinfo_panel.auth_timeout.setValue(1)
    with qtbot.waitSignal(page.play_info_received, timeout=60000):
        page.get_play_info()
    control.clock(advance=30)  # the CDN now refuses the URL (403)
    with qtbot.waitSignal(page.player.error_shown, timeout=20000) as shown:
        page.preview_row(0)
    assert "403" in shown.args[0] and "auth_key" in shown.args[0]
    assert page.player.error_label.isVisible() and page.player.frames_seen == 0
    page.player.stop()


def tree_items(panel: PlayAuthPanel) -> list[list[str]]:
    out = []
    stack = [panel.tree.invisibleRootItem()]
    while stack:
        item = stack.pop()
        for i in range(item.childCount()):
            child = item.child(i)
            out.append([child.text(0), child.text(1)])
            stack.append(child)
    return out


def test_an_expired_play_auth_fails_the_check(qtbot: Any, main_window: Any, ui_ctx: Any, clip: Path,
                                              control: SandboxControl) -> None:
    page = main_window.playback_page
    ui_ctx.hub.open_in_playback.emit([upload(qtbot, ui_ctx, clip)])
    get_play_auth(qtbot, page)
    control.clock(advance=101)
    with qtbot.waitSignal(page.check_finished, timeout=10000) as checked:
        page.check_as_player()
    assert checked.args[0].code == "InvalidAuthInfo.ExpireTime"
    assert "Fail" in page.check_panel.verdict.text() and "expired" in page.check_panel.explanation.text()
    assert "InvalidAuthInfo.ExpireTime" in page.check_panel.technical.text()


def test_watch_a_transcoding_video_until_it_plays(qtbot: Any, main_window: Any, ui_ctx: Any, clip: Path,
                                                  sandbox: SandboxServer, control: SandboxControl) -> None:
    sandbox.config.settings.transcode_duration = 600
    page = main_window.playback_page
    ui_ctx.hub.open_in_playback.emit([upload(qtbot, ui_ctx, clip)])
    with qtbot.waitSignal(page.play_auth_failed, timeout=10000):
        page.get_play_auth()
    assert page.banner.isVisible() and "Transcoding" in page.banner_label.text()
    assert page.watch_box.isVisible() and page.meta_panel.status.text() == "Transcoding"

    page.watch_interval_ms = 50
    with qtbot.waitSignal(page.status_polled, timeout=10000) as polled:
        page.watch_box.setChecked(True)
    assert polled.args == ["Transcoding"]
    assert "Last checked" in page.banner_label.text()
    with qtbot.waitSignal(page.check_finished, timeout=15000) as checked:
        control.clock(advance=601)
    assert checked.args[0].ok
    assert not page.banner.isVisible() and not page.watch_box.isChecked()
    assert page.meta_panel.status.text() == "Normal" and page.playauth_panel.result is not None


def test_unknown_and_deleted_videos(qtbot: Any, main_window: Any, ui_ctx: Any, clip: Path,
                                    info: dict[str, Any]) -> None:
    page = main_window.playback_page
    ui_ctx.hub.open_in_playback.emit(["0" * 32])
    with qtbot.waitSignal(page.play_auth_failed, timeout=10000):
        page.get_play_auth()
    assert "does not exist" in page.playauth_panel.error_label.text()
    assert "InvalidVideo.NotFound" in page.playauth_panel.error_text()
    with qtbot.waitSignal(page.check_finished, timeout=10000) as checked:
        page.check_as_player()  # no PlayAuth yet: gets one first, and that already fails
    assert (checked.args[0].ok, checked.args[0].code, checked.args[0].via) == (False, "InvalidVideo.NotFound", "none")
    assert "Fail" in page.check_panel.verdict.text()

    video_id = upload(qtbot, ui_ctx, clip)
    ui_ctx.hub.open_in_playback.emit([video_id])
    get_play_auth(qtbot, page)
    req = DeleteVideoRequest()
    req.set_VideoIds(video_id)
    vod(info, req)
    with qtbot.waitSignal(page.check_finished, timeout=10000) as checked:
        page.check_as_player()
    assert (checked.args[0].code, checked.args[0].via) == ("InvalidVideo.NotFound", "playauth")
    assert "does not exist" in page.check_panel.explanation.text()


def test_batch_check_and_export(qtbot: Any, main_window: Any, ui_ctx: Any, clip: Path, tmp_path: Path) -> None:
    good = upload(qtbot, ui_ctx, clip)
    page = main_window.playback_page
    ui_ctx.hub.open_in_playback.emit([good, "0" * 32])
    batch = page.batch_panel
    batch.timeouts.setText("100, 3000")
    with qtbot.waitSignal(batch.finished, timeout=30000) as done:
        qtbot.mouseClick(batch.run_button, Qt.MouseButton.LeftButton)
    results = done.args[0]
    assert [(r.video_id, r.timeout, r.passed) for r in results] == [
        (good, 100, True), (good, 3000, True), ("0" * 32, 100, False), ("0" * 32, 3000, False)]
    assert batch.table.rowCount() == 4
    assert batch.table.item(2, 6).text() == "InvalidVideo.NotFound"
    assert "2 of 4 passed" in batch.progress.text()

    batch.export(str(tmp_path / "out.csv"), "csv")
    rows = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8-sig")))
    assert [(r["video_id"], r["check_ok"]) for r in rows] == [
        (good, "true"), (good, "true"), ("0" * 32, "false"), ("0" * 32, "false")]
    batch.export(str(tmp_path / "out.json"), "json")
    data = json.loads((tmp_path / "out.json").read_text())
    assert len(data) == 4 and data[0]["check"]["ok"] is True
    first = results[0].play_auth
    assert first.play_auth.reveal() not in (tmp_path / "out.json").read_text()

    batch.timeouts.setText("50")
    assert not batch.start() and "AuthInfoTimeout" in batch.progress.text()


def test_a_profile_without_vod_access_is_explained(qtbot: Any, main_window: Any, ui_ctx: Any,
                                                   info: dict[str, Any]) -> None:
    add_sandbox_profiles(ui_ctx, info)
    ui_ctx.hub.profiles_changed.emit()
    page = main_window.playback_page
    ui_ctx.hub.open_in_playback.emit(["0" * 32])
    ui_ctx.select_profile("credential-appserver")
    assert page.banner.isVisible() and "AppServer" in page.banner_label.text()
    assert not page.get_button.isEnabled() and not page.check_button.isEnabled()
    ui_ctx.select_profile("sts-accesskey")
    assert page.get_button.isEnabled() and not page.banner.isVisible()


def test_an_opaque_play_auth_is_stated_plainly(qtbot: Any) -> None:
    panel = PlayAuthPanel()
    qtbot.addWidget(panel)
    text = "v2-encrypted-opaque-playauth-value"
    result = PlayAuthResult("a" * 32, Secret(text), VideoMeta("a" * 32), "RID", 100, time.time(),
                            decode_play_auth(text))
    panel.show_result(result)
    assert not panel.opaque_label.isHidden() and "Opaque" in panel.opaque_label.text()
    assert "estimated" in panel.countdown_text()
    assert tree_items(panel) == [["format", "opaque"], ["reason", result.decoded.reason.english()]]


def test_the_video_list_is_filled_from_history(qtbot: Any, main_window: Any, ui_ctx: Any, clip: Path) -> None:
    video_id = upload(qtbot, ui_ctx, clip)
    [record] = ui_ctx.workspace.store.history()
    page = main_window.playback_page
    with qtbot.waitSignal(page.recent_loaded, timeout=5_000):
        main_window.nav.setCurrentRow(2)
    assert page.video_ids() == [video_id] and page.current_video() == video_id
    assert page.video_combo.currentText() == f"{video_id} · {record.title}"


def test_both_verdicts_fit_without_scrolling_at_the_default_size(qtbot: Any, main_window: Any, ui_ctx: Any,
                                                                 clip: Path) -> None:
    """Issue 13: at the default 1180x720 the VidAuth and VidSts verdicts, with their explanation, RequestId and how
    they were checked, are read without scrolling (the video summary above them is two compact lines)."""
    from PySide6.QtWidgets import QScrollArea

    main_window.resize(1180, 720)
    video_id = upload(qtbot, ui_ctx, clip)
    page = main_window.playback_page
    ui_ctx.hub.open_in_playback.emit([video_id])
    page.timeout_spin.setValue(300)
    with qtbot.waitSignal(page.check_finished, timeout=60000):
        qtbot.mouseClick(page.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Fail" in page.sts_panel.verdict.text(), timeout=60000)  # an AccessKey profile
    panels = (page.check_panel, page.sts_panel)
    assert all(p.technical.text() and p.via.text() for p in panels)

    def room(panel: Any) -> tuple[str, int, int]:
        scroll = panel.findChild(QScrollArea)
        body, viewport = scroll.widget(), scroll.viewport()
        needed = body.heightForWidth(viewport.width()) if body.hasHeightForWidth() else body.sizeHint().height()
        return panel.title(), needed, viewport.height()

    def fits() -> None:
        for panel in panels:
            _, needed, height = room(panel)
            assert 0 < needed <= height, room(panel)
    # Layout requests climb one level per turn of the event loop: the new texts settle within a few turns (a
    # timeout re-raises the last numbers).
    qtbot.waitUntil(fits, timeout=3000)
    assert page.meta_panel.cover.text() == "(none)"

    # At the minimum window size (960x600 on an ordinary screen) the page may scroll down, never sideways, with
    # streams listed and the preview's definition switcher showing.
    page.playinfo_panel.formats.setText("mp4")
    with qtbot.waitSignal(page.play_info_received, timeout=60000):
        page.get_play_info()
    page.player.set_definitions(["OD · mp4 · 640x360", "LD · mp4 · 854x480", "SD · mp4 · 1280x720"], 0)
    main_window.resize(960, 600)

    def no_sideways_scroll() -> None:
        needed, available = page.scroll.widget().minimumSizeHint().width(), page.scroll.viewport().width()
        assert needed <= available, (needed, available)
    qtbot.waitUntil(no_sideways_scroll, timeout=3000)
