"""Application settings that are not per profile (language, resume behaviour...): ``settings.json``."""

from __future__ import annotations

import copy
import json
import threading
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from vodgui.core.paths import atomic_write_json


@dataclass
class AppSettings:
    #: "" follows the system locale; otherwise "en" or "zh_CN".
    language: str = ""
    #: "system" (the platform's palette), "light", "dark" or "high-contrast"; VODGUI_THEME overrides it.
    theme: str = "system"
    #: After a restart, resume unfinished uploads without asking.
    auto_resume: bool = True
    #: Accept any file extension when adding folders (VOD still checks the name).
    all_files: bool = False
    #: The profile the window opened with last time.
    last_profile: str = ""
    #: New files wait, paused, until Start is pressed (their details can be set before anything is created).
    hold_new_files: bool = False
    #: Show a notification when a batch finishes or fails.
    notify: bool = True
    #: GetVideoInfo polling interval for the history page, seconds.
    history_poll_seconds: int = 10
    #: Look for a newer release once a day: None until the user answered (no checks until then).
    update_checks: bool | None = None
    #: The release feed, e.g. an internal mirror ("" = the project's; VODGUI_UPDATE_FEED overrides both).
    update_feed_url: str = ""
    #: The Playback page's inputs (AuthInfoTimeout, JWT validity, URL-signing type...), never secrets.
    playback_inputs: dict[str, Any] = field(default_factory=dict)


class SettingsStore:
    """The settings file, read once: later reads are copies of what was read or saved (GUI slots read settings
    often, and must not touch the disk each time)."""

    def __init__(self, config_dir: Path) -> None:
        self.path = Path(config_dir) / "settings.json"
        # Reentrant: update() holds it across its load and save, so no other update is lost in between.
        self._lock = threading.RLock()
        self._cached: AppSettings | None = None

    def _read(self) -> AppSettings:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return AppSettings()
        names = {f.name for f in fields(AppSettings)}
        return AppSettings(**{k: v for k, v in data.items() if k in names}) if isinstance(data, dict) \
            else AppSettings()

    def load(self) -> AppSettings:
        """A copy of the settings (the caller may change it; :meth:`save` or :meth:`update` keep changes)."""
        with self._lock:
            if self._cached is None:
                self._cached = self._read()
            return copy.deepcopy(self._cached)

    def save(self, settings: AppSettings) -> None:
        with self._lock:
            atomic_write_json(self.path, asdict(settings))
            self._cached = copy.deepcopy(settings)

    def update(self, **changes: Any) -> AppSettings:
        with self._lock:
            settings = self.load()
            for name, value in changes.items():
                setattr(settings, name, value)
            self.save(settings)
        return settings
