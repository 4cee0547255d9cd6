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


def test_the_transfer_core_is_walked_too() -> None:
    """``vodgui.core.transfer`` is a package: the Qt check above imports every module of it."""
    modules = _modules(vodgui.core)
    assert {"vodgui.core.transfer.engine", "vodgui.core.transfer.job", "vodgui.core.transfer.kinds.video",
            "vodgui.core.transfer.uploader"} <= set(modules)


def test_the_kinds_never_import_the_job() -> None:
    """A kind reports through its port and returns values; it never reaches into the job that runs it."""
    import ast
    from pathlib import Path

    kinds = Path(vodgui.core.__file__).parent / "transfer" / "kinds"
    for path in kinds.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
        imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        assert "vodgui.core.transfer.job" not in imported, path.name
        assert "vodgui.core.transfer.engine" not in imported, path.name
