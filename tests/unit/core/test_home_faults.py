"""A full or read-only home is recognised and explained (directory, what to free); other errors are not."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from vodgui.core.home_faults import HOME_FULL, HOME_NOT_WRITABLE, HomeFault, home_fault, raise_home_faults
from vodgui.core.paths import app_dirs


def test_a_full_disk_under_the_home_names_the_folder_and_what_vodgui_keeps_there(tmp_path: Path) -> None:
    dirs = app_dirs(tmp_path / "home").ensure()
    (dirs.logs / "vodgui.log").write_bytes(b"x" * 300_000)
    exc = OSError(errno.ENOSPC, "No space left on device", str(dirs.config / "profiles.json"))
    fault = home_fault(exc, dirs)
    assert isinstance(fault, HomeFault) and fault.code == HOME_FULL
    assert str(dirs.config) in fault.message and "--home" in fault.message and "logs 0.3 MB" in fault.message
    assert fault.details["used"]["logs"] == 300_000 and fault.details["free"] is not None


def test_sqlite_full_and_readonly_errors_become_typed_faults(tmp_path: Path) -> None:
    data = tmp_path / "home" / "data"
    with pytest.raises(HomeFault) as full, raise_home_faults(data):
        raise sqlite3.OperationalError("database or disk is full")
    assert full.value.code == HOME_FULL and str(data) in full.value.message
    with pytest.raises(HomeFault) as readonly, raise_home_faults(data):
        raise sqlite3.OperationalError("attempt to write a readonly database")
    assert readonly.value.code == HOME_NOT_WRITABLE and "cannot be written" in readonly.value.message


def test_other_errors_are_not_the_homes(tmp_path: Path) -> None:
    dirs = app_dirs(tmp_path / "home").ensure()
    # A video on a full USB stick is the job's business, and a missing file is not a full disk.
    assert home_fault(OSError(errno.ENOSPC, "full", "/media/usb/clip.mp4"), dirs) is None
    assert home_fault(FileNotFoundError(errno.ENOENT, "gone", str(dirs.data / "x")), dirs) is None
    assert home_fault(sqlite3.IntegrityError("UNIQUE constraint failed"), dirs) is None
    with pytest.raises(sqlite3.IntegrityError), raise_home_faults(dirs.data):
        raise sqlite3.IntegrityError("UNIQUE constraint failed")
