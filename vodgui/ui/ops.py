"""Run a one-shot call off the GUI thread and get its result back on it (Anki's ``QueryOp`` idea).

``fn`` runs on a worker thread and must not touch widgets; ``on_success`` / ``on_failure`` run on the GUI thread.
An operation whose parent widget is gone by the time it finishes is silently dropped.

Workers hold no Qt object of their own: they report through one long-lived dispatcher that lives on the GUI
thread. (An earlier version handed ``QThreadPool`` a ``QRunnable`` and released it from the GUI thread when the
result arrived, racing with the pool thread still finishing ``run()``; ``QThreadPool.start(callable)`` leaks a
reference to ``None`` per call in PySide6 6.12.0. Plain daemon threads avoid both, and do not hold up quitting
while a network call times out.)

Calls that must keep their order (queue writes, saves of one setting) go through an :class:`OrderedLane`
instead: one thread per lane, same dispatcher, same delivery rules.
"""

from __future__ import annotations

import collections
import itertools
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

#: Worker threads: the calls wait on the network, not the CPU.
MAX_WORKERS = 4

_tokens = itertools.count(1)


class _Dispatcher(QObject):
    """Delivers results from worker threads to the GUI thread; created once, never deleted.

    Signals:
        delivered(int, object): token and ``(succeeded, result or exception)``; emitted on worker threads.
    """

    delivered = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        #: token -> (parent, on_success, on_failure)
        self.pending: dict[int, tuple[QObject, Callable[[Any], None], Callable[[BaseException], None] | None]] = {}
        self.delivered.connect(self._on_delivered, Qt.ConnectionType.QueuedConnection)

    @Slot(int, object)
    def _on_delivered(self, token: int, outcome: tuple[bool, Any]) -> None:
        entry = self.pending.pop(token, None)
        if entry is None:
            return
        parent, on_success, on_failure = entry
        if not shiboken6.isValid(parent):
            return  # the parent is gone: nobody waits for the answer
        ok, payload = outcome
        if ok:
            on_success(payload)
        elif on_failure is not None:
            on_failure(payload)
        else:
            log.error("background operation failed: %s", payload)


class _Workers:
    """A few daemon threads fed from one queue, started as needed."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._jobs: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._idle = 0

    def submit(self, job: Callable[[], None]) -> None:
        self._jobs.put(job)
        with self._lock:
            if self._idle == 0 and len(self._threads) < self._size:
                thread = threading.Thread(target=self._loop, name=f"vodgui-op-{len(self._threads) + 1}",
                                          daemon=True)
                self._threads.append(thread)
                thread.start()

    def _loop(self) -> None:
        while True:
            with self._lock:
                self._idle += 1
            job = self._jobs.get()
            with self._lock:
                self._idle -= 1
            job()


_dispatcher: _Dispatcher | None = None
_workers = _Workers(MAX_WORKERS)


def _get_dispatcher() -> _Dispatcher:
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
    return _dispatcher


def _submit(start: Callable[[Callable[[], None]], None], parent: QObject, fn: Callable[[], Any],
            on_success: Callable[[Any], None], on_failure: Callable[[BaseException], None] | None) -> None:
    dispatcher = _get_dispatcher()
    token = next(_tokens)
    dispatcher.pending[token] = (parent, on_success, on_failure)
    signal = dispatcher.delivered

    def work() -> None:
        try:
            outcome = (True, fn())
        except BaseException as exc:  # delivered to on_failure
            outcome = (False, exc)
        try:
            signal.emit(token, outcome)
        except RuntimeError:  # the app is gone (a lane finishing while Python exits): nobody waits for the answer
            pass

    start(work)


def run_op(parent: QObject, fn: Callable[[], Any], on_success: Callable[[Any], None],
           on_failure: Callable[[BaseException], None] | None = None) -> None:
    """Run ``fn`` on a worker thread; deliver its result or exception on the GUI thread.

    Calls run in no particular order (a few threads share the work); use an :class:`OrderedLane` when order
    matters. Call it from the GUI thread.
    """
    _submit(_workers.submit, parent, fn, on_success, on_failure)


def _ignore(_result: Any) -> None:
    pass


class OrderedLane:
    """Calls that must not overtake each other ("pause" then "resume", two saves of one setting): they run one
    after another, in the order submitted, on a thread of their own, and report through the same dispatcher as
    :func:`run_op` (so results arrive in that order too, and a gone parent drops them).

    The thread exists only while there is work: an idle lane holds nothing.
    """

    def __init__(self, name: str = "vodgui-lane") -> None:
        self._name = name
        self._lock = threading.Lock()
        self._jobs: collections.deque[Callable[[], None]] = collections.deque()
        self._draining = False

    def run(self, parent: QObject, fn: Callable[[], Any], on_success: Callable[[Any], None] | None = None,
            on_failure: Callable[[BaseException], None] | None = None) -> None:
        """Queue ``fn`` behind the calls already queued; like :func:`run_op` otherwise (call from the GUI
        thread; a failure without ``on_failure`` is logged)."""
        _submit(self._start, parent, fn, on_success or _ignore, on_failure)

    def wait(self, timeout: float | None = None) -> None:
        """Block until every call queued so far has run (for tests and shutdown); TimeoutError if it takes longer
        than ``timeout`` seconds."""
        done = threading.Event()
        self._start(done.set)
        if not done.wait(timeout):
            raise TimeoutError(f"{self._name}: queued calls still running after {timeout} s")

    def _start(self, job: Callable[[], None]) -> None:
        with self._lock:
            self._jobs.append(job)
            if self._draining:
                return
            self._draining = True
        # Not a daemon: queued writes (pause, remove, a save) finish before the interpreter exits, as they did
        # with the executor this lane replaces. The thread ends as soon as the lane is empty.
        threading.Thread(target=self._drain, name=self._name, daemon=False).start()

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._jobs:
                    self._draining = False
                    return
                job = self._jobs.popleft()
            job()  # never raises: _submit's work() catches everything
