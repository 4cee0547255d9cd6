"""The architecture rule: the core and the sandbox never import Qt, and the sandbox never imports the core."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import vodgui.core
import vodgui.sandbox


def _modules(package: object) -> list[str]:
    path = package.__path__  # type: ignore[attr-defined]
    prefix = package.__name__ + "."  # type: ignore[attr-defined]
    return [m.name for m in pkgutil.walk_packages(path, prefix)]


@pytest.mark.parametrize("package", [vodgui.core, vodgui.sandbox], ids=["core", "sandbox"])
def test_no_qt_import(package: object) -> None:
    modules = _modules(package)
    assert modules, "no modules found"
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "", f"Qt imported by {package}: {out.stdout}"


def test_sandbox_does_not_import_core_or_sdks() -> None:
    modules = _modules(vodgui.sandbox)
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('vodgui.core', 'oss2', 'aliyunsdk', 'vodgui.ui')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "", f"the sandbox imports client code: {out.stdout}"
