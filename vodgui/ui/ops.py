"""Run a one-shot call off the GUI thread and get its result back on it (Anki's ``QueryOp`` idea).

``fn`` runs on a pool thread and must not touch widgets; ``on_success`` / ``on_failure`` run on the GUI thread.
An operation whose parent widget is gone by the time it finishes is silently dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

_live: set[_Op] = set()  # keep Python wrappers alive until they report back


class _Signals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Op(QRunnable):
    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # noqa: BLE001 - delivered to on_failure
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


def run_op(parent: QObject, fn: Callable[[], Any], on_success: Callable[[Any], None],
           on_failure: Callable[[BaseException], None] | None = None) -> None:
    """Run ``fn`` on the global thread pool; deliver its result or exception on the GUI thread."""
    op = _Op(fn)
    receiver = _Receiver(parent, op, on_success, on_failure)
    op.signals.succeeded.connect(receiver.succeeded)
    op.signals.failed.connect(receiver.failed)
    _live.add(op)
    QThreadPool.globalInstance().start(op)


class _Receiver(QObject):
    """Lives on the GUI thread as a child of ``parent``: if the parent dies first, so does the delivery."""

    def __init__(self, parent: QObject, op: _Op, on_success: Callable[[Any], None],
                 on_failure: Callable[[BaseException], None] | None) -> None:
        super().__init__(parent)
        self._op = op
        self._on_success = on_success
        self._on_failure = on_failure

    @Slot(object)
    def succeeded(self, result: Any) -> None:
        self._done()
        self._on_success(result)

    @Slot(object)
    def failed(self, exc: BaseException) -> None:
        self._done()
        if self._on_failure is not None:
            self._on_failure(exc)
        else:
            log.error("background operation failed: %s", exc)

    def _done(self) -> None:
        _live.discard(self._op)
        self.deleteLater()
