"""Checking the media status of finished uploads (GetVideoInfos, batched per profile) and remembering it.

A video moves ``Uploading -> UploadSucc -> Transcoding -> Normal`` (or ends in a failure state). Once it is
:data:`SETTLED` nobody needs to ask again; until then the history page (or the CLI) calls
:func:`check_statuses` now and then. The result is written to the queue store's history, so the last known
status shows at once the next time the app starts.

A profile that cannot read video information (upload credentials through an AppServer have no VOD client;
a RAM policy may allow uploads but not GetVideoInfos) is reported once per check as a :class:`ProfileProblem`
instead of failing every row.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.store import QueueStore

log = logging.getLogger(__name__)

#: VOD's GetVideoInfos takes at most 20 ids per call.
MAX_IDS_PER_CALL = 20

NORMAL = "Normal"
#: Not a VOD status: GetVideoInfos listed the id in NonExistVideoIds (the video was deleted).
NOT_FOUND = "NotFound"
FAILED = frozenset({"UploadFail", "TranscodeFail", "Blocked", "ProduceFail", NOT_FOUND})
#: Statuses that do not change any more by themselves: stop polling.
SETTLED = frozenset({NORMAL}) | FAILED
#: Not yet settled: uploading, waiting for or in transcoding, in review.
PROCESSING = frozenset({"Uploading", "UploadSucc", "Transcoding", "Checking"})

#: The profile has no VOD client (upload credentials from an AppServer).
NO_VOD_ACCESS = "NoVodAccess"

#: Kinds of failure that may pass by themselves: keep polling.
_TRANSIENT_KINDS = frozenset({ErrorKind.NETWORK, ErrorKind.THROTTLED, ErrorKind.SERVER, ErrorKind.AUTH_EXPIRED})


def is_settled(status: str | None) -> bool:
    return status in SETTLED


@dataclass(frozen=True)
class StatusUpdate:
    video_id: str
    status: str
    duration: float | None
    checked_at: float


@dataclass(frozen=True)
class ProfileProblem:
    """Why a profile's videos could not be checked.

    Attributes:
        code: the service's or our error code (``Forbidden.RAM``, ``NoVodAccess``, ``ProfileNotFound``...).
        kind: :class:`ErrorKind` value, for the UI's explanation.
        message: the service's message (redacted).
        request_id: the failed call's RequestId, if any.
        transient: a later check may succeed without anyone changing anything (network, throttling...).
        params: the values of our message ``code`` (see :mod:`vodgui.core.messages`).
    """

    code: str
    kind: str
    message: str = ""
    request_id: str | None = None
    transient: bool = False
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class StatusReport:
    updates: dict[str, StatusUpdate] = field(default_factory=dict)
    problems: dict[str, ProfileProblem] = field(default_factory=dict)
    #: How many GetVideoInfos calls were made (for tests and the status line).
    calls: int = 0


def chunks(ids: list[str], size: int = MAX_IDS_PER_CALL) -> Iterable[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _problem(exc: BaseException) -> ProfileProblem:
    if isinstance(exc, VodError):
        transient = exc.retryable or exc.kind in _TRANSIENT_KINDS
        return ProfileProblem(exc.code, exc.kind.value, exc.message, exc.request_id, transient, dict(exc.params))
    return ProfileProblem(type(exc).__name__, ErrorKind.UNKNOWN.value, str(exc), None, True)


def check_statuses(sessions: Callable[[str], Any], store: QueueStore | None,
                   wanted: dict[str, list[str]], clock: Callable[[], float] = time.time) -> StatusReport:
    """Ask VOD for the status of ``wanted`` (profile name -> VideoIds) and store what it says.

    Blocking (network): call it off the GUI thread. ``sessions`` is the workspace's session factory
    (profile name -> :class:`~vodgui.core.transfer.context.ProfileSession`). Never raises for a service error:
    those become :attr:`StatusReport.problems`.
    """
    report = StatusReport()
    for profile, video_ids in wanted.items():
        ids = list(dict.fromkeys(v for v in video_ids if v))
        if not ids:
            continue
        try:
            vod = sessions(profile).vod
        except Exception as exc:  # a missing profile or secret: explain it, check the other profiles
            report.problems[profile] = _problem(exc)
            continue
        if vod is None:
            report.problems[profile] = ProfileProblem(NO_VOD_ACCESS, ErrorKind.CONFIG.value)
            continue
        for batch in chunks(ids):
            try:
                report.calls += 1
                videos, missing = vod.get_video_infos(batch)
            except Exception as exc:
                report.problems[profile] = _problem(exc)
                break
            now = clock()
            for video in videos:
                report.updates[video.video_id] = StatusUpdate(video.video_id, video.status, video.duration, now)
            for video_id in missing:
                report.updates[video_id] = StatusUpdate(video_id, NOT_FOUND, None, now)
    if store is not None:
        for update in report.updates.values():
            if update.status:
                store.update_history_status(update.video_id, update.status, update.duration)
    return report


# -- following videos to the end --------------------------------------------------------------------------------
#: Pauses between two checks of one video: the first after FOLLOW_FIRST s, then growing by FOLLOW_FACTOR up to
#: FOLLOW_MOST s (a short clip is Normal within seconds, a long film transcodes for many minutes).
FOLLOW_FIRST = 1.0
FOLLOW_FACTOR = 2.0
FOLLOW_MOST = 60.0
#: How long a video is followed after it was handed over before the follower gives up on it.
FOLLOW_TIMEOUT = 3600.0


@dataclass(frozen=True)
class FollowResult:
    """How following one video ended.

    Attributes:
        profile, video_id: the video.
        status: its settled status (``Normal``, ``TranscodeFail``...), or the last one seen when it was given up
            (``Transcoding``, or None if VOD never answered).
        settled: VOD reported a settled status (:data:`SETTLED`); False: given up (``problem`` or the time limit).
        problem: why the profile's videos cannot be checked (non-transient), or None.
        waited: seconds from :meth:`StatusFollower.add` to this result.
    """

    profile: str
    video_id: str
    status: str | None
    settled: bool
    problem: ProfileProblem | None = None
    waited: float = 0.0

    @property
    def failed(self) -> bool:
        return self.status in FAILED


@dataclass
class _Followed:
    profile: str
    video_id: str
    added: float
    due: float
    pause: float
    status: str | None = None


class StatusFollower:
    """Follows finished uploads until VOD settles them (Normal or a failure), checking with growing pauses.

    The checks are :func:`check_statuses` rounds (batched per profile, answers stored with the history, so
    ``vodgui history list`` and the History page show them). Each video is checked ``first`` s after
    :meth:`add`, then after pauses growing by ``factor`` up to ``most`` s, and given up ``timeout`` s after it was
    added, or at once when its profile cannot read video information (no VOD access, a RAM policy that denies
    GetVideoInfos). A transient problem (network, throttling) only means another check later.

    Runs on its own thread (:meth:`start`, :meth:`stop`) or step by step with a fake clock (:meth:`run_due`).
    ``on_result`` is called once per video, on the checking thread.
    """

    def __init__(self, sessions: Callable[[str], Any], store: QueueStore | None,
                 on_result: Callable[[FollowResult], None], *, clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], float] = time.time, first: float = FOLLOW_FIRST, factor: float = FOLLOW_FACTOR,
                 most: float = FOLLOW_MOST, timeout: float = FOLLOW_TIMEOUT) -> None:
        self._sessions = sessions
        self._store = store
        self._on_result = on_result
        self._clock = clock
        self._wall = wall
        self.first, self.factor, self.most, self.timeout = first, factor, most, timeout
        self._followed: dict[str, _Followed] = {}
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        #: How many GetVideoInfos calls were made (tests, the summary line).
        self.calls = 0

    def add(self, profile: str, video_id: str) -> None:
        """Follow ``video_id`` (of ``profile``) from now on; a video followed already is left as it is."""
        now = self._clock()
        with self._lock:
            if video_id and video_id not in self._followed:
                self._followed[video_id] = _Followed(profile, video_id, now, now + self.first, self.first)
        self._wake.set()

    def pending(self) -> list[tuple[str, str, str | None]]:
        """(profile, VideoId, last status seen) of the videos still followed."""
        with self._lock:
            return [(f.profile, f.video_id, f.status) for f in self._followed.values()]

    def run_due(self) -> float | None:
        """Check the videos that are due now; returns the seconds until the next one is due (None: none left)."""
        now = self._clock()
        with self._lock:
            due = [f for f in self._followed.values() if f.due <= now]
        results: list[FollowResult] = []
        if due:
            wanted: dict[str, list[str]] = {}
            for f in due:
                wanted.setdefault(f.profile, []).append(f.video_id)
            report = check_statuses(self._sessions, self._store, wanted, self._wall)
            now = self._clock()
            with self._lock:
                self.calls += report.calls
                for f in due:
                    update = report.updates.get(f.video_id)
                    if update is not None and update.status:
                        f.status = update.status
                    problem = report.problems.get(f.profile)
                    if is_settled(f.status) or (problem is not None and not problem.transient) \
                            or now - f.added >= self.timeout:
                        settled = is_settled(f.status)
                        results.append(FollowResult(f.profile, f.video_id, f.status, settled,
                                                    None if settled else problem, now - f.added))
                        del self._followed[f.video_id]
                    else:
                        f.pause = min(self.most, f.pause * self.factor)
                        f.due = min(now + f.pause, f.added + self.timeout)
        for result in results:
            self._on_result(result)
        with self._lock:
            if results:
                self._changed.notify_all()
            if not self._followed:
                return None
            return max(0.0, min(f.due for f in self._followed.values()) - self._clock())

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until no video is followed any more (or ``timeout`` s passed); True when none is left."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._followed, timeout)

    # -- the thread --------------------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="status-follower", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                delay = self.run_due()
            except Exception:  # a bug must not end the following silently: log it and try again later
                log.exception("checking the media status failed")
                delay = self.most
            self._wake.wait(delay)
            self._wake.clear()
