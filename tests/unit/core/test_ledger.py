"""The duplicate guard: finished uploads keyed by account and region, found by identity or by content."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from tests.helpers.workspace import write_file
from vodgui.core.integrity import crc64_file
from vodgui.core.ledger import AccountIdentity, Ledger, ProfileLedger, appserver_account


def _record(ledger: Ledger, path: Path, media_id: str, *, account: str = "acs:1", region: str = "cn-shanghai",
            kind: str = "video") -> None:
    st = os.stat(path)
    ledger.record(account, region, str(path), st.st_size, st.st_mtime_ns, crc64_file(str(path)), media_id, kind)


def test_a_file_is_found_only_in_the_account_and_region_it_went_to(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite3")
    clip = write_file(tmp_path / "clip.mp4", 3000, seed=1)
    _record(ledger, clip, "V1")
    st = os.stat(clip)
    hit = ledger.find("acs:1", "cn-shanghai", str(clip), st.st_size, st.st_mtime_ns)
    assert hit is not None and hit.media_id == "V1" and not hit.same_content
    assert ledger.find("acs:2", "cn-shanghai", str(clip), st.st_size, st.st_mtime_ns) is None
    assert ledger.find("acs:1", "ap-southeast-1", str(clip), st.st_size, st.st_mtime_ns) is None
    # Uploaded as another kind (a subtitle file as attached media, say) does not count.
    assert ledger.find("acs:1", "cn-shanghai", str(clip), st.st_size, st.st_mtime_ns, kind="attached") is None
    ledger.close()
    # It is a file: a new process sees the same entries.
    again = Ledger(tmp_path / "ledger.sqlite3")
    assert [e.media_id for e in again.entries()] == ["V1"]
    again.close()


def test_a_touched_or_copied_file_matches_by_content_and_an_edited_one_does_not(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite3")
    clip = write_file(tmp_path / "clip.mp4", 4096, seed=2)
    _record(ledger, clip, "V1")
    os.utime(clip, ns=(1, 1))  # touched: same bytes, other mtime
    hit = ledger.find("acs:1", "cn-shanghai", str(clip), 4096, 1)
    assert hit is not None and hit.media_id == "V1" and hit.same_content
    edited = write_file(tmp_path / "clip.mp4", 4096, seed=3)  # same size, other bytes
    st = os.stat(edited)
    assert ledger.find("acs:1", "cn-shanghai", str(edited), 4096, st.st_mtime_ns) is None
    # The latest upload of a file wins.
    _record(ledger, edited, "V2")
    assert ledger.find("acs:1", "cn-shanghai", str(edited), 4096, st.st_mtime_ns).media_id == "V2"
    ledger.close()


def test_no_account_lookup_and_no_hashing_without_an_upload_of_that_size(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite3")
    _record(ledger, write_file(tmp_path / "a.mp4", 100, seed=1), "V1")
    learned: list[int] = []

    def learn() -> str:
        learned.append(1)
        return "acs:1"

    mine = ProfileLedger(ledger, AccountIdentity(learn, "cn-shanghai"))
    other = write_file(tmp_path / "b.mp4", 200, seed=1)
    hashed: list[str] = []
    assert mine.find(str(other), 200, 0, checksum=lambda p: hashed.append(p) or 0) is None
    assert learned == [] and hashed == []
    assert mine.find(str(tmp_path / "a.mp4"), 100, os.stat(tmp_path / "a.mp4").st_mtime_ns) is not None
    assert mine.find(str(tmp_path / "a.mp4"), 100, os.stat(tmp_path / "a.mp4").st_mtime_ns) is not None
    assert learned == [1]  # learned once, then cached
    ledger.close()


def test_the_account_is_learned_once_across_threads_and_a_failure_is_not_cached() -> None:
    calls: list[int] = []
    fail = [True]

    def learn() -> str:
        calls.append(1)
        if fail[0]:
            fail[0] = False
            raise OSError("offline")
        return "acs:7"

    identity = AccountIdentity(learn, "cn-beijing")
    try:
        identity.key()
    except OSError:
        pass
    keys: list[str] = []
    threads = [threading.Thread(target=lambda: keys.append(identity.key())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert keys == ["acs:7"] * 8 and len(calls) == 2


def test_an_appserver_is_identified_by_its_normalised_url() -> None:
    assert appserver_account("HTTPS://Vod.Example.com:443/api/") == "appserver:https://vod.example.com/api"
    assert appserver_account("http://127.0.0.1:8080/x") == "appserver:http://127.0.0.1:8080/x"
    assert appserver_account("https://a.example/x") != appserver_account("https://b.example/x")
