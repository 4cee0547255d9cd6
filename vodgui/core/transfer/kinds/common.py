"""Helpers shared by the job kinds: the VOD client check, a bounded parallel runner, uploader hooks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vodgui.core.errors import ErrorKind, VodError
from vodgui.core.store import PartRecord
from vodgui.core.transfer.uploader import run_parallel

if TYPE_CHECKING:
    from vodgui.core.transfer.job import JobRunner
    from vodgui.core.vod import VodApi

__all__ = ["ProgressHooks", "require_vod", "run_parallel"]


def require_vod(job: JobRunner, what: str) -> VodApi:
    """The profile's VOD client. A profile that gets upload credentials from an AppServer has none: the AppServer
    contract knows only CreateUploadVideo and RefreshUploadVideo."""
    vod = job.session.vod
    if vod is None:
        raise VodError("AppServerUnsupported", f"Profile {job.session.name!r} gets its upload credentials from an "
                       f"AppServer, whose contract covers videos only (create and refresh upload video): {what} "
                       "cannot go through it. Use a profile in STS mode or with an AccessKey for this item.",
                       kind=ErrorKind.CONFIG)
    return vod


class ProgressHooks:
    """Uploader hooks for objects that are not the item's one multipart upload (segments, the index): progress
    and retries go to the job; there is no upload id to remember."""

    def __init__(self, job: JobRunner) -> None:
        self._job = job

    def upload_started(self, upload_id: str, part_size: int) -> None:
        pass

    def upload_discarded(self, reason: str) -> None:
        pass

    def part_done(self, part: PartRecord) -> None:
        pass

    def progress(self, delta: int) -> None:
        self._job.progress(delta)

    def completing(self) -> None:
        pass

    def retrying(self, what: str, error: VodError, attempt: int, delay: float) -> None:
        self._job.retrying(what, error, attempt, delay)
