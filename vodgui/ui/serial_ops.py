"""Engine calls that write the queue database, run in the order the user asked for them, off the GUI thread.

Pausing 10,000 queued items is 10,000 small SQLite transactions: too long for the GUI thread, and a "pause then
resume" must not be reordered, so they run one after another on an :class:`~vodgui.ui.ops.OrderedLane`
(``run_op`` gives no order). A result callback, if any, runs on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from vodgui.ui.ops import OrderedLane

log = logging.getLogger(__name__)


class SerialOps(QObject):
    """Ordered engine calls of one page.

    Signals:
        failed(object): a call raised (the exception), delivered on the GUI thread.
    """

    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lane = OrderedLane("vodgui-ui-ops")

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
               on_failed: Callable[[BaseException], None] | None = None) -> None:
        """Queue ``fn``; ``on_done(result)`` runs on the GUI thread when it returns. If it raises, :attr:`failed`
        is emitted, after ``on_failed(exception)`` if given."""

        def failed(exc: BaseException) -> None:
            if on_failed is not None:
                on_failed(exc)
            self._on_failed(exc)

        self._lane.run(self, fn, on_done, failed)

    def wait(self, timeout: float | None = None) -> None:
        """Block until everything queued so far has run (for tests and shutdown)."""
        self._lane.wait(timeout)

    def _on_failed(self, exc: BaseException) -> None:
        log.error("queue operation failed", exc_info=exc)
        self.failed.emit(exc)
