"""run_op under load, and the PySide6 reference-count workaround it relies on."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from vodgui.ui import ops, qt_workarounds
from vodgui.ui.ops import run_op


class _Emitter(QObject):
    fired = Signal(int)


def test_emitting_many_signals_cannot_free_true() -> None:
    emitter = _Emitter()
    emitter.fired.connect(lambda _: None)
    for i in range(20_000):  # PySide6 6.12.0 takes a reference from True per emit; 3.11 would abort
        emitter.fired.emit(i)
    assert sys.getrefcount(True) > 0
    assert qt_workarounds.applied or not qt_workarounds.emit_leaks_a_reference()


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
