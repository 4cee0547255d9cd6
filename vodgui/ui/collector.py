"""The garbage collector and a queue of 100,000 items: no long pauses of the window.

A full collection walks every object the collector tracks, holding the GIL: the window cannot paint meanwhile.
With 100,000 queue items (a job, its record and lock, and a row snapshot each) besides the app's own objects, one
walk takes several hundred milliseconds, and CPython makes one whenever the long-lived objects grew by a quarter —
several times while a big batch is added. Objects that live as long as the app (modules, widgets) or as long as
their queue item are therefore taken out of the walks with :func:`gc.freeze`. They are still freed by reference
counting when they go (a removed row, a snapshot replaced by a newer one); only an object that is part of a
reference cycle when frozen would stay until the app ends, and the queue's objects form none that outlives them.

The other pause is the GIL hand-over itself (:func:`short_switches`): while a worker thread runs Python without a
break (walking a folder of 100,000 files, making their queue items), every call from Qt into Python on the GUI thread
(a timer, each ``data()`` or ``paint()`` of a repaint) waits up to the interpreter's switch interval for the GIL, and a
repaint makes dozens of them one after the other.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: Items from which a batch is made without collections and frozen afterwards (small batches change nothing).
BIG_BATCH = 2000

_lock = threading.Lock()
_depth = 0
_was_enabled = True

#: The switch interval while a big batch is walked and queued (CPython's default is 5 ms). Measured with
#: ``bench/ui_latency.py --items 100000`` (largest GUI stall while adding 100,000 files): 5 ms 170-203 ms, 1 ms
#: 94-127 ms, 0.5 ms 38-60 ms, 0.25 ms 35-44 ms; the add took as long as before (4.7-5.2 s) at every interval.
BATCH_SWITCH_INTERVAL = 0.00025
_switch_lock = threading.Lock()
_switch_depth = 0
_saved_interval = 0.005


def freeze_long_lived() -> None:
    """Once the window is up and the queue loaded: what exists now lives as long as the app or its queue items."""
    gc.freeze()


@contextmanager
def many_long_lived(count: int = BIG_BATCH, *, sweep: bool = False) -> Iterator[None]:
    """Around making the objects of ``count`` queue items at once (on any thread; by default: as many as a big
    batch): no collection meanwhile (each would walk the new objects again, holding the GIL), and the new
    objects frozen at the end. ``sweep``: one collection of what was made meanwhile before it is frozen, for work
    that runs while uploads go on (their requests leave reference cycles behind, which a freeze would keep for
    good); it costs one pause of some tens of milliseconds at the end instead of several during the work."""
    global _depth, _was_enabled
    if count < BIG_BATCH:
        yield
        return
    with _lock:
        _depth += 1
        if _depth == 1:
            _was_enabled = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                if sweep:
                    gc.collect(0)  # the young generation: everything made since the collector was turned off
                gc.freeze()
                if _was_enabled:
                    gc.enable()


@contextmanager
def short_switches() -> Iterator[None]:
    """Around work a thread other than the GUI's does in Python for a long time (on any thread, nested or at once
    on several): the interpreter hands the GIL over every :data:`BATCH_SWITCH_INTERVAL` instead of every 5 ms, so
    the GUI thread, which needs the GIL for each call from Qt into Python, is not kept waiting for each of them.
    The interval before the first of them comes back after the last."""
    global _switch_depth, _saved_interval
    with _switch_lock:
        _switch_depth += 1
        if _switch_depth == 1:
            _saved_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_saved_interval, BATCH_SWITCH_INTERVAL))
    try:
        yield
    finally:
        with _switch_lock:
            _switch_depth -= 1
            if _switch_depth == 0:
                sys.setswitchinterval(_saved_interval)
