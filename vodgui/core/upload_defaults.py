"""Metadata applied to newly added files, per profile (template group, app id, storage location... differ per
account): ``upload-defaults.json`` in the config directory."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from vodgui.core.paths import atomic_write_json
from vodgui.core.vod import VideoMetadata

#: Fields a default makes sense for; the title always comes from the file name.
DEFAULT_FIELDS = tuple(name for name in VideoMetadata.__dataclass_fields__ if name != "title")


def clean_defaults(values: dict[str, Any]) -> dict[str, Any]:
    """Only known, non-empty fields (an empty value means "not set", so VOD's own default applies)."""
    return {k: v for k, v in values.items() if k in DEFAULT_FIELDS and v not in ("", None, [])}


class UploadDefaultsStore:
    def __init__(self, config_dir: Path) -> None:
        self.path = Path(config_dir) / "upload-defaults.json"
        self._lock = threading.Lock()

    def _load(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def load_all(self) -> dict[str, dict[str, Any]]:
        with self._lock:
            data = self._load()
        return {str(k): clean_defaults(v) for k, v in data.items() if isinstance(v, dict)}

    def get(self, profile: str) -> dict[str, Any]:
        return self.load_all().get(profile, {})

    def put(self, profile: str, values: dict[str, Any]) -> None:
        with self._lock:
            data = self._load()
            data[profile] = clean_defaults(values)
            atomic_write_json(self.path, data)
