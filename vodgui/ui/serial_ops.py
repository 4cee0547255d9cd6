"""Engine calls that write the queue database, run in the order the user asked for them, off the GUI thread.

Pausing 10,000 queued items is 10,000 small SQLite transactions: too long for the GUI thread, and a "pause then
resume" must not be reordered, so one worker thread runs them one after another (``run_op`` uses a pool and
gives no order). A result callback, if any, runs on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)


class SerialOps(QObject):
    """One worker thread for ordered engine calls.

    Signals:
        finished(object, object): internal; (callback, result) delivered on the GUI thread.
        failed(object): an exception from a call that had no failure callback.
    """

    finished = Signal(object, object)
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vodgui-ui-ops")
        self.finished.connect(self._on_finished)
        self.destroyed.connect(lambda *_: self._pool.shutdown(wait=False))

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None) -> Future[Any]:
        """Queue ``fn``; ``on_done(result)`` runs on the GUI thread when it returns."""

        def run() -> Any:
            try:
                result = fn()
            except Exception as exc:
                log.exception("queue operation failed")
                self._emit(self.failed, exc)
                raise
            if on_done is not None:
                self._emit(self.finished, on_done, result)
            return result

        return self._pool.submit(run)

    @staticmethod
    def _emit(signal: Any, *args: Any) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the page (and this object) is gone: nobody is waiting for the answer
            pass

    def wait(self, timeout: float | None = None) -> None:
        """Block until everything queued so far has run (for tests and shutdown)."""
        self._pool.submit(lambda: None).result(timeout)

    @Slot(object, object)
    def _on_finished(self, callback: Callable[[Any], None], result: Any) -> None:
        callback(result)
