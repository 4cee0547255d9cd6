"""Dialogs open while the language changes retranslate themselves (LanguageChange), not only on their next open."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from vodgui.core.video_details import VideoRef
from vodgui.ui import i18n
from vodgui.ui.add_url_dialog import AddUrlDialog
from vodgui.ui.metadata_editor import DefaultsDialog
from vodgui.ui.video_details_dialog import VideoDetailsDialog


@pytest.fixture
def language(qapp: Any) -> Iterator[Callable[[str], str]]:
    """Switch the language during the test; English again afterwards (other tests assert English texts)."""
    yield lambda choice: i18n.install_translators(qapp, choice)
    i18n.install_translators(qapp, "en")


def _labels(widget: Any) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def test_add_url_and_defaults_dialogs_switch_language_while_open(qtbot: Any, language: Callable[[str], str]) -> None:
    urls = AddUrlDialog("Production")
    defaults = DefaultsDialog("Production", {"tags": ["a"]})
    for dialog in (urls, defaults):
        qtbot.addWidget(dialog)
        dialog.show()
    urls.edit.setPlainText("ftp://nope")
    assert urls.windowTitle() == "Add URLs" and defaults.windowTitle() == "Defaults for new files"

    language("zh_CN")
    qtbot.waitUntil(lambda: urls.windowTitle() == "添加 URL" and defaults.windowTitle() == "新文件的默认信息")
    ok = urls.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "加入队列" and "Production" in urls.intro.text() and "每行" in urls.intro.text()
    assert urls.error.text().startswith("不是 http:// 或 https:// 地址")  # the live error too
    assert "标签(&G)：" in _labels(defaults.form) and defaults.form.text("tags") == "a"  # values stay

    language("en")
    qtbot.waitUntil(lambda: urls.windowTitle() == "Add URLs" and "Ta&gs:" in _labels(defaults.form))


def test_the_video_details_dialog_switches_language_while_open(qtbot: Any, ui_ctx: Any,
                                                              language: Callable[[str], str]) -> None:
    dialog = VideoDetailsDialog(ui_ctx, [VideoRef("Sandbox", "a" * 32), VideoRef("Sandbox", "b" * 32)], {})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.form.isEnabled, timeout=15_000)  # the read of the current details is over
    assert "does not exist in VOD" in dialog.status.text()  # neither video exists
    assert dialog.windowTitle() == "Edit 2 videos in VOD"
    language("zh_CN")
    qtbot.waitUntil(lambda: dialog.windowTitle() == "在点播中编辑 2 个视频")
    assert dialog.apply_button.text() == "保存到点播(&S)" and "标题(&T)：" in _labels(dialog.form)
