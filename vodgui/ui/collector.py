"""The garbage collector and a queue of 100,000 items: no long pauses of the window.

A full collection walks every object the collector tracks, holding the GIL: the window cannot paint meanwhile.
With 100,000 queue items (a job, its record and lock, and a row snapshot each) besides the app's own objects, one
walk takes several hundred milliseconds, and CPython makes one whenever the long-lived objects grew by a quarter —
several times while a big batch is added. Objects that live as long as the app (modules, widgets) or as long as
their queue item are therefore taken out of the walks with :func:`gc.freeze`. They are still freed by reference
counting when they go (a removed row, a snapshot replaced by a newer one); only an object that is part of a
reference cycle when frozen would stay until the app ends, and the queue's objects form none that outlives them.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: Items from which a batch is made without collections and frozen afterwards (small batches change nothing).
BIG_BATCH = 2000

_lock = threading.Lock()
_depth = 0
_was_enabled = True


def freeze_long_lived() -> None:
    """Once the window is up and the queue loaded: what exists now lives as long as the app or its queue items."""
    gc.freeze()


@contextmanager
def many_long_lived(count: int = BIG_BATCH) -> Iterator[None]:
    """Around making the objects of ``count`` queue items at once (on any thread; by default: as many as a big
    batch): no collection meanwhile (each would walk the new objects again, holding the GIL), and the new
    objects frozen at the end."""
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
                gc.freeze()
                if _was_enabled:
                    gc.enable()
