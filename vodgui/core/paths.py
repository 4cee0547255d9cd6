"""Where vodgui keeps its files. ``VODGUI_HOME`` relocates all of them (tests, portable installs)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

APP_NAME = "vodgui"


@dataclass(frozen=True)
class AppDirs:
    config: Path  # profiles.json, settings.json
    data: Path  # queue.sqlite3, the built-in sandbox's data
    logs: Path

    def ensure(self) -> AppDirs:
        for path in (self.config, self.data, self.logs):
            path.mkdir(parents=True, exist_ok=True)
        return self


def app_dirs(home: str | os.PathLike[str] | None = None) -> AppDirs:
    root = home if home is not None else os.environ.get("VODGUI_HOME")
    if root:
        base = Path(root).expanduser().resolve()
        return AppDirs(base / "config", base / "data", base / "logs")
    return AppDirs(Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
                   Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
                   Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))


@contextmanager
def atomic_replace(path: Path, *, prefix: str | None = None, suffix: str | None = None) -> Iterator[Path]:
    """A new temporary file next to ``path`` for the block to write; it replaces ``path`` when the block ends
    normally and is removed when it raises (a reader never sees a half-written file)."""
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-" if prefix is None else prefix,
                                suffix=path.suffix if suffix is None else suffix)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def atomic_write_json(path: Path, data: Any) -> None:
    """Write ``data`` as indented UTF-8 JSON to ``path`` atomically and durably (fsync before the replace)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_replace(path) as tmp, open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())
