"""run_op under load: thousands of one-shot calls deliver their results on the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from vodgui.ui import ops
from vodgui.ui.ops import run_op


def test_thousands_of_ops_deliver_on_the_gui_thread(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    results: list[int] = []
    failures: list[BaseException] = []
    for i in range(2000):
        run_op(parent, lambda i=i: i * 2, results.append)
    run_op(parent, lambda: 1 / 0, results.append, failures.append)
    qtbot.waitUntil(lambda: len(results) == 2000 and len(failures) == 1, timeout=20000)
    assert sorted(results) == [i * 2 for i in range(2000)]
    assert isinstance(failures[0], ZeroDivisionError)


def test_a_dead_parent_drops_the_answer(qtbot: Any) -> None:
    import threading

    release = threading.Event()
    called: list[object] = []
    parent = QWidget()
    dispatcher = ops._get_dispatcher()
    before = set(dispatcher.pending)
    run_op(parent, release.wait, called.append, called.append)
    [token] = set(dispatcher.pending) - before
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: token not in dispatcher.pending, timeout=5000)  # the answer arrived, and was dropped
    assert called == []


def _alive(obj: QObject) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))
