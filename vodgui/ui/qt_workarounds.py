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


def quiet_ffmpeg() -> bool:
    """Stop FFmpeg (inside Qt Multimedia) from printing stream details on stderr.

    FFmpeg's default logger writes ``av_dump_format`` output, including the full stream URL with its signed
    ``auth_key``, straight to stderr, outside Python logging and its redaction. Raising FFmpeg's log level to
    errors only keeps that credential off the terminal. Call it after the first QMediaPlayer exists (Qt loads its
    FFmpeg libraries then). Best effort: returns False if libavutil cannot be reached.
    """
    import ctypes
    import glob
    import os

    import PySide6

    lib_dir = os.path.join(os.path.dirname(PySide6.__file__), "Qt", "lib")
    candidates = sorted(glob.glob(os.path.join(lib_dir, "libavutil.so.*"))) or ["libavutil.so"]
    for path in candidates:
        try:
            avutil = ctypes.CDLL(path)
        except OSError:
            continue
        av_log_error = 16  # AV_LOG_ERROR
        avutil.av_log_set_level(av_log_error)
        return True
    return False
