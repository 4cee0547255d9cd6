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

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.store import QueueStore

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
