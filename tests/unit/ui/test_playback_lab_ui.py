"""The Playback page's lab: renditions in the preview (HLS, encrypted HLS, definition switcher, click-to-seek,
mute), JWTPlayAuth, URL signing, the GetPlayInfo matrix, VidSts beside VidAuth, remembered inputs."""

from __future__ import annotations

from typing import Any

import pytest
from aliyunsdkvod.request.v20170321.ListTranscodeTemplateGroupRequest import ListTranscodeTemplateGroupRequest
from PySide6.QtCore import QPoint, Qt

from tests.helpers.vod import create_video, needs_ffmpeg, sample, upload, vod, wait_status
from tests.unit.ui.conftest import add_sandbox_profiles
from vodgui.core import jwt_playauth
from vodgui.core.playback import PlayInfo
from vodgui.sandbox import SandboxServer

pytestmark = needs_ffmpeg


def transcoded(sandbox: SandboxServer, group_name: str) -> str:
    """A 6 s clip uploaded with the official SDKs into ``group_name``, transcoded for real (tiny scale)."""
    sandbox.config.settings.transcode_mode = "full"
    info = sandbox.info()
    groups = vod(info, ListTranscodeTemplateGroupRequest())["TranscodeTemplateGroupList"]
    group = next(g["TranscodeTemplateGroupId"] for g in groups if g["Name"] == group_name)
    created = create_video(info, file_name="six.mp4", TemplateGroupId=group)
    upload(created, sample("six.mp4"))
    wait_status(info, created["VideoId"], {"Normal"})
    return str(created["VideoId"])


def play_info(qtbot: Any, page: Any, formats: str = "", definition: str = "") -> PlayInfo:
    page.playinfo_panel.formats.setText(formats)
    page.playinfo_panel.definition.setText(definition)
    with qtbot.waitSignal(page.play_info_received, timeout=10000) as blocker:
        page.get_play_info()
    info: PlayInfo = blocker.args[0]
    return info


def wait_frames(qtbot: Any, player: Any, more_than: int = 0) -> None:
    qtbot.waitUntil(lambda: player.frames_seen > more_than, timeout=15000)


def test_preview_plays_hls_and_switches_definition(qtbot: Any, main_window: Any, sandbox: SandboxServer) -> None:
    video_id = transcoded(sandbox, "Multi-definition MP4 + HLS")
    page = main_window.playback_page
    page.show_videos([video_id])
    info = play_info(qtbot, page, formats="m3u8")
    assert [s.definition for s in info.streams] == ["LD", "SD", "HD"]
    page.preview_row(1)
    wait_frames(qtbot, page.player)
    frame = page.player.video_sink.videoFrame()
    assert (frame.width(), frame.height()) == (120, 90)  # the SD rendition at the tests' 1/8 scale
    combo = page.player.definition_combo
    assert not combo.isHidden() and combo.count() == 3 and combo.currentText().startswith("SD")
    seen = page.player.frames_seen
    combo.setCurrentIndex(2)
    combo.activated.emit(2)
    qtbot.waitUntil(lambda: page.player.frames_seen > seen and page.player.video_sink.videoFrame().height() == 136,
                    timeout=15000)
    assert page.player.title_label.text().startswith("HD")


def test_preview_decodes_encrypted_hls(qtbot: Any, main_window: Any, sandbox: SandboxServer) -> None:
    video_id = transcoded(sandbox, "HLS standard encryption")
    page = main_window.playback_page
    page.show_videos([video_id])
    info = play_info(qtbot, page, definition="LD")
    [stream] = info.streams
    assert stream.encrypt and stream.encrypt_type == "HLSEncryption"
    assert "MtsHlsUriToken=" in page.stream_url(stream)
    page.playinfo_panel.hls_token.setText("123-mine")  # a token from your own token service wins
    assert page.stream_url(stream).endswith("MtsHlsUriToken=123-mine")
    page.playinfo_panel.hls_token.clear()
    page.preview_row(0)
    wait_frames(qtbot, page.player)
    assert page.player.video_sink.videoFrame().height() == 60
    assert "🔒" in page.player.title_label.text()


def test_click_to_seek_and_mute(qtbot: Any, main_window: Any, sandbox: SandboxServer) -> None:
    video_id = transcoded(sandbox, "Multi-definition MP4 + HLS")
    page = main_window.playback_page
    page.show_videos([video_id])
    play_info(qtbot, page, formats="mp4", definition="LD")
    page.preview_row(0)
    player = page.player
    qtbot.waitUntil(lambda: player.duration_ms > 5000, timeout=15000)
    player.player.pause()
    slider = player.position
    x = next(x for x in range(slider.width()) if slider.value_at(x) >= slider.maximum() * 3 // 4)
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(x, slider.height() // 2))
    target = slider.value()
    assert abs(target - player.duration_ms * 3 / 4) < player.duration_ms * 0.05
    qtbot.waitUntil(lambda: abs(player.player.position() - target) < 600, timeout=10000)

    assert not player.audio.isMuted() and player.mute_button.toolTip() == "Mute"
    qtbot.mouseClick(player.mute_button, Qt.MouseButton.LeftButton)
    assert player.audio.isMuted() and player.mute_button.toolTip() == "Unmute"


def test_jwt_tab_makes_inspects_and_checks(qtbot: Any, main_window: Any, sandbox: SandboxServer) -> None:
    video_id = transcoded(sandbox, "Multi-definition MP4 + HLS")
    page = main_window.playback_page
    page.show_videos([video_id])
    panel = page.jwt_panel
    panel.formats_edit.setText("m3u8")
    panel.make()
    qtbot.waitUntil(lambda: panel.tree.topLevelItemCount() == 2, timeout=10000)  # {panel.verdict.text()}
    assert "…(" in panel.token_edit.text() and panel.token().count(".") == 2
    claims = panel.tree.topLevelItem(1)
    values = {claims.child(i).text(0): claims.child(i).text(1) for i in range(claims.childCount())}
    assert values["videoId"] == video_id and values["regionId"] == "cn-shanghai"
    assert "verified with the PlayKey" in panel.findings.text()
    with qtbot.waitSignal(panel.checked, timeout=10000) as blocker:
        panel.check()
    check = blocker.args[0]
    assert check.ok and {s.format for s in check.streams} == {"m3u8"}

    # A JWT signed with another key fails, and says why.
    panel._token = jwt_playauth.generate(video_id, "NotThePlayKey1", region="cn-shanghai")
    with qtbot.waitSignal(panel.checked, timeout=10000) as blocker:
        panel.check()
    assert blocker.args[0].code == "jwt_signature" and "PlayKey" in panel.findings.text()


@pytest.mark.parametrize("auth_type", ["A", "C"])
def test_url_signing_tab_signs_a_url_the_cdn_serves(qtbot: Any, main_window: Any, sandbox: SandboxServer,
                                                    auth_type: str) -> None:
    sandbox.config.settings.cdn_auth_type = auth_type
    info = sandbox.info()
    created = create_video(info, file_name="clip.mp4")
    upload(created, sample("clip.mp4"))
    page = main_window.playback_page
    page.show_videos([created["VideoId"]])
    stream = play_info(qtbot, page).streams[0]
    panel = page.urlsign_panel
    panel.url_edit.setText(stream.url.split("?")[0])
    panel.type_combo.setCurrentText(auth_type)
    qtbot.mouseClick(panel.sandbox_button, Qt.MouseButton.LeftButton)
    assert panel.key_edit.text() == info["cdn_auth_key"]
    assert panel.sign(), panel.result.text()
    with qtbot.waitSignal(panel.probed, timeout=10000) as blocker:
        qtbot.mouseClick(panel.try_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0].status in (200, 206)
    signed = panel.signed_edit.text()
    panel.url_edit.setText(signed.replace("clip", "clap") if "clip" in signed else signed.replace(".mp4", ".mp5"))
    verdict = panel.verify()
    assert verdict.code in ("url_path_changed", "url_bad_signature") and not verdict.ok
    assert panel.result.text()


def test_matrix_tab_explains_refusals(qtbot: Any, main_window: Any, sandbox: SandboxServer) -> None:
    video_id = transcoded(sandbox, "Multi-definition MP4 + HLS")
    page = main_window.playback_page
    page.show_videos([video_id])
    panel = page.matrix_panel
    assert len(panel.dimensions["definitions"]) == 5 and len(panel.dimensions["result_types"]) == 2  # 180 calls
    panel.dimensions.update(output_types=("cdn",), result_types=("Single",))  # 45 calls keep the test short
    with qtbot.waitSignal(panel.finished, timeout=60000):
        panel.run()
    assert panel.table.rowCount() == len(panel.cells) == 45
    panel.only_refused.setCurrentIndex(2)
    whys = {panel.table.item(r, 6).text() for r in range(panel.table.rowCount())}
    assert any(w.startswith("No stream matches Formats=m3u8 Definition=OD") for w in whys)


def test_vidsts_verdict_beside_vidauth(qtbot: Any, main_window: Any, ui_ctx: Any, sandbox: SandboxServer) -> None:
    info = sandbox.info()
    created = create_video(info, file_name="clip.mp4")
    upload(created, sample("clip.mp4"))
    add_sandbox_profiles(ui_ctx, info)
    page = main_window.playback_page
    page.show_videos([created["VideoId"]])
    ui_ctx.select_profile("credential-accesskey")
    with qtbot.waitSignal(page.sts_check_finished, timeout=10000) as blocker:
        page.check_as_player()
    assert blocker.args[0].code == "VidSts.NoToken"
    assert "STS-mode profile" in page.sts_panel.explanation.text()
    ui_ctx.select_profile("sts-accesskey")
    with qtbot.waitSignal(page.sts_check_finished, timeout=10000) as blocker:
        page.check_as_player()
    assert blocker.args[0].ok and blocker.args[0].via == "sts"
    qtbot.waitUntil(lambda: "Pass" in page.check_panel.verdict.text(), timeout=10000)
    assert "Pass" in page.sts_panel.verdict.text()


def test_inputs_are_remembered(qtbot: Any, ui_ctx: Any, sandbox: SandboxServer, tmp_path: Any) -> None:
    from vodgui.ui.playback_page import PlaybackPage

    page = PlaybackPage(ui_ctx)
    qtbot.addWidget(page)
    page.timeout_spin.setValue(1200)
    page.urlsign_panel.type_combo.setCurrentText("B")
    page.jwt_panel.formats_edit.setText("m3u8")
    qtbot.waitUntil(lambda: ui_ctx.settings.playback_inputs.get("auth_info_timeout") == 1200, timeout=5000)
    qtbot.waitUntil(lambda: ui_ctx.settings.playback_inputs.get("jwt_formats") == "m3u8", timeout=5000)
    again = PlaybackPage(ui_ctx)
    qtbot.addWidget(again)
    assert again.timeout_spin.value() == 1200 and again.urlsign_panel.type_combo.currentText() == "B"
    assert again.jwt_panel.formats_edit.text() == "m3u8"
    assert "key" not in str(ui_ctx.settings.playback_inputs).lower()
