"""check_statuses: batching per profile, settled states, and problems that explain instead of failing;
StatusFollower: every video followed until it settles, with growing pauses, and never forever (fake clock)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vodgui.core.errors import ErrorKind, VodError, config_error
from vodgui.core.media_status import (
    MAX_IDS_PER_CALL,
    NO_VOD_ACCESS,
    NOT_FOUND,
    FollowResult,
    StatusFollower,
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


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def follower(vods: dict[str, Any], clock: FakeClock, results: list[FollowResult], **kw: Any) -> StatusFollower:
    return StatusFollower(lambda name: FakeSession(vods[name]), None, results.append, clock=clock, wall=clock, **kw)


def test_a_video_is_checked_with_growing_pauses_and_given_up_at_the_time_limit() -> None:
    vod, clock, results = FakeVod({"v1": "Transcoding"}), FakeClock(), []
    f = follower({"p": vod}, clock, results, first=1.0, factor=2.0, most=8.0, timeout=40.0)
    f.add("p", "v1")
    checked_at: list[float] = []
    delay = f.run_due()
    assert delay == 1.0 and vod.calls == []  # not due yet: nothing asked
    while delay is not None:
        clock.now += delay
        before = len(vod.calls)
        delay = f.run_due()
        assert len(vod.calls) == before + 1
        checked_at.append(clock.now - 1000.0)
    # 1, then pauses of 2, 4, 8, 8... (at most 8), the last check exactly at the limit.
    assert checked_at == [1.0, 3.0, 7.0, 15.0, 23.0, 31.0, 39.0, 40.0]
    assert results == [FollowResult("p", "v1", "Transcoding", False, None, 40.0)]
    assert not results[0].failed and f.pending() == [] and f.wait_idle(0)


def test_videos_end_when_they_settle_checked_together() -> None:
    vod, clock, results = FakeVod({"ok": "Transcoding", "bad": "Transcoding"}), FakeClock(), []
    f = follower({"p": vod}, clock, results, first=1.0, factor=2.0, most=60.0, timeout=3600.0)
    f.add("p", "ok")
    f.add("p", "bad")
    clock.now += 1.0
    assert f.run_due() == 2.0 and vod.calls == [["ok", "bad"]]  # one call for both
    vod.statuses.update(ok="Normal", bad="TranscodeFail")
    clock.now += 2.0
    assert f.run_due() is None
    assert {r.video_id: (r.status, r.settled, r.failed) for r in results} == {
        "ok": ("Normal", True, False), "bad": ("TranscodeFail", True, True)}
    assert f.pending() == [] and f.calls == 2


def test_a_profile_that_cannot_read_statuses_is_given_up_a_transient_problem_is_not() -> None:
    forbidden = VodError("Forbidden.RAM", "not authorized", kind=ErrorKind.PERMISSION)
    throttled = VodError("Throttling.User", "flow control", kind=ErrorKind.THROTTLED, retryable=True)
    busy = FakeVod({"b": "Transcoding"}, fail=throttled)
    vods = {"appserver": None, "upload-only": FakeVod({}, fail=forbidden), "busy": busy}
    clock, results = FakeClock(), []
    f = follower(vods, clock, results, first=1.0, timeout=100.0)
    for profile, video in (("appserver", "a"), ("upload-only", "u"), ("busy", "b")):
        f.add(profile, video)
    clock.now += 1.0
    assert f.run_due() == 2.0
    assert {r.video_id: (r.settled, r.problem.code if r.problem else None) for r in results} == {
        "a": (False, NO_VOD_ACCESS), "u": (False, "Forbidden.RAM")}
    assert f.pending() == [("busy", "b", None)]  # throttled: asked again later
    busy.fail = None
    busy.statuses["b"] = "Normal"
    clock.now += 2.0
    assert f.run_due() is None and results[-1] == FollowResult("busy", "b", "Normal", True, None, 3.0)


def test_the_follower_thread_reports_each_video_once(tmp_path: Path) -> None:
    vod, results = FakeVod({"v1": "Normal", "v2": "Blocked"}), []
    f = StatusFollower(lambda name: FakeSession(vod), None, results.append, first=0.0)
    f.start()
    try:
        f.add("p", "v1")
        f.add("p", "v2")
        f.add("p", "v1")  # followed already
        assert f.wait_idle(30)
    finally:
        f.stop()
    assert sorted((r.video_id, r.status) for r in results) == [("v1", "Normal"), ("v2", "Blocked")]
