"""Translations: the shipped zh_CN catalogue loads and covers every source string, the window speaks the chosen
language and follows the system locale, and Chinese file names render with a real CJK font."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtGui import QFontDatabase, QFontMetrics, QImage, QTextLayout
from PySide6.QtWidgets import QDialogButtonBox

import vodgui.ui.i18n as i18n
from tests.helpers.workspace import write_file
from tests.unit.ui.conftest import open_window
from tests.unit.ui.upload_helpers import WAIT_MS, cell, held, snap_for
from vodgui.core.errors import VodError
from vodgui.core.hls import read_package
from vodgui.core.media_items import check_image
from vodgui.core.messages import Message
from vodgui.core.playback import OSS_MAX_AUTH_TIMEOUT, PlayInfoQuery, validate_auth_info_timeout
from vodgui.core.profiles import Profile, check_policy_json
from vodgui.core.transfer.events import JobState
from vodgui.core.vod import VideoMetadata
from vodgui.resources import resource_path
from vodgui.ui.errors import describe_exception, details
from vodgui.ui.queue_model import Column, state_label
from vodgui.ui.texts import media_status_text

ROOT = Path(__file__).resolve().parents[3]
TS = ROOT / "vodgui" / "resources" / "translations" / "vodgui_zh_CN.ts"
CJK_NAME = "发布会_第一集.mp4"
MARKUP = re.compile(r"</?(?:a|b|i|p|br|span|table|tr|td)\b[^>]*>")
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
#: Sources whose translation may have no Chinese in it: product and API names (Alibaba Cloud's Chinese console
#: keeps them in English too) and pure formats.
LATIN_IN_CHINESE = {"VideoId", "AccessKey", "AccessKey secret", "AssumeRole", "AppServer", "STS", "{0} ({1})",
                    "{0:.0f} kbps", " MiB", " MB/s", "{0} {1}"}
PAGES_ZH = ["上传", "历史记录", "播放", "日志", "监控文件夹"]
PAGES_EN = ["Upload", "History", "Playback", "Log", "Watch"]


def update_translations() -> ModuleType:
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def language(qapp: Any) -> Iterator[Callable[[str], str]]:
    """Install a language for the test; English again afterwards (other tests assert English texts)."""
    yield lambda choice: i18n.install_translators(qapp, choice)
    i18n.install_translators(qapp, "en")


@pytest.fixture
def new_window(qtbot: Any, ui_ctx: Any) -> Callable[[], Any]:
    """A main window built now, in whatever language is installed (windows do not retranslate live)."""
    return lambda: open_window(qtbot, ui_ctx)


def page_titles(window: Any) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def queue_file(qtbot: Any, window: Any, path: Path) -> None:
    """Queue ``path`` through the Upload page and keep it waiting (not started)."""
    page = window.upload_page
    held(page)
    page.add_paths([str(path)])
    qtbot.waitUntil(lambda: snap_for(page, path) is not None, timeout=WAIT_MS)


# -- the catalogue ---------------------------------------------------------------------------------------------
def test_the_shipped_catalogue_loads(qapp: Any, language: Callable[[str], str]) -> None:
    assert language("zh_CN") == "zh_CN"
    shipped = str(resource_path("translations", "vodgui_zh_CN.qm"))
    assert any(t.filePath() == shipped for t in i18n._installed), "vodgui_zh_CN.qm was not loaded"
    assert QCoreApplication.translate("MainWindow", "Upload") == "上传"
    assert QCoreApplication.translate("QueueModel", "Queued") == "排队中"
    assert media_status_text("Transcoding") == "转码中" and media_status_text("Normal") == "正常"
    assert media_status_text("SomethingNew") == "SomethingNew"  # unknown statuses pass through
    # Qt's own dialogs come in Chinese too (qtbase_zh_CN).
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    assert {b.text() for b in buttons.buttons()} == {"保存", "取消"}
    assert language("en") == "en"
    # English keeps only its plural forms: the source text, with "(s)" resolved by number.
    assert [t.filePath() for t in i18n._installed] == [str(resource_path("translations", "vodgui_en.qm"))]
    assert QCoreApplication.translate("MainWindow", "Upload") == "Upload"
    assert QCoreApplication.translate("UploadPage", "Copied %n VideoId(s).", "", 1) == "Copied 1 VideoId."
    assert QCoreApplication.translate("UploadPage", "Copied %n VideoId(s).", "", 3) == "Copied 3 VideoIds."


def test_every_source_string_is_translated() -> None:
    """The same check as ``tools/update_translations.py --check``: lupdate over the sources, compared with the
    committed .ts. A new or changed tr() string without a Chinese translation fails here."""
    problems = update_translations().problems("zh_CN")
    assert not problems, ("untranslated strings; run `python tools/update_translations.py`, translate them in "
                          f"{TS.relative_to(ROOT)} and run it again:\n" + "\n".join(problems))


def test_translations_keep_placeholders_accelerators_and_markup() -> None:
    root = ET.parse(TS).getroot()
    assert root.get("language") == "zh_CN"
    checked = 0
    for ctx in root.iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            source = msg.findtext("source") or ""
            node = msg.find("translation")
            forms = [] if node is None else [f.text or "" for f in node.findall("numerusform")]
            translation = " ".join(forms) if forms else msg.findtext("translation") or ""  # %n plurals
            where = f"[{name}] {source!r} -> {translation!r}"
            assert Counter(re.findall(r"\{\d[^}]*\}", source)) == Counter(re.findall(r"\{\d[^}]*\}", translation)), \
                where
            assert Counter(MARKUP.findall(source)) == Counter(MARKUP.findall(translation)), where
            accelerator = re.search(r"&(\w)", source.replace("&&", ""))
            if accelerator and not source.lstrip().startswith("<"):
                assert f"(&{accelerator.group(1).upper()})" in translation, where
            if source not in LATIN_IN_CHINESE:
                assert CJK.search(translation), f"not translated into Chinese: {where}"
            checked += 1
    assert checked > 500


# -- the window ------------------------------------------------------------------------------------------------
def test_the_window_in_chinese_and_back_in_english(qtbot: Any, tmp_path: Path, language: Callable[[str], str],
                                                   new_window: Callable[[], Any]) -> None:
    language("zh_CN")
    window = new_window()
    assert page_titles(window) == PAGES_ZH
    page = window.upload_page
    assert [page.side.tabText(i) for i in range(page.side.count())] == ["详情", "传输"]
    assert page.act_add_files.text() == "添加文件…" and page.act_pause.text() == "暂停"
    assert window.model.headerData(Column.STATE, Qt.Orientation.Horizontal) == "状态"
    clip = write_file(tmp_path / "clip.mp4", 2000, seed=1)
    queue_file(qtbot, window, clip)
    assert snap_for(page, clip).state is JobState.QUEUED
    assert cell(page, clip, Column.STATE) == "排队中"
    qtbot.waitUntil(lambda: "1 个等待中" in page.summary.text(), timeout=WAIT_MS)

    # Back to English: a window built now is English again.
    assert language("en") == "en"
    english = new_window()
    assert page_titles(english) == PAGES_EN
    second = write_file(tmp_path / "second.mp4", 2000, seed=2)
    queue_file(qtbot, english, second)
    assert cell(english.upload_page, second, Column.STATE) == "Queued"
    assert state_label(JobState.QUEUED) == "Queued"


def test_live_language_switch_reaches_error_texts(language: Callable[[str], str]) -> None:
    """Sentences built outside widgets (errors, core messages) follow a switch at once."""
    from vodgui.ui.errors import describe

    assert describe("QueueBusy").startswith("Another vodgui window")
    language("zh_CN")
    assert describe("QueueBusy") == "另一个 vodgui 窗口或命令正在运行上传队列。"
    language("en")
    assert describe("QueueBusy").startswith("Another vodgui window")


# -- the core's messages --------------------------------------------------------------------------------------
def core_error(call: Callable[[], Any]) -> VodError:
    with pytest.raises(VodError) as caught:
        call()
    return caught.value


@pytest.mark.parametrize(("call", "value"), [
    (lambda: Profile("bad/name").validate(), ""),
    (lambda: Profile("p", region="nowhere!").validate(), "nowhere!"),
    (lambda: Profile("p", source="accesskey", access_key_id="").validate(), ""),
    (lambda: Profile("p", mode="sts", source="accesskey", access_key_id="LTAI", role_arn="arn").validate(), "arn"),
    (lambda: check_policy_json("[1]"), ""),
    (lambda: check_policy_json('{"Version": "1", "Statement": [{"Effect": "Maybe"}]}'), "1"),
    (lambda: check_policy_json('{"Version": "1", "Statement": [{"Effect": "Allow", "Action": "vod", '
                               '"Resource": "*"}]}'), "'vod'"),
    (lambda: PlayInfoQuery(formats="mp4!").params(), "mp4!"),
    (lambda: PlayInfoQuery(definition="XL").params(), "XL"),
    (lambda: PlayInfoQuery(output_type="oss", auth_timeout=OSS_MAX_AUTH_TIMEOUT + 1).params(),
     str(OSS_MAX_AUTH_TIMEOUT)),
    (lambda: validate_auth_info_timeout(5), "5"),
    (lambda: check_image("cover.bmp"), ".bmp"),
    (lambda: check_image("cover"), "（无扩展名）"),
    (lambda: VideoMetadata(tags=[str(i) for i in range(40)]).validate("a.mp4"), "40"),
], ids=["name", "region", "key-id", "role-arn", "policy-object", "policy-effect", "policy-action", "formats",
        "definition", "auth-timeout", "auth-info-timeout", "image-ext", "no-ext", "tags"])
def test_core_errors_are_shown_in_chinese(call: Callable[[], Any], value: str,
                                          language: Callable[[str], str]) -> None:
    """The core raises a code with values; the window renders it in its language, values included."""
    err = core_error(call)
    assert describe_exception(err) == err.message  # English: the CLI's sentence
    language("zh_CN")
    shown = describe_exception(err)
    assert CJK.search(shown) and value in shown, f"{err.code}: {shown!r}"
    assert not re.search(r"[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}", shown), f"English words in {shown!r}"
    assert details(err.code, err.message, None) == err.code  # no English repeat under the sentence


def test_a_playlists_problems_are_listed_in_chinese(tmp_path: Path, language: Callable[[str], str]) -> None:
    """Messages inside a message (each problem of an HLS package, and what it is about) follow the language."""
    playlist = tmp_path / "show.m3u8"
    playlist.write_text("#EXTM3U\n#EXTINF:4,\nmissing.ts\n#EXTINF:4,\nhttp://example.com/remote.ts\n")
    err = core_error(lambda: read_package(str(playlist)))
    assert "segment missing.ts is missing" in err.message and "remote address" in err.message
    language("zh_CN")
    shown = describe_exception(err)
    assert "分片 missing.ts 不存在" in shown and "远程地址" in shown and "segment" not in shown, shown


def test_connection_steps_in_chinese(language: Callable[[str], str]) -> None:
    from vodgui.core.connection_test import Step
    from vodgui.ui.connection_panel import ConnectionTestPanel

    found = Step("AccessKey", True, Message("step.valid", {"arn": "acs:ram::123:user/uploader"}))
    authorized = Step("VOD", True, Message("step.authorized"))
    ours = Step("profile", False, error=VodError("InvalidRegion", params={"region": "'mars'"}).to_dict())
    service = Step("AccessKey", False, error=VodError("InvalidAccessKeyId.NotFound", "Specified access key is not "
                                                      "found.", service="sts").to_dict())
    assert found.detail == "valid: acs:ram::123:user/uploader"  # the CLI
    language("zh_CN")
    assert ConnectionTestPanel._detail(found) == "有效：acs:ram::123:user/uploader"
    assert ConnectionTestPanel._detail(authorized) == "可连接且已授权"
    assert ConnectionTestPanel._detail(ours) == "'mars' 不是有效的地域 ID（例如 cn-shanghai）。"
    # The service's own words are data from the service: shown as sent, under the GUI's explanation.
    assert ConnectionTestPanel._detail(service) == "InvalidAccessKeyId.NotFound: Specified access key is not found."


# -- the system locale -----------------------------------------------------------------------------------------
def test_follows_the_default_locale(qapp: Any, language: Callable[[str], str]) -> None:
    try:
        QLocale.setDefault(QLocale("zh_CN"))
        assert i18n.resolve_language("") == "zh_CN"
        assert language("") == "zh_CN"  # "System default" in Settings
        assert QCoreApplication.translate("MainWindow", "History") == "历史记录"
        assert i18n.resolve_language("en") == "en"  # the override in Settings wins
        QLocale.setDefault(QLocale("zh_TW"))
        assert i18n.resolve_language("") == "zh_CN"
        QLocale.setDefault(QLocale("fr_FR"))
        assert i18n.resolve_language("") == "en"
        QLocale.setDefault(QLocale("en_GB"))
        assert i18n.resolve_language("") == "en"
        assert i18n.resolve_language("zh_CN") == "zh_CN"
    finally:
        QLocale.setDefault(QLocale.system())
    assert i18n.resolve_language("", QLocale("zh_CN")) == "zh_CN"


@pytest.mark.parametrize(("env", "expected"), [
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8", "LANGUAGE": "fr:zh_CN"}, "zh_CN"),
])
def test_follows_the_system_locale_of_a_fresh_process(env: dict[str, str], expected: str) -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("LC_", "LANG"))}
    out = subprocess.run([sys.executable, "-c", "from vodgui.ui.i18n import resolve_language; "
                          "print(resolve_language(''))"], env={**clean, **env}, cwd=ROOT, capture_output=True,
                         text=True, timeout=60, check=True)
    assert out.stdout.strip() == expected


# -- CJK file names --------------------------------------------------------------------------------------------
def test_chinese_file_names_render(qtbot: Any, tmp_path: Path, language: Callable[[str], str],
                                   new_window: Callable[[], Any]) -> None:
    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert families, ("no font with Simplified Chinese glyphs is installed, so Chinese file names and the zh_CN "
                      "translation render as empty boxes: install fonts-wqy-microhei (apt-get install "
                      "fonts-wqy-microhei) or fonts-noto-cjk")
    language("zh_CN")
    window = new_window()
    path = write_file(tmp_path / CJK_NAME, 2000, seed=3)
    queue_file(qtbot, window, path)
    page, view = window.upload_page, window.upload_page.view
    assert cell(page, path, Column.FILE) == CJK_NAME

    # Every character has a real glyph in the font the view draws with (fallbacks included), none is .notdef.
    font = view.font()
    metrics = QFontMetrics(font)
    missing = [c for c in CJK_NAME if not metrics.inFontUcs4(ord(c))]
    assert not missing, f"the app font cannot draw {missing}: install fonts-wqy-microhei"
    layout = QTextLayout(CJK_NAME, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert runs and all(0 not in run.glyphIndexes() for run in runs), "some characters render as empty boxes"
    raw_fonts = [run.rawFont() for run in runs]
    cjk_fonts = [raw.familyName() for raw in raw_fonts if all(raw.supportsCharacter(ord(c)) for c in "发布会第一集")]
    assert cjk_fonts, "no font used for the name covers its Chinese characters: install fonts-wqy-microhei"

    # And the cell is painted with them: the file-name cell of the grabbed view is not blank.
    snap = snap_for(page, path)
    assert snap is not None
    row = page.model.row_of(snap.job_id)
    rect = view.visualRect(page.model.index(row, Column.FILE))
    assert rect.width() > 0 and rect.height() > 0
    image = view.viewport().grab(rect).toImage().convertToFormat(QImage.Format.Format_RGB32)
    colors = Counter(image.pixel(x, y) for x in range(image.width()) for y in range(image.height()))
    background, _ = colors.most_common(1)[0]
    ink = sum(n for color, n in colors.items() if color != background)
    assert ink > 40, f"the file-name cell looks blank ({ink} non-background pixels)"
