"""``vodgui --version --verbose``: what a bug report needs (Python, Qt, the checksum backend)."""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_version_verbose_shows_python_qt_and_hashing() -> None:
    out = subprocess.run([sys.executable, "-m", "vodgui", "--version", "--verbose"], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, check=True).stdout
    from PySide6.QtCore import qVersion

    assert out.splitlines()[0].startswith("vodgui ")
    assert f"Python: {platform.python_version()} " in out
    assert f"Qt: {qVersion()} " in out
    assert "CRC-64: anycrc " in out
    assert "pure-Python hashing paths: " in out
    short = subprocess.run([sys.executable, "-m", "vodgui", "--version"], cwd=ROOT, capture_output=True,
                           text=True, timeout=60, check=True).stdout
    assert short.strip() == out.splitlines()[0]
