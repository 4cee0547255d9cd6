"""Local files and logs: settings updates from several threads, the redacting log filter, atomic writes."""

from __future__ import annotations

import json
import logging
import threading
from pathlib import Path

import pytest

from vodgui.core.paths import atomic_write_json
from vodgui.core.redact import RedactingFilter, install_log_filter
from vodgui.core.settings import SettingsStore


def test_concurrent_settings_updates_are_not_lost(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)

    def change(name: str) -> None:
        for i in range(150):
            store.update(**{name: f"{name}-{i}"})

    threads = [threading.Thread(target=change, args=(name,)) for name in ("language", "last_profile")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    settings = store.load()
    assert (settings.language, settings.last_profile) == ("language-149", "last_profile-149")


def test_install_log_filter_adds_no_second_redacting_filter() -> None:
    logger = logging.getLogger("vodgui.tests.regressions")
    own, plain = logging.NullHandler(), logging.NullHandler()
    own.addFilter(RedactingFilter())  # like the log file's handler and the Log page's buffer
    logger.addHandler(own)
    logger.addHandler(plain)
    try:
        install_log_filter(logger)
        install_log_filter(logger)
        for handler in (own, plain):
            assert sum(isinstance(f, RedactingFilter) for f in handler.filters) == 1
    finally:
        logger.removeHandler(own)
        logger.removeHandler(plain)


def test_a_failed_atomic_write_keeps_the_old_file_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    atomic_write_json(path, {"a": 1})
    with pytest.raises(TypeError):
        atomic_write_json(path, {"a": object()})
    assert json.loads(path.read_text(encoding="utf-8")) == {"a": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_settings_are_read_from_disk_once(tmp_path: Path) -> None:
    """GUI slots read settings often: after the first read they come from memory, and a save updates both."""
    store = SettingsStore(tmp_path)
    store.update(language="zh_CN")
    (tmp_path / "settings.json").write_text(json.dumps({"language": "en"}), encoding="utf-8")  # behind its back
    first = store.load()
    assert first.language == "zh_CN"
    first.language = "fr"  # a caller's copy: the store is unchanged
    assert store.load().language == "zh_CN"
    assert SettingsStore(tmp_path).load().language == "en"  # a new store (another process) reads the file
