"""Workarounds for bugs in the Qt binding, applied once when :mod:`vodgui.ui` is imported.

PySide6 6.12.0 on Python < 3.12: ``SignalInstance.emit()`` returns ``True`` without a new reference, and
``QThreadPool.start(callable)`` releases ``None`` once too often. Each call takes one reference from the
interpreter's singletons; after a few thousand signals Python aborts with "bool_dealloc: deallocating True or
False" (or a segfault). Python 3.12+ makes these objects immortal, which hides the bug. Until a fixed PySide6 is
required, we give the singletons enough references that they can never reach zero. The probe below detects the
``emit`` bug, so a fixed binding leaves the interpreter untouched. (vodgui avoids ``QThreadPool.start(callable)``
altogether: :mod:`vodgui.ui.ops` uses a Python thread pool.)
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

#: References added to each singleton: far more than a process can ever emit signals.
_HEADROOM = 1 << 40

applied = False


class _Probe(QObject):
    fired = Signal()


def emit_leaks_a_reference() -> bool:
    """True if emitting a signal from Python takes a reference from ``True`` (the PySide6 6.12.0 bug)."""
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    return sys.getrefcount(True) < before


def apply() -> bool:
    """Make ``True``, ``False`` and ``None`` un-freeable if the binding leaks their references; idempotent."""
    global applied
    if applied or sys.version_info >= (3, 12) or not emit_leaks_a_reference():
        return applied
    for obj in (True, False, None):
        # ob_refcnt is the first field of every object in a release build of CPython < 3.12.
        ctypes.c_ssize_t.from_address(id(obj)).value += _HEADROOM
    applied = True
    return applied
