"""Folder walks, the media filter, and the "already uploaded" check."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from tests.helpers.workspace import write_file
from vodgui.core.intake import find_uploaded, scan
from vodgui.core.integrity import crc64_file
from vodgui.core.ledger import AccountIdentity, Ledger, ProfileLedger
from vodgui.core.upload_defaults import UploadDefaultsStore


def test_scan_walks_folders_in_name_order_and_filters_media(tmp_path: Path) -> None:
    (tmp_path / "b" / "sub").mkdir(parents=True)
    (tmp_path / "a").mkdir()
    files = [write_file(tmp_path / "a" / "1.mp4", 1), write_file(tmp_path / "b" / "Z.MOV", 2),
             write_file(tmp_path / "b" / "sub" / "x.flac", 3), write_file(tmp_path / "b" / "zz.mkv", 4)]
    write_file(tmp_path / "b" / "readme.txt", 5)
    write_file(tmp_path / "b" / ".DS_Store", 6)
    (tmp_path / "b" / "loop").symlink_to(tmp_path / "b")
    result = scan([str(tmp_path), str(files[0])])  # a file given twice is listed once
    # A folder's own files come before its subfolders' files.
    assert [f.path for f in result.files] == [str(files[0]), str(files[1]), str(files[3]), str(files[2])]
    assert result.files[3].size == 3 and result.ignored == 1
    everything = scan([str(tmp_path / "b")], all_files=True)
    assert len(everything.files) == 4
    missing = scan([str(tmp_path / "nope.mp4")])
    assert missing.files == [] and missing.unreadable == [str(tmp_path / "nope.mp4")]


def _uploaded(ledger: Ledger, path: Path, video_id: str, account: str = "acs:1") -> None:
    st = os.stat(path)
    ledger.record(account, "cn-shanghai", str(path), st.st_size, st.st_mtime_ns, crc64_file(str(path)), video_id,
                  "video")


def test_find_uploaded_by_identity_and_by_content(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite3")
    old = write_file(tmp_path / "old.mp4", 5000, seed=1)
    _uploaded(ledger, old, "V1")
    copy = tmp_path / "copy.mp4"
    shutil.copyfile(old, copy)
    same_size_other = write_file(tmp_path / "other.mp4", 5000, seed=2)
    hashed: list[str] = []

    def checksum(path: str) -> int:
        hashed.append(path)
        return crc64_file(path)

    found = scan([str(old), str(copy), str(same_size_other), str(write_file(tmp_path / "n.mp4", 10))]).files
    mine = ProfileLedger(ledger, AccountIdentity(lambda: "acs:1", "cn-shanghai"))
    dups = find_uploaded(mine, found, checksum=checksum)
    assert [(d.file.path, d.same_content, d.entry.media_id) for d in dups] == [
        (str(old), False, "V1"), (str(copy), True, "V1")]
    assert sorted(hashed) == sorted([str(copy), str(same_size_other)])  # only same-size files are hashed
    # Another account has none of them.
    theirs = ProfileLedger(ledger, AccountIdentity(lambda: "acs:2", "cn-shanghai"))
    assert find_uploaded(theirs, found, checksum=checksum) == []
    ledger.close()


def test_upload_defaults_per_profile(tmp_path: Path) -> None:
    store = UploadDefaultsStore(tmp_path)
    store.put("a", {"tags": ["x"], "title": "ignored", "app_id": "", "cate_id": 5})
    assert store.get("a") == {"tags": ["x"], "cate_id": 5}
    assert store.get("b") == {}
