"""``vodgui --version [--verbose]``: the version, and with ``--verbose`` what a bug report needs to know about
the interpreter, Qt and the checksum backend."""

from __future__ import annotations

import platform
import sys

from vodgui import __version__
from vodgui.core.integrity import hashing_info


def _qt_line() -> str:
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError as exc:  # e.g. a system library missing: the message names it
        return f"Qt: cannot be loaded: {exc}"
    return f"Qt: {qVersion()} (PySide6 {PySide6.__version__})"


def version_lines(verbose: bool = False) -> list[str]:
    lines = [f"vodgui {__version__}"]
    if verbose:
        lines.append(f"Python: {platform.python_version()} ({platform.python_implementation()}, {sys.executable})")
        lines.append(f"Platform: {platform.platform()}")
        lines.append(_qt_line())
        lines.extend(hashing_info().lines())
    return lines
