"""check_statuses: batching per profile, settled states, and problems that explain instead of failing."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vodgui.core.errors import ErrorKind, VodError, config_error
from vodgui.core.media_status import (
    MAX_IDS_PER_CALL,
    NO_VOD_ACCESS,
    NOT_FOUND,
    check_statuses,
    is_settled,
)
from vodgui.core.store import QueueStore
from vodgui.core.transfer.events import JobState
from vodgui.core.transfer.record import JobRecord, Kind, VideoDetails
from vodgui.core.vod import VideoInfo


@dataclass
class FakeVod:
    statuses: dict[str, str]
    fail: VodError | None = None
    calls: list[list[str]] = field(default_factory=list)

    def get_video_infos(self, ids: list[str]) -> tuple[list[VideoInfo], list[str]]:
        self.calls.append(list(ids))
        if self.fail is not None:
            raise self.fail
        found = [VideoInfo(v, "t", self.statuses[v], 12.5, 100, "", "", {}) for v in ids if v in self.statuses]
        return found, [v for v in ids if v not in self.statuses]


@dataclass
class FakeSession:
    vod: Any


def test_batches_of_twenty_per_profile_and_the_store_is_updated(tmp_path: Path) -> None:
    ids = [f"{i:032x}" for i in range(45)]
    vod = FakeVod({v: "Transcoding" if i % 2 else "Normal" for i, v in enumerate(ids[:44])})
    store = QueueStore(tmp_path / "q.sqlite3")
    try:
        item = JobRecord(0, 0, Kind.VIDEO, "/a.mp4", 1, 0, {}, "p", JobState.DONE, VideoDetails(), media_id=ids[1])
        store.add_history(item, "a", None)
        report = check_statuses(lambda name: FakeSession(vod), store, {"p": [*ids, ids[0], ""]}, clock=lambda: 7.0)
        [stored] = store.history()
    finally:
        store.close()
    assert [len(c) for c in vod.calls] == [MAX_IDS_PER_CALL, MAX_IDS_PER_CALL, 5]  # duplicates and blanks dropped
    assert report.calls == 3 and not report.problems
    assert report.updates[ids[0]].status == "Normal" and report.updates[ids[0]].checked_at == 7.0
    assert report.updates[ids[44]].status == NOT_FOUND
    assert stored.media_status == "Transcoding" and stored.duration == 12.5


def test_profiles_without_access_are_problems_not_failures() -> None:
    forbidden = VodError("Forbidden.RAM", "User not authorized to operate on the specified resource.",
                         kind=ErrorKind.PERMISSION, request_id="RID-1")
    throttled = VodError("Throttling.User", "Request was denied due to user flow control.",
                         kind=ErrorKind.THROTTLED, retryable=True)
    sessions = {"appserver": FakeSession(None), "upload-only": FakeSession(FakeVod({}, fail=forbidden)),
                "busy": FakeSession(FakeVod({}, fail=throttled)), "ok": FakeSession(FakeVod({"v1": "Normal"}))}

    def factory(name: str) -> FakeSession:
        if name not in sessions:
            raise config_error("ProfileNotFound", f"There is no profile named {name!r}.")
        return sessions[name]

    report = check_statuses(factory, None, {name: ["v1"] for name in [*sessions, "gone"]})
    assert report.updates["v1"].status == "Normal"
    problems = report.problems
    assert problems["appserver"].code == NO_VOD_ACCESS and not problems["appserver"].transient
    assert problems["upload-only"].code == "Forbidden.RAM" and problems["upload-only"].request_id == "RID-1"
    assert not problems["upload-only"].transient
    assert problems["busy"].transient
    assert problems["gone"].code == "ProfileNotFound" and not problems["gone"].transient
    assert set(problems) == {"appserver", "upload-only", "busy", "gone"}


def test_settled_states() -> None:
    for status in ("Normal", "UploadFail", "TranscodeFail", "Blocked", "ProduceFail", NOT_FOUND):
        assert is_settled(status)
    for status in ("Uploading", "UploadSucc", "Transcoding", "Checking", None, ""):
        assert not is_settled(status)
