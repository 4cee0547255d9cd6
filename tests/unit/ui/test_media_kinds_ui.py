"""The Upload page with more than videos: Add URL, the cover chooser, the subtitle offer, an HLS package as one
row (against the real sandbox)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import requests
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.helpers.media import make_hls, make_png, make_srt, web_server
from tests.helpers.workspace import write_file
from tests.unit.ui.upload_helpers import WAIT_MS, cell, held, select, snap_for, wait_state
from vodgui.core.transfer.events import JobState
from vodgui.sandbox.client import SandboxControl
from vodgui.ui.add_url_dialog import AddUrlDialog
from vodgui.ui.file_intake import SubtitleOffer
from vodgui.ui.queue_model import Column

S = JobState
TOOLTIP = Qt.ItemDataRole.ToolTipRole


def test_add_url_dialog_validates(qtbot: Any) -> None:
    dialog = AddUrlDialog("Sandbox")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.edit.setPlainText("https://example.com/a.mp4\nftp://example.com/b.mp4\n")
    assert not ok.isEnabled() and dialog.error.isVisibleTo(dialog) and "ftp://" in dialog.error.text()
    dialog.edit.setPlainText("https://example.com/a.mp4\n\n  http://example.com/b%20c.mp4 \nhttps://example.com/a.mp4")
    assert ok.isEnabled() and not dialog.error.isVisibleTo(dialog)
    assert dialog.urls() == ["https://example.com/a.mp4", "http://example.com/b%20c.mp4"]


def test_add_url_queues_an_upload_by_url_and_follows_it(qtbot: Any, page: Any, media: Path,
                                                       control: SandboxControl) -> None:
    (media / "site").mkdir()
    clip = write_file(media / "site" / "talk.mp4", 30_000, seed=1)
    with web_server(media / "site") as base:
        url = f"{base}/talk.mp4"
        page.ask_urls = lambda: [url, url]  # the same address twice is queued once
        page.act_add_url.trigger()
        qtbot.waitUntil(lambda: snap_for(page, url) is not None, timeout=WAIT_MS)
        assert cell(page, url, Column.FILE) == "talk.mp4"
        assert "Upload by URL" in cell(page, url, Column.FILE, TOOLTIP)
        done = wait_state(qtbot, page, url, S.DONE)
    assert page.model.rowCount() == 1 and done.kind == "url" and done.media_id
    assert cell(page, url, Column.PROGRESS) == "100%" and cell(page, url, Column.SIZE)
    video = control.video(done.media_id)
    assert control.object(video["bucket"], video["key"])["size"] == clip.stat().st_size
    select(page, url)
    assert page.act_play.isEnabled() and page.act_copy.isEnabled()


def test_a_running_url_upload_shows_no_made_up_progress(qtbot: Any, page: Any, media: Path, sandbox: Any) -> None:
    sandbox.config.settings.url_pull_delay = 2.0
    (media / "site").mkdir()
    write_file(media / "site" / "slow.mp4", 10_000, seed=2)
    with web_server(media / "site") as base:
        url = f"{base}/slow.mp4"
        page.add_urls([url])
        wait_state(qtbot, page, url, S.PREPARING, S.UPLOADING)
        assert cell(page, url, Column.PROGRESS) == "" and cell(page, url, Column.SIZE) == ""
        assert cell(page, url, Column.SPEED) == "" and cell(page, url, Column.ETA) == ""
        wait_state(qtbot, page, url, S.DONE)


def test_cover_chooser_sets_the_cover_of_an_uploaded_and_a_waiting_video(qtbot: Any, page: Any, media: Path,
                                                                        control: SandboxControl) -> None:
    first = write_file(media / "first.mp4", 20_000, seed=3)
    page.add_paths([str(first)])
    uploaded = wait_state(qtbot, page, first, S.DONE)
    held(page)
    second = write_file(media / "second.mp4", 20_000, seed=4)
    page.add_paths([str(second)])
    wait_state(qtbot, page, second, S.QUEUED)
    png = make_png(media / "cover.png", seed=5)
    select(page, first, second)
    button = page.details.cover_button
    qtbot.waitUntil(button.isEnabled)
    page.choose_cover_image = lambda: str(png)
    button.click()
    qtbot.waitUntil(lambda: snap_for(page, png) is not None, timeout=WAIT_MS)
    assert cell(page, png, Column.FILE, TOOLTIP).startswith("Cover image")
    page.ctx.engine.start_queue()
    cover = wait_state(qtbot, page, png, S.DONE)
    waited = wait_state(qtbot, page, second, S.DONE)
    assert cover.kind == "image" and cover.media_id
    for video_id in (uploaded.media_id, waited.media_id):
        url = control.video(video_id or "")["cover_url"]
        assert url and requests.get(url, timeout=10).content == png.read_bytes()
    # An image is no video: no cover for it, and nothing to play.
    select(page, png)
    qtbot.waitUntil(lambda: not button.isEnabled())
    assert not page.act_play.isEnabled() and page.act_copy.isEnabled()


def test_cover_chooser_refuses_an_unsupported_image(qtbot: Any, page: Any, media: Path) -> None:
    held(page)
    video = write_file(media / "clip.mp4", 1000, seed=6)
    page.add_paths([str(video)])
    wait_state(qtbot, page, video, S.QUEUED)
    select(page, video)
    bmp = write_file(media / "cover.bmp", 100)
    page.choose_cover_image = lambda: str(bmp)
    qtbot.waitUntil(page.details.cover_button.isEnabled)
    page.details.cover_button.click()
    assert "Supported: gif, jpeg, jpg, png" in page.message.text() and ".bmp" in page.message.text()
    assert page.model.rowCount() == 1


def test_subtitles_next_to_a_dropped_video_are_offered(qtbot: Any, page: Any, media: Path) -> None:
    held(page)
    video = write_file(media / "clip.mp4", 1000, seed=7)
    srt = make_srt(media / "clip.srt")
    vtt = media / "clip.zh.vtt"
    vtt.write_text("WEBVTT\n", encoding="utf-8")
    make_srt(media / "other.srt")  # next to no video of the batch: not offered
    offers: list[list[SubtitleOffer]] = []
    page.ask_subtitles = lambda found: offers.append(found) or True
    page.add_paths([str(video)])
    qtbot.waitUntil(lambda: page.model.rowCount() == 3, timeout=WAIT_MS)
    assert offers == [[SubtitleOffer(str(video), (str(srt), str(vtt)))]]
    for sub in (srt, vtt):
        snap = snap_for(page, sub)
        assert snap is not None and snap.kind == "attached" and snap.details.business_type == "subtitle"
        assert cell(page, sub, Column.FILE, TOOLTIP).startswith("Subtitles")
    qtbot.waitUntil(lambda: "subtitle" in page.message.text(), timeout=WAIT_MS)


def test_declined_subtitles_are_not_queued_and_a_package_is_one_row(qtbot: Any, page: Any, media: Path) -> None:
    held(page)
    folder = media / "shoot"
    folder.mkdir()
    video = write_file(folder / "clip.mp4", 1000, seed=8)
    make_srt(folder / "clip.srt")
    playlist = make_hls(folder / "hls", 3)
    page.ask_subtitles = lambda found: False
    page.add_paths([str(folder)])
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=WAIT_MS)
    page.ops.wait(5)
    assert {s.path for s in page.model.snapshots()} == {str(video), str(playlist)}
    package = snap_for(page, playlist)
    assert package is not None and package.kind == "m3u8" and package.details.segments == 3
    assert "HLS package" in cell(page, playlist, Column.FILE, TOOLTIP) and "3 segment" in cell(
        page, playlist, Column.FILE, TOOLTIP)
    page.ctx.engine.start_queue()
    done = wait_state(qtbot, page, playlist, S.DONE, timeout=WAIT_MS * 2)
    assert done.fraction == 1.0 and done.media_id
