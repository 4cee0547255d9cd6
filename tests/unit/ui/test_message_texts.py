"""Every message the core can emit has a rendering in English (CLI) and in each shipped language (GUI).

The core reports codes with parameters (vodgui.core.messages); these tests fail when a code is added to one side
only, when the GUI template names other fields than the English one, when the zh_CN catalogue lacks it, or when
the core raises a literal code nobody can render.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import vodgui.ui.i18n as i18n
from vodgui.core.errors import VodError
from vodgui.core.messages import ENGLISH, SERVICE_CODES, Message, english, placeholders
from vodgui.ui.message_texts import message_text, render, templates

ROOT = Path(__file__).resolve().parents[3]
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
#: Codes whose Chinese is a product's own name (Alibaba Cloud's Chinese console keeps it in Latin letters).
LATIN_IN_CHINESE = {"secret.access_key_secret"}


@pytest.fixture
def language(qapp: Any) -> Iterator[Callable[[str], str]]:
    yield lambda choice: i18n.install_translators(qapp, choice)
    i18n.install_translators(qapp, "en")


def sample_params(template: str) -> dict[str, Any]:
    return {name: f"<{name}>" for name in placeholders(template)}


def test_every_english_code_has_a_gui_template_with_the_same_fields(qapp: Any) -> None:
    gui = templates()
    assert set(ENGLISH) - set(gui) == set(), "codes without a GUI template in vodgui/ui/message_texts.py"
    assert set(gui) - set(ENGLISH) == set(), "GUI templates for codes the core does not have"
    for code, template in ENGLISH.items():
        assert placeholders(gui[code]) == placeholders(template), code
        # The English GUI text is the CLI's text: one sentence, not two drifting copies.
        assert gui[code] == template, code
        params = sample_params(template)
        assert message_text(code, params) == english(code, params)


def test_every_code_is_translated_into_chinese(language: Callable[[str], str]) -> None:
    language("zh_CN")
    gui = templates()
    untranslated = [code for code, template in ENGLISH.items()
                    if gui[code] == template or not (CJK.search(gui[code]) or code in LATIN_IN_CHINESE)]
    assert not untranslated, "no zh_CN translation (run tools/update_translations.py and translate):\n" + \
        "\n".join(untranslated)
    for code, template in ENGLISH.items():
        assert placeholders(gui[code]) == placeholders(template), code
        params = sample_params(template)
        shown = message_text(code, params)
        assert all(value in shown for value in params.values()), (code, shown)


def test_stored_messages_render_in_the_language_of_the_moment(language: Callable[[str], str]) -> None:
    """A message stored as data (a queue item's error, say) is rendered when shown, not when it happened."""
    stored = Message("InvalidRegion", {"region": "mars-1"}).to_dict()
    assert render(Message.from_dict(stored)) == "mars-1 is not a region id like cn-shanghai."
    language("zh_CN")
    shown = render(stored)
    assert "mars-1" in shown and CJK.search(shown) and "region id" not in shown
    # A message inside a message is rendered in the same language.
    nested = Message("InvalidPolicy.NotJson", {"reason": Message("InvalidPolicy.NotObject").to_dict()})
    assert render(nested) == "策略不是有效的 JSON：策略必须是 JSON 对象。"


def test_unknown_codes_and_missing_fields_never_raise(language: Callable[[str], str]) -> None:
    """A newer version's stored message, or a template missing a value: readable, no exception."""
    assert english("SomethingNew", {"count": 3}) == "SomethingNew (count: 3)"
    assert english("SomethingNew") == "SomethingNew"
    assert english("InvalidRegion", {}) == "{region} is not a region id like cn-shanghai."
    language("zh_CN")
    assert message_text("SomethingNew", {"count": 3}) == "SomethingNew (count: 3)"


def test_a_vod_error_is_data_rendered_in_english_for_the_cli() -> None:
    err = VodError("InvalidRegion", params={"region": "mars-1"})
    assert err.message == "mars-1 is not a region id like cn-shanghai."
    assert err.to_dict()["params"] == {"region": "mars-1"}
    assert err.to_message() == Message("InvalidRegion", {"region": "mars-1"})
    service = VodError("Throttling.User", "Request was denied due to user flow control.", service="vod")
    assert service.message == "Request was denied due to user flow control." and service.params == {}


# -- the core raises only codes somebody can render ----------------------------------------------------------
#: Calls whose first argument (or ``code=``) is a message code.
CODE_CALLS = {"VodError", "config_error", "Message", "__init__"}  # __init__: super().__init__ of a VodError


def _code_calls(tree: ast.AST) -> Iterator[tuple[ast.Call, ast.expr | None, bool]]:
    """(call, code expression, passes an explicit message) for every call in CODE_CALLS."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else \
            node.func.attr if isinstance(node.func, ast.Attribute) else ""
        if name not in CODE_CALLS:
            continue
        keywords = {k.arg: k.value for k in node.keywords}
        code = node.args[0] if node.args else keywords.get("code")
        if name == "__init__" and not (isinstance(code, ast.Constant) and isinstance(code.value, str)):
            continue  # another class's constructor
        message = node.args[1] if len(node.args) > 1 else keywords.get("message")
        yield node, code, message is not None and not (isinstance(message, ast.Constant) and message.value is None)


#: Not scanned yet: the transfer engine and the queue store, being rebuilt in issue 11, adopt codes with that work.
def core_modules() -> list[Path]:
    """Every module of the core, the transfer core and the queue store included."""
    return sorted((ROOT / "vodgui" / "core").rglob("*.py"))


def test_every_literal_code_the_core_raises_has_english_text() -> None:
    """A literal code must be in ENGLISH, or be a service's code (SERVICE_CODES) passed with the service's own
    words. A computed code (a service's, passed through) must come with the service's message."""
    problems = []
    for path in core_modules():
        rel = path.relative_to(ROOT)
        for call, code, explicit in _code_calls(ast.parse(path.read_text(encoding="utf-8"))):
            where = f"{rel}:{call.lineno}"
            if isinstance(code, ast.Constant) and isinstance(code.value, str):
                if code.value in ENGLISH:
                    continue
                if code.value in SERVICE_CODES and explicit:
                    continue
                problems.append(f"{where}: {code.value!r} is not in vodgui.core.messages.ENGLISH")
            elif isinstance(code, ast.JoinedStr):
                problems.append(f"{where}: a code built with an f-string cannot be checked")
            elif not explicit:
                problems.append(f"{where}: a computed code needs the service's message (or a literal code)")
    assert not problems, "\n".join(problems)


def test_the_scan_sees_the_core() -> None:
    """The scan above would pass vacuously if it found no calls."""
    codes = {code.value for path in core_modules()
             for _, code, _ in _code_calls(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(code, ast.Constant)}
    assert {"InvalidRegion", "InvalidPolicy.NotJson", "QueueBusy", "KeychainUnavailable", "step.valid",
            "InvalidProxy"} <= codes


def test_a_queue_rows_error_line_never_shows_our_english(language: Callable[[str], str]) -> None:
    """The Error column: our message in the window's language; one stored without its values (an older queue)
    explained by its code; a service's error as the service sent it."""
    from vodgui.core.transfer.events import JobError
    from vodgui.ui.errors import error_line, job_error_line

    language("zh_CN")
    err = VodError("EmptyFile", params={"name": "clip.mp4"})
    assert error_line(err.code, err.message, err.params) == "clip.mp4 是空文件（0 字节），视频点播无法接受。"
    stored = JobError("EmptyFile", "clip.mp4 is empty (0 bytes); VOD cannot accept it.", None, "file")
    assert job_error_line(stored) == "文件为空（0 字节），视频点播无法接受。"
    assert error_line("Throttling.User", "Request was denied due to user flow control.", {}, "throttled") == \
        "Throttling.User: Request was denied due to user flow control."
