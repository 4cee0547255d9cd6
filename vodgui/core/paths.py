"""Where vodgui keeps its files. ``VODGUI_HOME`` relocates all of them (tests, portable installs)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

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
