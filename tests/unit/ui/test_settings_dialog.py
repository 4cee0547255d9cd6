"""The settings dialog: options persist, the language switches at once (and back on Cancel)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QLocale, Qt

import vodgui.ui.i18n as i18n
from vodgui.ui.settings_dialog import SettingsDialog

TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def open_settings(qtbot: Any, ui_ctx: Any, qapp: Any) -> Iterator[Any]:
    dialogs: list[SettingsDialog] = []

    def opener() -> SettingsDialog:
        dialog = SettingsDialog(ui_ctx)
        dialogs.append(dialog)
        dialog.open()
        return dialog

    yield opener
    for dialog in dialogs:
        if shiboken6.isValid(dialog):
            dialog.close()
    i18n.install_translators(qapp, "en")  # never leak a language into other tests


@pytest.fixture
def chinese_qm(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A two-string zh_CN catalogue compiled with lrelease, standing in for the shipped .qm."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    exe = str(lrelease) if lrelease.exists() else shutil.which("pyside6-lrelease") or shutil.which("lrelease")
    if exe is None:
        pytest.skip("pyside6-lrelease is not installed")
    ts = tmp_path / "vodgui_zh_CN.ts"
    ts.write_text(TS, encoding="utf-8")
    subprocess.run([exe, str(ts), "-qm", str(tmp_path / "vodgui_zh_CN.qm")], check=True, capture_output=True)
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: tmp_path.joinpath(*parts[1:]))
    return tmp_path / "vodgui_zh_CN.qm"


def test_options_persist(qtbot: Any, ui_ctx: Any, open_settings: Any) -> None:
    d = open_settings()
    ui_ctx.settings_store.update(last_profile="Sandbox")  # changed elsewhere while the dialog is open
    assert d.windowTitle() == "Settings"
    assert d.auto_resume_box.isChecked() and d.notify_box.isChecked() and not d.all_files_box.isChecked()
    qtbot.mouseClick(d.auto_resume_box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(d.all_files_box, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(d.notify_box, Qt.MouseButton.LeftButton)
    d.poll_spin.setValue(30)
    with qtbot.waitSignal(ui_ctx.hub.settings_changed, timeout=5_000):
        qtbot.keyClick(d.poll_spin, Qt.Key.Key_Return)  # Enter = Save
    settings = ui_ctx.settings_store.load()
    assert (settings.auto_resume, settings.all_files, settings.notify, settings.history_poll_seconds) == \
        (False, True, False, 30)
    assert settings.last_profile == "Sandbox"  # other settings are kept

    again = open_settings()
    assert not again.auto_resume_box.isChecked() and again.all_files_box.isChecked()
    assert not again.notify_box.isChecked() and again.poll_spin.value() == 30


def test_escape_discards_changes(qtbot: Any, ui_ctx: Any, open_settings: Any) -> None:
    d = open_settings()
    qtbot.mouseClick(d.notify_box, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(d.rejected, timeout=5_000):
        qtbot.keyClick(d.notify_box, Qt.Key.Key_Escape)
    assert ui_ctx.settings_store.load().notify is True


def test_language_switch_installs_the_translator_on_save(qtbot: Any, ui_ctx: Any, open_settings: Any,
                                                         chinese_qm: Path) -> None:
    d = open_settings()
    assert [d.language_box.itemData(i) for i in range(d.language_box.count())] == ["", "en", "zh_CN"]
    assert d.language_box.itemText(2) == "简体中文"
    d.language_box.setCurrentIndex(d.language_box.findData("zh_CN"))
    assert d.restart_note.isVisible() and "Save" in d.restart_note.text()
    assert not any(t.filePath() == str(chinese_qm) for t in i18n._installed)  # nothing before Save
    with qtbot.waitSignal(d.language_applied, timeout=5_000) as applied:
        qtbot.mouseClick(d.save_button, Qt.MouseButton.LeftButton)
    assert applied.args == ["zh_CN"]
    assert any(not t.isEmpty() and t.filePath() == str(chinese_qm) for t in i18n._installed)
    assert ui_ctx.settings_store.load().language == "zh_CN"


def test_cancel_restores_the_previous_language(qtbot: Any, ui_ctx: Any, open_settings: Any,
                                               chinese_qm: Path) -> None:
    ui_ctx.settings_store.update(language="en")
    d = open_settings()
    d.language_box.setCurrentIndex(d.language_box.findData("zh_CN"))
    with qtbot.assertNotEmitted(d.language_applied):
        d.reject()
    assert d.windowTitle() == "Settings"  # never switched
    assert not any(t.filePath() == str(chinese_qm) for t in i18n._installed)
    assert ui_ctx.settings_store.load().language == "en"


def test_language_resolution_without_a_catalogue(qapp: Any, monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    """Before the .qm ships, choosing Chinese still resolves to zh_CN and falls back quietly."""
    assert i18n.resolve_language("zh_CN") == "zh_CN"
    assert i18n.resolve_language("en") == "en"
    assert i18n.resolve_language("fr") == "en"
    system = "zh_CN" if QLocale.system().name().startswith("zh") else "en"
    assert i18n.resolve_language("") == system
    monkeypatch.setattr(i18n, "resource_path", lambda *parts: tmp_path.joinpath(*parts[1:]))
    try:
        assert i18n.install_translators(qapp, "zh_CN") == "zh_CN"
        assert all(t.filePath() != str(tmp_path / "vodgui_zh_CN.qm") for t in i18n._installed)
    finally:
        i18n.install_translators(qapp, "en")
    assert not i18n._installed
