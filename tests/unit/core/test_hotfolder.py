"""Hot folder decisions with a fake clock: what is complete, what waits, what is never queued."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from vodgui.core.hotfolder import (
    Decision,
    HotFolders,
    HotFolderStore,
    TemplateError,
    UploadGuard,
    WatchedFolder,
    WatchTemplate,
    is_temporary,
    open_for_writing,
)
from vodgui.core.transfer.events import JobState
from vodgui.core.transfer.record import NewItem


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class Ledger:
    def __init__(self) -> None:
        self.known: dict[tuple[str, int], str] = {}

    def account(self) -> str:
        return "acs:1"

    def find(self, path: str, size: int, mtime_ns: int, *, kind: str | None = None) -> Any:
        media = self.known.get((path, size))
        return None if media is None else SimpleNamespace(media_id=media, same_content=False)


def make(folder: Path, clock: Clock, *, queue: list[Any] | None = None, writing: set[str] | None = None,
         settle: float = 5.0) -> tuple[HotFolders, list[NewItem], Ledger]:
    added: list[NewItem] = []
    ledger = Ledger()

    def enqueue(items: list[NewItem]) -> list[int]:
        added.extend(items)
        return list(range(len(added) - len(items) + 1, len(added) + 1))

    guard = UploadGuard(lambda name: SimpleNamespace(ledger=ledger), lambda: list(queue or []))
    hot = HotFolders(enqueue, guard, clock=clock, writing=lambda p: p in (writing or set()))
    hot.set_folders([WatchedFolder(str(folder), "p", WatchTemplate(title="{folder} {stem}", tags=("a",)),
                                   settle=settle)])
    return hot, added, ledger


def write(path: Path, size: int, mtime: float) -> Path:
    path.write_bytes(b"x" * size)
    os.utime(path, (mtime, mtime))
    return path


def test_a_file_waits_until_its_size_and_time_settle(tmp_path: Path) -> None:
    clock = Clock(1000.0)
    hot, added, _ = make(tmp_path, clock)
    clip = write(tmp_path / "clip.mp4", 10, 1000.0)
    assert hot.poll() == []  # first sight
    clock.now += 3
    write(clip, 20, 1003.0)  # still growing
    assert hot.poll() == []
    clock.now += 4
    assert hot.poll() == []  # unchanged for 4 s < 5 s
    assert hot.statuses()[0].settling == 1
    clock.now += 2
    [decision] = hot.poll()
    assert decision.decision is Decision.QUEUED and [i.path for i in added] == [str(clip)]
    assert added[0].metadata["title"] == f"{tmp_path.name} clip" and added[0].metadata["tags"] == ["a"]
    clock.now += 100
    hot.scan(str(tmp_path))
    assert hot.poll() == [] and len(added) == 1  # decided once


def test_an_old_file_still_needs_two_looks_and_no_writer(tmp_path: Path) -> None:
    clock = Clock(5000.0)
    writing: set[str] = set()
    hot, _, _ = make(tmp_path, clock, writing=writing)
    clip = write(tmp_path / "old.mov", 10, 100.0)
    writing.add(str(clip))
    assert hot.poll() == []
    clock.now += 1
    assert hot.poll() == []  # quiet for ages, but someone has it open for writing
    writing.clear()
    clock.now += 1
    assert hot.poll() == []  # the settle time starts again when the writer is gone
    clock.now += 5
    assert [d.path for d in hot.poll()] == [str(clip)]


def test_temporary_hidden_and_foreign_files_are_never_queued(tmp_path: Path) -> None:
    clock = Clock(1000.0)
    hot, added, _ = make(tmp_path, clock)
    for name in ("a.mp4.part", ".hidden.mp4", "b.mp4.tmp", "c.mp4~", "~$d.mp4", "notes.txt", "e.crdownload"):
        write(tmp_path / name, 10, 1.0)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "deep.mp4", 10, 1.0)  # not recursive
    for _ in range(3):
        clock.now += 10
        hot.poll()
    assert added == []
    assert all(is_temporary(n) for n in ("x.part", ".x", "x.TMP", "x~", "~$x.mp4"))
    assert not is_temporary("clip.mp4")


def test_the_ledger_and_the_queue_keep_a_file_from_going_twice(tmp_path: Path) -> None:
    clock = Clock(1000.0)
    unfinished = SimpleNamespace(path=str(tmp_path / "resuming.mp4"), profile="p", state=JobState.PAUSED,
                                 media_id="v-queued", id=7, size=10, mtime_ns=0)
    hot, added, ledger = make(tmp_path, clock, queue=[unfinished])
    write(tmp_path / "resuming.mp4", 10, 1.0)
    write(tmp_path / "known.mp4", 10, 1.0)
    write(tmp_path / "new.mp4", 10, 1.0)
    ledger.known[(str(tmp_path / "known.mp4"), 10)] = "v-known"
    hot.poll()
    clock.now += 10
    decisions = {Path(d.path).name: d for d in hot.poll()}
    assert decisions["resuming.mp4"].decision is Decision.SKIPPED and decisions["resuming.mp4"].job_id == 7
    assert decisions["known.mp4"].decision is Decision.SKIPPED and decisions["known.mp4"].media_id == "v-known"
    assert decisions["new.mp4"].decision is Decision.QUEUED
    assert [Path(i.path).name for i in added] == ["new.mp4"]
    status = hot.statuses()[0]
    assert (status.queued, status.skipped, status.settling) == (1, 2, 0)


def test_open_for_writing_sees_this_process(tmp_path: Path) -> None:
    if not Path("/proc/self/fdinfo").is_dir():
        pytest.skip("the OS cannot tell (no /proc)")
    path = tmp_path / "w.mp4"
    with open(path, "wb") as f:
        f.write(b"x")
        assert open_for_writing(str(path))
    with open(path, "rb"):
        assert not open_for_writing(str(path))


def test_templates_and_folders_round_trip_and_refuse_mistakes(tmp_path: Path) -> None:
    store = HotFolderStore(tmp_path)
    folder = WatchedFolder(str(tmp_path), "p", WatchTemplate(title="{date} {name}", cate_id=3, tags=("x",)),
                           recursive=True, settle=2.5)
    store.save([folder])
    assert store.load() == [folder]
    assert WatchTemplate(title="{stem}").title_for("/a/b/c.final.mp4") == "c.final"
    with pytest.raises(TemplateError) as bad:
        WatchTemplate(title="{basename}").check()
    assert bad.value.code == "InvalidTitlePattern"
    with pytest.raises(TemplateError) as unknown:
        WatchTemplate.from_json({"titel": "x"})
    assert unknown.value.code == "UnknownTemplateField"
    assert WatchTemplate.from_json({"tags": "a, b", "cate_id": "12"}).metadata("/x/y.mp4") == {
        "title": "y", "tags": ["a", "b"], "cate_id": 12}
