"""The update bar: nothing asked or fetched on a sandbox-only first run, the question once a real account exists,
the notice for a verified newer release, silence for a refused feed; Settings' switch, feed and "Check now"."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.helpers.feeds import FeedServer, ThrowawayKey, feed_bytes, feed_server
from tests.unit.ui.conftest import close_ctx, make_ctx, open_window
from vodgui.core.profiles import Profile
from vodgui.core.update_check import UpdateScheduler


@pytest.fixture(scope="module")
def key() -> ThrowawayKey:
    return ThrowawayKey()


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch, key: ThrowawayKey) -> Iterator[FeedServer]:
    with feed_server() as s:
        monkeypatch.setenv("VODGUI_UPDATE_FEED", s.url())
        monkeypatch.setenv("VODGUI_UPDATE_PUBLIC_KEY", key.public_text)
        yield s


def publish(server: FeedServer, key: ThrowawayKey, version: str = "99.0.0") -> None:
    feed = feed_bytes(version)
    server.publish(feed, key.sign(feed))


def add_real_profile(ctx: Any) -> None:
    ctx.workspace.profiles.put(Profile("prod", region="cn-shanghai", access_key_id="LTAI5tExampleKeyId"))
    ctx.hub.profiles_changed.emit()


def test_a_sandbox_only_first_run_neither_asks_nor_fetches(qtbot: Any, ui_ctx: Any, server: FeedServer,
                                                           key: ThrowawayKey) -> None:
    publish(server, key)
    window = open_window(qtbot, ui_ctx)
    qtbot.wait(300)
    assert not window.update_bar.isVisible()
    assert server.requests == []
    assert ui_ctx.settings.update_checks is None


def test_asked_once_with_a_real_account_then_the_notice(qtbot: Any, ui_ctx: Any, server: FeedServer,
                                                        key: ThrowawayKey) -> None:
    publish(server, key)
    window = open_window(qtbot, ui_ctx)
    bar = window.update_bar
    add_real_profile(ui_ctx)
    qtbot.waitUntil(bar.isVisible)
    assert bar.asking() and "once a day" in bar.text.text()
    assert server.requests == []  # asking fetches nothing
    with qtbot.waitSignal(bar.check_finished, timeout=10_000):
        qtbot.mouseClick(bar.primary, Qt.MouseButton.LeftButton)
    assert ui_ctx.settings.update_checks is True
    qtbot.waitUntil(lambda: "vodgui 99.0.0 is available" in bar.notice_text())
    assert "Faster uploads." in bar.notice_text()
    opened: list[str] = []
    bar.open_url = opened.append
    qtbot.mouseClick(bar.primary, Qt.MouseButton.LeftButton)
    assert opened == ["https://example.invalid/releases/v99.0.0"]
    qtbot.mouseClick(bar.secondary, Qt.MouseButton.LeftButton)  # Not now: this version is not shown again
    assert not bar.isVisible()
    assert bar.scheduler.load().dismissed_version == "99.0.0"


def test_declining_is_remembered(qtbot: Any, ui_ctx: Any, sandbox: Any, server: FeedServer, key: ThrowawayKey,
                                 tmp_path: Any) -> None:
    publish(server, key)
    add_real_profile(ui_ctx)
    window = open_window(qtbot, ui_ctx)
    qtbot.waitUntil(window.update_bar.isVisible)
    qtbot.mouseClick(window.update_bar.secondary, Qt.MouseButton.LeftButton)
    assert ui_ctx.settings.update_checks is False
    window.close()
    again = open_window(qtbot, ui_ctx)  # the next start: no question, no check
    qtbot.wait(300)
    assert not again.update_bar.isVisible()
    assert server.requests == []


def test_a_refused_feed_is_logged_and_never_shown(qtbot: Any, ui_ctx: Any, server: FeedServer,
                                                  caplog: pytest.LogCaptureFixture) -> None:
    feed = feed_bytes("99.0.0")
    server.publish(feed, ThrowawayKey().sign(feed))
    ui_ctx.settings_store.update(update_checks=True)
    window = open_window(qtbot, ui_ctx)
    with qtbot.waitSignal(window.update_bar.check_finished, timeout=10_000) as finished:
        pass
    assert finished.args[0].reason == "bad_signature"
    assert not window.update_bar.isVisible()
    assert any(r.levelno == logging.WARNING and "update feed refused (bad_signature)" in r.getMessage()
               for r in caplog.records)


def test_the_next_start_the_same_day_does_not_fetch(qtbot: Any, ui_ctx: Any, server: FeedServer,
                                                    key: ThrowawayKey) -> None:
    publish(server, key)
    ui_ctx.settings_store.update(update_checks=True)
    window = open_window(qtbot, ui_ctx)
    qtbot.waitUntil(lambda: bool(window.update_bar.notice_text()), timeout=10_000)
    assert len(server.requests) == 2
    window.close()
    again = open_window(qtbot, ui_ctx)
    again.update_bar.check_if_due()  # the hourly timer firing
    qtbot.wait(300)
    assert len(server.requests) == 2
    assert UpdateScheduler(ui_ctx.workspace.dirs.data).load().latest_version == "99.0.0"


def test_settings_switch_feed_and_check_now(qtbot: Any, qapp: Any, tmp_path: Any, sandbox: Any,
                                            key: ThrowawayKey, monkeypatch: pytest.MonkeyPatch) -> None:
    from vodgui.ui.settings_dialog import SettingsDialog

    monkeypatch.delenv("VODGUI_UPDATE_FEED", raising=False)
    monkeypatch.setenv("VODGUI_UPDATE_PUBLIC_KEY", key.public_text)
    ctx = make_ctx(tmp_path / "home", sandbox)
    try:
        with feed_server() as mirror:
            publish(mirror, key, "98.1")
            dialog = SettingsDialog(ctx)
            qtbot.addWidget(dialog)
            assert not dialog.update_box.isChecked() and dialog.feed_edit.isEnabled()
            dialog.feed_edit.setText("ftp://mirror.corp/latest.json")
            dialog.buttons.accepted.emit()  # refused: stays open with the reason
            assert "must start with https:// or http://" in dialog.check_result.text()
            assert ctx.settings.update_feed_url == ""
            dialog.feed_edit.setText(mirror.url())
            qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: "98.1 is available" in dialog.check_result.text(), timeout=10_000)
            dialog.update_box.setChecked(True)
            dialog.buttons.accepted.emit()
            saved = ctx.settings
            assert (saved.update_checks, saved.update_feed_url) == (True, mirror.url())
            monkeypatch.setenv("VODGUI_UPDATE_FEED", "https://env.corp/latest.json")
            forced = SettingsDialog(ctx)
            qtbot.addWidget(forced)
            assert not forced.feed_edit.isEnabled()
            assert forced.feed_edit.text() == "https://env.corp/latest.json"
            assert "VODGUI_UPDATE_FEED" in forced.feed_note.text()
    finally:
        close_ctx(ctx)
